"""Demo content of the content app: standard pages under "About", legal acts under
"Documents", and categories, topics and a priority item among the existing news.

Idempotent: pages are found by slug, news are changed only while they have no topics.
"""

from datetime import date

from cms.pages.models import LegalActPage, NewsPage, StandardPage

LANGS = ("kk", "ru", "en")
# A placeholder video address of the demo (the frame is the privacy-friendly embed).
DEMO_VIDEO = "https://www.youtube.com/watch?v=Birtutas001"
ADILET = "https://adilet.zan.kz/"

# --- Legal acts, per agency ----------------------------------------------------------

ACTS = {
    "digital": [
        {
            "slug": "order-118-2025",
            "number": "№ 118/НҚ",
            "act_type": "order",
            "date_signed": "2025-11-24",
            "status": "in_force",
            "file": "strategy",
            "title": {
                "kk": "2026–2030 жылдарға арналған мемлекеттік басқаруды цифрландыру "
                "тұжырымдамасын іске асыру жөніндегі іс-шаралар жоспарын бекіту туралы",
                "ru": "Об утверждении плана мероприятий по реализации Концепции цифровизации "
                "государственного управления на 2026–2030 годы",
                "en": "On approval of the action plan for the Concept for the Digitalisation "
                "of Public Administration, 2026–2030",
            },
            "signatory": {
                "kk": "Цифрлық даму және инновациялар министрі Н. Серікбаев",
                "ru": "Министр цифрового развития и инноваций Н. Серикбаев",
                "en": "N. Serikbayev, Minister of Digital Development and Innovation",
            },
        },
        {
            "slug": "order-64-2024",
            "number": "№ 64",
            "act_type": "order",
            "date_signed": "2024-06-12",
            "status": "amended",
            "file": "register",
            "title": {
                "kk": "Электрондық нысанда көрсетілетін мемлекеттік қызметтер тізілімін "
                "бекіту туралы",
                "ru": "Об утверждении реестра государственных услуг, оказываемых в "
                "электронной форме",
                "en": "On approval of the register of public services provided electronically",
            },
            "signatory": {
                "kk": "Вице-министр Д. Әлімжанов",
                "ru": "Вице-министр Д. Алимжанов",
                "en": "D. Alimzhanov, Vice Minister",
            },
        },
        {
            "slug": "order-12-2021",
            "number": "№ 12",
            "act_type": "order",
            "date_signed": "2021-02-03",
            "status": "expired",
            "file": None,
            "title": {
                "kk": "Ашық деректер порталында деректерді орналастыру қағидаларын бекіту туралы",
                "ru": "Об утверждении правил размещения данных на портале открытых данных",
                "en": "On approval of the rules for publishing data on the open data portal",
            },
            "signatory": {
                "kk": "Министр А. Бекетов",
                "ru": "Министр А. Бекетов",
                "en": "A. Beketov, Minister",
            },
        },
    ],
    "health": [
        {
            "slug": "order-dsm-87-2025",
            "number": "№ ҚР ДСМ-87",
            "act_type": "order",
            "date_signed": "2025-09-30",
            "status": "in_force",
            "file": "programme",
            "title": {
                "kk": "Денсаулық сақтауды дамытудың 2026–2030 жылдарға арналған бағдарламасын "
                "іске асыру туралы",
                "ru": "О реализации программы развития здравоохранения на 2026–2030 годы",
                "en": "On the implementation of the healthcare development programme, 2026–2030",
            },
            "signatory": {
                "kk": "Денсаулық сақтау министрі А. Ғалымжанова",
                "ru": "Министр здравоохранения А. Галымжанова",
                "en": "A. Galymzhanova, Minister of Health",
            },
        },
        {
            "slug": "order-dsm-112-2025",
            "number": "№ ҚР ДСМ-112",
            "act_type": "order",
            "date_signed": "2025-10-15",
            "status": "in_force",
            "file": "vaccination",
            "title": {
                "kk": "Маусымдық тұмауға қарсы вакцинациялау жүргізу туралы",
                "ru": "О проведении вакцинации против сезонного гриппа",
                "en": "On vaccination against seasonal influenza",
            },
            "signatory": {
                "kk": "Вице-министр М. Сейітқали",
                "ru": "Вице-министр М. Сейткали",
                "en": "M. Seitkali, Vice Minister",
            },
        },
    ],
    "infosec": [
        {
            "slug": "order-27-2025",
            "number": "№ 27-НҚ",
            "act_type": "order",
            "date_signed": "2025-04-08",
            "status": "in_force",
            "file": "requirements",
            "title": {
                "kk": "Мемлекеттік органдардың ақпараттық жүйелерін қорғауға қойылатын "
                "талаптарды бекіту туралы",
                "ru": "Об утверждении требований к защите информационных систем "
                "государственных органов",
                "en": "On approval of the requirements for the protection of government "
                "information systems",
            },
            "signatory": {
                "kk": "Комитет төрағасы Е. Қасымов",
                "ru": "Председатель комитета Е. Касымов",
                "en": "Ye. Kassymov, Chairman of the Committee",
            },
        },
        {
            "slug": "letter-4410-2026",
            "number": "№ 03-12/4410",
            "act_type": "letter",
            "date_signed": "2026-01-20",
            "status": "in_force",
            "file": "report",
            "title": {
                "kk": "2025 жылғы ақпараттық қауіпсіздік аудитінің нәтижелері туралы",
                "ru": "О результатах аудита информационной безопасности за 2025 год",
                "en": "On the results of the 2025 information security audit",
            },
            "signatory": {
                "kk": "Төрағаның орынбасары Ж. Омарова",
                "ru": "Заместитель председателя Ж. Омарова",
                "en": "Zh. Omarova, Deputy Chairman",
            },
        },
    ],
    "zhetikol": [
        {
            "slug": "resolution-214-2025",
            "number": "№ 214",
            "act_type": "resolution",
            "date_signed": "2025-12-18",
            "status": "in_force",
            "file": "development-plan",
            "title": {
                "kk": "Жетікөл облысын дамытудың 2026–2030 жылдарға арналған жоспарын бекіту "
                "туралы",
                "ru": "Об утверждении плана развития Жетикольской области на 2026–2030 годы",
                "en": "On approval of the development plan of Zhetikol Region for 2026–2030",
            },
            "signatory": {
                "kk": "Облыс әкімі Б. Төлеуов",
                "ru": "Аким области Б. Толеуов",
                "en": "B. Toleuov, Regional Akim",
            },
            "issuing_body": {
                "kk": "Жетікөл облысының әкімдігі",
                "ru": "Акимат Жетикольской области",
                "en": "Akimat of Zhetikol Region",
            },
        },
        {
            "slug": "decision-31-305-2025",
            "number": "№ 31/305",
            "act_type": "other",
            "date_signed": "2025-12-12",
            "status": "in_force",
            "file": "budget",
            "title": {
                "kk": "2026–2028 жылдарға арналған облыстық бюджет туралы",
                "ru": "Об областном бюджете на 2026–2028 годы",
                "en": "On the regional budget for 2026–2028",
            },
            "signatory": {
                "kk": "Облыстық мәслихаттың хатшысы Г. Сәрсенова",
                "ru": "Секретарь областного маслихата Г. Сарсенова",
                "en": "G. Sarsenova, Secretary of the Regional Maslikhat",
            },
            "issuing_body": {
                "kk": "Жетікөл облыстық мәслихаты",
                "ru": "Жетикольский областной маслихат",
                "en": "Zhetikol Regional Maslikhat",
            },
        },
    ],
    "kokterek": [
        {
            "slug": "resolution-45-2026",
            "number": "№ 45",
            "act_type": "resolution",
            "date_signed": "2026-01-15",
            "status": "in_force",
            "file": "reception-schedule",
            "title": {
                "kk": "Аудан әкімдігі басшыларының азаматтарды жеке қабылдау кестесін бекіту "
                "туралы",
                "ru": "Об утверждении графика личного приёма граждан руководителями акимата района",
                "en": "On approval of the schedule of personal reception of citizens by the "
                "district akimat's leaders",
            },
            "signatory": {
                "kk": "Аудан әкімі С. Мұқанов",
                "ru": "Аким района С. Муканов",
                "en": "S. Mukanov, District Akim",
            },
            "issuing_body": {
                "kk": "Көктерек ауданының әкімдігі",
                "ru": "Акимат Коктерекского района",
                "en": "Akimat of Kokterek District",
            },
        },
        {
            "slug": "report-2025",
            "number": "№ 5",
            "act_type": "other",
            "date_signed": "2026-02-06",
            "status": "in_force",
            "file": "akim-report",
            "title": {
                "kk": "Аудан әкімінің 2025 жылдың қорытындысы бойынша халыққа есебі",
                "ru": "Отчёт акима района перед населением по итогам 2025 года",
                "en": "Report of the District Akim to the public on the results of 2025",
            },
            "signatory": {
                "kk": "Аудан әкімі С. Мұқанов",
                "ru": "Аким района С. Муканов",
                "en": "S. Mukanov, District Akim",
            },
        },
    ],
    "saryozen": [
        {
            "slug": "resolution-1-88-2025",
            "number": "№ 1/88",
            "act_type": "resolution",
            "date_signed": "2025-05-22",
            "status": "in_force",
            "file": "master-plan",
            "title": {
                "kk": "Сарыөзен қаласының бас жоспарын іске асыру жөніндегі шаралар туралы",
                "ru": "О мерах по реализации генерального плана города Сарыозен",
                "en": "On measures to implement the master plan of Saryozen City",
            },
            "signatory": {
                "kk": "Қала әкімі Р. Әбдірахманов",
                "ru": "Аким города Р. Абдрахманов",
                "en": "R. Abdrakhmanov, City Akim",
            },
            "issuing_body": {
                "kk": "Сарыөзен қаласының әкімдігі",
                "ru": "Акимат города Сарыозен",
                "en": "Akimat of Saryozen City",
            },
        },
        {
            "slug": "resolution-2-140-2025",
            "number": "№ 2/140",
            "act_type": "resolution",
            "date_signed": "2025-08-14",
            "status": "amended",
            "file": "transport",
            "title": {
                "kk": "Қалалық қоғамдық көліктің бағыттар желісін бекіту туралы",
                "ru": "Об утверждении маршрутной сети городского общественного транспорта",
                "en": "On approval of the city public transport route network",
            },
            "signatory": {
                "kk": "Қала әкімінің орынбасары Т. Жақыпов",
                "ru": "Заместитель акима города Т. Жакупов",
                "en": "T. Zhakupov, Deputy City Akim",
            },
            "issuing_body": {
                "kk": "Сарыөзен қаласының әкімдігі",
                "ru": "Акимат города Сарыозен",
                "en": "Akimat of Saryozen City",
            },
        },
    ],
}

