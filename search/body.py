"""How a page's attachments are kept in SearchEntry.body, after the page's own text:
written by the database engine when it stores an entry, read back by the results page
to name the document a hit was found in.

Apart from search.attachments, which reads the files (pypdf, python-docx, odfpy) at
indexing time only: the results page and the engine need the stored format, not the
parsers, which stay out of the web workers (issue 14, memory per worker).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

PART = "\x1e"
FIELD = "\x1f"


@dataclass(frozen=True)
class Attachment:
    document_id: int
    title: str
    url: str
    text: str


def join_body(body: str, attachments: Iterable[Attachment | dict]) -> str:
    parts = [(body or "").replace(PART, " ")]
    for item in attachments:
        item = item if isinstance(item, dict) else item.__dict__
        title = " ".join(str(item["title"]).split())
        parts.append(f"{PART}{title}{FIELD}{item['url']}{FIELD}{item['text']}")
    return "".join(parts)


def split_body(stored: str) -> tuple[str, list[dict]]:
    """(the page's own text, [{"title", "url", "text"}] of its attachments)."""
    body, *rest = (stored or "").split(PART)
    parts = []
    for chunk in rest:
        title, _sep, tail = chunk.partition(FIELD)
        url, _sep, text = tail.partition(FIELD)
        parts.append({"title": title, "url": url, "text": text})
    return body, parts
