"""Keeping the index current: what publishing, unpublishing, moving, renaming,
deleting and archiving do to the index, and what happens when the engine is down.

The tree (built per test by provisioning, see conftest):

    portal
    ├── agency-a (AgencyHomePage)
    │   ├── news (SectionPage) ── the news items of each test
    │   └── about, documents, ... (SectionPage)
    └── agency-b ...

Each change runs inside `django_capture_on_commit_callbacks(execute=True)`, so the
outbox is drained on commit by the (immediate) django-tasks backend, as in production.
"""

import socket
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageViewRestriction

from cms.pages.languages import is_filled_in
from cms.pages.models import NewsPage
from cms.pages.sections import STANDARD_SECTIONS
from cms.platform.provisioning import archive_agency, restore_agency
from search.documents import iter_documents
from search.engines import get_engine
from search.engines.base import SearchQuery
from search.engines.database import DatabaseEngine
from search.models import IndexOutbox, SearchEntry


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the on-commit callbacks (the outbox drain) of what happens in the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def news(agency_a):
    return agency_a.home_page.get_children().get(slug="news").specific


def add_news(parent, slug, *, kk, ru, en=None, day=date(2024, 5, 1), publish=True):
    page = NewsPage(slug=slug, date=day)
    page.title_kk, page.title_ru = kk, ru
    page.body_kk = [("paragraph", f"<p>{kk} мәтіні.</p>")]
    page.body_ru = [("paragraph", f"<p>Текст: {ru}.</p>")]
    if en:
        page.title_en = en
        page.body_en = [("paragraph", f"<p>{en} text.</p>")]
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def entries(page):
    return dict(SearchEntry.objects.filter(page_id=page.pk).values_list("language", "url"))


def found(text, language="kk", engine=None):
    engine = engine or DatabaseEngine()
    engine.refresh()
    return [h.page_id for h in engine.search(SearchQuery(text=text, language=language)).hits]


def test_publish_adds_a_document_per_filled_language(news, commit):
    with commit():
        kk_ru = add_news(news, "tariffs", kk="Тарифтер туралы", ru="О тарифах")
    with commit():
        trilingual = add_news(news, "budget", kk="Бюджет", ru="Бюджет", en="Budget")
    assert entries(kk_ru) == {
        "kk": "/kk/agency-a/news/tariffs/",
        "ru": "/ru/agency-a/news/tariffs/",
    }
    assert set(entries(trilingual)) == {"kk", "ru", "en"}
    entry = SearchEntry.objects.get(doc_id=f"{kk_ru.pk}-ru")
    assert (entry.agency, entry.page_type, entry.date, entry.year) == (
        "agency-a", "newspage", date(2024, 5, 1), 2024)
    assert entry.agency_name == "Агентство А" and entry.title == "О тарифах"
    assert "Текст: О тарифах." in entry.body
    assert found("тарифтер") == [kk_ru.pk]
    assert found("budget", "en") == [trilingual.pk]
    assert IndexOutbox.objects.count() == 0


def test_drafts_private_pages_and_the_portal_are_not_indexed(portal, news, commit):
    with commit():
        add_news(news, "draft", kk="Жоба", ru="Черновик", publish=False)
        private = add_news(news, "private", kk="Жабық", ru="Закрыто")
    assert SearchEntry.objects.filter(page_id=private.pk).exists()
    with commit():
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        private.save_revision().publish()
    assert not SearchEntry.objects.filter(page_id=private.pk).exists()
    assert not SearchEntry.objects.filter(title__in=["Жоба", "Черновик"]).exists()
    with commit():
        portal.save_revision().publish()
    assert not SearchEntry.objects.filter(page_id=portal.pk).exists()


def test_unpublish_removes(news, commit):
    with commit():
        page = add_news(news, "tariffs", kk="Тарифтер", ru="Тарифы")
    with commit():
        page.unpublish()
    assert entries(page) == {}
    assert found("тарифтер") == []