# --- News: category and topics of each demo item (by agency, in the spec's order) ----

NEWS_TAGS = {
    "digital": (["интернет", "ауыл"], ["цифрландыру", "eGov"], ["цифрлық сауаттылық", "ауыл"]),
    "health": (["медициналық пункт", "ауыл"], ["вакцинация", "тұмау"], ["телемедицина"]),
    "infosec": (["киберқауіпсіздік", "оқу-жаттығу"], ["фишинг"], ["аудит", "киберқауіпсіздік"]),
    "zhetikol": (["саябақ", "абаттандыру"], ["ауыл шаруашылығы"], ["әкім есебі"]),
    "kokterek": (["мектеп", "құрылыс"], ["су құбыры", "ауыл"], ["жастар", "жұмыспен қамту"]),
    "saryozen": (["көлік", "электробус"], ["аулалар", "абаттандыру"], ["жылу маусымы"]),
}
# The demo's banner is an abstract illustration: its text says so in each language.
LEAD_IMAGE_ALT = {
    "kk": "Жаңалыққа арналған иллюстрация: жұлдыз бен шеңберлер салынған түрлі-түсті фон",
    "ru": "Иллюстрация к новости: цветной фон со звездой и кругами",
    "en": "Illustration for the news item: a coloured background with a star and circles",
}
# The first item is the agency's priority press release; the last an announcement.
NEWS_CATEGORIES = (
    NewsPage.Category.PRESS_RELEASE,
    NewsPage.Category.NEWS,
    NewsPage.Category.ANNOUNCEMENT,
)


