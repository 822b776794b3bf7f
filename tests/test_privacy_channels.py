"""Private pages never leave through the feeds, the sitemap or the public API, and
`cms.feeds.scope` gives the filters that say what is public (issue 12).

A view restriction of any kind (login, password, groups), on the page or on an
ancestor, hides the page everywhere an anonymous visitor could find it."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms.feeds.scope import in_public_collection, visible_pages
from cms.pages.models import NewsPage

SLUG = "closed-session"


@pytest.fixture
def news(agency_a):
    return agency_a.home_page.get_children().get(slug="news").specific


@pytest.fixture
def item(news):
    page = NewsPage(slug=SLUG, date=date(2024, 5, 1))
    page.title_kk, page.title_ru, page.title_en = "Жабық отырыс", "Закрытое заседание", "Closed"
    page.body_kk = [("paragraph", "<p>Мәтін.</p>")]
    page.body_ru = [("paragraph", "<p>Текст.</p>")]
    news.add_child(instance=page)
    page.save_revision().publish()
    return page


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="s3cret" if kind == "password" else "")
    if kind == "groups":
        restriction.groups.set([Group.objects.create(name="Insiders")])
    return restriction


def seen(client, page):
    """Where an anonymous visitor finds the page: {channel: found}."""
    section = page.get_parent().pk
    return {
        "feed": SLUG in client.get("/ru/agency-a/news/feed/").content.decode(),
        "atom": SLUG in client.get("/ru/agency-a/news/atom/").content.decode(),
        "sitemap": SLUG in client.get("/ru/agency-a/sitemap.xml").content.decode(),
        "api list": SLUG in client.get("/api/v2/pages/", {"child_of": section}).content.decode(),
        "api search": SLUG in client.get("/api/v2/pages/", {"slug": SLUG}).content.decode(),
        "api detail": client.get(f"/api/v2/pages/{page.pk}/").status_code == 200,
    }


EVERYWHERE = dict.fromkeys(
    ["feed", "atom", "sitemap", "api list", "api search", "api detail"], True)
NOWHERE = dict.fromkeys(EVERYWHERE, False)


@pytest.mark.parametrize("kind", ["login", "password", "groups"])
@pytest.mark.parametrize("on", ["page", "ancestor"])
def test_a_restricted_page_is_in_no_public_channel(client, item, news, kind, on):
    assert seen(client, item) == EVERYWHERE
    restriction = restrict(item if on == "page" else news, kind)
    assert seen(client, item) == NOWHERE
    restriction.delete()
    assert seen(client, item) == EVERYWHERE


def test_visible_pages_leaves_out_restricted_and_archived(item, news, agency_a):
    assert visible_pages().filter(pk=item.pk).exists()
    restrict(news, "login")
    assert not visible_pages().filter(pk=item.pk).exists()
    assert not visible_pages(NewsPage.objects.all()).filter(pk=item.pk).exists()
    assert visible_pages().filter(pk=agency_a.home_page.pk).exists()


def test_in_public_collection_leaves_out_restricted_collections_and_below(agency_a):
    root = agency_a.collection
    private = root.add_child(name="Internal")
    below = private.add_child(name="Internal drafts")
    docs = {}
    for name, collection in (("open", root), ("private", private), ("below", below)):
        docs[name] = Document.objects.create(
            title=name, collection=collection, file=ContentFile(b"%PDF-1.4", name=f"{name}.pdf"))
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type="password", password="s3cret")
    public = set(Document.objects.filter(in_public_collection()).values_list("title", flat=True))
    assert public >= {"open"} and not public & {"private", "below"}
    restriction.delete()
    public = set(Document.objects.filter(in_public_collection()).values_list("title", flat=True))
    assert {"open", "private", "below"} <= public
    assert Collection.objects.filter(pk=root.pk).exists()
