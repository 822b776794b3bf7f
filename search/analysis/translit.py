"""Kazakh transliteration and the "folded" key that makes scripts meet.

Three ways of writing Kazakh reach the search box: Cyrillic (the official script
today), the 2021 Latin alphabet (qyzmet, bılım, cifrlandyru) and plain ASCII without
diacritics (kyzmet, bilim, tsifrlandyru, zhane). ASCII is ambiguous (k = к or қ,
i = і, и, й or ы, u = у, ұ or ү, o = о or ө, a = а or ә, g = г or ғ, n = н or ң),
so matching does not rely on guessing the right Cyrillic letter. Instead every word,
whatever its script, is reduced to the same *folded* ASCII skeleton by ``fold``:

    а ә → a      г ғ → g      і и ы й → i     к қ → k      н ң → n
    о ө → o      у ұ ү → u    х һ → h         е э ё → e    ж → j
    ц → ts       ч → ch       ш щ → sh        ю → iu       я → ia     ъ ь → ""

Latin input is first turned into Cyrillic by ``latin_to_cyrillic`` (a best guess,
with the digraphs sh/ch/zh/kh/gh/ts/ya/yu/ia/iu), then folded, so "zh", "j" and "ж"
all give "j", "ts", "c" and "ц" give "ts", "sh", "ş" and "ш" give "sh".
The analyzer stores folded stems in the index next to the exact Cyrillic stems.

The Cyrillic → 2021 Latin table itself (``cyrillic_to_latin``) lives in
cms.core.translit, shared with page slugs.

Known limit: ASCII "s" typed for ш (danyspan for данышпан) folds to "s", not "sh";
the fuzzy matcher (one edit) is what catches that.
"""

from __future__ import annotations

from functools import lru_cache

from cms.core.translit import cyrillic_to_latin

__all__ = [
    "latin_to_cyrillic",
    "latin_readings",
    "cyrillic_to_latin",
    "fold",
    "has_latin",
    "has_cyrillic",
]

_LATIN_DIGRAPHS = {
    "shch": "щ",
    "sh": "ш",
    "ch": "ч",
    "zh": "ж",
    "kh": "х",
    "gh": "ғ",
    "ts": "ц",
    "ya": "я",
    "ia": "я",
    "yu": "ю",
    "iu": "ю",
}

_LATIN_SINGLE = {
    "a": "а",
    "ä": "ә",
    "á": "ә",
    "ə": "ә",
    "b": "б",
    "c": "ц",
    "ç": "ч",
    "d": "д",
    "e": "е",
    "é": "е",
    "f": "ф",
    "g": "г",
    "ğ": "ғ",
    "ǵ": "ғ",
    "h": "х",
    "ı": "і",
    "j": "ж",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "ñ": "ң",
    "ń": "ң",
    "ŋ": "ң",
    "o": "о",
    "ö": "ө",
    "ó": "ө",
    "p": "п",
    "q": "қ",
    "r": "р",
    "s": "с",
    "ş": "ш",
    "t": "т",
    "u": "у",
    "ū": "ұ",
    "ü": "ү",
    "ú": "ү",
    "v": "в",
    "w": "у",
    "x": "х",
    "y": "ы",
    "ý": "у",
    "z": "з",
}  # "i" is contextual, see latin_to_cyrillic

_CYR_VOWELS = set("аәеёиоөуұүыіэюя")

_FOLD = {
    "а": "a",
    "ә": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "э": "e",
    "ж": "j",
    "з": "z",
    "и": "i",
    "і": "i",
    "ы": "i",
    "й": "i",
    "к": "k",
    "қ": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "ң": "n",
    "о": "o",
    "ө": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ұ": "u",
    "ү": "u",
    "ф": "f",
    "х": "h",
    "һ": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sh",
    "ъ": "",
    "ь": "",
    "ю": "iu",
    "я": "ia",
}


def has_latin(word: str) -> bool:
    return any(("a" <= c <= "z") or c in _LATIN_SINGLE or c == "i" for c in word.lower())


def has_cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


