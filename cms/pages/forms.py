"""The admin form of every page type: kk and ru must be filled in before publishing."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from .languages import LANGUAGE_NAMES, _is_filled

# The buttons that make a page public, directly or through moderation.
PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-workflow-action")


class TranslatedPageForm(WagtailAdminPageForm):
    def is_publishing(self) -> bool:
        return any(action in self.data for action in PUBLISHING_ACTIONS)

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_publishing():
            return cleaned_data
        model = self._meta.model
        required_fields = getattr(model, "translated_required_fields", ("title",))
        for language in settings.REQUIRED_LANGUAGES:
            missing = []
            for name in required_fields:
                field_name = f"{name}_{language}"
                if field_name not in self.fields:
                    continue
                if not _is_filled(cleaned_data.get(field_name)):
                    missing.append(field_name)
            for field_name in missing:
                self.add_error(
                    field_name,
                    ValidationError(
                        _("The %(language)s version is required to publish.")
                        % {"language": LANGUAGE_NAMES[language]},
                        code="language_required",
                    ),
                )
            if missing:
                self.add_error(
                    None,
                    _("This page cannot be published without its %(language)s version.")
                    % {"language": LANGUAGE_NAMES[language]},
                )
        return cleaned_data
