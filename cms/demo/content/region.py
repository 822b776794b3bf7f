"""Akimat of the (invented) Zhetikol Region."""

from .blocks import (
    contacts_body,
    doc,
    h,
    img,
    leadership_body,
    p,
    per_language,
    services_body,
    ul,
    vacancies_body,
)

ADDRESS = {
    "kk": "080000, Жетікөл облысы, Сарыөзен қ., Абай даңғылы, 1",
    "ru": "080000, Жетикольская область, г. Сарыозен, проспект Абая, 1",
    "en": "1 Abai Avenue, Saryozen 080000, Zhetikol Region",
}

AGENCY = {
    "slug": "zhetikol",
    "category": "akimat",
    "parent": None,
    "hostname": None,
    "brand_colour": "#8A4B08",
    "names": {
        "kk": "Жетікөл облысының әкімдігі",
        "ru": "Акимат Жетикольской области",
        "en": "Akimat of Zhetikol Region",
    },
    "short_names": {"kk": "Облыс әкімдігі", "ru": "Акимат области", "en": "Regional akimat"},
    "address": ADDRESS,
    "phone": "+7 7262 43 10 00",
    "email": "akimat@zhetikol.demo.example.kz",
    "image_title": "Облыс орталығындағы жаңа саябақ",
    "intro": {
        "kk": "Облыс әкімдігі өңірдің әлеуметтік-экономикалық дамуын басқарады, "
        "тұрғындарға мемлекеттік қызметтер көрсетеді және аудандар мен қалалардың "
        "жұмысын үйлестіреді.",
        "ru": "Акимат области управляет социально-экономическим развитием региона, "
        "оказывает жителям государственные услуги и координирует работу районов и городов.",
        "en": "The regional akimat manages the social and economic development of the "
        "region, provides public services to residents and coordinates the work of its "
        "districts and towns.",
    },
    "documents": [
        {
            "key": "development-plan",
            "title": {
                "kk": "Жетікөл облысының 2026–2030 жылдарға арналған даму жоспары",
                "ru": "План развития Жетикольской области на 2026–2030 годы",
                "en": "Development Plan of Zhetikol Region 2026-2030",
            },
            "pdf_lines": [
                "1. Agriculture: irrigation of 12,000 hectares.",
                "2. Housing: 1.2 million square metres.",
                "3. Roads: 640 km of local roads repaired.",
            ],
        },
        {
            "key": "budget",
            "title": {
                "kk": "2026 жылға арналған облыстық бюджет (азаматтық бюджет)",
                "ru": "Областной бюджет на 2026 год (гражданский бюджет)",
                "en": "Regional Budget for 2026 (Citizens' Budget)",
            },
            "pdf_lines": ["Education: 38%", "Health care: 14%", "Housing and utilities: 17%"],
        },
    ],
    "sections": {
        "about": {
            "intro": {"kk": "Облыс туралы қысқаша мәлімет.",
                      "ru": "Краткие сведения об области.",
                      "en": "The region in brief."},
            "body": {
                "kk": [
                    h("Облыс туралы"),
                    p("Жетікөл облысы еліміздің оңтүстік-шығысында орналасқан. Облыстың "
                      "құрамында 9 аудан және облыстық маңызы бар 2 қала бар, халқы 780 "
                      "мыңнан асады. Экономиканың негізін ауыл шаруашылығы, тамақ өнеркәсібі "
                      "және туризм құрайды."),
                    ul([
                        "ауыл шаруашылығын және суармалы егіншілікті дамыту;",
                        "тұрғын үй құрылысы мен инженерлік инфрақұрылым;",
                        "білім беру мен денсаулық сақтау нысандарын салу;",
                        "аудандардағы қызметтерді цифрландыру.",
                    ], lead="Әкімдіктің басым бағыттары:"),
                ],
                "ru": [
                    h("Об области"),
                    p("Жетикольская область расположена на юго-востоке страны. В её составе "
                      "9 районов и 2 города областного значения, население превышает 780 "
                      "тысяч человек. Основа экономики — сельское хозяйство, пищевая "
                      "промышленность и туризм."),
                    ul([
                        "развитие сельского хозяйства и орошаемого земледелия;",
                        "жилищное строительство и инженерная инфраструктура;",
                        "строительство объектов образования и здравоохранения;",
                        "цифровизация услуг в районах.",
                    ], lead="Приоритеты акимата:"),
                ],
                "en": [
                    h("About the region"),
                    p("Zhetikol Region lies in the south-east of the country. It has 9 "
                      "districts and 2 towns of regional significance, with a population of "
                      "more than 780,000. Its economy rests on agriculture, food processing "
                      "and tourism."),
                    ul([
                        "agriculture and irrigated farming;",
                        "housing construction and utilities;",
                        "new schools and health facilities;",
                        "digitalising services in the districts.",
                    ], lead="The akimat's priorities:"),
                ],
            },
        },
        "contacts": {
            "intro": {"kk": "Облыс әкімдігінің байланыс деректері.",
                      "ru": "Контакты акимата области.",
                      "en": "Contact details of the regional akimat."},
            "body": per_language(
                contacts_body,
                address=ADDRESS,
                phones=[
                    ({"kk": "Қабылдау бөлмесі", "ru": "Приёмная", "en": "Reception"},
                     "+7 7262 43 10 00"),
                    ({"kk": "Бірыңғай байланыс орталығы", "ru": "Единый контакт-центр",
                      "en": "Single contact centre"}, "109"),
                    ({"kk": "Баспасөз қызметі", "ru": "Пресс-служба", "en": "Press office"},
                     "+7 7262 43 10 25"),
                ],
                email="akimat@zhetikol.demo.example.kz",
                reception={
                    "kk": "Облыс әкімі азаматтарды әр айдың бірінші сенбісінде сағат 10:00-ден "
                    "бастап қабылдайды. Алдын ала жазылу 109 байланыс орталығы арқылы.",
                    "ru": "Аким области принимает граждан в первую субботу каждого месяца с "
                    "10:00. Предварительная запись через контакт-центр 109.",
                    "en": "The Akim of the region receives citizens on the first Saturday of "
                    "every month from 10:00. Book through the 109 contact centre.",
                },
            ),
        },
        "leadership": {
            "intro": {"kk": "Облыс әкімі және оның орынбасарлары.",
                      "ru": "Аким области и его заместители.",
                      "en": "The Akim of the region and deputies."},
            "body": per_language(leadership_body, [
                {
                    "name": {"kk": "Ерболат Маратұлы Тұрсынбаев",
                             "ru": "Ерболат Маратович Турсынбаев",
                             "en": "Yerbolat Tursynbayev"},
                    "post": {"kk": "Облыс әкімі", "ru": "Аким области",
                             "en": "Akim of the region"},
                    "bio": {
                        "kk": "Экономист. Аудан әкімі, облыс әкімінің орынбасары қызметтерін "
                        "атқарған.",
                        "ru": "Экономист. Работал акимом района, заместителем акима области.",
                        "en": "Economist. Previously a district akim and deputy akim of the "
                        "region.",
                    },
                },
                {
                    "name": {"kk": "Сәуле Жанатқызы Құдайбергенова",
                             "ru": "Сауле Жанатовна Кудайбергенова",
                             "en": "Saule Kudaibergenova"},
                    "post": {"kk": "Облыс әкімінің орынбасары",
                             "ru": "Заместитель акима области",
                             "en": "Deputy Akim of the region"},
                    "bio": {
                        "kk": "Әлеуметтік сала, білім беру және денсаулық сақтау мәселелеріне "
                        "жетекшілік етеді.",
                        "ru": "Курирует социальную сферу, образование и здравоохранение.",
                        "en": "Oversees social affairs, education and health care.",
                    },
                },
            ]),
        },
        "services": {
            "intro": {"kk": "Әкімдік көрсететін мемлекеттік қызметтер.",
                      "ru": "Государственные услуги акимата.",
                      "en": "Public services of the akimat."},
            "body": per_language(
                services_body,
                {
                    "kk": "Облыс әкімдігі мен оның басқармалары 150-ден астам қызмет "
                    "көрсетеді. Ең жиі сұралатын қызметтер:",
                    "ru": "Акимат области и его управления оказывают более 150 услуг. "
                    "Наиболее востребованные:",
                    "en": "The regional akimat and its departments provide more than 150 "
                    "services. The most requested are:",
                },
                [
                    {
                        "name": {"kk": "Жер учаскесіне құқық беру",
                                 "ru": "Предоставление права на земельный участок",
                                 "en": "Granting rights to a land plot"},
                        "text": {
                            "kk": "Өтінім электрондық түрде қабылданады, шешім 20 жұмыс "
                            "күні ішінде шығарылады.",
                            "ru": "Заявка принимается в электронной форме, решение "
                            "принимается в течение 20 рабочих дней.",
                            "en": "Applications are accepted online; a decision is made within "
                            "20 working days.",
                        },
                    },
                    {
                        "name": {"kk": "Ауыл шаруашылығын субсидиялау",
                                 "ru": "Субсидирование сельского хозяйства",
                                 "en": "Agricultural subsidies"},
                        "text": {
                            "kk": "Шаруа қожалықтарына тұқым, тыңайтқыш және суару үшін "
                            "субсидия беріледі.",
                            "ru": "Крестьянским хозяйствам выплачиваются субсидии на семена, "
                            "удобрения и полив.",
                            "en": "Farms receive subsidies for seed, fertiliser and "
                            "irrigation.",
                        },
                    },
                ],
            ),
        },
        "vacancies": {
            "intro": {"kk": "Облыс әкімдігіндегі бос орындар.",
                      "ru": "Вакансии акимата области.",
                      "en": "Vacancies at the regional akimat."},
            "body": per_language(
                vacancies_body,
                {
                    "kk": "Конкурсқа құжаттар электрондық үкімет порталы арқылы қабылданады.",
                    "ru": "Документы на конкурс принимаются через портал электронного "
                    "правительства.",
                    "en": "Applications are accepted through the e-government portal.",
                },
                [
                    {
                        "post": {"kk": "Құрылыс басқармасының бас маманы",
                                 "ru": "Главный специалист управления строительства",
                                 "en": "Chief specialist, Construction Department"},
                        "text": {
                            "kk": "Әлеуметтік нысандар құрылысының барысын бақылау.",
                            "ru": "Контроль хода строительства социальных объектов.",
                            "en": "Monitoring the construction of public buildings.",
                        },
                        "requirements": {
                            "kk": ["жоғары білім (құрылыс, сәулет);",
                                   "жобалау-сметалық құжаттаманы оқи білу."],
                            "ru": ["высшее образование (строительство, архитектура);",
                                   "умение читать проектно-сметную документацию."],
                            "en": ["a degree in civil engineering or architecture;",
                                   "ability to read design and cost documents."],
                        },
                        "deadline": "10.03.2026",
                    },
                ],
            ),
        },
        "documents": {
            "intro": {"kk": "Облыстың жоспарлары мен бюджеті.",
                      "ru": "Планы и бюджет области.",
                      "en": "The region's plans and budget."},
            "body": {
                "kk": [
                    h("Жоспарлар мен бюджет"),
                    doc("development-plan", "Облыстың 2026–2030 жылдарға арналған даму "
                        "жоспары (PDF)"),
                    doc("budget", "2026 жылғы азаматтық бюджет (PDF)"),
                ],
                "ru": [
                    h("Планы и бюджет"),
                    doc("development-plan", "План развития области на 2026–2030 годы (PDF)"),
                    doc("budget", "Гражданский бюджет на 2026 год (PDF)"),
                ],
                "en": [
                    h("Plans and budget"),
                    doc("development-plan", "Regional development plan 2026–2030 (PDF)"),
                    doc("budget", "Citizens’ budget for 2026 (PDF)"),
                ],
            },
        },
        "news": {
            "intro": {"kk": "Облыс жаңалықтары.", "ru": "Новости области.",
                      "en": "Regional news."},
        },
    },
    "news": [
        {
            "slug": "new-park-opened",
            "date": "2025-09-12",
            "title": {
                "kk": "Облыс орталығында жаңа саябақ ашылды",
                "ru": "В областном центре открыт новый парк",
                "en": "New park opens in the regional centre",
            },
            "intro": {
                "kk": "Саябақ аумағы 12 гектарды құрайды.",
                "ru": "Площадь парка — 12 гектаров.",
                "en": "The park covers 12 hectares.",
            },
            "body": {
                "kk": [
                    p("Саябақта балалар алаңдары, велосипед жолдары және мүмкіндігі шектеулі "
                      "жандарға арналған пандустар бар. 3 мыңнан астам ағаш отырғызылды."),
                    img("Жаңа саябақты бейнелейтін қоңыр-сары түсті геометриялық сурет",
                        "Облыс орталығындағы жаңа саябақ"),
                ],
                "ru": [
                    p("В парке есть детские площадки, велодорожки и пандусы для людей с "
                      "инвалидностью. Высажено более 3 тысяч деревьев."),
                    img("Коричнево-жёлтое геометрическое изображение нового парка",
                        "Новый парк в областном центре"),
                ],
                "en": [
                    p("The park has playgrounds, cycle paths and ramps for people with "
                      "disabilities. More than 3,000 trees have been planted."),
                    img("A brown and yellow geometric picture of the new park",
                        "The new park in the regional centre"),
                ],
            },
        },
        {
            "slug": "spring-field-work",
            "date": "2026-03-02",
            "title": {
                "kk": "Облыс көктемгі егіс жұмыстарына дайын",
                "ru": "Область готова к весенне-полевым работам",
                "en": "Region ready for spring planting",
            },
            "intro": {
                "kk": "Шаруаларға жеңілдетілген несие беріледі.",
                "ru": "Фермерам выдаются льготные кредиты.",
                "en": "Farmers can take out low-interest loans.",
            },
            "body": {
                "kk": [p("Биыл 410 мың гектарға дақыл егіледі. Жанар-жағармай мен тұқым "
                         "қоры толық жинақталды.")],
                "ru": [p("В этом году будет засеяно 410 тысяч гектаров. Запасы горючего и "
                         "семян сформированы полностью.")],
                "en": [p("Crops will be sown on 410,000 hectares this year. Fuel and seed "
                         "stocks are fully in place.")],
            },
        },
        {
            "slug": "akim-report-2025",
            "date": "2026-01-28",
            "title": {
                "kk": "Облыс әкімі тұрғындар алдында есеп берді",
                "ru": "Аким области отчитался перед населением",
                "en": "Akim of the region reports to residents",
            },
            "intro": {
                "kk": "Есепте 2025 жылдың негізгі нәтижелері айтылды.",
                "ru": "В отчёте подведены основные итоги 2025 года.",
                "en": "The report covered the main results of 2025.",
            },
            "body": {
                "kk": [p("Өткен жылы 14 мектеп, 6 емхана салынып, 220 шақырым жол жөнделді. "
                         "Тұрғындар 300-ден астам сұрақ қойды, оларға жауаптар әкімдік "
                         "сайтында жарияланады.")],
                "ru": [p("За прошлый год построены 14 школ и 6 поликлиник, отремонтировано "
                         "220 километров дорог. Жители задали более 300 вопросов, ответы "
                         "будут опубликованы на сайте акимата.")],
                "en": [p("Last year 14 schools and 6 clinics were built and 220 km of roads "
                         "repaired. Residents asked more than 300 questions; the answers "
                         "will be published on the akimat’s website.")],
            },
        },
    ],
}
