"""The anonymous full-page cache (cms/core/pagecache.py): what it stores, that a hit
touches no database, and that every change shows at once on every cached page that
shows it, in every language, on the portal's host and on the agency's own host."""

import pytest
from django.core.cache import cache
from django.db import connection
from wagtail.models import PageViewRestriction

from cms.core import pagecache
from cms.navigation.models import AgencyMenu
from cms.pages.models import NewsIndexPage
from cms.platform.provisioning import archive_agency, provision_agency, update_agency
from tests.appeals_helpers import make_form_page
from tests.factories import UserFactory
from tests.test_feeds import add_news, make_private

LANGS = ("kk", "ru", "en")
HOST = "akimat.example.kz"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_PURGE = ""


@pytest.fixture
def akimat(portal):
    """An agency with its own host name."""
    return provision_agency(
        slug="akimat",
        names={"kk": "Әкімдік", "ru": "Акимат", "en": "Akimat"},
        hostname=HOST,
    ).agency


def get(client, url, host=None, **extra):
    if host:
        extra["HTTP_HOST"] = host
    return client.get(url, **extra)


def text(client, url, host=None) -> str:
    response = get(client, url, host)
    assert response.status_code == 200, (url, host, response.status_code)
    return response.content.decode()


def news_views(lang):
    """Every cached view that shows the akimat's news: (url, host)."""
    return [
        (f"/{lang}/akimat/", None),
        (f"/{lang}/akimat/news/", None),
        (f"/{lang}/akimat/news/feed/", None),
        (f"/{lang}/", HOST),
        (f"/{lang}/news/", HOST),
        (f"/{lang}/news/feed/", HOST),
    ]


def warm(client, views):
    for url, host in views:
        first = get(client, url, host)
        assert first.status_code == 200, (url, host)
        second = get(client, url, host)
        assert second[pagecache.HEADER] == "hit", (url, host)


def all_news_views():
    return [view for lang in LANGS for view in news_views(lang)]


