"""What an uncached render reuses: the served page's specific object (kept by the route
cache, cms.pages.routing.specific_page), the agency home's content block rendered
once per agency version, language and site (the `agency_fragment` tag), and the
header's parts rendered once per process for their parameters (the main navigation,
the visually-impaired panel with the page's own "next" put in afterwards), a page's
own parts rendered once per version of the page (`page_fragment`: body, breadcrumbs,
foot; Open Graph; a news item's tags), the legal-acts register once per choice of
filters, and the portal's latest news once per version of the platform's news.

Each is shown to follow the changes that show in it at once (publish, unpublish,
a plain save, privacy; tests/test_agency_home_cache.py: news, services, the head,
quick links, contacts), to keep agencies, languages, hosts, the visually-impaired
version, the Latin script and previews apart, never to serve a private page's parts
to a visitor without access nor a CSRF token to another visitor, and to give each
request its own page object.

The page cache is off in the tests (cms/settings/test.py): every request here renders.
"""

import datetime
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


# --- a page's own parts (page_fragment, seo_meta, the news item's context) ---------
# On the portal site's own host: the parts that hold the address asked (the foot's
# share links, Open Graph) are kept for the hosts the platform knows only.
KNOWN = {"HTTP_HOST": "localhost"}
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def publish_body(page_pk, **bodies):
    page = Page.objects.get(pk=page_pk).specific
    for lang, text in bodies.items():
        setattr(page, f"body_{lang}", [("paragraph", f"<p>{text}</p>")])
    page.save_revision().publish()


def news_item(agency, slug, tags=()):
    from tests.test_content_pages import add_news

    return add_news(agency, slug, tags=tags)


def test_warm_content_pages_read_nothing_from_the_database(client, agency_a):
    add_page(section(agency_a, "about"), "history", {"kk": "Тарихы", "ru": "История"})
    news_item(agency_a, "warm", tags=["water"])
    for url in ("/ru/agency-a/about/history/", "/ru/agency-a/about/", "/ru/agency-a/news/warm/"):
        render(client, url, **KNOWN)
        html, warm = render(client, url, **KNOWN)
        assert warm == [], url
        assert 'property="og:url" content="http://localhost' in html


def test_the_body_shows_a_publish_at_once_in_each_language(client, agency_a):
    page = add_page(section(agency_a, "about"), "history", {"kk": "Тарихы", "ru": "История"})
    publish_body(page.pk, kk="Бірінші мәтін", ru="Первый текст")
    url = "/{}/agency-a/about/history/"
    for lang, text in (("kk", "Бірінші мәтін"), ("ru", "Первый текст")):
        assert text in render(client, url.format(lang), **KNOWN)[0]
        assert text in render(client, url.format(lang), **KNOWN)[0]
    publish_body(page.pk, kk="Екінші мәтін", ru="Второй текст")
    kk, _ = render(client, url.format("kk"), **KNOWN)
    ru, _ = render(client, url.format("ru"), **KNOWN)
    assert "Екінші мәтін" in kk and "Бірінші мәтін" not in kk and "Второй текст" not in kk
    assert "Второй текст" in ru and "Первый текст" not in ru and "Екінші мәтін" not in ru


def test_a_sections_kept_list_follows_its_children_at_once(client, agency_a):
    about = section(agency_a, "about")
    render(client, "/ru/agency-a/about/", **KNOWN)
    child = add_page(about, "mandate", {"kk": "Өкілеттіктер", "ru": "Полномочия"})
    assert "Полномочия" in render(client, "/ru/agency-a/about/", **KNOWN)[0]
    Page.objects.get(pk=child.pk).specific.unpublish()
    assert "Полномочия" not in render(client, "/ru/agency-a/about/", **KNOWN)[0]


def test_a_news_items_tags_follow_a_publish_at_once(client, agency_a):
    item = news_item(agency_a, "tagged", tags=["water"])
    url = "/ru/agency-a/news/tagged/"
    assert "?tag=water" in render(client, url, **KNOWN)[0]
    assert "?tag=water" in render(client, url, **KNOWN)[0]
    item = Page.objects.get(pk=item.pk).specific
    item.tags.set(["roads"])
    item.save_revision().publish()
    html, _ = render(client, url, **KNOWN)
    assert "?tag=roads" in html and "?tag=water" not in html


