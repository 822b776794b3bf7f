"""A small rule-based Kazakh stemmer (no library exists for Kazakh).

What it does
------------
A Kazakh noun is ``stem + plural + possessive + case`` (KAZAKH.md). The stemmer
parses a word from the right, one optional slot at a time, in the reverse of that
order:

1. case: genitive -ның/-дың/-тың, accusative -ны/-ды/-ты, dative -ға/-қа,
   locative -да/-та, ablative -дан/-тан/-нан, instrumental -мен/-бен/-пен(-ен),
   the attributive locative -дағы/-тағы and the attributive -ғы/-қы (жылғы,
   ішкі); after a 3rd-person possessive the special forms -на, -н, -нда, -нан,
   -ндағы;
2. possessive: 3rd person -ы/-і/-сы/-сі, 1st plural -ымыз/-мыз, polite 2nd
   -ыңыз/-ңыз;
3. plural -лар/-дар/-тар (and front -лер/-дер/-тер).

Every suffix is checked against the part it attaches to:

* vowel harmony: a back suffix (а, ы) needs a back last vowel (а о ұ ы я),
  a front one (е, і) a front last vowel (ә е ө ү і э); и, у, ю are skipped
  (министр takes either); ``lenient=True`` (used for Latin input and for Kazakh
  typed without Kazakh letters, whose vowels are guessed) skips this check and
  compares suffixes in folded form (н = ң, г = ғ, і = ы ...);
* consonant assimilation: the first letter of the suffix must be the variant the
  last sound of the stem calls for (-лар after a vowel/р/у/й, -дар after л м н ң ж з,
  -тар after a voiceless consonant, and so on per KAZAKH.md);
* the remaining stem must keep at least 3 letters and a vowel (a short list of
  two-letter roots — ел, іс, үй, су, ат, ай, ой, ас — may be reached).

A stem-final г, ғ, б is devoiced to к, қ, п (қауіпсіздігі → қауіпсіздік,
кітабы → кітап); the same is done to unsuffixed words so both sides agree.

Deliberate choices (precision over recall)
------------------------------------------
* The verbal noun -у is kept: it is the dictionary form of Kazakh verbs, so
  цифрландыру, цифрландыруды, цифрландыруға all give "цифрландыру", and кіру
  ("entering") stays apart from кір ("dirt").
* Derivational suffixes -лық/-лік/-дық/-дік/-тық/-тік and -шы/-ші are NOT
  stripped: министр ≠ министрлік (minister vs ministry), оқу ≠ оқушы
  (study vs pupil), қауіпсіз ≠ қауіпсіздік.
* 1st/2nd person singular possessives (-м, -ым, -ң, -ың) and the dative -а/-е
  that follows them are NOT stripped: they are rare in official text and would
  merge білім→біл, ұйым→ұй, қалам ("pen")→қала, ата→ат.
* Vowel elision (орын → орны, мұрын → мұрны) is not undone.

Ambiguity
---------
Some endings have two readings: қаласы = қала+сы but облысы = облыс+ы; қаланы =
қала+ны but мазмұны = мазмұн+ы. ``stem`` returns the most likely reading (the
longest strip, except that a stem ending in ы/і gives way to the reading with the
final consonant, облы → облыс, and a small preference list); ``stem_candidates``
also returns the other reading so the index can carry both.
"""

from __future__ import annotations

from functools import lru_cache

from .translit import fold

__all__ = [
    "stem",
    "stem_candidates",
    "STOP_WORDS",
    "is_stop_word",
    "is_bare_suffix",
    "MIN_STEM_LENGTH",
]

MIN_STEM_LENGTH = 3

BACK = set("аоұыяё")
FRONT = set("әеөүіэ")
VOWELS = set("аәеёиоөуұүыіэюя")
# Final-sound classes used by the assimilation rules.
V = "V"  # vowel
G = "G"  # glides у, й, и (у is a consonant for suffix choice: оқуы, оқуды)
R = "R"  # р
L = "L"  # л
N = "N"  # м н ң
Z = "Z"  # ж з
K = "K"  # voiceless, and б в г ғ д (devoiced at the end of a word)

_CLASS = {ch: V for ch in "аәеёоөұүыіэюя"}
_CLASS.update({"у": G, "й": G, "и": G, "р": R, "л": L, "м": N, "н": N, "ң": N, "ж": Z, "з": Z})
_CLASS.update({ch: K for ch in "кқпстфхһцчшщбвгғд"})

# Two-letter roots a suffix may be stripped down to.
SHORT_ROOTS = frozenset({"ел", "іс", "үй", "су", "ат", "ай", "ой", "ас"})

