"""An archived agency's addresses answer 410 Gone, not 404 (issue 15, item 5).

Archiving unpublishes the agency's whole subtree, so every address under
`/<lang>/<agency>/…`, and everything on the agency's own host name, ends in a 404.
`ArchivedAgencyMiddleware` turns those 404s into the platform's 410 page in the
address's language, which says the body no longer exists, names its successor (the
agency's `successor`, followed past successors that were archived in turn) and links
to the successor's site, or to the portal when there is none. Links from the press,
other sites and search engines then lead somewhere, and crawlers drop the addresses.

Only 404 answers are looked at: a live page, a redirect (Wagtail's redirects run
before this middleware sees the response) and every cached page cost nothing more.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port
from django.utils.translation import gettext
from wagtail.models import Site

from cms.core.errors import render_error
from cms.core.languages import LANGUAGE_CODES

from .models import Agency

# Paths of the platform itself, never an agency's page, on any host.
PLATFORM_PREFIXES = ("/admin/", "/static/", "/documents/", "/api/", "/healthz")


def _host(request) -> str:
    try:
        domain, _port = split_domain_port(request.get_host())
    except DisallowedHost:  # Django answers that itself
        return ""
    return domain


def archived_agency_for(request) -> Agency | None:
    """The archived agency whose address `request` asked for, or None."""
    path = request.path_info or "/"
    if path.startswith(PLATFORM_PREFIXES) or path.startswith(settings.MEDIA_URL):
        return None
    host_agency = Agency.objects.filter(hostname=_host(request)).first()
    if host_agency is not None:
        # On an agency's own host every path is that agency's.
        return host_agency if host_agency.is_archived else None
    parts = path.split("/")
    if len(parts) < 3 or parts[1] not in LANGUAGE_CODES or not parts[2]:
        return None
    return Agency.objects.filter(slug=parts[2], status=Agency.Status.ARCHIVED).first()


def _name(agency: Agency, language: str) -> str:
    return getattr(agency, f"name_{language}", None) or agency.name_ru or agency.name_kk


def _home_url(page, request) -> str | None:
    if page is None:
        return None
    return page.get_url(request=request)


def gone_context(agency: Agency, request):
    """The 410 page's context for `agency`, in the page's language."""
    successor = agency.current_successor()

    def extra(language):
        name = _name(agency, language)
        if successor is not None:
            successor_name = _name(successor, language)
            message = gettext(
                "%(name)s no longer exists. Its work is continued by %(successor)s."
            ) % {"name": name, "successor": successor_name}
            url = _home_url(getattr(successor, "home_page", None), request)
            label = gettext("Go to the site of %(successor)s") % {"successor": successor_name}
        else:
            message = gettext(
                "%(name)s no longer exists. Information on public services is on the portal."
            ) % {"name": name}
            url, label = None, gettext("Go to the portal")
        if url is None:
            site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
            url = _home_url(site.root_page if site else None, request) or f"/{language}/"
        return {
            "title": gettext("This body's site has been closed"),
            "message": message,
            "links": [{"url": url, "label": label}],
            "archived_agency": agency,
            "successor": successor,
        }

    return extra


class ArchivedAgencyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        agency = archived_agency_for(request)
        if agency is None:
            return response
        return render_error(request, 410, gone_context(agency, request))