def test_pages_of_the_same_path_in_two_agencies_keep_their_own_parts(client, agency_a, agency_b):
    page_a = add_page(section(agency_a, "about"), "history", {"kk": "А", "ru": "История А"})
    page_b = add_page(section(agency_b, "about"), "history", {"kk": "Б", "ru": "История Б"})
    publish_body(page_a.pk, ru="Текст агентства А")
    publish_body(page_b.pk, ru="Текст агентства Б")
    for _ in range(2):
        html_a, _ = render(client, "/ru/agency-a/about/history/", **KNOWN)
        html_b, _ = render(client, "/ru/agency-b/about/history/", **KNOWN)
        assert "Текст агентства А" in html_a and "Текст агентства Б" not in html_a
        assert "Текст агентства Б" in html_b and "Текст агентства А" not in html_b
        # The foot's feedback form and the breadcrumbs are each page's own.
        assert f"/feedback/{page_a.pk}/" in html_a and f"/feedback/{page_b.pk}/" not in html_a
        assert f"/feedback/{page_b.pk}/" in html_b and f"/feedback/{page_a.pk}/" not in html_b
        assert 'href="/ru/agency-b/' not in html_a and 'href="/ru/agency-a/' not in html_b


def test_the_latin_and_cyrillic_pages_keep_their_own_script(client, agency_a):
    page = add_page(section(agency_a, "about"), "history", {"kk": "Тарихы", "ru": "История"})
    publish_body(page.pk, kk="Жаңа мәтін")
    for _ in range(2):
        cyrillic, _ = render(client, "/kk/agency-a/about/history/", **KNOWN)
        latin, _ = render(client, "/kk-latn/agency-a/about/history/", **KNOWN)
        assert "Жаңа мәтін" in INTRO.search(cyrillic).group(0)
        main = INTRO.search(latin).group(0)
        assert "Жаңа мәтін" not in main and latin_text("Жаңа мәтін") in main
        assert latin_text("Жаңа мәтін") not in cyrillic


def test_a_visually_impaired_visitor_gets_the_same_body_in_their_version(client, agency_a):
    page = add_page(section(agency_a, "about"), "history", {"kk": "Тарихы", "ru": "История"})
    publish_body(page.pk, ru="Текст страницы")
    normal, _ = render(client, "/ru/agency-a/about/history/", **KNOWN)
    client.cookies["vi"] = "text:large|images:off"
    large, _ = render(client, "/ru/agency-a/about/history/", **KNOWN)
    assert 'class="vi vi-text-large vi-images-off"' in large and '<html lang="ru">' in normal
    assert INTRO.search(normal).group(0) == INTRO.search(large).group(0)


def test_the_address_asked_is_in_the_share_links_and_open_graph(client, agency_a):
    add_page(section(agency_a, "about"), "history", {"kk": "Тарихы", "ru": "История"})
    url = "/ru/agency-a/about/history/"
    for host in ("localhost", "made-up.invalid", "localhost"):
        html, _ = render(client, url, HTTP_HOST=host)
        assert f'property="og:url" content="http://{host}{url}"' in html
        assert f"http%3A%2F%2F{host}%2Fru%2Fagency-a" in html  # a share link
        other = "made-up.invalid" if host == "localhost" else "localhost"
        assert other not in html


def test_a_private_page_is_never_served_from_its_kept_parts(client, agency_a, django_user_model):
    from django.contrib.auth.models import Group

    page = add_page(section(agency_a, "about"), "internal", {"kk": "Ішкі", "ru": "Внутреннее"})
    publish_body(page.pk, ru="Только для своих")
    group = Group.objects.create(name="Readers of agency A")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    reader = django_user_model.objects.create_user("reader", password="x")
    reader.groups.add(group)
    outsider = django_user_model.objects.create_user("outsider", password="x")
    url = "/ru/agency-a/about/internal/"
    client.force_login(reader)
    for _ in range(2):
        assert "Только для своих" in render(client, url, **KNOWN)[0]
    client.force_login(outsider)
    response = client.get(url, **KNOWN)
    assert response.status_code != 200 and "Только для своих" not in response.content.decode()
    client.logout()
    response = client.get(url, **KNOWN)
    assert response.status_code == 302 and "Только для своих" not in response.content.decode()
    # Its section lists it to nobody, the reader included.
    client.force_login(reader)
    assert "Внутреннее" not in render(client, "/ru/agency-a/about/", **KNOWN)[0]


def test_a_preview_shows_the_draft_body_not_the_kept_one(client, agency_a):
    page = add_page(section(agency_a, "about"), "history", {"kk": "Тарихы", "ru": "История"})
    publish_body(page.pk, ru="Опубликованный текст")
    render(client, "/ru/agency-a/about/history/", **KNOWN)
    draft = Page.objects.get(pk=page.pk).specific
    draft.body_ru = [("paragraph", "<p>Черновик текста</p>")]
    html = draft.make_preview_request(preview_mode="ru").rendered_content
    assert "Черновик текста" in html and "Опубликованный текст" not in html
    assert "Опубликованный текст" in render(client, "/ru/agency-a/about/history/", **KNOWN)[0]