# Words that look inflected but are stems: stripping stops when one is reached.
PROTECTED = frozenset(
    """
    қазақстан түркістан өзбекстан қырғызстан тәжікстан түрікменстан ауғанстан
    пәкістан дағыстан татарстан алматы астана отан ана ата аға апа бала қала сала
    шара жоба ауа ине тарту мерзім ереже мекеме жүйе білім шешім келісім ұйым теңге
    қаулы қаржы ұлы алты жеті екі ішкі сыртқы түлкі бөрі тері сары қазы салы үлгі ақы
    бүгін ойын орын келін тұрғын түйін мойын қойын ерін мұрын қарын дайын жақын
    ақын жиын толқын тұтқын
    """.split()
)  # the last lines: roots in ы/і (ын/ін) that would lose it as a "possessive" (+н)
# When an ending has two readings, these stems win (vowel+с / vowel+н stems).
PREFERRED = frozenset(
    """
    кеңес әріптес күрес қатынас дос бас тас жас ерес мазмұн заман қазан ақын орган
    экран жан сан тән ұран аудан кеден мекен тұрғын жиын ауылдас отандас замандас
    сыныптас жолдас
    """.split()
)
# Stems whose last vowel drops before a vowel-initial suffix (халық → халқы).
ELIDED = dict(
    pair.split(":")
    for pair in """
    халқ:халық нарқ:нарық орн:орын ауз:ауыз ерк:ерік мойн:мойын қойн:қойын ерн:ерін
    мұрн:мұрын көрк:көрік бөрк:бөрік қарн:қарын ойн:ойын
    """.split()
)
_ELIDED_F = {fold(k): v for k, v in ELIDED.items()}
_PROTECTED_F = frozenset(fold(w) for w in PROTECTED)
_PREFERRED_F = frozenset(fold(w) for w in PREFERRED)
_SHORT_F = frozenset(fold(w) for w in SHORT_ROOTS)

STOP_WORDS = frozenset(
    """
    және мен бен пен менен бенен пенен әрі ал бірақ алайда немесе не я яғни егер
    үшін туралы жайлы жөнінде бойынша арқылы сияқты секілді қарай дейін шейін
    кейін соң бері бұрын сайын гөрі басқа
    да де та те ма ме ба бе па пе ғана қана тек әлі енді тағы
    ол бұл осы сол мына мынау анау сонау әр әрбір барлық
    сен сіз біз сендер сіздер олар өз өзі өзіне өзінің
    оның оны оған онда одан онымен олардың оларды оларға оларда олардан
    бұның мұның мұны бұған мұнда бұдан осының осыны осыған осында осыдан
    соның соны соған сонда содан сондай сондықтан себебі өйткені
    кім не қандай қай қайда қашан неге неліктен қалай қанша
    емес еді екен болып болады болған табылады тиіс
    """.split()
)
_STOP_F = frozenset(fold(w) for w in STOP_WORDS)


def is_stop_word(token: str) -> bool:
    """True for a Kazakh stop word in any script (және, zhane, jäne, ...)."""
    return token in STOP_WORDS or fold(token) in _STOP_F


# --- suffix tables -----------------------------------------------------------
# (form, harmony "B"/"F"/None, allowed final classes of what it attaches to,
#  needs: None | "P3" (must follow a 3rd-person possessive))
_ALL = frozenset({V, G, R, L, N, Z, K})
_VOICED = frozenset({V, G, R, L, N, Z})


def _pair(init_classes, back, front, needs=None):
    """Back and front variants of a suffix for each (initial, final classes) row."""
    rows = []
    for inits, classes in init_classes:
        b_init, f_init = inits if isinstance(inits, tuple) else (inits, inits)
        rows.append((b_init + back, "B", frozenset(classes), needs))
        rows.append((f_init + front, "F", frozenset(classes), needs))
    return rows


