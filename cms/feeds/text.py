"""Plain-text summaries of pages for feeds and metadata."""

import html

from django.utils.html import strip_tags
from django.utils.text import Truncator

from .scope import translated


def body_text(stream) -> str:
    """The readable text of a StreamField body (paragraphs and headings)."""
    parts = []
    for block in stream or []:
        if block.block_type == "paragraph":
            parts.append(html.unescape(strip_tags(block.value.source)))
        elif block.block_type == "heading":
            parts.append(block.value.get("text") or "")
    return " ".join(part.strip() for part in parts if part and part.strip())


def summary(page, language: str, words: int = 40) -> str:
    """The page's description in `language`: its search description, its lead or
    the beginning of its body."""
    for field in ("search_description", "intro"):
        value = translated(page, field, language)
        if value and str(value).strip():
            return str(value).strip()
    text = body_text(translated(page, "body", language))
    return Truncator(text).words(words, truncate="…")


def title_of(page, language: str) -> str:
    return translated(page, "title", language) or page.title
