"""The Wagtail Site of a request from the chrome cache (cms.core.chrome): Wagtail
looks it up in the database on every request; here a host is looked up once per
platform version (a site or an agency changing bumps it, `signals.py`).

Only host names that some site has get a cache entry of their own: any other name
is answered by the default site (what Wagtail does), under one shared entry, so a
client cannot fill the cache by sending made-up Host headers.

`install()` (from the app's `ready()`) makes Wagtail's own per-request lookup,
`Site._find_for_request`, read this cache. The lookup stays lazy: a request that never
asks for its site (security.txt, the error pages, a request during a database outage)
touches neither the cache nor the database.
"""

from django.http.request import split_domain_port
from wagtail.models import Site

from cms.core import chrome


def _hostnames() -> frozenset[str]:
    return frozenset(Site.objects.values_list("hostname", flat=True))


def site_for_request(request) -> Site | None:
    """What `Site.find_for_request` returns, from the cache."""
    hostname = split_domain_port(request._get_raw_host())[0]
    known = chrome.cached(("site-hostnames",), (chrome.GLOBAL,), _hostnames)
    key = (hostname, request.get_port()) if hostname in known else ("*", "*")
    return chrome.cached(("site", *key), (chrome.GLOBAL,), lambda: _lookup(request))


_wagtail_lookup = Site._find_for_request


def _lookup(request) -> Site | None:
    site = _wagtail_lookup(request)
    if site is not None:
        # Wagtail's routing starts from `site.root_page.specific` on every request:
        # cached with the site (its root page is a portal or agency home page, whose
        # changes bump the platform's version), it costs no query.
        site.root_page.specific  # noqa: B018 (a cached_property, kept in the pickle)
    return site


def install() -> None:
    """Route Wagtail's per-request site lookup through the cache."""
    Site._find_for_request = staticmethod(site_for_request)
