"""Highlighted titles and snippets for search results, computed in Python.

A word of the stored text is highlighted (``<mark>``) when the terms that the
index analysis gives for it (`search.analysis.analyze`) meet the query's terms
(every alternative of `search.analysis.query_groups`). So the highlighting
follows the same analysis as matching: "цифрландырудың" in the query marks
"цифрландыру" in the text, and a Latin-Kazakh query marks the Cyrillic word.
Everything that is not a ``<mark>`` element is HTML-escaped.

    terms = query_terms("цифрландырудың", "kk")
    highlight("Экономиканы цифрландыру", terms, "kk")
    snippet(body, terms, "kk", length=240)
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.analysis import analyze, query_groups

# A word as the tokenizer sees it (letters/digits, joined by hyphens or apostrophes).
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
ELLIPSIS = "…"
SNIPPET_CHARS = 240


def query_terms(text: str, language: str) -> frozenset[str]:
    """Every analysed term a query can match with (all alternatives of every word)."""
    return frozenset(term for group in query_groups(text or "", language) for term in group)


@lru_cache(maxsize=65536)
def _word_terms(word: str, language: str) -> frozenset[str]:
    return frozenset(analyze(word, language))


def _matches(word: str, terms: frozenset[str], language: str) -> bool:
    return bool(terms) and not _word_terms(word, language).isdisjoint(terms)


def _spans(text: str, terms: frozenset[str], language: str) -> list[tuple[int, int]]:
    return [
        m.span() for m in _WORD_RE.finditer(text) if _matches(m.group(0), terms, language)
    ]


def _render(text: str, spans: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for start, end in spans:
        out.append(escape(text[pos:start]))
        out.append("<mark>" + escape(text[start:end]) + "</mark>")
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def highlight(text: str, terms: frozenset[str], language: str) -> SafeString:
    """`text` escaped, with every matching word wrapped in <mark>."""
    text = text or ""
    return mark_safe(_render(text, _spans(text, terms, language)))  # noqa: S308 - escaped above


def has_match(text: str, terms: frozenset[str], language: str) -> bool:
    return any(_matches(m.group(0), terms, language) for m in _WORD_RE.finditer(text or ""))


def snippet(text: str, terms: frozenset[str], language: str,
            length: int = SNIPPET_CHARS) -> SafeString:
    """About `length` characters of `text` around its first matching word, highlighted.

    Cut at word boundaries, with an ellipsis where text was left out. Without a
    match, the start of the text.
    """
    text = " ".join((text or "").split())
    spans = _spans(text, terms, language)
    if len(text) <= length:
        return mark_safe(_render(text, spans))  # noqa: S308 - escaped in _render
    first = spans[0][0] if spans else 0
    start = max(0, first - length // 4)
    if start:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        if space > start:
            end = space
    window = [
        (max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start
    ]
    body = _render(text[start:end], window)
    prefix = ELLIPSIS if start else ""
    suffix = ELLIPSIS if end < len(text) else ""
    return mark_safe(prefix + body + suffix)  # noqa: S308 - escaped in _render
