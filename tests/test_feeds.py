"""RSS and Atom feeds of an agency's news, per language, on the portal and on its own host."""

import datetime

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from cms.pages.models import NewsPage
from cms.platform.provisioning import archive_agency, provision_agency


def add_news(agency, slug, *, day=1, en=True, live=True, intro=True) -> NewsPage:
    """A news item in the agency's news section, in kk and ru (and en if asked)."""
    section = agency.home_page.get_children().get(slug="news")
    page = NewsPage(slug=slug, date=datetime.date(2026, 3, day))
    page.title_kk = f"Жаңалық {slug}"
    page.title_ru = f"Новость {slug}"
    page.body_kk = [("paragraph", "<p>Қазақша мәтін.</p>")]
    page.body_ru = [("paragraph", "<p>Русский текст.</p>")]
    if intro:
        page.intro_kk = f"Қысқаша {slug}"
        page.intro_ru = f"Кратко {slug}"
    if en:
        page.title_en = f"News {slug}"
        page.body_en = [("paragraph", "<p>English text.</p>")]
        if intro:
            page.intro_en = f"In short {slug}"
    page.live = live
    section.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


def make_private(page) -> None:
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


@pytest.fixture
def news(agency_a, agency_b):
    pages = {
        "old": add_news(agency_a, "old", day=1),
        "new": add_news(agency_a, "new", day=5, en=False),
        "draft": add_news(agency_a, "draft", day=6, live=False),
        "private": add_news(agency_a, "private", day=7),
        "other": add_news(agency_b, "other", day=8),
    }
    make_private(pages["private"])
    return pages


def parse(response):
    assert response.status_code == 200, response.status_code
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_rss_lists_this_agencys_live_public_news_newest_first(client, news):
    response = client.get("/ru/agency-a/news/feed/")
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = parse(response)
    assert feed.version == "rss20"
    assert "Агентство А" in feed.feed.title
    assert feed.feed.language == "ru"
    assert [e.title for e in feed.entries] == ["Новость new", "Новость old"]
    assert feed.entries[0].link == "http://testserver/ru/agency-a/news/new/"
    assert feed.entries[0].summary == "Кратко new"
    assert feed.feed.link == "http://testserver/ru/agency-a/news/"


@pytest.mark.parametrize("lang,title", [("kk", "Жаңалық old"), ("en", "News old")])
def test_rss_in_each_language(client, news, lang, title):
    feed = parse(client.get(f"/{lang}/agency-a/news/feed/"))
    assert feed.feed.language == lang
    assert title in [e.title for e in feed.entries]
    assert all(e.link.startswith(f"http://testserver/{lang}/agency-a/") for e in feed.entries)


def test_english_feed_falls_back_to_russian_per_item(client, news):
    response = client.get("/en/agency-a/news/feed/")
    feed = parse(response)
    by_link = {e.link: e for e in feed.entries}
    fallback = by_link["http://testserver/en/agency-a/news/new/"]
    english = by_link["http://testserver/en/agency-a/news/old/"]
    assert fallback.title == "Новость new" and fallback.language == "ru"
    assert english.title == "News old" and english.language == "en"
    assert b"<dc:language>ru</dc:language>" in response.content


def test_description_comes_from_the_body_without_a_lead(client, agency_a):
    add_news(agency_a, "plain", intro=False)
    feed = parse(client.get("/ru/agency-a/news/feed/"))
    assert feed.entries[0].summary == "Русский текст."


def test_atom_parses_and_marks_the_entry_language(client, news):
    response = client.get("/en/agency-a/news/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = parse(response)
    assert feed.version == "atom10"
    assert [e.title for e in feed.entries] == ["Новость new", "News old"]
    assert b'<entry xml:lang="ru">' in response.content
    assert feed.entries[1].link == "http://testserver/en/agency-a/news/old/"


def test_feed_holds_at_most_twenty_items(client, agency_a):
    for n in range(1, 23):
        add_news(agency_a, f"n{n}", day=n, en=False, intro=False)
    feed = parse(client.get("/kk/agency-a/news/feed/"))
    assert len(feed.entries) == 20
    assert feed.entries[0].title == "Жаңалық n22"


def test_unknown_and_archived_agencies_have_no_feed(client, news, agency_b):
    assert client.get("/ru/no-such-agency/news/feed/").status_code == 404
    archive_agency(agency_b)
    assert client.get("/ru/agency-b/news/feed/").status_code == 410
    assert client.get("/ru/agency-b/news/atom/").status_code == 410


def test_feed_on_the_agency_host(client, portal, agency_a):
    agency = provision_agency(
        slug="akimat",
        names={"kk": "Әкімдік", "ru": "Акимат", "en": "Akimat"},
        hostname="akimat.example.kz",
    ).agency
    add_news(agency, "local")
    add_news(agency_a, "elsewhere")
    host = {"HTTP_HOST": "akimat.example.kz"}
    feed = parse(client.get("/ru/news/feed/", **host))
    assert [e.link for e in feed.entries] == ["http://akimat.example.kz/ru/news/local/"]
    assert parse(client.get("/ru/news/atom/", **host)).entries[0].title == "Новость local"
    # Another agency's feed is not served on this host; the portal has no host feed.
    assert client.get("/ru/agency-a/news/feed/", **host).status_code == 404
    assert client.get("/ru/news/feed/").status_code == 404
    # The portal serves the host agency's feed under its slug, with portal links.
    feed = parse(client.get("/ru/akimat/news/feed/"))
    assert feed.entries[0].link == "http://testserver/ru/akimat/news/local/"
