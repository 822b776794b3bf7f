"""The index documents of a page: one per language the page is filled in.

A document is a plain dict (the same for every engine):

    id                "<page_id>-<language>"
    page_id           the Wagtail page id
    agency            the agency's slug ("" for the portal's own pages)
    agency_ancestors  slugs of the bodies above the agency, nearest first
    agency_name       the agency's name in the document's language
    language          kk, ru or en
    page_type         the page model's name (newspage, sectionpage, ...)
    title, summary, body   display text (summary: intro, else search description,
                      else the start of the body)
    url               the page's URL in that language
    date, year        NewsPage.date, else the date of the last publication
    title_terms, body_terms   analysed terms, space-joined (see `terms_text`)
    tags              list of tag names (empty when the page type has none)
    attachments       the text of the documents the page uses in that language
                      (`search.attachments`), one after the other: the relevance
                      model's attachment feature
    attachment_terms  its analysed terms: matched like the body's (after them), but
                      not counted in the body's term frequencies and length
    attachment_parts  [{"title", "url", "text"}] of each attachment, kept after the
                      body in the database's SearchEntry.body so that a hit found
                      inside a document names it (`search.body.join_body`)

Only live, public pages below the portal's home page whose agency is not archived
get documents, and only in the languages they have a version in (kk and ru always on
a published page; en only when the page is filled in English, else the site falls
back to ru and there is no en document).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.utils import timezone, translation
from django.utils.text import Truncator
from wagtail.models import Page

from cms.core.languages import LANGUAGE_CODES
from cms.pages.languages import page_languages
from cms.pages.models import AgencyHomePage, BasePage
from cms.tenants.models import Agency
from cms.tenants.scoping import agency_home_path
from search.analysis import analyze_with_stream
from search.attachments import attachments_for

# Root (depth 1) and the portal's home page (depth 2) are never indexed.
MIN_DEPTH = 3
SUMMARY_CHARS = 240


def terms_text(text: str, language: str) -> str:
    """The analysed terms of `text` for a *_terms field.

    `analyze` gives every candidate term of every word (for kk: several stems, in
    Cyrillic and folded), so words are not one position apart. When it does, the
    one-term-per-word stream that `analyze_query` would make of the same words is
    appended, so that a query's terms can match as a phrase. It adds no new terms.
    """
    terms, stream = analyze_with_stream(text, language)
    if stream and stream != terms:
        terms = terms + stream
    return " ".join(terms)


def languages() -> list[str]:
    return list(LANGUAGE_CODES)


def doc_id(page_id: int, language: str) -> str:
    return f"{page_id}-{language}"


def all_doc_ids(page_id: int) -> list[str]:
    return [doc_id(page_id, lang) for lang in languages()]


class AgencyDirectory:
    """Agencies by the tree path of their home page, loaded once per batch of pages."""

    def __init__(self):
        self._by_path: dict[str, Agency] | None = None

    def _load(self) -> dict[str, Agency]:
        if self._by_path is None:
            by_id = {a.pk: a for a in Agency.objects.all()}
            self._by_path = {}
            for agency_id, path in AgencyHomePage.objects.values_list("agency_record_id", "path"):
                agency = by_id[agency_id]
                agency.ancestor_slugs = _ancestor_slugs(agency, by_id)
                self._by_path[path] = agency
        return self._by_path

    def for_page(self, page: Page) -> Agency | None:
        path = agency_home_path(page)
        return None if path is None else self._load().get(path)


def _ancestor_slugs(agency: Agency, by_id: dict[int, Agency]) -> list[str]:
    slugs, seen, parent_id = [], {agency.pk}, agency.parent_id
    while parent_id and parent_id not in seen:
        parent = by_id.get(parent_id)
        if parent is None:
            break
        slugs.append(parent.slug)
        seen.add(parent_id)
        parent_id = parent.parent_id
    return slugs


def indexable_pages():
    """Live, public pages below the portal's home page (agency status checked per page)."""
    return Page.objects.live().public().filter(depth__gte=MIN_DEPTH)


def _text(value) -> str:
    return str(value or "").strip()


def body_text(page: Page, language: str) -> str:
    """Plain text of the page's StreamField body in `language` ("" when it has none)."""
    parts = []
    value = getattr(page, f"body_{language}", None)
    if value:
        parts.extend(value.stream_block.get_searchable_content(value))
    # Page types with searchable fields besides the body (a legal act's number and
    # signatory, a person's position, a service's description) list them here.
    if isinstance(page, BasePage):
        values = page.search_extra_text(language) or []
        parts.extend([values] if isinstance(values, str) else values)
    return "\n".join(p.strip() for p in parts if p and str(p).strip())


