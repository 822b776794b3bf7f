"""Did you mean: other readings of a query that found nothing.

Candidates, in order:
1. the query re-read in the Russian keyboard layout (`layout_alternative`:
   "vbybcnthcndj" → "министерство");
2. its Latin words written in Cyrillic (`latin_to_cyrillic`; for Russian и for і);
3. each word replaced by the closest word of the indexed titles
   (`damerau_levenshtein`, 1 edit for words of 4–8 letters, 2 above; ties go to the
   more frequent word).

Kazakh typed in Latin letters or on a Russian keyboard (kazakhstan, otinis,
emhanaga, кызмет) is compared in the folded form (`search.analysis.fold`) with every
plausible reading of the word (`latin_readings`: s may be ш or ц, kh may be қ), so
"kazakhstan" suggests «қазақстан» and "emhanga" «емханаға»; for Kazakh Latin input
this correction is tried before the letter-by-letter transliteration, which guesses
one reading only. The autocomplete (`completions`) matches Latin prefixes the same
way: "emhan" completes to «емхана».

The view offers the first candidate that finds something. The vocabulary (title
words per language, with their frequencies) is read from the database engine's
table, which is always current, and cached for a few minutes.
"""

from __future__ import annotations

from collections import Counter

from django.conf import settings
from django.core.cache import cache

from search.analysis import (
    damerau_levenshtein,
    fold,
    latin_readings,
    latin_to_cyrillic,
    layout_alternative,
    tokenize,
)
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


def folded_keys(word: str) -> list[str]:
    """The folded forms a Kazakh word may stand for: one for Cyrillic, one per
    plausible reading for Latin ("otinis" → otinis, otinish)."""
    if any(is_latin(ch) for ch in word):
        return list(dict.fromkeys(fold(reading) for reading in latin_readings(word)))
    return [fold(word)]


def closest_kazakh_word(word: str, words: dict[str, int]) -> str | None:
    """The vocabulary word nearest to `word` compared in folded form, over every
    reading of a Latin word (None if none is within the allowed edits, or if the
    word is already a vocabulary word)."""
    if word in words:
        return None
    limit = allowed_edits(word)
    keys = folded_keys(word)
    best: tuple[int, int, str] | None = None
    for candidate, count in words.items():
        if any(is_latin(ch) for ch in candidate):
            continue
        folded = fold(candidate)
        for key in keys:
            if abs(len(folded) - len(key)) > limit:
                continue
            distance = damerau_levenshtein(key, folded, limit)
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
        if not has_letter(token):
            fix = None
        elif language == "kk":
            fix = closest_kazakh_word(token, words)
        else:
            fix = closest_word(token, words)
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
    if language == "kk" and any(is_latin(ch) for ch in text):
        # Kazakh Latin: the folded match knows the real word (kazakhstan → қазақстан);
        # the letter-by-letter transliteration only guesses (казахстан).
        found = [found[0], found[2], found[1]]
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
    return complete_from(prefix, language, vocabulary(language), limit)


def complete_from(prefix: str, language: str, words: dict[str, int], limit: int = 3) -> list[str]:
    """`completions` over a given vocabulary. Kazakh compares folded forms, so a
    Latin or Russian-keyboard prefix completes to the Cyrillic word ("emhan",
    "емхан" → «емхана»; "otinis" → «өтініш»)."""
    if language == "kk":
        keys = tuple(folded_keys(prefix))
        found = [w for w in words if w != prefix and fold(w).startswith(keys)]
    else:
        found = [w for w in words if w.startswith(prefix) and w != prefix]
    return sorted(found, key=lambda w: (-words[w], len(w), w))[:limit]


def forget_vocabulary() -> None:
    """Drop the cached vocabularies (pages left the index: their words must go too)."""
    cache.delete_many([f"search:vocabulary:{code}" for code, _name in settings.LANGUAGES])
