"""Language analysis for the central search index, done in Python.

Both search engines (Elasticsearch/OpenSearch and the database engine) receive text
that is already analysed: a page's text becomes a whitespace-separated string of
normalised stems (``index_text``), the index field uses a plain whitespace
analyzer, and a query goes through the same analysis (``analyze_query``). So the
engines match alike, and Kazakh — which no engine can stem — works everywhere.

Kazakh across scripts
---------------------
A Cyrillic word with Kazakh letters is stemmed strictly (harmony and
assimilation checked). A Latin word (2021 alphabet or ASCII) is transliterated
to a best-guess Cyrillic form, and a Cyrillic word without any Kazakh letter
(Kazakh typed on a Russian keyboard: казакстаннын, кызметтери) has и read as і;
both are stemmed leniently (suffixes compared in folded form, no harmony). The
query always looks up the folded stem, which every kk document carries.

Public API
----------
``tokenize(text)``
    lowercased, NFC, punctuation-free tokens (see ``tokens``).
``analyze(text, language)``
    index terms, in text order. kk: every candidate stem in Cyrillic and in its
    folded ASCII form (``translit.fold``), so Cyrillic, 2021 Latin and ASCII
    queries all meet the same folded term; ru/en: Snowball stems.
``index_text(text, language)``
    ``" ".join(analyze(text, language))``.
``analyze_query(text, language)``
    one term per query word (stop words dropped, duplicates removed): the folded
    most-likely stem for kk, the Snowball stem for ru/en. Every one of them is
    present in the index for a matching document.
``query_groups(text, language)``
    per query word, the list of alternative terms, most likely first: kk
    ambiguity (облысы → облыс | облы; аймағы → аймақ | айма), informal Latin
    readings (otinis → otinis | otinish; kazakhstan → kazahstan | kazakstan). The
    search layer should OR inside a group and AND across groups: the first term
    alone may be absent from the index when a later one is the right reading.
``fuzzy_key(word, language)``, ``damerau_levenshtein(a, b)``, ``max_edits(word)``,
``is_fuzzy_match(query_term, index_term)``
    typo tolerance on analysed terms (1 edit for 5–8 letters, 2 above).
``layout_alternative(query)``
    the query re-read in the Russian keyboard layout when it looks mistyped
    ("vbybcnthcndj" → "министерство"), else None; try it only when the original
    query finds nothing or little.
"""

from __future__ import annotations

from functools import lru_cache

from cms.core.languages import LANGUAGE_CODES

from . import english, kazakh, russian
from .fuzzy import damerau_levenshtein, is_fuzzy_match, max_edits
from .layout import layout_alternative
from .tokens import has_letter, is_cyrillic, split_compound, tokenize
from .translit import cyrillic_to_latin, fold, latin_readings, latin_to_cyrillic

__all__ = [
    "analyze",
    "analyze_query",
    "cyrillic_to_latin",
    "damerau_levenshtein",
    "fold",
    "fuzzy_key",
    "index_text",
    "is_fuzzy_match",
    "latin_readings",
    "latin_to_cyrillic",
    "layout_alternative",
    "max_edits",
    "normalize_language",
    "query_groups",
    "tokenize",
]

MAX_TOKEN_LENGTH = 64
_KAZAKH_LETTERS = frozenset("әғқңөұүһі")
LANGUAGES = LANGUAGE_CODES


def normalize_language(language: str | None) -> str:
    """Map kk-KZ, kk_kz, kaz → kk; ru-RU → ru; en-GB → en; anything else → "" (no stemming)."""
    code = (language or "").strip().lower().replace("_", "-")
    base = code.split("-", 1)[0]
    return {"kk": "kk", "kaz": "kk", "ru": "ru", "rus": "ru", "en": "en", "eng": "en"}.get(base, "")


def _number_terms(token: str) -> list[str] | None:
    """Terms for a number token ("2026", "№15", "3,5"), or None for a word."""
    if token.startswith("№"):
        return [token, token[1:]]
    if not has_letter(token):
        return [token.replace(",", ".")]
    return None


MAX_ALTERNATIVES = 12


