"""Admin forms of the listings page types."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from cms.pages.forms import TranslatedPageForm
from cms.pages.languages import LANGUAGE_NAMES


class GalleryPageForm(TranslatedPageForm):
    """Publishing a gallery needs the alternative text of every photo in the required
    languages (and in English when the page has an English title)."""

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_publishing():
            return cleaned_data
        languages = list(settings.REQUIRED_LANGUAGES)
        if (cleaned_data.get("title_en") or "").strip():
            languages.append("en")
        photos = cleaned_data.get("photos") or []
        for number, block in enumerate(photos, start=1):
            for language in languages:
                if not (block.value.get(f"alt_{language}") or "").strip():
                    self.add_error(
                        "photos",
                        ValidationError(
                            _("Photo %(number)s has no alternative text in %(language)s.")
                            % {"number": number, "language": LANGUAGE_NAMES[language]},
                            code="image_alt",
                        ),
                    )
        return cleaned_data
