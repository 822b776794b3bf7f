"""The per-agency chrome cache (cms.core.chrome): the Site of a host, the agency of a
path, the header and footer menus, the portal home, the breadcrumbs' ancestors and the
private sections are looked up once per agency and language, then read from the cache
by every page, and each change that shows in them retires them at once (menu, agency,
privacy, site, publish).

The page cache is off in the tests (cms/settings/test.py): every request here renders.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from cms.navigation.models import AgencyMenu
from tests.test_navigation import add_page, item, nav_html, page_link, section

# Tables the chrome reads; a page rendered with a warm chrome cache queries none.
CHROME_TABLES = (
    '"wagtailcore_site"',
    '"tenants_agency"',
    '"wagtailcore_pageviewrestriction"',
    '"navigation_agencymenu"',
    '"pages_portalhomepage"."page_ptr_id" = "wagtailcore_page"."id") WHERE "wagtailcore_page"',
)


def render(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), [q["sql"] for q in captured.captured_queries]


def chrome_queries(queries):
    return [q for q in queries if any(table in q for table in CHROME_TABLES)]


@pytest.fixture
def pages(agency_a):
    about = section(agency_a, "about")
    return {
        "history": add_page(about, "history", {"kk": "Тарихы", "ru": "История", "en": "History"}),
        "mandate": add_page(
            about, "mandate", {"kk": "Міндеттері", "ru": "Полномочия", "en": "Mandate"}
        ),
    }


def test_second_page_of_an_agency_reuses_the_chrome(client, agency_a, pages):
    _, first = render(client, "/ru/agency-a/about/history/")
    assert chrome_queries(first), "the first render builds the chrome"
    _, second = render(client, "/ru/agency-a/about/mandate/")
    assert chrome_queries(second) == []
    assert len(second) < len(first)
    # The same page again has its path cached too (cms.pages.routing) and its "last
    # updated" date (cached on its first view): only the page itself is read, and
    # nothing per request is left to cache.
    _, again = render(client, "/ru/agency-a/about/mandate/")
    assert len(again) < len(second)
    _, third = render(client, "/ru/agency-a/about/mandate/")
    assert len(third) == len(again)


def test_chrome_is_cached_per_language(client, agency_a, pages):
    render(client, "/ru/agency-a/about/history/")
    html, queries = render(client, "/kk/agency-a/about/mandate/")
    assert chrome_queries(queries), "another language builds its own chrome"
    assert "Міндеттері" in html


def test_a_menu_change_shows_on_the_next_page(client, agency_a, pages):
    render(client, "/ru/agency-a/about/history/")
    menu = AgencyMenu.objects.create(
        agency=agency_a,
        main_items=[item(page_link(pages["history"], ru="Летопись ведомства"))],
    )
    assert "Летопись ведомства" in nav_html(client, "/ru/agency-a/about/mandate/")
    menu.main_items = [item(page_link(pages["history"], ru="Наша история"))]
    menu.save()
    nav = nav_html(client, "/ru/agency-a/about/history/")
    assert "Наша история" in nav and "Летопись ведомства" not in nav


def test_an_agency_rename_shows_in_the_cached_chrome(client, agency_a, pages):
    html, _ = render(client, "/ru/agency-a/about/history/")
    assert "Агентство А" in html
    agency_a.name_ru = "Министерство переименованное"
    agency_a.save()
    html, _ = render(client, "/ru/agency-a/about/mandate/")
    assert "Министерство переименованное" in html


def test_a_renamed_section_shows_in_the_breadcrumbs(client, agency_a, pages):
    html, _ = render(client, "/en/agency-a/about/history/")
    about = section(agency_a, "about")
    about.title_en = "Who we are"
    about.save_revision().publish()
    html, _ = render(client, "/en/agency-a/about/mandate/")
    crumbs = html.split('class="breadcrumbs', 1)[1].split("</nav>", 1)[0]
    assert "Who we are" in crumbs


def test_a_new_private_section_is_private_at_once(client, agency_a, pages):
    render(client, "/ru/agency-a/about/history/")  # the list of private sections is cached
    PageViewRestriction.objects.create(
        page=pages["history"], restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/ru/agency-a/about/history/")
    assert response.status_code == 302 and "login" in response["Location"]
    # Menus list public pages only.
    assert "/ru/agency-a/about/history/" not in nav_html(client, "/ru/agency-a/about/mandate/")
    PageViewRestriction.objects.filter(page=pages["history"]).delete()
    assert client.get("/ru/agency-a/about/history/").status_code == 200


def test_a_new_site_routes_its_host_at_once(client, agency_a, pages):
    # An unknown host is the default site's (the portal): cached under one entry.
    client.get("/ru/about/history/", HTTP_HOST="a.example.kz")
    Site.objects.create(hostname="a.example.kz", port=80, root_page=agency_a.home_page)
    response = client.get("/ru/about/history/", HTTP_HOST="a.example.kz")
    assert response.status_code == 200
    assert "История" in response.content.decode()


def test_made_up_hosts_share_one_cache_entry(client, agency_a):
    from django.core.cache import cache

    client.get("/ru/agency-a/", HTTP_HOST="one.invalid")
    keys = set(cache._cache)
    client.get("/ru/agency-a/", HTTP_HOST="two.invalid")
    assert set(cache._cache) == keys


# --- routing in one query, then none --------------------------------------------------
ROUTING = '"wagtailcore_page"."url_path" IN'


def routing_queries(queries):
    return [q for q in queries if ROUTING in q]


def test_deep_pages_route_in_one_query_whatever_their_depth(client, agency_a, pages):
    deeper = add_page(pages["history"], "archive", {"kk": "Мұрағат", "ru": "Архив"})
    add_page(deeper, "y2020", {"kk": "2020", "ru": "2020 год"})
    _, shallow = render(client, "/ru/agency-a/about/history/")
    _, shallow = render(client, "/ru/agency-a/about/history/")
    _, cold = render(client, "/ru/agency-a/about/history/archive/y2020/")
    assert len(routing_queries(cold)) == 1
    # Warm: the pages of the path come from the cache (cms.pages.routing).
    _, deep = render(client, "/ru/agency-a/about/history/archive/y2020/")
    assert routing_queries(deep) == []
    # (a leaf lists no children: the deeper page may even cost one query less)
    assert len(deep) <= len(shallow)


def test_a_warm_agency_home_is_served_by_no_query(client, agency_a):
    """The site (with its specific root page), the path, the home page itself
    (cms.pages.routing.specific_page) and its content are cached."""
    render(client, "/kk/agency-a/")
    _, warm = render(client, "/kk/agency-a/")
    assert warm == []


def test_a_renamed_slug_routes_at_once(client, agency_a, pages):
    render(client, "/ru/agency-a/about/history/")
    page = pages["history"]
    page.slug = "chronicle"
    page.save_revision().publish()
    assert client.get("/ru/agency-a/about/history/").status_code == 404
    assert client.get("/ru/agency-a/about/chronicle/").status_code == 200


def test_a_moved_page_routes_at_once(client, agency_a, pages):
    render(client, "/ru/agency-a/about/history/")
    target = section(agency_a, "contacts")
    pages["history"].move(target, pos="last-child")
    # Not routed from the cache: Wagtail's redirect of a moved page answers instead.
    response = client.get("/ru/agency-a/about/history/")
    assert response.status_code == 301
    assert response["Location"] == "/ru/agency-a/contacts/history/"
    assert client.get("/ru/agency-a/contacts/history/").status_code == 200


def test_an_unpublished_page_is_gone_at_once(client, agency_a, pages):
    render(client, "/ru/agency-a/about/history/")
    Page.objects.get(pk=pages["history"].pk).specific.unpublish()
    assert client.get("/ru/agency-a/about/history/").status_code == 404


def test_a_deleted_page_is_gone_at_once(client, agency_a, pages):
    render(client, "/ru/agency-a/about/history/")
    Page.objects.get(pk=pages["history"].pk).delete()
    assert client.get("/ru/agency-a/about/history/").status_code == 404


def test_an_agency_home_slug_change_routes_at_once(client, agency_a, pages):
    render(client, "/ru/agency-a/about/history/")
    home = agency_a.home_page
    home.slug = "agency-renamed"
    home.save_revision().publish()
    assert client.get("/ru/agency-a/about/history/").status_code == 404
    assert client.get("/ru/agency-renamed/about/history/").status_code == 200


def test_unknown_paths_fill_no_cache(client, agency_a, pages):
    from django.core.cache import cache

    client.get("/ru/agency-a/about/nowhere-0/")
    keys = set(cache._cache)
    for n in range(1, 5):
        assert client.get(f"/ru/agency-a/about/nowhere-{n}/").status_code == 404
    assert set(cache._cache) == keys


def test_routing_keeps_wagtails_answers(client, agency_a, pages):
    draft = add_page(pages["history"], "draft", {"kk": "Жоба", "ru": "Черновик"}, publish=False)
    assert client.get("/ru/agency-a/about/history/draft/").status_code == 404
    assert client.get("/ru/agency-a/about/nowhere/").status_code == 404
    assert client.get("/ru/agency-a/nowhere/history/").status_code == 404
    # A live page below a page that is not live is still served, as Wagtail does.
    child = add_page(draft, "child", {"kk": "Бала", "ru": "Дочерняя"})
    assert Page.objects.get(pk=child.pk).live
    assert client.get("/ru/agency-a/about/history/draft/child/").status_code == 200


def test_a_deleted_logo_leaves_the_cached_agency(client, agency_a, pages):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    logo = Image.objects.create(
        title="Эмблема", file=get_test_image_file(), collection=agency_a.collection
    )
    agency_a.logo = logo
    agency_a.save()
    html, _ = render(client, "/ru/agency-a/about/history/")
    assert '"logo"' in html  # the organisation's JSON-LD names it
    logo.delete()
    html, _ = render(client, "/ru/agency-a/about/mandate/")
    assert '"logo"' not in html


# --- one round trip to the cache per warm page -------------------------------------------
@pytest.fixture
def cache_calls(monkeypatch):
    """Every call of the cache backend's reads and writes, by name."""
    from django.core.cache import caches

    backend = caches["default"]
    calls = []
    depth = [0]  # (the calls a backend makes of its own methods are not round trips)
    for name in ("get", "get_many", "has_key", "set", "add", "set_many", "delete"):
        method = getattr(backend, name)

        def counted(*args, _name=name, _method=method, **kwargs):
            if not depth[0]:
                calls.append((_name, args[0] if args else None))
            depth[0] += 1
            try:
                return _method(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(backend, name, counted)
    return calls


def test_a_warm_agency_home_reads_the_chrome_in_one_round_trip(client, agency_a, cache_calls):
    """The chrome's fifteen values are kept by the process under their versioned keys
    (cms.core.chrome): a warm page reads only the versions, in one get_many."""
    for _ in range(2):
        assert client.get("/kk/agency-a/").status_code == 200
    cache_calls.clear()
    assert client.get("/kk/agency-a/").status_code == 200
    chrome_calls = [c for c in cache_calls if "chrome:" in str(c[1]) or "navigation:" in str(c[1])]
    assert chrome_calls == [("get_many", chrome_calls[0][1])], cache_calls


def test_the_process_copy_never_shows_another_agencys_chrome(client, agency_a, agency_b):
    """The values kept by the process (and the versions read ahead per path prefix) are
    under the same agency-scoped keys as the shared cache: each agency's header and
    footer name it, never the agency served before, also after a rename of the other."""
    import re

    footer = re.compile(r'<p class="site-footer__name">(.*?)</p>')
    for _ in range(2):
        for agency, other in ((agency_a, agency_b), (agency_b, agency_a)):
            html = client.get(f"/ru/{agency.slug}/").content.decode()
            assert footer.findall(html) == [agency.name_ru or agency.name]
            assert f'masthead__title">{agency.name_ru or agency.name}<' in html
            assert (other.name_ru or other.name) not in html
    agency_b.name_ru = "Другое ведомство Б"
    agency_b.save()
    html = client.get("/ru/agency-b/").content.decode()
    assert footer.findall(html) == ["Другое ведомство Б"]
    assert "Другое ведомство Б" not in client.get("/ru/agency-a/").content.decode()
