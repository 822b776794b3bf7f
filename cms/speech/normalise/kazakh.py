"""Kazakh: abbreviations with their case suffixes, numbers and ordinals in words."""

from __future__ import annotations

import re

from .common import (
    DECIMAL,
    GROUPED,
    NUMBER,
    PERCENT,
    PHONE,
    TIME,
    WORD,
    expand_dates,
    read_phone,
    roman_to_int,
    spaced_ranges,
    split_decimal,
    tidy_whitespace,
    ungroup,
)
from .numbers_kk import KK_MONTHS, kk_attach, kk_cardinal, kk_is_front, kk_ordinal

# Abbreviation -> expansion; True when the expansion ends in a 3rd-person possessive
# (Республикасы, нөмірі, орталығы), after which case suffixes take their n-forms.
KK_ABBREVIATIONS: dict[str, tuple[str, bool]] = {
    "ҚР": ("Қазақстан Республикасы", True),
    "ЖСН": ("жеке сәйкестендіру нөмірі", True),
    "БСН": ("бизнес-сәйкестендіру нөмірі", True),
    "ХҚКО": ("халыққа қызмет көрсету орталығы", True),
    "ЭЦҚ": ("электрондық цифрлық қолтаңба", False),
    "ҰБТ": ("ұлттық бірыңғай тестілеу", False),
    "ЖОО": ("жоғары оқу орны", True),
    "БҰҰ": ("Біріккен Ұлттар Ұйымы", True),
    "ТМД": ("Тәуелсіз Мемлекеттер Достастығы", True),
    "ЕАЭО": ("Еуразиялық экономикалық одақ", False),
    "ЖШС": ("жауапкершілігі шектеулі серіктестік", False),
    "АҚ": ("акционерлік қоғам", False),
    "ҮЕҰ": ("үкіметтік емес ұйым", False),
    "ТЖМ": ("Төтенше жағдайлар министрлігі", True),
    "ІІМ": ("Ішкі істер министрлігі", True),
}
# Suffix written after the abbreviation -> the form after a 3rd-person possessive.
KK_POSSESSIVE_CASES = [
    (("ның", "нің", "дың", "дің", "тың", "тің"), ("ның", "нің")),
    (("нда", "нде", "да", "де", "та", "те"), ("нда", "нде")),
    (("нан", "нен", "дан", "ден", "тан", "тен"), ("нан", "нен")),
    (("на", "не", "ға", "ге", "қа", "ке", "а", "е"), ("на", "не")),
    (("ны", "ні", "ды", "ді", "ты", "ті", "н"), ("н", "н")),
    (("мен", "бен", "пен"), ("мен", "мен")),
]
KK_WORD_ABBREVIATIONS = [
    (re.compile(r"\bт\.\s?б\.(?=\s|$|[,;:)])"), "тағы басқа"),
    (re.compile(r"\bт\.\s?с\.\s?с\.(?=\s|$|[,;:)])"), "тағы сол сияқты"),
    (re.compile(r"(?<=\d)\s?жж\.(?=\s|$|[,;:)])"), " жылдар"),
    (re.compile(r"(?<=\d)\s?ж\.(?=\s|$|[,;:)])"), " жыл"),
    (re.compile(r"(?<=\w)\s+қ\.(?=\s|$|[,;:)])"), " қаласы"),
    (re.compile(r"(?<=\w)\s+обл\.(?=\s|$|[,;:)])"), " облысы"),
    (re.compile(r"\bмлрд\b\.?"), "миллиард"),
    (re.compile(r"\bмлн\b\.?"), "миллион"),
    (re.compile(r"\bтг\b\.?|₸"), "теңге"),
    (re.compile(r"№\s?"), "нөмір "),
]
# A case or ordinal suffix written after a number with a hyphen: 5-ке, 1-ші.
KK_NUMBER_SUFFIXES = {
    "ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге", "қа", "ке", "на", "не", "а", "е",
    "ны", "ні", "ды", "ді", "ты", "ті", "н", "да", "де", "та", "те", "нда", "нде", "дан",
    "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен", "сы", "сі", "ы", "і", "лар",
    "лер", "дар", "дер", "тар", "тер", "дай", "дей", "тай", "тей", "ғы", "гі", "қы", "кі",
}
KK_ORDINAL_SUFFIXES = {"ші", "шы", "інші", "ыншы", "нші", "ншы"}
# Words after which a bare number is an ordinal: 7 желтоқсан, 21 ғасыр; a year
# (1000-2999) before жыл (2026 жылы), and any number before жылы/жылғы (but «5 жыл»
# is five years).
KK_ORDINAL_NEXT = re.compile(r"(?:ғасыр|" + "|".join(KK_MONTHS) + r")\w*|жылы\b|жылғы\b")
KK_YEAR_NEXT = re.compile(r"жыл\w*")


