"""The recycle bin of each agency (issue 12, data safety): deleting a page (with its
subtree) or a document in the admin moves it to the agency's bin for 30 days; it is
unpublished, out of search and never served; Restore puts it back where it was;
`purge_recycle_bin` deletes what is older than 30 days. Another agency's editor can
neither see, restore nor delete it."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.documents.models import Document
from wagtail.models import Page

from cms.pages.models import NewsPage
from cms.recyclebin import service
from cms.recyclebin.models import RecycledItem
from search.engines import search
from search.engines.base import SearchQuery
from tests.factories import admin_language, editor_of, moderator_of
from tests.media_helpers import make_document

WORD = "Тұзсыздандыру"
REAL_NOW = timezone.now


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def add_news(parent, slug, word=WORD):
    page = NewsPage(slug=slug, date=datetime.date(2026, 5, 4))
    page.title_kk, page.title_ru, page.title_en = (
        f"{word} {slug}",
        f"Новость {slug}",
        f"News {slug}",
    )
    page.body_kk = [("paragraph", f"<p>{word} туралы мәтін.</p>")]
    page.body_ru = [("paragraph", "<p>Текст.</p>")]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def news(agency_a, commit):
    section = agency_a.home_page.get_children().get(slug="news").specific
    with commit():
        first = add_news(section, "first")
        second = add_news(section, "second")
        third = add_news(section, "third")
    return section, first, second, third


def found(word=WORD):
    return [hit.page_id for hit in search(SearchQuery(text=word, language="kk")).hits]


def delete_url(page):
    return reverse("wagtailadmin_pages:delete", args=(page.pk,))


def item_for(obj, kind):
    return RecycledItem.objects.get(kind=kind, object_id=obj.pk)


@pytest.mark.django_db
def test_a_deleted_page_goes_to_the_bin_unpublished_and_unreachable(client, agency_a, news, commit):
    section, first, second, _third = news
    url = second.get_url()
    assert client.get(url).status_code == 200
    assert second.pk in found()
    moderator = moderator_of(agency_a)
    client.force_login(moderator)
    with commit():
        response = client.post(delete_url(second))
    assert response.status_code == 302, response
    assert response["Location"] == reverse("wagtailadmin_explore", args=(section.pk,))
    item = item_for(second, "page")
    assert item.agency == agency_a and item.deleted_by == moderator
    assert item.original_parent_id == section.pk and item.live_page_ids == [second.pk]
    second.refresh_from_db()
    assert not second.live
    assert service.is_bin_path(second.url_path)
    assert Page.objects.filter(pk=second.pk).exists()  # not destroyed
    client.logout()
    assert client.get(url).status_code == 404
    assert client.get(second.get_url() or "/kk/agency-a/recycle-bin/second/").status_code == 404
    assert second.pk not in found() and first.pk in found()
    # Not listed in the explorer of its agency's home page.
    client.force_login(moderator)
    explorer = client.get(reverse("wagtailadmin_explore", args=(agency_a.home_page.pk,)))
    bin_page = service.bin_page(agency_a, create=False)
    assert explorer.status_code == 200
    assert reverse("wagtailadmin_pages:edit", args=(bin_page.pk,)) not in explorer.content.decode()
    assert (
        reverse("wagtailadmin_pages:edit", args=(first.pk,))
        in client.get(reverse("wagtailadmin_explore", args=(section.pk,))).content.decode()
    )
    # Nor can it be edited (and so published) while in the bin.
    response = client.get(reverse("wagtailadmin_pages:edit", args=(second.pk,)))
    assert response.status_code == 302 and response["Location"] == reverse("recyclebin:index")


@pytest.mark.django_db
def test_restore_puts_the_page_back_in_place_and_republishes(client, agency_a, news, commit):
    section, first, second, third = news
    moderator = moderator_of(agency_a)
    client.force_login(moderator)
    with commit():
        client.post(delete_url(second))
    item = item_for(second, "page")
    with commit():
        response = client.post(reverse("recyclebin:restore", args=(item.pk,)))
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.live and second.get_parent().pk == section.pk
    assert [p.pk for p in section.get_children()] == [first.pk, second.pk, third.pk]
    assert second.pk in found()
    assert not RecycledItem.objects.filter(pk=item.pk).exists()
    client.logout()
    assert client.get(second.get_url()).status_code == 200


@pytest.mark.django_db
def test_an_editor_restores_drafts_to_submit(client, agency_a, news, commit):
    _section, _first, second, _third = news
    service.recycle_page(second)
    item = item_for(second, "page")
    editor = editor_of(agency_a)
    admin_language(editor)
    client.force_login(editor)
    response = client.post(reverse("recyclebin:restore", args=(item.pk,)), follow=True)
    assert "drafts to submit for moderation" in response.content.decode()
    second.refresh_from_db()
    assert not second.live and not service.is_bin_path(second.url_path)


@pytest.mark.django_db
def test_a_subtree_goes_and_comes_back_whole(admin_client, agency_a, news, commit):
    section, first, _second, _third = news
    child = add_news(first, "child")
    with commit():
        admin_client.post(delete_url(first))
    item = item_for(first, "page")
    assert item.page_count == 2 and sorted(item.live_page_ids) == sorted([first.pk, child.pk])
    child.refresh_from_db()
    assert not child.live and service.is_bin_path(child.url_path)
    with commit():
        admin_client.post(reverse("recyclebin:restore", args=(item.pk,)))
    child.refresh_from_db()
    assert child.live and child.get_parent().pk == first.pk
    assert first.get_parent().pk == section.pk


@pytest.mark.django_db
def test_restore_says_clearly_when_the_parent_is_gone(admin_client, admin_user, agency_a, news):
    admin_language(admin_user)
    _section, first, _second, _third = news
    child = add_news(first, "child")
    service.recycle_page(child)
    service.recycle_page(first)
    item = item_for(child, "page")
    with translation.override("en"):
        response = admin_client.post(reverse("recyclebin:restore", args=(item.pk,)), follow=True)
    assert response.status_code == 200
    assert "is gone or is in the recycle bin itself" in response.content.decode()
    assert RecycledItem.objects.filter(pk=item.pk).exists()


@pytest.mark.django_db
def test_a_deleted_document_goes_to_the_bin_and_is_never_served(client, agency_a):
    document = make_document(agency_a.collection, "bin-report", content=b"Report")
    collection = document.collection_id
    editor = editor_of(agency_a)
    client.force_login(editor)
    response = client.post(reverse("wagtaildocs:delete", args=(document.pk,)))
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.collection.name == service.BIN_COLLECTION
    item = item_for(document, "document")
    assert item.agency == agency_a and item.original_collection_id == collection
    edit_url = reverse("wagtaildocs:edit", args=(document.pk,))
    assert edit_url not in client.get(reverse("wagtaildocs:index")).content.decode()
    assert client.get(document.url).status_code == 404
    client.logout()
    assert client.get(document.url).status_code in (302, 404)
    client.force_login(editor)
    client.post(reverse("recyclebin:restore", args=(item.pk,)))
    document.refresh_from_db()
    assert document.collection_id == collection


@pytest.mark.django_db
def test_another_agencys_editor_cannot_list_restore_or_delete(client, agency_a, agency_b, news):
    _section, _first, second, _third = news
    service.recycle_page(second)
    document = make_document(agency_a.collection, "secret-minutes", content=b"Minutes")
    service.recycle_document(document)
    items = list(RecycledItem.objects.filter(agency=agency_a))
    assert len(items) == 2
    client.force_login(editor_of(agency_b))
    listing = client.get(reverse("recyclebin:index"))
    assert listing.status_code == 200
    body = listing.content.decode()
    assert second.title not in body and "secret-minutes" not in body
    assert (
        client.get(reverse("recyclebin:index") + "?agency=agency-a")
        .content.decode()
        .count("secret-minutes")
        == 0
    )
    for item in items:
        assert client.post(reverse("recyclebin:restore", args=(item.pk,))).status_code == 404
        assert client.post(reverse("recyclebin:delete", args=(item.pk,))).status_code == 404
    assert RecycledItem.objects.filter(agency=agency_a).count() == 2
    assert (
        Page.objects.filter(pk=second.pk).exists()
        and Document.objects.filter(pk=document.pk).exists()
    )
    # Their own editors see them.
    client.force_login(editor_of(agency_a))
    body = client.get(reverse("recyclebin:index")).content.decode()
    assert "secret-minutes" in body
    # Anonymous visitors are sent to the login page.
    client.logout()
    assert client.get(reverse("recyclebin:index")).status_code == 302
    assert client.post(reverse("recyclebin:delete", args=(items[0].pk,))).status_code == 302
    assert RecycledItem.objects.filter(agency=agency_a).count() == 2


@pytest.mark.django_db
def test_platform_admins_see_every_agency_and_filter(admin_client, agency_a, agency_b):
    service.recycle_document(make_document(agency_a.collection, "doc-of-a", content=b"a"))
    service.recycle_document(make_document(agency_b.collection, "doc-of-b", content=b"b"))
    body = admin_client.get(reverse("recyclebin:index")).content.decode()
    assert "doc-of-a" in body and "doc-of-b" in body
    body = admin_client.get(reverse("recyclebin:index") + "?agency=agency-b").content.decode()
    assert "doc-of-a" not in body and "doc-of-b" in body


@pytest.mark.django_db
def test_delete_permanently(client, agency_a, news):
    _section, _first, second, _third = news
    service.recycle_page(second)
    item = item_for(second, "page")
    client.force_login(editor_of(agency_a))
    assert client.post(reverse("recyclebin:delete", args=(item.pk,))).status_code == 302
    assert not Page.objects.filter(pk=second.pk).exists()
    assert not RecycledItem.objects.filter(pk=item.pk).exists()


@pytest.mark.django_db
def test_purge_deletes_what_waited_more_than_30_days(agency_a, news, monkeypatch):
    _section, first, second, _third = news
    service.recycle_page(second)
    document = make_document(agency_a.collection, "old-doc", content=b"old")
    service.recycle_document(document)
    later = REAL_NOW() + datetime.timedelta(days=20)
    monkeypatch.setattr(timezone, "now", lambda: later)
    service.recycle_page(first)  # 20 days later: 10 days younger

    def purge(*args):
        out = io.StringIO()
        call_command("purge_recycle_bin", *args, stdout=out)
        return out.getvalue()

    monkeypatch.setattr(timezone, "now", lambda: REAL_NOW() + datetime.timedelta(days=31))
    assert "would delete 1 pages" in purge("--dry-run")
    assert Page.objects.filter(pk=second.pk).exists()
    output = purge()
    assert "deleted 1 pages" in output and "1 documents" in output
    assert not Page.objects.filter(pk=second.pk).exists()
    assert not Document.objects.filter(pk=document.pk).exists()
    assert Page.objects.filter(pk=first.pk).exists()
    monkeypatch.setattr(timezone, "now", lambda: REAL_NOW() + datetime.timedelta(days=51))
    purge()
    assert not Page.objects.filter(pk=first.pk).exists()
    assert not RecycledItem.objects.exists()


@pytest.mark.django_db
def test_bulk_delete_recycles_pages_and_documents(admin_client, agency_a, news):
    _section, first, second, _third = news
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    response = admin_client.post(f"{url}?id={first.pk}&id={second.pk}", {"next": "/admin/"})
    assert response.status_code == 302
    assert {item_for(first, "page").pk, item_for(second, "page").pk}
    first.refresh_from_db()
    second.refresh_from_db()
    assert not first.live and not second.live
    document = make_document(agency_a.collection, "bulk-doc", content=b"bulk")
    url = reverse("wagtail_bulk_action", args=("wagtaildocs", "document", "delete"))
    response = admin_client.post(f"{url}?id={document.pk}", {"next": "/admin/"})
    assert response.status_code == 302
    document.refresh_from_db()
    assert item_for(document, "document").original_collection_id == agency_a.collection_id



def test_the_admin_page_search_leaves_the_bin_out(client, admin_user, agency_a, news, commit):
    """Wagtail's page search walks every page a user may explore, and the bin lies
    inside the agency's subtree: a recycled page is listed there by no query, neither
    for the agency's moderator nor for a platform admin."""
    _section, first, second, _third = news
    moderator = moderator_of(agency_a)
    admin_language(moderator, "en")
    with commit():
        client.force_login(moderator)
        client.post(delete_url(second))
    edit = {page.pk: reverse("wagtailadmin_pages:edit", args=(page.pk,)) for page in news[1:]}
    for user in (moderator, admin_user):
        client.force_login(user)
        # The draft filter, its slug and its English title all found it before.
        for query in ("live:no", "second", "News"):
            for name in ("wagtailadmin_pages:search", "wagtailadmin_pages:search_results"):
                html = client.get(reverse(name) + f"?q={query}").content.decode()
                assert edit[second.pk] not in html, (user, query, name)
        html = client.get(reverse("wagtailadmin_pages:search") + "?q=first").content.decode()
        assert edit[first.pk] in html  # the search itself still works
