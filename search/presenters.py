"""Turns a search and its results into the parameters of the search page's components.

`ResultsPage` holds the validated request parameters, runs the searches a results
page needs (the results, the counts in the other languages, "did you mean" when
nothing was found) and gives the template its context: result items with
highlighted title and snippet, facets as links, sort links, pagination, notices.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.models import Site, get_page_models

from cms.core.components.breadcrumbs import crumb
from cms.core.components.did_you_mean import did_you_mean
from cms.core.components.facet_list import facet_list
from cms.core.components.pagination import pagination
from cms.core.components.result_item import result_item
from cms.core.components.search_box import search_box
from cms.tenants.models import Agency
from search import spelling
from search.body import split_body
from search.engines import SearchQuery
from search.engines.base import SearchResults
from search.highlight import has_match, highlight, query_terms, snippet
from search.models import SearchEntry

PARAM_ORDER = ("q", "lang", "agency", "type", "year", "sort", "page")
PAGINATION_RADIUS = 2

LANGUAGE_NAMES = {
    "kk": gettext_lazy("Kazakh"),
    "ru": gettext_lazy("Russian"),
    "en": gettext_lazy("English"),
}


def local_url(request, url: str) -> str:
    """The indexed URL, relative when it points at the site the request came to.

    With several Wagtail Sites the index stores absolute URLs of the page's own site
    (http://localhost/kk/...); on that site a relative link works on any port and
    scheme, and a page of an agency's own host name keeps its absolute URL.
    """
    parts = urlsplit(url or "")
    if not parts.netloc:
        return url
    site = Site.find_for_request(request)
    if site is not None and parts.hostname == site.hostname:
        return urlunsplit(("", "", parts.path, parts.query, parts.fragment))
    return url


def page_type_labels() -> dict[str, str]:
    return {m._meta.model_name: capfirst(m._meta.verbose_name) for m in get_page_models()}


class ResultsPage:
    def __init__(self, request, data: dict, *, ui_language: str, scope: Agency | None):
        self.request = request
        self.data = data
        self.ui_language = ui_language
        self.scope = scope
        self.language = data.get("lang") or ui_language
        self.errors: list[str] = []
        self.notices: list[str] = []
        self.reduced = False
        self.unavailable = False
        self.results: SearchResults | None = None
        self.items: list[dict] = []
        self.promoted: list[dict] = []
        self.other_languages: list[dict] = []
        self.did_you_mean: dict | None = None
        self.terms = query_terms(data["q"], self.language)

    # --- URLs ------------------------------------------------------------------------
    def url(self, **changes) -> str:
        """This page's URL with `changes` (None removes a parameter; page resets to 1)."""
        params = {k: self.data.get(k) for k in PARAM_ORDER}
        if "page" not in changes:
            changes["page"] = None
        params.update(changes)
        defaults = {"sort": "relevance", "page": 1, "lang": self.ui_language}
        pairs = [
            (key, params[key])
            for key in PARAM_ORDER
            if params.get(key) not in (None, "") and defaults.get(key) != params[key]
        ]
        return self.request.path + ("?" + urlencode(pairs) if pairs else "")

    # --- Searching -------------------------------------------------------------------
    def base_query(self, **changes) -> SearchQuery:
        data = self.data
        agency = self.scope.slug if self.scope else (data.get("agency") or None)
        query = SearchQuery(
            text=data["q"],
            language=self.language,
            agency=agency,
            page_type=data.get("type") or None,
            year=data.get("year"),
            sort=data.get("sort") or "relevance",
            page=data.get("page") or 1,
        )
        return replace(query, **changes)

    def run(self, searcher, per_page: int) -> None:
        """The search, with its counts in the other languages in the same call to the
        engine (one request on Elasticsearch); "did you mean" only when nothing was
        found."""
        query = self.base_query(per_page=per_page)
        others = [
            replace(query, language=code, page=1, per_page=1, page_type=None, year=None)
            for code, _name in settings.LANGUAGES
            if code != self.language
        ]
        self.results, *counted = searcher.run_many([query, *others])
        # Mark the words the synonyms matched too (the same groups the search applied).
        self.terms = query_terms(
            query.text, self.language, searcher.synonyms(query.language, query.agency)
        )
        results = self.results
        if results.total and query.page > results.pages:
            self.notices.append(
                ngettext(
                    "There is no page %(page)d of results: the search found %(pages)d page.",
                    "There is no page %(page)d of results: the search found %(pages)d pages.",
                    results.pages,
                ) % {"page": query.page, "pages": results.pages}
            )
        self.items = self.present_hits(results.hits)
        self.other_languages = self._other_languages(others, counted)
        if not results.total:
            self.did_you_mean = self._did_you_mean(searcher, query)
        self.reduced = searcher.reduced

    def _other_languages(self, queries: list[SearchQuery], counted: list) -> list[dict]:
        offers = []
        for other, found in zip(queries, counted, strict=True):
            code, total = other.language, found.total
            if total:
                offers.append({
                    "language": code,
                    "total": total,
                    "url": self.url(lang=code, type=None, year=None),
                    "label": ngettext(
                        "%(count)d result in %(language)s",
                        "%(count)d results in %(language)s",
                        total,
                    ) % {"count": total, "language": LANGUAGE_NAMES.get(code, code)},
                })
        return offers

    def _did_you_mean(self, searcher, query: SearchQuery) -> dict | None:
        """The first candidate reading (most likely first, the page's language before
        Russian) that finds something. An engine that batches probes them all in one
        request; the database engine probes in turn and stops at the first."""
        languages = [self.language] + (["ru"] if self.language != "ru" else [])
        probes = [
            replace(query, text=text, language=language, page=1, per_page=1)
            for text in spelling.candidates(query.text, self.language)
            for language in languages
        ]
        if searcher.batches:
            found = [results.total for results in searcher.run_many(probes)]
        else:
            found = (searcher.run(probe).total for probe in probes)
        for probe, total in zip(probes, found):  # noqa: B905 (a generator: stops early)
            if total:
                language = probe.language
                return did_you_mean(
                    probe.text,
                    self.url(q=probe.text, lang=language),
                    language if language != self.ui_language else "",
                )
        return None

    # --- Presenting ------------------------------------------------------------------
    def _bodies(self, hits) -> dict[str, str]:
        ids = [hit.id for hit in hits]
        return dict(SearchEntry.objects.filter(doc_id__in=ids).values_list("doc_id", "body"))

    def _snippet(self, summary: str, stored: str) -> tuple:
        """(snippet, the attachment it comes from or None): the summary's or the page's
        text around the first match; when only an attached document holds the query's
        words, that document's text (and the document is named)."""
        language, terms = self.language, self.terms
        body, attachments = split_body(stored)
        if has_match(summary, terms, language) or has_match(body, terms, language):
            if has_match(summary, terms, language) or not body:
                return snippet(summary or body, terms, language), None
            return snippet(body, terms, language), None
        for attachment in attachments:
            if has_match(attachment["text"], terms, language):
                return snippet(attachment["text"], terms, language), attachment
        return snippet(summary or body, terms, language), None

    def present_hits(self, hits) -> list[dict]:
        bodies = self._bodies(hits)
        types = page_type_labels()
        items = []
        for hit in hits:
            meta = []
            if not self.scope and hit.agency_name:
                meta.append(hit.agency_name)
            meta.append(types.get(hit.page_type, hit.page_type))
            text, attachment = self._snippet(hit.summary, bodies.get(hit.id, ""))
            items.append(
                result_item(
                    highlight(hit.title, self.terms, self.language),
                    local_url(self.request, hit.url),
                    snippet=text,
                    document=attachment["title"] if attachment else "",
                    document_url=attachment["url"] if attachment else "",
                    meta=" · ".join(str(m) for m in meta),
                    date=hit.date,
                    lang=hit.language if hit.language != self.ui_language else "",
                )
            )
        return items

    def present_promoted(self, hits: list[dict]) -> list[dict]:
        return [
            result_item(
                highlight(hit["title"], self.terms, self.language),
                local_url(self.request, hit["url"]),
                snippet=snippet(hit.get("summary", ""), self.terms, self.language),
                lang=self.language if self.language != self.ui_language else "",
            )
            for hit in hits
        ]

    def facets(self) -> list[dict]:
        if not self.results or not self.results.total:
            return []
        facets = self.results.facets
        groups = []
        if not self.scope:
            slugs = [slug for slug, _n in facets.get("agency", []) if slug]
            names = dict(Agency.objects.filter(slug__in=slugs).values_list("slug", "name"))
            groups.append(self._facet("agency", _("Government body"), [
                (slug, names.get(slug, slug), n) for slug, n in facets.get("agency", []) if slug
            ]))
        types = page_type_labels()
        groups.append(self._facet("type", _("Kind of page"), [
            (value, types.get(value, value), n) for value, n in facets.get("page_type", [])
        ]))
        groups.append(self._facet("year", _("Year"), [
            (year, str(year), n) for year, n in facets.get("year", []) if year
        ]))
        return [g for g in groups if g["items"]]

    def _facet(self, name: str, title: str, values: list[tuple]) -> dict:
        return facet_list(
            name, title, values, self.data.get(name), lambda value: self.url(**{name: value})
        )

    def sort_links(self) -> list[dict]:
        current = self.data.get("sort") or "relevance"
        return [
            {"label": _("Relevance"), "url": self.url(sort="relevance"),
             "current": current == "relevance"},
            {"label": _("Date"), "url": self.url(sort="date"), "current": current == "date"},
        ]

    def pagination(self) -> dict:
        results = self.results
        if not results or results.pages <= 1:
            return {}
        return pagination(
            self.data.get("page") or 1,
            results.pages,
            lambda number: self.url(page=number),
            _("Result pages"),
            on_each_side=PAGINATION_RADIUS,
        )

    def breadcrumbs(self) -> list[dict]:
        """The site's home page, then the agency's home page when it is another page."""
        crumbs = []
        site = Site.find_for_request(self.request)
        root = site.root_page.specific if site else None
        if root is not None:
            crumbs.append(crumb(root.title, root.get_url(self.request) or "/"))
        home = getattr(self.scope, "home_page", None) if self.scope else None
        if home is not None and (root is None or home.pk != root.pk):
            crumbs.append(crumb(home.title, home.get_url(self.request) or ""))
        return crumbs

    def context(self) -> dict:
        q = self.data["q"]
        scope = self.scope
        if scope:
            heading = _("Search the website of %(name)s") % {"name": scope.name}
        else:
            heading = _("Search all government websites")
        suggest_url = reverse("search-suggest")
        if scope:
            suggest_url += "?" + urlencode({"agency": scope.slug})
        hidden = {}
        if self.language != self.ui_language:
            hidden["lang"] = self.language
        if (self.data.get("sort") or "relevance") != "relevance":
            hidden["sort"] = self.data["sort"]
        results = self.results
        total = results.total if results else 0
        crumbs = self.breadcrumbs()
        return {
            "agency": scope,
            "heading": heading,
            "query": q,
            "crumbs": crumbs,
            "search_box": search_box(
                self.request.path, q, suggest_url=suggest_url, hidden=hidden, input_id="search-q"
            ),
            "errors": self.errors,
            "notices": self.notices,
            "reduced": self.reduced,
            "unavailable": self.unavailable,
            "results": results,
            "total": total,
            "total_text": ngettext(
                "%(count)d result", "%(count)d results", total) % {"count": total},
            "results_lang": self.language if self.language != self.ui_language else "",
            "results_language_name": LANGUAGE_NAMES.get(self.language, self.language),
            "items": self.items,
            "promoted": self.promoted,
            "other_languages": self.other_languages,
            "did_you_mean": self.did_you_mean,
            "facets": self.facets(),
            "sort_links": self.sort_links() if total > 1 else [],
            "pagination": self.pagination(),
            "first_number": (results.query.offset + 1) if results and results.query else 1,
        }
