"""What the navigation app adds to pages of other apps: the agency's quick links on
its home page (themes/templates/pages/agencyhomepage.html)."""

from django import template
from django.utils.translation import get_language

from cms.core.languages import fallback_lang
from cms.navigation.models import QuickLink
from cms.pages.agency_cache import cached_for_agency

register = template.Library()


@register.simple_tag(takes_context=True)
def quick_links(context, agency) -> list[dict]:
    """{title, url, lang} of the agency's quick links, in the editors' order (`lang`:
    the language of a title shown in another language, a fallback); cached per agency
    version and language: saving or deleting a link replaces it, `signals.py`."""
    if agency is None:
        return []
    return cached_for_agency(
        "quick-links", agency.home_page, context.get("request"), lambda: _quick_links(agency)
    )


def _quick_links(agency) -> list[dict]:
    language = get_language()
    return [
        {
            "title": link.title,
            "url": link.url,
            "lang": fallback_lang(link, "title", language),
        }
        for link in QuickLink.objects.filter(agency=agency).order_by("sort_order", "pk")
    ]
