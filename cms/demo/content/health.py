"""Ministry of Health (invented)."""

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
    "kk": "010000, Астана қ., Бейбітшілік көшесі, 40, «Денсаулық» әкімшілік ғимараты",
    "ru": "010000, г. Астана, ул. Бейбитшилик, 40, административное здание «Денсаулык»",
    "en": "Densaulyk Administrative Building, 40 Beibitshilik Street, Astana 010000",
}

AGENCY = {
    "slug": "health",
    "category": "ministry",
    "parent": None,
    "hostname": None,
    "brand_colour": "#1E7F5C",
    "names": {
        "kk": "Денсаулық сақтау министрлігі",
        "ru": "Министерство здравоохранения",
        "en": "Ministry of Health",
    },
    "short_names": {"kk": "ДСМ", "ru": "МЗ", "en": "MoH"},
    "address": ADDRESS,
    "phone": "+7 7172 60 20 00",
    "email": "info@health.demo.example.kz",
    "image_title": "Жаңа ауылдық медициналық пункт",
    "intro": {
        "kk": "Министрлік денсаулық сақтау саласындағы мемлекеттік саясатты қалыптастырады: "
        "медициналық көмектің сапасы мен қолжетімділігі, аурулардың алдын алу және "
        "дәрі-дәрмекпен қамтамасыз ету біздің басты міндеттеріміз.",
        "ru": "Министерство формирует государственную политику в области здравоохранения: "
        "качество и доступность медицинской помощи, профилактика заболеваний и "
        "лекарственное обеспечение — наши главные задачи.",
        "en": "The Ministry shapes national health policy: the quality and accessibility of "
        "medical care, disease prevention and the supply of medicines are our main tasks.",
    },
    "documents": [
        {
            "key": "programme",
            "title": {
                "kk": "Денсаулық сақтауды дамытудың 2026–2030 жылдарға арналған бағдарламасы",
                "ru": "Программа развития здравоохранения на 2026–2030 годы",
                "en": "Healthcare Development Programme 2026-2030",
            },
            "pdf_lines": [
                "1. Primary care: a family doctor within 30 minutes for every village.",
                "2. Prevention: free annual screening for adults over 40.",
                "3. Medicines: guaranteed supply of essential medicines.",
            ],
        },
        {
            "key": "vaccination",
            "title": {
                "kk": "Профилактикалық екпелердің ұлттық күнтізбесі",
                "ru": "Национальный календарь профилактических прививок",
                "en": "National Immunisation Schedule",
            },
            "pdf_lines": [
                "Newborns: hepatitis B, BCG.",
                "2, 3 and 4 months: combined vaccine.",
                "12 months: measles, mumps, rubella.",
            ],
        },
    ],
    "sections": {
        "about": {
            "intro": {
                "kk": "Министрліктің мақсаттары мен құзыреті.",
                "ru": "Цели и компетенция министерства.",
                "en": "The Ministry's goals and remit.",
            },
            "body": {
                "kk": [
                    h("Министрлік туралы"),
                    p("Денсаулық сақтау министрлігі – халықтың денсаулығын сақтау, "
                      "медициналық ғылым мен білім беру, дәрілік заттардың айналысы "
                      "салаларында басшылықты жүзеге асыратын орталық атқарушы орган."),
                    ul([
                        "алғашқы медициналық-санитариялық көмекті дамыту;",
                        "ауылдық жерлерде денсаулық сақтау нысандарының желісін кеңейту;",
                        "жұқпалы және созылмалы аурулардың алдын алу;",
                        "дәрілік заттардың сапасы мен қауіпсіздігін бақылау;",
                        "медицина қызметкерлерінің біліктілігін арттыру.",
                    ], lead="Негізгі бағыттарымыз:"),
                    h("Денсаулық сақтау жүйесіндегі цифрландыру"),
                    p("Электрондық денсаулық паспорты мен телемедицина қызметтері "
                      "денсаулық сақтау ұйымдарының жұмысын жеңілдетіп, пациенттердің "
                      "уақытын үнемдейді."),
                ],
                "ru": [
                    h("О министерстве"),
                    p("Министерство здравоохранения — центральный исполнительный орган, "
                      "осуществляющий руководство в области охраны здоровья граждан, "
                      "медицинской науки и образования, обращения лекарственных средств."),
                    ul([
                        "развитие первичной медико-санитарной помощи;",
                        "расширение сети объектов здравоохранения в сельской местности;",
                        "профилактика инфекционных и хронических заболеваний;",
                        "контроль качества и безопасности лекарственных средств;",
                        "повышение квалификации медицинских работников.",
                    ], lead="Наши основные направления:"),
                    h("Цифровизация системы здравоохранения"),
                    p("Электронный паспорт здоровья и услуги телемедицины облегчают работу "
                      "организаций здравоохранения и экономят время пациентов."),
                ],
                "en": [
                    h("About the Ministry"),
                    p("The Ministry of Health is the central executive body responsible for "
                      "public health, medical science and education, and the circulation of "
                      "medicines."),
                    ul([
                        "developing primary health care;",
                        "expanding the network of health facilities in rural areas;",
                        "preventing infectious and chronic diseases;",
                        "controlling the quality and safety of medicines;",
                        "training and upskilling medical staff.",
                    ], lead="Our main areas of work:"),
                    h("Digital health"),
                    p("The electronic health passport and telemedicine services make the "
                      "work of health organisations easier and save patients’ time."),
                ],
            },
        },
        "contacts": {
            "intro": {
                "kk": "Министрлікпен байланысу тәсілдері.",
                "ru": "Как связаться с министерством.",
                "en": "How to contact the Ministry.",
            },
            "body": per_language(
                contacts_body,
                address=ADDRESS,
                phones=[
                    ({"kk": "Қабылдау бөлмесі", "ru": "Приёмная", "en": "Reception"},
                     "+7 7172 60 20 00"),
                    ({"kk": "Медициналық көмек сапасы жөніндегі сенім телефоны",
                      "ru": "Телефон доверия по качеству медицинской помощи",
                      "en": "Helpline on the quality of medical care"}, "8 800 080 88 87"),
                    ({"kk": "Баспасөз қызметі", "ru": "Пресс-служба", "en": "Press office"},
                     "+7 7172 60 20 14"),
                ],
                email="info@health.demo.example.kz",
                reception={
                    "kk": "Министр азаматтарды әр айдың екінші бейсенбісінде сағат 10:00-ден "
                    "бастап қабылдайды. Алдын ала жазылу +7 7172 60 20 05 телефоны арқылы.",
                    "ru": "Министр принимает граждан во второй четверг каждого месяца с 10:00. "
                    "Предварительная запись по телефону +7 7172 60 20 05.",
                    "en": "The Minister receives citizens on the second Thursday of every "
                    "month from 10:00. Book in advance on +7 7172 60 20 05.",
                },
            ),
        },
        "leadership": {
            "intro": {
                "kk": "Министрліктің басшылығы.",
                "ru": "Руководство министерства.",
                "en": "The Ministry's leadership.",
            },
            "body": per_language(leadership_body, [
                {
                    "name": {"kk": "Әйгерім Нұрланқызы Сейітова",
                             "ru": "Айгерим Нурлановна Сеитова",
                             "en": "Aigerim Seitova"},
                    "post": {"kk": "Министр", "ru": "Министр", "en": "Minister"},
                    "bio": {
                        "kk": "Медицина ғылымдарының докторы, дәрігер-кардиолог. Облыстық "
                        "денсаулық сақтау басқармасын, кейін республикалық кардиология "
                        "орталығын басқарған.",
                        "ru": "Доктор медицинских наук, врач-кардиолог. Руководила областным "
                        "управлением здравоохранения, затем республиканским кардиологическим "
                        "центром.",
                        "en": "Doctor of Medical Sciences and cardiologist. Previously headed "
                        "a regional health department and then the national cardiology "
                        "centre.",
                    },
                },
                {
                    "name": {"kk": "Бауыржан Қайратұлы Мұхамеджанов",
                             "ru": "Бауыржан Кайратович Мухамеджанов",
                             "en": "Baurzhan Mukhamedzhanov"},
                    "post": {"kk": "Бірінші вице-министр", "ru": "Первый вице-министр",
                             "en": "First Vice Minister"},
                    "bio": {
                        "kk": "Алғашқы медициналық-санитариялық көмек пен дәрі-дәрмекпен "
                        "қамтамасыз ету мәселелеріне жетекшілік етеді.",
                        "ru": "Курирует вопросы первичной медико-санитарной помощи и "
                        "лекарственного обеспечения.",
                        "en": "Oversees primary health care and the supply of medicines.",
                    },
                },
            ]),
        },
        "services": {
            "intro": {
                "kk": "Денсаулық сақтау саласындағы мемлекеттік қызметтер.",
                "ru": "Государственные услуги в сфере здравоохранения.",
                "en": "Public services in health care.",
            },
            "body": per_language(
                services_body,
                {
                    "kk": "Төменде министрлік пен оның аумақтық бөлімшелері көрсететін "
                    "қызметтер берілген. Қызметтердің көпшілігін электрондық түрде алуға "
                    "болады.",
                    "ru": "Ниже приведены услуги, которые оказывают министерство и его "
                    "территориальные подразделения. Большинство услуг доступны в "
                    "электронной форме.",
                    "en": "Below are the services provided by the Ministry and its regional "
                    "offices. Most of them are available online.",
                },
                [
                    {
                        "name": {"kk": "Емханаға тіркелу", "ru": "Прикрепление к поликлинике",
                                 "en": "Registering with a clinic"},
                        "text": {
                            "kk": "Тұрғылықты жеріңізге жақын емханаға жылына бір рет тегін "
                            "тіркелуге болады.",
                            "ru": "Прикрепиться к поликлинике рядом с домом можно бесплатно "
                            "один раз в год.",
                            "en": "You can register with a clinic near your home free of "
                            "charge once a year.",
                        },
                    },
                    {
                        "name": {"kk": "Медициналық қызметпен айналысуға лицензия беру",
                                 "ru": "Лицензирование медицинской деятельности",
                                 "en": "Licensing of medical practice"},
                        "text": {
                            "kk": "Өтінім электрондық түрде беріледі, қарау мерзімі – 15 "
                            "жұмыс күні.",
                            "ru": "Заявление подаётся в электронной форме, срок рассмотрения "
                            "— 15 рабочих дней.",
                            "en": "Applications are filed online and processed within 15 "
                            "working days.",
                        },
                    },
                    {
                        "name": {"kk": "Дәрігерге онлайн жазылу",
                                 "ru": "Онлайн-запись к врачу",
                                 "en": "Booking a doctor online"},
                        "text": {
                            "kk": "Учаскелік дәрігерге немесе бейінді маманға жазылу "
                            "тәулік бойы қолжетімді.",
                            "ru": "Запись к участковому врачу или профильному специалисту "
                            "доступна круглосуточно.",
                            "en": "Appointments with a family doctor or a specialist can be "
                            "booked around the clock.",
                        },
                    },
                ],
            ),
        },
        "vacancies": {
            "intro": {
                "kk": "Министрліктегі бос лауазымдар.",
                "ru": "Вакансии министерства.",
                "en": "Vacancies at the Ministry.",
            },
            "body": per_language(
                vacancies_body,
                {
                    "kk": "Құжаттар электрондық үкімет порталы арқылы қабылданады. Кадр "
                    "қызметінің телефоны: +7 7172 60 20 30.",
                    "ru": "Документы принимаются через портал электронного правительства. "
                    "Телефон кадровой службы: +7 7172 60 20 30.",
                    "en": "Applications are accepted through the e-government portal. Human "
                    "resources: +7 7172 60 20 30.",
                },
                [
                    {
                        "post": {"kk": "Медициналық көмекті ұйымдастыру департаментінің "
                                       "сарапшысы",
                                 "ru": "Эксперт департамента организации медицинской помощи",
                                 "en": "Expert, Department for the Organisation of "
                                       "Medical Care"},
                        "text": {
                            "kk": "Өңірлердегі медициналық көмектің қолжетімділігіне "
                            "мониторинг жүргізу.",
                            "ru": "Мониторинг доступности медицинской помощи в регионах.",
                            "en": "Monitoring access to medical care in the regions.",
                        },
                        "requirements": {
                            "kk": ["жоғары медициналық немесе экономикалық білім;",
                                   "денсаулық сақтау саласында кемінде екі жыл жұмыс өтілі."],
                            "ru": ["высшее медицинское или экономическое образование;",
                                   "стаж работы в здравоохранении не менее двух лет."],
                            "en": ["a degree in medicine or economics;",
                                   "at least two years of experience in health care."],
                        },
                        "deadline": "15.03.2026",
                    },
                ],
            ),
        },
        "documents": {
            "intro": {
                "kk": "Бағдарламалық құжаттар мен нормативтік актілер.",
                "ru": "Программные документы и нормативные акты.",
                "en": "Programme documents and regulations.",
            },
            "body": {
                "kk": [
                    h("Негізгі құжаттар"),
                    doc("programme", "Денсаулық сақтауды дамыту бағдарламасы, 2026–2030 "
                        "жылдар (PDF)"),
                    doc("vaccination", "Профилактикалық екпелердің ұлттық күнтізбесі (PDF)"),
                ],
                "ru": [
                    h("Основные документы"),
                    doc("programme", "Программа развития здравоохранения на 2026–2030 годы "
                        "(PDF)"),
                    doc("vaccination", "Национальный календарь профилактических прививок "
                        "(PDF)"),
                ],
                "en": [
                    h("Key documents"),
                    doc("programme", "Healthcare Development Programme 2026–2030 (PDF)"),
                    doc("vaccination", "National Immunisation Schedule (PDF)"),
                ],
            },
        },
        "news": {
            "intro": {
                "kk": "Денсаулық сақтау саласының жаңалықтары.",
                "ru": "Новости здравоохранения.",
                "en": "Health news.",
            },
        },
    },
    "news": [
        {
            "slug": "rural-medical-posts",
            "date": "2026-02-18",
            "title": {
                "kk": "Ауылдық жерлерде 45 жаңа медициналық пункт ашылды",
                "ru": "В сельской местности открыты 45 новых медицинских пунктов",
                "en": "45 new medical posts open in rural areas",
            },
            "intro": {
                "kk": "Жаңа пункттер заманауи жабдықпен және телемедицина жүйесімен "
                "жарақтандырылды.",
                "ru": "Новые пункты оснащены современным оборудованием и системой "
                "телемедицины.",
                "en": "The new posts have modern equipment and telemedicine links.",
            },
            "body": {
                "kk": [
                    p("Ауылдық денсаулық сақтау инфрақұрылымын жаңғырту жобасы аясында 45 "
                      "медициналық пункт пайдалануға берілді. Әр пунктте фельдшер мен "
                      "медбике жұмыс істейді, ал аудандық аурухананың дәрігерлері "
                      "телемедицина арқылы кеңес береді."),
                    img("Жаңа ауылдық медициналық пункттің ғимаратын бейнелейтін жасыл түсті "
                        "сурет", "Ауылдық медициналық пункт"),
                    p("Биыл тағы 60 пункт салу жоспарланып отыр."),
                ],
                "ru": [
                    p("В рамках проекта модернизации сельской инфраструктуры "
                      "здравоохранения введены в эксплуатацию 45 медицинских пунктов. В "
                      "каждом работают фельдшер и медсестра, а врачи районной больницы "
                      "консультируют по телемедицине."),
                    img("Зелёное изображение здания нового сельского медицинского пункта",
                        "Сельский медицинский пункт"),
                    p("В этом году планируется построить ещё 60 пунктов."),
                ],
                "en": [
                    p("Under the project to modernise rural health infrastructure, 45 "
                      "medical posts have opened. Each has a feldsher and a nurse, and "
                      "doctors from the district hospital consult remotely via "
                      "telemedicine."),
                    img("A green illustration of a new rural medical post",
                        "A rural medical post"),
                    p("Another 60 posts are planned for this year."),
                ],
            },
        },
        {
            "slug": "flu-vaccination-campaign",
            "date": "2025-10-01",
            "title": {
                "kk": "Тұмауға қарсы екпе науқаны басталды",
                "ru": "Стартовала кампания вакцинации против гриппа",
                "en": "Flu vaccination campaign begins",
            },
            "intro": {
                "kk": "Қауіп тобындағы азаматтар тегін екпе алады.",
                "ru": "Граждане из групп риска вакцинируются бесплатно.",
                "en": "People in risk groups are vaccinated free of charge.",
            },
            "body": {
                "kk": [
                    p("Екпе емханаларда 1 қазаннан 30 қарашаға дейін жүргізіледі. Тегін "
                      "екпе балаларға, жүкті әйелдерге, 65 жастан асқан азаматтарға және "
                      "медицина қызметкерлеріне салынады."),
                ],
                "ru": [
                    p("Вакцинация проводится в поликлиниках с 1 октября по 30 ноября. "
                      "Бесплатно прививают детей, беременных женщин, граждан старше 65 лет и "
                      "медицинских работников."),
                ],
                "en": [
                    p("Vaccination takes place in clinics from 1 October to 30 November. "
                      "Children, pregnant women, people over 65 and health workers are "
                      "vaccinated free of charge."),
                ],
            },
        },
        {
            "slug": "telemedicine-results",
            "date": "2026-01-14",
            "title": {
                "kk": "Телемедицина бір жылда 200 мыңнан астам кеңес берді",
                "ru": "Телемедицина за год провела более 200 тысяч консультаций",
                "en": "Telemedicine delivered over 200,000 consultations in a year",
            },
            "intro": {
                "kk": "Шалғай ауылдардың тұрғындары маманға қалаға бармай-ақ қаралды.",
                "ru": "Жители отдалённых сёл получили консультацию специалиста без поездки "
                "в город.",
                "en": "Residents of remote villages saw specialists without travelling to "
                "the city.",
            },
            "body": {
                "kk": [
                    p("Қашықтан кеңес беру жүйесіне 1 200 медициналық ұйым қосылған. Ең көп "
                      "сұранысқа кардиологтардың, эндокринологтардың және педиатрлардың "
                      "кеңестері ие болды."),
                ],
                "ru": [
                    p("К системе дистанционного консультирования подключены 1 200 "
                      "медицинских организаций. Наибольшим спросом пользовались консультации "
                      "кардиологов, эндокринологов и педиатров."),
                ],
                "en": [
                    p("1,200 medical organisations are connected to the remote consultation "
                      "system. Cardiologists, endocrinologists and paediatricians were in "
                      "the greatest demand."),
                ],
            },
        },
    ],
}
