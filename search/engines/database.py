"""The embedded engine: SearchEntry rows and the database's own full-text index.

SQLite matches through the FTS5 table of migration 0002: one SQL statement computes
the matched set once (a materialised CTE) and returns the facet counts and the
requested page of hits from it. PostgreSQL matches, counts and ranks on the narrow
`SearchMatch` table of term ids (`search.engines.database_postgres`). Both only see the
analysed term strings; the score is the one described in `search.engines.base`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from django.db import connections, transaction
from django.utils import timezone

from search.models import SearchEntry

from . import database_postgres
from .base import (
    BODY_LEVEL,
    BODY_LEVELS,
    EXACT,
    PRESENCE_FEATURES,
    SCORE_ALL_WORDS,
    SCORE_PHRASE,
    SCORE_TITLE_ALL,
    TIME_BOUND_TYPES,
    W_BODY,
    W_EXACT,
    W_TITLE,
    Hit,
    Plan,
    ProgressCallback,
    SearchEngine,
    SearchEngineError,
    SearchQuery,
    SearchResults,
    empty_results,
    feature_term,
    freshness_since,
    ranking_key,
    sort_facet,
)
from .entries import COLUMNS, EntryParts, entry_parts, entry_row

TABLE = SearchEntry._meta.db_table
FTS_TABLE = "birtutas_search_fts"
BATCH = 1000
DELETE_TRIGGER = f"{FTS_TABLE}_ad"
INSERT_TRIGGER = f"{FTS_TABLE}_ai"
INSERT_SQL = (
    f"INSERT INTO {TABLE} ({', '.join(COLUMNS)}, indexed_at) "
    f"VALUES ({', '.join(['%s'] * (len(COLUMNS) + 1))})"
)


class SqliteMatcher:
    """FTS5 match expressions (the table's rowid is SearchEntry.id)."""

    @staticmethod
    def q(term: str) -> str:
        return '"' + term.replace('"', '""') + '"'

    def alt(self, alt, prefix: str = "") -> str:
        return "(" + " AND ".join(self.q(prefix + t) for t in alt) + ")"

    def slot(self, slot, prefix: str = "") -> str | None:
        """Any alternative of the slot; with a feature `prefix`, only alternatives whose
        terms carry features (None: no alternative can)."""
        alts = [a for a in slot.alternatives if not prefix or all(map(feature_term, a))]
        if not alts:
            return None
        return "(" + " OR ".join(self.alt(a, prefix) for a in alts) + ")"

    def title(self, slot) -> str:
        return "{title_terms} : " + self.slot(slot)

    def phrase(self, terms) -> str:
        return "(" + " + ".join(self.q(t) for t in terms) + ")"

    @staticmethod
    def cond(match: str) -> tuple[str, list]:
        return f"e.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)", [match]


def _entry(doc: dict) -> SearchEntry:
    """The document as a `SearchEntry` instance (unsaved; the engine itself writes
    `entries.EntryRow` tuples)."""
    return SearchEntry(**entry_row(doc)._asdict())


class DatabaseEngine(SearchEngine):
    name = "database"

    def __init__(self, using: str = "default"):
        self.using = using

    def _entries(self):
        return SearchEntry.objects.using(self.using)

    @property
    def _postgres(self) -> bool:
        return connections[self.using].vendor == "postgresql"

    def _insert(self, rows: list[EntryParts], known: dict[str, int] | None = None) -> None:
        """Insert the rows (`entries.entry_parts`; on PostgreSQL, with their
        `SearchMatch` rows), BATCH at a time: COPY on PostgreSQL, one executemany on
        SQLite (whose FTS5 triggers index them). `known`: term ids already looked up
        in this transaction (`database_postgres.term_ids`)."""
        connection = connections[self.using]
        now = timezone.now()
        with connection.cursor() as cursor:
            for start in range(0, len(rows), BATCH):
                batch = rows[start : start + BATCH]
                if self._postgres:
                    database_postgres.write_entries(cursor, batch, now, known)
                    continue
                ops = connection.ops
                indexed_at = ops.adapt_datetimefield_value(now)
                cursor.executemany(
                    INSERT_SQL,
                    [
                        (*row[:11], ops.adapt_datefield_value(row.date), *row[12:], indexed_at)
                        for row, _body, _tokens in batch
                    ],
                )

    def _delete_all(self) -> list[str]:
        """Empty the engine's tables in the current transaction, without the per-row
        work of the ORM's delete. On SQLite, the FTS5 triggers are set aside (the
        delete trigger re-tokenises every old row; the insert trigger indexes the new
        rows one at a time, about twice the work of FTS5's own 'rebuild' from the
        content table): returns their SQL, for `_restore_fulltext` to rebuild the
        full-text index and put them back, all inside the transaction."""
        with connections[self.using].cursor() as cursor:
            if self._postgres:
                # Not row by row through the key's ON DELETE CASCADE.
                cursor.execute(f"DELETE FROM {database_postgres.MATCH}")
                cursor.execute(f"DELETE FROM {TABLE}")
                return []
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (%s, %s)",
                [DELETE_TRIGGER, INSERT_TRIGGER],
            )
            found = cursor.fetchall()
            for name, _sql in found:
                cursor.execute(f"DROP TRIGGER {name}")
            cursor.execute(f"DELETE FROM {TABLE}")
            return [sql for _name, sql in found]

    def _restore_fulltext(self, triggers: list[str]) -> None:
        """After `_delete_all` and the inserts (SQLite): index the new rows in FTS5 in
        one pass ('rebuild' empties it first), and put the triggers back."""
        if not triggers:
            return
        with connections[self.using].cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
            for sql in triggers:
                cursor.execute(sql)

    # --- writing ----------------------------------------------------------------
    def index(self, docs: Iterable[dict]) -> int:
        rows = [entry_parts(d) for d in docs]
        with transaction.atomic(using=self.using):
            self._entries().filter(doc_id__in=[r.doc_id for r, _b, _t in rows]).delete()
            self._insert(rows)
        return len(rows)

    def delete(self, ids: Iterable[str]) -> None:
        self._entries().filter(doc_id__in=list(ids)).delete()

    def delete_page(self, page_id: int) -> None:
        self._entries().filter(page_id=page_id).delete()

    def replace_pages(self, page_ids: Iterable[int], docs: Iterable[dict]) -> None:
        rows = [entry_parts(d) for d in docs]
        with transaction.atomic(using=self.using):
            self._entries().filter(page_id__in=list(page_ids)).delete()
            self._insert(rows)

    def rebuild(
        self,
        docs: Iterable[dict],
        progress_callback: ProgressCallback | None = None,
        total: int = 0,
    ) -> int:
        """Replace every entry in one transaction: readers see the old entries until
        the commit, then the new ones."""
        done = 0
        known: dict[str, int] = {}  # term ids, for this transaction only
        with transaction.atomic(using=self.using):
            triggers = self._delete_all()
            batch: list[EntryParts] = []
            for doc in docs:
                batch.append(entry_parts(doc))
                if len(batch) >= BATCH:
                    self._insert(batch, known)
                    done += len(batch)
                    batch = []
                    if progress_callback:
                        progress_callback(done, total)
            if batch:
                self._insert(batch, known)
                done += len(batch)
            self._restore_fulltext(triggers)
            if progress_callback:
                progress_callback(done, total)
        return done

    # --- reading ----------------------------------------------------------------
    def ping(self) -> bool:
        with connections[self.using].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)

    def counts(self) -> dict[tuple[str, str], int]:
        rows = self._entries().values_list("agency", "language").order_by()
        from django.db.models import Count

        return {
            (agency, language): n
            for agency, language, n in rows.annotate(n=Count("id")).values_list(
                "agency", "language", "n"
            )
        }

    def _score(self, m: SqliteMatcher, plan: Plan) -> tuple[str, list]:
        """The score of `search.engines.base`, as SQL over `e` (SQLite)."""
        parts, params = [], []
        n = len(plan.slots)

        def add(match: str | None, weight: float):
            if match is None:
                return
            sql, p = m.cond(match)
            parts.append(f"CASE WHEN {sql} THEN {weight!r} ELSE 0 END")
            params.extend(p)

        add(" AND ".join(m.slot(s) for s in plan.slots), SCORE_ALL_WORDS * n)
        add(" AND ".join(m.title(s) for s in plan.slots), SCORE_TITLE_ALL)
        if len(plan.sequence) > 1:
            add(m.phrase(plan.sequence), SCORE_PHRASE)
        for slot in plan.slots:
            add(m.slot(slot), W_BODY / BODY_LEVELS)
            for k in range(2, BODY_LEVELS + 1):
                add(m.slot(slot, f"{BODY_LEVEL}{k}"), W_BODY / BODY_LEVELS)
            add(m.title(slot), W_TITLE)
            for prefix, weight in PRESENCE_FEATURES:
                add(m.slot(slot, prefix), weight)
            if slot.exact:
                add(m.q(EXACT + slot.exact), W_EXACT)
        types = ", ".join("%s" for _ in TIME_BOUND_TYPES)
        for since, points in freshness_since(plan.today):
            parts.append(
                f"CASE WHEN e.page_type IN ({types}) AND e.date >= %s THEN {points!r} ELSE 0 END"
            )
            params += [*sorted(TIME_BOUND_TYPES), since.isoformat()]
        return " + ".join(parts), params

    def _filters(self, query: SearchQuery) -> tuple[list[str], list]:
        where, params = ["e.language = %s"], [query.language]
        if query.agency:
            if query.include_subordinate:
                where.append("(e.agency = %s OR e.agency_ancestors LIKE %s)")
                params += [query.agency, f"% {query.agency} %"]
            else:
                where.append("e.agency = %s")
                params.append(query.agency)
        if query.page_type:
            where.append("e.page_type = %s")
            params.append(query.page_type)
        if query.year:
            where.append("e.year = %s")
            params.append(int(query.year))
        if query.exclude_pages:
            # One parameter however many pages (SQLite limits the parameters).
            where.append("e.page_id NOT IN (SELECT value FROM json_each(%s))")
            params.append(json.dumps(sorted(query.exclude_pages)))
        return where, params

    def search(self, query: SearchQuery) -> SearchResults:
        plan = query.plan()
        if not plan:
            return empty_results(query)
        vendor = connections[self.using].vendor
        if vendor not in ("sqlite", "postgresql"):
            raise SearchEngineError(f"The database engine does not support {vendor}.")
        if self._postgres:
            # One transaction (no savepoint inside another), for the planner setting
            # that `database_postgres.search` makes for its own statements only.
            with (
                transaction.atomic(using=self.using, savepoint=False),
                connections[self.using].cursor() as cursor,
            ):
                rows, ranked = database_postgres.search(cursor, query, plan)
        else:
            with connections[self.using].cursor() as cursor:
                rows, ranked = self._search_sqlite(cursor, query, plan)
        facets: dict[str, list] = {"agency": [], "page_type": [], "year": []}
        for kind, value, count in rows:
            facets[kind].append((int(value) if kind == "year" else value, count))
        scores = dict(ranked)
        total = sum(count for _value, count in facets["agency"])
        entries = self._entries().defer("body", "title_terms", "body_terms").in_bulk(scores)
        hits = [_hit(entries[pk], scores[pk]) for pk in scores if pk in entries]
        hits.sort(
            key=lambda h: ranking_key(h.score, h.date, h.page_type, h.page_id, query.sort),
            reverse=True,
        )
        return SearchResults(
            total=total,
            hits=hits,
            facets={name: sort_facet(name, values) for name, values in facets.items()},
            query=query,
        )

    def _search_sqlite(self, cursor, query: SearchQuery, plan: Plan) -> tuple[list, list]:
        """Facet rows [(kind, value, count)] and [(entry id, score)] of the page."""
        m = SqliteMatcher()
        score_sql, score_params = self._score(m, plan)
        match = "(" + " OR ".join(m.slot(s) for s in plan.slots) + ")"
        if plan.phrases:
            match += " AND " + " AND ".join(m.phrase(p) for p in plan.phrases)
        match_sql, match_params = m.cond(match)
        where, where_params = self._filters(query)
        types = ", ".join("%s" for _ in TIME_BOUND_TYPES)
        tie = f"CASE WHEN m.page_type IN ({types}) THEN m.date END DESC NULLS LAST"
        if query.sort == "date":
            order = "m.date DESC NULLS LAST, m.score DESC, m.page_id DESC"
            order_params = []
        else:
            order = f"m.score DESC, {tie}, m.page_id DESC"
            order_params = sorted(TIME_BOUND_TYPES)
        cursor.execute(
            f"""
            WITH m AS MATERIALIZED (
                SELECT e.id, e.page_id, e.agency, e.page_type, e.year, e.date,
                       ({score_sql}) AS score
                FROM {TABLE} e
                WHERE {match_sql} AND {" AND ".join(where)}
            )
            SELECT 'agency', m.agency, COUNT(*), CAST(NULL AS BIGINT), CAST(NULL AS FLOAT)
            FROM m GROUP BY m.agency
            UNION ALL
            SELECT 'page_type', m.page_type, COUNT(*), CAST(NULL AS BIGINT), CAST(NULL AS FLOAT)
            FROM m GROUP BY m.page_type
            UNION ALL
            SELECT 'year', CAST(m.year AS VARCHAR(10)), COUNT(*), CAST(NULL AS BIGINT),
                   CAST(NULL AS FLOAT)
            FROM m WHERE m.year IS NOT NULL GROUP BY m.year
            UNION ALL
            SELECT * FROM (
                SELECT 'hit', CAST(NULL AS VARCHAR(50)), CAST(NULL AS BIGINT), m.id,
                       CAST(m.score AS FLOAT)
                FROM m ORDER BY {order}
                LIMIT %s OFFSET %s
            ) h
            """,
            score_params
            + match_params
            + where_params
            + order_params
            + [query.per_page, query.offset],
        )
        facets, ranked = [], []
        for kind, value, count, entry_id, score in cursor.fetchall():
            if kind == "hit":
                ranked.append((entry_id, float(score)))
            else:
                facets.append((kind, value, count))
        return facets, ranked


def _hit(entry: SearchEntry, score: float) -> Hit:
    return Hit(
        id=entry.doc_id,
        page_id=entry.page_id,
        title=entry.title,
        url=entry.url,
        summary=entry.summary,
        date=entry.date,
        agency=entry.agency,
        agency_name=entry.agency_name,
        language=entry.language,
        page_type=entry.page_type,
        score=score,
    )
