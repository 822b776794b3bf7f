"""`search_index rebuild` that dies, and its progress bar.

A rebuild killed (kill -9) leaves its `IndexRebuild` marker, with the pages the drains
recorded for its final replay, and on Elasticsearch a concrete index that is not
behind the alias. These tests make that state the way a real rebuild makes it (a
marker, drains during the rebuild, `engine.rebuild`) and stop short of the replay, as
the killed process would; then `search_index sync`, the next drain or the next rebuild
must bring back what the replay would have.
"""

import re
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import OutputWrapper
from django.utils import timezone

from cms.pages.models import NewsPage
from search.documents import iter_documents
from search.engines import get_engine
from search.engines.elastic import _source
from search.indexing import delete_orphan_indices
from search.management.commands.search_index import ProgressBar
from search.models import IndexOutbox, IndexRebuild, IndexRebuildChange
from tests.test_search_indexing import add_news, found


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def news(agency_a):
    return agency_a.home_page.get_children().get(slug="news").specific


def retitle(page, commit, title):
    with commit():
        edited = NewsPage.objects.get(pk=page.pk)
        edited.title_kk = title
        edited.save_revision().publish()


def long_ago():
    return timezone.now() - timedelta(seconds=IndexRebuild.STALE_AFTER_SECONDS + 60)


def die(marker):
    """What kill -9 leaves: the marker, its heartbeat getting older."""
    IndexRebuild.objects.filter(pk=marker.pk).update(heartbeat_at=long_ago())


def dead_database_rebuild(page, commit):
    """A database rebuild killed while it ran: the drains of its lifetime left the
    database engine alone (its transaction held the rows; the kill rolled it back) and
    recorded the pages for the replay that never came."""
    marker = IndexRebuild.objects.create(engine="database", heartbeat_at=timezone.now())
    retitle(page, commit, "Субсидиялар")
    assert IndexRebuildChange.objects.filter(rebuild=marker, page_id=page.pk).exists()
    die(marker)
    assert found("субсидиялар") == []  # lost, until someone replays
    return marker


def test_sync_replays_the_pages_of_a_dead_database_rebuild(news, commit):
    with commit():
        page = add_news(news, "tariffs", kk="Тарифтер", ru="Тарифы")
    dead_database_rebuild(page, commit)

    out = StringIO()
    call_command("search_index", "status", stdout=out)
    text = out.getvalue()
    assert re.search(r"database: DEAD \(no heartbeat\), started .*, 1 pages recorded", text)
    assert "requeued by `search_index sync`" in text

    out = StringIO()
    call_command("search_index", "sync", stdout=out)
    text = out.getvalue()
    assert "Dead rebuild of database (started " in text
    assert "1 recorded pages requeued" in text
    assert "1 of 1 pending changes applied (1 pages); 0 pending" in text
    assert found("субсидиялар") == [page.pk]
    assert not IndexRebuild.objects.exists() and not IndexRebuildChange.objects.exists()
    assert IndexOutbox.objects.count() == 0

    out = StringIO()
    call_command("search_index", "status", stdout=out)
    assert "Rebuilds: none running" in out.getvalue()


def test_the_next_drain_replays_a_dead_rebuild(news, commit):
    with commit():
        page = add_news(news, "tariffs", kk="Тарифтер", ru="Тарифы")
    dead_database_rebuild(page, commit)
    with commit():
        other = add_news(news, "budget", kk="Бюджет", ru="Бюджет")
    assert found("субсидиялар") == [page.pk]
    assert found("бюджет") == [other.pk]
    assert not IndexRebuild.objects.exists() and IndexOutbox.objects.count() == 0


def test_a_running_rebuild_is_shown_and_left_alone(news, commit):
    with commit():
        page = add_news(news, "tariffs", kk="Тарифтер", ru="Тарифы")
    marker = IndexRebuild.objects.create(engine="database", heartbeat_at=timezone.now())
    retitle(page, commit, "Субсидиялар")
    out = StringIO()
    call_command("search_index", "sync", stdout=out)
    assert "Dead rebuild" not in out.getvalue()
    out = StringIO()
    call_command("search_index", "status", stdout=out)
    assert re.search(r"database: running, started .*, 1 pages recorded", out.getvalue())
    # The rows stay for the rebuild's own replay.
    assert IndexRebuildChange.objects.filter(rebuild=marker, page_id=page.pk).exists()
    assert found("субсидиялар") == []


