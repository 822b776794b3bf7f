"""Demo content for the organisation app (see cms/demo/extra/__init__.py).

For every demo agency: a person page for the head and each deputy (the names, posts
and short biographies come from the agency's demo leadership text; agencies with
fewer than three people get more below), a structure page with departments, and the
contacts page with a reception schedule. The leadership and contacts sections' old
free-text bodies are cleared once the structured pages carry the same facts.
"""

import io
import re
from html import unescape

from django.utils.text import slugify
from PIL import Image, ImageDraw

from cms.demo.content.blocks import LANGS
from cms.organisation.models import (
    ContactsPage,
    Department,
    LeadershipPage,
    PersonPage,
    ReceptionSlot,
    StructurePage,
)


def _t(kk: str, ru: str, en: str) -> dict:
    return {"kk": kk, "ru": ru, "en": en}


# People beyond those of the agencies' leadership texts, so each has 2-3 deputies.
EXTRA_PEOPLE = {
    "health": [
        {
            "name": _t("Жанар Маратқызы Әбенова", "Жанар Маратовна Абенова", "Zhanar Abenova"),
            "post": _t("Вице-министр", "Вице-министр", "Vice Minister"),
            "bio": _t(
                "Медицина ғылымдарының кандидаты. Медициналық білім беру мен ғылымды, "
                "денсаулық сақтау кадрларын даярлауды қадағалайды. Бұған дейін медицина "
                "университетінің ректоры болған.",
                "Кандидат медицинских наук. Курирует медицинское образование и науку, "
                "подготовку кадров здравоохранения. Ранее была ректором медицинского "
                "университета.",
                "Candidate of Medical Sciences. Oversees medical education, research and the "
                "training of health workers. Previously rector of a medical university.",
            ),
        },
    ],
    "infosec": [
        {
            "name": _t("Ерлан Сәбитұлы Қасымов", "Ерлан Сабитович Касымов", "Yerlan Kassymov"),
            "post": _t(
                "Комитет төрағасының орынбасары",
                "Заместитель председателя комитета",
                "Deputy Chair of the Committee",
            ),
            "bio": _t(
                "Киберинциденттерге ден қою және ұлттық үйлестіру орталығының жұмысына "
                "жетекшілік етеді. Телекоммуникация саласында он екі жыл жұмыс істеген.",
                "Руководит реагированием на киберинциденты и работой национального "
                "координационного центра. Двенадцать лет работал в телекоммуникациях.",
                "Leads cyber incident response and the national coordination centre. "
                "Worked in telecommunications for twelve years.",
            ),
        },
        {
            "name": _t(
                "Әсем Болатқызы Нұрпейісова", "Асем Болатовна Нурпеисова", "Assem Nurpeissova"
            ),
            "post": _t(
                "Комитет төрағасының орынбасары",
                "Заместитель председателя комитета",
                "Deputy Chair of the Committee",
            ),
            "bio": _t(
                "Мемлекеттік ақпараттық жүйелердің аудитін және азаматтардың цифрлық "
                "сауаттылығын арттыру бағдарламаларын қадағалайды.",
                "Курирует аудит государственных информационных систем и программы "
                "повышения цифровой грамотности граждан.",
                "Oversees audits of state information systems and programmes that teach "
                "citizens to stay safe online.",
            ),
        },
    ],
    "zhetikol": [
        {
            "name": _t(
                "Бекзат Оралұлы Жұмабеков", "Бекзат Оралович Жумабеков", "Bekzat Zhumabekov"
            ),
            "post": _t(
                "Облыс әкімінің орынбасары",
                "Заместитель акима области",
                "Deputy Akim of the region",
            ),
            "bio": _t(
                "Ауыл шаруашылығы, өнеркәсіп және кәсіпкерлік мәселелеріне жетекшілік етеді. "
                "Бұған дейін облыстық ауыл шаруашылығы басқармасын басқарған.",
                "Курирует сельское хозяйство, промышленность и предпринимательство. Ранее "
                "руководил областным управлением сельского хозяйства.",
                "Oversees agriculture, industry and business. Previously head of the "
                "regional agriculture department.",
            ),
        },
    ],
    "kokterek": [
        {
            "name": _t("Ғалым Сапарұлы Ержанов", "Галым Сапарович Ержанов", "Galym Yerzhanov"),
            "post": _t(
                "Аудан әкімінің орынбасары", "Заместитель акима района", "Deputy District Akim"
            ),
            "bio": _t(
                "Ауыл шаруашылығы, тұрғын үй-коммуналдық шаруашылық және жолдар мәселелеріне "
                "жетекшілік етеді. Бұған дейін Ақсу ауылдық округінің әкімі болған.",
                "Курирует сельское хозяйство, жилищно-коммунальное хозяйство и дороги. Ранее "
                "был акимом Аксуского сельского округа.",
                "Oversees agriculture, housing and utilities, and roads. Previously akim of "
                "the Aksu rural district.",
            ),
        },
    ],
    "saryozen": [
        {
            "name": _t("Айдос Қуанышұлы Тілеубаев", "Айдос Куанышевич Тлеубаев", "Aidos Tleubayev"),
            "post": _t("Қала әкімінің орынбасары", "Заместитель акима города", "Deputy City Akim"),
            "bio": _t(
                "Экономика, бюджет және кәсіпкерлікті қолдау мәселелеріне жетекшілік етеді. "
                "Бұған дейін облыстық экономика басқармасында жұмыс істеген.",
                "Курирует экономику, бюджет и поддержку предпринимательства. Ранее работал "
                "в областном управлении экономики.",
                "Oversees the economy, the budget and support for small business. Previously "
                "worked in the regional economy department.",
            ),
        },
    ],
}

