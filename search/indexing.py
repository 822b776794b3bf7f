"""Keeping the index current: draining the outbox, and rebuilding.

Every change that can alter what the index should hold (publish, unpublish, slug
change, move, delete, an agency archived, restored or renamed, a view restriction
added or removed) records the affected page ids in `IndexOutbox`, inside the
transaction that makes the change (`search.outbox`). When that transaction commits,
a django-tasks task (`search.tasks`) drains the outbox with `drain_outbox`: it builds the current
documents of each page (none for a page that is gone, unpublished, private or in an
archived agency) and makes every engine hold exactly those. If an engine fails, the
rows stay, with their attempt count and last error, for the next drain
(`manage.py search_index sync`, or the next publish). Publishing never fails because
the engine is down.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import timedelta

from django.db import connections, transaction
from django.db.models import F
from django.utils import timezone

from .engines import SearchEngineError, all_engines
from .models import IndexOutbox, IndexRebuild, IndexRebuildChange

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
MAX_ERROR_CHARS = 2000


# --- draining ----------------------------------------------------------------------------
@dataclass
class DrainResult:
    pages: int = 0
    rows: int = 0
    failed_rows: int = 0
    pending: int = 0
    error: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def drain_outbox(batch_size: int = BATCH_SIZE) -> DrainResult:
    """Push the pending changes to every engine; stop at the first engine error.

    First, the pages recorded by a rebuild that died go back into the outbox (one
    query on a table that is almost always empty), so that they are drained too."""
    from .documents import documents_for_pages

    recover_dead_rebuilds()
    result = DrainResult()
    while True:
        with transaction.atomic():
            rows = list(
                IndexOutbox.objects.select_for_update(skip_locked=True).order_by("id")[:batch_size]
            )
            if not rows:
                break
            row_ids = [r.pk for r in rows]
            page_ids = sorted({r.page_id for r in rows})
            by_page = documents_for_pages(page_ids)
            docs = [doc for page_docs in by_page.values() for doc in page_docs]
            # A rebuild in progress: wait for nobody but its final replay (the row lock),
            # record the pages for that replay, and leave the database engine alone while
            # its one-transaction rebuild holds the rows.
            rebuilds = list(active_rebuilds().select_for_update())
            skipped = {r.engine for r in rebuilds if r.engine == "database"}
            errors = []
            for engine in all_engines():
                if engine.name in skipped:
                    continue
                try:
                    engine.replace_pages(page_ids, docs)
                except SearchEngineError as exc:
                    errors.append(f"{engine.name}: {exc}")
            if errors:
                error = "; ".join(errors)[:MAX_ERROR_CHARS]
                IndexOutbox.objects.filter(pk__in=row_ids).update(
                    attempts=F("attempts") + 1, last_error=error
                )
                logger.warning("Search index not updated, %d changes kept: %s", len(rows), error)
                result.failed_rows += len(rows)
                result.error = error
                break
            IndexRebuildChange.objects.bulk_create(
                [IndexRebuildChange(rebuild=r, page_id=pk) for r in rebuilds for pk in page_ids]
            )
            IndexOutbox.objects.filter(pk__in=row_ids).delete()
            result.rows += len(rows)
            result.pages += len(page_ids)
    result.pending = IndexOutbox.objects.count()
    return result


# --- rebuilding ----------------------------------------------------------------------------
def _stale_since():
    return timezone.now() - timedelta(seconds=IndexRebuild.STALE_AFTER_SECONDS)


def active_rebuilds():
    return IndexRebuild.objects.filter(heartbeat_at__gte=_stale_since()).order_by("pk")


def stale_rebuilds():
    """Rebuilds without a heartbeat for `STALE_AFTER_SECONDS`: their process died."""
    return IndexRebuild.objects.filter(heartbeat_at__lt=_stale_since()).order_by("pk")


@dataclass
class Recovery:
    rebuilds: list[str] = field(default_factory=list)
    pages: int = 0
    deleted_indices: list[str] = field(default_factory=list)
    error: str = ""


def recover_dead_rebuilds(clean_indices: bool | None = None) -> Recovery:
    """Put the pages recorded by rebuilds that died back into the outbox, and forget them.

    The drains of a rebuild's lifetime applied those pages to the engines not being
    rebuilt and left them for its final replay (the database engine was not even
    touched); a rebuild killed before that replay would lose them. The marker lock,
    as in `replay_rebuild_changes`, waits for a drain that still records under it,
    and makes two recoveries at once requeue the pages once. The caller drains.

    `clean_indices`: also delete the half-filled indices such rebuilds left behind
    (`delete_orphan_indices`); by default only when a rebuild of a search server
    died (a drain should not ask the server about its indices every time)."""
    recovery = Recovery()
    with transaction.atomic():
        markers = list(stale_rebuilds().select_for_update())
        if markers:
            page_ids = _requeue_recorded(markers)
            recovery.pages = len(page_ids)
            recovery.rebuilds = [
                f"{m.engine} (started {timezone.localtime(m.started_at):%Y-%m-%d %H:%M:%S %Z})"
                for m in markers
            ]
            logger.warning("Requeued %d pages recorded by dead rebuilds: %s",
                           len(page_ids), ", ".join(recovery.rebuilds))
    if clean_indices is None:
        clean_indices = any(m.engine != "database" for m in markers)
    if clean_indices:
        try:
            recovery.deleted_indices = delete_orphan_indices()
        except SearchEngineError as exc:
            recovery.error = str(exc)
            logger.warning("Orphan indices not deleted: %s", exc)
    return recovery


def delete_orphan_indices(engines=None) -> list[str]:
    """Delete the indices a dead rebuild loaded but never put behind the alias.

    Skipped for an engine while a rebuild of it is alive (its new index is not behind
    the alias yet, however old); an index younger than `STALE_AFTER_SECONDS` may
    belong to a rebuild that started since that check, so it stays too."""
    deleted = []
    for engine in all_engines() if engines is None else engines:
        if not hasattr(engine, "delete_orphan_indices"):
            continue
        if active_rebuilds().filter(engine=engine.name).exists():
            continue
        for name in engine.delete_orphan_indices(IndexRebuild.STALE_AFTER_SECONDS):
            logger.warning("Deleted the index %s, left behind by a dead rebuild", name)
            deleted.append(name)
    return deleted


def rebuild_engine(engine, docs: Iterable[dict], progress_callback=None, total: int = 0) -> int:
    """`engine.rebuild(docs)` without losing the changes drained meanwhile.

    A marker tells the drains that the engine is being rebuilt: they record the pages
    they apply (and skip the database engine, whose rebuild holds its rows). Once the
    new index is in place (or the rebuild failed), the recorded pages go back into the
    outbox under the marker's lock, which waits for the drains in flight, and are
    drained again with their current state.

    Before it starts, what earlier rebuilds that died left is cleaned up: their
    recorded pages are drained, and their half-filled indices of this engine deleted."""
    if recover_dead_rebuilds().pages:
        drain_outbox()
    delete_orphan_indices([engine])
    marker = IndexRebuild.objects.create(engine=engine.name, heartbeat_at=timezone.now())

    def progress(done: int, of: int) -> None:
        # Outside a transaction only: inside the database engine's rebuild the update
        # would lock the marker, and with it every drain, until the commit.
        if not connections[IndexRebuild.objects.db].in_atomic_block:
            IndexRebuild.objects.filter(pk=marker.pk).update(heartbeat_at=timezone.now())
        if progress_callback:
            progress_callback(done, of)

    try:
        return engine.rebuild(docs, progress, total=total)
    finally:
        replay_rebuild_changes(marker)


def _requeue_recorded(markers: list[IndexRebuild]) -> list[int]:
    """Put the pages recorded under `markers` (locked by the caller) back into the
    outbox and delete the markers; the page ids."""
    page_ids = sorted(set(
        IndexRebuildChange.objects.filter(rebuild__in=markers).values_list("page_id", flat=True)
    ))
    IndexOutbox.objects.bulk_create(
        [IndexOutbox(page_id=pk, action=IndexOutbox.Action.UPSERT) for pk in page_ids]
    )
    IndexRebuild.objects.filter(pk__in=[m.pk for m in markers]).delete()
    return page_ids


def replay_rebuild_changes(marker: IndexRebuild) -> DrainResult:
    with transaction.atomic():
        locked = list(IndexRebuild.objects.select_for_update().filter(pk=marker.pk))
        page_ids = _requeue_recorded(locked)
    if not page_ids:
        return DrainResult(pending=IndexOutbox.objects.count())
    return drain_outbox()