def _kk_abbreviation(match: re.Match) -> str:
    expansion, possessive = KK_ABBREVIATIONS[match.group(1)]
    suffix = match.group(2) or ""
    if not suffix:
        return expansion
    if possessive:
        front = kk_is_front(expansion)
        for written, forms in KK_POSSESSIVE_CASES:
            if suffix in written:
                return expansion + forms[1 if front else 0]
    return kk_attach(expansion, suffix)


KK_ABBREVIATION = re.compile(
    r"(?<!\w)(" + "|".join(sorted(map(re.escape, KK_ABBREVIATIONS), key=len, reverse=True))
    + r")(?:-(\w+))?(?!\w)"
)


def _kk_hyphenated(match: re.Match) -> str:
    number, word = int(match.group(1)), match.group(2)
    lowered = word.lower()
    if lowered in KK_ORDINAL_SUFFIXES:
        return kk_ordinal(number)
    if lowered in KK_NUMBER_SUFFIXES:
        return kk_attach(kk_cardinal(number), word)
    return f"{kk_ordinal(number)} {word}"  # 1-тарау, 12-бап, 2026-жылғы


def _kk_time(match: re.Match) -> str:
    hours, minutes, suffix = int(match.group(1)), int(match.group(2)), match.group(3) or ""
    spoken = kk_cardinal(hours) + (f" {kk_cardinal(minutes)}" if minutes else "")
    return kk_attach(spoken, suffix) if suffix else spoken


def _kk_decimal(whole: str, fraction: str) -> str:
    denominator = kk_cardinal(10 ** len(fraction))
    return f"{kk_cardinal(int(whole))} бүтін {denominator}нан {kk_cardinal(int(fraction))}"


def _kk_percent(match: re.Match) -> str:
    whole, fraction = split_decimal(match.group(1))
    number = _kk_decimal(whole, fraction) if fraction else kk_cardinal(int(whole))
    return f"{number} пайыз"


def _kk_number(match: re.Match) -> str:
    number = int(match.group(0))
    following = match.string[match.end() :].lstrip(" \u00a0-–—")
    # A year range (2025–2026 жылдары): the first number is an ordinal too.
    following = re.sub(r"^\d+\s*", "", following) if re.match(r"\d", following) else following
    if KK_ORDINAL_NEXT.match(following) or (
        1000 <= number <= 2999 and KK_YEAR_NEXT.match(following)
    ):
        return kk_ordinal(number)
    return kk_cardinal(number)


KK_CENTURY = re.compile(r"(?<!\w)([IVXLCІХ]+)\s+(ғасыр\w*|ғ\.)")


def _kk_century(match: re.Match) -> str:
    word = "ғасыр" if match.group(2) == "ғ." else match.group(2)
    return f"{kk_ordinal(roman_to_int(match.group(1)))} {word}"


def normalise_kk(text: str) -> str:
    text = KK_CENTURY.sub(_kk_century, text)
    text = PHONE.sub(lambda m: read_phone(m, kk_cardinal, "нөл"), text)
    text = expand_dates(text, "kk")
    text = spaced_ranges(GROUPED.sub(ungroup, text))
    text = KK_ABBREVIATION.sub(_kk_abbreviation, text)
    for pattern, replacement in KK_WORD_ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    text = TIME.sub(_kk_time, text)
    text = re.sub(r"\b(\d+)-(" + WORD + r"+)", _kk_hyphenated, text)
    text = PERCENT.sub(_kk_percent, text)
    text = DECIMAL.sub(lambda m: _kk_decimal(m.group(1), m.group(2)), text)
    text = NUMBER.sub(_kk_number, text)
    return tidy_whitespace(text)


