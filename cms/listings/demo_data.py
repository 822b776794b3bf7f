# ruff: noqa: E501  (prose in three languages: one sentence a line reads better than split strings)
"""Demo content of the listings page types (invented; loaded by cms/demo/extra/listings.py).

Dates are offsets in days from the day the demo is loaded, so vacancies stay open and
events stay upcoming however late the demo is loaded. A gallery's photos are
(scene, caption) pairs: the scene is what a real photo would show; the demo draws a
stand-in picture, names the image after the scene and describes the drawing in its
alternative text (cms/demo/extra/listings.py).
"""


def t(kk: str, ru: str, en: str) -> dict:
    return {"kk": kk, "ru": ru, "en": en}


DIGITAL = {
    "services": [
        {
            "slug": "digital-signature",
            "category": "citizens",
            "is_key": True,
            "egov_url": "https://egov.kz/cms/ru/services/pass_onlineecp",
            "title": t(
                "Электрондық цифрлық қолтаңба алу",
                "Получение электронной цифровой подписи",
                "Getting an electronic digital signature",
            ),
            "summary": t(
                "ЭЦҚ тіркеу куәлігін онлайн алу: үйден шықпай-ақ мемлекеттік қызметтерге қол жеткізу.",
                "Онлайн-получение регистрационного свидетельства ЭЦП для доступа к государственным услугам из дома.",
                "Get the registration certificate of an electronic signature online and use public services from home.",
            ),
            "recipients": t(
                "Қазақстан Республикасының азаматтары, қандастар және шетелдіктер (ЖСН болса).",
                "Граждане Республики Казахстан, кандасы и иностранцы, имеющие ИИН.",
                "Citizens of Kazakhstan, returning ethnic Kazakhs and foreigners with an individual identification number.",
            ),
            "cost": t("Тегін", "Бесплатно", "Free of charge"),
            "duration": t("20 минутқа дейін", "До 20 минут", "Up to 20 minutes"),
        },
        {
            "slug": "mobile-number-registration",
            "category": "citizens",
            "is_key": True,
            "egov_url": "https://egov.kz/cms/ru/services/communications/mobile_number",
            "title": t(
                "Ұялы байланыс нөмірін тіркеу",
                "Регистрация номера сотовой связи",
                "Registering a mobile phone number",
            ),
            "summary": t(
                "Абоненттік нөмірді жеке сәйкестендіру нөміріне байланыстыру.",
                "Привязка абонентского номера к индивидуальному идентификационному номеру.",
                "Linking a subscriber number to your individual identification number.",
            ),
            "recipients": t(
                "Ұялы байланыс қызметтерін пайдаланатын жеке тұлғалар.",
                "Физические лица, пользующиеся услугами сотовой связи.",
                "Individuals who use mobile phone services.",
            ),
            "cost": t("Тегін", "Бесплатно", "Free of charge"),
            "duration": t("Бірден", "Сразу", "Immediately"),
        },
        {
            "slug": "telecom-licence",
            "category": "business",
            "is_key": False,
            "egov_url": "https://egov.kz/cms/ru/services/business_licence/telecom",
            "title": t(
                "Байланыс саласындағы қызметке лицензия беру",
                "Выдача лицензии на деятельность в сфере связи",
                "Licence for telecommunications activities",
            ),
            "summary": t(
                "Байланыс қызметтерін көрсетуге арналған лицензияны «Е-лицензиялау» жүйесі арқылы алу.",
                "Получение лицензии на оказание услуг связи через систему «Е-лицензирование».",
                "Obtaining a licence to provide telecommunications services through the e-licensing system.",
            ),
            "recipients": t(
                "Заңды тұлғалар және жеке кәсіпкерлер.",
                "Юридические лица и индивидуальные предприниматели.",
                "Companies and sole traders.",
            ),
            "cost": t(
                "Лицензиялық алым: 10 АЕК",
                "Лицензионный сбор: 10 МРП",
                "Licence fee: 10 monthly calculation indices",
            ),
            "duration": t("15 жұмыс күні", "15 рабочих дней", "15 working days"),
        },
        {
            "slug": "frequency-permit",
            "category": "business",
            "is_key": False,
            "egov_url": "https://egov.kz/cms/ru/services/business_licence/radio_frequency",
            "title": t(
                "Радиожиілік спектрін пайдалануға рұқсат",
                "Разрешение на использование радиочастотного спектра",
                "Permit to use the radio frequency spectrum",
            ),
            "summary": t(
                "Радиоэлектрондық құралдарға жиілік белгілеу және рұқсат алу.",
                "Присвоение частот радиоэлектронным средствам и выдача разрешения.",
                "Assigning frequencies to radio equipment and issuing the permit.",
            ),
            "recipients": t(
                "Радиоэлектрондық құралдарды пайдаланатын ұйымдар мен кәсіпкерлер.",
                "Организации и предприниматели, использующие радиоэлектронные средства.",
                "Organisations and entrepreneurs that operate radio equipment.",
            ),
            "cost": t("Тегін", "Бесплатно", "Free of charge"),
            "duration": t("30 жұмыс күні", "30 рабочих дней", "30 working days"),
        },
        {
            "slug": "information-system-approval",
            "category": "organisations",
            "is_key": False,
            "egov_url": "",
            "title": t(
                "Ақпараттық жүйенің техникалық құжаттамасын келісу",
                "Согласование технической документации информационной системы",
                "Approval of an information system's technical documents",
            ),
            "summary": t(
                "Мемлекеттік органдардың ақпараттық жүйелерін құруға арналған техникалық тапсырманы келісу.",
                "Согласование технического задания на создание информационных систем государственных органов.",
                "Approval of the specification for a new information system of a public body.",
            ),
            "recipients": t(
                "Мемлекеттік органдар мен квазимемлекеттік сектор ұйымдары.",
                "Государственные органы и организации квазигосударственного сектора.",
                "Public bodies and state-owned organisations.",
            ),
            "cost": t("Тегін", "Бесплатно", "Free of charge"),
            "duration": t("10 жұмыс күні", "10 рабочих дней", "10 working days"),
        },
    ],
    "vacancies": [
        {
            "slug": "chief-expert-egov",
            "days": 75,
            "title": t(
                "Электрондық үкімет департаментінің бас сарапшысы",
                "Главный эксперт Департамента электронного правительства",
                "Chief expert, E-Government Department",
            ),
            "position": t("Бас сарапшы", "Главный эксперт", "Chief expert"),
            "department": t(
                "Электрондық үкімет департаменті",
                "Департамент электронного правительства",
                "E-Government Department",
            ),
            "salary": t("380 000 ₸ бастап", "от 380 000 ₸", "from 380,000 ₸"),
            "requirements": t(
                "<ul><li>Ақпараттық технологиялар, құқық немесе экономика бойынша жоғары білім.</li>"
                "<li>Мемлекеттік қызметте немесе IT саласында кемінде екі жыл жұмыс өтілі.</li>"
                "<li>Мемлекеттік және орыс тілдерін білу.</li></ul>",
                "<ul><li>Высшее образование в области информационных технологий, права или экономики.</li>"
                "<li>Опыт работы на государственной службе или в IT не менее двух лет.</li>"
                "<li>Знание государственного и русского языков.</li></ul>",
                "<ul><li>A degree in information technology, law or economics.</li>"
                "<li>At least two years of experience in the civil service or in IT.</li>"
                "<li>Kazakh and Russian.</li></ul>",
            ),
        },
        {
            "slug": "lead-specialist-broadband",
            "days": 120,
            "title": t(
                "Байланыс басқармасының жетекші маманы",
                "Ведущий специалист Управления связи",
                "Lead specialist, Telecommunications Division",
            ),
            "position": t("Жетекші маман", "Ведущий специалист", "Lead specialist"),
            "department": t(
                "Байланыс басқармасы", "Управление связи", "Telecommunications Division"
            ),
            "salary": t("320 000 ₸ бастап", "от 320 000 ₸", "from 320,000 ₸"),
            "requirements": t(
                "<ul><li>Радиотехника, телекоммуникация немесе байланыс бойынша жоғары білім.</li>"
                "<li>Ауылдық елді мекендерді интернетке қосу жобаларын білу артықшылық болады.</li></ul>",
                "<ul><li>Высшее образование по радиотехнике, телекоммуникациям или связи.</li>"
                "<li>Знание проектов подключения сёл к интернету будет преимуществом.</li></ul>",
                "<ul><li>A degree in radio engineering or telecommunications.</li>"
                "<li>Experience of rural broadband projects is an advantage.</li></ul>",
            ),
        },
    ],
    "events": [
        {
            "slug": "citizens-reception-minister",
            "days": 21,
            "hour": 10,
            "hours": 3,
            "title": t(
                "Министрдің азаматтарды жеке қабылдауы",
                "Личный приём граждан министром",
                "The minister receives citizens",
            ),
            "place": t(
                "Астана, Мәңгілік Ел даңғылы, 8, 1-кіреберіс",
                "Астана, проспект Мангилик Ел, 8, подъезд 1",
                "8 Mangilik Yel Avenue, entrance 1, Astana",
            ),
            "intro": t(
                "Қабылдауға алдын ала жазылу 1414 нөмірі арқылы жүргізіледі.",
                "Предварительная запись на приём ведётся по номеру 1414.",
                "Book in advance by calling 1414.",
            ),
        },
        {
            "slug": "digital-forum",
            "days": 60,
            "hour": 9,
            "hours": 8,
            "title": t(
                "«Цифрлық Қазақстан» форумы",
                "Форум «Цифровой Казахстан»",
                "Digital Kazakhstan Forum",
            ),
            "place": t(
                "Астана, «Тәуелсіздік сарайы»",
                "Астана, Дворец Независимости",
                "Palace of Independence, Astana",
            ),
            "intro": t(
                "Мемлекеттік қызметтерді цифрландыру нәтижелері мен келесі жылдың жоспарлары талқыланады.",
                "Обсуждение итогов цифровизации государственных услуг и планов на следующий год.",
                "Results of the digitalisation of public services and plans for next year.",
            ),
        },
        {
            "slug": "open-data-hackathon",
            "days": -40,
            "hour": 10,
            "hours": 30,
            "title": t(
                "Ашық деректер хакатоны",
                "Хакатон открытых данных",
                "Open data hackathon",
            ),
            "place": t(
                "Алматы, Astana Hub филиалы",
                "Алматы, филиал Astana Hub",
                "Astana Hub branch, Almaty",
            ),
            "intro": t(
                "Отыз команда ашық деректер негізінде азаматтарға арналған қосымшаларды ұсынды.",
                "Тридцать команд представили приложения для граждан на основе открытых данных.",
                "Thirty teams presented apps for citizens built on open data.",
            ),
        },
    ],
    "faq_intro": t(
        "Мемлекеттік қызметтер мен министрлікке өтініш беру туралы жиі қойылатын сұрақтар.",
        "Частые вопросы о государственных услугах и обращениях в министерство.",
        "Common questions about public services and contacting the ministry.",
    ),
    "faq": [
        (
            t(
                "ЭЦҚ-ның мерзімі өтсе не істеу керек?",
                "Что делать, если срок ЭЦП истёк?",
                "What do I do when my digital signature expires?",
            ),
            t(
                "<p>Жаңа ЭЦҚ-ны egov.kz порталында немесе eGov Mobile қосымшасында тегін алуға болады.</p>",
                "<p>Новую ЭЦП можно бесплатно получить на портале egov.kz или в приложении eGov Mobile.</p>",
                "<p>Get a new one free of charge on egov.kz or in the eGov Mobile app.</p>",
            ),
        ),
        (
            t(
                "Мемлекеттік қызметтің мерзімі бұзылса, қайда шағымдануға болады?",
                "Куда жаловаться, если нарушен срок оказания государственной услуги?",
                "Where can I complain if a public service is late?",
            ),
            t(
                "<p>Шағымды қызметті көрсеткен органға немесе мемлекеттік қызметтер сапасын бағалау жөніндегі уәкілетті органға жіберіңіз. Шағым бес жұмыс күні ішінде қаралады.</p>",
                "<p>Направьте жалобу в орган, оказавший услугу, или в уполномоченный орган по оценке качества государственных услуг. Жалоба рассматривается в течение пяти рабочих дней.</p>",
                "<p>Send your complaint to the body that provided the service or to the authority that monitors the quality of public services. It is examined within five working days.</p>",
            ),
        ),
        (
            t(
                "Ауылымызға интернет қашан қосылады?",
                "Когда к нашему селу подключат интернет?",
                "When will our village get internet access?",
            ),
            t(
                "<p>Ауылдарды қосу кестесі «Құжаттар» бөлімінде жарияланған. Ауылыңыз тізімде болмаса, өтініш қалдырыңыз.</p>",
                "<p>График подключения сёл опубликован в разделе «Документы». Если вашего села нет в списке, оставьте обращение.</p>",
                "<p>The connection schedule is published under Documents. If your village is not on the list, send us an appeal.</p>",
            ),
        ),
        (
            t(
                "Министрдің қабылдауына қалай жазылуға болады?",
                "Как записаться на приём к министру?",
                "How do I book a meeting with the minister?",
            ),
            t(
                "<p>1414 нөміріне қоңырау шалыңыз немесе «Азаматтардың өтініштері» бөліміндегі форманы толтырыңыз.</p>",
                "<p>Позвоните по номеру 1414 или заполните форму в разделе «Обращения граждан».</p>",
                "<p>Call 1414 or fill in the form in the Citizens' appeals section.</p>",
            ),
        ),
        (
            t(
                "Жеке деректерімді мемлекеттік органдарға кім береді?",
                "Кто передаёт мои персональные данные государственным органам?",
                "Who shares my personal data with public bodies?",
            ),
            t(
                "<p>Деректер тек сіздің келісіміңізбен беріледі. Кімнің сұрағанын eGov Mobile қосымшасындағы хабарламалардан көре аласыз.</p>",
                "<p>Данные передаются только с вашего согласия. Кто их запрашивал, видно в уведомлениях приложения eGov Mobile.</p>",
                "<p>Only with your consent. The eGov Mobile app notifies you of every request for your data.</p>",
            ),
        ),
    ],
    "gallery": {
        "slug": "digital-forum-photos",
        "days": -40,
        "title": t(
            "Ашық деректер хакатоны: фоторепортаж",
            "Хакатон открытых данных: фоторепортаж",
            "Open data hackathon in pictures",
        ),
        "intro": t(
            "Хакатонның екі күні: командалар, менторлар және жеңімпаздарды марапаттау.",
            "Два дня хакатона: команды, наставники и награждение победителей.",
            "Two days of the hackathon: the teams, their mentors and the award ceremony.",
        ),
        "photos": [
            (
                t(
                    "Үстел басында ноутбукпен жұмыс істеп отырған бес адамнан тұратын команда",
                    "Команда из пяти человек работает за столом с ноутбуками",
                    "A team of five working at a table with laptops",
                ),
                t(
                    "Бірінші күн: командалар жұмысқа кірісті",
                    "День первый: команды приступили к работе",
                    "Day one: the teams get to work",
                ),
            ),
            (
                t(
                    "Сахнада экранға слайд көрсетіп тұрған баяндамашы",
                    "Докладчик на сцене показывает слайд на экране",
                    "A speaker on stage presenting a slide on a screen",
                ),
                t("Жобаларды қорғау", "Защита проектов", "Project pitches"),
            ),
            (
                t(
                    "Жеңімпаз команда дипломдарымен сахнада тұр",
                    "Команда-победитель с дипломами на сцене",
                    "The winning team on stage holding their certificates",
                ),
                t("Жеңімпаздарды марапаттау", "Награждение победителей", "The award ceremony"),
            ),
        ],
        "video": {
            "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "title": t(
                "Хакатон қорытындысы: екі минутта",
                "Итоги хакатона за две минуты",
                "The hackathon in two minutes",
            ),
            "transcript": t(
                "Жүргізуші: Қайырлы күн! Ашық деректер хакатонына отыз команда қатысты.\n\n"
                "Жеңімпаз команда мектептердегі бос орындарды көрсететін қосымша жасады. "
                "Қосымша алдағы жылы eGov Mobile-ға қосылады.",
                "Ведущий: Добрый день! В хакатоне открытых данных участвовали тридцать команд.\n\n"
                "Команда-победитель создала приложение, которое показывает свободные места в школах. "
                "В следующем году оно войдёт в eGov Mobile.",
                "Presenter: Good afternoon! Thirty teams took part in the open data hackathon.\n\n"
                "The winners built an app that shows free places in schools. "
                "It will become part of eGov Mobile next year.",
            ),
        },
    },
}


