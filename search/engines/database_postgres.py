"""The database engine on PostgreSQL (its other half, SQLite, is in `database`): matching,
counting and ranking on `SearchMatch`.

A common word occurs in most pages of a language, so a search may match tens of
thousands of rows, and every one of them must be counted for the facets. The wide
`SearchEntry` rows (texts, term strings, vectors) make that slow however the match is
found; `SearchMatch` (migration 0006) holds, per entry, only what a search filters,
counts and sorts on, and the ids of its terms (`SearchTerm`) in integer arrays with
GIN indexes. A search then runs:

1. the query terms' ids (a term nobody wrote matches nothing);
2. the facets of the matched set (any term), counted in one pass (grouping sets);
3. the hits, ranked by the score of `search.engines.base` on a few candidates only.
   Every page with all the terms outranks every page without them, and among pages
   that hold all the terms but none in the title the score is the same, so the newest
   of those decide. The candidates are: the pages with a query term in the title, the
   `need` newest pages holding all the terms, and, only when fewer than `need` pages
   hold all of them, every matched page. `need` is the requested page's end plus
   `RERANK_CANDIDATES`; the phrase in the body (big positional vector) is checked on
   the `need` best candidates, as before. Sorting by date takes as candidates the
   pages at least as new as the `need`-th newest match.

Filters are terms too: each row's `term_ids` also hold the ids of its scope tokens
(`@lang:kk`, `@agency:<slug>`, `@in:<slug>` for its agency and each parent body,
`@type:<page type>`, `@year:<year>`), so a filtered search is one GIN lookup of
"any query term and all these tokens" however common the words are; and the negated
ids of its title terms, so "all the terms, and one of them in the title" is one GIN
lookup too. Analysed terms
never start with "@" (the analysers split on it); `split_terms` drops any that would.

Terms are split on whitespace, as the Elasticsearch engine's `whitespace` analyzer
does, so both engines see the same terms.
"""

from __future__ import annotations

from search.models import SearchEntry, SearchMatch, SearchTerm

from .base import (
    SCORE_ALL_TERMS,
    SCORE_ANY_SHARE,
    SCORE_PHRASE,
    SCORE_TITLE_ALL,
    SCORE_TITLE_SHARE,
    SearchQuery,
)

ENTRY = SearchEntry._meta.db_table
MATCH = SearchMatch._meta.db_table
TERM = SearchTerm._meta.db_table
# Longer "words" are not indexed (a btree entry has a size limit); a query for one
# matches nothing, as it would match nothing anyway.
MAX_TERM_LENGTH = 255
# Body phrases are checked on this many candidates past the requested page.
RERANK_CANDIDATES = 200


def split_terms(text: str) -> list[str]:
    return [t for t in (text or "").split() if len(t) <= MAX_TERM_LENGTH and t[0] != "@"]


def distinct_terms(text: str) -> set[str]:
    return {t for t in set((text or "").split()) if len(t) <= MAX_TERM_LENGTH and t[0] != "@"}


