"""The database engine on PostgreSQL (its other half, SQLite, is in `database`): matching,
counting and ranking on `SearchMatch`.

A common word occurs in most pages of a language, so a search may match tens of
thousands of rows, and every one of them must be counted for the facets. The wide
`SearchEntry` rows (texts, term strings, vectors) make that slow however the match is
found; `SearchMatch` (migration 0006) holds, per entry, only what a search filters,
counts and sorts on, and the ids of its terms (`SearchTerm`) in integer arrays with
GIN indexes. A search then runs:

1. the ids of the query's terms and of their feature tokens (`base.feature_tokens`:
   body levels, lead, headings, attachments, exact forms; a row keeps those in
   `feature_ids`, read only to score candidates, so the GIN-indexed `term_ids` that
   every search scans stay as small as the terms); a term nobody wrote matches
   nothing;
2. the facets of the matched set (a slot satisfied: `&&` over its one-term
   alternatives, `@>` for a multi-word one; quoted phrases checked on the title's
   ids or the body's term string), counted in one pass (grouping sets);
3. the hits, ranked by the score of `search.engines.base` on candidates only. Every
   page that satisfies every slot outranks every page that does not (coverage), so
   the candidates are those pages, and every matched page only when fewer than
   `need` satisfy them all. `need` is the requested page's end plus
   `RERANK_CANDIDATES`; the score is a sum of array containments on the narrow row,
   except the phrase in the body (a search in the wide row's term string), checked
   on the `need` best candidates. Sorting by date takes as candidates the pages at
   least as new as the `need`-th newest match.

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

import logging
from dataclasses import dataclass
from functools import lru_cache

from search.models import SearchEntry, SearchMatch, SearchTerm

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
    Plan,
    SearchQuery,
    Slot,
    feature_term,
    freshness_since,
)
from .entries import COLUMNS, EntryParts, EntryRow

logger = logging.getLogger(__name__)

ENTRY = SearchEntry._meta.db_table
MATCH = SearchMatch._meta.db_table
TERM = SearchTerm._meta.db_table
# Longer "words" are not indexed (a btree entry has a size limit); a query for one
# matches nothing, as it would match nothing anyway.
MAX_TERM_LENGTH = 255
# The rows a search scores (`x`), each with its term and feature ids read once
# (`xf.terms`, `xf.ids`): a Kazakh page's feature ids are long enough to be stored
# out of line (TOAST), and each of the score's dozen or more tests of
# `x.feature_ids` fetched and copied them again (most of a common word's search time
# at 100k documents). The concatenation makes one in-memory copy per row; OFFSET 0
# keeps the planner from inlining it back into every test.
SCORED = (
    f"{MATCH} x CROSS JOIN LATERAL (SELECT x.term_ids || '{{}}'::integer[] AS terms, "
    "x.feature_ids || '{}'::integer[] AS ids OFFSET 0) xf"
)
# At most this many term ids are kept between a rebuild's batches (`term_ids`).
KNOWN_TERMS = 500_000
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
    if type(value) is str:
        text = value
    else:
        text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if "\\" not in text and "\t" not in text and "\n" not in text and "\r" not in text:
        return text
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def scope_tokens(entry: SearchEntry) -> frozenset[str]:
    return _scope_tokens(
        entry.language, entry.page_type, entry.agency, entry.agency_ancestors, entry.year
    )


@lru_cache(maxsize=65536)
def _scope_tokens(language, page_type, agency, ancestors, year) -> frozenset[str]:
    tokens = {f"@lang:{language}", f"@type:{page_type}"}
    if agency:
        tokens.add(f"@agency:{agency}")
        tokens.update(f"@in:{slug}" for slug in [agency, *ancestors.split()])
    if year:
        tokens.add(f"@year:{year}")
    return frozenset(tokens)


# --- writing ---------------------------------------------------------------------
def term_ids(cursor, terms: set[str], known: dict[str, int] | None = None) -> dict[str, int]:
    """The ids of `terms`, adding the new ones (in sorted order, so that concurrent
    writers take the unique index's locks in the same order). With `known` (ids
    found earlier in the same transaction: terms are never deleted), only the others
    are looked up, and `known`, updated, is returned."""
    if known is not None:
        missing = terms.difference(known)
        if missing:
            if len(known) > KNOWN_TERMS:
                known.clear()  # bounded memory; the batch's own terms are looked up again
                missing = terms
            known.update(term_ids(cursor, missing))
        return known
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


def write_entries(cursor, rows: list[EntryParts], indexed_at, known=None) -> None:
    """Insert `SearchEntry` rows and their `SearchMatch` rows (`rows`: as
    `entries.entry_parts` gives them), each table with one COPY. The entries' ids are
    drawn from the table's sequence first, so that both tables are written in one
    pass, with no row read back. `known`: see `term_ids`."""
    if not rows:
        return
    cursor.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
        [ENTRY, len(rows)],
    )
    ids = [i for (i,) in cursor.fetchall()]
    stamp = indexed_at.isoformat()
    raw = getattr(cursor, "cursor", cursor)  # Django's wrapper around psycopg's cursor
    lines = [
        "\t".join([str(pk), *map(_copy_text, row), stamp]) + "\n"
        for pk, (row, _body, _tokens) in zip(ids, rows, strict=True)
    ]
    with raw.copy(f"COPY {ENTRY} (id, {', '.join(COLUMNS)}, indexed_at) FROM STDIN") as copy:
        copy.write("".join(lines))
    write_matches(cursor, ids, rows, known)


def _entry_terms(row: EntryRow, body: list[str], tokens: list[str]) -> tuple[set[str], list[str]]:
    """(the distinct terms and scope tokens, the distinct feature tokens) of an entry
    (`entries.entry_parts`: `body` its body's terms, `tokens` its feature tokens)."""
    terms = set(body)
    terms.update(row.title_terms.split())
    features = tokens
    if "@" in row.body_terms or "@" in row.title_terms or (
        terms and max(map(len, terms)) > MAX_TERM_LENGTH
    ):
        terms = {t for t in terms if len(t) <= MAX_TERM_LENGTH and t[0] != "@"}
    if features and max(map(len, features)) > MAX_TERM_LENGTH:
        features = [t for t in features if len(t) <= MAX_TERM_LENGTH]
    terms |= _scope_tokens(row.language, row.page_type, row.agency, row.agency_ancestors, row.year)
    return terms, features


def write_matches(cursor, ids: list[int], rows: list[EntryParts], known=None) -> None:
    """Insert the `SearchMatch` rows of freshly inserted entries (`ids`: their ids)."""
    if not rows:
        return
    split = [_entry_terms(*parts) for parts in rows]
    wanted = set()
    for terms, features in split:
        wanted |= terms
        wanted.update(features)
    get = term_ids(cursor, wanted, known).__getitem__

    # COPY, with the arrays formatted here: psycopg's own list dumper would spend most
    # of the time of a rebuild in Python.
    raw = getattr(cursor, "cursor", cursor)  # Django's wrapper around psycopg's cursor
    lines = []
    for pk, (row, _body, _tokens), (terms, features) in zip(ids, rows, split, strict=True):
        title = list(map(get, split_terms(row.title_terms)))
        term_list = list(map(get, terms))
        term_list.extend(map(int.__neg__, set(title)))
        term_list.sort()
        feature_list = sorted(map(get, features))
        fields = (
            pk,
            row.page_id,
            row.agency,
            row.agency_ancestors,
            row.language,
            row.page_type,
            row.date,
            row.year,
        )
        # A list's repr, "[1, 2]", is an array's text "{1, 2}" (spaces are ignored),
        # built in C: faster than joining each id's str.
        lines.append(
            "\t".join(map(_copy_text, fields))
            + "\t{" + repr(term_list)[1:-1]
            + "}\t{" + repr(title)[1:-1]
            + "}\t{" + repr(feature_list)[1:-1] + "}\n"
        )
    columns = (
        "entry_id, page_id, agency, agency_ancestors, language, page_type, date, "
        "year, term_ids, title_ids, feature_ids"
    )
    with raw.copy(f"COPY {MATCH} ({columns}) FROM STDIN") as copy:
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


class _Ids:
    """The term ids a search needs, looked up in one statement."""

    def __init__(self, cursor, plan: Plan, tokens: list[str]):
        wanted = set(plan.terms) | set(tokens)
        for term in plan.terms:
            if feature_term(term):
                wanted.update(f"{BODY_LEVEL}{k}{term}" for k in range(2, BODY_LEVELS + 1))
                wanted.update(prefix + term for prefix, _w in PRESENCE_FEATURES)
        wanted.update(EXACT + s.exact for s in plan.slots if s.exact)
        cursor.execute(
            f"SELECT term, id FROM {TERM} WHERE term = ANY(%s::text[])", [sorted(wanted)]
        )
        self.ids = dict(cursor.fetchall())

    def of(self, terms, prefix: str = "") -> list[int] | None:
        """The ids of `terms` (None when a term is in no page: they cannot all occur)."""
        found = [self.ids.get(prefix + t) for t in terms]
        return None if None in found else found

    def slot(
        self, slot: Slot, prefix: str = "", sign: int = 1, member: bool = False
    ) -> tuple[str, list] | None:
        """SQL: the row satisfies the slot (with a feature `prefix`: its feature tokens;
        sign -1: in the title). None when no row can. `member`: as tests of `xf`'s
        sorted arrays by binary search (`_member`: to score the rows a match found);
        otherwise as the array operators the GIN index serves (to find them)."""
        if member:
            column = "xf.ids" if prefix else "xf.terms"
            alternatives = []
            for alt in slot.alternatives:
                if prefix and not all(map(feature_term, alt)):
                    continue
                got = self.of(alt, prefix)
                if got is not None:
                    alternatives.append(
                        " AND ".join(_member(column, sign * i) for i in got)
                    )
            if not alternatives:
                return None
            return "(" + " OR ".join(f"({a})" for a in alternatives) + ")", []
        singles, multis = [], []
        for alt in slot.alternatives:
            if prefix and not all(map(feature_term, alt)):
                continue
            got = self.of(alt, prefix)
            if got is None:
                continue
            got = [sign * i for i in got]
            (singles if len(got) == 1 else multis).append(got)
        column = "x.feature_ids" if prefix else "x.term_ids"
        parts, params = [], []
        if singles:
            parts.append(f"{column} && %s::integer[]")
            params.append(sorted({g[0] for g in singles}))
        for got in multis:
            parts.append(f"{column} @> %s::integer[]")
            params.append(got)
        if not parts:
            return None
        return "(" + " OR ".join(parts) + ")", params

    def any_slot(self, slots, sign: int = 1) -> tuple[str, list]:
        """SQL: the row satisfies one of `slots` (sign -1: in the title), as one `&&`
        of every one-term alternative's id (a single condition of the GIN index, where
        an OR of one per slot is a filter on each row of the others' bitmap) and a
        `@>` per multi-term alternative. FALSE when no row can."""
        singles, multis = set(), []
        for slot in slots:
            for alt in slot.alternatives:
                got = self.of(alt)
                if got is None:
                    continue
                if len(got) == 1:
                    singles.add(sign * got[0])
                else:
                    multis.append([sign * i for i in got])
        parts, params = [], []
        if singles:
            parts.append("x.term_ids && %s::integer[]")
            params.append(sorted(singles))
        for got in multis:
            parts.append("x.term_ids @> %s::integer[]")
            params.append(got)
        if not parts:
            return "FALSE", []
        return "(" + " OR ".join(parts) + ")", params


def _member(column: str, term_id: int) -> str:
    """SQL: the sorted, distinct integer array `column` holds `term_id`. A binary search
    (`width_bucket` gives the position of the last element <= the id): several times
    cheaper than `&&`, which compares the id with every element, and the score makes
    a dozen such tests per row."""
    term_id = int(term_id)
    return f"{column}[width_bucket({term_id}, {column})] = {term_id}"


def _all(conds) -> tuple[str, list] | None:
    if not conds or None in conds:
        return None
    return "(" + " AND ".join(c[0] for c in conds) + ")", [p for c in conds for p in c[1]]


def _title_phrase(sequence: list[int]) -> tuple[str, list]:
    """SQL: the title's term ids hold `sequence`, in order, somewhere."""
    return (
        "(x.title_ids @> %s::integer[] AND EXISTS (SELECT 1 FROM "
        "generate_subscripts(x.title_ids, 1) AS g(i) "
        "WHERE x.title_ids[g.i:g.i + %s] = %s::integer[]))",
        [sequence, len(sequence) - 1, sequence],
    )


def _body_phrase(terms) -> tuple[str, list]:
    """SQL on `e` (SearchEntry): the body's terms (with its attachments') hold `terms`
    in order. `body_terms` is the space-joined term sequence, so this is the
    definition's run of terms as a substring between spaces, at any position however
    long the text (a tsvector keeps positions only up to 16,383, so a phrase deep in
    a long attachment was missed)."""
    return (
        "strpos(' ' || e.body_terms || ' ', %s) > 0",
        [" " + " ".join(terms) + " "],
    )


@dataclass(frozen=True)
class _Part:
    """One term of the score: `weight` when `sql` (on `x` and `xf`) holds. `kind` says
    what it is worth in the bound of a row that has no query word in its title
    (`_bound`): "title" nothing; "cover" its weight when every slot is satisfied;
    "slot" its weight when slot number `slot` is satisfied (its presence, and its body
    levels: a level token is written only for a term of the body, which is among the
    row's terms); "feature" its weight (read from the feature ids, which the bound
    does not read); "fresh" what it is worth in the score (the row's date)."""

    sql: str
    params: list
    weight: float
    kind: str
    slot: int | None = None


def _score_parts(ids: _Ids, plan: Plan) -> tuple[list[_Part], str, list]:
    """The score of `search.engines.base` without the phrase in the body, as parts on
    `x`, and whether the phrase is in the title (`tp`)."""
    n = len(plan.slots)
    parts: list[_Part] = []

    def add(cond, weight: float, kind: str, slot: int | None = None):
        if cond is not None:
            parts.append(_Part(cond[0], list(cond[1]), weight, kind, slot))

    add(_all([ids.slot(s, member=True) for s in plan.slots]), SCORE_ALL_WORDS * n, "cover")
    add(_all([ids.slot(s, sign=-1, member=True) for s in plan.slots]), SCORE_TITLE_ALL, "title")
    tp_sql, tp_params = "FALSE", []
    sequence = ids.of(plan.sequence)
    if len(plan.sequence) > 1 and sequence is not None:
        tp_sql, tp_params = _title_phrase(sequence)
        add((tp_sql, tp_params), SCORE_PHRASE, "title")
    for i, slot in enumerate(plan.slots):
        add(ids.slot(slot, member=True), W_BODY / BODY_LEVELS, "slot", i)
        for k in range(2, BODY_LEVELS + 1):
            add(ids.slot(slot, f"{BODY_LEVEL}{k}", member=True), W_BODY / BODY_LEVELS, "slot", i)
        add(ids.slot(slot, sign=-1, member=True), W_TITLE, "title")
        for prefix, weight in PRESENCE_FEATURES:
            add(ids.slot(slot, prefix, member=True), weight, "feature")
        if slot.exact:
            exact = ids.of([slot.exact], EXACT)
            if exact:
                add((_member("xf.ids", exact[0]), []), W_EXACT, "feature")
    for since, points in freshness_since(plan.today):
        add(
            ("x.page_type = ANY(%s) AND x.date >= %s", [sorted(TIME_BOUND_TYPES), since]),
            points,
            "fresh",
        )
    return parts, tp_sql, tp_params


def _half(points: float) -> int:
    """Points as an integer number of half points: every weight of the model is a
    multiple of 1/2 (`search.engines.base`), and integer sums cost a fifth less than
    numeric ones over the tens of thousands of rows a common word may score."""
    half = int(points * 2)
    if half != points * 2:
        raise ValueError(f"{points} is not a multiple of 1/2")
    return half


def _sum(parts) -> tuple[str, list]:
    """SQL: the sum of the parts' weights whose condition holds, in half points."""
    sql = [f"CASE WHEN {p.sql} THEN {_half(p.weight)} ELSE 0 END" for p in parts]
    return " + ".join(sql) or "0", [v for p in parts for v in p.params]


def _bound(parts: list[_Part], slot_conds, covered: bool) -> tuple[str, list, int]:
    """SQL on `x` (its term ids and date, never its feature ids): at least the score
    (in half points) of a row in which no slot is satisfied in the title, and the
    largest value it takes. `slot_conds`: each slot's condition on `x.term_ids`
    (`_Ids.slot`); with `covered`, the rows are known to satisfy every slot."""
    terms, params = [], []
    constant = 0
    by_slot: dict[int, int] = {}
    for p in parts:
        if p.kind == "feature" or (covered and p.kind in ("cover", "slot")):
            constant += _half(p.weight)
        elif p.kind == "slot":
            by_slot[p.slot] = by_slot.get(p.slot, 0) + _half(p.weight)
        elif p.kind == "cover":
            cover = _all(slot_conds)
            if cover is not None:
                terms.append(f"CASE WHEN {cover[0]} THEN {_half(p.weight)} ELSE 0 END")
                params += cover[1]
        elif p.kind == "fresh":
            terms.append(f"CASE WHEN {p.sql} THEN {_half(p.weight)} ELSE 0 END")
            params += p.params
    for i, weight in sorted(by_slot.items()):
        if slot_conds[i] is not None:
            terms.append(f"CASE WHEN {slot_conds[i][0]} THEN {weight} ELSE 0 END")
            params += slot_conds[i][1]
    highest = sum(_half(p.weight) for p in parts if p.kind != "title")
    return " + ".join([str(constant), *terms]), params, highest


def search(cursor, query: SearchQuery, plan: Plan):
    """Facet rows [(kind, value, count)] and [(entry id, score)] of the requested page."""
    tokens = filter_tokens(query)
    # A common word matches a third of a language's rows: the planner then prefers a
    # sequential scan, which tests the term arrays of every row (at 100k documents,
    # 3 times the time of the GIN index's bitmap, whose exact pages need no recheck).
    # For this transaction only (the engine runs the search in one).
    cursor.execute("SELECT set_config('enable_seqscan', 'off', true)")
    ids = _Ids(cursor, plan, tokens)
    slot_conds = [ids.slot(s) for s in plan.slots]
    known = [c for c in slot_conds if c is not None]
    if not known or ids.of(tokens) is None:
        return [], []
    where, where_params = "x.term_ids @> %s::integer[]", [ids.of(tokens)]
    # Pages hidden now (a view restriction the engines may not know of yet).
    if query.exclude_pages:
        where += " AND NOT (x.page_id = ANY(%s::integer[]))"
        where_params.append(sorted(query.exclude_pages))
    # Quoted phrases: every one in the title or the body.
    for phrase in plan.phrases:
        got = ids.of(phrase)
        if got is None:
            return [], []
        where += " AND x.term_ids @> %s::integer[]"
        where_params.append(got)
        if len(phrase) > 1:
            title_sql, title_params = _title_phrase(got)
            body_sql, body_params = _body_phrase(phrase)
            where += (
                f" AND ({title_sql} OR EXISTS (SELECT 1 FROM {ENTRY} e "
                f"WHERE e.id = x.entry_id AND {body_sql}))"
            )
            where_params += title_params + body_params
    match = _any(known)
    match_sql = f"{match[0]} AND {where}"
    match_params = match[1] + where_params

    cursor.execute(
        f"""SELECT x.agency, x.page_type, CAST(x.year AS VARCHAR(10)), COUNT(*),
                   GROUPING(x.agency), GROUPING(x.page_type)
            FROM {MATCH} x WHERE {match_sql}
            GROUP BY GROUPING SETS ((x.agency), (x.page_type), (x.year))""",
        match_params,
    )
    facets = []
    total = 0
    for agency, page_type, year, count, g_agency, g_type in cursor.fetchall():
        if not g_agency:
            facets.append(("agency", agency, count))
            total += count
        elif not g_type:
            facets.append(("page_type", page_type, count))
        elif year is not None:
            facets.append(("year", year, count))
    if not facets:
        return [], []

    parts, tp_sql, tp_params = _score_parts(ids, plan)
    score_sql, score_params = _sum(parts)
    need = query.offset + query.per_page + RERANK_CANDIDATES
    # Each candidate set is scored in its own scan and cut to its `need` best.
    columns = (
        f"x.entry_id, x.date, x.page_id, ({score_sql}) AS score, "
        f"CASE WHEN {tp_sql} THEN 1 ELSE 0 END AS tp, "
        f"CASE WHEN x.page_type = ANY(%s) THEN x.date END AS tie"
    )
    column_params = score_params + tp_params + [sorted(TIME_BOUND_TYPES)]
    trace = "NULL, NULL, NULL"
    if query.sort == "date":
        order = "{t}.date DESC NULLS LAST, {t}.score DESC, {t}.page_id DESC"
        # The pages at least as new as the need-th newest match (all, if it has no date).
        candidates = f"""s AS (
            SELECT {columns} FROM {SCORED} WHERE {match_sql} AND (
                x.date >= (SELECT x.date FROM {MATCH} x WHERE {match_sql}
                           ORDER BY x.date DESC NULLS LAST LIMIT 1 OFFSET %s)
                OR (SELECT COUNT(*) FROM (SELECT 1 FROM {MATCH} x WHERE {match_sql}
                                          AND x.date IS NOT NULL LIMIT %s) z) < %s))"""
        candidate_params = (
            column_params + match_params + match_params + [need - 1] + match_params + [need, need]
        )
    else:
        order = "{t}.score DESC, {t}.tie DESC NULLS LAST, {t}.page_id DESC"
        candidates, candidate_params = _best_candidates(
            ids, plan, parts, slot_conds, where, where_params, match_sql, match_params,
            columns, column_params, need, total,
        )
        trace = "(SELECT c FROM k), (SELECT theta FROM th), (SELECT open FROM th)"

    cover_min = _half(SCORE_ALL_WORDS * len(plan.slots))
    body_sql, body_params = "FALSE", []
    if len(plan.sequence) > 1 and ids.of(plan.sequence) is not None:
        body_sql, body_params = _body_phrase(plan.sequence)
    cursor.execute(
        f"""WITH {candidates},
            top AS (SELECT * FROM s ORDER BY {order.format(t="s")} LIMIT %s)
            SELECT r.entry_id, r.score, {trace} FROM (
                SELECT top.entry_id, top.date, top.page_id, top.tie,
                       top.score + CASE WHEN top.tp = 0 AND top.score >= {cover_min}
                                        AND {body_sql} THEN {_half(SCORE_PHRASE)} ELSE 0 END
                       AS score
                FROM top JOIN {ENTRY} e ON e.id = top.entry_id
            ) r
            ORDER BY {order.format(t="r")}
            LIMIT %s OFFSET %s""",
        candidate_params + [need] + body_params + [query.per_page, query.offset],
    )
    rows = cursor.fetchall()
    if rows and query.sort != "date":
        covered, theta, rest_open = rows[0][2:]
        rest = "all" if theta is None else "bounded" if rest_open else "skipped"
        # Which tiers of `_best_candidates` were scored (tests check the shortcut).
        logger.debug(
            "candidates: %s; threshold %s from those with a query word in the title; "
            "the others: %s",
            "the pages with every word" if covered else "every match",
            None if theta is None else theta / 2,
            rest,
            extra={"ranking_rest": rest},
        )
    return facets, [(row[0], row[1] / 2) for row in rows]


def _best_candidates(
    ids, plan, parts, slot_conds, where, where_params, match_sql, match_params,
    columns, column_params, need, total,
) -> tuple[str, list]:
    """The CTEs ending in `s`: a set of scored rows that holds the `need` best matches
    by the score (without the phrase in the body), scoring as few as it can.

    The candidates `K` are the pages that satisfy every slot (they outrank every page
    that does not), or every match when fewer than `need` do (`k`; `total`, the
    number of matches, often decides it without a count). A common word
    matches tens of thousands of pages, and scoring each reads its feature ids (most
    of a search's time): so the rows are taken in two tiers, top-k with a bound
    (exact, as MaxScore/WAND are):

    a   the rows of K with a query word in the title (a GIN lookup of the negated
        title ids), scored, cut to their `need` best; `theta` is the `need`-th
        score among them (NULL when fewer);
    b   the other rows of K, whose score is at most `_bound` (no title points, every
        feature token counted as present, the rest exact from the term ids and the
        date), scored only when that bound reaches `theta`. When `theta` exceeds the
        largest bound any row can have (`th.open` false), `b` reads no row at all.

    A row outside `a` and `b` has a score below `theta`, which `need` rows of `a`
    reach, so the `need` best of `a` and `b` are the `need` best of K, ties included
    (a bound equal to `theta` is scored)."""
    title = ids.any_slot(plan.slots, sign=-1)
    cover = _all(slot_conds)
    best = "ORDER BY score DESC, tie DESC NULLS LAST, page_id DESC LIMIT %s"
    branches = []  # (candidates K, their parameters, when K is taken, covered)
    # k: whether K is the pages with every word. Counted only when the matches'
    # `total` does not tell: fewer than `need` matches, fewer pages with every word;
    # with one slot, the pages with every word are the matches.
    k_sql, k_params = "FALSE", []
    if cover is not None and total >= need:
        cover_sql = f"{cover[0]} AND {where}"
        cover_params = cover[1] + where_params
        if len(plan.slots) == 1:
            k_sql = "TRUE"
        else:
            k_sql = (
                f"(SELECT COUNT(*) FROM (SELECT 1 FROM {MATCH} x WHERE {cover_sql} "
                "LIMIT %s) z) >= %s"
            )
            k_params = cover_params + [need, need]
        branches.append((cover_sql, cover_params, "(SELECT c FROM k)", True))
    if k_sql != "TRUE":
        branches.append((match_sql, match_params, "NOT (SELECT c FROM k)", False))
    tier_a, tier_b = [], []
    params_a, params_b = [], []
    highest = 0
    for sql, params, taken, covered in branches:
        bound_sql, bound_params, top = _bound(parts, slot_conds, covered)
        highest = max(highest, top)
        tier_a.append(
            f"(SELECT {columns} FROM {SCORED} WHERE {sql} AND {title[0]} AND {taken} {best})"
        )
        params_a += column_params + params + title[1] + [need]
        tier_b.append(
            f"""(SELECT {columns} FROM {SCORED} WHERE {sql} AND NOT {title[0]} AND {taken}
                 AND (SELECT open FROM th)
                 AND {bound_sql} >= COALESCE((SELECT theta FROM th), 0) {best})"""
        )
        params_b += column_params + params + title[1] + bound_params + [need]
    ctes = f"""k AS MATERIALIZED (SELECT {k_sql} AS c),
        a AS MATERIALIZED ({" UNION ALL ".join(tier_a)}),
        th AS MATERIALIZED (
            SELECT theta, theta IS NULL OR theta <= {highest} AS open
            FROM (SELECT CASE WHEN COUNT(*) < %s THEN NULL ELSE MIN(score) END AS theta
                  FROM a) t),
        b AS ({" UNION ALL ".join(tier_b)}),
        s AS (SELECT * FROM a UNION ALL SELECT * FROM b)"""
    return ctes, k_params + params_a + [need] + params_b


def _any(conds) -> tuple[str, list]:
    return "(" + " OR ".join(c[0] for c in conds) + ")", [p for c in conds for p in c[1]]
