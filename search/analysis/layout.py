"""Text typed in the wrong keyboard layout (QWERTY ↔ Russian ЙЦУКЕН).

"vbybcnthcndj" is "министерство" typed with the English layout on; "ghbdtn" is
"привет". ``layout_alternative(query)`` returns the Cyrillic reading of a query
when it looks like such an accident, else ``None``; the search layer should only
try it when the original query finds nothing or very little.

Work on the raw query, not on tokens: keys such as ``;`` (ж), ``'`` (э), ``[`` (х),
``]`` (ъ), ``,`` (б), ``.`` (ю) and the backtick (ё) are punctuation that the
tokenizer would drop.

Heuristic (deliberately simple), per whitespace-separated chunk of at least 3
characters made only of ASCII letters and those keys:

* the chunk must NOT look like a Latin word: a Latin word has 20–80 % vowels
  (a e i o u y), no run of more than 4 consonants, and no layout punctuation inside;
* its Cyrillic conversion MUST look like a Russian word: 25–75 % vowels, no run of
  more than 4 consonants, no vowel/sign letter (ы ь ъ) at the start, no "ьь",
  "ъъ" or a sign after a vowel.

The query is converted when at least one chunk qualifies and no chunk is a
plausible Latin word (a mixed query such as "covid vaktsina" stays as typed).
Kazakh-specific letters sit on the digit row of the Kazakh layout and are not
converted (digits are kept as digits).
"""

from __future__ import annotations

__all__ = ["to_cyrillic_layout", "to_latin_layout", "layout_alternative", "looks_like_russian"]

_LAT = "`qwertyuiop[]asdfghjkl;'zxcvbnm,."
_CYR = "ёйцукенгшщзхъфывапролджэячсмитьбю"
_LAT_TO_CYR = dict(zip(_LAT, _CYR, strict=True))
_LAT_TO_CYR.update(zip(_LAT.upper().replace("[", "{").replace("]", "}"), _CYR.upper(), strict=True))
_LAT_TO_CYR.update({"{": "Х", "}": "Ъ", ":": "Ж", '"': "Э", "<": "Б", ">": "Ю", "~": "Ё"})
_CYR_TO_LAT = {v: k for k, v in _LAT_TO_CYR.items()}

_LAT_VOWELS = set("aeiouy")
_CYR_VOWELS = set("аеёиоуыэюя")
_SIGNS = set("ьъ")
_LAYOUT_PUNCT = set("`[]{};:'\",.<>~")


def to_cyrillic_layout(text: str) -> str:
    """Each QWERTY key replaced by the ЙЦУКЕН letter on the same key."""
    return "".join(_LAT_TO_CYR.get(ch, ch) for ch in text)


def to_latin_layout(text: str) -> str:
    """Each ЙЦУКЕН letter replaced by the QWERTY character on the same key."""
    return "".join(_CYR_TO_LAT.get(ch, ch) for ch in text)


def _max_consonant_run(word: str, vowels: set[str]) -> int:
    run = best = 0
    for ch in word:
        if ch.isalpha() and ch not in vowels and ch not in _SIGNS:
            run += 1
            best = max(best, run)
        else:
            run = 0
    return best


def _looks_like_latin_word(chunk: str) -> bool:
    if any(ch in _LAYOUT_PUNCT for ch in chunk):
        return False
    letters = [c for c in chunk.lower() if c.isalpha()]
    if not letters:
        return False
    ratio = sum(c in _LAT_VOWELS for c in letters) / len(letters)
    return 0.2 <= ratio <= 0.8 and _max_consonant_run("".join(letters), _LAT_VOWELS) <= 4


def looks_like_russian(word: str) -> bool:
    """A rough plausibility test for a lowercase Cyrillic word."""
    letters = [c for c in word.lower() if c.isalpha()]
    if len(letters) < 2 or len(letters) != len(word):
        return False
    text = "".join(letters)
    if text[0] in "ыьъ" or "ьь" in text or "ъъ" in text:
        return False
    if any(a in _CYR_VOWELS and b in _SIGNS for a, b in zip(text, text[1:], strict=False)):
        return False
    ratio = sum(c in _CYR_VOWELS for c in text) / len(text)
    return 0.25 <= ratio <= 0.75 and _max_consonant_run(text, _CYR_VOWELS) <= 4


def _convertible(chunk: str) -> bool:
    return len(chunk) >= 3 and all(ch in _LAT_TO_CYR for ch in chunk)


def layout_alternative(query: str) -> str | None:
    """The query re-read in the Russian layout, or None when it does not look mistyped."""
    chunks = query.split()
    if not chunks:
        return None
    converted = []
    changed = False
    for chunk in chunks:
        core = chunk.rstrip("?!")
        if not _convertible(core):
            converted.append(chunk)
            continue
        if _looks_like_latin_word(core):
            return None
        cyr = to_cyrillic_layout(core).lower()
        if not looks_like_russian(cyr):
            return None
        converted.append(cyr + chunk[len(core) :])
        changed = True
    return " ".join(converted) if changed else None
