"""Language prefixes in URLs: switching language keeps the same page."""

from .languages import LANGUAGE_CODES

__all__ = ["LANGUAGE_CODES", "path_in_language", "strip_language_prefix"]


def strip_language_prefix(path: str) -> str:
    """'/ru/minfin/news/' → '/minfin/news/'."""
    parts = path.split("/", 2)
    if len(parts) > 1 and parts[1] in LANGUAGE_CODES:
        return "/" + (parts[2] if len(parts) > 2 else "")
    return path


def path_in_language(path: str, language: str) -> str:
    return f"/{language}{strip_language_prefix(path)}"