def test_a_form_page_gives_each_visitor_their_own_csrf_token(client, agency_a):
    from django.test import Client

    from tests.appeals_helpers import make_form_page

    page = make_form_page(agency_a)
    url = page.get_url()
    tokens = set()
    for visitor in (Client(), Client(), client):
        response = visitor.get(url, **KNOWN)
        assert response.status_code == 200
        tokens.update(CSRF.findall(response.content.decode()))
    assert len(tokens) == 3


# --- the legal-acts register: one page per choice of filters ---------------------------


def add_act(agency, slug, **fields):
    from tests.test_content_pages import add_act as add

    return add(agency, slug, **fields)


def test_the_register_follows_a_published_act_in_each_filtered_page(client, agency_a):
    add_act(agency_a, "order-1", act_type="order", date=datetime.date(2025, 5, 20))
    urls = ("/ru/agency-a/documents/", "/ru/agency-a/documents/?type=order&year=2025")
    for url in urls:
        render(client, url, **KNOWN)
        html, warm = render(client, url, **KNOWN)
        assert "ru act order-1" in html and warm == [], url
    add_act(agency_a, "order-2", act_type="order", date=datetime.date(2025, 6, 1))
    for url in urls:
        assert "ru act order-2" in render(client, url, **KNOWN)[0], url
    decree, _ = render(client, "/ru/agency-a/documents/?type=decree", **KNOWN)
    assert "ru act order-1" not in decree and "ru act order-2" not in decree


def test_a_register_page_that_gave_a_notice_is_never_kept(client, agency_a):
    add_act(agency_a, "order-1")
    for value in ("bogus", "unknown"):
        for _ in range(2):
            html, _ = render(client, f"/ru/agency-a/documents/?type={value}", **KNOWN)
            assert f"«{value}»" in html or f"“{value}”" in html
            assert "ru act order-1" in html
    response = client.get("/ru/agency-a/documents/?page=9", **KNOWN)
    assert response.status_code == 404
    assert client.get("/ru/agency-a/documents/?page=9", **KNOWN).status_code == 404
    # A number not written as its digits is served, never kept (a bounded set is).
    assert "ru act order-1" in render(client, "/ru/agency-a/documents/?page=01", **KNOWN)[0]


def test_two_agencies_registers_stay_apart(client, agency_a, agency_b):
    add_act(agency_a, "order-a")
    add_act(agency_b, "order-b")
    assert_apart(client, "/ru/{}/documents/?type=order", "ru act order-a", "ru act order-b")


# --- the portal's latest news ----------------------------------------------------------


def portal_news(client):
    """The portal's news column ("" when it shows none)."""
    html, _ = render(client, "/ru/")
    if 'class="portal-news"' not in html:
        return ""
    return html.split('class="portal-news"', 1)[1].split("</section>", 1)[0]


def test_the_portals_news_follow_a_publish_an_unpublish_and_a_rename_at_once(client, agency_a):
    render(client, "/ru/")
    _, warm = render(client, "/ru/")
    assert warm == []
    item = news_item(agency_a, "fresh")
    assert "ru news fresh" in portal_news(client)
    agency_a.name_ru = "Переименованное агентство"
    agency_a.save()
    assert "Переименованное агентство" in portal_news(client)
    Page.objects.get(pk=item.pk).specific.unpublish()
    assert "ru news fresh" not in portal_news(client)


def test_a_moved_news_section_moves_the_portals_links_at_once(client, agency_a):
    news_item(agency_a, "moving")
    assert 'href="/ru/agency-a/news/moving/"' in portal_news(client)
    news = section(agency_a, "news").specific
    news.slug_ru = news.slug = "press"
    news.save_revision().publish()
    assert 'href="/ru/agency-a/press/moving/"' in portal_news(client)


# --- the news archive and the listings' sections ----------------------------------------


def listing_helpers():
    import tests.test_listings as listings

    return listings


