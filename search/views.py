"""Public search: the results page (portal-wide or one agency's) and the suggest endpoint.

    /<lang>/search/                   the whole portal; on an agency's own host name,
                                      that agency
    /<lang>/<agency>/search/          one agency (the same index, filtered)
    /<lang>/search/suggest/?q=...     up to 8 title suggestions as JSON (?agency=slug)

The views only parse the request (`search.forms`), ask `search.engines`, and turn
the answer into component parameters (`search.presenters`). When the configured
engine fails, the database engine answers and the page says so.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Site
from wagtail.views import serve as wagtail_serve

from cms.core import chrome
from cms.core.script import display_text, display_url
from cms.tenants.models import Agency
from search import spelling
from search.analysis import tokenize
from search.engines import SearchEngineError, SearchQuery, get_engine, get_fallback_engine
from search.forms import SearchForm, SuggestForm
from search.presenters import ResultsPage, local_url
from search.privacy import private_page_ids
from search.promotions import promoted_hits
from search.querylog import record_query
from search.synonyms import synonyms_for

logger = logging.getLogger(__name__)

PER_PAGE = 10
SUGGESTIONS = 8
MIN_SUGGEST_CHARS = 2


class Searcher:
    """Asks the configured engine; after it fails once, the database engine (`reduced`)."""

    def __init__(self):
        self.engine = get_engine()
        self.reduced = False
        self._hidden: frozenset[int] | None = None
        self._synonyms: dict[tuple, tuple] = {}

    def hidden_pages(self) -> frozenset[int]:
        """The pages a view restriction hides now (once per request, see `search.privacy`)."""
        if self._hidden is None:
            self._hidden = private_page_ids()
        return self._hidden

    def synonyms(self, language: str, agency: str | None) -> tuple[tuple[str, ...], ...]:
        """The synonyms of the language and agency (once per request each)."""
        key = (language, agency)
        if key not in self._synonyms:
            self._synonyms[key] = synonyms_for(language, agency)
        return self._synonyms[key]

    @property
    def batches(self) -> bool:
        """Whether `run_many` costs one round trip (ask together rather than in turn)."""
        return not self.reduced and self.engine.batches

    def run(self, query: SearchQuery):
        return self.run_many([query])[0]

    def run_many(self, queries):
        """The results of each query, from one call to the engine (one `_msearch` on
        Elasticsearch); the database engine's after the configured engine fails."""
        queries = [
            replace(
                query,
                exclude_pages=query.exclude_pages | self.hidden_pages(),
                synonyms=query.synonyms or self.synonyms(query.language, query.agency),
            )
            for query in queries
        ]
        if self.reduced:
            return get_fallback_engine().search_many(queries)
        try:
            return self.engine.search_many(queries)
        except SearchEngineError:
            if self.engine.name == "database":
                raise
            logger.warning(
                "Search engine %s failed; answering from the database",
                self.engine.name,
                exc_info=True,
            )
            self.reduced = True
            return get_fallback_engine().search_many(queries)


def _site_agencies(request) -> tuple[Agency | None, bool]:
    """(the active agency whose own host name the request came to, whether an archived
    agency has that host), read from the chrome cache (cms.core.chrome: any agency or
    site change replaces the platform's version)."""
    site = Site.find_for_request(request)
    if site is None:
        return None, False

    def build():
        agencies = Agency.objects.filter(site=site)
        active = agencies.filter(status=Agency.Status.ACTIVE).select_related(*_AGENCY_RELATED)
        archived = agencies.filter(status=Agency.Status.ARCHIVED).exists()
        return active.first(), archived

    return chrome.cached(("search-host", site.pk), (chrome.GLOBAL,), build)


def host_agency(request) -> Agency | None:
    """The agency whose own host name the request came to (None on the portal's hosts)."""
    return _site_agencies(request)[0]


# What the page's header, footer and SEO data read of the agency (as cms.tenants.scoping).
_AGENCY_RELATED = ("home_page", "logo", "parent", "parent__home_page", "parent__logo")


def _active_agency(slug: str) -> Agency | None:
    """The active agency of `slug`, from the chrome cache (only agencies that exist
    are kept: made-up slugs fill no cache)."""
    return chrome.cached(
        ("search-agency", slug),
        (chrome.GLOBAL,),
        lambda: Agency.objects.filter(slug=slug, status=Agency.Status.ACTIVE)
        .select_related(*_AGENCY_RELATED)
        .first(),
        keep=lambda agency: agency is not None,
    )


