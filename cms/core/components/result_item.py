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
) -> dict:
    """One search result: `title` and `snippet` are safe HTML (search.highlight marks
    the matched words), `meta` says where it comes from (agency · kind of page), `lang`
    is the result's language when it differs from the page's."""
    return {
        "title": title,
        "url": url,
        "snippet": snippet,
        "meta": meta,
        "date": date_text(date),
        "datetime": date.isoformat() if date else "",
        "lang": lang,
    }
