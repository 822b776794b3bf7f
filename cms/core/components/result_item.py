"""Parameters of the `result_item` component (`themes/templates/components/result_item/`)."""

import datetime as dt

from .card import date_text


def result_item(
    title: str,
    url: str,
    *,
    snippet: str = "",
    meta: str = "",
    date: dt.date | None = None,
    lang: str = "",
    document: str = "",
    document_url: str = "",
) -> dict:
    """One search result: `title` and `snippet` are safe HTML (search.highlight marks
    the matched words), `meta` says where it comes from (agency · kind of page), `lang`
    is the result's language when it differs from the page's; `document` and
    `document_url` name the attached document the words were found in (the snippet
    then comes from it)."""
    return {
        "title": title,
        "url": url,
        "snippet": snippet,
        "meta": meta,
        "date": date_text(date),
        "datetime": date.isoformat() if date else "",
        "lang": lang,
        "document": document,
        "document_url": document_url,
    }