def test_warm_listing_pages_read_nothing_from_the_database(client, agency_a):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    lst = listing_helpers()
    image = get_image_model().objects.create(
        title="Photo", file=get_test_image_file(size=(640, 480)), collection=agency_a.collection
    )
    news_item(agency_a, "warm", tags=["water"])
    pages = [
        lst.add_service(agency_a, "passport"),
        lst.add_vacancy(agency_a, "analyst"),
        lst.add_event(agency_a, "forum", days=3),
        lst.add_event(agency_a, "gone", days=-3),
        lst.add_gallery(agency_a, image),
    ]
    urls = ["/ru/agency-a/news/", "/ru/agency-a/news/?tag=water&year=2026&page=1"]
    urls += [lst.url(lst.section(agency_a, s), "ru") for s in ("services", "vacancies", "events")]
    urls += [lst.url(lst.section(agency_a, "media"), "ru")]
    urls += [lst.url(page, "ru") for page in pages]
    for url in urls:
        cold, _ = render(client, url, **KNOWN)
        html, warm = render(client, url, **KNOWN)
        assert warm == [], url
        assert html == cold, url


def test_the_news_archive_follows_a_publish_and_an_unpublish_in_each_filtered_page(
    client, agency_a
):
    news_item(agency_a, "first", tags=["water"])
    urls = ("/ru/agency-a/news/", "/ru/agency-a/news/?tag=water&year=2026")
    for url in urls:
        assert "ru news first" in render(client, url, **KNOWN)[0]
        assert "ru news first" in render(client, url, **KNOWN)[0]
    second = news_item(agency_a, "second", tags=["water"])
    for url in urls:
        assert "ru news second" in render(client, url, **KNOWN)[0], url
    Page.objects.get(pk=second.pk).specific.unpublish()
    for url in urls:
        html, _ = render(client, url, **KNOWN)
        assert "ru news second" not in html and "ru news first" in html, url
    roads, _ = render(client, "/ru/agency-a/news/?year=2025", **KNOWN)
    assert "ru news first" not in roads


def test_a_news_archive_page_that_gave_a_notice_is_never_kept(client, agency_a):
    news_item(agency_a, "first")
    for query in ("tag=bogus", "year=abc", "category=none"):
        for _ in range(2):
            html, _ = render(client, f"/ru/agency-a/news/?{query}", **KNOWN)
            value = query.split("=")[1]
            assert f"«{value}»" in html or f"“{value}”" in html, query
            assert "ru news first" in html
    assert client.get("/ru/agency-a/news/?page=9", **KNOWN).status_code == 404
    assert client.get("/ru/agency-a/news/?page=9", **KNOWN).status_code == 404
    # The same archive without the notice: kept apart from what gave one.
    html, _ = render(client, "/ru/agency-a/news/", **KNOWN)
    assert "«bogus»" not in html and "“bogus”" not in html and "ru news first" in html
    assert "ru news first" in render(client, "/ru/agency-a/news/?page=01", **KNOWN)[0]


def test_news_archives_keep_agencies_and_languages_apart(client, agency_a, agency_b):
    news_item(agency_a, "from-a")
    news_item(agency_b, "from-b")
    assert_apart(client, "/ru/{}/news/", "ru news from-a", "ru news from-b")
    for _ in range(2):
        kk, _ = render(client, "/kk/agency-a/news/", **KNOWN)
        ru, _ = render(client, "/ru/agency-a/news/", **KNOWN)
        assert "kk news from-a" in kk and "ru news from-a" not in kk
        assert "ru news from-a" in ru and "kk news from-a" not in ru


def test_listing_sections_follow_a_publish_and_an_unpublish_at_once(client, agency_a):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    lst = listing_helpers()
    image = get_image_model().objects.create(
        title="Photo", file=get_test_image_file(size=(640, 480)), collection=agency_a.collection
    )
    adders = {
        "services": lambda: lst.add_service(agency_a, "kept", marker="Хранимая"),
        "vacancies": lambda: lst.add_vacancy(agency_a, "kept", marker="Хранимая"),
        "events": lambda: lst.add_event(agency_a, "kept", days=3, marker="Хранимая"),
        "media": lambda: lst.add_gallery(agency_a, image, slug="kept"),
    }
    for slug, add in adders.items():
        url = lst.url(lst.section(agency_a, slug), "ru")
        render(client, url, **KNOWN)
        render(client, url, **KNOWN)
        page = add()
        assert page.title_ru in render(client, url, **KNOWN)[0], slug
        marker = f"Раздел {slug}: изменено"
        page.title_ru = marker
        page.save_revision().publish()
        assert marker in render(client, url, **KNOWN)[0], slug
        Page.objects.get(pk=page.pk).specific.unpublish()
        assert marker not in render(client, url, **KNOWN)[0], slug


def test_two_agencies_listing_sections_stay_apart(client, agency_a, agency_b):
    lst = listing_helpers()
    lst.add_service(agency_a, "passport", marker="Агентство А")
    lst.add_service(agency_b, "passport", marker="Агентство Б")
    assert_apart(client, "/ru/{}/services/", "Агентство А", "Агентство Б")
    assert_apart(client, "/ru/{}/services/passport/", "Агентство А", "Агентство Б")


