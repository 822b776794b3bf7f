"""Addresses that moved in a reorganisation answer 301 to where they went (issue 15).

Renaming an agency's address, merging it into another or splitting sections off it
moves whole subtrees of pages. Rather than one redirect per page and language, a
reorganisation records the moved subtree once (`AgencyPathRedirect`: `health/` →
`health-care/`), and `MovedAddressMiddleware` answers every 404 under it, in every
language, with a 301 to the same path under the new prefix, query string kept. The
longest matching prefix wins. A host name an agency gave up (`AgencyHostRedirect`)
redirects every request on it, since the portal would otherwise answer them.

The middleware sits inside `ArchivedAgencyMiddleware`: an archived agency's moved
addresses are redirected, not gone. Live pages never reach the lookup (only 404s
do); the old host names are read from the chrome cache (one cache read a request).
"""

from __future__ import annotations

from django.core.exceptions import DisallowedHost
from django.http import HttpResponsePermanentRedirect
from django.http.request import split_domain_port
from wagtail.models import Site

from cms.core import chrome
from cms.core.languages import LANGUAGE_CODES

from . import sites
from .models import Agency, AgencyHostRedirect, AgencyPathRedirect

# A chain of moves (a rename, then a merge…) is followed hop by hop, each hop at its
# most specific prefix, and answered with one 301; a loop (hand-edited rows) is not.
MAX_HOPS = 10


def _host(request) -> str:
    try:
        domain, _port = split_domain_port(request.get_host())
    except DisallowedHost:
        return ""
    return domain


def _old_hostnames() -> frozenset[str]:
    return frozenset(AgencyHostRedirect.objects.values_list("old_hostname", flat=True))


def old_hostnames() -> frozenset[str]:
    return chrome.cached(("moved-hostnames",), (chrome.GLOBAL,), _old_hostnames)


def _prefixes(rest: str) -> list[str]:
    """'a/b/c/' → ['a/b/c/', 'a/b/', 'a/'] (a path without its final slash counts as
    if it had one)."""
    parts = [part for part in rest.split("/") if part]
    return ["/".join(parts[:n]) + "/" for n in range(len(parts), 0, -1)]


def moved_path(rest: str) -> str | None:
    """Where the language-neutral path `rest` (below /<lang>/) moved, or None."""
    seen = {rest}
    for _hop in range(MAX_HOPS):
        prefixes = _prefixes(rest)
        if not prefixes:
            break
        found = {
            row.old_prefix: row.new_prefix
            for row in AgencyPathRedirect.objects.filter(old_prefix__in=prefixes)
        }
        match = next((prefix for prefix in prefixes if prefix in found), None)
        if match is None:
            break
        tail = rest[len(match) :] if rest.startswith(match) else ""
        rest = found[match] + tail
        if rest in seen:
            return None
        seen.add(rest)
    return rest if len(seen) > 1 else None


def _with_query(location: str, request) -> str:
    query = request.META.get("QUERY_STRING", "")
    return f"{location}?{query}" if query else location


def _split_language(path: str) -> tuple[str | None, str]:
    parts = path.split("/", 2)
    if len(parts) >= 2 and parts[1] in LANGUAGE_CODES:
        return parts[1], parts[2] if len(parts) > 2 else ""
    return None, path.lstrip("/")


def _portal_root() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site is not None else ""


def _location(agency: Agency | None, language: str, rest: str, *, absolute: bool) -> str:
    """The address of `rest` (a portal path such as 'digital/news/x/'). A request to
    the portal stays on the portal (a relative address); one to an agency's own or
    former host goes to the agency's own host when it has one and the path is in its
    site, else to the portal (absolute)."""
    if not absolute:
        return f"/{language}/{rest}"
    if agency is not None and agency.hostname and agency.site_id:
        own = f"{agency.slug}/"
        if rest.startswith(own):
            return f"{agency.site.root_url}/{language}/{rest[len(own) :]}"
    return f"{_portal_root()}/{language}/{rest}"


def _agency_of(rest: str) -> Agency | None:
    slug = rest.split("/", 1)[0]
    return Agency.objects.filter(slug=slug).select_related("site").first() if slug else None


def old_host_location(request) -> str | None:
    """Where a request to a host name an agency gave up goes, or None."""
    host = _host(request)
    if not host or host not in old_hostnames():
        return None
    row = AgencyHostRedirect.objects.filter(old_hostname=host).select_related("agency").first()
    if row is None:
        return None
    language, rest = _split_language(request.path_info or "/")
    if language is None:
        # Not a page address (a document, the sitemap…): the same path on the new site.
        agency = row.agency
        root = agency.site.root_url if agency.hostname and agency.site_id else _portal_root()
        return _with_query(f"{root}{request.path_info}", request)
    portal_rest = row.old_prefix + rest
    portal_rest = moved_path(portal_rest) or portal_rest
    location = _location(_agency_of(portal_rest), language, portal_rest, absolute=True)
    return _with_query(location, request)


def moved_location(request) -> str | None:
    """Where a request that found nothing (404) moved to, or None."""
    path = request.path_info or "/"
    language, rest = _split_language(path)
    if language is None or not rest:
        return None
    host = _host(request)
    own = Agency.objects.filter(hostname=host).first() if host else None
    portal_rest = f"{own.slug}/{rest}" if own is not None else rest
    target = moved_path(portal_rest)
    if target is None:
        return None
    location = _location(_agency_of(target), language, target, absolute=own is not None)
    return _with_query(location, request)


def _served_for_an_unknown_host(request) -> bool:
    """Whether the response was made for a host no site has (Wagtail then answers with
    the default site): known only if the request asked for its site, which the site
    cache (cms.tenants.sites) answered, so checking costs no query."""
    if not hasattr(request, "_wagtail_site"):
        return False
    known = chrome.cached(("site-hostnames",), (chrome.GLOBAL,), sites._hostnames)
    return _host(request) not in known


class MovedAddressMiddleware:
    """301s for moved addresses, looked up only on the slow paths: a 404, or a page
    served for a host name that no site has (a host an agency gave up). A request that
    never asks for its site or the database (security.txt, the error pages, a request
    during a database outage) is passed through untouched, as cms.tenants.sites keeps
    it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(("/admin/", "/static/")):
            return response
        if response.status_code == 404 or _served_for_an_unknown_host(request):
            location = old_host_location(request)
            if location is not None:
                return HttpResponsePermanentRedirect(location)
        if response.status_code != 404:
            return response
        location = moved_location(request)
        if location is None:
            return response
        return HttpResponsePermanentRedirect(location)


def is_moved_prefix(slug: str) -> bool:
    """Whether `slug`'s addresses are redirected elsewhere (a former agency address)."""
    return AgencyPathRedirect.objects.filter(old_prefix__startswith=f"{slug}/").exists()
