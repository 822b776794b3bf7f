"""Russian: abbreviations in the case the context asks, numbers and ordinals in words."""

from __future__ import annotations

import re
from collections.abc import Callable

from .common import (
    DECIMAL,
    GROUPED,
    NUMBER,
    PERCENT,
    PHONE,
    TIME,
    expand_dates,
    read_phone,
    roman_to_int,
    spaced_ranges,
    split_decimal,
    tidy_whitespace,
    ungroup,
)
from .numbers_ru import (
    RU_MONTHS_GENITIVE,
    RU_STRESSED,
    ru_cardinal,
    ru_genitive,
    ru_genitive_below_60,
    ru_ordinal,
    ru_ordinal_stem,
    ru_plural,
)

CASES = ("nom", "gen", "dat", "acc", "ins", "prep")
# A preposition -> the case of the noun after it.
RU_PREPOSITION_CASES = {
    **dict.fromkeys(("в", "во", "о", "об", "обо", "при"), "prep"),
    **dict.fromkeys(
        ("из", "от", "до", "для", "у", "без", "после", "около", "возле", "кроме", "среди",
         "вне", "против", "из-за", "со стороны"),
        "gen",
    ),
    **dict.fromkeys(("к", "ко", "по", "согласно", "благодаря"), "dat"),
    **dict.fromkeys(("через", "про", "на", "за"), "acc"),
    **dict.fromkeys(("с", "со", "над", "под", "перед", "между"), "ins"),
}


def _forms(line: str) -> dict[str, str]:
    return dict(zip(CASES, line.split("|"), strict=True))


class RuAbbreviation:
    """An abbreviation and its expansion in each case. `default`: its case after a
    word that is no preposition (РК after a noun: «Закон РК» -> genitive); `after_v`:
    its case after «в» (direction «в ЦОН»: accusative; place «в РК»: prepositional).
    `endings`: case endings written on it («ЦОНа», «ЦОНе») -> case or plural form."""

    def __init__(self, forms: str, default="nom", after_v="prep", endings=None, plural=""):
        self.forms = _forms(forms)
        if plural:
            self.forms.update({f"pl_{k}": v for k, v in _forms(plural).items()})
        self.default = default
        self.after_v = after_v
        self.endings = endings or {}


