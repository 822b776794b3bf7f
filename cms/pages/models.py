"""Page types of the platform.

The tree is: Root → PortalHomePage (the platform's front page) → one AgencyHomePage
per agency → its sections (SectionPage) → news items (NewsPage) and further pages.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.editorial.preview import LanguagePreviewMixin

from .blocks import BodyBlock
from .forms import TranslatedPageForm
from .languages import content_language


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
        from cms.tenants.scoping import agency_for_page

        return agency_for_page(self)

    def content_language(self, language: str | None = None) -> str:
        return content_language(self, language or get_language())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = get_language()
        context["content_lang"] = self.content_language(language)
        context["agency"] = self.agency
        return context


class PortalHomePage(BasePage):
    """The platform's front page: lists every active agency by category."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.AgencyHomePage", "pages.SectionPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("portal home page")

    def get_context(self, request, *args, **kwargs):
        from cms.tenants.models import Agency

        context = super().get_context(request, *args, **kwargs)
        agencies = (
            Agency.objects.filter(status=Agency.Status.ACTIVE, home_page__live=True)
            .select_related("home_page")
            .order_by("name")
        )
        groups = []
        for value, label in Agency.Category.choices:
            members = [a for a in agencies if a.category == value]
            if members:
                groups.append({"category": value, "label": label, "agencies": members})
        context["agency_groups"] = groups
        return context


class AgencyHomePage(BasePage):
    """The home page of one agency's site; created only by provisioning."""

    agency_record = models.OneToOneField(
        "tenants.Agency", on_delete=models.PROTECT, related_name="home_page"
    )
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["pages.PortalHomePage"]
    # No subpage_types here or on SectionPage: each page type names where it may be
    # created (parent_page_types), so apps add page types without editing this file.

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("agency home page")

    @property
    def agency(self):
        return self.agency_record

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().specific()
        context["latest_news"] = (
            NewsPage.objects.descendant_of(self).live().public().order_by("-date", "-pk")[:6]
        )
        return context


class SectionPage(BasePage):
    """A standard section (About, News, Documents...) with a body and its sub-pages."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["pages.AgencyHomePage", "pages.SectionPage", "pages.PortalHomePage"]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    translated_required_fields = ("title", "body")

    class Meta:
        verbose_name = _("section page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().public().specific()
        context["children"] = sorted(
            children,
            key=lambda p: (getattr(p, "date", None) or timezone.localdate(), p.pk),
            reverse=True,
        )
        return context


class NewsPage(BasePage):
    """A news item or press release."""

    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("lead"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["pages.SectionPage", "pages.AgencyHomePage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    translated_required_fields = ("title", "body")

    class Meta:
        verbose_name = _("news item")
