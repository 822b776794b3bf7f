"""A synthetic but realistic kk/ru/en vocabulary with Zipf-like word frequencies.

Kazakh words are roots with real case/plural endings chosen by vowel harmony and the
root's last sound, so the documents hold the inflected forms a citizen types.
"""

from __future__ import annotations

import random
from itertools import accumulate

KK_ROOTS = """
мемлекет министрлік әкімдік қызмет азамат құжат өтініш салық бюджет заң жоба
бағдарлама білім денсаулық аурухана мектеп университет ғылым мәдениет спорт жастар
отбасы бала ана зейнетақы жәрдемақы жұмыс кәсіпкерлік бизнес несие банк қаржы
экономика өнеркәсіп ауыл шаруашылық жер су орман табиғат экология көлік жол
темір әуежай байланыс цифрландыру ақпарат жаңалық хабарландыру есеп жоспар
стратегия даму инвестиция экспорт сауда баға тариф коммуналдық тұрғын үй құрылыс
қала облыс аудан әкім депутат парламент үкімет президент сайлау құқық сот прокуратура
полиция қауіпсіздік төтенше өрт дағдарыс көмек әлеуметтік халық санақ статистика
еңбек кадр маман оқу курс емтихан диплом лицензия рұқсат тіркеу куәлік паспорт
виза шекара кеден тіл аударма мұрағат кітапхана музей театр туризм мереке конкурс
грант стипендия жеңілдік тексеру бақылау аудит сатып алу келісім шарт хаттама
шешім бұйрық қаулы ереже стандарт сапа тұтынушы нарық энергетика мұнай газ электр
жылу сумен қамту канализация егін мал ветеринария балық қорғау мүгедек зағип
""".split()

RU_WORDS = """
министерство государство услуга гражданин документ заявление налог бюджет закон
проект программа образование здравоохранение больница школа университет наука
культура спорт молодёжь семья ребёнок пенсия пособие работа предпринимательство
бизнес кредит банк финансы экономика промышленность село хозяйство земля вода лес
природа экология транспорт дорога аэропорт связь цифровизация информация новость
объявление отчёт план стратегия развитие инвестиция экспорт торговля цена тариф
жильё строительство город область район аким депутат парламент правительство
президент выборы право суд прокуратура полиция безопасность помощь население
перепись статистика труд кадры специалист обучение курс экзамен диплом лицензия
разрешение регистрация удостоверение паспорт виза граница таможня язык перевод
архив библиотека музей театр туризм праздник конкурс грант стипендия льгота
проверка контроль аудит закупка договор протокол решение приказ постановление
правило стандарт качество потребитель рынок энергетика нефть газ электричество
тепло водоснабжение урожай животноводство ветеринария рыба защита инвалид
министерства государства услуги граждан документов заявления налогов бюджета закона
проекта программы образования больницы школы науки пенсии пособия работы кредита
""".split()

EN_WORDS = """
ministry state service citizen document application tax budget law project
programme education health hospital school university science culture sport youth
family child pension benefit work business loan bank finance economy industry
village agriculture land water forest nature ecology transport road airport
communication digitalisation information news announcement report plan strategy
development investment export trade price tariff housing construction city region
district governor deputy parliament government president election right court
prosecutor police security emergency help population census statistics labour staff
specialist training course exam diploma licence permit registration certificate
passport visa border customs language translation archive library museum theatre
tourism holiday competition grant scholarship discount inspection control audit
procurement contract protocol decision order resolution rule standard quality
consumer market energy oil gas electricity heating supply harvest livestock
veterinary fish protection disability services citizens documents applications
taxes laws projects programmes hospitals schools reports plans permits licences
""".split()

FILLERS = {
    "kk": "және мен үшін бойынша туралы арқылы жылы жаңа барлық негізгі".split(),
    "ru": "и в на по для о с от при новый все основной".split(),
    "en": "and the of for on with by new all main".split(),
}

_BACK = set("аоұыу")
_FRONT = set("әөүіе")
_VOICELESS = set("кқпстфхшщч")
_NASAL = set("мнң")


def _front(word: str) -> bool:
    for ch in reversed(word):
        if ch in _FRONT:
            return True
        if ch in _BACK:
            return False
    return False


def kk_forms(root: str) -> list[str]:
    """The root and its plural, genitive, dative, locative, ablative, accusative forms."""
    front = _front(root)
    last = root[-1]
    vowel = last in "аәеиоөұүыіэюя"
    voiceless = last in _VOICELESS
    nasal = last in _NASAL

    def pick(back, fr):
        return fr if front else back

    if vowel or last in "рйу":
        plural = pick("лар", "лер")
    elif voiceless:
        plural = pick("тар", "тер")
    else:
        plural = pick("дар", "дер")
    if vowel:
        gen, acc = pick("ның", "нің"), pick("ны", "ні")
    elif voiceless:
        gen, acc = pick("тың", "тің"), pick("ты", "ті")
    elif nasal or last in "жзл":
        gen, acc = pick("дың", "дің"), pick("ды", "ді")
    else:
        gen, acc = pick("дың", "дің"), pick("ды", "ді")
    if voiceless:
        dat = pick("қа", "ке")
        loc, abl = pick("та", "те"), pick("тан", "тен")
    else:
        dat = pick("ға", "ге")
        loc = pick("да", "де")
        abl = pick("нан", "нен") if nasal else pick("дан", "ден")
    return [root] + [root + s for s in (plural, gen, dat, loc, abl, acc)]


class Vocabulary:
    """Per language a list of surface words and their Zipf weights (rank^-1.07)."""

    def __init__(self, seed: int = 7):
        rng = random.Random(seed)
        words = {
            "kk": [form for root in KK_ROOTS for form in kk_forms(root)],
            "ru": list(RU_WORDS),
            "en": list(EN_WORDS),
        }
        self.words: dict[str, list[str]] = {}
        self.cum: dict[str, list[float]] = {}
        for lang, items in words.items():
            items = list(dict.fromkeys(items))
            rng.shuffle(items)
            # Fillers are the most frequent words.
            items = FILLERS[lang] + items
            weights = [1.0 / (rank + 1) ** 1.07 for rank in range(len(items))]
            self.words[lang] = items
            self.cum[lang] = list(accumulate(weights))

    def sample(self, rng: random.Random, lang: str, k: int) -> list[str]:
        return rng.choices(self.words[lang], cum_weights=self.cum[lang], k=k)