# --- Standard pages --------------------------------------------------------------------


def _table(caption: str, header: list[str], rows: list[list[str]]) -> dict:
    return {
        "type": "table",
        "value": {
            "data": [header, *rows],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_header_choice": "row",
            "table_caption": caption,
            "cell": [],
            "mergeCells": [],
        },
    }


def _h(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def _p(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def _ul(items: list[str]) -> dict:
    return {
        "type": "paragraph",
        "value": "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>",
    }


APPEALS_TEXT = {
    "kk": {
        "title": "Азаматтардың өтініштерімен жұмыс",
        "intro": "Өтінішті қалай жіберуге болатынын, оны қанша уақытта қарайтынымызды және "
        "жеке қабылдауға қалай жазылуға болатынын түсіндіреміз.",
        "commitments": "Біздің міндеттемелеріміз",
        "commitments_text": "Әрбір өтініш сол күні тіркеліп, орындаушыға жіберіледі. Жауап "
        "өтініш жазылған тілде – қазақ немесе орыс тілінде дайындалады.",
        "quote": "Азаматтың әр өтініші – жұмысымызды жақсартуға мүмкіндік. Біз әр хатқа "
        "уақытылы әрі нақты жауап беруге міндеттіміз.",
        "attribution": "{short} басшысы",
        "faq": "Жиі қойылатын сұрақтар",
        "faq_items": [
            (
                "Өтінішті қалай жіберуге болады?",
                "Өтінішті осы сайттағы онлайн нысан, eOtinish порталы, пошта арқылы немесе "
                "кеңсеге өзіңіз келіп тапсыра аласыз.",
            ),
            (
                "Өтініш қанша уақытта қаралады?",
                "Өтініш тіркелген күннен бастап 15 жұмыс күні ішінде қаралады. Қосымша "
                "тексеру қажет болса, мерзім 30 жұмыс күніне дейін ұзартылады және бұл "
                "туралы сізге хабарланады.",
            ),
            (
                "Жауапқа келіспесем, не істеуім керек?",
                "Жауапқа жоғары тұрған органға немесе сотқа шағымдана аласыз. Шағымдану "
                "тәртібі жауап хатта көрсетіледі.",
            ),
        ],
        "schedule": "Жеке қабылдау кестесі",
        "table_caption": "Азаматтарды жеке қабылдау кестесі",
        "table": (
            ["Күн", "Уақыт", "Кім қабылдайды"],
            [
                ["Дүйсенбі", "10:00–12:00", "Басшы"],
                ["Сәрсенбі", "15:00–17:00", "Басшының орынбасары"],
                ["Жұма", "10:00–12:00", "Аппарат басшысы"],
            ],
        ),
        "video_heading": "Электрондық өтінішті қалай жіберуге болады",
        "video_title": "eOtinish арқылы өтініш жіберу: қадамдық нұсқаулық",
        "transcript": "eOtinish порталын ашып, ЭЦҚ немесе бір реттік SMS-құпиясөз арқылы "
        "кіріңіз.\n\n«Өтініш беру» батырмасын басып, мемлекеттік органды және өтініш түрін "
        "таңдаңыз.\n\nМәтінді жазып, қажет болса құжаттарды тіркеңіз де, «Жіберу» батырмасын "
        "басыңыз. Тіркеу нөмірі бірден беріледі, өтініштің барысын жеке кабинеттен "
        "қадағалай аласыз.",
        "cta": "Сұрағыңыз немесе ұсынысыңыз бар ма? Өтінішті онлайн жіберіңіз – тіркеу "
        "нөмірін бірден аласыз.",
        "cta_link": "Өтініш жіберу",
        "contact_name": "Өтініштермен жұмыс бөлімі",
        "contact_role": "Өтініштерді тіркеу және қарау барысы туралы ақпарат",
        "hours": "Дүйсенбі – жұма, 09:00–18:30",
    },
    "ru": {
        "title": "Работа с обращениями граждан",
        "intro": "Рассказываем, как направить обращение, в какие сроки мы его рассматриваем "
        "и как записаться на личный приём.",
        "commitments": "Наши обязательства",
        "commitments_text": "Каждое обращение регистрируется и передаётся исполнителю в день "
        "поступления. Ответ готовится на языке обращения – казахском или русском.",
        "quote": "Каждое обращение гражданина – возможность улучшить нашу работу. Мы обязаны "
        "отвечать на каждое письмо своевременно и по существу.",
        "attribution": "Руководитель {short}",
        "faq": "Частые вопросы",
        "faq_items": [
            (
                "Как направить обращение?",
                "Обращение можно отправить через онлайн-форму на этом сайте, портал eOtinish, "
                "по почте или подать лично в канцелярию.",
            ),
            (
                "В какой срок рассматривается обращение?",
                "Обращение рассматривается в течение 15 рабочих дней со дня регистрации. Если "
                "нужна дополнительная проверка, срок продлевается до 30 рабочих дней, о чём "
                "вам сообщат.",
            ),
            (
                "Что делать, если я не согласен с ответом?",
                "Ответ можно обжаловать в вышестоящем органе или в суде. Порядок обжалования "
                "указывается в ответном письме.",
            ),
        ],
        "schedule": "График личного приёма",
        "table_caption": "График личного приёма граждан",
        "table": (
            ["День", "Время", "Кто принимает"],
            [
                ["Понедельник", "10:00–12:00", "Руководитель"],
                ["Среда", "15:00–17:00", "Заместитель руководителя"],
                ["Пятница", "10:00–12:00", "Руководитель аппарата"],
            ],
        ),
        "video_heading": "Как отправить электронное обращение",
        "video_title": "Обращение через eOtinish: пошаговая инструкция",
        "transcript": "Откройте портал eOtinish и войдите с помощью ЭЦП или одноразового "
        "SMS-пароля.\n\nНажмите «Подать обращение», выберите государственный орган и вид "
        "обращения.\n\nНапишите текст, при необходимости приложите документы и нажмите "
        "«Отправить». Регистрационный номер присваивается сразу, ход рассмотрения можно "
        "отслеживать в личном кабинете.",
        "cta": "Есть вопрос или предложение? Отправьте обращение онлайн – регистрационный "
        "номер вы получите сразу.",
        "cta_link": "Отправить обращение",
        "contact_name": "Отдел по работе с обращениями",
        "contact_role": "Регистрация обращений и информация о ходе их рассмотрения",
        "hours": "Понедельник – пятница, 09:00–18:30",
    },
    "en": {
        "title": "Working with citizens' appeals",
        "intro": "How to send us an appeal, how long we take to consider it and how to book "
        "a personal reception.",
        "commitments": "Our commitments",
        "commitments_text": "Every appeal is registered and passed to the officer in charge on "
        "the day it arrives. We reply in the language of the appeal, Kazakh or Russian.",
        "quote": "Every appeal from a citizen is a chance to improve our work. We owe each "
        "letter a timely and substantive answer.",
        "attribution": "Head of the {short}",
        "faq": "Frequently asked questions",
        "faq_items": [
            (
                "How can I send an appeal?",
                "Use the online form on this site, the eOtinish portal, the post, or bring it "
                "to our front office in person.",
            ),
            (
                "How long does it take?",
                "An appeal is considered within 15 working days of its registration. If "
                "further checks are needed, the period is extended to up to 30 working days "
                "and you are told so.",
            ),
            (
                "What if I disagree with the answer?",
                "You can appeal to the higher authority or to a court. The reply letter "
                "explains how.",
            ),
        ],
        "schedule": "Personal reception schedule",
        "table_caption": "Schedule of personal reception of citizens",
        "table": (
            ["Day", "Time", "Who receives"],
            [
                ["Monday", "10:00–12:00", "Head"],
                ["Wednesday", "15:00–17:00", "Deputy head"],
                ["Friday", "10:00–12:00", "Chief of staff"],
            ],
        ),
        "video_heading": "How to send an electronic appeal",
        "video_title": "Sending an appeal through eOtinish: step by step",
        "transcript": "Open the eOtinish portal and sign in with your digital signature or a "
        'one-time SMS password.\n\nSelect "Submit an appeal", then choose the government '
        "body and the kind of appeal.\n\nWrite your text, attach documents if needed and "
        'select "Send". You get a registration number at once and can follow the appeal '
        "in your personal account.",
        "cta": "Do you have a question or a proposal? Send an appeal online and get its "
        "registration number at once.",
        "cta_link": "Send an appeal",
        "contact_name": "Appeals office",
        "contact_role": "Registration of appeals and information on their progress",
        "hours": "Monday to Friday, 9:00–18:30",
    },
}

ANTI_CORRUPTION_TEXT = {
    "kk": {
        "title": "Сыбайлас жемқорлыққа қарсы іс-қимыл",
        "intro": "Сыбайлас жемқорлық фактілері туралы қалай хабарлауға болады және біз "
        "тәуекелдерді қалай азайтамыз.",
        "report": "Сыбайлас жемқорлық туралы хабарлау",
        "report_text": "Қызметкерлеріміздің заңсыз әрекеттері туралы мәліметіңіз болса, "
        "тәулік бойы жұмыс істейтін 1424 байланыс орталығына қоңырау шалыңыз немесе этика "
        "жөніндегі уәкілге жазыңыз. Хабарлаған адамның деректері жария етілмейді.",
        "channels": [
            "Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігінің байланыс орталығы: 1424",
            "Этика жөніндегі уәкілдің электрондық поштасы: {email}",
            "Кеңсеге берілетін жазбаша өтініш",
        ],
        "prevention": "Алдын алу шаралары",
        "prevention_text": "Жыл сайын сыбайлас жемқорлық тәуекелдеріне ішкі талдау "
        "жүргіземіз. Оның қорытындысы мен тәуекелдерді азайту жоспары осы бетте жарияланады.",
    },
    "ru": {
        "title": "Противодействие коррупции",
        "intro": "Как сообщить о фактах коррупции и как мы снижаем коррупционные риски.",
        "report": "Сообщить о коррупции",
        "report_text": "Если вам известно о незаконных действиях наших сотрудников, позвоните "
        "в круглосуточный контакт-центр 1424 или напишите уполномоченному по этике. Данные "
        "сообщившего не разглашаются.",
        "channels": [
            "Контакт-центр Агентства по противодействию коррупции: 1424",
            "Электронная почта уполномоченного по этике: {email}",
            "Письменное обращение в канцелярию",
        ],
        "prevention": "Меры профилактики",
        "prevention_text": "Ежегодно мы проводим внутренний анализ коррупционных рисков. Его "
        "итоги и план снижения рисков публикуются на этой странице.",
    },
    "en": {
        "title": "Anti-corruption",
        "intro": "How to report corruption and how we reduce corruption risks.",
        "report": "Report corruption",
        "report_text": "If you know of unlawful conduct by any of our staff, call the 24-hour "
        "contact centre on 1424 or write to our ethics commissioner. The identity of the "
        "person reporting is kept confidential.",
        "channels": [
            "Contact centre of the Anti-Corruption Agency: 1424",
            "Email of the ethics commissioner: {email}",
            "A written statement to our front office",
        ],
        "prevention": "Prevention",
        "prevention_text": "Every year we carry out an internal analysis of corruption risks. "
        "Its findings and the plan to reduce the risks are published on this page.",
    },
}


def _appeals_body(lang: str, spec: dict, agency, link_page_id) -> list[dict]:
    t = APPEALS_TEXT[lang]
    short = spec["short_names"][lang]
    header, rows = t["table"]
    return [
        _h(t["commitments"]),
        _p(t["commitments_text"]),
        {
            "type": "quote",
            "value": {"text": t["quote"], "attribution": t["attribution"].format(short=short)},
        },
        _h(t["faq"]),
        {
            "type": "accordion",
            "value": [{"title": q, "body": f"<p>{a}</p>"} for q, a in t["faq_items"]],
        },
        _h(t["schedule"]),
        _table(t["table_caption"], header, rows),
        _h(t["video_heading"]),
        {
            "type": "video",
            "value": {"url": DEMO_VIDEO, "title": t["video_title"], "transcript": t["transcript"]},
        },
        {
            "type": "call_to_action",
            "value": {
                "text": t["cta"],
                "link_page": link_page_id,
                "link_url": "" if link_page_id else "https://eotinish.kz/",
                "link_text": t["cta_link"],
            },
        },
        {
            "type": "contact_card",
            "value": {
                "name": t["contact_name"],
                "role": t["contact_role"],
                "phone": agency.phone,
                "email": agency.email,
                "hours": t["hours"],
            },
        },
    ]


def _anti_corruption_body(lang: str, agency) -> list[dict]:
    t = ANTI_CORRUPTION_TEXT[lang]
    return [
        _h(t["report"]),
        _p(t["report_text"]),
        _ul([item.format(email=agency.email) for item in t["channels"]]),
        _h(t["prevention"]),
        _p(t["prevention_text"]),
    ]


def _standard_pages(loader, agency, spec, sections) -> None:
    about = sections.get("about")
    if about is None:
        return
    target = sections.get("appeals") or sections.get("contacts")
    link_page_id = target.pk if target is not None and target.live else None
    pages = [
        (
            "appeals-procedure",
            APPEALS_TEXT,
            lambda lang: _appeals_body(lang, spec, agency, link_page_id),
        ),
        ("anti-corruption", ANTI_CORRUPTION_TEXT, lambda lang: _anti_corruption_body(lang, agency)),
    ]
    for slug, texts, body in pages:
        if about.get_children().filter(slug=slug).exists():
            continue
        page = StandardPage(slug=slug)
        for lang in LANGS:
            setattr(page, f"title_{lang}", texts[lang]["title"])
            setattr(page, f"intro_{lang}", texts[lang]["intro"])
            setattr(page, f"body_{lang}", body(lang))
        page.title = texts["kk"]["title"]
        about.add_child(instance=page)
        loader._publish(page, "standard page")


def _legal_acts(loader, agency, sections, refs) -> None:
    documents = sections.get("documents")
    if documents is None:
        return
    for act in ACTS.get(agency.slug, []):
        if documents.get_children().filter(slug=act["slug"]).exists():
            continue
        file_id = refs.get(f"document:{act['file']}") if act["file"] else None
        page = LegalActPage(
            slug=act["slug"],
            number=act["number"],
            act_type=act["act_type"],
            date_signed=date.fromisoformat(act["date_signed"]),
            status=act["status"],
            official_url=ADILET,
            file_kk_id=file_id,
            file_ru_id=file_id,
        )
        for lang in LANGS:
            setattr(page, f"title_{lang}", act["title"][lang])
            setattr(page, f"signatory_{lang}", act["signatory"][lang])
            setattr(page, f"issuing_body_{lang}", act.get("issuing_body", {}).get(lang, ""))
        page.title = act["title"]["kk"]
        page.signatory = act["signatory"]["kk"]
        documents.add_child(instance=page)
        loader._publish(page, "legal act")


def _news(loader, agency, spec, sections, refs) -> None:
    news = sections.get("news")
    tags = NEWS_TAGS.get(agency.slug)
    if news is None or tags is None:
        return
    for position, item in enumerate(spec["news"][: len(tags)]):
        page = NewsPage.objects.child_of(news).filter(slug=item["slug"]).first()
        if page is None or page.tags.exists():
            continue
        page.tags.set(tags[position])
        page.category = NEWS_CATEGORIES[position % len(NEWS_CATEGORIES)]
        page.is_priority = position == 0
        if position == 0 and refs.get("image:banner"):
            page.lead_image_id = refs["image:banner"]
            for lang in LANGS:
                setattr(page, f"lead_image_alt_{lang}", LEAD_IMAGE_ALT[lang])
        loader._publish(page, "news topics")


def load(loader, agency, spec, sections, refs) -> None:
    _standard_pages(loader, agency, spec, sections)
    _legal_acts(loader, agency, sections, refs)
    _news(loader, agency, spec, sections, refs)
