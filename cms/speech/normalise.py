"""Text normalisation before speech: what eSpeak NG would misread, written out in words.

For Kazakh and Russian (English: dates only; eSpeak reads English numbers well):

- dates: 07.12.2026 -> «2026 жылғы 7 желтоқсан» / «7 декабря 2026 года" (`expand_dates`),
  whose numbers are then read as ordinals («екі мың жиырма алтыншы жылғы жетінші
  желтоқсан», «седьмого декабря две тысячи двадцать шестого года»);
- ordinals: «1-тарау» -> «бірінші тарау», «3-ші» -> «үшінші»; «12-я статья» ->
  «двенадцатая статья», «в 2026 году» -> «в две тысячи двадцать шестом году»;
- a case suffix written after a number is joined to the number's word («5-ке» ->
  «беске», «10-нан» -> «оннан»);
- times (09:00), percentages, decimals (2,5), numbers with grouped thousands
  (1 250 000), telephone numbers (group by group), Roman-numeral centuries (ХХІ
  ғасыр, XXI век), «млн», «млрд», «тыс.», «№», «₸»;
- abbreviations: «ҚР» -> «Қазақстан Республикасы» (with its case suffix: «ҚР-ның» ->
  «Қазақстан Республикасының»), «ЖСН», «ХҚКО», «ЭЦҚ»...; «РК» -> «Республика
  Казахстан» in the case the preposition before it asks for («в РК» -> «в Республике
  Казахстан»), «ЦОН» with its written endings («в ЦОНе» -> «в центре обслуживания
  населения»), «ИИН», «ЭЦП», «г.», «т.е.»...

Each rule is a regular expression with a function; `normalise(text, language)` runs
them in order. Tested in tests/test_speech_normalise.py on real phrases.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# --- Kazakh numbers ----------------------------------------------------------------
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


def _kk_is_front(word: str) -> bool:
    for letter in reversed(word):
        if letter in KK_VOWELS:
            return letter in KK_FRONT_VOWELS
    return False


def kk_ordinal_word(word: str) -> str:
    """бір -> бірінші, алты -> алтыншы, жиырма -> жиырмасыншы, мың -> мыңыншы."""
    if word in KK_ORDINAL_EXCEPTIONS:
        return KK_ORDINAL_EXCEPTIONS[word]
    front = _kk_is_front(word)
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
    return word + KK_SUFFIX_CLASSES[name][row][1 if _kk_is_front(word) else 0]


def kk_ordinal(n: int) -> str:
    """1 -> «бірінші», 2026 -> «екі мың жиырма алтыншы»."""
    words = kk_cardinal(n).split(" ")
    return " ".join(words[:-1] + [kk_ordinal_word(words[-1])])


# --- Russian numbers ---------------------------------------------------------------
RU_UNITS = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"]
RU_UNITS_FEMININE = ["", "одна", "две"] + RU_UNITS[3:]
RU_TEENS = [
    "десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать",
    "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать",
]
RU_TENS = [
    "", "", "двадцать", "тридцать", "сорок",
    "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто",
]
RU_HUNDREDS = [
    "", "сто", "двести", "триста", "четыреста",
    "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот",
]
# (value, (one, two-four, five+), feminine)
RU_SCALES = [
    (10**12, ("триллион", "триллиона", "триллионов"), False),
    (10**9, ("миллиард", "миллиарда", "миллиардов"), False),
    (10**6, ("миллион", "миллиона", "миллионов"), False),
    (1000, ("тысяча", "тысячи", "тысяч"), True),
]
RU_ORDINAL_UNITS = [
    "", "перв", "втор", "треть", "четвёрт", "пят", "шест", "седьм", "восьм", "девят",
]
RU_ORDINAL_TEENS = [
    "десят", "одиннадцат", "двенадцат", "тринадцат", "четырнадцат",
    "пятнадцат", "шестнадцат", "семнадцат", "восемнадцат", "девятнадцат",
]
RU_ORDINAL_TENS = [
    "", "", "двадцат", "тридцат", "сороков",
    "пятидесят", "шестидесят", "семидесят", "восьмидесят", "девяност",
]
RU_ORDINAL_HUNDREDS = [
    "", "сот", "двухсот", "трёхсот", "четырёхсот",
    "пятисот", "шестисот", "семисот", "восьмисот", "девятисот",
]
# Genitive of a round thousand's multiplier: 2000 -> двухтысячный.
RU_GENITIVE_UNITS = ["", "", "двух", "трёх", "четырёх", "пяти", "шести", "семи", "восьми", "девяти"]
# Stems whose masculine nominative is stressed on the ending: второй, not вторый.
RU_STRESSED = {"втор", "шест", "седьм", "восьм", "сороков"}
# Adjective endings by form: (hard stem, третий).
RU_ENDINGS = {
    "m_nom": ("ый", "ий"),
    "f_nom": ("ая", "ья"),
    "n_nom": ("ое", "ье"),
    "gen": ("ого", "ьего"),
    "dat": ("ому", "ьему"),
    "ins": ("ым", "ьим"),
    "prep": ("ом", "ьем"),
    "f_acc": ("ую", "ью"),
    "f_gen": ("ой", "ьей"),
    "pl_nom": ("ые", "ьи"),
    "pl_gen": ("ых", "ьих"),
    "pl_ins": ("ыми", "ьими"),
}


def ru_plural(n: int, forms: tuple[str, str, str]) -> str:
    """The noun form after the number n: 1 год, 2 года, 5 лет (forms: one, few, many)."""
    if 11 <= n % 100 <= 14:
        return forms[2]
    if n % 10 == 1:
        return forms[0]
    if 2 <= n % 10 <= 4:
        return forms[1]
    return forms[2]


def _ru_below_thousand(n: int, feminine: bool = False) -> list[str]:
    words = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words.append(RU_HUNDREDS[hundreds])
    if 10 <= rest <= 19:
        words.append(RU_TEENS[rest - 10])
        return words
    tens, units = divmod(rest, 10)
    if tens:
        words.append(RU_TENS[tens])
    if units:
        words.append((RU_UNITS_FEMININE if feminine else RU_UNITS)[units])
    return words


def ru_cardinal(n: int, feminine: bool = False) -> str:
    """2026 -> «две тысячи двадцать шесть»; feminine: 1 -> «одна», 2 -> «две»."""
    if n == 0:
        return "ноль"
    words = []
    for scale, forms, scale_feminine in RU_SCALES:
        count, n = divmod(n, scale)
        if count:
            if not (scale == 1000 and count == 1):  # 1000: «тысяча»
                words += _ru_below_thousand(count, scale_feminine) if count < 1000 else [
                    ru_cardinal(count)
                ]
            words.append(ru_plural(count, forms))
    words += _ru_below_thousand(n, feminine)
    return " ".join(words)


def _ru_ordinal_stem(n: int) -> tuple[int, str]:
    """(the part of n read as a cardinal, the stem of the ordinal of the rest)."""
    if n % 100 and 10 <= n % 100 <= 19:
        return n - n % 100, RU_ORDINAL_TEENS[n % 100 - 10]
    if n % 10:
        return n - n % 10, RU_ORDINAL_UNITS[n % 10]
    if n % 100:
        return n - n % 100, RU_ORDINAL_TENS[n % 100 // 10]
    if n % 1000:
        return n - n % 1000, RU_ORDINAL_HUNDREDS[n % 1000 // 100]
    thousands = n % 10**6 // 1000
    if thousands:
        prefix = RU_GENITIVE_UNITS[thousands] if thousands < 10 else ru_cardinal(thousands) + " "
        return n - n % 10**6, prefix + "тысячн"
    return n - n % 10**9, "миллионн"


def ru_ordinal(n: int, form: str = "m_nom") -> str:
    """12, "f_nom" -> «двенадцатая»; 2026, "gen" -> «две тысячи двадцать шестого»."""
    if n == 0:
        return "нулев" + ("ой" if form == "m_nom" else RU_ENDINGS[form][0])
    head, stem = _ru_ordinal_stem(n)
    if stem == "треть":
        word = "трет" + RU_ENDINGS[form][1]
    elif form == "m_nom" and stem in RU_STRESSED:
        word = stem + "ой"
    else:
        word = stem + RU_ENDINGS[form][0]
    return f"{ru_cardinal(head)} {word}" if head else word


RU_MONTHS_GENITIVE = [
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
]

# --- Shared patterns ---------------------------------------------------------------
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


def _phone(match: re.Match, cardinal: Callable[[int], str], zero: str) -> str:
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


Rule = tuple[re.Pattern, Callable[[re.Match], str]]


def _apply(text: str, rules: list[Rule]) -> str:
    for pattern, replace in rules:
        text = pattern.sub(replace, text)
    return text


def _ungroup(match: re.Match) -> str:
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


def _ranges(text: str) -> str:
    """2025–2026 -> 2025 – 2026: eSpeak pauses between the two numbers."""
    return RANGE.sub(" – ", text)


def _whitespace(text: str) -> str:
    text = re.sub(r"[ \t\u00a0\u202f]+", " ", text)
    return re.sub(r" *\n[ \n]*", "\n", text).strip()


# --- Kazakh ------------------------------------------------------------------------
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
        front = _kk_is_front(expansion)
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


def _split_decimal(value: str) -> tuple[str, str]:
    whole, _separator, fraction = re.sub(",", ".", value).partition(".")
    return whole, fraction


def _kk_time(match: re.Match) -> str:
    hours, minutes, suffix = int(match.group(1)), int(match.group(2)), match.group(3) or ""
    spoken = kk_cardinal(hours) + (f" {kk_cardinal(minutes)}" if minutes else "")
    return kk_attach(spoken, suffix) if suffix else spoken


def _kk_decimal(whole: str, fraction: str) -> str:
    denominator = kk_cardinal(10 ** len(fraction))
    return f"{kk_cardinal(int(whole))} бүтін {denominator}нан {kk_cardinal(int(fraction))}"


def _kk_percent(match: re.Match) -> str:
    whole, fraction = _split_decimal(match.group(1))
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
    text = PHONE.sub(lambda m: _phone(m, kk_cardinal, "нөл"), text)
    text = expand_dates(text, "kk")
    text = _ranges(GROUPED.sub(_ungroup, text))
    text = KK_ABBREVIATION.sub(_kk_abbreviation, text)
    for pattern, replacement in KK_WORD_ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    text = TIME.sub(_kk_time, text)
    text = re.sub(r"\b(\d+)-(" + WORD + r"+)", _kk_hyphenated, text)
    text = PERCENT.sub(_kk_percent, text)
    text = DECIMAL.sub(lambda m: _kk_decimal(m.group(1), m.group(2)), text)
    text = NUMBER.sub(_kk_number, text)
    return _whitespace(text)


# --- Russian -----------------------------------------------------------------------
CASES = ("nom", "gen", "dat", "acc", "ins", "prep")
# A preposition -> the case of the noun after it.
RU_PREPOSITION_CASES = {
    **dict.fromkeys(("в", "во", "о", "об", "обо", "при"), "prep"),
    **dict.fromkeys(
        ("из", "от", "до", "для", "у", "без", "после", "около", "возле", "кроме", "среди",
         "вне", "против", "из-за", "со стороны"),
        "gen",
    ),
    **dict.fromkeys(("к", "ко", "по", "согласно", "благодаря"), "dat"),
    **dict.fromkeys(("через", "про", "на", "за"), "acc"),
    **dict.fromkeys(("с", "со", "над", "под", "перед", "между"), "ins"),
}


def _forms(line: str) -> dict[str, str]:
    return dict(zip(CASES, line.split("|"), strict=True))


class RuAbbreviation:
    """An abbreviation and its expansion in each case. `default`: its case after a
    word that is no preposition (РК after a noun: «Закон РК» -> genitive); `after_v`:
    its case after «в» (direction «в ЦОН»: accusative; place «в РК»: prepositional).
    `endings`: case endings written on it («ЦОНа», «ЦОНе») -> case or plural form."""

    def __init__(self, forms: str, default="nom", after_v="prep", endings=None, plural=""):
        self.forms = _forms(forms)
        if plural:
            self.forms.update({f"pl_{k}": v for k, v in _forms(plural).items()})
        self.default = default
        self.after_v = after_v
        self.endings = endings or {}


MASCULINE_ENDINGS = {
    "а": "gen", "у": "dat", "ом": "ins", "е": "prep",
    "ы": "pl_nom", "ов": "pl_gen", "ам": "pl_dat", "ами": "pl_ins", "ах": "pl_prep",
}
RU_ABBREVIATIONS = {
    "РК": RuAbbreviation(
        "Республика Казахстан|Республики Казахстан|Республике Казахстан|"
        "Республику Казахстан|Республикой Казахстан|Республике Казахстан",
        default="gen",
    ),
    "ЦОН": RuAbbreviation(
        "центр обслуживания населения|центра обслуживания населения|"
        "центру обслуживания населения|центр обслуживания населения|"
        "центром обслуживания населения|центре обслуживания населения",
        after_v="acc",
        endings=MASCULINE_ENDINGS,
        plural="центры обслуживания населения|центров обслуживания населения|"
        "центрам обслуживания населения|центры обслуживания населения|"
        "центрами обслуживания населения|центрах обслуживания населения",
    ),
    "ИИН": RuAbbreviation(
        "индивидуальный идентификационный номер|индивидуального идентификационного номера|"
        "индивидуальному идентификационному номеру|индивидуальный идентификационный номер|"
        "индивидуальным идентификационным номером|индивидуальном идентификационном номере"
    ),
    "БИН": RuAbbreviation(
        "бизнес-идентификационный номер|бизнес-идентификационного номера|"
        "бизнес-идентификационному номеру|бизнес-идентификационный номер|"
        "бизнес-идентификационным номером|бизнес-идентификационном номере"
    ),
    "ЭЦП": RuAbbreviation(
        "электронная цифровая подпись|электронной цифровой подписи|"
        "электронной цифровой подписи|электронную цифровую подпись|"
        "электронной цифровой подписью|электронной цифровой подписи"
    ),
    "ООН": RuAbbreviation(
        "Организация Объединённых Наций|Организации Объединённых Наций|"
        "Организации Объединённых Наций|Организацию Объединённых Наций|"
        "Организацией Объединённых Наций|Организации Объединённых Наций",
        default="gen",
    ),
    "СНГ": RuAbbreviation(
        "Содружество Независимых Государств|Содружества Независимых Государств|"
        "Содружеству Независимых Государств|Содружество Независимых Государств|"
        "Содружеством Независимых Государств|Содружестве Независимых Государств",
        default="gen",
    ),
    "ЕАЭС": RuAbbreviation(
        "Евразийский экономический союз|Евразийского экономического союза|"
        "Евразийскому экономическому союзу|Евразийский экономический союз|"
        "Евразийским экономическим союзом|Евразийском экономическом союзе",
        default="gen",
    ),
    "ЕНТ": RuAbbreviation(
        "единое национальное тестирование|единого национального тестирования|"
        "единому национальному тестированию|единое национальное тестирование|"
        "единым национальным тестированием|едином национальном тестировании"
    ),
    "ТОО": RuAbbreviation(
        "товарищество с ограниченной ответственностью|"
        "товарищества с ограниченной ответственностью|"
        "товариществу с ограниченной ответственностью|"
        "товарищество с ограниченной ответственностью|"
        "товариществом с ограниченной ответственностью|"
        "товариществе с ограниченной ответственностью"
    ),
    "АО": RuAbbreviation(
        "акционерное общество|акционерного общества|акционерному обществу|"
        "акционерное общество|акционерным обществом|акционерном обществе"
    ),
    "НАО": RuAbbreviation(
        "некоммерческое акционерное общество|некоммерческого акционерного общества|"
        "некоммерческому акционерному обществу|некоммерческое акционерное общество|"
        "некоммерческим акционерным обществом|некоммерческом акционерном обществе"
    ),
    "МВД": RuAbbreviation(
        "Министерство внутренних дел|Министерства внутренних дел|"
        "Министерству внутренних дел|Министерство внутренних дел|"
        "Министерством внутренних дел|Министерстве внутренних дел",
        default="gen",
    ),
}
RU_ABBREVIATION = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(RU_ABBREVIATIONS, key=len, reverse=True))
    + r")(?:-?(а|у|ом|е|ы|ов|ам|ами|ах))?(?![\w])"
)
# Case of the ordinal for the ending written after it (12-я, 2-го, 3-м).
RU_ORDINAL_ENDINGS = {
    **dict.fromkeys(("й", "ый", "ий"), "m_nom"),
    **dict.fromkeys(("я", "ая", "ья"), "f_nom"),
    **dict.fromkeys(("е", "ое", "ье"), "n_nom"),
    **dict.fromkeys(("го", "ого", "его"), "gen"),
    **dict.fromkeys(("му", "ому", "ему"), "dat"),
    **dict.fromkeys(("м", "ом", "ем"), "prep"),
    "ым": "ins",
    **dict.fromkeys(("ю", "ую"), "f_acc"),
    **dict.fromkeys(("х", "ых", "их"), "pl_gen"),
    **dict.fromkeys(("ми", "ыми"), "pl_ins"),
    "ые": "pl_nom",
    "ой": "f_gen",
}
RU_ORDINAL = re.compile(
    r"\b(\d+)-(" + "|".join(sorted(RU_ORDINAL_ENDINGS, key=len, reverse=True)) + r")\b"
)
# The year word after a number -> the ordinal's form (в 2026 году, 2026 года).
RU_YEAR_WORDS = {
    "год": "m_nom", "года": "gen", "году": "prep", "годом": "ins", "годе": "prep",
    "годы": "pl_nom", "годов": "pl_gen", "годах": "pl_prep", "годам": "pl_dat",
}
RU_YEAR_FORM = {"pl_nom": "m_nom", "pl_gen": "gen", "pl_prep": "prep", "pl_dat": "dat"}
RU_MONTH_OR_YEAR = re.compile(
    r"(?:\s*[-–—]\s*\d+)?\s+(" + "|".join(RU_MONTHS_GENITIVE) + "|"
    + "|".join(sorted(RU_YEAR_WORDS, key=len, reverse=True)) + r")\b"
)
RU_SCALE_WORDS = {
    "тыс": (("тысяча", "тысячи", "тысяч"), True),
    "млн": (("миллион", "миллиона", "миллионов"), False),
    "млрд": (("миллиард", "миллиарда", "миллиардов"), False),
    "трлн": (("триллион", "триллиона", "триллионов"), False),
}


def _preceding_case(text: str, start: int) -> str | None:
    """The case asked by the preposition just before `start`, or None."""
    match = re.search(r"(\w+)[ \u00a0]+$", text[:start])
    if match is None:
        return None
    return RU_PREPOSITION_CASES.get(match.group(1).lower())


def _starts_sentence(text: str, start: int) -> bool:
    return not text[:start].strip() or text[:start].rstrip()[-1] in ".!?:;\n«\"(—–"


def _ru_abbreviation(match: re.Match) -> str:
    abbreviation = RU_ABBREVIATIONS[match.group(1)]
    ending = match.group(2)
    if ending and ending in abbreviation.endings:
        form = abbreviation.endings[ending]
        if form in abbreviation.forms:
            return abbreviation.forms[form]
    if ending:  # an ending this abbreviation does not take: leave the text alone
        return match.group(0)
    preposition = re.search(r"(\w+)[ \u00a0]+$", match.string[: match.start()])
    word = preposition.group(1).lower() if preposition else ""
    if word in ("в", "во"):
        case = abbreviation.after_v
    elif word in RU_PREPOSITION_CASES:
        case = RU_PREPOSITION_CASES[word]
    elif _starts_sentence(match.string, match.start()) or word in ("и", "или", "а", "это"):
        case = "nom"
    else:
        case = abbreviation.default
    return abbreviation.forms[case]


def _ru_city(match: re.Match) -> str:
    case = _preceding_case(match.string, match.start())
    return {"prep": "городе", "gen": "города", "dat": "городу", "ins": "городом"}.get(
        case, "город"
    ) + " "


def _ru_article(match: re.Match) -> str:
    """ст. 12 -> статья 12 (в ст. 12 -> в статье 12; п. 3 ст. 12 -> пункт 3 статьи 12)."""
    if re.search(r"\d\s*$", match.string[: match.start()]):
        case = "gen"
    else:
        case = _preceding_case(match.string, match.start())
    return {"prep": "статье", "gen": "статьи", "dat": "статье", "acc": "статью",
            "ins": "статьёй"}.get(case, "статья") + " "


def _ru_region(match: re.Match) -> str:
    adjective = match.group(1)
    noun = "области" if adjective.endswith(("ой", "ей")) else "область"
    return f"{adjective} {noun}"


def _ru_year_abbreviation(match: re.Match) -> str:
    """2026 г. -> 2026 года (в 2026 г. -> в 2026 году); 2025–2026 гг. -> годы/годах."""
    number_start = match.start()
    before = re.search(r"(\d+(?:\s*[-–—]\s*)?)+$", match.string[:number_start])
    case = _preceding_case(match.string, before.start() if before else number_start)
    plural = match.group(2) == "гг."
    if case == "prep":
        word = "годах" if plural else "году"
    elif plural:
        word = "годов" if case == "gen" else "годы"
    else:
        word = "году" if case == "dat" else "года"
    return f"{match.group(1)} {word}"


RU_WORD_ABBREVIATIONS: list[tuple[re.Pattern, str | Callable[[re.Match], str]]] = [
    (re.compile(r"\bт\.\s?е\.(?=\s|$|[,;:)])"), "то есть"),
    (re.compile(r"\bт\.\s?д\.(?=\s|$|[,;:)])"), "так далее"),
    (re.compile(r"\bт\.\s?п\.(?=\s|$|[,;:)])"), "тому подобное"),
    (re.compile(r"\bт\.\s?к\.(?=\s|$|[,;:)])"), "так как"),
    (re.compile(r"\bт\.\s?н\.(?=\s|$|[,;:)])"), "так называемый"),
    (re.compile(r"\bи др\.(?=\s|$|[,;:)])"), "и другие"),
    (re.compile(r"\bи пр\.(?=\s|$|[,;:)])"), "и прочие"),
    (re.compile(r"\bсм\.(?=\s)"), "смотрите"),
    (re.compile(r"(\d)\s?(гг?\.)(?=\s|$|[,;:)])"), _ru_year_abbreviation),
    (re.compile(r"\bг\.\s?(?=[А-ЯЁӘҒҚҢӨҰҮҺІ])"), _ru_city),
    (re.compile(r"(\w+)\s+обл\.(?=\s|$|[,;:)])"), _ru_region),
    (re.compile(r"\bул\.\s?(?=[А-ЯЁӘҒҚҢӨҰҮҺІ\d])"), "улица "),
    (re.compile(r"\bд\.\s?(?=\d)"), "дом "),
    (re.compile(r"\bст\.\s?(?=\d)"), _ru_article),
    (re.compile(r"\bп\.\s?(?=\d)"), "пункт "),
    (re.compile(r"\bкаб\.\s?(?=\d)"), "кабинет "),
    (re.compile(r"\bтел\.(?=\s|:)"), "телефон"),
    (re.compile(r"\bтнг\b\.?|\bтг\b\.?|₸"), "тенге"),
    (re.compile(r"№\s?"), "номер "),
]


def _ru_feminine_next(text: str, end: int, number: int) -> bool:
    """1 or 2 before a feminine noun: «1 услуга», «2 услуги», «21 школа»."""
    match = re.match(r"[ \u00a0]+(\w+)", text[end:])
    if match is None or 11 <= number % 100 <= 12:
        return False
    word = match.group(1).lower()
    if number % 10 == 1:
        return word.endswith(("а", "я")) and word not in ("года", "дня", "раза", "часа")
    if number % 10 == 2:
        return word.endswith(("и", "ы"))
    return False


def _ru_decimal(whole: str, fraction: str) -> str:
    integer = int(whole)
    whole_word = "целая" if integer % 10 == 1 and integer % 100 != 11 else "целых"
    head = f"{ru_cardinal(integer, feminine=True)} {whole_word}"
    numerator = int(fraction)
    stem = {1: "десят", 2: "сот", 3: "тысячн"}[len(fraction)]
    ending = "ая" if numerator % 10 == 1 and numerator % 100 != 11 else "ых"
    return f"{head} {ru_cardinal(numerator, feminine=True)} {stem}{ending}"


def _ru_amount(value: str, forms: tuple[str, str, str], feminine: bool = False) -> str:
    """A number and the noun after it: 5 млн -> «пять миллионов», 1,5 % -> «... процента»."""
    whole, fraction = _split_decimal(value)
    if fraction:
        return f"{_ru_decimal(whole, fraction)} {forms[1]}"
    number = int(whole)
    return f"{ru_cardinal(number, feminine=feminine)} {ru_plural(number, forms)}"


def _ru_scale(match: re.Match) -> str:
    forms, feminine = RU_SCALE_WORDS[match.group(2)]
    return _ru_amount(match.group(1), forms, feminine)


def _ru_ordinal(match: re.Match) -> str:
    number, ending = int(match.group(1)), match.group(2)
    form = RU_ORDINAL_ENDINGS[ending]
    if ending == "ой" and _ru_ordinal_stem(number)[1] in RU_STRESSED:
        form = "m_nom"  # 2-ой: второй
    return ru_ordinal(number, form)


RU_GENITIVE_SMALL = [
    "нуля", "одного", "двух", "трёх", "четырёх", "пяти", "шести", "семи", "восьми",
    "девяти", "десяти", "одиннадцати", "двенадцати", "тринадцати", "четырнадцати",
    "пятнадцати", "шестнадцати", "семнадцати", "восемнадцати", "девятнадцати",
]
RU_GENITIVE_TENS = ["", "", "двадцати", "тридцати", "сорока", "пятидесяти"]


def ru_genitive_below_60(n: int) -> str:
    """9 -> «девяти», 30 -> «тридцати», 45 -> «сорока пяти» (с девяти до восемнадцати)."""
    if n < 20:
        return RU_GENITIVE_SMALL[n]
    tens, units = divmod(n, 10)
    return RU_GENITIVE_TENS[tens] + (f" {RU_GENITIVE_SMALL[units]}" if units else "")


RU_GENITIVE_TENS_ALL = RU_GENITIVE_TENS + ["шестидесяти", "семидесяти", "восьмидесяти", "девяноста"]
RU_GENITIVE_HUNDREDS = [
    "", "ста", "двухсот", "трёхсот", "четырёхсот",
    "пятисот", "шестисот", "семисот", "восьмисот", "девятисот",
]
RU_GENITIVE_SCALES = [
    (10**9, ("миллиарда", "миллиардов")), (10**6, ("миллиона", "миллионов")),
    (1000, ("тысячи", "тысяч")),
]
# Words after which a number is in the genitive: «в течение 10 дней», «более 100
# человек», «от 2 до 5 лет» (prepositions that ask for it are in RU_PREPOSITION_CASES).
RU_GENITIVE_AFTER = {"течение", "более", "менее", "свыше", "позднее", "ранее", "старше",
                     "младше", "порядка", "количестве"}


def _ru_genitive_below_thousand(n: int, feminine: bool = False) -> list[str]:
    words = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words.append(RU_GENITIVE_HUNDREDS[hundreds])
    if rest >= 20:
        tens, rest = divmod(rest, 10)
        words.append(RU_GENITIVE_TENS_ALL[tens])
    if rest:
        words.append("одной" if rest == 1 and feminine else RU_GENITIVE_SMALL[rest])
    return words


def ru_genitive(n: int) -> str:
    """10 -> «десяти», 2500 -> «двух тысяч пятисот» (до 10 дней, более 2500 человек)."""
    if n == 0:
        return "нуля"
    words = []
    for scale, (one, many) in RU_GENITIVE_SCALES:
        count, n = divmod(n, scale)
        if count:
            words += _ru_genitive_below_thousand(count, feminine=scale == 1000)
            words.append(one if count % 10 == 1 and count % 100 != 11 else many)
    return " ".join(words + _ru_genitive_below_thousand(n))


def _ru_time(match: re.Match) -> str:
    """09:00 -> «девять ноль ноль»; after с, до, от, после: «с девяти ноль ноль»."""
    hours, minutes = int(match.group(1)), match.group(2)
    genitive = _preceding_case(match.string, match.start()) == "gen" or re.search(
        r"(?:^|\s)с[ \u00a0]+$", match.string[: match.start()], re.IGNORECASE
    )
    number = ru_genitive_below_60 if genitive else ru_cardinal
    if minutes == "00":
        spoken = "ноль ноль"
    elif minutes.startswith("0"):
        spoken = f"ноль {number(int(minutes))}"
    else:
        spoken = number(int(minutes))
    return f"{number(hours)} {spoken}"


def _ru_number(match: re.Match) -> str:
    number = int(match.group(0))
    text = match.string
    following = RU_MONTH_OR_YEAR.match(text, match.end())
    if following:
        word = following.group(1)
        if word in RU_YEAR_WORDS and not 1000 <= number <= 2999:
            return ru_cardinal(number)  # 2 года: two years, not the year 2
        if word in RU_YEAR_WORDS:
            form = RU_YEAR_WORDS[word]
            form = RU_YEAR_FORM.get(form, form)
            if form == "prep" and _preceding_case(text, match.start()) == "dat":
                form = "dat"  # к 2030 году
            return ru_ordinal(number, form)
        # A day of the month: «седьмого декабря»; «на/по 7 декабря»: «седьмое».
        case = _preceding_case(text, match.start())
        form = {"acc": "n_nom", "dat": "dat"}.get(case, "gen")
        return ru_ordinal(number, form)
    before = re.search(r"(\w+)[ \u00a0]+$", text[: match.start()])
    word = before.group(1).lower() if before else ""
    if RU_PREPOSITION_CASES.get(word) == "gen" or word in RU_GENITIVE_AFTER:
        return ru_genitive(number)
    return ru_cardinal(number, feminine=_ru_feminine_next(text, match.end(), number))


RU_CENTURY = re.compile(r"(?<!\w)([IVXLC]+)\s+(век|века|веке|веку|веком|вв?\.)(?!\w)")
RU_CENTURY_FORMS = {"век": "m_nom", "века": "gen", "веке": "prep", "веку": "dat", "веком": "ins"}


def _ru_century(match: re.Match) -> str:
    word = match.group(2)
    if word in ("в.", "вв."):
        case = _preceding_case(match.string, match.start())
        word = {"prep": "веке", "dat": "веку", "ins": "веком"}.get(case, "века")
    return f"{ru_ordinal(roman_to_int(match.group(1)), RU_CENTURY_FORMS[word])} {word}"


def normalise_ru(text: str) -> str:
    text = RU_CENTURY.sub(_ru_century, text)
    text = PHONE.sub(lambda m: _phone(m, ru_cardinal, "ноль"), text)
    text = expand_dates(text, "ru")
    text = _ranges(GROUPED.sub(_ungroup, text))
    text = RU_ABBREVIATION.sub(_ru_abbreviation, text)
    for pattern, replacement in RU_WORD_ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    text = re.sub(r"(\d+(?:[,.]\d+)?)\s?(тыс|млн|млрд|трлн)\b\.?", _ru_scale, text)
    text = RU_ORDINAL.sub(_ru_ordinal, text)
    text = TIME.sub(_ru_time, text)
    text = PERCENT.sub(
        lambda m: _ru_amount(m.group(1), ("процент", "процента", "процентов")), text
    )
    text = DECIMAL.sub(lambda m: _ru_decimal(m.group(1), m.group(2)), text)
    text = NUMBER.sub(_ru_number, text)
    return _whitespace(text)


def normalise(text: str, language: str) -> str:
    """The text as it should be spoken in `language` (kk, ru; en: dates; other
    languages: whitespace only)."""
    if language == "kk":
        return normalise_kk(text)
    if language == "ru":
        return normalise_ru(text)
    return _whitespace(expand_dates(text, language))
