"""Which languages a page is filled in, and which language its content is shown in."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

LANGUAGE_NAMES = {"kk": _("Kazakh"), "ru": _("Russian"), "en": _("English")}


def _is_filled(value) -> bool:
    if value is None:
        return False
    if hasattr(value, "stream_data") or hasattr(value, "raw_data"):
        return len(value) > 0
    if isinstance(value, (list, tuple)):
        return len(value) > 0
    return bool(str(value).strip())


def is_filled_in(page, language: str) -> bool:
    """True when every field the page type requires is filled in `language`."""
    fields = getattr(page, "translated_required_fields", ("title",))
    return all(_is_filled(getattr(page, f"{name}_{language}", None)) for name in fields)


def missing_languages(page) -> list[str]:
    return [lang for lang in settings.REQUIRED_LANGUAGES if not is_filled_in(page, lang)]


def content_language(page, language: str) -> str:
    """The language the page's text is actually shown in for a request in `language`.

    A required language is always filled (publishing enforces it); an optional one
    (en) falls back to ru when the page has no English version.
    """
    fallback = settings.FALLBACK_LANGUAGE.get(language)
    if fallback and not is_filled_in(page, language):
        return fallback
    return language