# Who receives citizens when: (day, time, room) by the person's place in the list.
RECEPTION = [
    (
        _t(
            "Әр айдың бірінші сәрсенбісі",
            "Первая среда каждого месяца",
            "First Wednesday of every month",
        ),
        "15:00–18:00",
        "301",
    ),
    (_t("Әр сейсенбі", "Каждый вторник", "Every Tuesday"), "10:00–12:00", "305"),
    (_t("Әр бейсенбі", "Каждый четверг", "Every Thursday"), "15:00–17:00", "312"),
    (_t("Әр жұма", "Каждую пятницу", "Every Friday"), "10:00–12:00", "318"),
]
ROOM = _t("№{room} кабинет", "кабинет {room}", "room {room}")
BOOKING = _t(
    "Алдын ала жазылу: {phone}.", "Предварительная запись: {phone}.", "Book by phone: {phone}."
)

DEPARTMENT_HEADS = [
    _t("Мәди Ғаниұлы Серікбаев", "Мади Ганиевич Серикбаев", "Madi Serikbayev"),
    _t("Ләззат Қайратқызы Омарова", "Ляззат Кайратовна Омарова", "Lyazzat Omarova"),
    _t("Дамир Нұрболұлы Исаев", "Дамир Нурболович Исаев", "Damir Issayev"),
    _t("Жанна Серікқызы Бекова", "Жанна Сериковна Бекова", "Zhanna Bekova"),
    _t("Руслан Ержанұлы Тоқтаров", "Руслан Ержанович Токтаров", "Ruslan Toktarov"),
    _t("Айнұр Бахытқызы Сәрсенова", "Айнур Бахытовна Сарсенова", "Ainur Sarsenova"),
    _t("Ербол Қанатұлы Мусин", "Ербол Канатович Мусин", "Yerbol Mussin"),
    _t("Гүлмира Асанқызы Жақыпова", "Гульмира Асановна Жакупова", "Gulmira Zhakupova"),
]

