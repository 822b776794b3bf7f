"""The search query log: how often each query is asked, per day, agency and language.

`record_query(text, language, agency_slug, total)` is called by the search view for
every search. It adds one to that day's row (and to its zero-result count when the
search found nothing) with an UPDATE ... SET count = count + 1, creating the row on
the day's first ask. It never raises on the request path: a database error is
logged and the search answers anyway.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from cms.core import chrome

from .analysis import normalize_language
from .models import SearchQueryLog, normalise_query_text

logger = logging.getLogger(__name__)


def record_query(text: str, language: str, agency_slug: str | None, total: int) -> None:
    """Count one search of `text` (`agency_slug` None: the portal-wide search)."""
    query = normalise_query_text(text)
    lang = normalize_language(language)
    if not query or not lang:
        return
    zero = 1 if not total else 0
    try:
        agency_id = None
        if agency_slug:
            agency_id = _agency_id(agency_slug)
            if agency_id is None:
                return
        day = timezone.localdate()
        key = {"agency_id": agency_id, "language": lang, "query": query, "day": day}
        increments = {"count": F("count") + 1, "zero_results": F("zero_results") + zero}
        # One UPDATE (atomic by itself) on every ask but the day's first.
        if SearchQueryLog.objects.filter(**key).update(**increments):
            return
        try:
            with transaction.atomic():
                SearchQueryLog.objects.create(**key, count=1, zero_results=zero)
        except IntegrityError:
            # Another request created the day's row first.
            SearchQueryLog.objects.filter(**key).update(**increments)
    except DatabaseError:
        logger.exception("Could not record the search query %r", query)


def _agency_id(slug: str) -> int | None:
    """The id of the agency of `slug`, from the chrome cache (cms.core.chrome: an
    agency change replaces the platform's version; unknown slugs are not kept)."""
    from cms.tenants.models import Agency

    return chrome.cached(
        ("agency-id", slug),
        (chrome.GLOBAL,),
        lambda: Agency.objects.filter(slug=slug).values_list("pk", flat=True).first(),
        keep=lambda pk: pk is not None,
    )
