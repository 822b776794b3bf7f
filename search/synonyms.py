"""Synonyms and abbreviations, applied when a query is read (no index rebuild).

`synonyms_for(language, agency_slug)` gives the groups of equivalent expressions for
a search: the platform-wide list of the language (`PlatformSynonym`, edited by
platform admins) and, for a search within an agency, that agency's own additions
(`AgencySynonym`; never another agency's, and none on the portal-wide search).
`search.engines.search` puts them into the query; `search.engines.base.plan_query`
turns a member found in the query into alternatives for that word (or words).

The lists are read from the chrome cache (cms.core.chrome) under their own version,
which any save or delete of a synonym replaces (`connect()`): a search reads no
synonym row from the database, and an edit applies to the next search.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from cms.core import chrome

from .analysis import normalize_language
from .models import AgencySynonym, PlatformSynonym, split_expressions

SCOPE = "search-synonyms"


def synonyms_for(language: str, agency_slug: str | None) -> tuple[tuple[str, ...], ...]:
    lang = normalize_language(language)
    if not lang:
        return ()
    return chrome.cached(
        ("synonyms", lang, agency_slug or ""),
        (SCOPE, chrome.GLOBAL),
        lambda: _synonyms(lang, agency_slug),
    )


def _synonyms(lang: str, agency_slug: str | None) -> tuple[tuple[str, ...], ...]:
    rows = list(PlatformSynonym.objects.filter(language=lang).values_list("terms", flat=True))
    if agency_slug:
        rows += AgencySynonym.objects.filter(language=lang, agency__slug=agency_slug).values_list(
            "terms", flat=True
        )
    groups = (tuple(split_expressions(terms)) for terms in rows)
    return tuple(g for g in groups if len(g) > 1)


def _changed(**kwargs) -> None:
    chrome.bump(SCOPE)


def connect() -> None:
    for model in (PlatformSynonym, AgencySynonym):
        post_save.connect(_changed, sender=model, dispatch_uid=f"synonyms-saved-{model.__name__}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"synonyms-deleted-{model.__name__}"
        )
