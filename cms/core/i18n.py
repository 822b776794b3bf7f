"""Language prefixes in URLs: switching language keeps the same page.

A prefix is a language (``/ru/``) or a script variant of one (``/kk-latn/``, see
cms.core.script); both are stripped alike."""

from django.conf import settings

from .languages import LANGUAGE_CODES, SCRIPT_VARIANTS, URL_PREFIXES

__all__ = ["LANGUAGE_CODES", "language_alternates", "path_in_language", "strip_language_prefix"]


def strip_language_prefix(path: str) -> str:
    """'/ru/minfin/news/' → '/minfin/news/'; '/kk-latn/minfin/' → '/minfin/'."""
    parts = path.split("/", 2)
    if len(parts) > 1 and parts[1] in URL_PREFIXES:
        return "/" + (parts[2] if len(parts) > 2 else "")
    return path


def path_in_language(path: str, language: str) -> str:
    """The same page under the prefix `language` (a language or a variant prefix)."""
    return f"/{language}{strip_language_prefix(path)}"


def language_alternates(path: str, current: str, variant=None, base: str = "") -> list[dict]:
    """The same page in every language and script variant, for the language switcher
    and the hreflang links: [{code (the BCP 47 tag: lang and hreflang), name, path,
    absolute, current}], each language followed by its script variants (kk-Latn).
    The one builder: the pages' context processor and the error pages (which must not
    touch the database) both call it."""
    alternates = []
    for code, name in settings.LANGUAGES:
        options = [(code, name, code, code == current and variant is None)]
        options += [
            (other.tag, other.name, other.prefix, variant == other)
            for other in SCRIPT_VARIANTS
            if other.language == code
        ]
        for tag, label, prefix, is_current in options:
            localised = path_in_language(path, prefix)
            alternates.append(
                {
                    "code": tag,
                    "name": label,
                    "path": localised,
                    "absolute": base + localised,
                    "current": is_current,
                }
            )
    return alternates