MASCULINE_ENDINGS = {
    "а": "gen", "у": "dat", "ом": "ins", "е": "prep",
    "ы": "pl_nom", "ов": "pl_gen", "ам": "pl_dat", "ами": "pl_ins", "ах": "pl_prep",
}
RU_ABBREVIATIONS = {
    "РК": RuAbbreviation(
        "Республика Казахстан|Республики Казахстан|Республике Казахстан|"
        "Республику Казахстан|Республикой Казахстан|Республике Казахстан",
        default="gen",
    ),
    "ЦОН": RuAbbreviation(
        "центр обслуживания населения|центра обслуживания населения|"
        "центру обслуживания населения|центр обслуживания населения|"
        "центром обслуживания населения|центре обслуживания населения",
        after_v="acc",
        endings=MASCULINE_ENDINGS,
        plural="центры обслуживания населения|центров обслуживания населения|"
        "центрам обслуживания населения|центры обслуживания населения|"
        "центрами обслуживания населения|центрах обслуживания населения",
    ),
    "ИИН": RuAbbreviation(
        "индивидуальный идентификационный номер|индивидуального идентификационного номера|"
        "индивидуальному идентификационному номеру|индивидуальный идентификационный номер|"
        "индивидуальным идентификационным номером|индивидуальном идентификационном номере"
    ),
    "БИН": RuAbbreviation(
        "бизнес-идентификационный номер|бизнес-идентификационного номера|"
        "бизнес-идентификационному номеру|бизнес-идентификационный номер|"
        "бизнес-идентификационным номером|бизнес-идентификационном номере"
    ),
    "ЭЦП": RuAbbreviation(
        "электронная цифровая подпись|электронной цифровой подписи|"
        "электронной цифровой подписи|электронную цифровую подпись|"
        "электронной цифровой подписью|электронной цифровой подписи"
    ),
    "ООН": RuAbbreviation(
        "Организация Объединённых Наций|Организации Объединённых Наций|"
        "Организации Объединённых Наций|Организацию Объединённых Наций|"
        "Организацией Объединённых Наций|Организации Объединённых Наций",
        default="gen",
    ),
    "СНГ": RuAbbreviation(
        "Содружество Независимых Государств|Содружества Независимых Государств|"
        "Содружеству Независимых Государств|Содружество Независимых Государств|"
        "Содружеством Независимых Государств|Содружестве Независимых Государств",
        default="gen",
    ),
    "ЕАЭС": RuAbbreviation(
        "Евразийский экономический союз|Евразийского экономического союза|"
        "Евразийскому экономическому союзу|Евразийский экономический союз|"
        "Евразийским экономическим союзом|Евразийском экономическом союзе",
        default="gen",
    ),
    "ЕНТ": RuAbbreviation(
        "единое национальное тестирование|единого национального тестирования|"
        "единому национальному тестированию|единое национальное тестирование|"
        "единым национальным тестированием|едином национальном тестировании"
    ),
    "ТОО": RuAbbreviation(
        "товарищество с ограниченной ответственностью|"
        "товарищества с ограниченной ответственностью|"
        "товариществу с ограниченной ответственностью|"
        "товарищество с ограниченной ответственностью|"
        "товариществом с ограниченной ответственностью|"
        "товариществе с ограниченной ответственностью"
    ),
    "АО": RuAbbreviation(
        "акционерное общество|акционерного общества|акционерному обществу|"
        "акционерное общество|акционерным обществом|акционерном обществе"
    ),
    "НАО": RuAbbreviation(
        "некоммерческое акционерное общество|некоммерческого акционерного общества|"
        "некоммерческому акционерному обществу|некоммерческое акционерное общество|"
        "некоммерческим акционерным обществом|некоммерческом акционерном обществе"
    ),
    "МВД": RuAbbreviation(
        "Министерство внутренних дел|Министерства внутренних дел|"
        "Министерству внутренних дел|Министерство внутренних дел|"
        "Министерством внутренних дел|Министерстве внутренних дел",
        default="gen",
    ),
}
RU_ABBREVIATION = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(RU_ABBREVIATIONS, key=len, reverse=True))
    + r")(?:-?(а|у|ом|е|ы|ов|ам|ами|ах))?(?![\w])"
)
# Case of the ordinal for the ending written after it (12-я, 2-го, 3-м).
RU_ORDINAL_ENDINGS = {
    **dict.fromkeys(("й", "ый", "ий"), "m_nom"),
    **dict.fromkeys(("я", "ая", "ья"), "f_nom"),
    **dict.fromkeys(("е", "ое", "ье"), "n_nom"),
    **dict.fromkeys(("го", "ого", "его"), "gen"),
    **dict.fromkeys(("му", "ому", "ему"), "dat"),
    **dict.fromkeys(("м", "ом", "ем"), "prep"),
    "ым": "ins",
    **dict.fromkeys(("ю", "ую"), "f_acc"),
    **dict.fromkeys(("х", "ых", "их"), "pl_gen"),
    **dict.fromkeys(("ми", "ыми"), "pl_ins"),
    "ые": "pl_nom",
    "ой": "f_gen",
}
RU_ORDINAL = re.compile(
    r"\b(\d+)-(" + "|".join(sorted(RU_ORDINAL_ENDINGS, key=len, reverse=True)) + r")\b"
)
# The year word after a number -> the ordinal's form (в 2026 году, 2026 года).
RU_YEAR_WORDS = {
    "год": "m_nom", "года": "gen", "году": "prep", "годом": "ins", "годе": "prep",
    "годы": "pl_nom", "годов": "pl_gen", "годах": "pl_prep", "годам": "pl_dat",
}
RU_YEAR_FORM = {"pl_nom": "m_nom", "pl_gen": "gen", "pl_prep": "prep", "pl_dat": "dat"}
RU_MONTH_OR_YEAR = re.compile(
    r"(?:\s*[-–—]\s*\d+)?\s+(" + "|".join(RU_MONTHS_GENITIVE) + "|"
    + "|".join(sorted(RU_YEAR_WORDS, key=len, reverse=True)) + r")\b"
)
RU_SCALE_WORDS = {
    "тыс": (("тысяча", "тысячи", "тысяч"), True),
    "млн": (("миллион", "миллиона", "миллионов"), False),
    "млрд": (("миллиард", "миллиарда", "миллиардов"), False),
    "трлн": (("триллион", "триллиона", "триллионов"), False),
}


