"""Previews of a page in each of the site's languages.

`LanguagePreviewMixin` is mixed into `BasePage` (models.py), so every page type
offers the preview modes "kk", "ru" and "en" in the editor's preview panel (and the
revision and moderation previews). Each mode renders the page exactly as the public
site would for that language, including the en → ru fallback notice.
"""

from django.conf import settings
from django.utils import translation

from .languages import LANGUAGE_NAMES


def preview_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


class LanguagePreviewMixin:
    @property
    def preview_modes(self):
        return [(code, LANGUAGE_NAMES.get(code, code)) for code in preview_languages()]

    @property
    def default_preview_mode(self):
        # The editor's own admin language when the site has it, else the default one.
        language = translation.get_language()
        return language if language in preview_languages() else settings.LANGUAGE_CODE

    def serve_preview(self, request, mode_name):
        language = mode_name if mode_name in preview_languages() else self.default_preview_mode
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().serve_preview(request, language)
            # A TemplateResponse renders lazily, after this block: render it now, in
            # the preview's language.
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
            response.headers["Content-Language"] = language
            return response
