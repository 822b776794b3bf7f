"""manage.py search_index rebuild|sync|status

rebuild  builds every document from the pages and loads them into a new index
         (Elasticsearch: a new concrete index, then the alias is swapped; database:
         one transaction), for the database engine and the configured engine.
sync     drains the outbox (changes recorded while the engine was unreachable).
status   documents per agency and language: expected from the pages, held by the
         database engine and by the configured engine, and the pending changes.
"""

from django.core.management.base import BaseCommand, CommandError

from search.documents import count_pages, expected_counts, iter_documents
from search.engines import SearchEngineError, all_engines
from search.engines.elastic import ElasticEngine
from search.indexing import drain_outbox, rebuild_engine
from search.models import IndexOutbox


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
            done = rebuild_engine(engine, iter_documents(), self._progress, total=total)
            self.stdout.write(self.style.SUCCESS(f"{engine.name}: {done} documents indexed"))

    def _progress(self, done: int, total: int) -> None:
        if total:
            self.stdout.write(f"{done}/{total} documents ({done * 100 // total}%)")
        else:
            self.stdout.write(f"{done} documents")

    def sync(self, which: str):
        pending = IndexOutbox.objects.count()
        ElasticEngine.forget_failures()
        result = drain_outbox()
        self.stdout.write(
            f"{result.rows} of {pending} pending changes applied ({result.pages} pages); "
            f"{result.pending} pending"
        )
        if result.error:
            raise CommandError(f"The index is not up to date: {result.error}")

    def status(self, which: str):
        expected = expected_counts()
        engines = self._engines(which)
        held = {e.name: e.counts() for e in engines}
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
        if out_of_sync:
            self.stdout.write(self.style.WARNING(f"Out of sync by {out_of_sync} documents"))
        else:
            self.stdout.write(self.style.SUCCESS("In sync"))
