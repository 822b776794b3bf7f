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

With the search's synonyms (`search.synonyms.synonyms_for`), the words a synonym
matched are marked too, as the engines read them (`search.engines.base.plan_query`):
a one-word synonym like the query's own words, a multi-word one ("прописка" →
"регистрация по месту жительства") only where its words stand in a row (stop
words between them, which the analysis skips, stay unmarked).
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.analysis import analyze, query_groups
from search.engines.base import SearchQuery, plan_query

# A word as the tokenizer sees it (letters/digits, joined by hyphens or apostrophes).
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
ELLIPSIS = "…"
SNIPPET_CHARS = 240


class QueryTerms(frozenset):
    """The terms a query can match with (the set), and `phrases`: the term sequences of
    its multi-word synonyms, which mark words only where they occur in that order."""

    phrases: tuple[tuple[str, ...], ...] = ()


def query_terms(text: str, language: str, synonyms=()) -> QueryTerms:
    """Every analysed term a query can match with (all alternatives of every word, and
    of the `synonyms` groups that apply to it)."""
    singles = {term for group in query_groups(text or "", language) for term in group}
    phrases: list[tuple[str, ...]] = []
    if synonyms and (text or "").strip():
        plan = plan_query(SearchQuery(text=text, language=language, synonyms=tuple(synonyms)))
        for slot in plan.slots:
            for alternative in slot.alternatives:
                if len(alternative) == 1:
                    singles.add(alternative[0])
                else:
                    phrases.append(alternative)
    terms = QueryTerms(singles)
    terms.phrases = tuple(dict.fromkeys(phrases))
    return terms


@lru_cache(maxsize=65536)
def _word_terms(word: str, language: str) -> frozenset[str]:
    return frozenset(analyze(word, language))


def _matches(word: str, terms: frozenset[str], language: str) -> bool:
    return bool(terms) and not _word_terms(word, language).isdisjoint(terms)


def _spans(text: str, terms: frozenset[str], language: str) -> list[tuple[int, int]]:
    words = list(_WORD_RE.finditer(text))
    marked = [_matches(m.group(0), terms, language) for m in words]
    phrases = getattr(terms, "phrases", ())
    if phrases:
        # Words that give terms (a stop word like "по" gives none and is skipped, as
        # the analysis skips it), in text order.
        found = [(i, _word_terms(m.group(0), language)) for i, m in enumerate(words)]
        found = [(i, t) for i, t in found if t]
        for phrase in phrases:
            k = len(phrase)
            for at in range(len(found) - k + 1):
                if all(phrase[j] in found[at + j][1] for j in range(k)):
                    for i, _terms in found[at : at + k]:
                        marked[i] = True
    return [m.span() for m, yes in zip(words, marked, strict=True) if yes]


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
    if getattr(terms, "phrases", ()):
        return bool(_spans(text or "", terms, language))
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