@lru_cache(maxsize=131072)
def _kk_groups(part: str, expand: bool = False) -> tuple[str, ...]:
    """Alternatives for one Kazakh word: [(Cyrillic stems...), (folded stems...)].

    With *expand* (query side), a Latin word is read every plausible way
    (``latin_readings``: otinis → өтініс | өтініш, kazakhstan → казахстан |
    қазақстан) and the folded stems of all readings are offered, best guess first.
    The index side keeps the best guess only.
    """
    part = part.replace("'", "")
    if not part or kazakh.is_stop_word(part):
        return ()
    if any(is_cyrillic(ch) for ch in part):
        if any(ch in _KAZAKH_LETTERS for ch in part):
            stems = kazakh.stem_candidates(part)
        else:
            # No Kazakh letter: maybe Kazakh typed on a Russian keyboard (к for қ,
            # н for ң, и for і: казакстаннын, кызметтери). Read и as і and match
            # suffixes leniently (folded, no harmony) — the same on both sides.
            guessed = kazakh.stem_candidates(part.replace("и", "і"), lenient=True)
            stems = [s.replace("і", "и") for s in guessed]
        return (*stems, *(fold(s) for s in stems))
    if not expand:
        stems = kazakh.stem_candidates(latin_to_cyrillic(part), lenient=True)
        return tuple(fold(s) for s in stems)
    folded: list[str] = []
    for reading in latin_readings(part):
        folded.extend(fold(s) for s in kazakh.stem_candidates(reading, lenient=True))
    return tuple(dict.fromkeys(folded))[:MAX_ALTERNATIVES]


def _snowball(part: str, primary) -> list[str]:
    if any(is_cyrillic(ch) for ch in part):
        if russian.is_stop_word(part):
            return []
        return [russian.stem(part)]
    if english.is_stop_word(part) or (primary is russian and russian.is_stop_word(part)):
        return []
    return [english.stem(part)]


def _word_terms(token: str, language: str, expand: bool = False) -> list[list[str]]:
    """Per part of *token*, its list of terms (empty lists dropped)."""
    if len(token) > MAX_TOKEN_LENGTH:
        return []
    numbers = _number_terms(token)
    if numbers is not None:
        return [numbers]
    out = []
    previous = ""
    for part in split_compound(token):
        numbers = _number_terms(part)
        if numbers is not None:
            terms = numbers
        elif language == "kk" and previous.isdigit() and kazakh.is_bare_suffix(part):
            terms = []  # "300-ден", "2026-жылға" → the ending of a number, not a word
        elif language == "kk":
            terms = list(_kk_groups(part, expand))
        elif language == "ru":
            terms = _snowball(part, russian)
        elif language == "en":
            terms = _snowball(part, english)
        else:
            terms = [part.replace("'", "")]
        if terms:
            out.append(list(dict.fromkeys(terms)))
        previous = part
    return out


@lru_cache(maxsize=262144)
def _token_groups(token: str, lang: str, expand: bool = False) -> tuple[tuple[str, ...], ...]:
    """`_word_terms`, cached: a page's words repeat across the site (Zipf), so a
    rebuild analyses each distinct word once. *expand*: the query side's wider
    alternatives (informal Latin readings)."""
    return tuple(tuple(group) for group in _word_terms(token, lang, expand))


def analyze(text: str, language: str) -> list[str]:
    """Index terms for *text* in *language* ("kk", "ru" or "en"), in text order."""
    lang = normalize_language(language)
    terms: list[str] = []
    for token in tokenize(text):
        for group in _token_groups(token, lang):
            terms.extend(group)
    return terms


def analyze_with_stream(text: str, language: str) -> tuple[list[str], list[str]]:
    """`analyze(text)` and the one-term-per-word stream of its words
    (`query_groups(word)[i][0]` for each word in turn), from one tokenisation."""
    lang = normalize_language(language)
    terms: list[str] = []
    stream: list[str] = []
    for token in tokenize(text):
        seen: list[tuple[str, ...]] = []
        for group in _token_groups(token, lang):
            terms.extend(group)
            if lang == "kk":
                group = tuple(t for t in group if not any(is_cyrillic(c) for c in t))
            if group and group not in seen:
                seen.append(group)
                stream.append(group[0])
    return terms, stream


def index_text(text: str, language: str) -> str:
    """The analysed text to store in the index (whitespace-separated terms)."""
    return " ".join(analyze(text, language))


def query_groups(text: str, language: str) -> list[list[str]]:
    """Per query word, its alternative query terms (most likely first)."""
    lang = normalize_language(language)
    groups: list[list[str]] = []
    for token in tokenize(text):
        for group in _token_groups(token, lang, True):
            group = list(group)
            if lang == "kk":
                group = [t for t in group if not any(is_cyrillic(c) for c in t)]
            if group and group not in groups:
                groups.append(group)
    return groups


def analyze_query(text: str, language: str) -> list[str]:
    """One term per query word: what to look up in the index (see module doc)."""
    return list(dict.fromkeys(group[0] for group in query_groups(text, language)))


def fuzzy_key(word: str, language: str) -> str:
    """The analysed form of a single word, to compare with ``damerau_levenshtein``."""
    terms = analyze_query(word, language)
    return terms[0] if terms else ""
