"""What an uncached render reuses: the served page's specific object (kept by the route
cache, cms.pages.routing.specific_page), the agency home's content block rendered
once per agency version, language and site (the `agency_fragment` tag), and the
header's parts rendered once per process for their parameters (the main navigation,
the visually-impaired panel with the page's own "next" put in afterwards).

Each is shown to follow the changes that show in it at once (publish, unpublish,
a plain save, privacy; tests/test_agency_home_cache.py: news, services, the head,
quick links, contacts), to keep agencies, languages,
the Latin script and previews apart, and to give each request its own page object.

The page cache is off in the tests (cms/settings/test.py): every request here renders.
"""

import re
from urllib.parse import urlencode

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from cms.core.translit import latin_text
from cms.pages.models import AgencyHomePage
from cms.pages.routing import path_pages, specific_page
from tests.test_navigation import add_page, section

INTRO = re.compile(r'<main id="main-content".*?</main>', re.S)


def render(client, url, **extra):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response.content.decode(), [q["sql"] for q in captured.captured_queries]


def assert_apart(client, pattern, text_a, text_b):
    """Agency A's page (`pattern` with its slug) shows `text_a` and never `text_b`,
    B's the other way round, rendered in turn, cold and warm."""
    for _ in range(2):
        html_a, _ = render(client, pattern.format("agency-a"))
        html_b, _ = render(client, pattern.format("agency-b"))
        assert text_a in html_a and text_b not in html_a
        assert text_b in html_b and text_a not in html_b


def publish_intro(home_pk, **intros):
    home = AgencyHomePage.objects.get(pk=home_pk)
    for lang, intro in intros.items():
        setattr(home, f"intro_{lang}", intro)
    home.save_revision().publish()


# --- the served page's specific object ---------------------------------------------


def test_a_warm_page_reads_no_page_row(client, agency_a):
    page = add_page(section(agency_a, "about"), "history", {"kk": "Тарихы", "ru": "История"})
    render(client, "/ru/agency-a/about/history/")
    html, warm = render(client, "/ru/agency-a/about/history/")
    assert not [q for q in warm if '"pages_sectionpage"' in q or '"wagtailcore_page"' in q]
    assert page.title_ru in html


def test_a_published_change_of_the_page_shows_at_once(client, agency_a):
    page = add_page(section(agency_a, "about"), "history", {"kk": "Тарихы", "ru": "История"})
    render(client, "/ru/agency-a/about/history/")
    page = Page.objects.get(pk=page.pk).specific
    page.title_ru = "Летопись"
    page.save_revision().publish()
    html, _ = render(client, "/ru/agency-a/about/history/")
    assert "<title>Летопись —" in html and "<title>История" not in html


def test_a_plain_save_of_the_page_shows_at_once(client, agency_a):
    """A script's `save()` publishes nothing but changes the row served."""
    page = add_page(section(agency_a, "about"), "history", {"kk": "Тарихы", "ru": "История"})
    render(client, "/ru/agency-a/about/history/")
    page = Page.objects.get(pk=page.pk).specific
    page.title_ru = "Хроника"
    page.save()
    html, _ = render(client, "/ru/agency-a/about/history/")
    assert "<title>Хроника —" in html


def test_an_unpublished_page_is_not_served_from_the_cache(client, agency_a):
    page = add_page(section(agency_a, "about"), "history", {"kk": "Тарихы", "ru": "История"})
    render(client, "/ru/agency-a/about/history/")
    Page.objects.get(pk=page.pk).specific.unpublish()
    assert client.get("/ru/agency-a/about/history/").status_code == 404


def test_a_cached_page_made_private_asks_for_a_login_at_once(client, agency_a):
    page = add_page(section(agency_a, "about"), "history", {"kk": "Тарихы", "ru": "История"})
    render(client, "/ru/agency-a/about/history/")
    render(client, "/ru/agency-a/about/history/")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/ru/agency-a/about/history/")
    assert response.status_code == 302 and "login" in response["Location"]
    restriction.delete()
    assert client.get("/ru/agency-a/about/history/").status_code == 200


def test_each_request_gets_its_own_page_object(client, agency_a):
    add_page(section(agency_a, "about"), "history", {"kk": "Тарихы", "ru": "История"})
    root = Page.objects.get(pk=agency_a.home_page.pk).get_parent()
    routed = path_pages(root, [agency_a.home_page.slug, "about", "history"])
    base = routed[f"{root.url_path}{agency_a.home_page.slug}/about/history/"]
    first = specific_page(base)
    first.title = "Changed by one request"
    second = specific_page(base)
    assert second is not first and second.title != "Changed by one request"
    assert type(second).__name__ == "SectionPage"