def _preceding_case(text: str, start: int) -> str | None:
    """The case asked by the preposition just before `start`, or None."""
    match = re.search(r"(\w+)[ \u00a0]+$", text[:start])
    if match is None:
        return None
    return RU_PREPOSITION_CASES.get(match.group(1).lower())


def _starts_sentence(text: str, start: int) -> bool:
    return not text[:start].strip() or text[:start].rstrip()[-1] in ".!?:;\n«\"(—–"


def _ru_abbreviation(match: re.Match) -> str:
    abbreviation = RU_ABBREVIATIONS[match.group(1)]
    ending = match.group(2)
    if ending and ending in abbreviation.endings:
        form = abbreviation.endings[ending]
        if form in abbreviation.forms:
            return abbreviation.forms[form]
    if ending:  # an ending this abbreviation does not take: leave the text alone
        return match.group(0)
    preposition = re.search(r"(\w+)[ \u00a0]+$", match.string[: match.start()])
    word = preposition.group(1).lower() if preposition else ""
    if word in ("в", "во"):
        case = abbreviation.after_v
    elif word in RU_PREPOSITION_CASES:
        case = RU_PREPOSITION_CASES[word]
    elif _starts_sentence(match.string, match.start()) or word in ("и", "или", "а", "это"):
        case = "nom"
    else:
        case = abbreviation.default
    return abbreviation.forms[case]


def _ru_city(match: re.Match) -> str:
    case = _preceding_case(match.string, match.start())
    return {"prep": "городе", "gen": "города", "dat": "городу", "ins": "городом"}.get(
        case, "город"
    ) + " "


def _ru_article(match: re.Match) -> str:
    """ст. 12 -> статья 12 (в ст. 12 -> в статье 12; п. 3 ст. 12 -> пункт 3 статьи 12)."""
    if re.search(r"\d\s*$", match.string[: match.start()]):
        case = "gen"
    else:
        case = _preceding_case(match.string, match.start())
    return {"prep": "статье", "gen": "статьи", "dat": "статье", "acc": "статью",
            "ins": "статьёй"}.get(case, "статья") + " "


def _ru_region(match: re.Match) -> str:
    adjective = match.group(1)
    noun = "области" if adjective.endswith(("ой", "ей")) else "область"
    return f"{adjective} {noun}"


def _ru_year_abbreviation(match: re.Match) -> str:
    """2026 г. -> 2026 года (в 2026 г. -> в 2026 году); 2025–2026 гг. -> годы/годах."""
    number_start = match.start()
    before = re.search(r"(\d+(?:\s*[-–—]\s*)?)+$", match.string[:number_start])
    case = _preceding_case(match.string, before.start() if before else number_start)
    plural = match.group(2) == "гг."
    if case == "prep":
        word = "годах" if plural else "году"
    elif plural:
        word = "годов" if case == "gen" else "годы"
    else:
        word = "году" if case == "dat" else "года"
    return f"{match.group(1)} {word}"


