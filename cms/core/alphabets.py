"""The alphabet of each language of the platform, for A–Z indexes and sorting.

Letters are capitals, in alphabetical order, without the signs that never begin a
word (Ъ, Ь). Kazakh is the 42 letters of cms.core.translit.KAZAKH_ALPHABET; Russian
the 33 of its own; English the Latin 26. `sort_key` orders names by the alphabet of
a language (Python's code-point order would put Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ, І after Я).
"""

from .languages import LANGUAGE_CODES
from .translit import KAZAKH_ALPHABET

SILENT = "ЪЬ"
_LETTERS = {
    "kk": KAZAKH_ALPHABET.upper(),
    "ru": "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
    "en": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
}
# Only the platform's languages (cms.core.languages): a language added to the settings
# without an alphabet here fails at import, not silently on the portal.
ALPHABETS: dict[str, str] = {
    code: "".join(letter for letter in _LETTERS[code] if letter not in SILENT)
    for code in LANGUAGE_CODES
}
_POSITIONS = {
    code: {letter: index for index, letter in enumerate(_LETTERS[code])} for code in LANGUAGE_CODES
}


def sort_key(text: str, language: str) -> tuple[int, ...]:
    """A key that orders `text` by the alphabet of `language`, case-insensitively;
    spaces and punctuation first, numbers by value (2 before 10), letters of other
    alphabets after its own."""
    positions = _POSITIONS[language]
    key: list[int] = []
    number = ""
    for char in text.upper() + " ":
        if char.isdigit():
            number += char
            continue
        if number:
            key += [500, int(number)]
            number = ""
        if char in positions:
            key.append(1000 + positions[char])
        elif char.isalnum():
            key.append(2000 + ord(char))
        else:
            key.append(0)
    return tuple(key)
