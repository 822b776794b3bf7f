"""The embedded engine: SearchEntry rows and the database's own full-text index.

SQLite matches through the FTS5 table of migration 0002, PostgreSQL through the
generated `search_vector` column and its GIN index; both only see the analysed term
strings. One SQL statement computes the matched set once (a materialised CTE) and
returns the facet counts and the requested page of hits from it. The score is the
one described in `search.engines.base`.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connections, transaction

from search.models import SearchEntry

from .base import (
    SCORE_ALL_TERMS,
    SCORE_ANY_SHARE,
    SCORE_PHRASE,
    SCORE_TITLE_ALL,
    SCORE_TITLE_SHARE,
    Hit,
    ProgressCallback,
    SearchEngine,
    SearchEngineError,
    SearchQuery,
    SearchResults,
    distinct,
    empty_results,
    sort_facet,
)

TABLE = SearchEntry._meta.db_table
FTS_TABLE = "birtutas_search_fts"
BATCH = 1000
# PostgreSQL: body phrases are checked on this many candidates past the requested page.
RERANK_CANDIDATES = 200


class PostgresMatcher:
    """Conditions on the vectors of migrations 0002 and 0004: `match_vector` (title and
    body terms, no positions; GIN-indexed) for matching, `title_vector` (title terms with
    positions, small) for the title, `search_vector` (weighted, with positions, big) only
    for body phrases, which `search` checks on the top candidates alone."""

    two_stage = True
    # The score tests `match_vector` once per term: read (detoast) it once per row into
    # `v` (an in-memory copy; OFFSET 0 keeps the planner from inlining it back).
    score_from = (" CROSS JOIN LATERAL (SELECT e.match_vector || ''::tsvector AS match_vector"
                  " OFFSET 0) v")

    @staticmethod
    def _lex(term: str, weight: str = "") -> str:
        quoted = "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"
        return f"{quoted}:{weight}" if weight else quoted

    def _cond(self, tsquery: str, column: str = "match_vector",
              table: str = "e") -> tuple[str, list]:
        return f"{table}.{column} @@ to_tsquery('simple'::regconfig, %s)", [tsquery]

    def any(self, terms):
        return self._cond(" | ".join(self._lex(t) for t in terms))

    def all(self, terms):
        return self._cond(" & ".join(self._lex(t) for t in terms), table="v")

    def phrase(self, terms):
        """The phrase in the title (cheap); see `body_phrase`."""
        return self._cond(" <-> ".join(self._lex(t) for t in terms), "title_vector")

    def body_phrase(self, terms):
        return self._cond(" <-> ".join(self._lex(t, "B") for t in terms), "search_vector")

    def title_all(self, terms):
        return self._cond(" & ".join(self._lex(t) for t in terms), "title_vector")

    def title_term(self, term):
        return self._cond(self._lex(term), "title_vector")

    def term(self, term):
        return self._cond(self._lex(term), table="v")


class SqliteMatcher:
    """Conditions through the FTS5 table (its rowid is SearchEntry.id)."""

    two_stage = False
    score_from = ""

    @staticmethod
    def _q(term: str) -> str:
        return '"' + term.replace('"', '""') + '"'

    def _cond(self, match: str) -> tuple[str, list]:
        return f"e.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)", [match]

    def any(self, terms):
        return self._cond(" OR ".join(self._q(t) for t in terms))

    def all(self, terms):
        return self._cond(" AND ".join(self._q(t) for t in terms))

    def phrase(self, terms):
        return self._cond(" + ".join(self._q(t) for t in terms))

    def title_all(self, terms):
        return self._cond("{title_terms} : (" + " AND ".join(self._q(t) for t in terms) + ")")

    def title_term(self, term):
        return self._cond("{title_terms} : " + self._q(term))

    def term(self, term):
        return self._cond(self._q(term))


MATCHERS = {"postgresql": PostgresMatcher, "sqlite": SqliteMatcher}


def _entry(doc: dict) -> SearchEntry:
    ancestors = doc.get("agency_ancestors") or []
    return SearchEntry(
        doc_id=doc["id"],
        page_id=doc["page_id"],
        agency=doc.get("agency") or "",
        agency_ancestors=(" " + " ".join(ancestors) + " ") if ancestors else "",
        agency_name=doc.get("agency_name") or "",
        language=doc["language"],
        page_type=doc["page_type"],
        title=doc.get("title") or "",
        summary=doc.get("summary") or "",
        body=doc.get("body") or "",
        url=doc.get("url") or "",
        date=doc.get("date"),
        year=doc.get("year"),
        title_terms=doc.get("title_terms") or "",
        body_terms=doc.get("body_terms") or "",
        tags=" ".join(doc.get("tags") or []),
    )


class DatabaseEngine(SearchEngine):
    name = "database"

    def __init__(self, using: str = "default"):
        self.using = using

    @property
    def matcher(self):
        vendor = connections[self.using].vendor
        if vendor not in MATCHERS:
            raise SearchEngineError(f"The database engine does not support {vendor}.")
        return MATCHERS[vendor]()

    def _entries(self):
        return SearchEntry.objects.using(self.using)

    # --- writing ----------------------------------------------------------------
    def index(self, docs: Iterable[dict]) -> int:
        entries = [_entry(d) for d in docs]
        with transaction.atomic(using=self.using):
            self._entries().filter(doc_id__in=[e.doc_id for e in entries]).delete()
            self._entries().bulk_create(entries, batch_size=BATCH)
        return len(entries)

    def delete(self, ids: Iterable[str]) -> None:
        self._entries().filter(doc_id__in=list(ids)).delete()

    def delete_page(self, page_id: int) -> None:
        self._entries().filter(page_id=page_id).delete()

    def replace_pages(self, page_ids: Iterable[int], docs: Iterable[dict]) -> None:
        entries = [_entry(d) for d in docs]
        with transaction.atomic(using=self.using):
            self._entries().filter(page_id__in=list(page_ids)).delete()
            self._entries().bulk_create(entries, batch_size=BATCH)

    def rebuild(self, docs: Iterable[dict], progress_callback: ProgressCallback | None = None,
                total: int = 0) -> int:
        """Replace every entry in one transaction: readers see the old entries until
        the commit, then the new ones."""
        done = 0
        with transaction.atomic(using=self.using):
            self._entries().all().delete()
            batch: list[SearchEntry] = []
            for doc in docs:
                batch.append(_entry(doc))
                if len(batch) >= BATCH:
                    self._entries().bulk_create(batch)
                    done += len(batch)
                    batch = []
                    if progress_callback:
                        progress_callback(done, total)
            if batch:
                self._entries().bulk_create(batch)
                done += len(batch)
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

    def _score(self, m, sequence: list[str], terms: list[str]) -> tuple[str, list]:
        parts, params = [], []

        def add(cond, weight):
            sql, p = cond
            parts.append(f"CASE WHEN {sql} THEN {weight!r} ELSE 0 END")
            params.extend(p)

        single = len(terms) == 1
        if single:
            # Every matched row holds the one term: no need to test it row by row.
            parts.append(repr(SCORE_ALL_TERMS + SCORE_ANY_SHARE))
        else:
            add(m.all(terms), SCORE_ALL_TERMS)
            add(m.phrase(sequence), SCORE_PHRASE)
        add(m.title_all(terms), SCORE_TITLE_ALL)
        share = SCORE_TITLE_SHARE / len(terms)
        for term in terms:
            add(m.title_term(term), share)
        if not single:
            share = SCORE_ANY_SHARE / len(terms)
            for term in terms:
                add(m.term(term), share)
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
        return where, params

    def search(self, query: SearchQuery) -> SearchResults:
        sequence = query.terms()
        terms = distinct(sequence)
        if not terms:
            return empty_results(query)
        m = self.matcher
        score_sql, score_params = self._score(m, sequence, terms)
        match_sql, match_params = m.any(terms)
        where, where_params = self._filters(query)
        if query.sort == "date":
            order = "{t}.date DESC NULLS LAST, {t}.score DESC, {t}.page_id DESC"
        else:
            order = "{t}.score DESC, {t}.date DESC NULLS LAST, {t}.page_id DESC"
        two_stage = m.two_stage and len(terms) > 1
        extra_sql, extra_params = "", []
        if two_stage:
            tp_sql, extra_params = m.phrase(sequence)
            extra_sql = f", CASE WHEN {tp_sql} THEN 1 ELSE 0 END AS tp"
        sql = f"""
            WITH m AS MATERIALIZED (
                SELECT e.id, e.page_id, e.agency, e.page_type, e.year, e.date,
                       ({score_sql}) AS score{extra_sql}
                FROM {TABLE} e{m.score_from if len(terms) > 1 else ""}
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
        """
        params = score_params + extra_params + match_params + where_params
        if two_stage:
            # Body phrases need the big positional vector: check them only on the top
            # candidates of the cheap ranking (everything but the body phrase).
            body_sql, body_params = m.body_phrase(sequence)
            sql += f"""
            SELECT * FROM (
                SELECT 'hit', CAST(NULL AS VARCHAR(50)), CAST(NULL AS BIGINT), x.id,
                       CAST(x.score AS FLOAT)
                FROM (
                    SELECT c.id, c.date, c.page_id,
                           c.score + CASE WHEN c.tp = 0 AND c.score >= {SCORE_ALL_TERMS!r}
                                          AND {body_sql} THEN {SCORE_PHRASE!r} ELSE 0 END
                           AS score
                    FROM (SELECT * FROM m ORDER BY {order.format(t="m")} LIMIT %s) c
                    JOIN {TABLE} e ON e.id = c.id
                ) x
                ORDER BY {order.format(t="x")}
                LIMIT %s OFFSET %s
            ) h
            """
            candidates = query.offset + query.per_page + RERANK_CANDIDATES
            params += body_params + [candidates, query.per_page, query.offset]
        else:
            sql += f"""
            SELECT * FROM (
                SELECT 'hit', CAST(NULL AS VARCHAR(50)), CAST(NULL AS BIGINT), m.id,
                       CAST(m.score AS FLOAT)
                FROM m ORDER BY {order.format(t="m")}
                LIMIT %s OFFSET %s
            ) h
            """
            params += [query.per_page, query.offset]
        with connections[self.using].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        facets: dict[str, list] = {"agency": [], "page_type": [], "year": []}
        scores: dict[int, float] = {}
        for kind, value, count, entry_id, score in rows:
            if kind == "hit":
                scores[entry_id] = float(score)
            elif kind == "year":
                facets["year"].append((int(value), count))
            else:
                facets[kind].append((value, count))
        total = sum(count for _value, count in facets["agency"])
        entries = self._entries().defer("body", "title_terms", "body_terms").in_bulk(scores)
        hits = [_hit(entries[pk], scores[pk]) for pk in scores if pk in entries]
        if query.sort == "date":
            hits.sort(key=lambda h: (h.date.toordinal() if h.date else 0, h.score, h.page_id),
                      reverse=True)
        else:
            hits.sort(key=lambda h: (h.score, h.date.toordinal() if h.date else 0, h.page_id),
                      reverse=True)
        return SearchResults(
            total=total,
            hits=hits,
            facets={name: sort_facet(name, values) for name, values in facets.items()},
            query=query,
        )


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