AKIMAT_DEPARTMENTS = [
    (
        _t(
            "Ұйымдастыру-бақылау бөлімі",
            "Организационно-контрольный отдел",
            "Organisation and Oversight Section",
        ),
        _t(
            "Әкімдік пен әкім шешімдерінің орындалуын бақылау, әкімдік мәжілістерін ұйымдастыру.",
            "Контроль исполнения решений акимата и акима, организация заседаний акимата.",
            "Checks that the decisions of the akimat and the akim are carried out; organises "
            "the akimat's meetings.",
        ),
    ),
    (
        _t(
            "Азаматтардың өтініштерімен жұмыс бөлімі",
            "Отдел по работе с обращениями граждан",
            "Citizens' Appeals Section",
        ),
        _t(
            "Өтініштерді тіркеу және қарау, әкім мен оның орынбасарларының азаматтарды жеке "
            "қабылдауын ұйымдастыру.",
            "Регистрация и рассмотрение обращений, организация личного приёма граждан акимом "
            "и его заместителями.",
            "Registers and handles appeals; organises the personal receptions of the akim and "
            "the deputies.",
        ),
    ),
    (
        _t("Мемлекеттік-құқықтық бөлім", "Государственно-правовой отдел", "Legal Section"),
        _t(
            "Әкімдік қаулылары мен әкім шешімдерінің жобаларын құқықтық сараптау.",
            "Правовая экспертиза проектов постановлений акимата и решений акима.",
            "Legal review of draft resolutions of the akimat and decisions of the akim.",
        ),
    ),
    (
        _t(
            "Қаржы және мемлекеттік сатып алу бөлімі",
            "Отдел финансов и государственных закупок",
            "Finance and Public Procurement Section",
        ),
        _t(
            "Аппарат бюджетін жоспарлау және атқару, мемлекеттік сатып алуды өткізу.",
            "Планирование и исполнение бюджета аппарата, проведение государственных закупок.",
            "Plans and spends the office's budget; runs public procurement.",
        ),
    ),
]

