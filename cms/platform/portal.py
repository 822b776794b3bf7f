"""The portal's own pages: created in Python (not in a data migration) because the
modeltranslation columns of wagtailcore_page only exist after `migrate` has synced
them, so a data migration could not fill title_kk/title_ru/title_en.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Page, Site

from cms.core.languages import LANGUAGE_CODES
from cms.pages.models import PortalHomePage, SectionPage

PORTAL_TITLES = {
    "kk": "Мемлекеттік органдардың бірыңғай платформасы",
    "ru": "Единая платформа государственных органов",
    "en": "Unified platform of government bodies",
}
PORTAL_INTRO = {
    "kk": "Министрліктердің, комитеттердің, әкімдіктер мен елшіліктердің ресми сайттары бір жерде.",
    "ru": "Официальные сайты министерств, комитетов, акиматов и посольств в одном месте.",
    "en": "The official websites of ministries, committees, akimats and embassies in one place.",
}


def _body(paragraphs: list[str]) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs]


# Pages of the whole platform, linked from the footer of every site. Their slugs
# (cms.tenants.models.PORTAL_PAGE_SLUGS, in the same order) are reserved, so no
# agency can take /<lang>/<slug>/.
PORTAL_PAGES = {
    "about-platform": {
        "title": {
            "kk": "Платформа туралы",
            "ru": "О платформе",
            "en": "About the platform",
        },
        "intro": {
            "kk": "Бірыңғай платформа мемлекеттік органдардың ресми сайттарын бір жүйеде "
            "жүргізуге мүмкіндік береді.",
            "ru": "Единая платформа позволяет вести официальные сайты государственных "
            "органов в одной системе.",
            "en": "The unified platform runs the official websites of government bodies "
            "in one system.",
        },
        "body": {
            "kk": [
                "Министрліктер, комитеттер, облыстардың, қалалар мен аудандардың әкімдіктері "
                "және елшіліктер өз сайттарын ортақ мекенжайда жүргізеді: әр органның "
                "сайты /kk/&lt;орган&gt;/ түрінде ашылады, кейбір органдардың жеке домені де бар.",
                "Әр сайт қазақ және орыс тілдерінде, қалауынша ағылшын тілінде жарияланады. "
                "Ағылшын тіліндегі нұсқасы әлі дайын болмаса, бет орыс тілінде көрсетіледі "
                "және бұл туралы ескертіледі.",
                "Барлық органның жаңалықтары, құжаттары мен қызметтері бір іздеу жүйесі "
                "арқылы табылады. Әр органның редакторлары тек өз сайтының мазмұнын "
                "өңдей алады, жарияланымдарды модераторлар бекітеді.",
            ],
            "ru": [
                "Министерства, комитеты, акиматы областей, городов и районов и посольства "
                "ведут свои сайты по общему адресу: сайт каждого органа открывается как "
                "/ru/&lt;орган&gt;/, у некоторых органов есть и собственный домен.",
                "Каждый сайт публикуется на казахском и русском языках, по желанию — "
                "на английском. Если английская версия страницы ещё не готова, она "
                "показывается на русском языке с пометкой об этом.",
                "Новости, документы и услуги всех органов находятся через единый поиск. "
                "Редакторы каждого органа изменяют только материалы своего сайта, "
                "публикации утверждают модераторы.",
            ],
            "en": [
                "Ministries, committees, regional, city and district akimats and embassies "
                "run their websites under one address: each body's site opens as "
                "/en/&lt;body&gt;/, and some bodies also have a domain of their own.",
                "Every site is published in Kazakh and Russian, and optionally in English. "
                "Where the English version of a page is not ready yet, the page is shown "
                "in Russian with a note saying so.",
                "The news, documents and services of every body can be found with one "
                "search. The editors of each body change only their own site, and "
                "moderators approve what is published.",
            ],
        },
    },
    "accessibility": {
        "title": {
            "kk": "Қолжетімділік туралы мәлімдеме",
            "ru": "Заявление о доступности",
            "en": "Accessibility statement",
        },
        "intro": {
            "kk": "Платформаның сайттары мүмкіндігі шектеулі адамдарға қолжетімді болуы тиіс.",
            "ru": "Сайты платформы должны быть доступны людям с инвалидностью.",
            "en": "The websites of the platform are meant to be usable by people with "
            "disabilities.",
        },
        "body": {
            "kk": [
                "Сайттар WCAG 2.2 стандартының AA деңгейіне сәйкес жасалған. Әр компонент "
                "пен әр бет түрі үш тілде автоматты түрде тексеріледі.",
                "Сайтты тек пернетақтамен пайдалануға болады: мәзірлер Enter және Space "
                "пернелерімен ашылып, Escape пернесімен жабылады, фокус әрдайым көрінеді.",
                "Нашар көретін адамдарға арналған нұсқада қаріп өлшемін, түс контрастын "
                "және жол аралығын өзгертуге, суреттерді өшіруге болады. Бұл нұсқа "
                "JavaScript қосылмаса да жұмыс істейді.",
                "Органдар жүктеген кейбір PDF құжаттар әлі толық қолжетімді емес. "
                "Кедергіге тап болсаңыз, органның байланыс бетіндегі мекенжай арқылы "
                "хабарласыңыз: біз құжатты қолжетімді түрде жібереміз.",
            ],
            "ru": [
                "Сайты сделаны в соответствии с уровнем AA стандарта WCAG 2.2. Каждый "
                "компонент и каждый тип страницы автоматически проверяется на трёх языках.",
                "Сайтом можно пользоваться только с клавиатуры: меню открываются клавишами "
                "Enter и Space и закрываются клавишей Escape, фокус всегда виден.",
                "В версии для слабовидящих можно изменить размер шрифта, цветовой контраст "
                "и межстрочный интервал, отключить изображения. Эта версия работает и без "
                "JavaScript.",
                "Некоторые PDF-документы, загруженные органами, пока не полностью доступны. "
                "Если вы столкнулись с препятствием, напишите по адресу со страницы "
                "контактов органа: мы пришлём документ в доступном виде.",
            ],
            "en": [
                "The websites are built to meet level AA of WCAG 2.2. Every component and "
                "every page type is checked automatically in all three languages.",
                "The sites can be used with a keyboard alone: menus open with Enter and "
                "Space and close with Escape, and the focus is always visible.",
                "The version for the visually impaired lets you change the text size, the "
                "colour contrast and the line spacing, and turn images off. It works "
                "without JavaScript as well.",
                "Some PDF documents uploaded by the bodies are not fully accessible yet. "
                "If something stands in your way, write to the address on the body's "
                "contacts page and we will send you the document in an accessible form.",
            ],
        },
    },
    "privacy": {
        "title": {
            "kk": "Құпиялылық саясаты",
            "ru": "Политика конфиденциальности",
            "en": "Privacy",
        },
        "intro": {
            "kk": "Платформа қандай деректерді жинайтыны және оларды қалай қорғайтыны туралы.",
            "ru": "Какие данные собирает платформа и как она их защищает.",
            "en": "What data the platform collects and how it protects them.",
        },
        "body": {
            "kk": [
                "Сайттарды қарау үшін тіркелу қажет емес. Біз жарнамалық немесе "
                "бақылау cookie файлдарын пайдаланбаймыз және деректерді үшінші "
                "тараптарға бермейміз.",
                "Нашар көретін адамдарға арналған нұсқаның баптаулары сіздің "
                "браузеріңіздегі бір cookie файлында сақталады. Сервер журналдарында "
                "IP мекенжайы мен сұрау уақыты қауіпсіздік мақсатында шектеулі мерзімге "
                "сақталады.",
                "Өтініш жіберген кезде көрсетілген дербес деректер Қазақстан "
                "Республикасының «Дербес деректер және оларды қорғау туралы» Заңына "
                "сәйкес тек өтінішті қарау үшін өңделеді.",
            ],
            "ru": [
                "Для просмотра сайтов регистрация не нужна. Мы не используем рекламные "
                "и отслеживающие cookie и не передаём данные третьим лицам.",
                "Настройки версии для слабовидящих хранятся в одном cookie в вашем "
                "браузере. В журналах сервера IP-адрес и время запроса хранятся "
                "ограниченный срок в целях безопасности.",
                "Персональные данные, указанные при отправке обращения, обрабатываются "
                "только для его рассмотрения в соответствии с Законом Республики "
                "Казахстан «О персональных данных и их защите».",
            ],
            "en": [
                "You do not need to register to read the websites. We use no advertising "
                "or tracking cookies and pass no data to third parties.",
                "The settings of the version for the visually impaired are kept in one "
                "cookie in your browser. Server logs keep the IP address and time of a "
                "request for a limited period, for security.",
                "Personal data given with an appeal are processed only to deal with that "
                "appeal, under the Law of the Republic of Kazakhstan on personal data "
                "and their protection.",
            ],
        },
    },
}


def ensure_portal_pages(portal: PortalHomePage) -> None:
    """Create the shared portal pages that are missing (existing ones are left alone)."""
    existing = set(portal.get_children().values_list("slug", flat=True))
    for slug, texts in PORTAL_PAGES.items():
        if slug in existing:
            continue
        page = SectionPage(slug=slug)
        for lang in LANGUAGE_CODES:
            setattr(page, f"title_{lang}", texts["title"][lang])
            setattr(page, f"intro_{lang}", texts["intro"][lang])
            setattr(page, f"body_{lang}", _body(texts["body"][lang]))
        portal.refresh_from_db()
        portal.add_child(instance=page)
        page.save_revision().publish()


@transaction.atomic
def ensure_portal(hostname: str = "localhost", port: int = 80) -> PortalHomePage:
    """Create the portal home page and the default Site if they are missing."""
    portal = PortalHomePage.objects.first()
    if portal is None:
        root = Page.get_first_root_node()
        # Wagtail's own migration leaves a "Welcome" page; it has no place here.
        for welcome in root.get_children().filter(
            content_type__app_label="wagtailcore", content_type__model="page"
        ):
            if welcome.numchild == 0:
                Site.objects.filter(root_page=welcome).delete()
                welcome.delete()
        portal = PortalHomePage(slug="portal")
        for lang, title in PORTAL_TITLES.items():
            setattr(portal, f"title_{lang}", title)
            setattr(portal, f"intro_{lang}", PORTAL_INTRO[lang])
        root.refresh_from_db()
        root.add_child(instance=portal)
        portal.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=portal,
            is_default_site=True,
            site_name="Birtutas",
        )
    elif site.root_page_id != portal.pk:
        site.root_page = portal
        site.save()
    ensure_portal_pages(portal)
    ensure_platform_admins_group()
    return portal


def ensure_platform_admins_group() -> Group:
    from django.conf import settings

    group, _created = Group.objects.get_or_create(name=settings.PLATFORM_ADMINS_GROUP)
    wanted = Permission.objects.filter(
        content_type__app_label="tenants", codename__in=["add_agency", "change_agency"]
    ) | Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    group.permissions.add(*wanted)
    return group