def service(slug, category, is_key, egov_url, title, summary, recipients, cost, duration):
    return {
        "slug": slug,
        "category": category,
        "is_key": is_key,
        "egov_url": egov_url,
        "title": title,
        "summary": summary,
        "recipients": recipients,
        "cost": cost,
        "duration": duration,
    }


FREE = t("Тегін", "Бесплатно", "Free of charge")

HEALTH = {
    "services": [
        service(
            "clinic-attachment",
            "citizens",
            True,
            "https://egov.kz/cms/ru/services/health_care/pass_076",
            t("Емханаға тіркелу", "Прикрепление к поликлинике", "Registering with a clinic"),
            t(
                "Тұрғылықты жері бойынша немесе өзіңіз таңдаған емханаға онлайн тіркелу.",
                "Онлайн-прикрепление к поликлинике по месту жительства или по выбору.",
                "Register online with the clinic near your home or one of your choice.",
            ),
            t(
                "Қазақстан азаматтары мен қандастар.",
                "Граждане Казахстана и кандасы.",
                "Citizens of Kazakhstan and returning ethnic Kazakhs.",
            ),
            FREE,
            t("1 жұмыс күні", "1 рабочий день", "1 working day"),
        ),
        service(
            "doctor-appointment",
            "citizens",
            True,
            "https://egov.kz/cms/ru/services/health_care/pass_doctor",
            t(
                "Дәрігердің қабылдауына жазылу",
                "Запись на приём к врачу",
                "Booking a doctor's appointment",
            ),
            t(
                "Учаскелік дәрігерге немесе маманға қабылдау уақытын таңдау.",
                "Выбор времени приёма у участкового врача или специалиста.",
                "Choose a time with your family doctor or a specialist.",
            ),
            t(
                "Емханаға тіркелген адамдар.",
                "Лица, прикреплённые к поликлинике.",
                "Anyone registered with a clinic.",
            ),
            FREE,
            t("Бірден", "Сразу", "Immediately"),
        ),
        service(
            "pharmacy-licence",
            "business",
            False,
            "",
            t(
                "Фармацевтикалық қызметке лицензия",
                "Лицензия на фармацевтическую деятельность",
                "Licence for pharmaceutical activities",
            ),
            t(
                "Дәріхана ашуға және дәрі-дәрмекпен бөлшек сауда жасауға рұқсат.",
                "Разрешение на открытие аптеки и розничную торговлю лекарствами.",
                "Permission to open a pharmacy and sell medicines.",
            ),
            t(
                "Заңды тұлғалар және жеке кәсіпкерлер.",
                "Юридические лица и индивидуальные предприниматели.",
                "Companies and sole traders.",
            ),
            t(
                "Лицензиялық алым: 10 АЕК",
                "Лицензионный сбор: 10 МРП",
                "Licence fee: 10 monthly calculation indices",
            ),
            t("15 жұмыс күні", "15 рабочих дней", "15 working days"),
        ),
        service(
            "medical-certificate",
            "citizens",
            False,
            "",
            t(
                "Медициналық анықтама алу",
                "Получение медицинской справки",
                "Getting a medical certificate",
            ),
            t(
                "Жұмысқа, оқуға немесе жүргізуші куәлігіне арналған 075/у анықтамасы.",
                "Справка формы 075/у для работы, учёбы или водительского удостоверения.",
                "Form 075/u certificate for work, study or a driving licence.",
            ),
            t(
                "Емханаға тіркелген адамдар.",
                "Лица, прикреплённые к поликлинике.",
                "Anyone registered with a clinic.",
            ),
            FREE,
            t("3 жұмыс күні", "3 рабочих дня", "3 working days"),
        ),
    ],
    "vacancies": [
        {
            "slug": "chief-expert-primary-care",
            "days": 90,
            "title": t(
                "Медициналық көмекті ұйымдастыру департаментінің бас сарапшысы",
                "Главный эксперт Департамента организации медицинской помощи",
                "Chief expert, Medical Care Department",
            ),
            "position": t("Бас сарапшы", "Главный эксперт", "Chief expert"),
            "department": t(
                "Медициналық көмекті ұйымдастыру департаменті",
                "Департамент организации медицинской помощи",
                "Medical Care Department",
            ),
            "salary": t("360 000 ₸ бастап", "от 360 000 ₸", "from 360,000 ₸"),
            "requirements": t(
                "<ul><li>Медициналық немесе қоғамдық денсаулық сақтау бойынша жоғары білім.</li>"
                "<li>Денсаулық сақтау саласында кемінде үш жыл жұмыс өтілі.</li></ul>",
                "<ul><li>Высшее медицинское образование или образование в области общественного здравоохранения.</li>"
                "<li>Стаж работы в здравоохранении не менее трёх лет.</li></ul>",
                "<ul><li>A degree in medicine or public health.</li>"
                "<li>At least three years of experience in health care.</li></ul>",
            ),
        },
        {
            "slug": "data-analyst",
            "days": 150,
            "title": t(
                "Денсаулық сақтау деректерінің талдаушысы",
                "Аналитик данных здравоохранения",
                "Health data analyst",
            ),
            "position": t("Талдаушы", "Аналитик", "Analyst"),
            "department": t(
                "Цифрлық денсаулық сақтау басқармасы",
                "Управление цифрового здравоохранения",
                "Digital Health Division",
            ),
            "salary": t("400 000 ₸ бастап", "от 400 000 ₸", "from 400,000 ₸"),
            "requirements": t(
                "<ul><li>Статистика, математика немесе IT бойынша жоғары білім.</li>"
                "<li>SQL және деректерді визуализациялау құралдарын білу.</li></ul>",
                "<ul><li>Высшее образование в области статистики, математики или IT.</li>"
                "<li>Знание SQL и средств визуализации данных.</li></ul>",
                "<ul><li>A degree in statistics, mathematics or IT.</li>"
                "<li>SQL and data visualisation tools.</li></ul>",
            ),
        },
    ],
    "events": [
        {
            "slug": "vaccination-day",
            "days": 14,
            "hour": 9,
            "hours": 9,
            "title": t(
                "Тұмауға қарсы егу күні", "День вакцинации против гриппа", "Flu vaccination day"
            ),
            "place": t(
                "Астана, №4 қалалық емхана",
                "Астана, городская поликлиника № 4",
                "City Clinic No. 4, Astana",
            ),
            "intro": t(
                "Ересектер мен балаларға тегін егу, алдын ала жазылусыз.",
                "Бесплатная вакцинация взрослых и детей без предварительной записи.",
                "Free vaccination for adults and children, no appointment needed.",
            ),
        },
        {
            "slug": "rural-medicine-conference",
            "days": 45,
            "hour": 10,
            "hours": 7,
            "title": t(
                "Ауылдық медицина конференциясы",
                "Конференция по сельской медицине",
                "Rural medicine conference",
            ),
            "place": t(
                "Қарағанды, Медицина университеті",
                "Караганда, Медицинский университет",
                "Medical University, Karaganda",
            ),
            "intro": t(
                "Фельдшерлік пункттер мен телемедицина тәжірибесі талқыланады.",
                "Обсуждение опыта фельдшерских пунктов и телемедицины.",
                "Experience of rural medical posts and telemedicine.",
            ),
        },
        {
            "slug": "blood-donor-day",
            "days": -30,
            "hour": 9,
            "hours": 6,
            "title": t("Донорлар күні", "День донора", "Blood donor day"),
            "place": t("Астана, Қан орталығы", "Астана, Центр крови", "Blood Centre, Astana"),
            "intro": t(
                "Бір күнде төрт жүзден астам адам қан тапсырды.",
                "За один день кровь сдали более четырёхсот человек.",
                "More than four hundred people gave blood in one day.",
            ),
        },
    ],
    "faq_intro": t(
        "Медициналық көмек алу туралы жиі қойылатын сұрақтар.",
        "Частые вопросы о получении медицинской помощи.",
        "Common questions about getting medical care.",
    ),
    "faq": [
        (
            t(
                "Емханамды қалай ауыстыруға болады?",
                "Как сменить поликлинику?",
                "How do I change my clinic?",
            ),
            t(
                "<p>egov.kz порталында «Емханаға тіркелу» қызметі арқылы жылына бір рет тегін ауыстыруға болады.</p>",
                "<p>Через услугу «Прикрепление к поликлинике» на egov.kz, бесплатно, один раз в год.</p>",
                "<p>Use the clinic registration service on egov.kz, free of charge, once a year.</p>",
            ),
        ),
        (
            t(
                "Міндетті әлеуметтік медициналық сақтандыру мәртебемді қайдан білемін?",
                "Где узнать свой статус в системе обязательного медстрахования?",
                "Where can I check my health insurance status?",
            ),
            t(
                "<p>Мәртебені eGov Mobile қосымшасынан немесе 1406 нөміріне қоңырау шалып білуге болады.</p>",
                "<p>Статус можно узнать в приложении eGov Mobile или по номеру 1406.</p>",
                "<p>In the eGov Mobile app or by calling 1406.</p>",
            ),
        ),
        (
            t(
                "Жедел жәрдемді қалай шақыру керек?",
                "Как вызвать скорую помощь?",
                "How do I call an ambulance?",
            ),
            t(
                "<p>103 немесе 112 нөміріне қоңырау шалыңыз. Қоңырау тегін.</p>",
                "<p>Позвоните по номеру 103 или 112. Звонок бесплатный.</p>",
                "<p>Call 103 or 112. The call is free.</p>",
            ),
        ),
        (
            t(
                "Тегін дәрі-дәрмекті кім ала алады?",
                "Кто может получить бесплатные лекарства?",
                "Who can get free medicines?",
            ),
            t(
                "<p>Амбулаториялық дәрі-дәрмекпен қамтамасыз ету тізіміндегі аурулары бар адамдар. Рецептті учаскелік дәрігер жазады.</p>",
                "<p>Люди с заболеваниями из перечня амбулаторного лекарственного обеспечения. Рецепт выписывает участковый врач.</p>",
                "<p>People with a condition on the outpatient medicines list. Your family doctor writes the prescription.</p>",
            ),
        ),
        (
            t(
                "Дәрігерге шағымды қалай беруге болады?",
                "Как подать жалобу на врача?",
                "How do I complain about a doctor?",
            ),
            t(
                "<p>Емхана басшылығына немесе «Азаматтардың өтініштері» бөлімі арқылы министрлікке жазыңыз.</p>",
                "<p>Напишите руководству поликлиники или в министерство через раздел «Обращения граждан».</p>",
                "<p>Write to the clinic's management, or to the ministry through the Citizens' appeals section.</p>",
            ),
        ),
    ],
    "gallery": {
        "slug": "rural-medical-posts-photos",
        "days": -20,
        "title": t(
            "Жаңа ауылдық медициналық пункттер",
            "Новые сельские медицинские пункты",
            "New rural medical posts",
        ),
        "intro": t(
            "Биыл ашылған пункттердің суреттері.",
            "Фотографии пунктов, открытых в этом году.",
            "Photos of the posts opened this year.",
        ),
        "photos": [
            (
                t(
                    "Көк шатырлы бір қабатты ақ ғимарат",
                    "Одноэтажное белое здание с синей крышей",
                    "A single-storey white building with a blue roof",
                ),
                t(
                    "Жаңа медициналық пункттің ғимараты",
                    "Здание нового медицинского пункта",
                    "The new medical post",
                ),
            ),
            (
                t(
                    "Дәрігер кабинетіндегі кушетка мен жабдық",
                    "Кушетка и оборудование в кабинете врача",
                    "An examination couch and equipment in the doctor's room",
                ),
                t("Дәрігердің кабинеті", "Кабинет врача", "The doctor's room"),
            ),
            (
                t(
                    "Пункт алдында тұрған фельдшер мен ауыл тұрғындары",
                    "Фельдшер и жители села у входа в пункт",
                    "The paramedic and villagers at the entrance",
                ),
                t("Ашылу күні", "День открытия", "Opening day"),
            ),
        ],
        "video": {
            "url": "https://vimeo.com/76979871",
            "title": t(
                "Телемедицина ауылда қалай жұмыс істейді",
                "Как работает телемедицина в селе",
                "How telemedicine works in a village",
            ),
            "transcript": t(
                "Фельдшер: Науқасты тексеріп, нәтижесін облыстық ауруханаға жібереміз.\n\n"
                "Дәрігер кеңесін бейнебайланыс арқылы сол күні береді.",
                "Фельдшер: Мы осматриваем пациента и отправляем результаты в областную больницу.\n\n"
                "Врач консультирует по видеосвязи в тот же день.",
                "Paramedic: We examine the patient and send the results to the regional hospital.\n\n"
                "A doctor gives advice by video call the same day.",
            ),
        },
    },
}