def latin_to_cyrillic(word: str) -> str:
    """Best-guess Cyrillic for Kazakh written in the 2021 Latin alphabet or ASCII.

    Exact for 2021 Latin letters with diacritics (q→қ, ğ→ғ, ñ→ң, ä→ә, ö→ө, ū→ұ,
    ü→ү, ş→ш, ı→і, y→ы, j→ж); for ASCII it picks the plain letter (k→к, g→г, ...)
    and relies on ``fold`` to make the choice irrelevant. "i" after a vowel is й
    (üiıne → үйіне), otherwise і. Characters it does not know are kept.
    """
    text = word.lower()
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        for size in (4, 2):
            chunk = text[i : i + size]
            if len(chunk) == size and chunk in _LATIN_DIGRAPHS:
                out.append(_LATIN_DIGRAPHS[chunk])
                i += size
                break
        else:
            ch = text[i]
            if ch == "i":
                out.append("й" if out and out[-1] in _CYR_VOWELS else "і")
            else:
                out.append(_LATIN_SINGLE.get(ch, ch))
            i += 1
    return "".join(out)


# Informal ASCII habits (KAZAKH.md): other letters a Latin spelling may stand for,
# after the best guess of ``latin_to_cyrillic``. Keys are matched longest first.
_ALT_DIGRAPHS = {
    "kh": ("х", "қ"),  # kazakhstan: Russian-style kh for қ
    "ts": ("ц", "тс"),  # zhetse = жетсе
    "ng": ("ң", "нг"),  # the order depends on what follows, see _segments
    "ue": ("уе", "ү"),
    "oe": ("ое", "ө"),
    "ae": ("ае", "ә"),
}
_ALT_SINGLE = {
    "s": ("с", "ш"),  # otinis = өтініш (ş without the cedilla)
    "c": ("ц", "ч"),  # c for ч
    "w": ("у", "ш"),  # w for ш (SMS habit)
    "y": ("ы", "ұ"),  # y for ұ/ү
}
_LATIN_VOWELS = set("aäeéioöuūüyıə")


def _segments(text: str) -> list[tuple[str, ...]]:
    """*text* split into letters/digraphs, each with its Cyrillic readings."""
    out: list[tuple[str, ...]] = []
    i = 0
    n = len(text)
    while i < n:
        nxt = text[i + 2 : i + 3]
        if text.startswith("shch", i):
            out.append(("щ",))
            i += 4
            continue
        pair = text[i : i + 2]
        if pair == "ng":
            # tenge = теңге? No: тенге. Before a vowel ng is usually н+г, else ң.
            out.append(("нг", "ң") if nxt and nxt in _LATIN_VOWELS else ("ң", "нг"))
            i += 2
            continue
        if pair in _ALT_DIGRAPHS:
            out.append(_ALT_DIGRAPHS[pair])
            i += 2
            continue
        if pair in _LATIN_DIGRAPHS:
            out.append((_LATIN_DIGRAPHS[pair],))
            i += 2
            continue
        ch = text[i]
        if ch == "i":
            prev = out[-1][0] if out else ""
            out.append(("й",) if prev[-1:] in _CYR_VOWELS else ("і",))
        elif ch == "s" and text[i + 1 : i + 2] in ("i", "y", "e", "ı"):
            out.append(("с", "ш", "ц"))  # sifrlyq = цифрлық, sentr = центр
        elif ch in _ALT_SINGLE:
            out.append(_ALT_SINGLE[ch])
        else:
            out.append((_LATIN_SINGLE.get(ch, ch),))
        i += 1
    return out


def latin_readings(word: str, limit: int = 10) -> list[str]:
    """Plausible Cyrillic readings of a Latin-script Kazakh word, best guess first.

    The first is ``latin_to_cyrillic(word)``'s kind of guess; then readings with one
    informal habit undone (s → ш or ц, kh → қ, w → ш, c → ч, y → ұ, ng → ң, ue → ү
    ...), then with two, at most *limit* in all. Words with no ambiguous letter
    have one reading.
    """
    segments = _segments(word.lower())
    primary = [options[0] for options in segments]
    readings = ["".join(primary)]
    ambiguous = [i for i, options in enumerate(segments) if len(options) > 1]
    for i in ambiguous:
        for alt in segments[i][1:]:
            reading = primary.copy()
            reading[i] = alt
            readings.append("".join(reading))
    for a_index, i in enumerate(ambiguous):
        for j in ambiguous[a_index + 1 :]:
            for alt_i in segments[i][1:]:
                for alt_j in segments[j][1:]:
                    reading = primary.copy()
                    reading[i] = alt_i
                    reading[j] = alt_j
                    readings.append("".join(reading))
    return list(dict.fromkeys(readings))[:limit]


@lru_cache(maxsize=131072)
def fold(word: str) -> str:
    """The script-independent ASCII skeleton of a (lowercase) word.

    fold("қызмет") == fold("qyzmet") == fold("kyzmet") == "kizmet".
    """
    if has_latin(word):
        word = latin_to_cyrillic(word)
    return "".join(_FOLD.get(ch, ch) for ch in word.lower())
