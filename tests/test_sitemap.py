"""sitemap.xml per site with hreflang alternates, and robots.txt pointing at it."""

import xml.etree.ElementTree as ET

import pytest

from cms.platform.provisioning import archive_agency, provision_agency
from tests.factories import make_agency
from tests.test_feeds import add_news, make_private

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap(client, **extra) -> dict[str, dict[str, str]]:
    """location → {hreflang: href} of every <url> of /sitemap.xml."""
    response = client.get("/sitemap.xml", **extra)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    urls = {}
    for url in root.findall("sm:url", NS):
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
        urls[url.find("sm:loc", NS).text] = alternates
    return urls


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
