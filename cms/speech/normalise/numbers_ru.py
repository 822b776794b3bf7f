"""Russian numbers in words: cardinals (with gender), ordinals in every case, genitives."""

from __future__ import annotations

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


def ru_ordinal_stem(n: int) -> tuple[int, str]:
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
    head, stem = ru_ordinal_stem(n)
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