def test_a_kept_event_moves_to_the_past_when_it_ends(client, agency_a, monkeypatch):
    from django.utils import timezone

    lst = listing_helpers()
    event = lst.add_event(agency_a, "soon", days=0, marker="Сегодня")  # ends in 3 hours
    index, item = lst.url(lst.section(agency_a, "events"), "en"), lst.url(event, "en")
    for _ in range(2):
        upcoming, past = render(client, index, **KNOWN)[0].split('id="events-past"')
        assert "Сегодня en" in upcoming and "Сегодня en" not in past
        assert "Upcoming event" in render(client, item, **KNOWN)[0]
    later = event.end + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    for _ in range(2):
        upcoming, past = render(client, index, **KNOWN)[0].split('id="events-past"')
        assert "Сегодня en" in past and "Сегодня en" not in upcoming
        html, _ = render(client, item, **KNOWN)
        assert "Past event" in html and "Upcoming event" not in html


def test_a_kept_vacancy_closes_when_its_last_day_ends(client, agency_a, monkeypatch):
    from django.utils import timezone

    lst = listing_helpers()
    today = timezone.localdate()
    vacancy = lst.add_vacancy(agency_a, "today", closing=today, marker="Последний")
    index, item = lst.url(lst.section(agency_a, "vacancies"), "en"), lst.url(vacancy, "en")
    closed = "Applications for this vacancy are closed."
    for _ in range(2):
        assert "Последний" in render(client, index, **KNOWN)[0]
        assert closed not in render(client, item, **KNOWN)[0]
    # The next day, before publish_scheduled has unpublished it.
    tomorrow = today + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: tomorrow)
    for _ in range(2):
        assert "Последний" not in render(client, index, **KNOWN)[0]
        assert closed in render(client, item, **KNOWN)[0]


def test_a_listed_item_made_private_leaves_the_kept_listing_at_once(client, agency_a):
    lst = listing_helpers()
    service = lst.add_service(agency_a, "internal", marker="Служебная")
    url = "/ru/agency-a/services/"
    for _ in range(2):
        assert "Служебная" in render(client, url, **KNOWN)[0]
    PageViewRestriction.objects.create(page=service, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):
        assert "Служебная" not in render(client, url, **KNOWN)[0]


# --- the agency's news feed ---------------------------------------------------------------


def test_a_warm_feed_only_finds_its_agency_and_follows_a_publish_at_once(client, agency_a):
    news_item(agency_a, "first")
    for path in ("/ru/agency-a/news/feed/", "/ru/agency-a/news/atom/"):
        cold, _ = render(client, path, **KNOWN)
        html, warm = render(client, path, **KNOWN)
        assert html == cold and "ru news first" in html
        assert len(warm) <= 1 and all('"tenants_agency"' in q for q in warm), warm
    second = news_item(agency_a, "second")
    for path in ("/ru/agency-a/news/feed/", "/ru/agency-a/news/atom/"):
        assert "ru news second" in render(client, path, **KNOWN)[0]
    Page.objects.get(pk=second.pk).specific.unpublish()
    for path in ("/ru/agency-a/news/feed/", "/ru/agency-a/news/atom/"):
        html, _ = render(client, path, **KNOWN)
        assert "ru news second" not in html and "ru news first" in html
        assert "http://localhost/ru/agency-a/news/first/" in html


def test_feeds_keep_agencies_languages_and_hosts_apart(client, agency_a, agency_b):
    news_item(agency_a, "from-a")
    news_item(agency_b, "from-b")
    assert_apart(client, "/ru/{}/news/feed/", "ru news from-a", "ru news from-b")
    for _ in range(2):
        kk, _ = render(client, "/kk/agency-a/news/feed/", **KNOWN)
        ru, _ = render(client, "/ru/agency-a/news/feed/", **KNOWN)
        assert "kk news from-a" in kk and "ru news from-a" not in kk
        assert "ru news from-a" in ru and "kk news from-a" not in ru
    # Each host gets its own links; a host the platform does not name is written
    # afresh (its news read again), never kept.
    for host in ("localhost", "made-up.invalid", "localhost", "made-up.invalid"):
        html, queries = render(client, "/ru/agency-a/news/feed/", HTTP_HOST=host)
        other = "made-up.invalid" if host == "localhost" else "localhost"
        assert f"http://{host}/ru/agency-a/" in html and f"http://{other}" not in html
        if host != "localhost":
            assert [q for q in queries if '"pages_newspage"' in q], host
