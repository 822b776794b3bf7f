"""Did you mean: other readings of a query that found nothing.

Candidates, in order:
1. the query re-read in the Russian keyboard layout (`layout_alternative`:
   "vbybcnthcndj" → "министерство");
2. its Latin words written in Cyrillic (`latin_to_cyrillic`; for Russian и for і);
3. each word replaced by the closest word of the indexed titles
   (`damerau_levenshtein`, 1 edit for words of 4–8 letters, 2 above; ties go to the
   more frequent word).

The view offers the first candidate that finds something. The vocabulary (title
words per language, with their frequencies) is read from the database engine's
table, which is always current, and cached for a few minutes.
"""

from __future__ import annotations

from collections import Counter

from django.conf import settings
from django.core.cache import cache

from search.analysis import damerau_levenshtein, latin_to_cyrillic, layout_alternative, tokenize
from search.analysis.tokens import has_letter, is_latin
from search.models import SearchEntry

VOCABULARY_TTL = 300
MIN_WORD = 3


def vocabulary(language: str) -> dict[str, int]:
    """Title words of the indexed documents in `language`, with their counts."""
    key = f"search:vocabulary:{language}"
    words = cache.get(key)
    if words is None:
        counter: Counter[str] = Counter()
        titles = SearchEntry.objects.filter(language=language).values_list("title", flat=True)
        for title in titles.iterator(chunk_size=2000):
            counter.update(t for t in tokenize(title) if len(t) >= MIN_WORD and has_letter(t))
        words = dict(counter)
        cache.set(key, words, VOCABULARY_TTL)
    return words


def allowed_edits(word: str) -> int:
    n = len(word)
    if n < 4:
        return 0
    return 1 if n <= 8 else 2


def closest_word(word: str, words: dict[str, int]) -> str | None:
    """The vocabulary word nearest to `word` within the allowed edits (None if none)."""
    limit = allowed_edits(word)
    if not limit or word in words:
        return None
    best: tuple[int, int, str] | None = None
    for candidate, count in words.items():
        if abs(len(candidate) - len(word)) > limit:
            continue
        distance = damerau_levenshtein(word, candidate, limit)
        if distance > limit:
            continue
        rank = (distance, -count, candidate)
        if best is None or rank < best:
            best = rank
    return best[2] if best else None


def corrected(text: str, language: str) -> str | None:
    """`text` with its unknown words replaced by the closest title words, or None."""
    words = vocabulary(language)
    tokens = tokenize(text)
    changed = False
    out = []
    for token in tokens:
        fix = closest_word(token, words) if has_letter(token) else None
        if fix:
            changed = True
        out.append(fix or token)
    return " ".join(out) if changed else None


def in_cyrillic(text: str, language: str) -> str | None:
    """The Latin words of `text` written in Cyrillic (None when it has none)."""
    if not any(is_latin(ch) for ch in text):
        return None
    out = []
    for chunk in text.split():
        if any(is_latin(ch) for ch in chunk):
            chunk = latin_to_cyrillic(chunk.lower())
            if language != "kk":
                chunk = chunk.replace("і", "и")
        out.append(chunk)
    return " ".join(out)


def candidates(text: str, language: str) -> list[str]:
    """Other readings of `text`, most likely first, without repeats or the text itself."""
    found = [layout_alternative(text), in_cyrillic(text, language), corrected(text, language)]
    seen = {text.strip().lower()}
    result = []
    for candidate in found:
        if candidate and candidate.strip().lower() not in seen:
            seen.add(candidate.strip().lower())
            result.append(candidate.strip())
    return result


def completions(prefix: str, language: str, limit: int = 3) -> list[str]:
    """The most frequent title words that start with `prefix` (3+ letters), for the
    autocomplete of a word still being typed."""
    if len(prefix) < MIN_WORD or not has_letter(prefix):
        return []
    words = vocabulary(language)
    found = sorted(
        (w for w in words if w.startswith(prefix) and w != prefix),
        key=lambda w: (-words[w], len(w), w),
    )
    return found[:limit]


def forget_vocabulary() -> None:
    """Drop the cached vocabularies (pages left the index: their words must go too)."""
    cache.delete_many([f"search:vocabulary:{code}" for code, _name in settings.LANGUAGES])
