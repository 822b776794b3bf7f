"""What the listings app adds to pages of other apps: the key services on the
agency's home page (themes/templates/pages/agencyhomepage.html)."""

from django import template

from cms.listings.models import ServicePage
from cms.pages.agency_cache import cached_for_agency
from cms.pages.privacy import public

register = template.Library()

HOME_SERVICES = 6


@register.simple_tag(takes_context=True)
def key_services(context, home) -> list[dict]:
    """Cards {title, url, text} of the agency's live key services, in tree order."""
    request = context.get("request")
    return cached_for_agency("key-services", home, request, lambda: _key_services(home, request))


def _key_services(home, request) -> list[dict]:
    services = (
        public(ServicePage.objects.live())
        .descendant_of(home)
        .filter(is_key=True)
        .order_by("path")[:HOME_SERVICES]
    )
    return [
        {
            "title": service.title,
            "url": service.get_url(request=request) or "",
            "text": service.summary or "",
        }
        for service in services
    ]
