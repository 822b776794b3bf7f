"""Unicode-aware word tokenizer shared by every language.

``tokenize(text)`` returns lowercased NFC tokens:

* letters and digits of any script form words; punctuation is dropped;
* a hyphen or apostrophe *between* two word characters is kept, so "іс-шара",
  "covid-19" and "don't" stay one token (``split_compound`` gives the parts);
* numbers keep their inner dots/commas ("01.01.2026", "3,5") and the number sign
  ("№15", also written "№ 15");
* ё → е (Russian writers use both), soft hyphens and zero-width characters are
  removed, typographic apostrophes and hyphens are unified;
* a token that mixes Cyrillic and Latin letters (a Latin "i" typed for Kazakh "і",
  a Latin "a" in a Cyrillic word, ...) is turned into Cyrillic letter by letter.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["tokenize", "split_compound", "is_cyrillic", "is_latin", "has_letter"]

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_UNIFY = str.maketrans(
    {
        # The mark of the relevance model's feature tokens (search.engines.base.MARK)
        # separates words, so that no analysed term holds it.
        "\u1405": " ",
        "\u2019": "'",  # right single quotation mark
        "\u2018": "'",
        "\u02bc": "'",  # modifier letter apostrophe
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u0130": "I",  # Latin capital I with dot: lower() would add U+0307
        "\u0401": "Е",  # Ё
        "\u0451": "е",  # ё
    }
)

_W = r"[^\W_]"
_TOKEN_RE = re.compile(
    r"№\s*\d+(?:[./-]\d+)*"  # №15, № 15, №15/2
    r"|\d+(?:[.,]\d+)+"  # 01.01.2026, 3,5
    rf"|{_W}+(?:['-]{_W}+)*"  # words, іс-шара, covid-19, don't
)

# Latin letters that look like (or are typed for) Cyrillic ones inside a Cyrillic word.
_HOMOGLYPHS = str.maketrans(
    {
        "a": "а",
        "e": "е",
        "o": "о",
        "p": "р",
        "c": "с",
        "x": "х",
        "y": "у",
        "k": "к",
        "m": "м",
        "t": "т",
        "h": "һ",
        "b": "в",
        "i": "і",
        "ı": "і",
        "ə": "ә",
        "ä": "ә",
        "ö": "ө",
        "ü": "ү",
        "ğ": "ғ",
        "ñ": "ң",
        "q": "қ",
    }
)


def is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff" or "\u0500" <= ch <= "\u052f"


def is_latin(ch: str) -> bool:
    return ch.isalpha() and (ch < "\u0250" or ch == "\u0259")


def has_letter(token: str) -> bool:
    return any(ch.isalpha() for ch in token)


def _fix_mixed_script(part: str) -> str:
    has_cyr = any(is_cyrillic(ch) for ch in part)
    has_lat = any(is_latin(ch) for ch in part)
    if has_cyr and has_lat:
        fixed = part.translate(_HOMOGLYPHS)
        # Only accept the fix when it leaves no Latin letter behind.
        if not any(is_latin(ch) for ch in fixed):
            return fixed
    return part


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE).translate(_UNIFY)
    text = text.lower()
    # Any remaining combining dot above (from a decomposed İ) is noise.
    return text.replace("\u0307", "")


def tokenize(text: str) -> list[str]:
    """Split *text* into lowercased, normalised tokens (see module docstring)."""
    if not text:
        return []
    tokens = []
    for match in _TOKEN_RE.finditer(_normalise(text)):
        token = match.group(0)
        if token.startswith("№"):
            token = "№" + token[1:].lstrip()
        elif "-" in token or any(is_latin(c) for c in token):
            token = "-".join(_fix_mixed_script(p) for p in token.split("-"))
        tokens.append(token)
    return tokens


def split_compound(token: str) -> list[str]:
    """Parts of a hyphenated/apostrophised token that carry letters or digits.

    "іс-шара" → ["іс", "шара"]; "don't" stays whole (the English stemmer handles
    it); "covid-19" → ["covid", "19"].
    """
    return [p for p in token.split("-") if p]
