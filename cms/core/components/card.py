"""Parameters of the `card` component (`themes/templates/components/card/`)."""

import datetime as dt


def date_text(value: dt.date | None) -> str:
    """A date as the platform writes it for people (07.05.2024), "" for none."""
    return value.strftime("%d.%m.%Y") if value else ""


def card(
    title: str,
    url: str,
    *,
    text: str = "",
    date: dt.date | None = None,
    meta: str | None = None,
    datetime: str | None = None,
    lang: str = "",
) -> dict:
    """{title, url, text, meta, datetime, lang} of one card.

    `lang` is the language of the title and text when it is not the page's (an
    English listing showing a page that has only its Russian text), else "".

    `date` dates the card: its meta is the date (07.05.2024) and its `datetime` the
    ISO date, unless `meta` (e.g. "Applications until 01.03.2026", a category) or
    `datetime` (e.g. an event's start with its time) are given."""
    return {
        "title": title,
        "url": url,
        "text": text or "",
        "meta": date_text(date) if meta is None else meta,
        "datetime": (date.isoformat() if date else "") if datetime is None else datetime,
        "lang": lang,
    }
