"""sitemap.xml (an index per host and its children) and robots.txt of the requested
host. All of them are stored by the page cache (cms.core.pagecache) and retired by
publishing; see sitemaps.py for what each document lists."""

from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from cms.core import pagecache

from . import sitemaps
from .scope import active_agency, path_on_site, request_site, site_agency

XML = "application/xml; charset=utf-8"


def _page_number(request) -> int:
    raw = request.GET.get("p", "1")
    if not raw.isdigit() or int(raw) < 1:
        raise Http404("No such sitemap page.")
    return int(raw)


def _urlset(request, site, pages) -> HttpResponse:
    entries = sitemaps.urls(request, site, pages, get_language(), _page_number(request))
    if entries is None:
        raise Http404("No such sitemap page.")
    return HttpResponse(sitemaps.render_urlset(entries), content_type=XML)


@require_safe
@pagecache.cacheable()
def sitemap(request):
    """The host's sitemap index."""
    site = request_site(request)
    children = sitemaps.index(request, site, site_agency(site))
    return HttpResponse(sitemaps.render_index(children), content_type=XML)


@require_safe
@pagecache.cacheable()
def host_sitemap(request):
    """/<lang>/sitemap.xml: the portal's own pages, or on an agency's own host that
    agency's pages (none once it is archived)."""
    site = request_site(request)
    if site is None:
        raise Http404("No site on this host.")
    agency = site_agency(site)
    if agency is None:
        pages = sitemaps.portal_pages(site)
    elif agency.is_archived:
        pages = sitemaps.agency_pages(agency).none()
    else:
        pages = sitemaps.agency_pages(agency)
    return _urlset(request, site, pages)


@require_safe
@pagecache.cacheable()
def agency_sitemap(request, agency_slug: str):
    """/<lang>/<agency>/sitemap.xml on the portal's hosts: one agency's pages."""
    site = request_site(request)
    agency = active_agency(agency_slug)
    if site is None or agency is None or site_agency(site) is not None:
        raise Http404("No such agency on this host.")
    if path_on_site(agency.home_page, site) is None:
        raise Http404("No such agency on this host.")
    return _urlset(request, site, sitemaps.agency_pages(agency))


@require_safe
@pagecache.cacheable()
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
