"""The database engine's rows, built straight from documents (no model instances).

A rebuild writes 100k rows: building a `SearchEntry` per document and inserting it
through the ORM cost more than the database's own work, so the engine builds plain
tuples (`EntryRow`) and writes them with one `executemany` (SQLite) or `COPY`
(PostgreSQL, `search.engines.database_postgres.write_entries`). The columns are
`SearchEntry`'s; `id` is filled in by the writer where it needs it (PostgreSQL
allocates the ids first, to write the `SearchMatch` rows in the same pass).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from search.body import join_body

from .base import body_feature_tokens, feature_tokens, searchable_body_terms


class EntryRow(NamedTuple):
    doc_id: str
    page_id: int
    agency: str
    agency_ancestors: str
    agency_name: str
    language: str
    page_type: str
    title: str
    summary: str
    body: str
    url: str
    date: date | None
    year: int | None
    title_terms: str
    body_terms: str
    tags: str


COLUMNS = EntryRow._fields
# (row, the body's terms, the feature tokens): see `entry_parts`.
EntryParts = tuple[EntryRow, list[str], list[str]]


def body_terms(doc: dict) -> str:
    """The body's terms and its attachments' (`base.searchable_body_terms`), then the
    document's feature tokens (`base.feature_tokens`)."""
    return " ".join(filter(None, [searchable_body_terms(doc), *feature_tokens(doc)]))


def entry_row(doc: dict) -> EntryRow:
    return entry_parts(doc)[0]


def entry_parts(doc: dict) -> EntryParts:
    """The document's row, the terms of its body (split: the page's, then its
    attachments') and its feature tokens (distinct), each worked out once: the
    PostgreSQL writer needs them apart (`database_postgres.write_entries`)."""
    own = doc.get("body_terms") or ""
    body = own.split()
    tokens = body_feature_tokens(doc, body)
    attached = doc.get("attachment_terms")
    if attached:
        body = body + attached.split()
    # = body_terms(doc), without splitting and joining the terms again.
    searchable = searchable_body_terms(doc)
    features = " ".join(tokens)
    if searchable and features:
        terms = searchable + " " + features
    else:
        terms = searchable or features
    ancestors = doc.get("agency_ancestors") or []
    row = EntryRow(
        doc_id=doc["id"],
        page_id=doc["page_id"],
        agency=doc.get("agency") or "",
        agency_ancestors=(" " + " ".join(ancestors) + " ") if ancestors else "",
        agency_name=doc.get("agency_name") or "",
        language=doc["language"],
        page_type=doc["page_type"],
        title=doc.get("title") or "",
        summary=doc.get("summary") or "",
        # The page's text, then its attachments' (the results page names the document
        # a hit was found in).
        body=join_body(doc.get("body") or "", doc.get("attachment_parts") or []),
        url=doc.get("url") or "",
        date=doc.get("date"),
        year=doc.get("year"),
        title_terms=doc.get("title_terms") or "",
        body_terms=terms,
        tags=" ".join(doc.get("tags") or []),
    )
    return row, body, tokens
