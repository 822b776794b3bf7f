"""The portal's front page and the plain page types every agency uses: sections and
standard pages."""

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, Site

from cms.core import chrome
from cms.core.components.card import card
from cms.tenants.models import Agency

from ..blocks import BodyBlock
from ..privacy import public
from .base import BasePage


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
        context = super().get_context(request, *args, **kwargs)
        # The directory's card parameters, cached per language and site under the
        # platform's chrome version (cms.core.chrome: any agency, site or agency home
        # page change replaces it): a render builds no Agency or page object.
        site = Site.find_for_request(request)
        context["agency_groups"] = chrome.cached(
            ("portal-directory", get_language() or "", site.pk if site else ""),
            (chrome.GLOBAL,),
            lambda: agency_directory(request),
        )
        return context


def agency_directory(request) -> list[dict]:
    """The portal's directory: {category, label, cards} per category with active
    agencies whose home page is live, cards (the card_list component) sorted by name."""
    agencies = (
        Agency.objects.filter(status=Agency.Status.ACTIVE, home_page__live=True)
        # One query for every card: each names its parent agency.
        .select_related("home_page", "parent")
        .order_by("name")
    )
    groups = []
    for value, label in Agency.Category.choices:
        members = [a for a in agencies if a.category == value]
        if members:
            cards = [
                card(
                    agency.name,
                    agency.home_page.get_url(request=request) or "",
                    meta=agency.parent.name if agency.parent_id else "",
                )
                for agency in members
            ]
            groups.append({"category": value, "label": str(label), "cards": cards})
    return groups


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
        children = public(self.get_children().live()).specific()
        context["children"] = sorted(
            children,
            key=lambda p: (getattr(p, "date", None) or timezone.localdate(), p.pk),
            reverse=True,
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
