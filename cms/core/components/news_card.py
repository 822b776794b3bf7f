"""Parameters of the `news_card` component (`themes/templates/components/news_card/`)."""

import datetime as dt

from .card import date_text


def news_card(
    title: str,
    url: str,
    *,
    date: dt.date | None,
    text: str = "",
    category: str = "",
    category_value: str = "",
    priority: bool = False,
    image: dict | None = None,
    lang: str = "",
    source: str = "",
) -> dict:
    """One news item in the news archive: its date, category (label and value, the
    value picks the colour), an optional image {url, width, height} and `lang` when
    the item is shown in another language than the page's; `source` names the body
    that published it on lists that span agencies."""
    return {
        "title": title,
        "url": url,
        "text": text or "",
        "date": date_text(date),
        "datetime": date.isoformat() if date else "",
        "category": category,
        "category_value": category_value,
        "priority": priority,
        "image": image,
        "lang": lang,
        "source": source,
    }