DEPARTMENTS = {
    "digital": [
        (
            _t(
                "Мемлекеттік қызметтерді цифрландыру департаменті",
                "Департамент цифровизации государственных услуг",
                "Department for the Digitalisation of Public Services",
            ),
            _t(
                "Мемлекеттік қызметтерді электрондық форматқа көшіру, «электрондық үкімет» "
                "порталын дамыту, қызмет көрсету сапасын бақылау.",
                "Перевод государственных услуг в электронный формат, развитие портала "
                "«электронного правительства», мониторинг качества услуг.",
                "Moves public services online, develops the e-government portal and monitors "
                "the quality of services.",
            ),
        ),
        (
            _t(
                "Байланыс және телекоммуникация департаменті",
                "Департамент связи и телекоммуникаций",
                "Department of Communications and Telecommunications",
            ),
            _t(
                "Ауылдық елді мекендерді кеңжолақты интернетпен қамту, радиожиілік спектрін "
                "бөлу, пошта байланысын дамыту.",
                "Обеспечение сельских населённых пунктов широкополосным интернетом, "
                "распределение радиочастотного спектра, развитие почтовой связи.",
                "Brings broadband to rural settlements, allocates the radio spectrum and "
                "develops postal services.",
            ),
        ),
        (
            _t(
                "Деректерді басқару департаменті",
                "Департамент управления данными",
                "Data Management Department",
            ),
            _t(
                "Мемлекеттік дерекқорларды біріздендіру, ашық деректер порталын жүргізу, "
                "дербес деректерді қорғау талаптарын әзірлеу.",
                "Унификация государственных баз данных, ведение портала открытых данных, "
                "разработка требований к защите персональных данных.",
                "Harmonises state databases, runs the open data portal and drafts the rules "
                "on personal data protection.",
            ),
        ),
        (
            _t("Заң департаменті", "Юридический департамент", "Legal Department"),
            _t(
                "Нормативтік құқықтық актілердің жобаларын әзірлеу және сараптау, "
                "министрліктің мүддесін сотта білдіру.",
                "Разработка и экспертиза проектов нормативных правовых актов, представление "
                "интересов министерства в суде.",
                "Drafts and reviews legal acts and represents the Ministry in court.",
            ),
        ),
    ],
    "health": [
        (
            _t(
                "Медициналық көмекті ұйымдастыру департаменті",
                "Департамент организации медицинской помощи",
                "Department of Medical Care",
            ),
            _t(
                "Алғашқы медициналық-санитариялық көмекті, жедел жәрдем қызметін және ауылдық "
                "медицинаны дамыту.",
                "Развитие первичной медико-санитарной помощи, скорой помощи и сельской медицины.",
                "Develops primary health care, emergency services and rural medicine.",
            ),
        ),
        (
            _t(
                "Дәрі-дәрмек саясаты департаменті",
                "Департамент лекарственной политики",
                "Department of Medicines Policy",
            ),
            _t(
                "Дәрілік заттардың қолжетімділігі мен бағасын реттеу, тегін дәрі-дәрмекпен "
                "қамтамасыз ету тізбесін жүргізу.",
                "Регулирование доступности и цен лекарственных средств, ведение перечня "
                "бесплатного лекарственного обеспечения.",
                "Regulates the availability and prices of medicines and keeps the list of "
                "medicines provided free of charge.",
            ),
        ),
        (
            _t(
                "Қоғамдық денсаулық сақтау департаменті",
                "Департамент общественного здоровья",
                "Department of Public Health",
            ),
            _t(
                "Вакцинация, аурулардың алдын алу, салауатты өмір салтын насихаттау.",
                "Вакцинация, профилактика заболеваний, пропаганда здорового образа жизни.",
                "Vaccination, disease prevention and the promotion of healthy lifestyles.",
            ),
        ),
    ],
    "infosec": [
        (
            _t(
                "Киберинциденттерге ден қою басқармасы",
                "Управление реагирования на киберинциденты",
                "Cyber Incident Response Division",
            ),
            _t(
                "Киберинциденттер туралы хабарламаларды тәулік бойы қабылдау, шабуылдарды "
                "талдау және олардың салдарын жою.",
                "Круглосуточный приём сообщений о киберинцидентах, анализ атак и устранение "
                "их последствий.",
                "Takes reports of cyber incidents around the clock, analyses attacks and deals "
                "with their consequences.",
            ),
        ),
        (
            _t(
                "Ақпараттық қауіпсіздікті бақылау басқармасы",
                "Управление контроля информационной безопасности",
                "Information Security Oversight Division",
            ),
            _t(
                "Мемлекеттік ақпараттық жүйелердің қорғалуын тексеру, сынақ нәтижелері бойынша "
                "нұсқамалар беру.",
                "Проверка защищённости государственных информационных систем, выдача "
                "предписаний по результатам испытаний.",
                "Checks how well state information systems are protected and issues orders "
                "after tests.",
            ),
        ),
        (
            _t(
                "Цифрлық сауаттылық басқармасы",
                "Управление цифровой грамотности",
                "Digital Literacy Division",
            ),
            _t(
                "Азаматтар мен мемлекеттік қызметшілерге цифрлық қауіпсіздікті үйрету, "
                "ақпараттық науқандар өткізу.",
                "Обучение граждан и госслужащих цифровой безопасности, проведение "
                "информационных кампаний.",
                "Teaches citizens and civil servants to stay safe online and runs awareness "
                "campaigns.",
            ),
        ),
    ],
}

