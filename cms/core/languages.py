"""The site's languages, and the one rule for which languages a text is filled in.

The settings state the language list once (`LANGUAGES`, `REQUIRED_LANGUAGES`,
`FALLBACK_LANGUAGE` in cms/settings/base.py); this module reads it once, and every
module that loops over the languages imports it from here.

The rule (field-agnostic, so core stays below the page models):
- kk and ru are required: publishing refuses a page without them, so a page is always
  shown in them;
- en is optional: a page has an English version only when it is filled in English;
  otherwise a request in English shows the Russian text (`FALLBACK`).
- a page is *filled in* a language when its title has content in it, and so has every
  other required field that has content in some language (a section whose body is
  empty in every language lacks no language).
"""

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.conf import settings

LANGUAGE_CODES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)
REQUIRED: tuple[str, ...] = tuple(settings.REQUIRED_LANGUAGES)
OPTIONAL: tuple[str, ...] = tuple(code for code in LANGUAGE_CODES if code not in REQUIRED)
FALLBACK: dict[str, str] = dict(settings.FALLBACK_LANGUAGE)
DEFAULT: str = settings.LANGUAGE_CODE


def has_content(value) -> bool:
    """True when a field value holds text: a non-blank string, a non-empty
    StreamField (live, or as JSON in a revision) or a non-empty list."""
    if value is None:
        return False
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):  # a StreamField in a revision's JSON
            try:
                return len(json.loads(text)) > 0
            except ValueError:
                return bool(text)
        return bool(text)
    if hasattr(value, "stream_data") or hasattr(value, "raw_data"):
        return len(value) > 0
    if isinstance(value, (list, tuple)):
        return len(value) > 0
    return bool(str(value).strip())


def filled_languages(
    values: Mapping[str, object], fields: Iterable[str] = ("title",)
) -> dict[str, bool]:
    """{language: filled?} for translated values keyed "<field>_<language>".

    `fields` are the fields the page type requires (the title always counts); a key
    absent from `values` means the type has no such column and is skipped.
    """
    names = ("title", *(name for name in fields if name != "title"))
    present = {key: has_content(value) for key, value in values.items()}
    status = {}
    for language in LANGUAGE_CODES:
        ok = True
        for name in names:
            key = f"{name}_{language}"
            if key not in present:
                if name == "title":
                    ok = False
                continue
            used = any(present.get(f"{name}_{other}") for other in LANGUAGE_CODES)
            if not present[key] and (name == "title" or used):
                ok = False
        status[language] = ok
    return status


def shown_languages(filled: Mapping[str, bool]) -> list[str]:
    """The languages a page has a version in: every required one, and an optional one
    only when it is filled in (else the fallback is shown and there is no version)."""
    return [code for code in LANGUAGE_CODES if code in REQUIRED or filled.get(code)]


def shown_language(language: str, filled: Mapping[str, bool]) -> str:
    """The language whose text a request in `language` shows."""
    if language in shown_languages(filled):
        return language
    return FALLBACK.get(language, language)


# The UI strings (msgids) are written in English; the other languages have catalogs.
UI_SOURCE = "en"
UI_CATALOGS: tuple[str, ...] = tuple(code for code in LANGUAGE_CODES if code != UI_SOURCE)


# --- Script variants (issue 16) ------------------------------------------------------
@dataclass(frozen=True)
class ScriptVariant:
    """The pages of `language` in another script, at the URL prefix `prefix`
    (``/kk-latn/...``), marked `tag` (``kk-Latn``) and named `name` in that script."""

    prefix: str
    language: str
    tag: str
    name: str


SCRIPT_VARIANTS: tuple[ScriptVariant, ...] = tuple(
    ScriptVariant(*row) for row in getattr(settings, "SCRIPT_VARIANTS", ())
)
#: Every first path segment that names a language: the languages and the variants.
URL_PREFIXES: tuple[str, ...] = LANGUAGE_CODES + tuple(v.prefix for v in SCRIPT_VARIANTS)


def script_variant(prefix: str) -> ScriptVariant | None:
    """The variant served at the URL prefix `prefix`, None for a plain language."""
    for variant in SCRIPT_VARIANTS:
        if variant.prefix == prefix:
            return variant
    return None


# --- The language a text is shown in (language hygiene, issue 16) -------------------
_FALLBACKS: dict = dict(getattr(settings, "MODELTRANSLATION_FALLBACK_LANGUAGES", {}))
SCRIPTS: dict[str, str] = dict(getattr(settings, "LANGUAGE_SCRIPTS", {}))


def field_language(obj, field: str, language: str) -> str:
    """The language whose value of the translated `field` of `obj` is shown in
    `language`: `language` itself when filled, else the first filled fallback
    (modeltranslation's order: en → ru → kk), else `language`."""
    chain = (language, *_FALLBACKS.get(language, _FALLBACKS.get("default", ())))
    for code in chain:
        if has_content(getattr(obj, f"{field}_{code}", None)):
            return code
    return language


def lang_attribute(shown: str, language: str) -> str:
    """What a template puts in `lang="…"` on text shown in `shown` on a page in
    `language`: "" when they are the same (the element inherits the page's)."""
    return shown if shown and shown != language else ""


# Letters of the Kazakh alphabet that Russian has not: text with one is Kazakh. So is
# a word with у between vowels (ауыл, тауар: a diphthong Russian spells otherwise) or
# ending in the verbal noun -ыру (цифрландыру).
_KAZAKH_ONLY = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_KAZAKH_SHAPES = re.compile(r"[аеоуыи]у[аеоуыи]|ыру\b", re.IGNORECASE)
KAZAKH = "kk"
# Cyrillic text without a Kazakh-only letter on a page in another script; Latin
# text on a Cyrillic page.
DEFAULT_FOR_SCRIPT = {"Cyrl": "ru", "Latn": "en"}


def _script(text: str) -> str | None:
    if any("\u0400" <= ch <= "\u04ff" for ch in text):
        return "Cyrl"
    if any(ch.isalpha() for ch in text):
        return "Latn"
    return None


def fallback_lang(obj, field: str, language: str) -> str:
    """`lang="…"` for the translated `field` of `obj` shown on a page in `language`:
    "" when it is filled in `language`, else the language of the fallback shown
    (an English menu showing «Вакансии»: "ru"). A fallback not written in its
    language's script is judged by its letters: "eGov", filled only in Kazakh, is
    not Kazakh on an English page."""
    code = field_language(obj, field, language)
    if code != language:
        text = str(getattr(obj, f"{field}_{code}", "") or "")
        script = _script(text)
        if script is not None and script != SCRIPTS.get(code):
            code = text_language(text, language)
    return lang_attribute(code, language)


def text_language(text: str, language: str) -> str:
    """The language of a short untranslated text (a tag) shown on a page in
    `language`, guessed from its letters: a letter only Kazakh has (or a Kazakh
    shape: ауыл, цифрландыру) means kk; other
    Cyrillic (or Latin) text is in the page's language when the page is written in
    that script, else in ru (or en). Without letters: `language`."""
    if any(ch in _KAZAKH_ONLY for ch in text) or _KAZAKH_SHAPES.search(text):
        return KAZAKH
    script = _script(text)
    if script is None:
        return language
    if SCRIPTS.get(language) == script:
        return language
    return DEFAULT_FOR_SCRIPT[script]