_CASES = (
    # genitive
    _pair([("н", {V, N}), ("д", {L, R, G, Z}), ("т", {K})], "ың", "ің")
    # accusative
    + _pair([("н", {V}), ("д", {L, R, G, N, Z}), ("т", {K})], "ы", "і")
    # dative
    + _pair([(("ғ", "г"), _VOICED), (("қ", "к"), {K})], "а", "е")
    # locative
    + _pair([("д", _VOICED), ("т", {K})], "а", "е")
    # ablative
    + _pair([("д", {V, G, R, L, Z}), ("н", {N}), ("т", {K})], "ан", "ен")
    # attributive locative (Қазақстандағы, облыстағы)
    + _pair([("д", _VOICED), ("т", {K})], "ағы", "егі")
    # attributive -ғы/-қы (жылғы, бүгінгі, ішкі)
    + _pair([(("ғ", "г"), _VOICED), (("қ", "к"), {K})], "ы", "і")
    # after a 3rd-person possessive: dative, accusative, locative, ablative, attr.
    + _pair([("н", {V})], "а", "е", needs="P3")
    + [("н", None, frozenset({V}), "P3")]
    + _pair([("нд", {V})], "а", "е", needs="P3")
    + _pair([("н", {V})], "ан", "ен", needs="P3")
    + _pair([("нд", {V})], "ағы", "егі", needs="P3")
    # instrumental: no harmony
    + [
        (form, None, frozenset(classes), None)
        for stem_forms, classes in (
            (("мен", "менен"), {V, G, R, L, N, Z}),
            (("бен", "бенен"), {Z}),
            (("пен", "пенен"), {K}),
        )
        for form in stem_forms
    ]
)
_CONSONANTS = frozenset({G, R, L, N, Z, K})
_POSSESSIVES = [
    # (form, harmony, classes, kind)
    ("ы", "B", _CONSONANTS, "P3"),
    ("і", "F", _CONSONANTS, "P3"),
    ("сы", "B", frozenset({V}), "P3"),
    ("сі", "F", frozenset({V}), "P3"),
    ("ымыз", "B", _CONSONANTS, "P1PL"),
    ("іміз", "F", _CONSONANTS, "P1PL"),
    ("мыз", "B", frozenset({V}), "P1PL"),
    ("міз", "F", frozenset({V}), "P1PL"),
    ("ыңыз", "B", _CONSONANTS, "P2"),
    ("іңіз", "F", _CONSONANTS, "P2"),
    ("ңыз", "B", frozenset({V}), "P2"),
    ("ңіз", "F", frozenset({V}), "P2"),
]
_PLURALS = _pair([("л", {V, G, R}), ("д", {L, N, Z}), ("т", {K})], "ар", "ер")
# Generic dative/accusative/locative/ablative forms may not follow a 3rd-person
# possessive (it is қаласына, not *қаласыға).
_NOT_AFTER_P3 = frozenset(
    f for f, _h, _c, needs in _CASES if needs is None and not f.startswith(("н", "м", "б", "п"))
)


_SUFFIX_FORMS = frozenset(
    [f for f, *_ in _CASES] + [f for f, *_ in _POSSESSIVES] + [f for f, *_ in _PLURALS]
)


def is_bare_suffix(part: str) -> bool:
    """True for a case/possessive/plural ending written alone ("300-ден", "2026-ға")."""
    return part in _SUFFIX_FORMS


def _final_class(part: str) -> str | None:
    for ch in reversed(part):
        if ch in "ьъ":
            continue
        return _CLASS.get(ch)
    return None


def _harmony(part: str) -> str | None:
    for ch in reversed(part):
        if ch in BACK:
            return "B"
        if ch in FRONT:
            return "F"
    return None


def _valid_stem(part: str) -> bool:
    f = fold(part)
    if f in _SHORT_F:
        return True
    return len(part) >= MIN_STEM_LENGTH and any(ch in VOWELS for ch in part)


def _fits(part: str, harmony: str | None, classes: frozenset, lenient: bool) -> bool:
    if not part or not _valid_stem(part):
        return False
    if _final_class(part) not in classes:
        return False
    if harmony and not lenient:
        own = _harmony(part)
        if own is not None and own != harmony:
            return False
    return True


def _agent_noun(rest: str) -> bool:
    """rest+ы/і is an agent noun in -шы/-ші (басшы, оқушы), not a possessive.

    өтініш+і, күш+і are possessives: there the ш follows a vowel other than у.
    """
    return rest.endswith("ш") and (len(rest) < 2 or rest[-2] not in VOWELS or rest[-2] == "у")


def _ends(word: str, form: str, lenient: bool) -> bool:
    """*word* ends in suffix *form* (and has more before it).

    Lenient (Latin/ASCII input) compares folded letters, so a guessed н for ң,
    г for ғ, і for ы ... still recognises the suffix (qazaqstannyn, tsifrlandyruga).
    """
    if len(word) <= len(form):
        return False
    if word.endswith(form):
        return True
    return lenient and fold(word[-len(form) :]) == fold(form)


def _devoice(stem: str) -> str:
    last = stem[-1:]
    if last in ("б", "г", "ғ") and len(stem) > 2:
        return stem[:-1] + {"б": "п", "г": "к", "ғ": "қ"}[last]
    return stem


