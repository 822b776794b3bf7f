"""What the navigation app adds to pages of other apps: the agency's quick links on
its home page (themes/templates/pages/agencyhomepage.html)."""

from django import template

from cms.navigation.models import QuickLink
from cms.pages.agency_cache import cached_for_agency

register = template.Library()


@register.simple_tag(takes_context=True)
def quick_links(context, agency) -> list[dict]:
    """{title, url} of the agency's quick links, in the editors' order (cached per
    agency version: saving or deleting a link replaces it, `signals.py`)."""
    if agency is None:
        return []
    return cached_for_agency(
        "quick-links", agency.home_page, context.get("request"), lambda: _quick_links(agency)
    )


def _quick_links(agency) -> list[dict]:
    return [
        {"title": link.title, "url": link.url}
        for link in QuickLink.objects.filter(agency=agency).order_by("sort_order", "pk")
    ]