# --- What is stored, and how it is served ----------------------------------------------
def test_second_get_is_a_hit_that_touches_no_database(client, agency_a, django_assert_num_queries):
    first = client.get("/kk/agency-a/")
    assert first.status_code == 200
    assert first[pagecache.HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/kk/agency-a/")
    assert second[pagecache.HEADER] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"].startswith("text/html")
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "Set-Cookie" not in second


SECURITY_HEADERS = (
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Frame-Options",
    "Content-Security-Policy",
    "Permissions-Policy",
)


def test_a_hit_is_answered_first_and_keeps_the_security_headers(client, agency_a, settings):
    # First: a hit runs no other middleware (no session, locale, CSP work)...
    assert settings.MIDDLEWARE[0] == "cms.core.pagecache.PageCacheMiddleware"
    first = client.get("/kk/agency-a/")
    second = client.get("/kk/agency-a/")
    assert second[pagecache.HEADER] == "hit"
    # ...so the headers of the middleware below are stored with the page.
    for name in SECURITY_HEADERS:
        assert second[name] == first[name], name
    # A deploy that changes them retires the stored pages (the middleware read the
    # setting when this client started: the header itself changes on restart).
    settings.SECURE_REFERRER_POLICY = "no-referrer"
    assert client.get("/kk/agency-a/")[pagecache.HEADER] == "miss"


def test_headers_let_a_cdn_cache_and_browsers_revalidate(
    client, agency_a, django_assert_num_queries
):
    response = client.get("/ru/agency-a/about/")
    control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert control == {"public", "max-age=0", "s-maxage=60"}
    assert response["Vary"] == "Cookie"
    assert response["ETag"].startswith('"') and response["Last-Modified"].endswith("GMT")
    with django_assert_num_queries(0):
        again = client.get("/ru/agency-a/about/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    with django_assert_num_queries(0):
        head = client.head("/ru/agency-a/about/")
    assert head.status_code == 200 and head[pagecache.HEADER] == "hit"
    assert head["Content-Length"] == str(len(response.content))


def test_feeds_sitemaps_and_robots_do_not_vary_on_cookies(client, agency_a):
    for url in ("/kk/agency-a/news/feed/", "/sitemap.xml", "/kk/agency-a/sitemap.xml"):
        client.get(url)
        response = client.get(url)
        assert response[pagecache.HEADER] == "hit", url
        assert "Vary" not in response, url
        assert "public" in response["Cache-Control"]


def test_the_key_holds_host_language_query_and_visually_impaired_version(client, akimat):
    kk = text(client, "/kk/akimat/news/")
    assert text(client, "/ru/akimat/news/") != kk
    assert get(client, "/kk/news/", HOST)[pagecache.HEADER] == "miss"
    # Allow-listed parameters make their own entry; others are not cached at all.
    assert get(client, "/kk/akimat/news/?page=1")[pagecache.HEADER] == "miss"
    assert get(client, "/kk/akimat/news/?page=1")[pagecache.HEADER] == "hit"
    for _ in range(2):
        response = get(client, "/kk/akimat/news/?utm_source=x")
        assert pagecache.HEADER not in response
    # The visually-impaired version is its own entry; a bad cookie is the normal one.
    client.cookies["vi"] = "text:large"
    large = get(client, "/kk/akimat/news/")
    assert large[pagecache.HEADER] == "miss" and "vi-text-large" in large.content.decode()
    client.cookies["vi"] = "text:huge|nonsense"
    normal = get(client, "/kk/akimat/news/")
    assert normal[pagecache.HEADER] == "hit" and normal.content.decode() == kk


def test_logged_in_users_are_never_served_or_stored(client, agency_a):
    user = UserFactory(username="reader", is_superuser=True, is_staff=True)
    client.force_login(user)
    for _ in range(2):
        response = client.get("/kk/agency-a/")
        assert pagecache.HEADER not in response
        assert "private" in response["Cache-Control"]
    client.logout()
    client.cookies.clear()
    assert client.get("/kk/agency-a/")[pagecache.HEADER] == "miss"


def test_form_pages_with_csrf_tokens_and_errors_are_not_stored(client, agency_a):
    make_form_page(agency_a)
    for _ in range(2):
        response = client.get("/kk/agency-a/appeals/online-appeal/")
        assert response.status_code == 200
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert response.get(pagecache.HEADER) is None
    for _ in range(2):
        missing = client.get("/kk/agency-a/no-such-page/")
        assert missing.status_code == 404 and pagecache.HEADER not in missing


def test_search_results_are_not_stored(client, agency_a):
    for _ in range(2):
        assert pagecache.HEADER not in client.get("/kk/search/?q=news")


def test_disabled_cache_stores_nothing(client, agency_a, settings):
    settings.PAGE_CACHE_ENABLED = False
    for _ in range(2):
        assert pagecache.HEADER not in client.get("/kk/agency-a/")


def test_a_lost_generation_never_brings_an_old_page_back(client, agency_a):
    client.get("/kk/agency-a/")
    cache.delete(f"{pagecache.KEY_PREFIX}:gen:seg:agency-a")
    assert client.get("/kk/agency-a/")[pagecache.HEADER] == "miss"


# --- Invalidation: every path shows at once, everywhere --------------------------------
def assert_everywhere(client, views, present=(), absent=()):
    for url, host in views:
        body = text(client, url, host)
        for value in present:
            assert value in body, (value, url, host)
        for value in absent:
            assert value not in body, (value, url, host)


def test_publish_shows_the_new_title_everywhere_at_once(client, akimat, agency_a):
    warm(client, all_news_views())
    item = add_news(akimat, "fresh")
    for lang in LANGS:
        title = {"kk": "Жаңалық fresh", "ru": "Новость fresh", "en": "News fresh"}[lang]
        assert_everywhere(client, news_views(lang), present=[title])
    # Editing and republishing the title shows the new one.
    warm(client, all_news_views())
    item.title_ru = "Обновлённый заголовок"
    item.save_revision().publish()
    assert_everywhere(
        client, news_views("ru"), present=["Обновлённый заголовок"], absent=["Новость fresh"]
    )


def test_publish_retires_the_portal_front_page_but_not_other_agencies(
    client, akimat, agency_a, django_assert_num_queries
):
    for url in ("/kk/", "/kk/agency-a/", "/kk/agency-a/news/"):
        client.get(url)
    add_news(akimat, "fresh")
    # The portal's listings may show cross-agency news: rendered again.
    assert client.get("/kk/")[pagecache.HEADER] == "miss"
    # Another agency's pages stay cached.
    with django_assert_num_queries(0):
        for url in ("/kk/agency-a/", "/kk/agency-a/news/"):
            assert client.get(url)[pagecache.HEADER] == "hit"


def test_unpublish_removes_the_item_everywhere(client, akimat):
    item = add_news(akimat, "short-lived")
    warm(client, all_news_views())
    item.unpublish()
    assert_everywhere(
        client, all_news_views(), absent=["Жаңалық short-lived", "Новость short-lived"]
    )
    assert get(client, "/ru/akimat/news/short-lived/").status_code == 404
    assert get(client, "/ru/news/short-lived/", HOST).status_code == 404


def test_delete_removes_the_item_everywhere(client, akimat):
    item = add_news(akimat, "deleted")
    warm(client, all_news_views())
    item.delete()
    assert_everywhere(client, all_news_views(), absent=["Жаңалық deleted", "Новость deleted"])


def test_archiving_the_agency_takes_its_pages_down_on_both_hosts(client, akimat):
    archived_views = [("/ru/akimat/news/", None), ("/ru/news/", HOST)]
    warm(client, archived_views + [("/ru/", None)])
    listed = text(client, "/ru/").count("Акимат")
    assert listed
    archive_agency(akimat)
    for url, host in archived_views:
        assert get(client, url, host).status_code == 410, (url, host)
    assert text(client, "/ru/").count("Акимат") < listed


def test_move_shows_the_item_in_its_new_agency_only(client, akimat, agency_a):
    item = add_news(akimat, "travelling")
    a_views = [(f"/{lang}/agency-a/news/", None) for lang in LANGS]
    warm(client, all_news_views() + a_views)
    target = NewsIndexPage.objects.child_of(agency_a.home_page).get()
    item.move(target, pos="last-child")
    assert_everywhere(client, all_news_views(), absent=["Новость travelling"])
    assert_everywhere(client, a_views[1:2], present=["Новость travelling"])
    assert_everywhere(client, a_views[0:1], present=["Жаңалық travelling"])


def test_menu_change_shows_on_every_page_of_the_agency(client, akimat):
    warm(client, all_news_views()[:2] + [(f"/{lang}/", HOST) for lang in LANGS])
    menu = AgencyMenu(agency=akimat)
    menu.main_items = [
        {
            "type": "item",
            "value": {
                "page": None,
                "url": "https://egov.kz/",
                "label_kk": "Жаңа сілтеме",
                "label_ru": "Новая ссылка",
                "label_en": "New link",
                "children": [],
            },
        }
    ]
    menu.save()
    for lang, label in (("kk", "Жаңа сілтеме"), ("ru", "Новая ссылка"), ("en", "New link")):
        assert_everywhere(
            client, [(f"/{lang}/akimat/", None), (f"/{lang}/", HOST)], present=[label]
        )


def test_agency_rename_shows_everywhere_and_on_the_portal(client, akimat, agency_a):
    portal_views = [(f"/{lang}/", None) for lang in LANGS]
    warm(client, all_news_views() + portal_views)
    names = {"kk": "Жаңа әкімдік", "ru": "Новый акимат", "en": "New akimat"}
    update_agency(akimat, **{f"name_{lang}": name for lang, name in names.items()})
    for lang, name in names.items():
        assert_everywhere(client, news_views(lang) + [(f"/{lang}/", None)], present=[name])


def home_of(agency):
    from cms.pages.models import AgencyHomePage

    return AgencyHomePage.objects.get(pk=agency.home_page.pk)


def other_agency_views():
    return [(f"/{lang}/agency-a/", None) for lang in LANGS] + [
        (f"/{lang}/agency-a/news/", None) for lang in LANGS
    ]


def test_an_agency_home_edit_retires_that_agency_and_the_portal_front_only(
    client, akimat, agency_a, django_assert_num_queries
):
    """Republished at the same address, an agency's home page shows on that agency's
    pages (its title, intro, breadcrumbs) and the portal's front page: other agencies'
    pages stay cached."""
    add_news(akimat, "kept")
    portal_views = [(f"/{lang}/", None) for lang in LANGS]
    warm(client, all_news_views() + portal_views + other_agency_views())
    home = home_of(akimat)
    home.intro_ru = "Новое вступление акимата"
    home.title_ru = "Акимат: главная"
    home.save_revision().publish()
    assert_everywhere(
        client, [("/ru/akimat/", None), ("/ru/", HOST)], present=["Новое вступление акимата"]
    )
    # Its own pages' breadcrumbs name the home page: rendered again.
    assert "Акимат: главная" in text(client, "/ru/akimat/news/kept/")
    for url, host in portal_views:
        assert get(client, url, host)[pagecache.HEADER] == "miss", url
    with django_assert_num_queries(0):
        for url, host in other_agency_views():
            assert get(client, url, host)[pagecache.HEADER] == "hit", url


def test_an_agency_home_at_a_new_address_retires_everything(client, akimat, agency_a):
    warm(client, other_agency_views())
    home = home_of(akimat)
    home.slug = "akimat-new"
    home.save_revision().publish()
    for url, host in other_agency_views():
        assert get(client, url, host)[pagecache.HEADER] == "miss", url


def test_an_agency_home_live_again_retires_everything(client, akimat, agency_a):
    home = home_of(akimat)
    home.unpublish()
    warm(client, other_agency_views())
    home_of(akimat).save_revision().publish()
    for url, host in other_agency_views():
        assert get(client, url, host)[pagecache.HEADER] == "miss", url
    # The portal's directory lists it again.
    assert 'href="/ru/akimat/"' in text(client, "/ru/")


def test_privacy_change_hides_the_page_at_once(client, akimat):
    item = add_news(akimat, "soon-private")
    page_views = [(f"/{lang}/akimat/news/soon-private/", None) for lang in LANGS]
    warm(client, all_news_views() + page_views)
    make_private(item)
    assert_everywhere(client, all_news_views(), absent=["soon-private"])
    for url, host in page_views:
        response = get(client, url, host)
        assert "Новость soon-private" not in response.content.decode()
        assert pagecache.HEADER not in response or response[pagecache.HEADER] != "hit"
    # And public again.
    warm(client, all_news_views())
    PageViewRestriction.objects.filter(page=item).delete()
    assert_everywhere(client, news_views("ru"), present=["Новость soon-private"])


def test_purge_hook_is_told_after_commit(
    client, akimat, settings, django_capture_on_commit_callbacks
):
    told = []
    settings.PAGE_CACHE_PURGE = "tests.test_page_cache.record_purge"
    record_purge.calls = told
    # The fixtures' changes are waiting for this test's transaction to commit (it
    # never does): start from a transaction with nothing pending.
    connection.run_on_commit.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        add_news(akimat, "purged")
        assert told == []  # not before the commit: the CDN would fetch the old page
    for callback in callbacks:
        callback()
    assert len(told) == 1  # one call per transaction, however many signals
    invalidation = told[0]
    assert not invalidation.everything
    assert invalidation.hostnames == {HOST}
    assert "akimat" in invalidation.segments
    assert {"/kk/akimat/", "/ru/akimat/", "/en/akimat/", "/kk/", "/sitemap.xml"} <= set(
        invalidation.paths()
    )


def record_purge(invalidation):
    record_purge.calls.append(invalidation)
