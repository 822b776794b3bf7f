"""Ministry of Digital Development and Innovation (invented)."""

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
    "kk": "010000, Астана қ., Түркістан көшесі, 17, 3-кіреберіс",
    "ru": "010000, г. Астана, ул. Туркестан, 17, подъезд 3",
    "en": "17 Turkistan Street, entrance 3, Astana 010000",
}

AGENCY = {
    "slug": "digital",
    "category": "ministry",
    "parent": None,
    "hostname": None,
    "brand_colour": "#0B5CAD",
    "names": {
        "kk": "Цифрлық даму және инновациялар министрлігі",
        "ru": "Министерство цифрового развития и инноваций",
        "en": "Ministry of Digital Development and Innovation",
    },
    "short_names": {"kk": "ЦДИМ", "ru": "МЦРИ", "en": "MDDI"},
    "address": ADDRESS,
    "phone": "+7 7172 55 01 00",
    "email": "info@digital.demo.example.kz",
    "image_title": "Ауылдағы талшықты-оптикалық желі",
    "intro": {
        "kk": "Министрлік мемлекеттік басқаруды цифрландыру, байланыс және ақпараттық "
        "қауіпсіздік салаларындағы саясатты әзірлейді. Біздің мақсатымыз – әр азаматқа "
        "мемлекеттік қызметтерді жылдам, қолжетімді әрі ашық түрде ұсыну.",
        "ru": "Министерство разрабатывает политику в сферах цифровизации государственного "
        "управления, связи и информационной безопасности. Наша цель — чтобы каждый "
        "гражданин получал государственные услуги быстро, доступно и прозрачно.",
        "en": "The Ministry shapes policy on the digitalisation of public administration, "
        "communications and information security. Our goal is for every citizen to receive "
        "public services quickly, accessibly and transparently.",
    },
    "documents": [
        {
            "key": "strategy",
            "title": {
                "kk": "Мемлекеттік басқаруды цифрландыру тұжырымдамасы, 2026–2030 жылдар",
                "ru": "Концепция цифровизации государственного управления на 2026–2030 годы",
                "en": "Concept for the Digitalisation of Public Administration, 2026-2030",
            },
            "pdf_lines": [
                "1. Goals: every public service available online by 2030.",
                "2. One digital identity for citizens and businesses.",
                "3. Open data by default for all central government bodies.",
            ],
        },
        {
            "key": "register",
            "title": {
                "kk": "Электрондық түрде көрсетілетін мемлекеттік қызметтер тізілімі",
                "ru": "Реестр государственных услуг, оказываемых в электронной форме",
                "en": "Register of Public Services Provided Electronically",
            },
            "pdf_lines": [
                "Section A. Services for citizens (112 services).",
                "Section B. Services for businesses (74 services).",
            ],
        },
    ],
    "sections": {
        "about": {
            "intro": {
                "kk": "Министрліктің міндеттері, құрылымы және жұмыс қағидаттары.",
                "ru": "Задачи, структура и принципы работы министерства.",
                "en": "The Ministry's tasks, structure and working principles.",
            },
            "body": {
                "kk": [
                    h("Министрліктің міндеттері"),
                    p("Цифрлық даму және инновациялар министрлігі – цифрландыру, "
                      "ақпараттандыру, байланыс және инновациялық қызмет салаларында "
                      "басшылықты жүзеге асыратын орталық атқарушы орган."),
                    ul([
                        "мемлекеттік органдарды цифрландыру саясатын қалыптастыру;",
                        "мемлекеттік қызметтерді электрондық форматқа көшіру және "
                        "олардың сапасын бақылау;",
                        "елді мекендерді жоғары жылдамдықты интернетпен қамту;",
                        "ақпараттық-коммуникациялық инфрақұрылымның қауіпсіздігін "
                        "қамтамасыз ету;",
                        "халықтың цифрлық сауаттылығын арттыру.",
                    ], lead="Негізгі міндеттеріміз:"),
                    h("Құрылымы"),
                    p("Министрліктің құрамында бес департамент, Ақпараттық қауіпсіздік "
                      "комитеті және ведомстволық бағынысты екі ұйым жұмыс істейді. "
                      "Цифрландырудың нәтижелері туралы есеп жыл сайын жарияланады, ал "
                      "цифрландыруға бөлінген қаражаттың жұмсалуы ашық деректер порталында "
                      "көрсетіледі."),
                ],
                "ru": [
                    h("Задачи министерства"),
                    p("Министерство цифрового развития и инноваций — центральный "
                      "исполнительный орган, осуществляющий руководство в сферах "
                      "цифровизации, информатизации, связи и инновационной деятельности."),
                    ul([
                        "формирование политики цифровизации государственных органов;",
                        "перевод государственных услуг в электронный формат и контроль "
                        "их качества;",
                        "обеспечение населённых пунктов высокоскоростным интернетом;",
                        "обеспечение безопасности информационно-коммуникационной "
                        "инфраструктуры;",
                        "повышение цифровой грамотности населения.",
                    ], lead="Наши основные задачи:"),
                    h("Структура"),
                    p("В составе министерства работают пять департаментов, Комитет "
                      "информационной безопасности и две подведомственные организации. "
                      "Отчёт о результатах цифровизации публикуется ежегодно, а "
                      "расходование средств на цифровизацию отражается на портале "
                      "открытых данных."),
                ],
                "en": [
                    h("The Ministry's tasks"),
                    p("The Ministry of Digital Development and Innovation is the central "
                      "executive body responsible for digitalisation, information "
                      "technology, communications and innovation."),
                    ul([
                        "shaping the digitalisation policy of government bodies;",
                        "moving public services online and monitoring their quality;",
                        "bringing high-speed internet to every settlement;",
                        "keeping the information and communications infrastructure secure;",
                        "improving the digital literacy of the population.",
                    ], lead="Our main tasks:"),
                    h("Structure"),
                    p("The Ministry comprises five departments, the Information Security "
                      "Committee and two subordinate organisations. A report on the results "
                      "of digitalisation is published every year, and spending on "
                      "digitalisation is shown on the open data portal."),
                ],
            },
        },
        "contacts": {
            "intro": {
                "kk": "Министрліктің мекенжайы, телефондары және азаматтарды қабылдау кестесі.",
                "ru": "Адрес, телефоны министерства и график приёма граждан.",
                "en": "The Ministry's address, phone numbers and reception schedule.",
            },
            "body": per_language(
                contacts_body,
                address=ADDRESS,
                phones=[
                    ({"kk": "Қабылдау бөлмесі", "ru": "Приёмная", "en": "Reception"},
                     "+7 7172 55 01 00"),
                    ({"kk": "Баспасөз қызметі", "ru": "Пресс-служба", "en": "Press office"},
                     "+7 7172 55 01 15"),
                    ({"kk": "Цифрлық қызметтер бойынша байланыс орталығы",
                      "ru": "Контакт-центр по цифровым услугам",
                      "en": "Digital services contact centre"}, "1414"),
                ],
                email="info@digital.demo.example.kz",
                reception={
                    "kk": "Министр азаматтарды әр айдың бірінші сәрсенбісінде сағат 15:00-ден "
                    "бастап қабылдайды. Қабылдауға алдын ала +7 7172 55 01 20 телефоны "
                    "арқылы жазылу қажет.",
                    "ru": "Министр принимает граждан в первую среду каждого месяца с 15:00. "
                    "Запись на приём по телефону +7 7172 55 01 20.",
                    "en": "The Minister receives citizens on the first Wednesday of every "
                    "month from 15:00. Book an appointment by phone: +7 7172 55 01 20.",
                },
            ),
        },
        "leadership": {
            "intro": {
                "kk": "Министрліктің басшылық құрамы.",
                "ru": "Руководящий состав министерства.",
                "en": "The Ministry's senior management.",
            },
            "body": per_language(leadership_body, [
                {
                    "name": {"kk": "Дәурен Серікұлы Әлімжанов",
                             "ru": "Даурен Серикович Алимжанов",
                             "en": "Dauren Alimzhanov"},
                    "post": {"kk": "Министр", "ru": "Министр", "en": "Minister"},
                    "bio": {
                        "kk": "1979 жылы туған. Ақпараттық жүйелер мамандығы бойынша білім "
                        "алған. Он бес жылдан астам уақыт ақпараттық технологиялар саласында "
                        "жұмыс істеген, электрондық үкімет жобаларына басшылық еткен.",
                        "ru": "Родился в 1979 году. Образование — информационные системы. "
                        "Более пятнадцати лет работает в сфере информационных технологий, "
                        "руководил проектами электронного правительства.",
                        "en": "Born in 1979; degree in information systems. More than fifteen "
                        "years in information technology, including leading e-government "
                        "projects.",
                    },
                },
                {
                    "name": {"kk": "Гүлнар Бақытқызы Оспанова",
                             "ru": "Гульнар Бахытовна Оспанова",
                             "en": "Gulnar Ospanova"},
                    "post": {"kk": "Вице-министр", "ru": "Вице-министр", "en": "Vice Minister"},
                    "bio": {
                        "kk": "Мемлекеттік қызметтерді цифрландыру және деректерді басқару "
                        "мәселелеріне жетекшілік етеді. Бұған дейін өңірлік цифрлық "
                        "трансформация орталығын басқарған.",
                        "ru": "Курирует цифровизацию государственных услуг и управление "
                        "данными. Ранее руководила региональным центром цифровой "
                        "трансформации.",
                        "en": "Oversees the digitalisation of public services and data "
                        "management. Previously headed a regional digital transformation "
                        "centre.",
                    },
                },
                {
                    "name": {"kk": "Арман Төлегенұлы Жақсыбеков",
                             "ru": "Арман Тулегенович Жаксыбеков",
                             "en": "Arman Zhaksybekov"},
                    "post": {"kk": "Жауапты хатшы", "ru": "Ответственный секретарь",
                             "en": "Executive Secretary"},
                    "bio": {
                        "kk": "Министрліктің қаржылық, кадрлық және ұйымдастыру жұмыстарына "
                        "жауап береді.",
                        "ru": "Отвечает за финансовую, кадровую и организационную работу "
                        "министерства.",
                        "en": "Responsible for the Ministry's finance, human resources and "
                        "administration.",
                    },
                },
            ]),
        },
        "services": {
            "intro": {
                "kk": "Министрлік көрсететін мемлекеттік қызметтер.",
                "ru": "Государственные услуги, оказываемые министерством.",
                "en": "Public services provided by the Ministry.",
            },
            "body": per_language(
                services_body,
                {
                    "kk": "Барлық қызметтерді электрондық үкімет порталы арқылы алуға болады. "
                    "Қызметтерді алу үшін электрондық цифрлық қолтаңба немесе бір реттік "
                    "құпиясөз жеткілікті.",
                    "ru": "Все услуги можно получить через портал электронного правительства. "
                    "Для получения услуг достаточно электронной цифровой подписи или "
                    "одноразового пароля.",
                    "en": "All services are available through the e-government portal. An "
                    "electronic digital signature or a one-time password is enough to "
                    "apply.",
                },
                [
                    {
                        "name": {"kk": "Байланыс операторларына лицензия беру",
                                 "ru": "Выдача лицензий операторам связи",
                                 "en": "Licensing of telecom operators"},
                        "text": {
                            "kk": "Өтінім 15 жұмыс күні ішінде қаралады. Қызмет тегін көрсетіледі.",
                            "ru": "Заявка рассматривается в течение 15 рабочих дней. Услуга "
                            "оказывается бесплатно.",
                            "en": "Applications are processed within 15 working days. The "
                            "service is free of charge.",
                        },
                    },
                    {
                        "name": {"kk": "Электрондық цифрлық қолтаңба алу",
                                 "ru": "Получение электронной цифровой подписи",
                                 "en": "Obtaining an electronic digital signature"},
                        "text": {
                            "kk": "Қолтаңбаны ұялы телефон арқылы немесе халыққа қызмет "
                            "көрсету орталығында бірнеше минутта алуға болады.",
                            "ru": "Подпись можно получить за несколько минут с мобильного "
                            "телефона или в центре обслуживания населения.",
                            "en": "A signature can be obtained in a few minutes from a mobile "
                            "phone or at a public service centre.",
                        },
                    },
                    {
                        "name": {"kk": "Радиожиілік спектрін пайдалануға рұқсат беру",
                                 "ru": "Разрешение на использование радиочастотного спектра",
                                 "en": "Permits to use the radio frequency spectrum"},
                        "text": {
                            "kk": "Рұқсат бес жылға беріледі және электрондық түрде ұзартылады.",
                            "ru": "Разрешение выдаётся на пять лет и продлевается в "
                            "электронной форме.",
                            "en": "Permits are issued for five years and renewed online.",
                        },
                    },
                ],
            ),
        },
        "vacancies": {
            "intro": {
                "kk": "Министрліктегі бос әкімшілік мемлекеттік лауазымдар.",
                "ru": "Вакантные административные государственные должности министерства.",
                "en": "Vacant civil service posts at the Ministry.",
            },
            "body": per_language(
                vacancies_body,
                {
                    "kk": "Конкурсқа қатысу үшін құжаттар электрондық үкімет порталы арқылы "
                    "қабылданады. Сұрақтар бойынша кадр қызметіне +7 7172 55 01 30 "
                    "телефоны арқылы хабарласыңыз.",
                    "ru": "Документы для участия в конкурсе принимаются через портал "
                    "электронного правительства. По вопросам обращайтесь в кадровую службу "
                    "по телефону +7 7172 55 01 30.",
                    "en": "Applications are accepted through the e-government portal. For "
                    "questions call the human resources service on +7 7172 55 01 30.",
                },
                [
                    {
                        "post": {"kk": "Деректерді басқару басқармасының бас сарапшысы",
                                 "ru": "Главный эксперт управления данных",
                                 "en": "Chief expert, Data Management Division"},
                        "text": {
                            "kk": "Мемлекеттік органдардың деректерін біріздендіру және "
                            "ашық деректерді жариялау жұмыстарын үйлестіру.",
                            "ru": "Координация работ по унификации данных государственных "
                            "органов и публикации открытых данных.",
                            "en": "Coordinating the harmonisation of government data and the "
                            "publication of open data.",
                        },
                        "requirements": {
                            "kk": ["жоғары білім (ақпараттық технологиялар, математика);",
                                   "SQL және деректерді талдау тәжірибесі;",
                                   "мемлекеттік тілді және орыс тілін еркін меңгеру."],
                            "ru": ["высшее образование (информационные технологии, математика);",
                                   "опыт работы с SQL и анализом данных;",
                                   "свободное владение государственным и русским языками."],
                            "en": ["a degree in information technology or mathematics;",
                                   "experience with SQL and data analysis;",
                                   "fluent Kazakh and Russian."],
                        },
                        "deadline": "20.03.2026",
                    },
                ],
            ),
        },
        "documents": {
            "intro": {
                "kk": "Министрліктің стратегиялық және нормативтік құжаттары.",
                "ru": "Стратегические и нормативные документы министерства.",
                "en": "The Ministry's strategic and regulatory documents.",
            },
            "body": {
                "kk": [
                    h("Стратегиялық құжаттар"),
                    p("Төмендегі құжаттар цифрландырудың негізгі бағыттарын және "
                      "электрондық түрде көрсетілетін қызметтердің толық тізбесін айқындайды."),
                    doc("strategy", "Мемлекеттік басқаруды цифрландыру тұжырымдамасы, "
                        "2026–2030 жылдар (PDF)"),
                    doc("register", "Электрондық мемлекеттік қызметтер тізілімі (PDF)"),
                ],
                "ru": [
                    h("Стратегические документы"),
                    p("Эти документы определяют основные направления цифровизации и полный "
                      "перечень услуг, оказываемых в электронной форме."),
                    doc("strategy", "Концепция цифровизации государственного управления "
                        "на 2026–2030 годы (PDF)"),
                    doc("register", "Реестр электронных государственных услуг (PDF)"),
                ],
                "en": [
                    h("Strategic documents"),
                    p("These documents set out the main directions of digitalisation and the "
                      "full list of services provided online."),
                    doc("strategy", "Concept for the Digitalisation of Public Administration, "
                        "2026–2030 (PDF)"),
                    doc("register", "Register of electronic public services (PDF)"),
                ],
            },
        },
        "news": {
            "intro": {
                "kk": "Министрліктің жаңалықтары мен баспасөз релиздері.",
                "ru": "Новости и пресс-релизы министерства.",
                "en": "News and press releases of the Ministry.",
            },
        },
    },
    "news": [
        {
            "slug": "rural-broadband-2026",
            "date": "2026-02-10",
            "title": {
                "kk": "Тағы 312 ауыл жоғары жылдамдықты интернетке қосылды",
                "ru": "Ещё 312 сёл подключены к высокоскоростному интернету",
                "en": "312 more villages connected to high-speed internet",
            },
            "intro": {
                "kk": "Ауылдарды цифрландыру бағдарламасы аясында талшықты-оптикалық желі "
                "тартылды.",
                "ru": "В рамках программы цифровизации сёл проложена волоконно-оптическая сеть.",
                "en": "A fibre-optic network has been laid under the rural digitalisation "
                "programme.",
            },
            "body": {
                "kk": [
                    p("Өткен жылы басталған жоба аясында 312 ауылдық елді мекенге "
                      "талшықты-оптикалық байланыс желісі тартылды. Енді мектептер, "
                      "емханалар мен әкімдіктер секундына 100 мегабитке дейінгі жылдамдықпен "
                      "интернетке қосылады."),
                    img("Ауылдық елді мекенге тартылған талшықты-оптикалық желінің "
                        "сызбалық бейнесі", "Ауылдарды цифрландыру жобасы"),
                    p("Министрдің айтуынша, ауылдарды цифрландыруға бөлінген қаражат "
                      "тұрғындардың мемлекеттік қызметтерді үйден шықпай алуына мүмкіндік "
                      "береді."),
                ],
                "ru": [
                    p("В рамках проекта, начатого в прошлом году, волоконно-оптическая "
                      "линия связи проведена в 312 сельских населённых пунктов. Теперь школы, "
                      "поликлиники и акиматы подключены к интернету на скорости до 100 "
                      "мегабит в секунду."),
                    img("Схематичное изображение волоконно-оптической сети, проведённой "
                        "в село", "Проект цифровизации сёл"),
                    p("По словам министра, средства, выделенные на цифровизацию сёл, "
                      "позволят жителям получать государственные услуги, не выходя из дома."),
                ],
                "en": [
                    p("Under a project launched last year, fibre-optic lines now reach 312 "
                      "rural settlements. Schools, clinics and local akimats are connected to "
                      "the internet at up to 100 megabits per second."),
                    img("A schematic picture of a fibre-optic network reaching a village",
                        "The rural digitalisation project"),
                    p("According to the Minister, the funds allocated to rural "
                      "digitalisation will let residents receive public services without "
                      "leaving home."),
                ],
            },
        },
        {
            "slug": "digitalisation-roadmap",
            "date": "2026-01-22",
            "title": {
                "kk": "Мемлекеттік қызметтерді цифрландырудың жаңа жол картасы бекітілді",
                "ru": "Утверждена новая дорожная карта цифровизации государственных услуг",
                "en": "New roadmap for the digitalisation of public services approved",
            },
            "intro": {
                "kk": "2027 жылға қарай 40 жаңа қызмет проактивті түрде көрсетіледі.",
                "ru": "К 2027 году 40 новых услуг будут оказываться в проактивном формате.",
                "en": "By 2027, 40 more services will be provided proactively.",
            },
            "body": {
                "kk": [
                    p("Жол картасы мемлекеттік қызметтерді цифрландырудың келесі кезеңін "
                      "айқындайды. Азамат өтініш бермей-ақ, өмірлік жағдайына қарай "
                      "қызметтерді автоматты түрде алатын болады: мысалы, бала туылғанда "
                      "жәрдемақы мен тіркеу бір хабарламамен рәсімделеді."),
                    p("Мемлекеттік органдар цифрландыруға жауапты қызметкерлерді "
                      "тағайындап, әр тоқсан сайын нәтижелер туралы есеп береді."),
                ],
                "ru": [
                    p("Дорожная карта определяет следующий этап цифровизации государственных "
                      "услуг. Гражданин будет получать услуги автоматически, по жизненной "
                      "ситуации, без заявления: например, при рождении ребёнка пособие и "
                      "регистрация оформляются одним уведомлением."),
                    p("Государственные органы назначат ответственных за цифровизацию и "
                      "будут ежеквартально отчитываться о результатах."),
                ],
                "en": [
                    p("The roadmap sets out the next stage of the digitalisation of public "
                      "services. Citizens will receive services automatically when a life "
                      "event occurs, without applying: for example, when a child is born, "
                      "the allowance and registration are arranged with a single "
                      "notification."),
                    p("Government bodies will appoint officers responsible for "
                      "digitalisation and report on results every quarter."),
                ],
            },
        },
        {
            "slug": "digital-literacy-seniors",
            "date": "2025-12-05",
            "title": {
                "kk": "Зейнеткерлерге арналған «Цифрлық сауат» курсы тегін өтеді",
                "ru": "Курс «Цифровая грамотность» для пенсионеров пройдёт бесплатно",
                "en": "Free “Digital Literacy” course for pensioners",
            },
            "intro": {
                "kk": "Курста электрондық қызметтерді пайдалануды және алаяқтардан "
                "сақтануды үйретеді.",
                "ru": "На курсе научат пользоваться электронными услугами и защищаться от "
                "мошенников.",
                "en": "The course teaches how to use online services and avoid fraud.",
            },
            "body": {
                "kk": [
                    p("Курс кітапханалар мен халыққа қызмет көрсету орталықтарында өтеді. "
                      "Тыңдаушылар смартфон арқылы қызметтерді алуды, дәрігерге жазылуды "
                      "және банк деректерін қорғауды үйренеді."),
                    p("Оқуға жазылу үшін 1414 байланыс орталығына қоңырау шалыңыз."),
                ],
                "ru": [
                    p("Занятия проходят в библиотеках и центрах обслуживания населения. "
                      "Слушатели научатся получать услуги со смартфона, записываться к врачу "
                      "и защищать банковские данные."),
                    p("Чтобы записаться, позвоните в контакт-центр 1414."),
                ],
                "en": [
                    p("Classes take place in libraries and public service centres. "
                      "Participants learn to use services on a smartphone, book a doctor’s "
                      "appointment and protect their bank details."),
                    p("To sign up, call the 1414 contact centre."),
                ],
            },
        },
    ],
}