RU_WORD_ABBREVIATIONS: list[tuple[re.Pattern, str | Callable[[re.Match], str]]] = [
    (re.compile(r"\bт\.\s?е\.(?=\s|$|[,;:)])"), "то есть"),
    (re.compile(r"\bт\.\s?д\.(?=\s|$|[,;:)])"), "так далее"),
    (re.compile(r"\bт\.\s?п\.(?=\s|$|[,;:)])"), "тому подобное"),
    (re.compile(r"\bт\.\s?к\.(?=\s|$|[,;:)])"), "так как"),
    (re.compile(r"\bт\.\s?н\.(?=\s|$|[,;:)])"), "так называемый"),
    (re.compile(r"\bи др\.(?=\s|$|[,;:)])"), "и другие"),
    (re.compile(r"\bи пр\.(?=\s|$|[,;:)])"), "и прочие"),
    (re.compile(r"\bсм\.(?=\s)"), "смотрите"),
    (re.compile(r"(\d)\s?(гг?\.)(?=\s|$|[,;:)])"), _ru_year_abbreviation),
    (re.compile(r"\bг\.\s?(?=[А-ЯЁӘҒҚҢӨҰҮҺІ])"), _ru_city),
    (re.compile(r"(\w+)\s+обл\.(?=\s|$|[,;:)])"), _ru_region),
    (re.compile(r"\bул\.\s?(?=[А-ЯЁӘҒҚҢӨҰҮҺІ\d])"), "улица "),
    (re.compile(r"\bд\.\s?(?=\d)"), "дом "),
    (re.compile(r"\bст\.\s?(?=\d)"), _ru_article),
    (re.compile(r"\bп\.\s?(?=\d)"), "пункт "),
    (re.compile(r"\bкаб\.\s?(?=\d)"), "кабинет "),
    (re.compile(r"\bтел\.(?=\s|:)"), "телефон"),
    (re.compile(r"\bтнг\b\.?|\bтг\b\.?|₸"), "тенге"),
    (re.compile(r"№\s?"), "номер "),
]


def _ru_feminine_next(text: str, end: int, number: int) -> bool:
    """1 or 2 before a feminine noun: «1 услуга», «2 услуги», «21 школа»."""
    match = re.match(r"[ \u00a0]+(\w+)", text[end:])
    if match is None or 11 <= number % 100 <= 12:
        return False
    word = match.group(1).lower()
    if number % 10 == 1:
        return word.endswith(("а", "я")) and word not in ("года", "дня", "раза", "часа")
    if number % 10 == 2:
        return word.endswith(("и", "ы"))
    return False


def _ru_decimal(whole: str, fraction: str) -> str:
    integer = int(whole)
    whole_word = "целая" if integer % 10 == 1 and integer % 100 != 11 else "целых"
    head = f"{ru_cardinal(integer, feminine=True)} {whole_word}"
    numerator = int(fraction)
    stem = {1: "десят", 2: "сот", 3: "тысячн"}[len(fraction)]
    ending = "ая" if numerator % 10 == 1 and numerator % 100 != 11 else "ых"
    return f"{head} {ru_cardinal(numerator, feminine=True)} {stem}{ending}"


def _ru_amount(value: str, forms: tuple[str, str, str], feminine: bool = False) -> str:
    """A number and the noun after it: 5 млн -> «пять миллионов», 1,5 % -> «... процента»."""
    whole, fraction = split_decimal(value)
    if fraction:
        return f"{_ru_decimal(whole, fraction)} {forms[1]}"
    number = int(whole)
    return f"{ru_cardinal(number, feminine=feminine)} {ru_plural(number, forms)}"


def _ru_scale(match: re.Match) -> str:
    forms, feminine = RU_SCALE_WORDS[match.group(2)]
    return _ru_amount(match.group(1), forms, feminine)


def _ru_ordinal(match: re.Match) -> str:
    number, ending = int(match.group(1)), match.group(2)
    form = RU_ORDINAL_ENDINGS[ending]
    if ending == "ой" and ru_ordinal_stem(number)[1] in RU_STRESSED:
        form = "m_nom"  # 2-ой: второй
    return ru_ordinal(number, form)


