"""The query, the results, the relevance model and the contract every engine keeps.

The relevance model (one definition; every engine computes exactly this score)
==============================================================================

A query is read into *slots* (`plan_query`): one per query word, each with its
alternative readings (`search.analysis.query_groups`: the most likely first, e.g.
kk облысы → облыс | облы), widened by the synonyms of the query's language and
agency (`SearchQuery.synonyms`: ЭЦП → электрон цифрлық қолтаңба, a multi-word
expression being one alternative whose terms must all occur; several query words
that spell one synonym become one slot). A slot is *satisfied* in a field when one
of its alternatives has all its terms there. A page matches when it satisfies at
least one slot and holds every quoted phrase ("…" in the query: those words, in
that order, in the title or in the body). With `n` slots, the score is:

    SCORE_ALL_WORDS  20 x n  every slot satisfied somewhere (coverage first: a page
                          that misses a word scores at most 18.5 x (n-1) + 3, so it
                          never outranks one that has them all)
    SCORE_TITLE_ALL   4   every slot satisfied in the title
    SCORE_PHRASE      8   the primary terms of the query, in order, in the title or
                          the body (2+ terms)
    per satisfied slot:
      W_TITLE        6    satisfied in the title
      W_LEAD         3    in the lead (intro, search description or summary)
      W_HEADINGS     3    in a heading of the body (document `headings`)
      W_BODY         4    x level/4: term frequency with saturation and length
                          normalisation (below), level 1..4 (1: anywhere)
      W_ATTACHMENTS  1.5  in an attached document's text (document `attachments`;
                          its terms, `attachment_terms`, are matched as the body's
                          last part but never raise the body's level: level 1)
      W_EXACT        1    the word as typed (lowercased) occurs in the page: an
                          exact form beats a match of the stem only
    freshness, only for time-bound page types (news, events, vacancies) with a
    date: +1 for each of 30, 90 and 365 days the date is within (at most 3,
    below one slot's title weight: a fresh page wins ties, never relevance).

Every weight is a multiple of 1/2, so every engine's sum (Elasticsearch's in 32-bit
floats) is exact and equal scores are equal everywhere: the tie-break decides alike.
For a level of several terms (a multi-word synonym), the lowest of its terms counts.

Ties: the higher score, then, among time-bound pages, the newer date (other pages
have no "sort date": a section or contact page is not new because it was
re-published), then the higher page id. `sort="date"` puts the page's date first.

Term frequency. Per term, the body's level comes from BM25's term-frequency part
with length normalisation, tf·(k1+1) / (tf + k1·(1 − b + b·len/pivot)), k1 = 1.2,
b = 0.75, divided by (k1+1) to lie in [0, 1), and quantised: level 4 from 0.8, 3
from 0.65, 2 from 0.5, else 1 (present). tf counts the term in the document's
`body_terms`, len is their number. It is BM25 without the corpus statistics, for
two reasons: (1) the pivot is a fixed length per language (not the corpus average)
and there is no IDF, so a page's score depends on that page only: every engine
(SQLite, PostgreSQL, Elasticsearch on another server with other shards and deleted
documents) computes the same number, a page's rank does not move when unrelated
pages are published, and the reference test can pin the engines to it; (2) the
levels are written at index time as *feature tokens* (below), so the engines score
with the same constant-score term lookups they use for matching, which keeps the
PostgreSQL engine fast. IDF's role (a rare word of the query counts more than a
common one) is mostly taken by coverage: a page with every word outranks any page
missing one, and queries are a few words long.

Feature tokens (`feature_tokens`, written into the indexed body terms after the
body's own terms): "ᐅb<k><term>" for body level k >= 2 (cumulative: level 4 also
writes 2 and 3), "ᐅl<term>" lead, "ᐅh<term>" headings, "ᐅa<term>" attachments,
"ᐅx<word>" each word of the title and body as written (lowercased). "ᐅ" (U+1405)
is a letter no analysed term holds, so these tokens never meet a query term, and
the SQLite FTS5 tokenizer keeps them whole; terms that are not purely
alphanumeric (3.5) get no feature tokens. A document indexed before these tokens
existed scores as if every level were 1 until `search_index rebuild`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import chain, repeat

SORTS = ("relevance", "date")
MAX_QUERY_TERMS = 12
MAX_PER_PAGE = 100

SCORE_ALL_WORDS = 20.0  # per slot
SCORE_TITLE_ALL = 4.0
SCORE_PHRASE = 8.0
W_TITLE = 6.0
W_LEAD = 3.0
W_HEADINGS = 3.0
W_BODY = 4.0
W_ATTACHMENTS = 1.5
W_EXACT = 1.0
BODY_LEVELS = 4
# The saturated, normalised term frequency from which a term has level 2, 3, 4.
LEVEL_THRESHOLDS = (0.5, 0.65, 0.8)
BM25_K1 = 1.2
BM25_B = 0.75
# The length (in analysed terms) at which the length normalisation is neutral: kk
# writes about three terms per word (Cyrillic and folded stems, the phrase stream).
PIVOT_TERMS = {"kk": 600, "ru": 200, "en": 200}
TIME_BOUND_TYPES = frozenset({"newspage", "eventpage", "vacancypage"})
# (days, points): a time-bound page dated within `days` of today gets `points`.
FRESHNESS = ((30, 1.0), (90, 1.0), (365, 1.0))

MARK = "\u1405"
BODY_LEVEL = MARK + "b"
LEAD = MARK + "l"
HEADINGS = MARK + "h"
ATTACHMENTS = MARK + "a"
EXACT = MARK + "x"
# Slot features other than the title: (token prefix, points).
PRESENCE_FEATURES = ((LEAD, W_LEAD), (HEADINGS, W_HEADINGS), (ATTACHMENTS, W_ATTACHMENTS))


class SearchEngineError(Exception):
    """The engine cannot be reached or refused the request (the caller may fall back)."""


@dataclass(frozen=True)
class SearchQuery:
    """One search, as the citizen asked it.

    text       what was typed (analysed with `language`'s analyser); a part in double
               quotes must occur as that phrase
    language   kk, ru or en: only documents in that language are searched
    agency     an agency slug, or None for the whole portal
    include_subordinate  with `agency`, also search the agencies below it
    page_type  a page model name (newspage, sectionpage, agencyhomepage) or None
    year       the year of the page's date, or None
    sort       "relevance" (default) or "date" (newest first)
    page       1-based page number of the results
    per_page   hits per page (at most MAX_PER_PAGE)
    exclude_pages  page ids that must not be found, whatever the index holds: the
               pages a view restriction hides now (`search.privacy`), which the
               index may still hold until the outbox is drained into every engine
    synonyms   groups of equivalent expressions for this language (and agency):
               `search.synonyms.synonyms_for` fills them in `search.engines.search`
    today      the day freshness is counted from (None: today)
    """

    text: str
    language: str
    agency: str | None = None
    include_subordinate: bool = False
    page_type: str | None = None
    year: int | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10
    exclude_pages: frozenset[int] = frozenset()
    synonyms: tuple[tuple[str, ...], ...] = ()
    today: date | None = None

    def __post_init__(self):
        if self.sort not in SORTS:
            raise ValueError(f"sort must be one of {SORTS}, got {self.sort!r}")
        if self.page < 1:
            raise ValueError("page starts at 1")
        if not 1 <= self.per_page <= MAX_PER_PAGE:
            raise ValueError(f"per_page must be between 1 and {MAX_PER_PAGE}")

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def terms(self) -> list[str]:
        """The primary query terms in query order, at most MAX_QUERY_TERMS."""
        return list(plan_query(self).sequence)

    def plan(self) -> Plan:
        return plan_query(self)


def _usable(term: str) -> bool:
    return any(ch.isalnum() for ch in term)


def distinct(terms: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(terms))


# --- the query, read into slots --------------------------------------------------
@dataclass(frozen=True)
class Slot:
    """One query word (or one synonym spelled by several words): its alternatives
    (tuples of terms that must all occur; the first is the primary reading) and the
    word as typed, for the exact-form bonus (None when it is not one plain word)."""

    alternatives: tuple[tuple[str, ...], ...]
    exact: str | None = None


@dataclass(frozen=True)
class Plan:
    slots: tuple[Slot, ...]
    sequence: tuple[str, ...]  # primary terms in query order (the phrase bonus)
    phrases: tuple[tuple[str, ...], ...]  # quoted parts: must occur in this order
    today: date

    @property
    def terms(self) -> list[str]:
        """Every term of every alternative and phrase (distinct, in query order)."""
        found = [t for s in self.slots for alt in s.alternatives for t in alt]
        found += [t for p in self.phrases for t in p]
        return distinct(found)

    @property
    def alternatives(self) -> list[tuple[str, ...]]:
        return distinct([alt for s in self.slots for alt in s.alternatives])

    def __bool__(self) -> bool:
        return bool(self.slots)


def split_quoted(text: str) -> list[tuple[str, bool]]:
    """The parts of `text` and whether each was inside double quotes ("…", «…», “…”).
    An unclosed quote runs to the end."""
    normal = (text or "").replace("«", '"').replace("»", '"').replace("“", '"')
    normal = normal.replace("”", '"').replace("„", '"')
    parts = normal.split('"')
    return [(part, i % 2 == 1) for i, part in enumerate(parts) if part.strip()]


def _expression_terms(text: str, language: str) -> tuple[str, ...]:
    from search.analysis import query_groups

    return tuple(g[0] for g in query_groups(text, language) if _usable(g[0]))


def plan_query(query: SearchQuery) -> Plan:
    """Read the query into slots (see the module docstring)."""
    from search.analysis import query_groups, tokenize

    language = query.language
    slots: list[Slot] = []
    phrases: list[tuple[str, ...]] = []
    for part, quoted in split_quoted(query.text):
        phrase: list[str] = []
        for token in tokenize(part):
            groups = [[t for t in g if _usable(t)] for g in query_groups(token, language)]
            groups = [g for g in groups if g]
            exact = token if len(groups) == 1 and token.isalnum() else None
            for group in groups:
                phrase.append(group[0])
                slot = Slot(tuple((t,) for t in distinct(group)), exact)
                if all(s.alternatives != slot.alternatives for s in slots):
                    slots.append(slot)
        if quoted and phrase:
            phrases.append(tuple(phrase))
    slots = _apply_synonyms(slots, query.synonyms, language)
    # Bound the work: at most MAX_QUERY_TERMS slots, and as many alternatives.
    slots = slots[:MAX_QUERY_TERMS]
    slots = [Slot(s.alternatives[:MAX_QUERY_TERMS], s.exact) for s in slots]
    sequence = tuple(distinct([t for s in slots for t in s.alternatives[0]]))
    return Plan(
        tuple(slots),
        sequence,
        tuple(p[:MAX_QUERY_TERMS] for p in phrases),
        query.today or date.today(),
    )


def _apply_synonyms(slots: list[Slot], groups, language: str) -> list[Slot]:
    """Widen the slots by the synonym groups: a member found in the query (one slot
    holding its term, or consecutive slots whose primary terms spell it) gains the
    other members as alternatives (several slots become one)."""
    for group in groups:
        members = [m for m in (_expression_terms(e, language) for e in group) if m]
        members = distinct(members)
        if len(members) < 2:
            continue
        for member in sorted(members, key=len, reverse=True):
            k = len(member)
            at = None
            for i in range(len(slots) - k + 1):
                run = slots[i : i + k]
                if k == 1 and any(alt == member for alt in run[0].alternatives):
                    at = i
                    break
                if k > 1 and tuple(s.alternatives[0][0] for s in run) == member:
                    at = i
                    break
            if at is None:
                continue
            run = slots[at : at + k]
            if k == 1:
                alternatives = list(run[0].alternatives)
                exact = run[0].exact
            else:
                alternatives = [member]
                exact = None
            alternatives += [m for m in members if m not in alternatives]
            slots = slots[:at] + [Slot(tuple(alternatives), exact)] + slots[at + k :]
            break
    return slots


# --- the document side -----------------------------------------------------------
@lru_cache(maxsize=65536)
def body_level(tf: int, length: int, language: str) -> int:
    """The body level (1..4) of a term occurring `tf` times among `length` terms."""
    if tf <= 0:
        return 0
    pivot = PIVOT_TERMS.get(language, 200)
    norm = BM25_K1 * (1 - BM25_B + BM25_B * length / pivot)
    saturated = tf * (BM25_K1 + 1) / (tf + norm) / (BM25_K1 + 1)
    return 1 + sum(saturated >= t for t in LEVEL_THRESHOLDS)


def feature_term(term: str) -> bool:
    """Terms that get feature tokens: purely alphanumeric (the FTS5 tokenizer keeps
    them whole)."""
    return term.isalnum()


@lru_cache(maxsize=262144)
def _chunk_terms(chunk: str, language: str) -> tuple[str, ...]:
    from search.analysis import analyze

    return tuple(dict.fromkeys(analyze(chunk, language)))


@lru_cache(maxsize=262144)
def _chunk_words(chunk: str) -> tuple[str, ...]:
    from search.analysis import tokenize

    return tuple(dict.fromkeys(w for w in tokenize(chunk) if w.isalnum()))


def _analysed(text: str | None, language: str) -> dict[str, None]:
    """The distinct analysed terms of `text` in text order (a dict: ordered, and as
    quick to test as a set), analysed per whitespace-separated chunk (cached: a site's
    words repeat, and analysing whole texts was most of the indexing time)."""
    if not text:
        return {}
    chunks = dict.fromkeys(text.split())
    return dict.fromkeys(
        chain.from_iterable(map(_chunk_terms, chunks, repeat(language, len(chunks))))
    )


def exact_words(*texts: str | None) -> dict[str, None]:
    """The distinct alphanumeric words of `texts` as written (lowercased, `tokenize`'s
    form), in text order."""
    chunks = dict.fromkeys(chain.from_iterable(t.split() for t in texts if t))
    return dict.fromkeys(chain.from_iterable(map(_chunk_words, chunks)))


@lru_cache(maxsize=4096)
def _level_steps(length: int, language: str) -> tuple[int, ...]:
    """The smallest term frequency that reaches body level 2, 3 and 4 among `length`
    terms (`body_level` grows with tf; a level no tf reaches is left out)."""
    steps: list[int] = []
    tf = 1
    for level in range(2, BODY_LEVELS + 1):
        while body_level(tf, length, language) < level:
            tf += 1
            if tf > length:
                return tuple(steps)
        steps.append(tf)
    return tuple(steps)


def feature_tokens(doc: dict) -> list[str]:
    """The feature tokens of a document (module docstring), distinct, in a fixed
    order: body levels 2, 3, 4, lead, headings, attachments, exact words, each in
    text order.

    It runs for every document at every index and rebuild, so it avoids per-term
    Python work: the body's levels come from the tf steps of its length
    (`_level_steps`) and only the terms above level 1 are looked at; the texts are
    analysed per chunk, cached (`_analysed`, `exact_words`); nothing is sorted."""

    return body_feature_tokens(doc, (doc.get("body_terms") or "").split())


def body_feature_tokens(doc: dict, body: list[str]) -> list[str]:
    """`feature_tokens`, with the document's `body_terms` already split (`body`)."""
    language = doc.get("language") or ""
    tokens: list[str] = []
    steps = _level_steps(len(body), language)
    if steps:
        first = steps[0]
        above = [(t, tf) for t, tf in Counter(body).items() if tf >= first and t.isalnum()]
        for k, step in enumerate(steps, start=2):
            prefix = f"{BODY_LEVEL}{k}"
            tokens += [prefix + t for t, tf in above if tf >= step]
    sources = (
        (LEAD, doc.get("lead", doc.get("summary"))),
        (HEADINGS, doc.get("headings")),
        (ATTACHMENTS, doc.get("attachments")),
    )
    for prefix, text in sources:
        if text:
            chunks = dict.fromkeys(text.split())
            tokens += dict.fromkeys(
                chain.from_iterable(
                    map(_chunk_features, repeat(prefix), chunks, repeat(language, len(chunks)))
                )
            )
    texts = [t for t in (doc.get("title"), doc.get("body")) if t]
    chunks = dict.fromkeys(chain.from_iterable(t.split() for t in texts))
    tokens += dict.fromkeys(chain.from_iterable(map(_chunk_exact, chunks)))
    return tokens


@lru_cache(maxsize=262144)
def _chunk_features(prefix: str, chunk: str, language: str) -> tuple[str, ...]:
    """The feature tokens `prefix`+term of a chunk's feature terms (cached: the
    tokens of a site's common words are built once)."""
    return tuple(prefix + t for t in _chunk_terms(chunk, language) if t.isalnum())


@lru_cache(maxsize=262144)
def _chunk_exact(chunk: str) -> tuple[str, ...]:
    return tuple(EXACT + w for w in _chunk_words(chunk))


def sort_date(page_type: str, day: date | None) -> date | None:
    """The date that breaks ties: only time-bound pages have one."""
    return day if page_type in TIME_BOUND_TYPES else None


def freshness_since(today: date) -> list[tuple[date, float]]:
    """(first day, points) of each freshness window."""
    return [(today - timedelta(days=days), points) for days, points in FRESHNESS]


# --- the definition, executable (the reference the engines are tested against) ---
def _has_run(tokens: Sequence[str], run: Sequence[str]) -> bool:
    k = len(run)
    return any(list(tokens[i : i + k]) == list(run) for i in range(len(tokens) - k + 1))


def searchable_body_terms(doc: dict) -> str:
    """The terms a query matches in the body: the body's own (`body_terms`), then those
    of its attached documents (`attachment_terms`), which count as present (level 1)
    but not in the body's term frequencies and length (`feature_tokens`)."""
    return " ".join(filter(None, (doc.get("body_terms"), doc.get("attachment_terms"))))


def holds_phrases(plan: Plan, doc: dict) -> bool:
    title = (doc.get("title_terms") or "").split()
    body = searchable_body_terms(doc).split()
    return all(_has_run(title, p) or _has_run(body, p) for p in plan.phrases)


def reference_score(plan: Plan, doc: dict) -> float | None:
    """The score of `doc` for `plan` straight from the document's fields (None when
    it does not match). The engines compute the same from the index."""

    language = doc.get("language") or ""
    title = (doc.get("title_terms") or "").split()
    own_body = (doc.get("body_terms") or "").split()
    body = searchable_body_terms(doc).split()
    title_set, counts = set(title), Counter(own_body)
    anywhere = title_set | set(body)
    lead = _analysed(doc.get("lead", doc.get("summary")), language)
    headings = _analysed(doc.get("headings"), language)
    attachments = _analysed(doc.get("attachments"), language)
    words = exact_words(doc.get("title"), doc.get("body"))

    def level(term: str) -> int:
        if term not in anywhere:
            return 0
        if not feature_term(term):
            return 1
        return max(1, body_level(counts[term], len(own_body), language))

    def satisfied(where: set[str], slot: Slot, features: bool = True) -> bool:
        return any(
            all(t in where and (not features or feature_term(t)) for t in alt)
            for alt in slot.alternatives
        )

    n = len(plan.slots)
    if not n or not holds_phrases(plan, doc):
        return None
    score, covered, in_title = 0.0, 0, 0
    for slot in plan.slots:
        if not satisfied(anywhere, slot, features=False):
            continue
        covered += 1
        points = W_BODY * max(min(level(t) for t in alt) for alt in slot.alternatives) / 4
        if satisfied(title_set, slot, features=False):
            in_title += 1
            points += W_TITLE
        for where, weight in ((lead, W_LEAD), (headings, W_HEADINGS), (attachments, W_ATTACHMENTS)):
            if satisfied(where, slot):
                points += weight
        if slot.exact and slot.exact in words:
            points += W_EXACT
        score += points
    if not covered:
        return None
    if covered == n:
        score += SCORE_ALL_WORDS * n
        if in_title == n:
            score += SCORE_TITLE_ALL
        if len(plan.sequence) > 1 and (
            _has_run(title, plan.sequence) or _has_run(body, plan.sequence)
        ):
            score += SCORE_PHRASE
    day = doc.get("date")
    if doc.get("page_type") in TIME_BOUND_TYPES and day:
        score += sum(points for since, points in freshness_since(plan.today) if day >= since)
    return score


def ranking_key(
    score: float, doc_date: date | None, page_type: str, page_id: int, sort: str = "relevance"
) -> tuple:
    """Sort key (descending) of a hit: see "Ties" in the module docstring."""
    if sort == "date":
        return (doc_date.toordinal() if doc_date else 0, score, page_id)
    tie = sort_date(page_type, doc_date)
    return (score, tie.toordinal() if tie else 0, page_id)


@dataclass
class Hit:
    id: str
    page_id: int
    title: str
    url: str
    summary: str
    date: date | None
    agency: str
    agency_name: str
    language: str
    page_type: str
    score: float


@dataclass
class SearchResults:
    """total: documents matched; hits: the requested page of them; facets: for
    "agency", "page_type" and "year", a list of (value, count), largest count first
    (years: newest first)."""

    total: int
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[tuple]] = field(default_factory=dict)
    query: SearchQuery | None = None

    @property
    def pages(self) -> int:
        if self.query is None or not self.total:
            return 0
        return -(-self.total // self.query.per_page)


def empty_results(query: SearchQuery) -> SearchResults:
    return SearchResults(
        total=0, hits=[], facets={"agency": [], "page_type": [], "year": []}, query=query
    )


def sort_facet(name: str, counts: Iterable[tuple]) -> list[tuple]:
    """Years newest first; other facets largest count first, then by value."""
    if name == "year":
        return sorted(counts, key=lambda vc: -vc[0])
    return sorted(counts, key=lambda vc: (-vc[1], str(vc[0])))


ProgressCallback = Callable[[int, int], None]


class SearchEngine:
    """What an engine does. Documents are the dicts of `search.documents`."""

    name = "base"

    def index(self, docs: Iterable[dict]) -> int:
        """Add or replace documents (by id); returns how many were written."""
        raise NotImplementedError

    def delete(self, ids: Iterable[str]) -> None:
        raise NotImplementedError

    def delete_page(self, page_id: int) -> None:
        """Remove every document of the page, whatever its language."""
        raise NotImplementedError

    def replace_pages(self, page_ids: Iterable[int], docs: Iterable[dict]) -> None:
        """Make the engine hold exactly `docs` for `page_ids` (none for a page = delete)."""
        raise NotImplementedError

    def search(self, query: SearchQuery) -> SearchResults:
        raise NotImplementedError

    # True when `search_many` sends its queries together (one round trip), so that a
    # caller may ask for more than it will read rather than ask in turn.
    batches = False

    def search_many(self, queries: Sequence[SearchQuery]) -> list[SearchResults]:
        """The results of each query, in order. Engines with a network round trip per
        search answer them all in one (Elasticsearch's `_msearch`)."""
        return [self.search(query) for query in queries]

    def counts(self) -> dict[tuple[str, str], int]:
        """Documents per (agency slug, language)."""
        raise NotImplementedError

    def rebuild(
        self,
        docs: Iterable[dict],
        progress_callback: ProgressCallback | None = None,
        total: int = 0,
    ) -> int:
        """Replace the whole index by `docs` without a moment of empty results."""
        raise NotImplementedError

    def ping(self) -> bool:
        """True when the engine answers."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Make what was indexed visible to searches now (tests; no-op when immediate)."""
