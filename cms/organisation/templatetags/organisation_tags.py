"""What the organisation app adds to pages of other apps: the head of the agency on
its home page (themes/templates/pages/agencyhomepage.html)."""

from django import template

from cms.organisation.models import PersonPage
from cms.pages.agency_cache import cached_for_agency
from cms.pages.privacy import public

register = template.Library()


@register.simple_tag(takes_context=True)
def agency_head(context, home) -> dict | None:
    """{name, url, role} of the agency's head (its live PersonPage marked `is_head`),
    or None."""
    request = context.get("request")
    return cached_for_agency("head", home, request, lambda: _agency_head(home, request))


def _agency_head(home, request) -> dict | None:
    person = (
        public(PersonPage.objects.live())
        .descendant_of(home)
        .filter(is_head=True)
        .order_by("path")
        .first()
    )
    if person is None:
        return None
    return {
        "name": person.title,
        "url": person.get_url(request=request) or "",
        "role": person.position or "",
    }
