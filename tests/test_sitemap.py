"""sitemap.xml per site with hreflang alternates, and robots.txt pointing at it."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.core import pagecache
from cms.feeds import sitemaps
from cms.platform.provisioning import archive_agency, provision_agency
from tests.factories import make_agency
from tests.test_feeds import add_news, make_private

LANGS = ("kk", "ru", "en")
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def parse(response, tag: str):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['sm']}}}{tag}"
    return root


def index(client, **extra) -> list[str]:
    """The child locations listed by the host's /sitemap.xml."""
    root = parse(client.get("/sitemap.xml", **extra), "sitemapindex")
    return [child.find("sm:loc", NS).text for child in root.findall("sm:sitemap", NS)]


def urlset(client, location: str, **extra) -> dict[str, dict[str, str]]:
    """location → {hreflang: href} of every <url> of one child sitemap."""
    parts = urlsplit(location)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    root = parse(client.get(path, HTTP_HOST=parts.netloc, **extra), "urlset")
    urls = {}
    for url in root.findall("sm:url", NS):
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
        urls[url.find("sm:loc", NS).text] = alternates
    return urls


def sitemap(client, **extra) -> dict[str, dict[str, str]]:
    """Every <url> of every child of the host's sitemap index."""
    urls = {}
    for location in index(client, **extra):
        urls.update(urlset(client, location))
    return urls


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """The sitemaps are served from the page cache, as in production."""
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def akimat(portal):
    return provision_agency(
        slug="akimat",
        names={"kk": "Әкімдік", "ru": "Акимат", "en": "Akimat"},
        hostname="akimat.example.kz",
    ).agency


def test_portal_sitemap_lists_every_language_with_alternates(client, agency_a, agency_b):
    add_news(agency_a, "english", en=True)
    add_news(agency_a, "no-english", en=False)
    urls = sitemap(client)
    base = "http://testserver/{}/agency-a/news/english/"
    for lang in ("kk", "ru", "en"):
        assert urls[base.format(lang)] == {
            "kk": base.format("kk"),
            "kk-Latn": base.format("kk-latn"),
            "ru": base.format("ru"),
            "en": base.format("en"),
            "x-default": base.format("kk"),
        }
    # Without English content the page has no English URL and no en alternate.
    plain = "http://testserver/{}/agency-a/news/no-english/"
    assert plain.format("ru") in urls and plain.format("kk") in urls
    assert plain.format("en") not in urls
    assert "en" not in urls[plain.format("ru")]
    # The portal's own front page and every active agency are there.
    assert "http://testserver/kk/" in urls
    assert "http://testserver/ru/agency-b/" in urls


def test_sitemap_has_only_live_public_pages_of_active_agencies(client, agency_a, agency_b):
    add_news(agency_a, "draft", live=False)
    make_private(add_news(agency_a, "private"))
    add_news(agency_b, "gone")
    archive_agency(agency_b)
    locations = " ".join(sitemap(client))
    assert "/agency-a/news/" in locations
    assert "draft" not in locations
    assert "private" not in locations
    assert "agency-b" not in locations


def test_agency_host_sitemap_has_only_that_agency(client, agency_a, akimat):
    add_news(akimat, "local")
    add_news(agency_a, "elsewhere")
    urls = sitemap(client, HTTP_HOST="akimat.example.kz")
    assert "http://akimat.example.kz/ru/news/local/" in urls
    assert urls["http://akimat.example.kz/kk/"]["ru"] == "http://akimat.example.kz/ru/"
    assert urls["http://akimat.example.kz/kk/"]["kk-Latn"] == "http://akimat.example.kz/kk-latn/"
    assert all(url.startswith("http://akimat.example.kz/") for url in urls)
    locations = " ".join(urls)
    assert "agency-a" not in locations and "elsewhere" not in locations
    # The portal lists the agency under its slug.
    assert "http://testserver/ru/akimat/news/local/" in sitemap(client)


def test_archived_agency_host_has_an_empty_sitemap(client, akimat):
    archive_agency(akimat)
    assert sitemap(client, HTTP_HOST="akimat.example.kz") == {}


def test_robots_txt_points_at_the_hosts_sitemap(client, portal):
    make_agency("other")
    response = client.get("/robots.txt", HTTP_HOST="akimat.example.kz")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://akimat.example.kz/sitemap.xml" in text
    assert "Disallow: /admin/" in text


