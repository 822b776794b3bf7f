"""The base of every page type: the agency a page belongs to, the language of its
content, previews in each language, and the hooks other apps read from a page (the
page protocol, see `BasePage`)."""

from django.utils.translation import get_language
from wagtail.models import Page

from cms.tenants.scoping import agency_for_page

from ..forms import TranslatedPageForm
from ..languages import content_language
from ..preview import LanguagePreviewMixin


class BasePage(LanguagePreviewMixin, Page):
    """Shared behaviour: the agency a page belongs to and the language of its content."""

    base_form_class = TranslatedPageForm
    # Fields that must be filled in every required language before publishing.
    translated_required_fields = ("title",)

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        return f"pages/{self._meta.model_name}.html"

    @property
    def agency(self):
        """The agency whose subtree holds this page (None for portal pages)."""
        return agency_for_page(self)

    def content_language(self, language: str | None = None) -> str:
        return content_language(self, language or get_language())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = get_language()
        context["content_lang"] = self.content_language(language)
        context["agency"] = self.agency
        return context
