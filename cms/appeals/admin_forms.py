"""The editor's form of a FormPage: Wagtail's form-builder checks (duplicate field
names) plus the platform's publish checks, which also cover every form field: a
field needs its Kazakh and Russian label (and choices) before the page is published."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm, _split_by_newline_or_comma

from cms.core.languages import LANGUAGE_CODES
from cms.pages.forms import TranslatedPageForm
from cms.pages.languages import LANGUAGE_NAMES

CHOICE_TYPES = ("checkboxes", "dropdown", "multiselect", "radio")


def _text(value) -> str:
    return str(value or "").strip()


class FormPageAdminForm(TranslatedPageForm, WagtailAdminFormPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if self.is_publishing() and "form_fields" in self.formsets:
            self.check_field_translations()
        return cleaned_data

    def check_field_translations(self) -> None:
        number = 0
        for form in self.formsets["form_fields"].forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            data = form.cleaned_data
            if not data:
                continue
            number += 1
            name = next(
                (
                    _text(data.get(f"label_{code}"))
                    for code in LANGUAGE_CODES
                    if _text(data.get(f"label_{code}"))
                ),
                _("No. %(number)s") % {"number": number},
            )
            for language in settings.REQUIRED_LANGUAGES:
                language_name = LANGUAGE_NAMES[language]
                if not _text(data.get(f"label_{language}")):
                    self._refuse(
                        form,
                        f"label_{language}",
                        _("The %(language)s label is required to publish.")
                        % {"language": language_name},
                        _(
                            "Form field “%(field)s” has no %(language)s label; "
                            "it is required to publish."
                        )
                        % {"field": name, "language": language_name},
                    )
                if data.get("field_type") in CHOICE_TYPES:
                    self._check_choices(form, data, name, language)

    def _check_choices(self, form, data, name, language) -> None:
        language_name = LANGUAGE_NAMES[language]
        choices = _text(data.get(f"choices_{language}"))
        if not choices:
            self._refuse(
                form,
                f"choices_{language}",
                _("The %(language)s choices are required to publish.")
                % {"language": language_name},
                _(
                    "Form field “%(field)s” has no %(language)s choices; "
                    "they are required to publish."
                )
                % {"field": name, "language": language_name},
            )
            return
        reference = _text(data.get("choices_kk"))
        if language != "kk" and reference:
            if len(_split_by_newline_or_comma(choices)) != len(
                _split_by_newline_or_comma(reference)
            ):
                self._refuse(
                    form,
                    f"choices_{language}",
                    _("List as many %(language)s choices as Kazakh ones, in the same order.")
                    % {"language": language_name},
                    _(
                        "Form field “%(field)s”: the %(language)s choices "
                        "do not match the Kazakh ones."
                    )
                    % {"field": name, "language": language_name},
                )

    def _refuse(self, form, field_name, field_message, page_message) -> None:
        if field_name in form.fields:
            form.add_error(field_name, ValidationError(field_message, code="language_required"))
        self.add_error(None, ValidationError(page_message, code="language_required"))