def test_pages_of_the_same_path_in_two_agencies_stay_apart(client, agency_a, agency_b):
    add_page(section(agency_a, "about"), "history", {"kk": "А тарихы", "ru": "История А"})
    add_page(section(agency_b, "about"), "history", {"kk": "Б тарихы", "ru": "История Б"})
    assert_apart(client, "/ru/{}/about/history/", "История А", "История Б")


# --- the agency home's content block -------------------------------------------------


def test_a_warm_agency_home_reads_nothing_from_the_database(client, agency_a):
    render(client, "/kk/agency-a/")
    _, warm = render(client, "/kk/agency-a/")
    assert warm == []


def test_the_home_intro_shows_at_once_in_each_language(client, agency_a):
    publish_intro(agency_a.home_page.pk, kk="Бірінші кіріспе", ru="Первое вступление")
    for lang, text in (("kk", "Бірінші кіріспе"), ("ru", "Первое вступление")):
        assert text in render(client, f"/{lang}/agency-a/")[0]
    publish_intro(agency_a.home_page.pk, kk="Екінші кіріспе", ru="Второе вступление")
    kk, _ = render(client, "/kk/agency-a/")
    ru, _ = render(client, "/ru/agency-a/")
    assert "Екінші кіріспе" in kk and "Бірінші кіріспе" not in kk
    assert "Второе вступление" in ru and "Екінші кіріспе" not in ru


def test_another_agency_never_gets_the_cached_home_block(client, agency_a, agency_b):
    publish_intro(agency_a.home_page.pk, ru="Вступление А")
    publish_intro(agency_b.home_page.pk, ru="Вступление Б")
    assert_apart(client, "/ru/{}/", "Вступление А", "Вступление Б")


def test_a_preview_of_the_home_shows_the_draft_not_the_cached_block(client, agency_a):
    publish_intro(agency_a.home_page.pk, ru="Опубликованное вступление")
    render(client, "/ru/agency-a/")
    render(client, "/ru/agency-a/")
    draft = AgencyHomePage.objects.get(pk=agency_a.home_page.pk)
    draft.intro_ru = "Черновик вступления"
    html = draft.make_preview_request(preview_mode="ru").rendered_content
    assert "Черновик вступления" in html and "Опубликованное вступление" not in html
    assert "Опубликованное вступление" in render(client, "/ru/agency-a/")[0]


def test_the_latin_home_converts_the_cached_block(client, agency_a):
    publish_intro(agency_a.home_page.pk, kk="Жаңа кіріспе")
    cyrillic, _ = render(client, "/kk/agency-a/")
    latin, _ = render(client, "/kk-latn/agency-a/")
    assert "Жаңа кіріспе" in cyrillic
    main = INTRO.search(latin).group(0)
    assert "Жаңа кіріспе" not in main and latin_text("Жаңа кіріспе") in main
    assert "Жаңа кіріспе" in render(client, "/kk/agency-a/")[0]


# --- the header's parts ---------------------------------------------------------------


def vi_links(html):
    return re.findall(r'class="vi-panel__option" href="([^"]+)"', html)


def test_the_vi_panel_links_back_to_the_page_being_served(client, agency_a):
    add_page(section(agency_a, "about"), "history", {"kk": "Тарихы", "ru": "История"})
    for path in ("/ru/agency-a/", "/ru/agency-a/about/history/", "/ru/agency-a/?q=a&b=c"):
        html, _ = render(client, path)
        links = vi_links(html)
        assert len(links) == 11  # ten options and the reset
        tail = urlencode({"next": path})
        assert all(link.endswith("&amp;" + tail) for link in links), links
        assert "viNextQuerySlot" not in html


def test_the_vi_panel_marks_the_visitors_settings(client, agency_a):
    normal, _ = render(client, "/ru/agency-a/")
    client.cookies["vi"] = "text:large|contrast:dark"
    large, _ = render(client, "/ru/agency-a/")
    current = re.compile(r'href="[^"]*\?(\w+=\w+)&amp;next=[^"]*" aria-current="true"')
    assert current.findall(normal) == [
        "text=normal",
        "contrast=normal",
        "spacing=normal",
        "images=on",
    ]
    assert current.findall(large) == ["text=large", "contrast=dark", "spacing=normal", "images=on"]
    assert 'class="vi vi-text-large vi-contrast-dark"' in large


def test_the_main_nav_marks_the_current_section_on_each_page(client, agency_a):
    add_page(section(agency_a, "about"), "history", {"kk": "Тарихы", "ru": "История"})
    home, _ = render(client, "/ru/agency-a/")
    about, _ = render(client, "/ru/agency-a/about/")
    below, _ = render(client, "/ru/agency-a/about/history/")
    marked = re.compile(r'class="main-nav__link" href="/ru/agency-a/about/" aria-current="(\w+)"')
    assert marked.findall(home) == []
    assert marked.findall(about) == ["page"]
    assert marked.findall(below) == ["true"]
    assert marked.findall(render(client, "/ru/agency-a/")[0]) == []