STRUCTURE_TITLE = _t("Құрылым", "Структура", "Structure")
STRUCTURE_INTRO = _t(
    "Құрылымдық бөлімшелер, олардың басшылары, функциялары мен байланыс деректері.",
    "Структурные подразделения, их руководители, функции и контакты.",
    "Our departments: who heads them, what they do and how to reach them.",
)
HOURS = _t(
    "Дүйсенбі – жұма, 09:00–18:30\nТүскі үзіліс 13:00–14:30\nСенбі, жексенбі – демалыс",
    "Понедельник – пятница, 09:00–18:30\nОбеденный перерыв 13:00–14:30\n"
    "Суббота, воскресенье – выходные",
    "Monday to Friday, 9:00–18:30\nLunch break 13:00–14:30\nClosed on Saturdays and Sundays",
)
DIRECTIONS = {
    "ministry": (
        _t(
            "«Министрліктер үйіне» №10, №12 және №21 автобустармен «Министрліктер үйі» "
            "аялдамасына дейін жетуге болады. Кіреберісте жеке куәлігіңізді көрсетіңіз.",
            "До «Дома министерств» можно доехать на автобусах № 10, 12 и 21 до остановки "
            "«Дом министерств». На входе предъявите удостоверение личности.",
            "Take bus 10, 12 or 21 to the House of Ministries stop. Show your identity card "
            "at the entrance.",
        ),
        "https://www.openstreetmap.org/?mlat=51.1283&mlon=71.4305#map=17/51.1283/71.4305",
    ),
    "akimat": (
        _t(
            "Әкімдік ғимараты орталық алаңда орналасқан: №3 және №7 автобустардың «Әкімдік» "
            "аялдамасы. Кіреберісте пандус бар, бірінші қабатта қабылдау бөлмесі жұмыс істейді.",
            "Здание акимата находится на центральной площади: остановка «Акимат» автобусов "
            "№ 3 и 7. У входа есть пандус, приёмная работает на первом этаже.",
            "The akimat building is on the central square: bus 3 or 7 to the Akimat stop. "
            "There is a ramp at the entrance and the reception office is on the ground floor.",
        ),
        "https://www.openstreetmap.org/?mlat=50.2839&mlon=57.1670#map=17/50.2839/57.1670",
    ),
}
CONTACTS_PHONES = _t("Қабылдау бөлмесі", "Приёмная", "Reception")


def _plain(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html or "")).strip()


def people_of(spec: dict) -> list[dict]:
    """The people of the agency's leadership text (heading, post, bio per person)."""
    body = spec["sections"].get("leadership", {}).get("body", {})
    people: list[dict] = []
    for lang in LANGS:
        blocks = body.get(lang, [])
        for index in range(0, len(blocks) - 2, 3):
            if index // 3 >= len(people):
                people.append({"name": {}, "post": {}, "bio": {}})
            person = people[index // 3]
            person["name"][lang] = blocks[index]["value"]["text"]
            person["post"][lang] = _plain(blocks[index + 1]["value"])
            person["bio"][lang] = blocks[index + 2]["value"]
    return people + EXTRA_PEOPLE.get(spec["slug"], [])


def portrait_png(colour: str, width: int = 480, height: int = 600) -> bytes:
    """A neutral head-and-shoulders silhouette on a light tint of the agency colour."""
    value = colour.lstrip("#")
    base = tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))
    light = tuple(round(c + (255 - c) * 0.85) for c in base)
    shade = tuple(round(c + (255 - c) * 0.35) for c in base)
    image = Image.new("RGB", (width, height), light)
    draw = ImageDraw.Draw(image)
    cx = width / 2
    draw.ellipse((cx - 105, 130, cx + 105, 360), fill=shade)
    draw.ellipse((cx - 220, 400, cx + 220, 900), fill=shade)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _phone(agency_phone: str, index: int) -> str:
    digits = agency_phone.rsplit(" ", 1)
    return f"{digits[0]} {int(digits[1]) + 10 + index:02d}" if len(digits) == 2 else agency_phone


def _reception(index: int, lang: str, phone: str) -> tuple[str, str, str]:
    day, time, room = RECEPTION[index % len(RECEPTION)]
    return day[lang], time, ROOM[lang].format(room=room)


def load(loader, agency, spec, sections, refs) -> None:
    people = people_of(spec)
    leadership = sections.get("leadership")
    if isinstance(leadership, LeadershipPage):
        _leadership(loader, agency, leadership, people)
        _structure(loader, agency, leadership)
    contacts = sections.get("contacts")
    if isinstance(contacts, ContactsPage):
        _contacts(loader, agency, spec, contacts, people)