def _copy_text(value) -> str:
    """One field of COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, list):
        return "{" + ",".join(map(str, value)) + "}"
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return (text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def scope_tokens(entry: SearchEntry) -> set[str]:
    tokens = {f"@lang:{entry.language}", f"@type:{entry.page_type}"}
    if entry.agency:
        tokens.add(f"@agency:{entry.agency}")
        tokens.update(f"@in:{slug}" for slug in [entry.agency, *entry.agency_ancestors.split()])
    if entry.year:
        tokens.add(f"@year:{entry.year}")
    return tokens


# --- writing ---------------------------------------------------------------------
def term_ids(cursor, terms: set[str]) -> dict[str, int]:
    """The ids of `terms`, adding the new ones (in sorted order, so that concurrent
    writers take the unique index's locks in the same order)."""
    if not terms:
        return {}
    ordered = sorted(terms)
    cursor.execute(
        f"""WITH added AS (
                INSERT INTO {TERM} (term) SELECT t FROM unnest(%s::text[]) AS t ORDER BY t
                ON CONFLICT (term) DO NOTHING RETURNING term, id
            )
            SELECT term, id FROM added
            UNION ALL SELECT term, id FROM {TERM} WHERE term = ANY(%s::text[])""",
        [ordered, ordered],
    )
    return dict(cursor.fetchall())


def write_matches(cursor, entries: list[SearchEntry]) -> None:
    """Insert the `SearchMatch` rows of freshly inserted entries (ids set)."""
    if not entries:
        return
    title_seqs = [split_terms(e.title_terms) for e in entries]
    all_terms = [distinct_terms(e.title_terms + " " + e.body_terms) | scope_tokens(e)
                 for e in entries]
    ids = term_ids(cursor, set().union(*all_terms))

    # COPY, with the arrays formatted here: psycopg's own list dumper would spend most
    # of the time of a rebuild in Python.
    raw = getattr(cursor, "cursor", cursor)  # Django's wrapper around psycopg's cursor
    lines = []
    for e, terms, seq in zip(entries, all_terms, title_seqs, strict=True):
        row = (e.pk, e.page_id, e.agency, e.agency_ancestors, e.language, e.page_type,
               e.date, e.year,
               sorted({ids[t] for t in terms} | {-ids[t] for t in seq}),
               [ids[t] for t in seq])
        lines.append("\t".join(map(_copy_text, row)) + "\n")
    with raw.copy(f"""COPY {MATCH} (entry_id, page_id, agency, agency_ancestors, language,
                                 page_type, date, year, term_ids, title_ids) FROM STDIN""") as copy:
        copy.write("".join(lines))


# --- reading ---------------------------------------------------------------------
def filter_tokens(query: SearchQuery) -> list[str]:
    tokens = [f"@lang:{query.language}"]
    if query.agency:
        prefix = "@in:" if query.include_subordinate else "@agency:"
        tokens.append(prefix + query.agency)
    if query.page_type:
        tokens.append(f"@type:{query.page_type}")
    if query.year:
        tokens.append(f"@year:{int(query.year)}")
    return tokens


def _score(sequence: list[int | None], terms: list[int | None]) -> tuple[str, list, str, list]:
    """The score of `search.engines.base` without the phrase in the body, on `x`, and
    whether the phrase is in the title (`tp`). None: a term that no page holds."""
    known = [t for t in terms if t is not None]
    complete = len(known) == len(terms)
    n = len(terms)
    parts, params = [], []
    if complete:
        parts.append(f"CASE WHEN x.term_ids @> %s::integer[] THEN {SCORE_ALL_TERMS!r} ELSE 0 END")
        parts.append(
            f"CASE WHEN x.title_ids @> %s::integer[] THEN {SCORE_TITLE_ALL!r} ELSE 0 END"
        )
        params += [known, known]
    for t in known:
        parts.append(f"CASE WHEN x.title_ids @> ARRAY[%s]::integer[] "
                     f"THEN {SCORE_TITLE_SHARE / n!r} ELSE 0 END")
        parts.append(f"CASE WHEN x.term_ids @> ARRAY[%s]::integer[] "
                     f"THEN {SCORE_ANY_SHARE / n!r} ELSE 0 END")
        params += [t, t]
    tp_sql, tp_params = "FALSE", []
    if n > 1 and complete:
        # The phrase: the title's term ids hold the query's, in order, somewhere.
        tp_sql = ("(x.title_ids @> %s::integer[] AND EXISTS (SELECT 1 FROM "
                  "generate_subscripts(x.title_ids, 1) AS g(i) "
                  "WHERE x.title_ids[g.i:g.i + %s] = %s::integer[]))")
        tp_params = [known, len(sequence) - 1, sequence]
        parts.append(f"CASE WHEN {tp_sql} THEN {SCORE_PHRASE!r} ELSE 0 END")
        params += tp_params
    return " + ".join(parts), params, tp_sql, tp_params


def search(cursor, query: SearchQuery, sequence_terms: list[str], terms: list[str]):
    """Facet rows [(kind, value, count)] and [(entry id, score)] of the requested page."""
    tokens = filter_tokens(query)
    cursor.execute(f"SELECT term, id FROM {TERM} WHERE term = ANY(%s::text[])",
                   [terms + tokens])
    ids = dict(cursor.fetchall())
    known = [ids[t] for t in terms if t in ids]
    if not known or any(t not in ids for t in tokens):
        return [], []
    # Pages hidden now (a view restriction the engines may not know of yet).
    excl_sql, excl_params = "", []
    if query.exclude_pages:
        excl_sql = " AND NOT (x.page_id = ANY(%s::integer[]))"
        excl_params = [sorted(query.exclude_pages)]
    where = "x.term_ids @> %s::integer[]" + excl_sql
    where_params = [[ids[t] for t in tokens], *excl_params]

    cursor.execute(
        f"""SELECT x.agency, x.page_type, CAST(x.year AS VARCHAR(10)), COUNT(*),
                   GROUPING(x.agency), GROUPING(x.page_type)
            FROM {MATCH} x WHERE x.term_ids && %s::integer[] AND {where}
            GROUP BY GROUPING SETS ((x.agency), (x.page_type), (x.year))""",
        [known] + where_params,
    )
    facets = []
    for agency, page_type, year, count, g_agency, g_type in cursor.fetchall():
        if not g_agency:
            facets.append(("agency", agency, count))
        elif not g_type:
            facets.append(("page_type", page_type, count))
        elif year is not None:
            facets.append(("year", year, count))
    if not facets:
        return [], []

    term_list = [ids.get(t) for t in terms]
    sequence = [ids.get(t) for t in sequence_terms]
    score_sql, score_params, tp_sql, tp_params = _score(sequence, term_list)
    need = query.offset + query.per_page + RERANK_CANDIDATES
    complete = None not in term_list
    any_sql = f"x.term_ids && %s::integer[] AND {where}"
    any_params = [known] + where_params
    # Each candidate set is scored in its own scan and cut to its `need` best.
    columns = (f"x.entry_id, x.date, x.page_id, ({score_sql}) AS score, "
               f"CASE WHEN {tp_sql} THEN 1 ELSE 0 END AS tp")
    column_params = score_params + tp_params
    if query.sort == "date":
        order = "{t}.date DESC NULLS LAST, {t}.score DESC, {t}.page_id DESC"
        # The pages at least as new as the need-th newest match (all, if it has no date).
        parts = [f"""
            SELECT {columns} FROM {MATCH} x WHERE {any_sql} AND (
                x.date >= (SELECT x.date FROM {MATCH} x WHERE {any_sql}
                           ORDER BY x.date DESC NULLS LAST LIMIT 1 OFFSET %s)
                OR (SELECT COUNT(*) FROM (SELECT 1 FROM {MATCH} x WHERE {any_sql}
                                          AND x.date IS NOT NULL LIMIT %s) z) < %s)"""]
        candidate_params = (column_params + any_params + any_params + [need - 1]
                            + any_params + [need, need])
    else:
        order = "{t}.score DESC, {t}.date DESC NULLS LAST, {t}.page_id DESC"
        best = f"ORDER BY {order.format(t='x')} LIMIT %s"
        best = best.replace("x.score", "score")
        if complete:
            # Every page holding all the terms outranks every page that does not, and
            # among them a page with no query term in its title has the lowest score:
            # the candidates are those with a term in the title, the newest others, and
            # only when fewer than `need` hold all the terms, every matched page.
            every = known + where_params[0]  # all the terms and filters: one containment
            parts = [
                f"""(SELECT {columns} FROM {MATCH} x WHERE x.term_ids @> %s::integer[]
                     AND x.term_ids && %s::integer[]{excl_sql} {best})""",
                f"""(SELECT {columns} FROM (
                        SELECT x.entry_id FROM {MATCH} x WHERE x.term_ids @> %s::integer[]
                        {excl_sql} ORDER BY x.date DESC NULLS LAST, x.page_id DESC LIMIT %s
                     ) a JOIN {MATCH} x ON x.entry_id = a.entry_id)""",
                f"""(SELECT {columns} FROM {MATCH} x WHERE {any_sql}
                     AND (SELECT COUNT(*) FROM (SELECT 1 FROM {MATCH} x
                          WHERE x.term_ids @> %s::integer[]{excl_sql} LIMIT %s) z) < %s {best})""",
            ]
            in_title = [-t for t in known]
            candidate_params = (column_params + [every, in_title, *excl_params, need]
                                + column_params + [every, *excl_params, need]
                                + column_params + any_params
                                + [every, *excl_params, need, need, need])
        else:
            # A term no page holds: no page holds them all; score every match.
            parts = [f"SELECT {columns} FROM {MATCH} x WHERE {any_sql} {best}"]
            candidate_params = column_params + any_params + [need]

    body_sql, body_params = "FALSE", []
    if len(terms) > 1 and complete:
        lexemes = " <-> ".join(_lexeme(t) + ":B" for t in sequence_terms)
        body_sql = "e.search_vector @@ to_tsquery('simple'::regconfig, %s)"
        body_params = [lexemes]
    candidates = "\nUNION\n".join(parts)
    cursor.execute(
        f"""WITH s AS ({candidates}),
            top AS (SELECT * FROM s ORDER BY {order.format(t="s")} LIMIT %s)
            SELECT r.entry_id, r.score FROM (
                SELECT top.entry_id, top.date, top.page_id,
                       top.score + CASE WHEN top.tp = 0 AND top.score >= {SCORE_ALL_TERMS!r}
                                        AND {body_sql} THEN {SCORE_PHRASE!r} ELSE 0 END
                       AS score
                FROM top JOIN {ENTRY} e ON e.id = top.entry_id
            ) r
            ORDER BY {order.format(t="r")}
            LIMIT %s OFFSET %s""",
        candidate_params + [need] + body_params + [query.per_page, query.offset],
    )
    return facets, [(entry_id, float(score)) for entry_id, score in cursor.fetchall()]


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"
