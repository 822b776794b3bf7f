"""The standard sections of every agency's site, as data.

Provisioning (`cms.platform.provisioning`) creates them under each agency's home page
and `setup_platform` brings existing agencies up to this table; the default main menu
(`cms.navigation.menus`) lists them in this order. Nothing registers sections at run
time: to add a section or give one its own index page type, edit this table (and run
`setup_platform`, which converts an existing plain section in place).

`page_type` is a model label ("app_label.ModelName"), data rather than an import: this
module sits on the pages floor and the page types of the content apps sit above it;
only the platform floor resolves the labels. Every section page type must be
`pages.SectionPage` or a subclass of it (multi-table inheritance), so a plain section
converted to its typed index keeps its id, URL, titles, body and children.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class StandardSection:
    slug: str
    # "app_label.ModelName" of the section's page type.
    page_type: str
    # The section's title in each language (kk, ru, en).
    names: dict[str, str]
    # Model permissions (app_label, codename) the agency's editors need for this
    # section's content beyond the page permissions on the agency's tree, which cover
    # every section.
    editor_permissions: tuple[tuple[str, str], ...] = ()


STANDARD_SECTIONS: tuple[StandardSection, ...] = (
    StandardSection(
        "news",
        "pages.NewsIndexPage",
        {"kk": "Жаңалықтар", "ru": "Новости", "en": "News"},
    ),
    StandardSection(
        "documents",
        "pages.LegalActIndexPage",
        {"kk": "Құжаттар", "ru": "Документы", "en": "Documents"},
    ),
    StandardSection(
        "about",
        "pages.SectionPage",
        {"kk": "Біз туралы", "ru": "О нас", "en": "About"},
    ),
    StandardSection(
        "leadership",
        "organisation.LeadershipPage",
        {"kk": "Басшылық", "ru": "Руководство", "en": "Leadership"},
    ),
    StandardSection(
        "contacts",
        "organisation.ContactsPage",
        {"kk": "Байланыс", "ru": "Контакты", "en": "Contacts"},
    ),
    StandardSection(
        "services",
        "listings.ServiceIndexPage",
        {"kk": "Қызметтер", "ru": "Услуги", "en": "Services"},
    ),
    StandardSection(
        "vacancies",
        "listings.VacancyIndexPage",
        {"kk": "Бос орындар", "ru": "Вакансии", "en": "Vacancies"},
    ),
    StandardSection(
        "events",
        "listings.EventIndexPage",
        {"kk": "Іс-шаралар", "ru": "Мероприятия", "en": "Events"},
    ),
    StandardSection(
        "faq",
        "listings.FAQPage",
        {"kk": "Жиі қойылатын сұрақтар", "ru": "Частые вопросы", "en": "Questions and answers"},
    ),
    StandardSection(
        "media",
        "listings.GalleryIndexPage",
        {"kk": "Медиа", "ru": "Медиа", "en": "Media"},
    ),
    StandardSection(
        "appeals",
        "pages.SectionPage",
        {"kk": "Азаматтардың өтініштері", "ru": "Обращения граждан", "en": "Citizens' appeals"},
    ),
)

SECTION_SLUGS: tuple[str, ...] = tuple(section.slug for section in STANDARD_SECTIONS)

# Model permissions every agency's editors get for the agency's own snippets (quick
# links, menus, promoted search results, search synonyms); the snippet viewsets scope
# them to the agency (cms.tenants.isolation.viewsets.AgencyScopedSnippetViewSet).
EDITOR_SNIPPET_PERMISSIONS: tuple[tuple[str, str], ...] = (
    ("navigation", "add_quicklink"),
    ("navigation", "change_quicklink"),
    ("navigation", "delete_quicklink"),
    ("navigation", "add_agencymenu"),
    ("navigation", "change_agencymenu"),
    ("birtutas_search", "add_promotedresult"),
    ("birtutas_search", "change_promotedresult"),
    ("birtutas_search", "delete_promotedresult"),
    ("birtutas_search", "add_agencysynonym"),
    ("birtutas_search", "change_agencysynonym"),
    ("birtutas_search", "delete_agencysynonym"),
)
