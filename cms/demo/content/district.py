"""Akimat of the (invented) Kokterek District of Zhetikol Region.

Its Vacancies section and one news item deliberately have no English version, to
show the en → ru fallback with its notice and lang="ru".
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
    "kk": "081200, Жетікөл облысы, Көктерек ауданы, Көктерек ауылы, Бірлік көшесі, 8",
    "ru": "081200, Жетикольская область, Коктерекский район, село Коктерек, ул. Бирлик, 8",
    "en": "8 Birlik Street, Kokterek village, Kokterek District, Zhetikol Region 081200",
}

AGENCY = {
    "slug": "kokterek",
    "category": "akimat",
    "parent": "zhetikol",
    "hostname": None,
    "brand_colour": "#4F7A1E",
    "names": {
        "kk": "Көктерек ауданының әкімдігі",
        "ru": "Акимат Коктерекского района",
        "en": "Akimat of Kokterek District",
    },
    "short_names": {"kk": "Аудан әкімдігі", "ru": "Акимат района", "en": "District akimat"},
    "address": ADDRESS,
    "phone": "+7 72638 2 11 00",
    "email": "akimat@kokterek.demo.example.kz",
    "image_title": "Көктерек ауылындағы жаңа мектеп",
    "intro": {
        "kk": "Аудан әкімдігі 18 ауылдық округтің тұрғындарына қызмет көрсетеді. Біз ауыл "
        "тұрғындарына қажетті мемлекеттік қызметтерді жақындатуға тырысамыз.",
        "ru": "Акимат района обслуживает жителей 18 сельских округов. Мы стремимся "
        "приблизить государственные услуги к жителям сёл.",
        "en": "The district akimat serves the residents of 18 rural districts. We aim to "
        "bring public services closer to village residents.",
    },
    "documents": [
        {
            "key": "akim-report",
            "title": {
                "kk": "Аудан әкімінің 2025 жылғы есебі",
                "ru": "Отчёт акима района за 2025 год",
                "en": "Report of the District Akim for 2025",
            },
            "pdf_lines": ["Schools built: 2", "Roads repaired: 38 km", "Jobs created: 640"],
        },
        {
            "key": "reception-schedule",
            "title": {
                "kk": "Ауылдық округ әкімдерінің азаматтарды қабылдау кестесі",
                "ru": "График приёма граждан акимами сельских округов",
                "en": "Reception Schedule of Rural District Akims",
            },
            "pdf_lines": ["Monday: Kokterek, Aksu", "Wednesday: Karasai, Zhana-Talap"],
        },
    ],
    "sections": {
        "about": {
            "intro": {"kk": "Аудан туралы.", "ru": "О районе.", "en": "About the district."},
            "body": {
                "kk": [
                    h("Аудан туралы"),
                    p("Көктерек ауданы 1928 жылы құрылған. Аудан орталығы – Көктерек ауылы. "
                      "Ауданда 46 мыңнан астам адам тұрады, 18 ауылдық округ бар. Тұрғындардың "
                      "негізгі кәсібі – мал шаруашылығы мен егіншілік."),
                    ul(["ауылдарды таза ауыз сумен қамту;",
                        "жергілікті жолдарды жөндеу;",
                        "жастарды жұмыспен қамту."], lead="Биылғы басым міндеттер:"),
                ],
                "ru": [
                    h("О районе"),
                    p("Коктерекский район образован в 1928 году. Районный центр — село "
                      "Коктерек. В районе проживают более 46 тысяч человек, насчитывается 18 "
                      "сельских округов. Основные занятия жителей — животноводство и "
                      "земледелие."),
                    ul(["обеспечение сёл чистой питьевой водой;",
                        "ремонт местных дорог;",
                        "трудоустройство молодёжи."], lead="Приоритеты этого года:"),
                ],
                "en": [
                    h("About the district"),
                    p("Kokterek District was formed in 1928. Its centre is the village of "
                      "Kokterek. More than 46,000 people live in its 18 rural districts, "
                      "mostly working in livestock farming and agriculture."),
                    ul(["clean drinking water for every village;",
                        "repairing local roads;",
                        "jobs for young people."], lead="This year's priorities:"),
                ],
            },
        },
        "contacts": {
            "intro": {"kk": "Аудан әкімдігінің байланыс деректері.",
                      "ru": "Контакты акимата района.",
                      "en": "Contact details of the district akimat."},
            "body": per_language(
                contacts_body,
                address=ADDRESS,
                phones=[
                    ({"kk": "Қабылдау бөлмесі", "ru": "Приёмная", "en": "Reception"},
                     "+7 72638 2 11 00"),
                    ({"kk": "Кезекші диспетчер", "ru": "Дежурный диспетчер",
                      "en": "Duty dispatcher"}, "+7 72638 2 11 09"),
                ],
                email="akimat@kokterek.demo.example.kz",
                reception={
                    "kk": "Аудан әкімі азаматтарды әр сейсенбі сағат 15:00-ден 18:00-ге "
                    "дейін қабылдайды.",
                    "ru": "Аким района принимает граждан каждый вторник с 15:00 до 18:00.",
                    "en": "The District Akim receives citizens every Tuesday from 15:00 to "
                    "18:00.",
                },
            ),
        },
        "leadership": {
            "intro": {"kk": "Аудан әкімі және орынбасарлары.",
                      "ru": "Аким района и заместители.",
                      "en": "The District Akim and deputies."},
            "body": per_language(leadership_body, [
                {
                    "name": {"kk": "Қанат Әбілұлы Сыздықов", "ru": "Канат Абилович Сыздыков",
                             "en": "Kanat Syzdykov"},
                    "post": {"kk": "Аудан әкімі", "ru": "Аким района",
                             "en": "District Akim"},
                    "bio": {
                        "kk": "Агроном. Ауылдық округ әкімі, аудандық ауыл шаруашылығы "
                        "бөлімінің басшысы болып жұмыс істеген.",
                        "ru": "Агроном. Работал акимом сельского округа, руководителем "
                        "районного отдела сельского хозяйства.",
                        "en": "Agronomist. Previously a rural district akim and head of the "
                        "district agriculture office.",
                    },
                },
                {
                    "name": {"kk": "Мөлдір Ержанқызы Әбдіқадырова",
                             "ru": "Молдир Ержановна Абдикадырова",
                             "en": "Moldir Abdikadyrova"},
                    "post": {"kk": "Аудан әкімінің орынбасары",
                             "ru": "Заместитель акима района",
                             "en": "Deputy District Akim"},
                    "bio": {
                        "kk": "Білім беру, мәдениет және әлеуметтік қорғау мәселелеріне "
                        "жетекшілік етеді.",
                        "ru": "Курирует образование, культуру и социальную защиту.",
                        "en": "Oversees education, culture and social protection.",
                    },
                },
            ]),
        },
        "services": {
            "intro": {"kk": "Аудан тұрғындарына арналған қызметтер.",
                      "ru": "Услуги для жителей района.",
                      "en": "Services for district residents."},
            "body": per_language(
                services_body,
                {
                    "kk": "Қызметтерді аудан әкімдігінде, ауылдық округ әкімдіктерінде немесе "
                    "электрондық түрде алуға болады.",
                    "ru": "Услуги можно получить в акимате района, в акиматах сельских "
                    "округов или в электронной форме.",
                    "en": "Services are available at the district akimat, at rural district "
                    "akimats or online.",
                },
                [
                    {
                        "name": {"kk": "Тұрғын үй кезегіне қою",
                                 "ru": "Постановка в очередь на жильё",
                                 "en": "Joining the housing waiting list"},
                        "text": {
                            "kk": "Өтініш пен құжаттар 10 жұмыс күні ішінде қаралады.",
                            "ru": "Заявление и документы рассматриваются в течение 10 "
                            "рабочих дней.",
                            "en": "Applications are processed within 10 working days.",
                        },
                    },
                    {
                        "name": {"kk": "Мал шаруашылығы өнімдеріне субсидия",
                                 "ru": "Субсидии на продукцию животноводства",
                                 "en": "Livestock subsidies"},
                        "text": {
                            "kk": "Субсидия сүт, ет және жүн өндірушілерге төленеді.",
                            "ru": "Субсидии выплачиваются производителям молока, мяса и "
                            "шерсти.",
                            "en": "Subsidies are paid to producers of milk, meat and wool.",
                        },
                    },
                ],
            ),
        },
        "vacancies": {
            "no_english": True,
            "intro": {"kk": "Аудан әкімдігіндегі бос орындар.",
                      "ru": "Вакансии акимата района."},
            "body": per_language(
                vacancies_body,
                {
                    "kk": "Құжаттар аудан әкімдігінің кадр бөліміне немесе электрондық үкімет "
                    "порталы арқылы тапсырылады.",
                    "ru": "Документы подаются в отдел кадров акимата района или через портал "
                    "электронного правительства.",
                },
                [
                    {
                        "post": {"kk": "Ауылдық округ әкімі аппаратының бас маманы",
                                 "ru": "Главный специалист аппарата акима сельского округа"},
                        "text": {
                            "kk": "Тұрғындардың өтініштерімен жұмыс және халыққа қызмет "
                            "көрсету.",
                            "ru": "Работа с обращениями жителей и обслуживание населения.",
                        },
                        "requirements": {
                            "kk": ["жоғары немесе арнаулы орта білім;",
                                   "мемлекеттік тілді еркін меңгеру."],
                            "ru": ["высшее или среднее специальное образование;",
                                   "свободное владение государственным языком."],
                        },
                        "deadline": "05.03.2026",
                    },
                ],
                langs=("kk", "ru"),
            ),
        },
        "documents": {
            "intro": {"kk": "Аудан әкімдігінің құжаттары.",
                      "ru": "Документы акимата района.",
                      "en": "Documents of the district akimat."},
            "body": {
                "kk": [
                    h("Есептер мен кестелер"),
                    doc("akim-report", "Аудан әкімінің 2025 жылғы есебі (PDF)"),
                    doc("reception-schedule", "Ауылдық округ әкімдерінің қабылдау кестесі "
                        "(PDF)"),
                ],
                "ru": [
                    h("Отчёты и графики"),
                    doc("akim-report", "Отчёт акима района за 2025 год (PDF)"),
                    doc("reception-schedule", "График приёма акимов сельских округов (PDF)"),
                ],
                "en": [
                    h("Reports and schedules"),
                    doc("akim-report", "Report of the District Akim for 2025 (PDF)"),
                    doc("reception-schedule", "Reception schedule of rural district akims "
                        "(PDF)"),
                ],
            },
        },
        "news": {
            "intro": {"kk": "Аудан жаңалықтары.", "ru": "Новости района.",
                      "en": "District news."},
        },
    },
    "news": [
        {
            "slug": "new-school-kokterek",
            "date": "2025-09-01",
            "title": {
                "kk": "Көктерек ауылында 600 орындық жаңа мектеп ашылды",
                "ru": "В селе Коктерек открылась новая школа на 600 мест",
                "en": "New 600-place school opens in Kokterek",
            },
            "intro": {
                "kk": "Мектепте робототехника кабинеті мен жүзу бассейні бар.",
                "ru": "В школе есть кабинет робототехники и бассейн.",
                "en": "The school has a robotics lab and a swimming pool.",
            },
            "body": {
                "kk": [
                    p("Жаңа мектеп үш ауылдың балаларын қабылдайды. Ескі ғимараттағы үш "
                      "ауысымды оқу тоқтатылды."),
                    img("Жаңа мектепті бейнелейтін жасыл түсті геометриялық сурет",
                        "Көктерек ауылындағы жаңа мектеп"),
                ],
                "ru": [
                    p("Новая школа принимает детей из трёх сёл. Обучение в три смены в "
                      "старом здании прекращено."),
                    img("Зелёное геометрическое изображение новой школы",
                        "Новая школа в селе Коктерек"),
                ],
                "en": [
                    p("The new school takes children from three villages. Three-shift "
                      "teaching in the old building has ended."),
                    img("A green geometric picture of the new school",
                        "The new school in Kokterek"),
                ],
            },
        },
        {
            "slug": "water-supply-aksu",
            "date": "2026-02-12",
            "title": {
                "kk": "Ақсу ауылына таза ауыз су жеткізілді",
                "ru": "В село Аксу проведена чистая питьевая вода",
            },
            "intro": {
                "kk": "Жаңа су құбыры 1 200 тұрғынды сумен қамтиды.",
                "ru": "Новый водопровод обеспечит водой 1 200 жителей.",
            },
            "body": {
                "kk": [p("Ұзындығы 14 шақырым су құбыры салынып, әр үйге су есептегіштер "
                         "орнатылды. Бұған дейін тұрғындар тасымалданған суды пайдаланатын.")],
                "ru": [p("Построен водопровод протяжённостью 14 километров, в каждом доме "
                         "установлены счётчики воды. Раньше жители пользовались привозной "
                         "водой.")],
            },
        },
        {
            "slug": "youth-jobs-fair",
            "date": "2026-01-30",
            "title": {
                "kk": "Жастарға арналған бос жұмыс орындарының жәрмеңкесі өтті",
                "ru": "Прошла ярмарка вакансий для молодёжи",
                "en": "Youth jobs fair held",
            },
            "intro": {
                "kk": "Жәрмеңкеде 120 бос орын ұсынылды.",
                "ru": "На ярмарке предложено 120 вакансий.",
                "en": "120 vacancies were on offer.",
            },
            "body": {
                "kk": [p("Жәрмеңкеге 35 кәсіпорын қатысты. 48 жас маман сол күні жұмысқа "
                         "орналасуға жолдама алды.")],
                "ru": [p("В ярмарке участвовали 35 предприятий. 48 молодых специалистов в тот "
                         "же день получили направления на работу.")],
                "en": [p("35 employers took part. 48 young people received job referrals "
                         "on the day.")],
            },
        },
    ],
}