def _parses(word: str, lenient: bool) -> list[tuple[str, int, str]]:
    """All (stem, characters stripped, last slot stripped) readings of *word*."""
    results = [(word, 0, "")]
    if fold(word) in _PROTECTED_F:
        return results

    def after_case(left: str, stripped: int, case_form: str, needs_p3: bool):
        if fold(left) in _PROTECTED_F:
            if not needs_p3:
                results.append((left, stripped, "case"))
            return
        if not needs_p3:
            results.append((left, stripped, "case"))
            _plural(left, stripped)
        for form, harmony, classes, kind in _POSSESSIVES:
            if needs_p3 and kind != "P3":
                continue
            if kind == "P3" and case_form in _NOT_AFTER_P3:
                continue
            if _ends(left, form, lenient) and _fits(left[: -len(form)], harmony, classes, lenient):
                rest = left[: -len(form)]
                if len(form) == 1 and _agent_noun(rest):
                    continue
                results.append((rest, stripped + len(form), kind))
                if fold(rest) not in _PROTECTED_F:
                    _plural(rest, stripped + len(form))

    def _plural(left: str, stripped: int):
        for form, harmony, classes, _needs in _PLURALS:
            if _ends(left, form, lenient) and _fits(left[: -len(form)], harmony, classes, lenient):
                results.append((left[: -len(form)], stripped + len(form), "plural"))

    # No case suffix: possessive and plural slots only.
    after_case(word, 0, "", False)
    for form, harmony, classes, needs in _CASES:
        if _ends(word, form, lenient):
            left = word[: -len(form)]
            if needs == "P3":
                # The possessive slot is mandatory and checked in after_case.
                if _fits(left, harmony, classes, lenient):
                    after_case(left, len(form), form, True)
            elif _fits(left, harmony, classes, lenient):
                after_case(left, len(form), form, False)
    return results


def _rank(word: str, parses: list[tuple[str, int, str]]) -> list[str]:
    by_stem: dict[str, tuple[int, str]] = {}
    for stem_, stripped, slot in parses:
        if stem_ not in by_stem or by_stem[stem_][0] < stripped:
            by_stem[stem_] = (stripped, slot)
    stems = list(by_stem)
    best = max(stems, key=lambda s: (by_stem[s][0], -len(s)))
    preferred = [s for s in stems if fold(_devoice(s)) in _PREFERRED_F or fold(s) in _PROTECTED_F]
    if preferred:
        best = max(preferred, key=lambda s: by_stem[s][0])
    elif best[-1:] in ("ы", "і") and best[-2:-1] != "ш":
        # облы+сы vs облыс+ы: a stem in ы/і is unusual; take the consonant reading.
        longer = [s for s in stems if len(s) == len(best) + 1 and s.startswith(best)]
        if longer:
            best = longer[0]
    elif best[-1:] in VOWELS and (best + "ғ" in by_stem or best + "г" in by_stem):
        # айма+ғы (attributive) vs аймағ+ы (possessive after voicing, аймақ): the
        # attributive -ғы/-гі rarely follows a vowel (кешегі), so the voiced
        # consonant reading wins; the other stays an alternative.
        best = best + ("ғ" if best + "ғ" in by_stem else "г")
    ordered = [best]
    for s in stems:
        if s == best or s == word:
            continue
        # The other reading of a сы/ны ambiguity (one letter longer or shorter), and
        # of a ғы/гі one (аймағ+ы | айма+ғы).
        if (len(s) == len(best) + 1 and s.startswith(best) and s[-1] in "сн") or (
            len(best) == len(s) + 1 and best.startswith(s) and best[-1] in "сн"
        ):
            ordered.append(s)
        elif (
            len(best) == len(s) + 1
            and best.startswith(s)
            and best[-1] in "гғ"
            and s[-1] in VOWELS
            and s[-1] not in "ыі"  # министрлі+гі: a stem in ы/і is unusual (above)
        ):
            ordered.append(s)
    # A word whose only suffix is a bare -ы/-і may itself be a root (бөрі, түлкі).
    # (Not after б/г/ғ: a voiced final before -ы/-і is the mark of a possessive.)
    if by_stem[best][1] == "P3" and len(word) == len(best) + 1 and best[-1] not in "бгғ":
        ordered.append(word)
    # Likewise a word in -ын/-ін read as possessive + accusative -н (бүгін, толқын).
    elif by_stem[best][1] == "P3" and len(word) == len(best) + 2 and word[-2:] in ("ын", "ін"):
        ordered.append(word)
    out: list[str] = []
    for s in ordered:
        d = _devoice(s)
        d = _ELIDED_F.get(fold(d), d)
        if d not in out:
            out.append(d)
    return out[:3]


@lru_cache(maxsize=65536)
def _stem_candidates(word: str, lenient: bool) -> tuple[str, ...]:
    return tuple(_rank(word, _parses(word, lenient)))


def stem_candidates(word: str, lenient: bool = False) -> list[str]:
    """The most likely stem first, then at most two alternative readings.

    *word* is a lowercase Cyrillic token; ``lenient`` skips vowel-harmony checks
    (for words transliterated from Latin, whose vowels are a guess).
    """
    if not word or not any(ch in VOWELS for ch in word):
        return [word] if word else []
    return list(_stem_candidates(word, lenient))


def stem(word: str, lenient: bool = False) -> str:
    """The most likely stem of a lowercase Cyrillic Kazakh word."""
    cands = stem_candidates(word, lenient)
    return cands[0] if cands else word