@require_GET
def search_page(request, agency_slug: str | None = None):
    host, archived_host = _site_agencies(request)
    if host is None and archived_host:
        # An archived agency's own host: its search is gone too (the 410 page of
        # cms.tenants.archived answers, naming the successor).
        raise Http404("This agency is archived.")
    if agency_slug is not None:
        agency = _active_agency(agency_slug)
        if agency is None or (host is not None and agency.pk != host.pk):
            # Not an agency's search: maybe a page of that name (…/<section>/search/).
            return wagtail_serve(request, f"{agency_slug}/search/")
    else:
        agency = host

    form = SearchForm(request.GET)
    form.is_valid()
    data = form.valid_data()
    ui_language = get_language() or settings.LANGUAGE_CODE
    page = ResultsPage(request, data, ui_language=ui_language, scope=agency)
    page.errors = form.error_messages_list()
    status = 400 if page.errors else 200

    if data["q"]:
        searcher = Searcher()
        try:
            page.run(searcher, per_page=PER_PAGE)
        except SearchEngineError:
            logger.exception("The database search engine failed")
            page.unavailable = True
            status = 503
        else:
            if data["page"] == 1 and not page.errors:
                scope_slug = agency.slug if agency else None
                page.promoted = page.present_promoted(
                    promoted_hits(data["q"], page.language, scope_slug)
                )
                record_query(data["q"], page.language, scope_slug, page.results.total)
    return render(request, "search/search.html", page.context(), status=status)


def _completed_queries(query: SearchQuery) -> list[SearchQuery]:
    """More suggestions when the last word is still being typed ("цифрлан" →
    "цифрландыру"): the query again with that word completed from the indexed title
    words."""
    tokens = tokenize(query.text)
    if not tokens:
        return []
    return [
        replace(query, text=" ".join([*tokens[:-1], word]))
        for word in spelling.completions(tokens[-1], query.language)
    ]


def _completed_hits(searcher, queries, answered, seen: set[str]) -> list:
    """The completed queries' new hits, until SUGGESTIONS are found: from their answers
    when they were asked with the query (`answered`), else asked in turn."""
    extra = []
    for n, query in enumerate(queries):
        if len(seen) >= SUGGESTIONS:
            break
        results = answered[n] if answered is not None else searcher.run(query)
        for hit in results.hits:
            if hit.id not in seen:
                seen.add(hit.id)
                extra.append(hit)
    return extra


@require_GET
def suggest(request):
    form = SuggestForm(request.GET)
    if not form.is_valid():
        messages = form.error_messages_list()
        return JsonResponse({"error": " ".join(messages), "errors": messages}, status=400)
    data = form.cleaned_data
    host = host_agency(request)
    agency = host
    if data["agency"]:
        agency = _active_agency(data["agency"])
        # On an agency's own host only its pages are served (another's links 404).
        if agency is None or (host is not None and agency.pk != host.pk):
            message = _("There is no body with this address.")
            return JsonResponse({"error": message, "errors": [message]}, status=400)
    language = data["lang"] or get_language() or settings.LANGUAGE_CODE
    body = {"query": data["q"], "language": language, "suggestions": [], "reduced": False}
    if len(data["q"]) < MIN_SUGGEST_CHARS:
        return JsonResponse(body)
    searcher = Searcher()
    query = SearchQuery(
        text=data["q"],
        language=language,
        agency=agency.slug if agency else None,
        per_page=SUGGESTIONS,
    )
    completed = _completed_queries(query)
    try:
        if searcher.batches:  # the titles and the completed words in one request
            results, *more = searcher.run_many([query, *completed])
        else:
            results, more = searcher.run(query), None
    except SearchEngineError:
        logger.exception("The database search engine failed")
        message = _("Search is temporarily unavailable. Please try again later.")
        return JsonResponse({"error": message, "errors": [message]}, status=503)
    hits = list(results.hits)
    try:
        hits += _completed_hits(searcher, completed, more, {hit.id for hit in hits})
    except SearchEngineError:
        logger.exception("The database search engine failed")
    body["reduced"] = searcher.reduced
    # From a Kazakh page in the Latin script (/kk-latn/, cms.core.script): in Latin.
    body["suggestions"] = [
        {
            "title": display_text(request, hit.title, language),
            "url": display_url(request, local_url(request, hit.url)),
            "agency": display_text(request, hit.agency_name, language),
        }
        for hit in hits[:SUGGESTIONS]
    ]
    return JsonResponse(body)


__all__ = ["search_page", "suggest", "Searcher", "host_agency"]
