"""Language prefixes in URLs: switching language keeps the same page.

A prefix is a language (``/ru/``) or a script variant of one (``/kk-latn/``, see
cms.core.script); both are stripped alike."""

from .languages import LANGUAGE_CODES, URL_PREFIXES

__all__ = ["LANGUAGE_CODES", "path_in_language", "strip_language_prefix"]


def strip_language_prefix(path: str) -> str:
    """'/ru/minfin/news/' → '/minfin/news/'; '/kk-latn/minfin/' → '/minfin/'."""
    parts = path.split("/", 2)
    if len(parts) > 1 and parts[1] in URL_PREFIXES:
        return "/" + (parts[2] if len(parts) > 2 else "")
    return path


def path_in_language(path: str, language: str) -> str:
    """The same page under the prefix `language` (a language or a variant prefix)."""
    return f"/{language}{strip_language_prefix(path)}"
