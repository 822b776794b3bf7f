"""The one Kazakh (and Russian) Cyrillic → Latin table of the platform.

``CYRILLIC_TO_LATIN`` is the 2021 Kazakh Latin alphabet (../shared/KAZAKH.md) plus the
usual spelling of the letters of Russian loanwords; search's analysis
(search.analysis.translit) and page slugs both read it. ``CYRILLIC_TO_ASCII`` is the
same table with the diacritics of the 2021 letters spelt in plain ASCII, for
addresses (page slugs): «жаңа цифрлық қызмет» → ``zhana-tsifrlyq-qyzmet``.

ъ and ь are silent in both (the 2021 alphabet drops them); every other of the 42
letters of the Kazakh Cyrillic alphabet has a Latin spelling.

``latin_text`` is the display mode of the same table, for the pages served in the
Latin script (``/kk-latn/...``, cms.core.script): it keeps the case of whole words.

Letters of Russian loanwords: the 2021 alphabet has no letter for them, and the
platform spells them as writers of the 2021 alphabet do (KAZAKH.md): ц → ts, ч → ch,
щ → şş, ё → io, ю → iu, я → ia, э → e; ъ and ь are dropped; in display text
the i is not doubled after и or й (Азия → Azia, not Aziia). The conversion runs from
Cyrillic to Latin only: that direction loses nothing the reader needs, while the way
back is ambiguous (i is и or й, h is х or һ).
"""

from __future__ import annotations

import re

from django.utils.text import slugify

__all__ = [
    "CYRILLIC_TO_LATIN",
    "CYRILLIC_TO_ASCII",
    "KAZAKH_ALPHABET",
    "cyrillic_to_latin",
    "cyrillic_to_ascii",
    "latin_text",
    "slug_from_title",
]

#: The 42 letters of the Kazakh Cyrillic alphabet, in alphabetical order.
KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"

CYRILLIC_TO_LATIN = {
    "а": "a",
    "ә": "ä",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "ğ",
    "д": "d",
    "е": "e",
    "ё": "io",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "қ": "q",
    "л": "l",
    "м": "m",
    "н": "n",
    "ң": "ñ",
    "о": "o",
    "ө": "ö",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ұ": "ū",
    "ү": "ü",
    "ф": "f",
    "х": "h",
    "һ": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "ş",
    "щ": "şş",
    "ъ": "",
    "ы": "y",
    "і": "ı",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
}

# Upper case of the Latin letters whose upper case is not str.upper()'s.
_UPPER_LAT = {"ı": "I", "i": "İ"}

# The 2021 letters with diacritics, spelt in ASCII the way people type them
# (KAZAKH.md, "Common ASCII habits"); j is ж's only spelling in the table.
_LATIN_TO_ASCII = {
    "ä": "a",
    "ğ": "g",
    "ñ": "n",
    "ö": "o",
    "ū": "u",
    "ü": "u",
    "ş": "sh",
    "ı": "i",
    "j": "zh",
}

CYRILLIC_TO_ASCII = {
    cyr: "".join(_LATIN_TO_ASCII.get(ch, ch) for ch in lat)
    for cyr, lat in CYRILLIC_TO_LATIN.items()
}
CYRILLIC_TO_ASCII["щ"] = "shch"


def cyrillic_to_latin(text: str) -> str:
    """Kazakh Cyrillic → 2021 Latin alphabet; keeps case and any other character."""
    out = []
    for ch in text:
        low = ch.lower()
        lat = CYRILLIC_TO_LATIN.get(low)
        if lat is None:
            out.append(ch)
        elif ch != low and lat:
            out.append(_UPPER_LAT.get(lat[0], lat[0].upper()) + lat[1:])
        else:
            out.append(lat)
    return "".join(out)


# --- Display text (the kk-Latn pages, cms.core.script) -----------------------------
def _title_case(latin: str) -> str:
    return _UPPER_LAT.get(latin[0], latin[0].upper()) + latin[1:] if latin else ""


def _all_caps(latin: str) -> str:
    return "".join(_UPPER_LAT.get(ch, ch.upper()) for ch in latin)


_DISPLAY = str.maketrans(
    {
        **CYRILLIC_TO_LATIN,
        **{cyr.upper(): _title_case(lat) for cyr, lat in CYRILLIC_TO_LATIN.items()},
    }
)
_DISPLAY_CAPS = str.maketrans(
    {cyr.upper(): _all_caps(lat) for cyr, lat in CYRILLIC_TO_LATIN.items()}
)
# Capitals spelt with more than one Latin letter (Ц → Ts, Ю → Iu...): in a word in
# capitals they are capitals throughout (ЦОН → TSON, not TsON).
_MULTI_CAPS = "".join(c.upper() for c, lat in CYRILLIC_TO_LATIN.items() if len(lat) > 1)
_CAPS_WORD = re.compile(rf"\w*[{_MULTI_CAPS}]\w*")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


# After и or й the i of я, ю, ё is not written twice: Азия → Azia, Конституция →
# Konstitutsia, Василий → Vasili (ия, ию, иё, йя..., ий spelt with one i).
_AFTER_I = re.compile("(?<=[иийИЙ])[яюёйЯЮЁЙ]")
_WITHOUT_I = {"я": "а", "ю": "у", "ё": "о", "й": "", "Я": "А", "Ю": "У", "Ё": "О", "Й": ""}


def _caps_word(match: re.Match) -> str:
    word = match.group()
    return word.translate(_DISPLAY_CAPS) if len(word) > 1 and word.isupper() else word


def latin_text(text: str) -> str:
    """Kazakh display text in the 2021 Latin alphabet, for people to read: the same
    table as `cyrillic_to_latin`, and a word in capitals stays in capitals
    («ЦОН» → «TSON», «Цифрлық» → «Tsifrlyq»). Text without Cyrillic comes back as is."""
    if not _CYRILLIC.search(text):
        return text
    text = _AFTER_I.sub(lambda m: _WITHOUT_I[m.group()], text)
    if any(ch in _MULTI_CAPS for ch in text):
        text = _CAPS_WORD.sub(_caps_word, text)
    return text.translate(_DISPLAY)


def cyrillic_to_ascii(text: str) -> str:
    """Kazakh or Russian Cyrillic → plain ASCII Latin, lower case."""
    return "".join(CYRILLIC_TO_ASCII.get(ch, ch) for ch in text.lower())


def slug_from_title(title: str) -> str:
    """The ASCII slug of a title in any of the platform's languages:
    «Жаңа цифрлық қызмет» → ``zhana-tsifrlyq-qyzmet``, «Новости» → ``novosti``."""
    return slugify(cyrillic_to_ascii(title or ""))
