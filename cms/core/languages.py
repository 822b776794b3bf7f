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
from collections.abc import Iterable, Mapping

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