def test_rename_and_move_update_descendants_urls(agency_a, news, commit):
    with commit():
        page = add_news(news, "tariffs", kk="Тарифтер", ru="Тарифы")
    with commit():
        news.slug = "press"
        news.save_revision().publish()
    assert entries(page)["kk"] == "/kk/agency-a/press/tariffs/"
    about = agency_a.home_page.get_children().get(slug="about")
    with commit():
        page.refresh_from_db()
        page.move(about, pos="last-child")
    assert entries(page) == {
        "kk": "/kk/agency-a/about/tariffs/",
        "ru": "/ru/agency-a/about/tariffs/",
    }


def test_moving_to_another_agency_changes_the_agency(news, agency_b, commit):
    with commit():
        page = add_news(news, "tariffs", kk="Тарифтер", ru="Тарифы")
    with commit():
        page.move(agency_b.home_page.get_children().get(slug="news"), pos="last-child")
    assert set(SearchEntry.objects.filter(page_id=page.pk).values_list("agency", flat=True)) == {
        "agency-b"
    }


def test_delete_removes(news, commit):
    with commit():
        page = add_news(news, "tariffs", kk="Тарифтер", ru="Тарифы")
    page_id = page.pk
    with commit():
        news.delete()  # the section and the news item below it
    assert not SearchEntry.objects.filter(page_id=page_id).exists()
    assert not SearchEntry.objects.filter(page_id=news.pk).exists()


def test_archiving_the_agency_removes_its_pages_and_restoring_brings_them_back(
    agency_a, agency_b, news, commit
):
    with commit():
        page = add_news(news, "tariffs", kk="Тарифтер", ru="Тарифы")
        other = add_news(agency_b.home_page.get_children().get(slug="news"), "b-tariffs",
                         kk="Тарифтер", ru="Тарифы")
    assert sorted(found("тарифтер")) == sorted([page.pk, other.pk])
    with commit():
        archive_agency(agency_a)
    assert not SearchEntry.objects.filter(agency="agency-a").exists()
    assert found("тарифтер") == [other.pk]
    with commit():
        restore_agency(agency_a)
    assert sorted(found("тарифтер")) == sorted([page.pk, other.pk])
    assert SearchEntry.objects.filter(agency="agency-a", page_type="agencyhomepage").exists()


def _closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


@pytest.mark.engine
def test_publish_while_the_engine_is_down_keeps_the_change_until_sync(
    news, commit, settings, osmem_clone
):
    settings.SEARCH_URL = f"http://127.0.0.1:{_closed_port()}"
    settings.SEARCH_INDEX_PREFIX = "sync-test"
    with commit():
        page = add_news(news, "tariffs", kk="Тарифтер", ru="Тарифы")
    assert NewsPage.objects.get(pk=page.pk).live
    rows = list(IndexOutbox.objects.filter(page_id=page.pk))
    assert rows and all(r.attempts == 1 and "elastic" in r.last_error for r in rows)
    # The database engine, the fallback, is current all the same.
    assert found("тарифтер") == [page.pk]

    settings.SEARCH_URL = osmem_clone.url
    out = StringIO()
    call_command("search_index", "sync", stdout=out)
    assert "0 pending" in out.getvalue()
    assert IndexOutbox.objects.count() == 0
    engine = get_engine()
    assert engine.name == "elastic"
    assert found("тарифтер", engine=engine) == [page.pk]


@pytest.mark.engine
def test_rebuild_and_status_with_elastic(news, commit, settings, osmem_clone):
    with commit():
        page = add_news(news, "tariffs", kk="Тарифтер", ru="Тарифы")
    settings.SEARCH_URL = osmem_clone.url
    settings.SEARCH_INDEX_PREFIX = "rebuild-test"
    out = StringIO()
    call_command("search_index", "status", stdout=out)
    assert "Out of sync" in out.getvalue()
    call_command("search_index", "rebuild", stdout=out)
    assert "documents (100%)" in out.getvalue()
    assert found("тарифтер", engine=get_engine()) == [page.pk]
    out = StringIO()
    call_command("search_index", "status", stdout=out)
    assert "In sync" in out.getvalue()


