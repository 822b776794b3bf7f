"""The agency's main menu and footer on the public site: the default menu of the
standard sections, a custom menu, cache invalidation, the portal's shared pages,
reserved slugs and breadcrumbs.

Fixture tree (from conftest: portal, agency_a; `structure` adds one sub-page):

    portal (/)
    ├── about-platform, accessibility, privacy     (ensure_portal)
    └── agency-a
        ├── news, documents, about, ..., appeals   (provisioning)
        └── about/structure                        (structure)
"""

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.html import escape

from cms.navigation.menus import MAX_SUBMENU
from cms.navigation.models import AgencyMenu
from cms.pages.models import SectionPage
from cms.pages.sections import STANDARD_SECTIONS
from cms.platform.portal import PORTAL_PAGES, ensure_portal
from cms.platform.provisioning import provision_agency
from cms.tenants.models import PORTAL_PAGE_SLUGS, RESERVED_SLUGS, validate_slug

LANGS = ("kk", "ru", "en")
EGOV = "https://egov.kz/"
NAV = re.compile(r'<nav class="main-nav".*?</nav>', re.S)
FOOTER = re.compile(r"<footer.*?</footer>", re.S)


def section(agency, slug):
    return SectionPage.objects.child_of(agency.home_page).get(slug=slug)


def add_page(parent, slug, titles, publish=True):
    page = SectionPage(slug=slug, live=publish)
    for lang, title in titles.items():
        setattr(page, f"title_{lang}", title)
        setattr(page, f"body_{lang}", [("paragraph", f"<p>{title}</p>")])
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


@pytest.fixture
def structure(agency_a):
    return add_page(
        section(agency_a, "about"),
        "structure",
        {"kk": "Құрылымы", "ru": "Структура", "en": "Structure"},
    )


