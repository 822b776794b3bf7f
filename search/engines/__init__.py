"""Which engine answers: Elasticsearch/OpenSearch when SEARCH_URL is set, else the
database. The database engine is always kept current, so it is also the fallback.

    from search.engines import SearchQuery, search
    results = search(SearchQuery(text="цифрландыру", language="kk", agency="minfin"))
"""

import logging

from django.conf import settings

from .base import Hit, SearchEngine, SearchEngineError, SearchQuery, SearchResults

logger = logging.getLogger(__name__)

__all__ = [
    "Hit",
    "SearchEngine",
    "SearchEngineError",
    "SearchQuery",
    "SearchResults",
    "get_engine",
    "get_fallback_engine",
    "all_engines",
    "search",
]


def get_engine() -> SearchEngine:
    if settings.SEARCH_URL:
        from .elastic import ElasticEngine

        return ElasticEngine()
    return get_fallback_engine()


def get_fallback_engine() -> SearchEngine:
    from .database import DatabaseEngine

    return DatabaseEngine()


def all_engines() -> list[SearchEngine]:
    """The engines that indexing keeps current: the database, and the configured one."""
    engines = [get_fallback_engine()]
    if settings.SEARCH_URL:
        engines.append(get_engine())
    return engines


def search(query: SearchQuery) -> SearchResults:
    """Search with the configured engine; when it fails, with the database engine.
    Pages a view restriction hides now are never found (`search.privacy`); the
    synonyms of the language and agency apply (`search.synonyms`)."""
    from dataclasses import replace

    from search.privacy import private_page_ids
    from search.synonyms import synonyms_for

    query = replace(
        query,
        exclude_pages=query.exclude_pages | private_page_ids(),
        synonyms=query.synonyms or synonyms_for(query.language, query.agency),
    )
    engine = get_engine()
    try:
        return engine.search(query)
    except SearchEngineError:
        if engine.name == "database":
            raise
        logger.warning(
            "Search engine %s failed; answering from the database", engine.name, exc_info=True
        )
        return get_fallback_engine().search(query)
