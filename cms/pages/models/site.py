"""The plain page types every agency uses: sections and standard pages."""

from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from ..blocks import BodyBlock
from ..privacy import public
from .base import BasePage


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
        # Read when the template first asks (not when its body is a kept fragment).
        context["children"] = SimpleLazyObject(
            lambda: sorted(
                public(self.get_children().live()).specific(),
                key=lambda p: (getattr(p, "date", None) or timezone.localdate(), p.pk),
                reverse=True,
            )
        )
        return context


class StandardPage(BasePage):
    """An ordinary content page (About the agency, its mandate, history, rules...)."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = [
        "pages.AgencyHomePage",
        "pages.SectionPage",
        "pages.StandardPage",
        "pages.PortalHomePage",
    ]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    translated_required_fields = ("title", "body")

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = public(self.get_children().live()).specific()
        return context