def _leadership(loader, agency, section: LeadershipPage, people: list[dict]) -> None:
    existing = PersonPage.objects.child_of(section)
    if not existing.exists() and section.body_kk:
        # The old text listed the same people: the person pages replace it.
        for lang in LANGS:
            setattr(section, f"body_{lang}", [])
        loader._publish(section, "leadership section")
    domain = agency.email.split("@", 1)[-1] if agency.email else "demo.example.kz"
    for index, person in enumerate(people):
        slug = slugify(person["name"]["en"])
        if existing.filter(slug=slug).exists():
            continue
        phone = _phone(agency.phone or "+7 7172 00 00 00", index)
        page = PersonPage(
            slug=slug,
            is_head=index == 0,
            sort_order=index * 10,
            phone=phone,
            email=f"{slug.split('-')[-1]}@{domain}",
        )
        for lang in LANGS:
            name = person["name"][lang]
            setattr(page, f"title_{lang}", name)
            setattr(page, f"position_{lang}", person["post"][lang])
            setattr(page, f"biography_{lang}", person["bio"][lang])
            day, time, room = _reception(index, lang, phone)
            booking = BOOKING[lang].format(phone=phone)
            setattr(page, f"reception_hours_{lang}", f"{day}, {time}, {room}. {booking}")
            setattr(
                page,
                f"photo_alt_{lang}",
                {
                    "kk": f"{name} портреті",
                    "ru": f"Портрет: {name}",
                    "en": f"Portrait of {name}",
                }[lang],
            )
        page.photo = loader._image(
            agency,
            f"Портрет: {person['name']['ru']}",
            f"portrait-{slug}.png",
            lambda: portrait_png(agency.brand_colour),
        )
        section.add_child(instance=page)
        loader._publish(page, "person")


def _structure(loader, agency, section: LeadershipPage) -> None:
    if StructurePage.objects.child_of(section).exists():
        return
    page = StructurePage(slug="structure")
    for lang in LANGS:
        setattr(page, f"title_{lang}", STRUCTURE_TITLE[lang])
        setattr(page, f"intro_{lang}", STRUCTURE_INTRO[lang])
    departments = DEPARTMENTS.get(agency.slug, AKIMAT_DEPARTMENTS)
    offset = sum(map(ord, agency.slug))
    domain = agency.email.split("@", 1)[-1] if agency.email else "demo.example.kz"
    rows = []
    for index, (name, functions) in enumerate(departments):
        head = DEPARTMENT_HEADS[(offset + index) % len(DEPARTMENT_HEADS)]
        department = Department(
            sort_order=index,
            phone=_phone(agency.phone or "+7 7172 00 00 00", 40 + index),
            email=f"dept{index + 1}@{domain}",
        )
        for lang in LANGS:
            setattr(department, f"name_{lang}", name[lang])
            setattr(department, f"functions_{lang}", functions[lang])
            setattr(department, f"head_name_{lang}", head[lang])
        rows.append(department)
    page.departments = rows
    section.add_child(instance=page)
    loader._publish(page, "structure page")


def _contacts(loader, agency, spec, page: ContactsPage, people: list[dict]) -> None:
    if page.phones or page.reception_slots.exists():
        return
    kind = "ministry" if agency.category in ("ministry", "committee") else "akimat"
    directions, map_url = DIRECTIONS[kind]
    page.phones = "\n".join([agency.phone, _phone(agency.phone, 20)] if agency.phone else [])
    page.emails = agency.email
    page.map_url = map_url
    for lang in LANGS:
        setattr(page, f"body_{lang}", [])  # the old text; the fields below replace it
        setattr(page, f"working_hours_{lang}", HOURS[lang])
        setattr(page, f"directions_{lang}", directions[lang])
    slots = []
    for index, person in enumerate(people):
        slot = ReceptionSlot(sort_order=index, time=RECEPTION[index % len(RECEPTION)][1])
        for lang in LANGS:
            day, _time, room = _reception(index, lang, "")
            setattr(slot, f"day_{lang}", day)
            setattr(slot, f"person_{lang}", f"{person['name'][lang]}, {person['post'][lang]}")
            setattr(slot, f"place_{lang}", room)
        slots.append(slot)
    page.reception_slots = slots
    loader._publish(page, "contacts page")
