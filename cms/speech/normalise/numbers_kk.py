"""Kazakh numbers in words: cardinals, ordinals, and case suffixes joined to them."""

from __future__ import annotations

KK_UNITS = ["", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"]
KK_TENS = ["", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"]
KK_SCALES = [(10**12, "триллион"), (10**9, "миллиард"), (10**6, "миллион"), (1000, "мың")]
KK_FRONT_VOWELS = set("әеөүіи")
KK_VOWELS = set("аәеиоөұүыіэюя")
# Ordinals that do not follow the suffix rule.
KK_ORDINAL_EXCEPTIONS = {"жиырма": "жиырмасыншы", "қырық": "қырқыншы"}
KK_MONTHS = [
    "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
    "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
]


def _kk_below_thousand(n: int) -> list[str]:
    words = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words += ([KK_UNITS[hundreds]] if hundreds > 1 else []) + ["жүз"]
    tens, units = divmod(rest, 10)
    if tens:
        words.append(KK_TENS[tens])
    if units:
        words.append(KK_UNITS[units])
    return words


def kk_cardinal(n: int) -> str:
    """2026 -> «екі мың жиырма алты»; 100 -> «жүз»; 1000 -> «мың»."""
    if n == 0:
        return "нөл"
    words = []
    for scale, name in KK_SCALES:
        count, n = divmod(n, scale)
        if count:
            if not (scale == 1000 and count == 1):
                words += _kk_below_thousand(count) if count < 1000 else [kk_cardinal(count)]
            words.append(name)
    words += _kk_below_thousand(n)
    return " ".join(words)


def kk_is_front(word: str) -> bool:
    for letter in reversed(word):
        if letter in KK_VOWELS:
            return letter in KK_FRONT_VOWELS
    return False


def kk_ordinal_word(word: str) -> str:
    """бір -> бірінші, алты -> алтыншы, жиырма -> жиырмасыншы, мың -> мыңыншы."""
    if word in KK_ORDINAL_EXCEPTIONS:
        return KK_ORDINAL_EXCEPTIONS[word]
    front = kk_is_front(word)
    # у after a vowel is a consonant here (елу -> елуінші).
    if word[-1] in KK_VOWELS and word[-1] != "у":
        return word + ("нші" if front else "ншы")
    return word + ("інші" if front else "ыншы")


# Case suffixes by class: (variants after a vowel, after л р у й ж з, after м н ң,
# after a voiceless consonant), each as (back, front).
KK_SUFFIX_CLASSES = {
    "genitive": (("ның", "нің"), ("дың", "дің"), ("ның", "нің"), ("тың", "тің")),
    "dative": (("ға", "ге"), ("ға", "ге"), ("ға", "ге"), ("қа", "ке")),
    "locative": (("да", "де"), ("да", "де"), ("да", "де"), ("та", "те")),
    "ablative": (("дан", "ден"), ("дан", "ден"), ("нан", "нен"), ("тан", "тен")),
    "accusative": (("ны", "ні"), ("ды", "ді"), ("ды", "ді"), ("ты", "ті")),
    "instrumental": (("мен", "мен"), ("мен", "мен"), ("мен", "мен"), ("пен", "пен")),
    "plural": (("лар", "лер"), ("лар", "лер"), ("дар", "дер"), ("тар", "тер")),
}
KK_SUFFIX_CLASS = {
    variant: name
    for name, rows in KK_SUFFIX_CLASSES.items()
    for row in rows
    for variant in row
}
KK_SUFFIX_CLASS.update({"бен": "instrumental", "ла": "plural"})
KK_VOICELESS = set("кқпстфхцчшщ")


def kk_attach(word: str, suffix: str) -> str:
    """Join a case suffix written after a number or abbreviation to the spoken word,
    in the variant that word takes (vowel harmony and the last sound): тоғыз + ден ->
    тоғыздан, бес + ке -> беске, он + нан -> оннан. Other suffixes are kept as written."""
    name = KK_SUFFIX_CLASS.get(suffix.lower())
    if name is None:
        return word + suffix
    last = word[-1].lower()
    if last in KK_VOWELS and last != "у":
        row = 0
    elif last in "мнң":
        row = 2
    elif last in KK_VOICELESS:
        row = 3
    else:
        row = 1
    return word + KK_SUFFIX_CLASSES[name][row][1 if kk_is_front(word) else 0]


def kk_ordinal(n: int) -> str:
    """1 -> «бірінші», 2026 -> «екі мың жиырма алтыншы»."""
    words = kk_cardinal(n).split(" ")
    return " ".join(words[:-1] + [kk_ordinal_word(words[-1])])


