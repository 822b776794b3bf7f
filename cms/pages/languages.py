"""Which languages a page is filled in, and which language its content is shown in.

The one place that applies the language rule (cms.core.languages) to a page's fields:
pages, search, feeds, the API and the editorial reports all ask here.
"""

from django.utils.translation import gettext_lazy as _

from cms.core.languages import (
    LANGUAGE_CODES,
    REQUIRED,
    filled_languages,
    shown_language,
    shown_languages,
)

LANGUAGE_NAMES = {"kk": _("Kazakh"), "ru": _("Russian"), "en": _("English")}


def required_fields(model) -> tuple[str, ...]:
    """The translated fields a page type requires, the title first."""
    fields = tuple(getattr(model, "translated_required_fields", ("title",)))
    return fields if "title" in fields else ("title", *fields)


def page_values(page) -> dict[str, object]:
    """{"<field>_<language>": value} of the page's required translated fields."""
    return {
        f"{name}_{language}": getattr(page, f"{name}_{language}")
        for name in required_fields(type(page))
        for language in LANGUAGE_CODES
        if hasattr(page, f"{name}_{language}")
    }


def language_status(page) -> dict[str, bool]:
    """{language: filled?} for one page, as it is in memory."""
    return filled_languages(page_values(page), required_fields(type(page)))


def is_filled_in(page, language: str) -> bool:
    """True when the page is filled in `language` (see cms.core.languages)."""
    return language_status(page).get(language, False)


def missing_languages(page) -> list[str]:
    """The required languages the page is not filled in (publishing refuses them)."""
    status = language_status(page)
    return [lang for lang in REQUIRED if not status[lang]]


def page_languages(page) -> list[str]:
    """The languages the page has a version in: kk and ru always, en when filled in."""
    return shown_languages(language_status(page))


def content_language(page, language: str) -> str:
    """The language the page's text is actually shown in for a request in `language`.

    A required language is always filled (publishing enforces it); an optional one
    (en) falls back to ru when the page has no English version.
    """
    return shown_language(language, language_status(page))