CITY = {
    "services": [
        service(
            "registration-address",
            "citizens",
            True,
            "https://egov.kz/cms/ru/services/pass_registration",
            t(
                "Тұрғылықты жері бойынша тіркеу",
                "Регистрация по месту жительства",
                "Registering your place of residence",
            ),
            t(
                "Тұрақты тұратын мекенжайды онлайн тіркеу.",
                "Онлайн-регистрация по адресу постоянного проживания.",
                "Register your permanent address online.",
            ),
            t("Қала тұрғындары.", "Жители города.", "Residents of the city."),
            FREE,
            t("1 жұмыс күні", "1 рабочий день", "1 working day"),
        ),
        service(
            "kindergarten-queue",
            "citizens",
            True,
            "https://egov.kz/cms/ru/services/education/kindergarten",
            t(
                "Балабақшаға кезекке тұру",
                "Постановка в очередь в детский сад",
                "Joining the kindergarten waiting list",
            ),
            t(
                "Мектепке дейінгі ұйымға жолдама алу үшін баланы кезекке қою.",
                "Постановка ребёнка в очередь для получения направления в дошкольную организацию.",
                "Put your child on the waiting list for a place in a kindergarten.",
            ),
            t(
                "1 жастан 6 жасқа дейінгі балалардың ата-аналары.",
                "Родители детей от 1 года до 6 лет.",
                "Parents of children aged 1 to 6.",
            ),
            FREE,
            t("Бірден", "Сразу", "Immediately"),
        ),
        service(
            "outdoor-advertising",
            "business",
            False,
            "",
            t(
                "Сыртқы жарнаманы орналастыруға рұқсат",
                "Разрешение на размещение наружной рекламы",
                "Permit for outdoor advertising",
            ),
            t(
                "Қала көшелерінде жарнама тақтасын орналастыруға рұқсат алу.",
                "Получение разрешения на размещение рекламного щита на улицах города.",
                "Permission to put up an advertising board in the city's streets.",
            ),
            t(
                "Заңды тұлғалар және жеке кәсіпкерлер.",
                "Юридические лица и индивидуальные предприниматели.",
                "Companies and sole traders.",
            ),
            t(
                "Жарнама түріне байланысты",
                "Зависит от вида рекламы",
                "Depends on the kind of advertising",
            ),
            t("7 жұмыс күні", "7 рабочих дней", "7 working days"),
        ),
        service(
            "housing-queue",
            "citizens",
            False,
            "",
            t(
                "Тұрғын үй кезегіне қою",
                "Постановка на учёт нуждающихся в жилье",
                "Joining the social housing list",
            ),
            t(
                "Коммуналдық тұрғын үй қорынан баспана алу үшін есепке тұру.",
                "Постановка на учёт для получения жилья из коммунального жилищного фонда.",
                "Registration for a flat from the city's social housing.",
            ),
            t(
                "Әлеуметтік осал топтар мен мемлекеттік қызметшілер.",
                "Социально уязвимые слои населения и государственные служащие.",
                "Vulnerable households and civil servants.",
            ),
            FREE,
            t("10 жұмыс күні", "10 рабочих дней", "10 working days"),
        ),
    ],
    "vacancies": [
        {
            "slug": "chief-specialist-housing",
            "days": 80,
            "title": t(
                "Тұрғын үй бөлімінің бас маманы",
                "Главный специалист отдела жилищных отношений",
                "Chief specialist, Housing Department",
            ),
            "position": t("Бас маман", "Главный специалист", "Chief specialist"),
            "department": t(
                "Тұрғын үй қатынастары бөлімі", "Отдел жилищных отношений", "Housing Department"
            ),
            "salary": t("280 000 ₸ бастап", "от 280 000 ₸", "from 280,000 ₸"),
            "requirements": t(
                "<ul><li>Құқық, экономика немесе құрылыс бойынша жоғары білім.</li>"
                "<li>Азаматтармен жұмыс істей білу.</li></ul>",
                "<ul><li>Высшее образование в области права, экономики или строительства.</li>"
                "<li>Умение работать с гражданами.</li></ul>",
                "<ul><li>A degree in law, economics or civil engineering.</li>"
                "<li>Good at working with the public.</li></ul>",
            ),
        },
        {
            "slug": "transport-engineer",
            "days": 110,
            "title": t(
                "Жолаушылар көлігі бөлімінің инженері",
                "Инженер отдела пассажирского транспорта",
                "Engineer, Public Transport Department",
            ),
            "position": t("Инженер", "Инженер", "Engineer"),
            "department": t(
                "Жолаушылар көлігі бөлімі",
                "Отдел пассажирского транспорта",
                "Public Transport Department",
            ),
            "salary": t("300 000 ₸ бастап", "от 300 000 ₸", "from 300,000 ₸"),
            "requirements": t(
                "<ul><li>Көлік немесе логистика бойынша жоғары білім.</li>"
                "<li>Қоғамдық көлік бағыттарын жоспарлау тәжірибесі.</li></ul>",
                "<ul><li>Высшее образование в области транспорта или логистики.</li>"
                "<li>Опыт планирования маршрутов общественного транспорта.</li></ul>",
                "<ul><li>A degree in transport or logistics.</li>"
                "<li>Experience in planning public transport routes.</li></ul>",
            ),
        },
    ],
    "events": [
        {
            "slug": "akim-public-meeting",
            "days": 10,
            "hour": 15,
            "hours": 2,
            "title": t(
                "Әкімнің тұрғындармен кездесуі",
                "Встреча акима с жителями",
                "The akim meets residents",
            ),
            "place": t(
                "Сарыөзен, Мәдениет үйі", "Сарыозен, Дом культуры", "House of Culture, Saryozen"
            ),
            "intro": t(
                "Аулаларды абаттандыру мен қоғамдық көлік мәселелері.",
                "Вопросы благоустройства дворов и общественного транспорта.",
                "Courtyard improvements and public transport.",
            ),
        },
        {
            "slug": "city-day",
            "days": 95,
            "hour": 11,
            "hours": 10,
            "title": t("Қала күні", "День города", "City Day"),
            "place": t(
                "Сарыөзен, Орталық алаң",
                "Сарыозен, Центральная площадь",
                "Central Square, Saryozen",
            ),
            "intro": t(
                "Концерт, жәрмеңке және балаларға арналған ойындар.",
                "Концерт, ярмарка и игры для детей.",
                "A concert, a fair and games for children.",
            ),
        },
        {
            "slug": "tree-planting",
            "days": -50,
            "hour": 10,
            "hours": 4,
            "title": t("Ағаш отырғызу акциясы", "Акция по посадке деревьев", "Tree planting day"),
            "place": t(
                "Сарыөзен, Өзен жағалауындағы саябақ",
                "Сарыозен, парк на набережной",
                "Riverside Park, Saryozen",
            ),
            "intro": t(
                "Еріктілер мың түп көшет отырғызды.",
                "Волонтёры посадили тысячу саженцев.",
                "Volunteers planted a thousand saplings.",
            ),
        },
    ],
    "faq_intro": t(
        "Қала тұрғындарының жиі қоятын сұрақтары.",
        "Частые вопросы жителей города.",
        "Common questions from residents.",
    ),
    "faq": [
        (
            t(
                "Аулаға қоқыс қашан шығарылады?",
                "Когда вывозят мусор из дворов?",
                "When is rubbish collected?",
            ),
            t(
                "<p>Күн сайын таңғы 6:00-ден 10:00-ге дейін. Кесте бұзылса, 109 нөміріне хабарласыңыз.</p>",
                "<p>Ежедневно с 6:00 до 10:00. Если график нарушен, звоните по номеру 109.</p>",
                "<p>Every day between 6:00 and 10:00. If it is missed, call 109.</p>",
            ),
        ),
        (
            t(
                "Жол шұңқыры туралы қалай хабарлауға болады?",
                "Как сообщить о яме на дороге?",
                "How do I report a pothole?",
            ),
            t(
                "<p>109 нөміріне қоңырау шалыңыз немесе «Азаматтардың өтініштері» бөлімінде фото жіберіңіз.</p>",
                "<p>Позвоните по номеру 109 или отправьте фото в разделе «Обращения граждан».</p>",
                "<p>Call 109 or send a photo through the Citizens' appeals section.</p>",
            ),
        ),
        (
            t(
                "Жылу беру маусымы қашан басталады?",
                "Когда начинается отопительный сезон?",
                "When does the heating season start?",
            ),
            t(
                "<p>Әдетте 1 қазанда. Нақты күн «Жаңалықтар» бөлімінде жарияланады.</p>",
                "<p>Обычно 1 октября. Точная дата публикуется в разделе «Новости».</p>",
                "<p>Usually on 1 October. The exact date is announced under News.</p>",
            ),
        ),
        (
            t(
                "Әкімнің қабылдауына қалай жазылуға болады?",
                "Как записаться на приём к акиму?",
                "How do I book a meeting with the akim?",
            ),
            t(
                "<p>Әкімдіктің кеңсесіне келіңіз немесе 8 7172 55 00 00 нөміріне қоңырау шалыңыз.</p>",
                "<p>Обратитесь в канцелярию акимата или позвоните по номеру 8 7172 55 00 00.</p>",
                "<p>Visit the akimat's office or call 8 7172 55 00 00.</p>",
            ),
        ),
        (
            t(
                "Жаңа автобус бағыттары туралы қайдан білуге болады?",
                "Где узнать о новых автобусных маршрутах?",
                "Where can I find new bus routes?",
            ),
            t(
                "<p>Бағыттар картасы «Құжаттар» бөлімінде және аялдамалардағы тақталарда.</p>",
                "<p>Карта маршрутов есть в разделе «Документы» и на табло остановок.</p>",
                "<p>The route map is under Documents and on the boards at every stop.</p>",
            ),
        ),
    ],
    "gallery": {
        "slug": "electric-buses-photos",
        "days": -25,
        "title": t("Жаңа электр автобустары", "Новые электробусы", "New electric buses"),
        "intro": t(
            "Қалаға келген алғашқы электр автобустары.",
            "Первые электробусы, прибывшие в город.",
            "The first electric buses to arrive in the city.",
        ),
        "photos": [
            (
                t(
                    "Аялдамада тұрған жасыл электр автобусы",
                    "Зелёный электробус на остановке",
                    "A green electric bus at a stop",
                ),
                t(
                    "Жаңа бағыттағы алғашқы рейс",
                    "Первый рейс на новом маршруте",
                    "First run on the new route",
                ),
            ),
            (
                t(
                    "Аласа еденді автобус салоны, арбаға арналған орын",
                    "Низкопольный салон с местом для коляски",
                    "A low-floor interior with a wheelchair space",
                ),
                t("Кедергісіз салон", "Доступный салон", "An accessible interior"),
            ),
            (
                t(
                    "Депода зарядталып тұрған үш автобус",
                    "Три электробуса на зарядке в депо",
                    "Three buses charging at the depot",
                ),
                t("Зарядтау станциясы", "Зарядная станция", "The charging station"),
            ),
        ],
        "video": {
            "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "title": t(
                "Электр автобусы: бірінші рейс",
                "Электробус: первый рейс",
                "Electric bus: the first run",
            ),
            "transcript": t(
                "Жүргізуші: Автобус бір зарядта екі жүз шақырым жүреді.\n\nЖолаушы: Салон жылы әрі тыныш.",
                "Водитель: Автобус проходит двести километров на одной зарядке.\n\nПассажир: В салоне тепло и тихо.",
                "Driver: The bus goes two hundred kilometres on one charge.\n\nPassenger: It is warm and quiet inside.",
            ),
        },
    },
}

AGENCIES = {"digital": DIGITAL, "health": HEALTH, "saryozen": CITY}
