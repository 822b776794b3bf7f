"""Admin form of the person page: a photo needs its description to be published."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from cms.pages.forms import TranslatedPageForm
from cms.pages.languages import LANGUAGE_NAMES


class PersonPageForm(TranslatedPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if not self.is_publishing() or not cleaned_data.get("photo"):
            return cleaned_data
        for language in settings.REQUIRED_LANGUAGES:
            field_name = f"photo_alt_{language}"
            if field_name in self.fields and not (cleaned_data.get(field_name) or "").strip():
                self.add_error(
                    field_name,
                    ValidationError(
                        _("Describe the photo in %(language)s for people who cannot see it.")
                        % {"language": LANGUAGE_NAMES[language]},
                        code="photo_alt_required",
                    ),
                )
        return cleaned_data