def test_status_output(agency_a, news, commit):
    with commit():
        add_news(news, "tariffs", kk="Тарифтер", ru="Тарифы", en="Tariffs")
    out = StringIO()
    call_command("search_index", "status", stdout=out)
    text = out.getvalue()
    lines = {tuple(line.split()[:2]): line.split()[2:] for line in text.splitlines()}
    # Provisioning published the home page and the standard sections, in kk and ru; in
    # English only the pages filled in English are indexed (cms.core.languages: the
    # title, and every required field that has content in some language). Provisioned
    # sections have titles in all three languages and no body anywhere, so they lack no
    # language; the counts below follow the same rule as the editorial report.
    pages = Page.objects.descendant_of(agency_a.home_page, inclusive=True).live().specific()
    live = str(len(pages))
    assert live == str(len(STANDARD_SECTIONS) + 2)
    english = sum(1 for page in pages if is_filled_in(page, "en"))
    assert 2 < english <= len(pages)
    assert lines[("agency-a", "kk")] == [live, live, "0"]
    assert lines[("agency-a", "ru")] == [live, live, "0"]
    assert lines[("agency-a", "en")] == [str(english), str(english), "0"]
    assert "In sync" in text
    assert "Pending changes in the outbox: 0" in text
    SearchEntry.objects.filter(agency="agency-a", language="kk").delete()
    out = StringIO()
    call_command("search_index", "status", stdout=out)
    assert "Out of sync" in out.getvalue()


def test_rebuild_database_engine_prints_progress(agency_a, news, commit):
    with commit():
        add_news(news, "tariffs", kk="Тарифтер", ru="Тарифы")
    SearchEntry.objects.all().delete()
    out = StringIO()
    call_command("search_index", "rebuild", stdout=out)
    assert "documents (100%)" in out.getvalue()
    assert found("тарифтер") != []


def test_search_falls_back_to_the_database_when_the_engine_is_down(news, commit, settings):
    from search.engines import search

    with commit():
        page = add_news(news, "tariffs", kk="Тарифтер", ru="Тарифы")
    settings.SEARCH_URL = f"http://127.0.0.1:{_closed_port()}"
    assert get_engine().name == "elastic"
    results = search(SearchQuery(text="тарифтер", language="kk"))
    assert [h.page_id for h in results.hits] == [page.pk]


@pytest.mark.parametrize("which", ["database", pytest.param("elastic", marks=pytest.mark.engine)])
def test_a_change_published_during_a_rebuild_is_in_the_new_index(
    request, news, commit, settings, which
):
    """The page is republished with a new title between the rebuild's batches (from its
    progress callback): after the swap the new index has the new title, not the one the
    rebuild read."""
    from search.engines import all_engines
    from search.indexing import rebuild_engine
    from search.models import IndexRebuild, IndexRebuildChange

    with commit():
        page = add_news(news, "tariffs", kk="Тарифтер", ru="Тарифы")
    if which == "elastic":
        settings.SEARCH_URL = request.getfixturevalue("osmem_clone").url
        settings.SEARCH_INDEX_PREFIX = "rebuild-race"
    engine = {e.name: e for e in all_engines()}[which]
    changed = []

    def between_batches(done, total):
        if changed:
            return
        with commit():
            edited = NewsPage.objects.get(pk=page.pk)
            edited.title_kk = "Субсидиялар"
            edited.save_revision().publish()
        changed.append(IndexRebuildChange.objects.filter(page_id=page.pk).exists())

    done = rebuild_engine(engine, iter_documents(), between_batches, total=1)
    assert done > 1 and changed == [True]
    assert found("субсидиялар", engine=engine) == [page.pk]
    engine.refresh()
    (hit,) = engine.search(SearchQuery(text="тарифтер", language="kk")).hits  # the body
    assert hit.title == "Субсидиялар"
    assert found("субсидиялар") == [page.pk]  # the database engine too
    assert not IndexRebuild.objects.exists() and not IndexRebuildChange.objects.exists()
    assert IndexOutbox.objects.count() == 0


def test_a_dead_rebuild_does_not_hold_the_drains(news, commit):
    from datetime import timedelta

    from django.utils import timezone

    from search.models import IndexRebuild

    IndexRebuild.objects.create(engine="database", heartbeat_at=timezone.now() - timedelta(
        seconds=IndexRebuild.STALE_AFTER_SECONDS + 1))
    with commit():
        page = add_news(news, "tariffs", kk="Тарифтер", ru="Тарифы")
    assert found("тарифтер") == [page.pk]
