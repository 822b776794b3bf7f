"""The query, the results and the contract every search engine keeps.

Both engines rank by the same explicit score, computed from the analysed terms of
the query (`search.analysis.analyze_query`) and of the document:

    16  every query term occurs in the page (title or body)
     8  the query terms occur as a phrase, in the title or in the body (2+ terms)
     4  every query term occurs in the title
     2  x the share of the query terms that occur in the title
     1  x the share of the query terms that occur anywhere

then, for equal scores, newer pages first (NewsPage.date, else the date of the last
publication), then the higher page id. Sorting by "date" puts the date first and the
score second. Facets count the whole matched set with every filter applied.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

SORTS = ("relevance", "date")
MAX_QUERY_TERMS = 12
MAX_PER_PAGE = 100

SCORE_ALL_TERMS = 16.0
SCORE_PHRASE = 8.0
SCORE_TITLE_ALL = 4.0
SCORE_TITLE_SHARE = 2.0
SCORE_ANY_SHARE = 1.0


class SearchEngineError(Exception):
    """The engine cannot be reached or refused the request (the caller may fall back)."""


@dataclass(frozen=True)
class SearchQuery:
    """One search, as the citizen asked it.

    text       what was typed (analysed with `language`'s analyser)
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
        """The analysed query terms in query order (for phrases), at most MAX_QUERY_TERMS."""
        from search.analysis import analyze_query

        terms = [t for t in analyze_query(self.text or "", self.language) if _usable(t)]
        return terms[:MAX_QUERY_TERMS]


def _usable(term: str) -> bool:
    return any(ch.isalnum() for ch in term)


def distinct(terms: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(terms))


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

    def counts(self) -> dict[tuple[str, str], int]:
        """Documents per (agency slug, language)."""
        raise NotImplementedError

    def rebuild(self, docs: Iterable[dict], progress_callback: ProgressCallback | None = None,
                total: int = 0) -> int:
        """Replace the whole index by `docs` without a moment of empty results."""
        raise NotImplementedError

    def ping(self) -> bool:
        """True when the engine answers."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Make what was indexed visible to searches now (tests; no-op when immediate)."""
