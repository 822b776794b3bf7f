"""Patterns and rules shared by the languages: dates, grouped numbers, telephone
numbers, Roman numerals, ranges, whitespace."""

from __future__ import annotations

import re
from collections.abc import Callable

from .numbers_kk import KK_MONTHS
from .numbers_ru import RU_MONTHS_GENITIVE

WORD = r"[^\W\d_]"  # one letter of any alphabet
DATE = re.compile(r"\b(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.(\d{4})\b")
# Thousands grouped by spaces (1 250 000) or no-break spaces, read as one number.
GROUPED = re.compile(r"\b(\d{1,3}(?:[ \u00a0\u202f]\d{3})+)\b(?![,.]\d)")
# A time, with the case suffix written after it (09:00-ден).
TIME = re.compile(r"\b([01]?\d|2[0-3]):([0-5]\d)(?:-(" + WORD + r"+))?\b")
DECIMAL = re.compile(r"\b(\d+)[,.](\d{1,3})\b")
PERCENT = re.compile(r"(\d+(?:[,.]\d+)?)\s?%")
NUMBER = re.compile(r"\b\d+\b")
# A Roman numeral before "century" (Kazakh texts often write it with the Cyrillic
# Х and І: ХХІ ғасыр).
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "І": 1, "Х": 10}


def roman_to_int(numeral: str) -> int:
    values = [ROMAN_VALUES[letter] for letter in numeral]
    total = 0
    for index, value in enumerate(values):
        following = values[index + 1] if index + 1 < len(values) else 0
        total += -value if value < following else value
    return total

# A telephone number: + and a country code, an area code in brackets, digits in
# hyphenated pairs (74-99-00) or a Kazakh number of 11 digits (8 701 ...). Read
# group by group, with pauses.
PHONE = re.compile(r"(?<![\w+])(\+?\d[\d \u00a0()\-]{7,}\d)(?![\w])")


def read_phone(match: re.Match, cardinal: Callable[[int], str], zero: str) -> str:
    text = match.group(1)
    digits = re.sub(r"\D", "", text)
    if len(digits) < 10 or not (
        text.startswith("+")
        or "(" in text
        or re.search(r"\d-\d\d-\d\d", text)
        or (len(digits) == 11 and digits.startswith(("87", "77")))  # 8 701 234 56 78
    ):
        return text
    groups = []
    for group in re.findall(r"\d+", text):
        parts = [group[i : i + 2] for i in range(0, len(group), 2)] if len(group) == 4 else [group]
        for part in parts:
            words = [zero] * (len(part) - len(part.lstrip("0")))
            if part.lstrip("0"):
                words.append(cardinal(int(part)))
            groups.append(" ".join(words))
    return ("плюс " if text.startswith("+") else "") + ", ".join(groups)


def ungroup(match: re.Match) -> str:
    return re.sub(r"[ \u00a0\u202f]", "", match.group(1))


# A year word already written after the date: «07.12.2026 ж.», «01.01.2027 года».
DATE_YEAR_WORD = {
    "kk": re.compile(r"\s*(?:ж\.|жылғы|жыл)"),
    "ru": re.compile(r"\s*(?:г\.|года)"),
    "en": re.compile(r"(?!)"),  # nothing to swallow
}
EN_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]


def expand_dates(text: str, language: str) -> str:
    """07.12.2026 -> «2026 жылғы 7 желтоқсан» (kk) / «7 декабря 2026 года» (ru) / "7
    December 2026" (en); other languages unchanged. A year word written after the
    date is not repeated."""
    if language not in DATE_YEAR_WORD:
        return text
    pattern = re.compile(DATE.pattern + "(" + DATE_YEAR_WORD[language].pattern + r"(?!\w))?")

    def replace(match: re.Match) -> str:
        day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
        if language == "kk":
            return f"{year} жылғы {day} {KK_MONTHS[month - 1]}"
        if language == "en":
            return f"{day} {EN_MONTHS[month - 1]} {year}"
        return f"{day} {RU_MONTHS_GENITIVE[month - 1]} {year} года"

    return pattern.sub(replace, text)


RANGE = re.compile(r"(?<=\d)\s*[–—]\s*(?=\d)|(?<=\d)-(?=\d{4}\b)")


def spaced_ranges(text: str) -> str:
    """2025–2026 -> 2025 – 2026: eSpeak pauses between the two numbers."""
    return RANGE.sub(" – ", text)


def tidy_whitespace(text: str) -> str:
    text = re.sub(r"[ \t\u00a0\u202f]+", " ", text)
    return re.sub(r" *\n[ \n]*", "\n", text).strip()


def split_decimal(value: str) -> tuple[str, str]:
    whole, _separator, fraction = re.sub(",", ".", value).partition(".")
    return whole, fraction
