"""Parameters of the `document_table` component
(`themes/templates/components/document_table/`)."""

import datetime as dt

from .card import date_text


def document_file(url: str, *, lang: str, language: str, extension: str, size: str = "") -> dict:
    """One file of a document: its language (code and name), extension and size."""
    return {"url": url, "lang": lang, "language": language, "extension": extension, "size": size}


def document_row(
    title: str,
    url: str,
    *,
    number: str = "",
    date: dt.date | None = None,
    type: str = "",  # noqa: A002 - the component's parameter name
    status: str = "",
    status_value: str = "",
    files: list[dict] | None = None,
    lang: str = "",
) -> dict:
    """One document of the table: number, date, type, title (a link), status (label
    and value, the value picks the colour), files (each built by `document_file`) and
    `lang` when the title is in another language than the page's."""
    return {
        "number": number,
        "date": date_text(date),
        "datetime": date.isoformat() if date else "",
        "title": title,
        "url": url,
        "type": type,
        "status": status,
        "status_value": status_value,
        "files": files or [],
        "lang": lang,
    }