def test_a_rebuild_first_replays_a_dead_one(news, commit):
    """`search_index rebuild --engine elastic` is not configured here, so rebuild the
    database engine: the dead rebuild's pages are drained first, the marker goes."""
    with commit():
        page = add_news(news, "tariffs", kk="Тарифтер", ru="Тарифы")
    dead_database_rebuild(page, commit)
    call_command("search_index", "rebuild", stdout=StringIO())
    assert found("субсидиялар") == [page.pk]
    assert not IndexRebuild.objects.exists() and IndexOutbox.objects.count() == 0


def _indices(engine) -> set[str]:
    return set(engine.client.indices.get(index=f"{engine.alias}-*").body)


@pytest.mark.engine
def test_sync_after_an_elastic_rebuild_killed_after_the_swap(
    news, commit, settings, osmem_clone, monkeypatch
):
    """Killed between the alias swap and the replay: the new index lacks the change
    published meanwhile; an older dead rebuild left a half-filled index behind."""
    settings.SEARCH_URL = osmem_clone.url
    settings.SEARCH_INDEX_PREFIX = "dead-rebuild"
    with commit():
        page = add_news(news, "tariffs", kk="Тарифтер", ru="Тарифы")
    engine = get_engine()
    assert engine.name == "elastic" and found("тарифтер", engine=engine) == [page.pk]
    half_filled = engine._new_index_name()
    engine._create_index(half_filled)
    docs = list(iter_documents())
    engine._bulk(({"_id": d["id"], "_source": _source(d)} for d in docs[: len(docs) // 2]),
                 index=half_filled)

    marker = IndexRebuild.objects.create(engine="elastic", heartbeat_at=timezone.now())
    published = []

    def between_batches(done, total):
        if not published:
            retitle(page, commit, "Субсидиялар")
            published.append(page.pk)

    engine.rebuild(iter_documents(), between_batches)  # read the old title, swapped
    die(marker)
    assert published and found("субсидиялар", engine=engine) == []

    (aliased,) = engine._aliased_indices()
    out = StringIO()
    call_command("search_index", "status", stdout=out)
    text = out.getvalue()
    assert re.search(r"elastic: DEAD \(no heartbeat\), .*, 1 pages recorded", text)
    assert f"Index not behind the alias: {half_filled} (created " in text
    assert aliased not in text

    # Old enough to be an orphan: a second's stale time, and a second gone by; the
    # index made after that is young, maybe a rebuild that just started elsewhere.
    monkeypatch.setattr(IndexRebuild, "STALE_AFTER_SECONDS", 1)
    time.sleep(1.1)
    young = engine._new_index_name()
    engine._create_index(young)
    assert _indices(engine) == {half_filled, young, aliased}

    out = StringIO()
    call_command("search_index", "sync", stdout=out)
    text = out.getvalue()
    assert "Dead rebuild of elastic" in text
    assert f"Index {half_filled} of a dead rebuild deleted" in text
    assert young not in text
    assert _indices(engine) == {young, aliased}
    assert found("субсидиялар", engine=engine) == [page.pk]
    assert not IndexRebuild.objects.exists() and IndexOutbox.objects.count() == 0


@pytest.mark.engine
def test_orphan_indices_wait_for_a_running_rebuild_and_go_with_the_next_one(
    news, commit, settings, osmem_clone, monkeypatch
):
    settings.SEARCH_URL = osmem_clone.url
    settings.SEARCH_INDEX_PREFIX = "orphans"
    with commit():
        page = add_news(news, "tariffs", kk="Тарифтер", ru="Тарифы")
    engine = get_engine()
    orphan = engine._new_index_name()
    engine._create_index(orphan)
    # Another deployment's index whose prefix starts with ours is not ours to delete.
    foreign = f"{engine.alias}-x-pages-{orphan.rsplit('-', 1)[1]}"
    engine.writer.indices.create(index=foreign)
    monkeypatch.setattr(IndexRebuild, "STALE_AFTER_SECONDS", 1)
    time.sleep(1.1)

    # A rebuild of the engine running, however long: its index is not behind the alias yet.
    marker = IndexRebuild.objects.create(engine="elastic", heartbeat_at=timezone.now())
    assert delete_orphan_indices() == []
    assert orphan in _indices(engine)
    marker.delete()

    out = StringIO()
    call_command("search_index", "rebuild", "--engine", "elastic", stdout=out)
    assert re.search(r"elastic: \d+ documents indexed", out.getvalue())
    (aliased,) = engine._aliased_indices()
    assert _indices(engine) == {aliased, foreign}
    assert found("тарифтер", engine=engine) == [page.pk]


# --- the progress bar --------------------------------------------------------------
class Terminal(StringIO):
    def isatty(self):
        return True


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_progress_on_a_terminal_is_one_line_redrawn():
    screen, clock = Terminal(), Clock()
    bar = ProgressBar(OutputWrapper(screen), clock=clock)
    clock.now += 10
    bar.update(250, 1000)
    assert screen.getvalue() == (
        "\r[#######-----------------------]  25%  250/1000 documents  25 documents/s  ETA 0:30"
    )
    clock.now += 0.05  # too soon to redraw
    bar.update(260, 1000)
    assert "260/1000" not in screen.getvalue()
    clock.now += 35990  # slowed down: 750 documents in ten hours
    bar.update(750, 1000)
    last = screen.getvalue().split("\r")[-1]
    assert last.startswith("[######################--------]  75%  750/1000 documents")
    assert last.endswith("  0 documents/s  ETA 3:20:00")
    clock.now += 1
    bar.update(1000, 1000)
    bar.close()
    text = screen.getvalue()
    assert "\n" not in text[:-1] and text.endswith("\n")
    last = text.split("\r")[-1]
    assert last.startswith(f"[{'#' * 30}] 100%  1000/1000 documents")
    assert "ETA 0:00" in last
    # Each redraw covers the longer line it replaces.
    lines = text.rstrip("\n").split("\r")[1:]
    assert all(len(b) >= len(a) for a, b in zip(lines, lines[1:], strict=False))


def test_progress_without_a_terminal_is_a_line_per_tenth():
    log, clock = StringIO(), Clock()
    bar = ProgressBar(OutputWrapper(log), clock=clock)
    for done in range(0, 1001, 7):
        clock.now += 0.07
        bar.update(done, 1000)
    bar.update(1000, 1000)
    bar.close()
    lines = log.getvalue().splitlines()
    percents = [int(re.search(r"\((\d+)%\)", line)[1]) for line in lines]
    assert percents == [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
    # 105 documents in 16 ticks of 0.07 s: 94/s, 895 left.
    assert lines[0] == "105/1000 documents (10%), 94 documents/s, ETA 0:10"
    assert lines[-1].startswith("1000/1000 documents (100%)")
    assert "\r" not in log.getvalue()


def test_rebuild_command_on_a_terminal_and_in_a_log(news, commit):
    with commit():
        add_news(news, "tariffs", kk="Тарифтер", ru="Тарифы")
    screen = Terminal()
    call_command("search_index", "rebuild", stdout=screen)
    text = screen.getvalue()
    assert re.search(r"\r\[#{30}\] 100%  (\d+)/\1 documents  \d+ documents/s  ETA 0:00\n", text)
    assert re.search(r"database: \d+ documents indexed", text)

    log = StringIO()
    call_command("search_index", "rebuild", stdout=log)
    lines = log.getvalue().splitlines()
    assert lines[0].startswith("Rebuilding the database index: ")
    assert re.fullmatch(r"(\d+)/\1 documents \(100%\), \d+ documents/s, ETA 0:00", lines[1])
    assert re.fullmatch(r"database: \d+ documents indexed", lines[2])
    assert len(lines) == 3 and "\r" not in log.getvalue()
