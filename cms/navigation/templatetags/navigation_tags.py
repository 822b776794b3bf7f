"""What the navigation app adds to pages of other apps: the agency's quick links on
its home page (themes/templates/pages/agencyhomepage.html)."""

from django import template
from django.utils.translation import get_language

from cms.core.languages import fallback_lang
from cms.navigation.models import QuickLink

register = template.Library()


@register.simple_tag
def quick_links(agency) -> list[dict]:
    """{title, url, lang} of the agency's quick links, in the editors' order (`lang`:
    the language of a title shown in another language, a fallback)."""
    if agency is None:
        return []
    language = get_language()
    return [
        {
            "title": link.title,
            "url": link.url,
            "lang": fallback_lang(link, "title", language),
        }
        for link in QuickLink.objects.filter(agency=agency).order_by("sort_order", "pk")
    ]