# --- The index and its children ------------------------------------------------------
def test_portal_index_has_one_child_per_agency_and_language(client, agency_a, agency_b, akimat):
    archive_agency(agency_b)
    children = index(client)
    expected = [f"http://testserver/{lang}/sitemap.xml" for lang in LANGS]
    for slug in ("agency-a", "akimat"):
        expected += [f"http://testserver/{lang}/{slug}/sitemap.xml" for lang in LANGS]
    assert sorted(children) == sorted(expected)
    # On the agency's own host: that agency's pages only, per language.
    assert index(client, HTTP_HOST="akimat.example.kz") == [
        f"http://akimat.example.kz/{lang}/sitemap.xml" for lang in LANGS
    ]


def test_a_child_lists_one_agency_in_one_language(client, agency_a, agency_b, akimat):
    add_news(agency_a, "mine")
    add_news(agency_b, "theirs")
    urls = urlset(client, "http://testserver/ru/agency-a/sitemap.xml")
    assert "http://testserver/ru/agency-a/news/mine/" in urls
    assert all(url.startswith("http://testserver/ru/agency-a/") for url in urls)
    # The portal's own child has no agency's pages.
    portal = urlset(client, "http://testserver/kk/sitemap.xml")
    assert "http://testserver/kk/" in portal and "http://testserver/kk/privacy/" in portal
    assert not any("agency-" in url for url in portal)
    # Another agency's host does not serve it, nor does an unknown agency exist.
    on_other_host = client.get("/ru/agency-a/sitemap.xml", HTTP_HOST="akimat.example.kz")
    assert on_other_host.status_code == 404
    assert client.get("/ru/no-such-agency/sitemap.xml").status_code == 404


def test_private_pages_are_not_listed(client, agency_a):
    make_private(add_news(agency_a, "secret"))
    for lang in LANGS:
        locations = " ".join(urlset(client, f"http://testserver/{lang}/agency-a/sitemap.xml"))
        assert "secret" not in locations
        assert f"/{lang}/agency-a/news/" in locations


def test_children_are_paginated(client, agency_a, monkeypatch):
    monkeypatch.setattr(sitemaps, "PAGE_SIZE", 5)
    total = len(list(sitemaps.agency_pages(agency_a)))
    pages = sitemaps.page_count(total)
    assert pages >= 2
    children = [c for c in index(client) if "/kk/agency-a/" in c]
    assert children == ["http://testserver/kk/agency-a/sitemap.xml"] + [
        f"http://testserver/kk/agency-a/sitemap.xml?p={n}" for n in range(2, pages + 1)
    ]
    seen = []
    for location in children:
        urls = urlset(client, location)
        assert len(urls) <= 5
        seen.extend(urls)
    assert len(seen) == len(set(seen)) == total
    for bad in (pages + 1, 0, "x"):
        assert client.get(f"/kk/agency-a/sitemap.xml?p={bad}").status_code == 404


def test_sitemaps_are_cached_and_fresh_after_publish(
    client, agency_a, agency_b, django_assert_num_queries
):
    for location in ("/sitemap.xml", "/ru/agency-a/sitemap.xml", "/ru/agency-b/sitemap.xml"):
        client.get(location)
        with django_assert_num_queries(0):
            assert client.get(location)[pagecache.HEADER] == "hit"
    add_news(agency_a, "fresh")
    assert "/ru/agency-a/news/fresh/" in client.get("/ru/agency-a/sitemap.xml").content.decode()
    assert client.get("/sitemap.xml")[pagecache.HEADER] == "miss"  # page counts may change
    with django_assert_num_queries(0):
        assert client.get("/ru/agency-b/sitemap.xml")[pagecache.HEADER] == "hit"


def test_index_costs_the_same_with_more_agencies(client, agency_a, settings):
    settings.PAGE_CACHE_ENABLED = False

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/sitemap.xml").status_code == 200
        return len(captured)

    listed = len(index(client))  # the portal and the module's agencies, 3 languages each
    few = queries()  # the chrome cache (site, agencies) is warm: what every request pays
    for n in range(4):
        make_agency(f"more-{n}")
    assert len(index(client)) == listed + 3 * 4
    assert queries() == few
