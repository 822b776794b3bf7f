"""Information Security Committee of the Ministry of Digital Development (invented)."""

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
    "kk": "010000, Астана қ., Түркістан көшесі, 17, 5-кіреберіс",
    "ru": "010000, г. Астана, ул. Туркестан, 17, подъезд 5",
    "en": "17 Turkistan Street, entrance 5, Astana 010000",
}

AGENCY = {
    "slug": "infosec",
    "category": "committee",
    "parent": "digital",
    "hostname": None,
    "brand_colour": "#3B3F8F",
    "names": {
        "kk": "Цифрлық даму және инновациялар министрлігінің Ақпараттық қауіпсіздік комитеті",
        "ru": "Комитет информационной безопасности Министерства цифрового развития и инноваций",
        "en": "Information Security Committee of the Ministry of Digital Development "
        "and Innovation",
    },
    "short_names": {"kk": "АҚК", "ru": "КИБ", "en": "ISC"},
    "address": ADDRESS,
    "phone": "+7 7172 55 07 00",
    "email": "info@infosec.demo.example.kz",
    "image_title": "Киберқауіпсіздік жаттығуы",
    "intro": {
        "kk": "Комитет ақпараттандыру объектілерінің қорғалуын бақылайды, киберқауіптерге "
        "ден қояды және азаматтарға цифрлық қызметтерді қауіпсіз пайдалануды үйретеді.",
        "ru": "Комитет контролирует защищённость объектов информатизации, реагирует на "
        "киберугрозы и учит граждан безопасно пользоваться цифровыми услугами.",
        "en": "The Committee oversees the protection of information systems, responds to "
        "cyber threats and helps citizens use digital services safely.",
    },
    "documents": [
        {
            "key": "requirements",
            "title": {
                "kk": "Ақпараттық қауіпсіздікті қамтамасыз етудің бірыңғай талаптары",
                "ru": "Единые требования по обеспечению информационной безопасности",
                "en": "Uniform Information Security Requirements",
            },
            "pdf_lines": [
                "1. Classification of information systems.",
                "2. Mandatory audit before commissioning.",
                "3. Incident reporting within 24 hours.",
            ],
        },
        {
            "key": "report",
            "title": {
                "kk": "2025 жылғы киберинциденттер туралы шолу",
                "ru": "Обзор киберинцидентов за 2025 год",
                "en": "Review of Cyber Incidents in 2025",
            },
            "pdf_lines": ["Phishing: 41%", "Malware: 27%", "Denial of service: 12%"],
        },
    ],
    "sections": {
        "about": {
            "intro": {
                "kk": "Комитеттің функциялары.",
                "ru": "Функции комитета.",
                "en": "The Committee's functions.",
            },
            "body": {
                "kk": [
                    h("Комитет туралы"),
                    p("Ақпараттық қауіпсіздік комитеті – министрліктің ведомствосы. "
                      "Комитет мемлекеттік ақпараттық жүйелерді цифрландыру кезінде "
                      "қауіпсіздік талаптарының сақталуын қадағалайды."),
                    ul([
                        "ақпараттық жүйелерді сынақтан өткізу және аудит жүргізу;",
                        "компьютерлік инциденттерге ден қоюды үйлестіру;",
                        "қауіпсіздік талаптарын әзірлеу;",
                        "халықтың киберсауаттылығын арттыру.",
                    ], lead="Комитеттің функциялары:"),
                ],
                "ru": [
                    h("О комитете"),
                    p("Комитет информационной безопасности — ведомство министерства. "
                      "Комитет следит за соблюдением требований безопасности при "
                      "цифровизации государственных информационных систем."),
                    ul([
                        "испытания и аудит информационных систем;",
                        "координация реагирования на компьютерные инциденты;",
                        "разработка требований безопасности;",
                        "повышение киберграмотности населения.",
                    ], lead="Функции комитета:"),
                ],
                "en": [
                    h("About the Committee"),
                    p("The Information Security Committee is an agency of the Ministry. It "
                      "makes sure that security requirements are met when government "
                      "information systems are digitalised."),
                    ul([
                        "testing and auditing information systems;",
                        "coordinating the response to computer incidents;",
                        "drafting security requirements;",
                        "raising public awareness of cyber security.",
                    ], lead="The Committee's functions:"),
                ],
            },
        },
        "contacts": {
            "intro": {"kk": "Комитеттің байланыс деректері.", "ru": "Контакты комитета.",
                      "en": "Contact details of the Committee."},
            "body": per_language(
                contacts_body,
                address=ADDRESS,
                phones=[
                    ({"kk": "Қабылдау бөлмесі", "ru": "Приёмная", "en": "Reception"},
                     "+7 7172 55 07 00"),
                    ({"kk": "Инциденттерге ден қою орталығы (тәулік бойы)",
                      "ru": "Центр реагирования на инциденты (круглосуточно)",
                      "en": "Incident response centre (24/7)"}, "+7 7172 55 07 77"),
                ],
                email="info@infosec.demo.example.kz",
                reception={
                    "kk": "Комитет төрағасы азаматтарды әр айдың соңғы жұмасында сағат "
                    "11:00-ден бастап қабылдайды.",
                    "ru": "Председатель комитета принимает граждан в последнюю пятницу "
                    "каждого месяца с 11:00.",
                    "en": "The Chair of the Committee receives citizens on the last Friday "
                    "of every month from 11:00.",
                },
            ),
        },
        "leadership": {
            "intro": {"kk": "Комитет басшылығы.", "ru": "Руководство комитета.",
                      "en": "The Committee's leadership."},
            "body": per_language(leadership_body, [
                {
                    "name": {"kk": "Нұржан Асқарұлы Бекмұратов",
                             "ru": "Нуржан Аскарович Бекмуратов",
                             "en": "Nurzhan Bekmuratov"},
                    "post": {"kk": "Комитет төрағасы", "ru": "Председатель комитета",
                             "en": "Chair of the Committee"},
                    "bio": {
                        "kk": "Ақпараттық қауіпсіздік саласында жиырма жылдық тәжірибесі бар. "
                        "Ұлттық инциденттерге ден қою тобын құруға қатысқан.",
                        "ru": "Двадцать лет опыта в информационной безопасности. Участвовал "
                        "в создании национальной группы реагирования на инциденты.",
                        "en": "Twenty years of experience in information security; helped "
                        "set up the national incident response team.",
                    },
                },
            ]),
        },
        "services": {
            "intro": {"kk": "Комитеттің қызметтері.", "ru": "Услуги комитета.",
                      "en": "The Committee's services."},
            "body": per_language(
                services_body,
                {
                    "kk": "Комитет мемлекеттік органдарға және ұйымдарға келесі қызметтерді "
                    "көрсетеді.",
                    "ru": "Комитет оказывает государственным органам и организациям "
                    "следующие услуги.",
                    "en": "The Committee provides the following services to government "
                    "bodies and organisations.",
                },
                [
                    {
                        "name": {"kk": "Ақпараттық жүйелерді сынақтан өткізу",
                                 "ru": "Испытания информационных систем",
                                 "en": "Testing of information systems"},
                        "text": {
                            "kk": "Жүйені пайдалануға енгізбес бұрын қауіпсіздік талаптарына "
                            "сәйкестігі тексеріледі.",
                            "ru": "Перед вводом в эксплуатацию система проверяется на "
                            "соответствие требованиям безопасности.",
                            "en": "Before going live, a system is checked against the "
                            "security requirements.",
                        },
                    },
                    {
                        "name": {"kk": "Киберинцидент туралы хабарлау",
                                 "ru": "Сообщение о киберинциденте",
                                 "en": "Reporting a cyber incident"},
                        "text": {
                            "kk": "Алаяқтық сайт немесе фишинг туралы хабарламаны тәулік бойы "
                            "жіберуге болады.",
                            "ru": "Сообщить о мошенническом сайте или фишинге можно "
                            "круглосуточно.",
                            "en": "Fraudulent websites and phishing can be reported around "
                            "the clock.",
                        },
                    },
                ],
            ),
        },
        "vacancies": {
            "intro": {"kk": "Комитеттегі бос орындар.", "ru": "Вакансии комитета.",
                      "en": "Vacancies at the Committee."},
            "body": per_language(
                vacancies_body,
                {
                    "kk": "Құжаттар электрондық үкімет порталы арқылы қабылданады.",
                    "ru": "Документы принимаются через портал электронного правительства.",
                    "en": "Applications are accepted through the e-government portal.",
                },
                [
                    {
                        "post": {"kk": "Инциденттерді талдау басқармасының бас сарапшысы",
                                 "ru": "Главный эксперт управления анализа инцидентов",
                                 "en": "Chief expert, Incident Analysis Division"},
                        "text": {
                            "kk": "Инциденттерді талдау және ұсынымдар дайындау.",
                            "ru": "Анализ инцидентов и подготовка рекомендаций.",
                            "en": "Analysing incidents and preparing recommendations.",
                        },
                        "requirements": {
                            "kk": ["жоғары техникалық білім;",
                                   "желілік хаттамаларды білу;",
                                   "ағылшын тілінде техникалық құжаттарды оқи алу."],
                            "ru": ["высшее техническое образование;",
                                   "знание сетевых протоколов;",
                                   "умение читать техническую документацию на английском."],
                            "en": ["a technical degree;",
                                   "knowledge of network protocols;",
                                   "ability to read technical documentation in English."],
                        },
                        "deadline": "31.03.2026",
                    },
                ],
            ),
        },
        "documents": {
            "intro": {"kk": "Комитеттің құжаттары.", "ru": "Документы комитета.",
                      "en": "The Committee's documents."},
            "body": {
                "kk": [
                    h("Талаптар мен шолулар"),
                    doc("requirements", "Ақпараттық қауіпсіздікті қамтамасыз етудің "
                        "бірыңғай талаптары (PDF)"),
                    doc("report", "2025 жылғы киберинциденттер туралы шолу (PDF)"),
                ],
                "ru": [
                    h("Требования и обзоры"),
                    doc("requirements", "Единые требования по обеспечению информационной "
                        "безопасности (PDF)"),
                    doc("report", "Обзор киберинцидентов за 2025 год (PDF)"),
                ],
                "en": [
                    h("Requirements and reviews"),
                    doc("requirements", "Uniform Information Security Requirements (PDF)"),
                    doc("report", "Review of cyber incidents in 2025 (PDF)"),
                ],
            },
        },
        "news": {
            "intro": {"kk": "Комитет жаңалықтары.", "ru": "Новости комитета.",
                      "en": "Committee news."},
        },
    },
    "news": [
        {
            "slug": "cyber-exercise-2026",
            "date": "2026-02-03",
            "title": {
                "kk": "Мемлекеттік органдар арасында киберқауіпсіздік жаттығуы өтті",
                "ru": "Прошли учения по кибербезопасности среди государственных органов",
                "en": "Cyber security exercise held for government bodies",
            },
            "intro": {
                "kk": "Жаттығуға 27 мемлекеттік органның командалары қатысты.",
                "ru": "В учениях участвовали команды 27 государственных органов.",
                "en": "Teams from 27 government bodies took part.",
            },
            "body": {
                "kk": [
                    p("Командалар екі күн бойы ойдан шығарылған шабуылдарды анықтап, "
                      "жүйелерді қалпына келтірді. Ең жақсы нәтижені өңірлік әкімдіктердің "
                      "командалары көрсетті."),
                    img("Киберқауіпсіздік жаттығуын бейнелейтін көк түсті геометриялық сурет",
                        "Киберқауіпсіздік жаттығуы"),
                ],
                "ru": [
                    p("Два дня команды выявляли условные атаки и восстанавливали системы. "
                      "Лучший результат показали команды региональных акиматов."),
                    img("Синее геометрическое изображение, посвящённое учениям по "
                        "кибербезопасности", "Учения по кибербезопасности"),
                ],
                "en": [
                    p("For two days, teams detected simulated attacks and restored their "
                      "systems. Teams from regional akimats achieved the best results."),
                    img("A blue geometric picture illustrating the cyber security exercise",
                        "Cyber security exercise"),
                ],
            },
        },
        {
            "slug": "phishing-warning",
            "date": "2026-01-09",
            "title": {
                "kk": "Мемлекеттік қызметтердің атын жамылған жалған сайттардан сақ болыңыз",
                "ru": "Осторожно: поддельные сайты от имени государственных услуг",
                "en": "Beware of fake websites posing as public services",
            },
            "intro": {
                "kk": "Алаяқтар жәрдемақы төлейміз деп жеке деректерді сұрайды.",
                "ru": "Мошенники выманивают личные данные, обещая выплату пособий.",
                "en": "Fraudsters ask for personal data while promising benefit payments.",
            },
            "body": {
                "kk": [
                    p("Мемлекеттік органдар SMS арқылы ешқашан банк картасының деректерін "
                      "сұрамайды. Күдікті сілтемені алсаңыз, оны ашпай, комитетке хабарлаңыз."),
                ],
                "ru": [
                    p("Государственные органы никогда не запрашивают данные банковской карты "
                      "по SMS. Получив подозрительную ссылку, не открывайте её и сообщите в "
                      "комитет."),
                ],
                "en": [
                    p("Government bodies never ask for bank card details by text message. If "
                      "you receive a suspicious link, do not open it and report it to the "
                      "Committee."),
                ],
            },
        },
        {
            "slug": "audit-results-2025",
            "date": "2025-11-20",
            "title": {
                "kk": "Мемлекеттік ақпараттық жүйелердің аудит нәтижелері жарияланды",
                "ru": "Опубликованы итоги аудита государственных информационных систем",
                "en": "Results of the audit of government information systems published",
            },
            "intro": {
                "kk": "Тексерілген жүйелердің 86 пайызы талаптарға сәйкес келеді.",
                "ru": "86 процентов проверенных систем соответствуют требованиям.",
                "en": "86 per cent of the systems checked meet the requirements.",
            },
            "body": {
                "kk": [
                    p("Жыл ішінде 140 ақпараттық жүйе тексерілді. Анықталған кемшіліктерді "
                      "жою үшін жүйе иелеріне үш ай мерзім берілді."),
                ],
                "ru": [
                    p("За год проверено 140 информационных систем. Владельцам систем дано "
                      "три месяца на устранение выявленных недостатков."),
                ],
                "en": [
                    p("140 information systems were checked during the year. Their owners "
                      "have three months to fix the shortcomings found."),
                ],
            },
        },
    ],
}
