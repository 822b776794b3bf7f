"""manage.py search_index rebuild|sync|status

rebuild  builds every document from the pages and loads them into a new index
         (Elasticsearch: a new concrete index, then the alias is swapped; database:
         one transaction), for the database engine and the configured engine, with
         a progress bar.
sync     requeues the pages recorded by rebuilds that died, deletes the indices
         they left half-filled, and drains the outbox (changes recorded while the
         engine was unreachable).
status   documents per agency and language: expected from the pages, held by the
         database engine and by the configured engine, the pending changes, the
         rebuilds running or dead and the indices not behind the alias.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count
from django.utils import timezone

from search.documents import count_pages, expected_counts, iter_documents
from search.engines import SearchEngineError, all_engines
from search.engines.elastic import ElasticEngine
from search.indexing import drain_outbox, rebuild_engine, recover_dead_rebuilds, stale_rebuilds
from search.models import IndexOutbox, IndexRebuild


class ProgressBar:
    """The progress of a rebuild on `stream`.

    On a terminal, one line redrawn in place (`\r`): a bar, the percentage, documents
    done of the total, documents per second and the time left. Elsewhere (CI, a log
    file), a line per tenth of the way, so that logs stay short. `clock` is there
    for the tests."""

    WIDTH = 30
    REDRAW_EVERY = 0.1  # seconds: the terminal need not redraw at every batch

    def __init__(self, stream, clock=time.monotonic):
        self.stream = stream
        self.clock = clock
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.started = clock()
        self.drawn_at = None
        self.line_width = 0
        self.next_step = 10  # percent, when not on a terminal
        self.open_line = False

    def update(self, done: int, total: int) -> None:
        now = self.clock()
        elapsed = now - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        percent = min(100, done * 100 // total) if total else None
        if self.tty:
            recent = self.drawn_at is not None and now - self.drawn_at < self.REDRAW_EVERY
            if recent and not (total and done >= total):
                return
            self.drawn_at = now
            self._draw(self._tty_line(done, total, percent, rate))
        elif percent is not None and percent >= self.next_step:
            self.next_step = percent // 10 * 10 + 10
            self.stream.write(self._log_line(done, total, percent, rate))

    def close(self) -> None:
        """End the redrawn line, before the next message."""
        if self.open_line:
            self.stream.write("")
            self.open_line = False

    def _draw(self, line: str) -> None:
        padding = " " * max(0, self.line_width - len(line))
        self.stream.write("\r" + line + padding, ending="")
        self.stream.flush()
        self.line_width = len(line)
        self.open_line = True

    def _tty_line(self, done, total, percent, rate) -> str:
        if percent is None:
            return f"{done} documents  {rate:.0f} documents/s"
        filled = self.WIDTH * percent // 100
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        return (f"[{bar}] {percent:3d}%  {done}/{total} documents  {rate:.0f} documents/s  "
                f"ETA {self._eta(done, total, rate)}")

    def _log_line(self, done, total, percent, rate) -> str:
        return (f"{done}/{total} documents ({percent}%), {rate:.0f} documents/s, "
                f"ETA {self._eta(done, total, rate)}")

    @staticmethod
    def _eta(done: int, total: int, rate: float) -> str:
        if done >= total:
            return "0:00"
        if rate <= 0:
            return "?"
        seconds = round((total - done) / rate)
        hours, rest = divmod(seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class Command(BaseCommand):
    help = "Rebuild, synchronise or inspect the central search index."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "sync", "status"])
        parser.add_argument(
            "--engine",
            choices=["all", "database", "elastic"],
            default="all",
            help="rebuild only this engine (default: the database and the configured one)",
        )

    def handle(self, *args, action, engine, **options):
        try:
            getattr(self, action)(engine)
        except SearchEngineError as exc:
            raise CommandError(str(exc)) from exc

    def _engines(self, which: str):
        engines = all_engines()
        if which != "all":
            engines = [e for e in engines if e.name == which]
            if not engines:
                raise CommandError(f"The {which} engine is not configured (SEARCH_URL).")
        return engines

    def rebuild(self, which: str):
        pages = count_pages()
        total = sum(expected_counts().values())
        for engine in self._engines(which):
            self.stdout.write(
                f"Rebuilding the {engine.name} index: {pages} pages, {total} documents"
            )
            bar = ProgressBar(self.stdout)
            try:
                done = rebuild_engine(engine, iter_documents(), bar.update, total=total)
            finally:
                bar.close()
            self.stdout.write(self.style.SUCCESS(f"{engine.name}: {done} documents indexed"))

    def sync(self, which: str):
        ElasticEngine.forget_failures()
        recovery = recover_dead_rebuilds(clean_indices=True)
        for rebuild in recovery.rebuilds:
            self.stdout.write(self.style.WARNING(f"Dead rebuild of {rebuild} forgotten"))
        if recovery.rebuilds:
            self.stdout.write(f"{recovery.pages} recorded pages requeued")
        for name in recovery.deleted_indices:
            self.stdout.write(self.style.WARNING(f"Index {name} of a dead rebuild deleted"))
        pending = IndexOutbox.objects.count()
        result = drain_outbox()
        self.stdout.write(
            f"{result.rows} of {pending} pending changes applied ({result.pages} pages); "
            f"{result.pending} pending"
        )
        errors = [e for e in (recovery.error, result.error) if e]
        if errors:
            raise CommandError(f"The index is not up to date: {'; '.join(errors)}")

    def status(self, which: str):
        expected = expected_counts()
        engines = self._engines(which)
        held, unreachable = {}, {}
        for engine in engines:
            try:
                held[engine.name] = engine.counts()
            except SearchEngineError as exc:
                # Status is what one runs while the engine is down: say so, go on.
                unreachable[engine.name] = str(exc)
        for name, error in unreachable.items():
            self.stdout.write(self.style.ERROR(f"{name}: UNREACHABLE ({error})"))
        engines = [e for e in engines if e.name not in unreachable]
        keys = sorted(set(expected).union(*(set(c) for c in held.values())))
        header = ["agency", "language", "pages"] + [e.name for e in engines] + ["difference"]
        rows = [header]
        out_of_sync = 0
        for key in keys:
            want = expected.get(key, 0)
            have = [held[e.name].get(key, 0) for e in engines]
            # The difference of the engine that is furthest off (negative: missing).
            diff = max((h - want for h in have), key=abs, default=0)
            out_of_sync += abs(diff)
            rows.append([key[0] or "(portal)", key[1], str(want)] + [str(h) for h in have]
                        + [f"{diff:+d}" if diff else "0"])
        widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
        for row in rows:
            line = "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))
            self.stdout.write(line.rstrip())
        totals = [str(sum(expected.values()))]
        totals += [str(sum(held[e.name].values())) for e in engines]
        names = " / ".join(["pages"] + [e.name for e in engines])
        self.stdout.write(f"Total ({names}): {' / '.join(totals)}")
        self.stdout.write(f"Pending changes in the outbox: {IndexOutbox.objects.count()}")
        self._rebuilds()
        self._orphans(engines)
        if out_of_sync:
            self.stdout.write(self.style.WARNING(f"Out of sync by {out_of_sync} documents"))
        if unreachable:
            self.stdout.write(self.style.WARNING(
                f"Not checked: {', '.join(unreachable)} (unreachable); "
                "`search_index sync` drains the outbox once it answers"))
        if not out_of_sync and not unreachable:
            self.stdout.write(self.style.SUCCESS("In sync"))

    def _rebuilds(self) -> None:
        markers = list(IndexRebuild.objects.annotate(
            pages=Count("changes__page_id", distinct=True)).order_by("pk"))
        if not markers:
            self.stdout.write("Rebuilds: none running")
            return
        stale = set(stale_rebuilds().values_list("pk", flat=True))
        self.stdout.write("Rebuilds:")
        for m in markers:
            state = "DEAD (no heartbeat)" if m.pk in stale else "running"
            self.stdout.write(
                f"  {m.engine}: {state}, started {_when(m.started_at)}, last heartbeat "
                f"{_when(m.heartbeat_at)}, {m.pages} pages recorded"
            )
        if stale:
            self.stdout.write(self.style.WARNING(
                "Dead rebuilds' pages are requeued by `search_index sync` (or the next drain)"
            ))

    def _orphans(self, engines) -> None:
        for engine in engines:
            if not hasattr(engine, "orphan_indices"):
                continue
            for name, created in engine.orphan_indices():
                self.stdout.write(
                    f"Index not behind the alias: {name} (created {_when(created)}; "
                    "a rebuild running or dead)"
                )


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S %Z")
