"""The GET parameters of the public search pages and of the suggest endpoint.

Every parameter is validated here; the views only read `cleaned_data`. Messages are
English source strings for the gettext catalogs.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import get_page_models

from search.engines.base import SORTS

MAX_QUERY_CHARS = 200
MAX_SUGGEST_CHARS = 100
MAX_PAGE = 1000
MIN_YEAR = 1990


def page_type_choices() -> list[tuple[str, str]]:
    return [(m._meta.model_name, m._meta.verbose_name) for m in get_page_models()]


def language_choices() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


class SearchForm(forms.Form):
    """?q=&lang=&agency=&type=&year=&sort=&page="""

    q = forms.CharField(
        required=False,
        max_length=MAX_QUERY_CHARS,
        error_messages={
            "max_length": _("The search text is too long: use at most %(limit_value)d characters.")
        },
    )
    lang = forms.ChoiceField(
        required=False,
        choices=language_choices,
        error_messages={
            "invalid_choice": _("Results can be shown in Kazakh, Russian or English only.")
        },
    )
    agency = forms.SlugField(
        required=False,
        max_length=50,
        error_messages={"invalid": _("The body to filter by is not valid.")},
    )
    type = forms.ChoiceField(
        required=False,
        choices=page_type_choices,
        error_messages={"invalid_choice": _("The kind of page to filter by is not known.")},
    )
    year = forms.IntegerField(
        required=False,
        min_value=MIN_YEAR,
        error_messages={
            "invalid": _("The year must be a number, such as 2024."),
            "min_value": _("The year must be between %(min)d and %(max)d."),
            "max_value": _("The year must be between %(min)d and %(max)d."),
        },
    )
    sort = forms.ChoiceField(
        required=False,
        choices=[(s, s) for s in SORTS],
        error_messages={"invalid_choice": _("Results can be sorted by relevance or by date only.")},
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={
            "invalid": _("The page number must be a whole number."),
            "min_value": _("The page number must be between 1 and %(max)d."),
            "max_value": _("The page number must be between 1 and %(max)d."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_year = timezone.localdate().year + 1

    def clean_year(self):
        year = self.cleaned_data.get("year")
        if year is not None and year > self.max_year:
            raise forms.ValidationError(
                self.fields["year"].error_messages["max_value"], code="max_value"
            )
        return year

    def clean_q(self):
        return " ".join(self.cleaned_data.get("q", "").split())

    def clean_sort(self):
        return self.cleaned_data.get("sort") or "relevance"

    def clean_page(self):
        return self.cleaned_data.get("page") or 1

    def error_messages_list(self) -> list[str]:
        """Every error as one sentence, with the limits filled in."""
        limits = {"min": MIN_YEAR, "max": self.max_year}
        messages = []
        for name, errors in self.errors.items():
            for error in errors.as_data():
                params = dict(error.params or {})
                if name == "page":
                    params = {"max": MAX_PAGE}
                elif name == "year":
                    params = limits
                messages.append(str(error.message) % params if params else str(error.message))
        return messages

    def valid_data(self) -> dict:
        """The fields that validated (a bad one is dropped, the rest still apply)."""
        data = {}
        for name, field in self.fields.items():
            if name in self.errors:
                continue
            data[name] = self.cleaned_data.get(name, field.initial)
        data["q"] = data.get("q") or ""
        data["sort"] = data.get("sort") or "relevance"
        data["page"] = data.get("page") or 1
        return data


class SuggestForm(forms.Form):
    """?q=&agency=&lang= of the autocomplete endpoint."""

    q = forms.CharField(
        max_length=MAX_SUGGEST_CHARS,
        error_messages={
            "required": _("Type a word to get suggestions."),
            "max_length": _("The search text is too long: use at most %(limit_value)d characters."),
        },
    )
    agency = forms.SlugField(
        required=False,
        max_length=50,
        error_messages={"invalid": _("The body to filter by is not valid.")},
    )
    lang = forms.ChoiceField(
        required=False,
        choices=language_choices,
        error_messages={
            "invalid_choice": _("Results can be shown in Kazakh, Russian or English only.")
        },
    )

    def clean_q(self):
        return " ".join(self.cleaned_data.get("q", "").split())

    def error_messages_list(self) -> list[str]:
        messages = []
        for errors in self.errors.values():
            for error in errors.as_data():
                text = str(error.message)
                messages.append(text % error.params if error.params else text)
        return messages
