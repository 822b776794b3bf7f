"""Promoted results: pages an agency's editors put first for a query.

`promoted_hits(query_text, language, agency_slug)` gives the promoted pages of that
agency for that query, in that language, for the search view to show above the
results. The query is compared by its analysed key (`search.models.query_key`), so
"цифрландырудың" meets a promotion for "цифрландыру". The portal-wide search
(`agency_slug` None) shows no promotions: they are one agency's editorial choice.
Only live, public pages of a non-archived agency that still lie in that agency's
tree and have a version in the language are given.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils import translation
from django.utils.text import Truncator
from wagtail.models import Page

from cms.tenants.scoping import agency_home_path

from .analysis import normalize_language
from .models import LANGUAGE_ALL, PromotedResult, _agency_home_path, query_key

MAX_PROMOTED = 5
SUMMARY_CHARS = 240


def promoted_hits(query_text: str, language: str, agency_slug: str | None) -> list[dict]:
    """[{"title", "url", "summary", "page_id"}] in the editors' order ([] when none)."""
    lang = normalize_language(language)
    if not agency_slug or not lang:
        return []
    key = query_key(query_text, lang)
    if not key:
        return []
    rows = list(
        PromotedResult.objects.filter(
            Q(language=lang) | Q(language=LANGUAGE_ALL),
            agency__slug=agency_slug,
            **{f"query_{lang}": key},
        )
        .exclude(agency__status="archived")
        .order_by("sort_order", "pk")
        .values_list("agency_id", "page_id")
    )
    if not rows:
        return []
    home_path = _agency_home_path(rows[0][0])
    page_ids = list(dict.fromkeys(page_id for _agency, page_id in rows))
    pages = Page.objects.live().public().filter(pk__in=page_ids).specific().in_bulk()
    hits: list[dict] = []
    for page_id in page_ids:
        page = pages.get(page_id)
        if page is None or home_path is None or agency_home_path(page) != home_path:
            continue
        hit = _hit(page, lang)
        if hit is not None:
            hits.append(hit)
        if len(hits) >= MAX_PROMOTED:
            break
    return hits


def _hit(page, language: str) -> dict | None:
    from .documents import body_text, indexed_languages

    if language not in indexed_languages(page):
        return None
    title = str(getattr(page, f"title_{language}", "") or "").strip()
    summary = ""
    for field in ("intro", "search_description"):
        summary = str(getattr(page, f"{field}_{language}", "") or "").strip()
        if summary:
            break
    if not summary:
        summary = Truncator(body_text(page, language).replace("\n", " ")).chars(SUMMARY_CHARS)
    with translation.override(language):
        url = page.get_url() or ""
    if not url:
        return None
    return {"title": title, "url": url, "summary": summary, "page_id": page.pk}
