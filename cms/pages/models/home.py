"""The home page of one agency's site and what it shows: priority news, the
sections and the contacts. What other apps add to it (the head of the agency, key
services, quick links) their template tags bring, loaded by the page's template on
the themes floor, so this floor imports none of those apps."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from cms.core.languages import fallback_lang
from cms.tenants.scoping import agency_for_page

from ..agency_cache import cached_for_agency
from ..paging import page_url
from ..privacy import public
from .base import BasePage
from .news import NewsIndexPage, news_cards, news_queryset
from .site import SectionPage

HOME_NEWS = 6


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
        # The cached record (cms.tenants.scoping), not the foreign key's query.
        return agency_for_page(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(agency_home_context(self, request))
        return context


def contacts_summary(home, agency, request, sections=None) -> dict:
    """The agency's contacts and the link to its contacts section: found among the
    home page's `sections` when given (no query), else looked up."""
    if agency is None:
        return {}
    contacts = next((s for s in sections or () if s.slug == "contacts"), None)
    if contacts is None:
        contacts = public(Page.objects.live()).child_of(home).filter(slug="contacts").first()
    return {
        "address": agency.address,
        "phone": agency.phone,
        "phone_href": "".join(c for c in agency.phone if c.isdigit() or c == "+"),
        "email": agency.email,
        "url": page_url(contacts, request) if contacts is not None else "",
    }


def agency_home_context(home, request) -> dict:
    """The news cards, the sections and the contacts of the home page: plain
    parameters, built once per agency version (cms.pages.agency_cache)."""
    return cached_for_agency("home", home, request, lambda: _home_context(home, request))


def _home_context(home, request) -> dict:
    agency = home.agency
    language = get_language()
    news = list(
        news_queryset(home).order_by("-is_priority", "-date", "-first_published_at", "-pk")[
            :HOME_NEWS
        ]
    )
    # One query whatever the section types: every section is a SectionPage (its typed
    # index pages are subclasses), and the cards need only its title, intro and URL:
    # their bodies (one StreamField per language) are not even decoded.
    sections = list(public(SectionPage.objects.child_of(home).live()).defer_streamfields())
    news_type = ContentType.objects.get_for_model(NewsIndexPage)
    news_index = next((s for s in sections if s.content_type_id == news_type.pk), None)
    return {
        "section_links": [
            {
                "title": section.title,
                "url": page_url(section, request),
                # The language of a title shown as a fallback (issue 16, language hygiene).
                "lang": fallback_lang(section, "title", language),
            }
            for section in sections
        ],
        "news_cards": news_cards(news, request),
        "news_index_url": page_url(news_index, request) if news_index is not None else "",
        "contacts": contacts_summary(home, agency, request, sections),
    }