def page_date(page: Page):
    # A page type whose date field has another name (date signed, start date) sets
    # `search_date_field`.
    date_field = page.search_date_field if isinstance(page, BasePage) else "date"
    value = getattr(page, date_field, None)
    if value:
        return value
    published = page.last_published_at or page.first_published_at
    return timezone.localdate(published) if published else None


def indexed_languages(page: Page) -> list[str]:
    """The languages the page has a version in (cms.pages.languages.page_languages):
    the required ones (kk, ru; publishing enforces them); an optional one (en) only when
    the page is filled in it, else the site shows the fallback and there is no en version."""
    return page_languages(page)


def page_tags(page: Page) -> list[str]:
    tags = getattr(page, "tags", None)
    if tags is None or not hasattr(tags, "names"):
        return []
    return sorted(tags.names())


def documents_for_page(
    page: Page, agencies: AgencyDirectory | None = None, *, known_public: bool = False
) -> list[dict]:
    """The documents `page` should have in the index now ([] when it should have none).

    `known_public`: the page comes from `indexable_pages()`, which already left out
    pages under a view restriction.
    """
    page = page.specific
    if page.depth < MIN_DEPTH or not page.live:
        return []
    agency = (agencies or AgencyDirectory()).for_page(page)
    if agency is not None and agency.is_archived:
        return []
    if not known_public and page.get_view_restrictions().exists():
        return []
    return [_document(page, language, agency) for language in indexed_languages(page)]


def _document(page: Page, language: str, agency: Agency | None) -> dict:
    title = _text(getattr(page, f"title_{language}", None))
    body = body_text(page, language)
    intro = _text(getattr(page, f"intro_{language}", None))
    description = _text(getattr(page, f"search_description_{language}", None))
    summary = intro or description or Truncator(body.replace("\n", " ")).chars(SUMMARY_CHARS)
    tags = page_tags(page)
    with translation.override(language):
        url = page.get_url() or ""
    date = page_date(page)
    attachments = attachments_for(page, language, agency)
    attachment_text = "\n".join(a.text for a in attachments)
    agency_name = ""
    if agency is not None:
        agency_name = (
            getattr(agency, f"name_{language}", None) or agency.name_ru or agency.name_kk or ""
        )
    return {
        "id": doc_id(page.pk, language),
        "page_id": page.pk,
        "agency": agency.slug if agency else "",
        "agency_ancestors": list(getattr(agency, "ancestor_slugs", [])) if agency else [],
        "agency_name": agency_name,
        "language": language,
        "page_type": page.specific_class._meta.model_name,
        "title": title,
        "summary": summary,
        "body": body,
        "url": url,
        "date": date,
        "year": date.year if date else None,
        "title_terms": terms_text(title, language),
        "body_terms": terms_text("\n".join([summary, body, " ".join(tags)]), language),
        "tags": tags,
        "attachments": attachment_text,
        "attachment_terms": terms_text(attachment_text, language) if attachment_text else "",
        "attachment_parts": [
            {"title": a.title, "url": a.url, "text": a.text} for a in attachments
        ],
    }


def documents_for_pages(page_ids: Iterable[int]) -> dict[int, list[dict]]:
    """{page_id: its documents} for each id ([] for deleted or unindexable pages)."""
    ids = sorted(set(page_ids))
    agencies = AgencyDirectory()
    result: dict[int, list[dict]] = {pk: [] for pk in ids}
    pages = indexable_pages().filter(pk__in=ids).specific()
    for page in pages:
        result[page.pk] = documents_for_page(page, agencies, known_public=True)
    return result


def iter_documents(chunk_size: int = 500) -> Iterator[dict]:
    """Every document the index should hold, page by page in tree order."""
    agencies = AgencyDirectory()
    ids = list(indexable_pages().order_by("path").values_list("pk", flat=True))
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start : start + chunk_size]
        pages = {p.pk: p for p in indexable_pages().filter(pk__in=chunk).specific()}
        for pk in chunk:
            page = pages.get(pk)
            if page is not None:
                yield from documents_for_page(page, agencies, known_public=True)


def count_pages() -> int:
    return indexable_pages().count()


def expected_counts() -> dict[tuple[str, str], int]:
    """Documents per (agency, language) that the index should hold, from the pages."""
    counts: dict[tuple[str, str], int] = {}
    agencies = AgencyDirectory()
    ids = list(indexable_pages().values_list("pk", flat=True))
    for start in range(0, len(ids), 500):
        for page in indexable_pages().filter(pk__in=ids[start : start + 500]).specific():
            agency = agencies.for_page(page)
            if agency is not None and agency.is_archived:
                continue
            slug = agency.slug if agency else ""
            for language in indexed_languages(page):
                counts[(slug, language)] = counts.get((slug, language), 0) + 1
    return counts