# Words after which a number is in the genitive: «в течение 10 дней», «более 100
# человек», «от 2 до 5 лет» (prepositions that ask for it are in RU_PREPOSITION_CASES).
RU_GENITIVE_AFTER = {"течение", "более", "менее", "свыше", "позднее", "ранее", "старше",
                     "младше", "порядка", "количестве"}


def _ru_time(match: re.Match) -> str:
    """09:00 -> «девять ноль ноль»; after с, до, от, после: «с девяти ноль ноль»."""
    hours, minutes = int(match.group(1)), match.group(2)
    genitive = _preceding_case(match.string, match.start()) == "gen" or re.search(
        r"(?:^|\s)с[ \u00a0]+$", match.string[: match.start()], re.IGNORECASE
    )
    number = ru_genitive_below_60 if genitive else ru_cardinal
    if minutes == "00":
        spoken = "ноль ноль"
    elif minutes.startswith("0"):
        spoken = f"ноль {number(int(minutes))}"
    else:
        spoken = number(int(minutes))
    return f"{number(hours)} {spoken}"


def _ru_number(match: re.Match) -> str:
    number = int(match.group(0))
    text = match.string
    following = RU_MONTH_OR_YEAR.match(text, match.end())
    if following:
        word = following.group(1)
        if word in RU_YEAR_WORDS and not 1000 <= number <= 2999:
            return ru_cardinal(number)  # 2 года: two years, not the year 2
        if word in RU_YEAR_WORDS:
            form = RU_YEAR_WORDS[word]
            form = RU_YEAR_FORM.get(form, form)
            if form == "prep" and _preceding_case(text, match.start()) == "dat":
                form = "dat"  # к 2030 году
            return ru_ordinal(number, form)
        # A day of the month: «седьмого декабря»; «на/по 7 декабря»: «седьмое».
        case = _preceding_case(text, match.start())
        form = {"acc": "n_nom", "dat": "dat"}.get(case, "gen")
        return ru_ordinal(number, form)
    before = re.search(r"(\w+)[ \u00a0]+$", text[: match.start()])
    word = before.group(1).lower() if before else ""
    if RU_PREPOSITION_CASES.get(word) == "gen" or word in RU_GENITIVE_AFTER:
        return ru_genitive(number)
    return ru_cardinal(number, feminine=_ru_feminine_next(text, match.end(), number))


RU_CENTURY = re.compile(r"(?<!\w)([IVXLC]+)\s+(век|века|веке|веку|веком|вв?\.)(?!\w)")
RU_CENTURY_FORMS = {"век": "m_nom", "века": "gen", "веке": "prep", "веку": "dat", "веком": "ins"}


def _ru_century(match: re.Match) -> str:
    word = match.group(2)
    if word in ("в.", "вв."):
        case = _preceding_case(match.string, match.start())
        word = {"prep": "веке", "dat": "веку", "ins": "веком"}.get(case, "века")
    return f"{ru_ordinal(roman_to_int(match.group(1)), RU_CENTURY_FORMS[word])} {word}"


def normalise_ru(text: str) -> str:
    text = RU_CENTURY.sub(_ru_century, text)
    text = PHONE.sub(lambda m: read_phone(m, ru_cardinal, "ноль"), text)
    text = expand_dates(text, "ru")
    text = spaced_ranges(GROUPED.sub(ungroup, text))
    text = RU_ABBREVIATION.sub(_ru_abbreviation, text)
    for pattern, replacement in RU_WORD_ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    text = re.sub(r"(\d+(?:[,.]\d+)?)\s?(тыс|млн|млрд|трлн)\b\.?", _ru_scale, text)
    text = RU_ORDINAL.sub(_ru_ordinal, text)
    text = TIME.sub(_ru_time, text)
    text = PERCENT.sub(
        lambda m: _ru_amount(m.group(1), ("процент", "процента", "процентов")), text
    )
    text = DECIMAL.sub(lambda m: _ru_decimal(m.group(1), m.group(2)), text)
    text = NUMBER.sub(_ru_number, text)
    return tidy_whitespace(text)