def nav_html(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return NAV.search(response.content.decode()).group(0)


def footer_html(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return FOOTER.search(response.content.decode()).group(0)


def page_link(value_page=None, url="", **labels):
    value = {"page": value_page.pk if value_page else None, "url": url}
    for lang in LANGS:
        value[f"label_{lang}"] = labels.get(lang, "")
    return value


def item(value, children=()):
    return {
        "type": "item",
        "value": {**value, "children": [{"type": "item", "value": c} for c in children]},
    }


# --- default menu -------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_default_menu_lists_the_standard_sections_with_their_pages(
    client, agency_a, structure, lang
):
    nav = nav_html(client, f"/{lang}/agency-a/")
    for slug, titles in ((s.slug, s.names) for s in STANDARD_SECTIONS):
        assert f'href="/{lang}/agency-a/{slug}/">{escape(titles[lang])}</a>' in nav
    # The submenu of About holds its live sub-page, behind a disclosure button.
    title = {"kk": "Құрылымы", "ru": "Структура", "en": "Structure"}[lang]
    assert f'href="/{lang}/agency-a/about/structure/">{title}</a>' in nav
    assert 'aria-controls="main-nav-sub-3"' in nav  # about is the third section
    assert 'id="main-nav-sub-3" data-submenu hidden' in nav
    # Without JavaScript the buttons stay hidden and the top links work on their own.
    assert nav.count("data-submenu-button hidden") == 1
    assert "data-menu-button hidden" in nav


def test_default_menu_leaves_out_drafts_feeds_and_long_sections(client, agency_a, structure):
    add_page(section(agency_a, "about"), "draft", {"kk": "Жоба", "ru": "Черновик"}, publish=False)
    documents = section(agency_a, "documents")
    for n in range(MAX_SUBMENU + 1):
        add_page(documents, f"doc-{n}", {"kk": f"Құжат {n}", "ru": f"Документ {n}"})
    section(agency_a, "vacancies").unpublish()
    nav = nav_html(client, "/ru/agency-a/")
    assert "/ru/agency-a/about/draft/" not in nav
    assert "/ru/agency-a/documents/doc-0/" not in nav  # listed on the section page
    assert "/ru/agency-a/vacancies/" not in nav
    assert "/ru/agency-a/about/structure/" in nav


def test_current_page_and_its_section_are_marked(client, agency_a, structure):
    nav = nav_html(client, "/ru/agency-a/about/structure/")
    assert 'href="/ru/agency-a/about/" aria-current="true"' in nav
    assert 'href="/ru/agency-a/about/structure/" aria-current="page"' in nav
    nav = nav_html(client, "/ru/agency-a/news/")
    assert 'href="/ru/agency-a/news/" aria-current="page"' in nav


# --- custom menu --------------------------------------------------------------------
@pytest.fixture
def custom_menu(agency_a, structure):
    about = section(agency_a, "about")
    contacts = section(agency_a, "contacts")
    services = section(agency_a, "services")
    menu = AgencyMenu(agency=agency_a)
    menu.main_items = [
        item(page_link(contacts)),
        item(
            page_link(about, kk="Агенттік туралы", ru="Об агентстве", en="About the agency"),
            children=[page_link(structure), page_link(services)],
        ),
        item(
            page_link(
                url="https://egov.kz/", kk="Электрондық үкімет", ru="Электронное правительство"
            )
        ),
    ]
    menu.footer_columns = [
        {
            "type": "column",
            "value": {
                "heading_kk": "Азаматтарға",
                "heading_ru": "Гражданам",
                "heading_en": "For citizens",
                "links": [
                    {"type": "item", "value": page_link(services)},
                    {
                        "type": "item",
                        "value": page_link(url="https://egov.kz/", kk="eGov", ru="eGov", en="eGov"),
                    },
                ],
            },
        }
    ]
    menu.full_clean()
    menu.save()
    return menu


EXPECTED_CUSTOM = {
    "kk": ("Байланыс", "Агенттік туралы", "Құрылымы", "Электрондық үкімет", "Азаматтарға"),
    "ru": ("Контакты", "Об агентстве", "Структура", "Электронное правительство", "Гражданам"),
    "en": (
        "Contacts",
        "About the agency",
        "Structure",
        "Электронное правительство",
        "For citizens",
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_custom_menu_renders_in_order_with_labels(client, custom_menu, lang):
    contacts, about, structure, egov, column = EXPECTED_CUSTOM[lang]
    nav = nav_html(client, f"/{lang}/agency-a/")
    positions = [
        nav.index(f'href="/{lang}/agency-a/contacts/">{contacts}</a>'),
        nav.index(f">{about}</a>"),
        nav.index(f'href="/{lang}/agency-a/about/structure/">{structure}</a>'),
        nav.index(
            'href="https://egov.kz/"' + (' lang="ru"' if lang == "en" else "") + f">{egov}</a>"
        ),
    ]
    assert positions == sorted(positions)
    # Sections that the editor left out of the menu are not in it.
    assert f"/{lang}/agency-a/vacancies/" not in nav
    footer = footer_html(client, f"/{lang}/agency-a/")
    assert f">{column}</h2>" in footer
    assert f'href="/{lang}/agency-a/services/"' in footer


def test_custom_menu_drops_unpublished_pages(client, custom_menu, structure):
    structure.unpublish()
    nav = nav_html(client, "/ru/agency-a/")
    assert "/ru/agency-a/about/structure/" not in nav
    assert "/ru/agency-a/contacts/" in nav


def test_empty_custom_menu_falls_back_to_the_sections(client, agency_a):
    AgencyMenu.objects.create(agency=agency_a)
    nav = nav_html(client, "/kk/agency-a/")
    assert 'href="/kk/agency-a/news/"' in nav


def test_menus_are_per_agency(client, custom_menu, agency_b):
    nav = nav_html(client, "/ru/agency-b/")
    assert "Об агентстве" not in nav and "agency-a" not in nav
    assert 'href="/ru/agency-b/news/"' in nav


# --- validation ---------------------------------------------------------------------
def test_menu_refuses_another_agencys_page(agency_a, agency_b):
    menu = AgencyMenu(agency=agency_b, main_items=[item(page_link(section(agency_a, "news")))])
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            menu.full_clean()
        assert "own site" in str(error.value)


def test_menu_refuses_portal_pages(agency_a):
    portal = ensure_portal()
    privacy = portal.get_children().get(slug="privacy")
    menu = AgencyMenu(agency=agency_a, main_items=[item(page_link(privacy))])
    with pytest.raises(ValidationError):
        menu.full_clean()


@pytest.mark.parametrize(
    "value, field",
    [
        (page_link(), "page"),
        (page_link(url="https://egov.kz/", kk="eGov"), "label_ru"),
    ],
)
def test_link_block_errors_name_the_field(agency_a, value, field):
    from wagtail.blocks.struct_block import StructBlockValidationError

    from cms.navigation.blocks import LinkBlock

    block = LinkBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(value))
    assert field in error.value.block_errors


def test_link_block_refuses_page_and_url_together(agency_a):
    from wagtail.blocks.struct_block import StructBlockValidationError

    from cms.navigation.blocks import LinkBlock

    block = LinkBlock()
    value = page_link(section(agency_a, "news"), url="https://egov.kz/", kk="a", ru="b")
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(value))
    assert "url" in error.value.block_errors


def test_one_menu_per_agency(agency_a):
    AgencyMenu.objects.create(agency=agency_a)
    with pytest.raises(ValidationError):
        AgencyMenu(agency=agency_a).full_clean()


# --- cache ----------------------------------------------------------------------------
def test_cache_key_holds_agency_and_language(client, agency_a, agency_b):
    assert 'href="/kk/agency-a/news/">Жаңалықтар' in nav_html(client, "/kk/agency-a/")
    assert 'href="/ru/agency-a/news/">Новости' in nav_html(client, "/ru/agency-a/")
    assert 'href="/kk/agency-b/news/">Жаңалықтар' in nav_html(client, "/kk/agency-b/")


def test_publishing_a_page_refreshes_the_cached_menu(client, agency_a):
    assert "/ru/agency-a/about/history/" not in nav_html(client, "/ru/agency-a/")
    page = add_page(section(agency_a, "about"), "history", {"kk": "Тарих", "ru": "История"})
    assert "/ru/agency-a/about/history/" in nav_html(client, "/ru/agency-a/")
    page.unpublish()
    assert "/ru/agency-a/about/history/" not in nav_html(client, "/ru/agency-a/")


def test_renaming_a_section_refreshes_the_cached_menu(client, agency_a):
    nav_html(client, "/ru/agency-a/")
    about = section(agency_a, "about")
    about.title_ru = "Об агентстве"
    about.save_revision().publish()
    assert ">Об агентстве</a>" in nav_html(client, "/ru/agency-a/")


def test_saving_or_deleting_the_menu_refreshes_the_cached_menu(client, agency_a, agency_b):
    nav_html(client, "/ru/agency-a/")
    nav_html(client, "/ru/agency-b/")
    menu = AgencyMenu.objects.create(
        agency=agency_a, main_items=[item(page_link(section(agency_a, "contacts")))]
    )
    nav = nav_html(client, "/ru/agency-a/")
    assert "/ru/agency-a/contacts/" in nav and "/ru/agency-a/news/" not in nav
    # Another agency's cached menu is untouched by A's save (and still right).
    assert "/ru/agency-b/news/" in nav_html(client, "/ru/agency-b/")
    menu.delete()
    assert "/ru/agency-a/news/" in nav_html(client, "/ru/agency-a/")


def test_a_lost_version_key_never_brings_back_an_old_menu(client, agency_a):
    from django.core.cache import cache

    from cms.navigation import menus

    nav_html(client, "/ru/agency-a/")
    add_page(section(agency_a, "about"), "history", {"kk": "Тарих", "ru": "История"})
    cache.delete(menus._version_key(agency_a.home_page.path))
    assert "/ru/agency-a/about/history/" in nav_html(client, "/ru/agency-a/")


# --- portal pages and reserved slugs ----------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_portal_pages_exist_and_every_footer_links_them(client, agency_a, agency_b, lang):
    for slug in PORTAL_PAGE_SLUGS:
        response = client.get(f"/{lang}/{slug}/")
        assert response.status_code == 200
        assert f"<h1>{PORTAL_PAGES[slug]['title'][lang]}</h1>" in response.content.decode()
    for url in (f"/{lang}/", f"/{lang}/agency-a/", f"/{lang}/agency-b/news/"):
        footer = footer_html(client, url)
        for slug in PORTAL_PAGE_SLUGS:
            assert f'href="/{lang}/{slug}/">{PORTAL_PAGES[slug]["title"][lang]}</a>' in footer


def test_portal_pages_are_created_once(portal):
    ensure_portal()
    ensure_portal()
    assert portal.get_children().filter(slug__in=PORTAL_PAGE_SLUGS).count() == 3


def test_portal_page_slugs_are_reserved(portal):
    assert set(PORTAL_PAGE_SLUGS) <= RESERVED_SLUGS
    assert tuple(PORTAL_PAGES) == PORTAL_PAGE_SLUGS
    for slug in PORTAL_PAGE_SLUGS:
        with pytest.raises(ValidationError) as error:
            validate_slug(slug)
        assert error.value.code == "reserved_slug"
        with pytest.raises(ValidationError):
            provision_agency(slug=slug, names={"kk": "Орган", "ru": "Орган", "en": "Body"})


@pytest.mark.parametrize("slug", PORTAL_PAGE_SLUGS)
def test_agency_admin_form_refuses_a_portal_slug(client, portal, slug):
    from cms.tenants.models import Agency
    from tests.factories import UserFactory
    from tests.test_agency_admin import ADD, valid_data

    client.force_login(UserFactory(username="root", is_superuser=True))
    response = client.post(ADD, valid_data(slug=slug))
    assert response.status_code == 200
    assert [e.code for e in response.context["form"].errors.as_data()["slug"]] == ["reserved_slug"]
    assert not Agency.objects.filter(slug=slug).exists()


# --- breadcrumbs ------------------------------------------------------------------------
CRUMBS = re.compile(r'<nav class="breadcrumbs".*?</nav>', re.S)


def test_breadcrumbs_under_the_portal_path(client, agency_a, structure):
    html = CRUMBS.search(client.get("/ru/agency-a/about/structure/").content.decode()).group(0)
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert hrefs == ["/ru/", "/ru/agency-a/", "/ru/agency-a/about/"]
    assert '<span aria-current="page">Структура</span>' in html


def test_breadcrumbs_on_the_agencys_own_host_start_at_its_home(client, portal):
    agency = provision_agency(
        slug="akimat",
        names={"kk": "Әкімдік", "ru": "Акимат", "en": "Akimat"},
        hostname="akimat.example.kz",
    ).agency
    add_page(section(agency, "about"), "structure", {"kk": "Құрылымы", "ru": "Структура"})
    response = client.get("/ru/about/structure/", HTTP_HOST="akimat.example.kz")
    html = CRUMBS.search(response.content.decode()).group(0)
    assert re.findall(r'href="([^"]+)"', html) == ["/ru/", "/ru/about/"]
    assert ">Акимат</a>" in html
    # Its menu links stay on its own host, without the slug.
    nav = NAV.search(response.content.decode()).group(0)
    assert 'href="/ru/about/" aria-current="true"' in nav
    assert 'href="/ru/about/structure/" aria-current="page"' in nav


def test_portal_page_breadcrumbs(client, portal):
    html = CRUMBS.search(client.get("/en/privacy/").content.decode()).group(0)
    assert re.findall(r'href="([^"]+)"', html) == ["/en/"]
