"""Akimat of the (invented) city of Saryozen, with its own host name.

*.localhost resolves to 127.0.0.1 in browsers, so http://akimat.localhost:8000/
opens this agency's own site when the development server runs.
"""

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
    "kk": "080000, Жетікөл облысы, Сарыөзен қ., Тәуелсіздік алаңы, 3",
    "ru": "080000, Жетикольская область, г. Сарыозен, площадь Тауелсиздик, 3",
    "en": "3 Tauelsizdik Square, Saryozen 080000, Zhetikol Region",
}

AGENCY = {
    "slug": "saryozen",
    "category": "akimat",
    "parent": "zhetikol",
    "hostname": "akimat.localhost",
    "brand_colour": "#A3282F",
    "names": {
        "kk": "Сарыөзен қаласының әкімдігі",
        "ru": "Акимат города Сарыозен",
        "en": "Akimat of Saryozen City",
    },
    "short_names": {"kk": "Қала әкімдігі", "ru": "Акимат города", "en": "City akimat"},
    "address": ADDRESS,
    "phone": "+7 7262 50 00 00",
    "email": "akimat@saryozen.demo.example.kz",
    "image_title": "Сарыөзеннің жаңартылған орталық көшесі",
    "intro": {
        "kk": "Қала әкімдігі абаттандыру, қоғамдық көлік, тұрғын үй-коммуналдық шаруашылық "
        "және қалалық қызметтер мәселелерімен айналысады. Өтініштеріңізді 109 нөмірі "
        "арқылы тәулік бойы қабылдаймыз.",
        "ru": "Акимат города занимается благоустройством, общественным транспортом, "
        "жилищно-коммунальным хозяйством и городскими услугами. Обращения принимаются "
        "круглосуточно по номеру 109.",
        "en": "The city akimat is responsible for public spaces, public transport, housing "
        "and utilities and city services. Requests are accepted around the clock on 109.",
    },
    "documents": [
        {
            "key": "master-plan",
            "title": {
                "kk": "Сарыөзен қаласының бас жоспары: негізгі ережелер",
                "ru": "Генеральный план города Сарыозен: основные положения",
                "en": "Saryozen City Master Plan: Main Provisions",
            },
            "pdf_lines": ["Population by 2040: 320,000", "New districts: 3",
                          "Green areas: 18 square metres per resident"],
        },
        {
            "key": "transport",
            "title": {
                "kk": "Қоғамдық көлік бағыттарының сызбасы",
                "ru": "Схема маршрутов общественного транспорта",
                "en": "Public Transport Route Map",
            },
            "pdf_lines": ["Bus routes: 24", "Electric buses: 60", "Night routes: 3"],
        },
    ],
    "sections": {
        "about": {
            "intro": {"kk": "Қала туралы.", "ru": "О городе.", "en": "About the city."},
            "body": {
                "kk": [
                    h("Қала туралы"),
                    p("Сарыөзен – Жетікөл облысының әкімшілік орталығы, халқы 240 мыңнан "
                      "асады. Қала сауда мен көлік торабы ретінде дамып келеді."),
                    ul(["қоғамдық көлікті электр автобустарға көшіру;",
                        "аулаларды абаттандыру;",
                        "қалалық қызметтерді цифрландыру: қызметтерді смартфон арқылы алу."],
                       lead="Әкімдіктің басты жобалары:"),
                ],
                "ru": [
                    h("О городе"),
                    p("Сарыозен — административный центр Жетикольской области с населением "
                      "более 240 тысяч человек. Город развивается как торговый и "
                      "транспортный узел."),
                    ul(["перевод общественного транспорта на электробусы;",
                        "благоустройство дворов;",
                        "цифровизация городских услуг: услуги со смартфона."],
                       lead="Главные проекты акимата:"),
                ],
                "en": [
                    h("About the city"),
                    p("Saryozen is the administrative centre of Zhetikol Region, with more "
                      "than 240,000 residents. The city is growing as a trade and transport "
                      "hub."),
                    ul(["switching public transport to electric buses;",
                        "improving courtyards;",
                        "digital city services available from a smartphone."],
                       lead="The akimat's main projects:"),
                ],
            },
        },
        "contacts": {
            "intro": {"kk": "Қала әкімдігінің байланыс деректері.",
                      "ru": "Контакты акимата города.",
                      "en": "Contact details of the city akimat."},
            "body": per_language(
                contacts_body,
                address=ADDRESS,
                phones=[
                    ({"kk": "Қабылдау бөлмесі", "ru": "Приёмная", "en": "Reception"},
                     "+7 7262 50 00 00"),
                    ({"kk": "Қалалық қызметтердің бірыңғай орталығы",
                      "ru": "Единый центр городских служб",
                      "en": "City services hotline"}, "109"),
                ],
                email="akimat@saryozen.demo.example.kz",
                reception={
                    "kk": "Қала әкімі азаматтарды әр бейсенбі сағат 16:00-ден бастап "
                    "қабылдайды. Алдын ала жазылу 109 нөмірі арқылы.",
                    "ru": "Аким города принимает граждан каждый четверг с 16:00. "
                    "Предварительная запись по номеру 109.",
                    "en": "The City Akim receives citizens every Thursday from 16:00. Book "
                    "in advance on 109.",
                },
            ),
        },
        "leadership": {
            "intro": {"kk": "Қала әкімі және орынбасарлары.",
                      "ru": "Аким города и заместители.",
                      "en": "The City Akim and deputies."},
            "body": per_language(leadership_body, [
                {
                    "name": {"kk": "Тимур Ғалымжанұлы Омаров",
                             "ru": "Тимур Галымжанович Омаров",
                             "en": "Timur Omarov"},
                    "post": {"kk": "Қала әкімі", "ru": "Аким города", "en": "City Akim"},
                    "bio": {
                        "kk": "Инженер-құрылысшы. Облыстық құрылыс басқармасын басқарған.",
                        "ru": "Инженер-строитель. Руководил областным управлением "
                        "строительства.",
                        "en": "Civil engineer. Previously head of the regional construction "
                        "department.",
                    },
                },
                {
                    "name": {"kk": "Динара Серікқызы Жүнісова",
                             "ru": "Динара Сериковна Жунусова",
                             "en": "Dinara Zhunusova"},
                    "post": {"kk": "Қала әкімінің орынбасары",
                             "ru": "Заместитель акима города",
                             "en": "Deputy City Akim"},
                    "bio": {
                        "kk": "Қалалық шаруашылық пен қоғамдық көлікке жетекшілік етеді.",
                        "ru": "Курирует городское хозяйство и общественный транспорт.",
                        "en": "Oversees city utilities and public transport.",
                    },
                },
            ]),
        },
        "services": {
            "intro": {"kk": "Қалалық қызметтер.", "ru": "Городские услуги.",
                      "en": "City services."},
            "body": per_language(
                services_body,
                {
                    "kk": "Қала тұрғындары үшін ең жиі сұралатын қызметтер.",
                    "ru": "Самые востребованные услуги для жителей города.",
                    "en": "The services residents ask for most often.",
                },
                [
                    {
                        "name": {"kk": "Құрылысқа рұқсат алу",
                                 "ru": "Получение разрешения на строительство",
                                 "en": "Building permits"},
                        "text": {
                            "kk": "Жеке тұрғын үй құрылысына рұқсат 10 жұмыс күні ішінде "
                            "беріледі.",
                            "ru": "Разрешение на строительство частного дома выдаётся в "
                            "течение 10 рабочих дней.",
                            "en": "Permits for building a private house are issued within "
                            "10 working days.",
                        },
                    },
                    {
                        "name": {"kk": "Қоғамдық көлікте жеңілдікпен жүру",
                                 "ru": "Льготный проезд в общественном транспорте",
                                 "en": "Concession fares on public transport"},
                        "text": {
                            "kk": "Зейнеткерлер, студенттер мен мүмкіндігі шектеулі жандар "
                            "жеңілдікпен жүреді.",
                            "ru": "Пенсионеры, студенты и люди с инвалидностью ездят по "
                            "льготному тарифу.",
                            "en": "Pensioners, students and people with disabilities travel "
                            "at reduced fares.",
                        },
                    },
                ],
            ),
        },
        "vacancies": {
            "intro": {"kk": "Қала әкімдігіндегі бос орындар.",
                      "ru": "Вакансии акимата города.",
                      "en": "Vacancies at the city akimat."},
            "body": per_language(
                vacancies_body,
                {
                    "kk": "Құжаттар электрондық үкімет порталы арқылы қабылданады.",
                    "ru": "Документы принимаются через портал электронного правительства.",
                    "en": "Applications are accepted through the e-government portal.",
                },
                [
                    {
                        "post": {"kk": "Жолаушылар көлігі бөлімінің бас маманы",
                                 "ru": "Главный специалист отдела пассажирского транспорта",
                                 "en": "Chief specialist, Passenger Transport Office"},
                        "text": {
                            "kk": "Автобус бағыттарының кестесін жоспарлау.",
                            "ru": "Планирование расписания автобусных маршрутов.",
                            "en": "Planning bus timetables.",
                        },
                        "requirements": {
                            "kk": ["жоғары білім (көлік, логистика);",
                                   "көлік ағындарын талдау тәжірибесі."],
                            "ru": ["высшее образование (транспорт, логистика);",
                                   "опыт анализа транспортных потоков."],
                            "en": ["a degree in transport or logistics;",
                                   "experience analysing traffic flows."],
                        },
                        "deadline": "25.03.2026",
                    },
                ],
            ),
        },
        "documents": {
            "intro": {"kk": "Қаланың жоспарлау құжаттары.",
                      "ru": "Градостроительные документы.",
                      "en": "City planning documents."},
            "body": {
                "kk": [
                    h("Қала құрылысы және көлік"),
                    doc("master-plan", "Бас жоспардың негізгі ережелері (PDF)"),
                    doc("transport", "Қоғамдық көлік бағыттарының сызбасы (PDF)"),
                ],
                "ru": [
                    h("Градостроительство и транспорт"),
                    doc("master-plan", "Основные положения генерального плана (PDF)"),
                    doc("transport", "Схема маршрутов общественного транспорта (PDF)"),
                ],
                "en": [
                    h("Urban planning and transport"),
                    doc("master-plan", "Main provisions of the master plan (PDF)"),
                    doc("transport", "Public transport route map (PDF)"),
                ],
            },
        },
        "news": {
            "intro": {"kk": "Қала жаңалықтары.", "ru": "Новости города.",
                      "en": "City news."},
        },
    },
    "news": [
        {
            "slug": "electric-buses",
            "date": "2026-02-20",
            "title": {
                "kk": "Қала көшелеріне 60 электр автобус шықты",
                "ru": "На улицы города вышли 60 электробусов",
                "en": "60 electric buses take to the city’s streets",
            },
            "intro": {
                "kk": "Жаңа автобустар бес бағытта жүреді.",
                "ru": "Новые автобусы работают на пяти маршрутах.",
                "en": "The new buses serve five routes.",
            },
            "body": {
                "kk": [
                    p("Электр автобустарда мүмкіндігі шектеулі жолаушыларға арналған "
                      "пандустар мен аялдамаларды дыбыстап хабарлау жүйесі бар."),
                    img("Жаңартылған орталық көшені бейнелейтін қызыл түсті геометриялық "
                        "сурет", "Сарыөзеннің орталық көшесі"),
                ],
                "ru": [
                    p("В электробусах есть пандусы для пассажиров с инвалидностью и "
                      "голосовое объявление остановок."),
                    img("Красное геометрическое изображение обновлённой центральной улицы",
                        "Центральная улица Сарыозена"),
                ],
                "en": [
                    p("The electric buses have ramps for passengers with disabilities and "
                      "spoken stop announcements."),
                    img("A red geometric picture of the renewed main street",
                        "Saryozen’s main street"),
                ],
            },
        },
        {
            "slug": "courtyards-2026",
            "date": "2026-01-16",
            "title": {
                "kk": "Биыл 80 аула абаттандырылады",
                "ru": "В этом году благоустроят 80 дворов",
                "en": "80 courtyards to be improved this year",
            },
            "intro": {
                "kk": "Аулалардың тізімін тұрғындар дауыс беру арқылы анықтады.",
                "ru": "Список дворов определили жители голосованием.",
                "en": "Residents chose the courtyards by vote.",
            },
            "body": {
                "kk": [p("Өз ауласын жөндеу үшін 12 мыңнан астам тұрғын дауыс берді. "
                         "Жұмыстар мамыр айында басталады.")],
                "ru": [p("Более 12 тысяч жителей проголосовали за ремонт своих дворов. "
                         "Работы начнутся в мае.")],
                "en": [p("More than 12,000 residents voted for their courtyards to be "
                         "renovated. Work begins in May.")],
            },
        },
        {
            "slug": "heating-season",
            "date": "2025-10-10",
            "title": {
                "kk": "Жылыту маусымы уақытында басталды",
                "ru": "Отопительный сезон начался вовремя",
                "en": "Heating season starts on time",
            },
            "intro": {
                "kk": "Барлық әлеуметтік нысандар жылумен қамтылды.",
                "ru": "Все социальные объекты подключены к теплу.",
                "en": "All schools, hospitals and care homes have heating.",
            },
            "body": {
                "kk": [p("Жазда 18 шақырым жылу желісі ауыстырылды. Жылумен жабдықтауға "
                         "қатысты өтініштер 109 нөмірі арқылы тәулік бойы қабылданады.")],
                "ru": [p("Летом заменено 18 километров тепловых сетей. Обращения по "
                         "теплоснабжению принимаются круглосуточно по номеру 109.")],
                "en": [p("18 km of heating mains were replaced over the summer. Heating "
                         "problems can be reported around the clock on 109.")],
            },
        },
    ],
}
