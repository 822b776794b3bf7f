"""The one Kazakh (and Russian) Cyrillic → Latin table of the platform.

``CYRILLIC_TO_LATIN`` is the 2021 Kazakh Latin alphabet (../shared/KAZAKH.md) plus the
usual spelling of the letters of Russian loanwords; search's analysis
(search.analysis.translit) and page slugs both read it. ``CYRILLIC_TO_ASCII`` is the
same table with the diacritics of the 2021 letters spelt in plain ASCII, for
addresses (page slugs): «жаңа цифрлық қызмет» → ``zhana-tsifrlyq-qyzmet``.

ъ and ь are silent in both (the 2021 alphabet drops them); every other of the 42
letters of the Kazakh Cyrillic alphabet has a Latin spelling.
"""

from __future__ import annotations

from django.utils.text import slugify

__all__ = [
    "CYRILLIC_TO_LATIN",
    "CYRILLIC_TO_ASCII",
    "KAZAKH_ALPHABET",
    "cyrillic_to_latin",
    "cyrillic_to_ascii",
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


def cyrillic_to_ascii(text: str) -> str:
    """Kazakh or Russian Cyrillic → plain ASCII Latin, lower case."""
    return "".join(CYRILLIC_TO_ASCII.get(ch, ch) for ch in text.lower())


def slug_from_title(title: str) -> str:
    """The ASCII slug of a title in any of the platform's languages:
    «Жаңа цифрлық қызмет» → ``zhana-tsifrlyq-qyzmet``, «Новости» → ``novosti``."""
    return slugify(cyrillic_to_ascii(title or ""))
