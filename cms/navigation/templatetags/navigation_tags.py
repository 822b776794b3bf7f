"""What the navigation app adds to pages of other apps: the agency's quick links on
its home page (themes/templates/pages/agencyhomepage.html)."""

from django import template

from cms.navigation.models import QuickLink

register = template.Library()


@register.simple_tag
def quick_links(agency) -> list[dict]:
    """{title, url} of the agency's quick links, in the editors' order."""
    if agency is None:
        return []
    return [
        {"title": link.title, "url": link.url}
        for link in QuickLink.objects.filter(agency=agency).order_by("sort_order", "pk")
    ]
