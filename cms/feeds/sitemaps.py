"""Sitemaps per host: an index at /sitemap.xml, one child per agency and language.

- ``/sitemap.xml``: the sitemap index of the requested host.
  On the portal's host it lists ``/<lang>/sitemap.xml`` (the portal's own pages) and
  ``/<lang>/<agency>/sitemap.xml`` for every active agency with a live home page; on
  an agency's own host, ``/<lang>/sitemap.xml`` (that agency's pages). Children of
  more than `PAGE_SIZE` pages are split into ``?p=2``, ``?p=3``...
- A child lists the live public pages of its part of the tree in its language, each
  with its hreflang alternates (and x-default, the kk version, and kk-Latn, the
  Kazakh page in the Latin script, as in the pages' own <head>); a page appears in
  English only where it has English content.

Each document costs a bounded amount of work (the index: two queries; a child: at
most PAGE_SIZE pages), and all of them are served from the page cache
(cms.core.pagecache), which publishing invalidates: an agency's change retires its
own children and the index, never another agency's.
"""

import math
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page

from cms.core.languages import LANGUAGE_CODES, SCRIPT_VARIANTS
from cms.pages.models import AgencyHomePage
from cms.tenants.models import Agency
from cms.tenants.scoping import AGENCY_HOME_DEPTH

from .scope import (
    HOME_PATH_LENGTH,
    languages_of,
    public_pages,
)

PAGE_SIZE = 10_000
NAMESPACES = (
    'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml"'
)


@dataclass
class Child:
    location: str
    lastmod: object = None


def _base(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


def _w3c_date(value) -> str:
    return timezone.localtime(value).date().isoformat() if value else ""


def page_count(total: int) -> int:
    return max(1, math.ceil(total / PAGE_SIZE))


def _children(location: str, total: int, lastmod) -> list[Child]:
    return [
        Child(location if n == 1 else f"{location}?p={n}", lastmod)
        for n in range(1, page_count(total) + 1)
    ]


def _counts(root) -> dict[str, tuple[int, object]]:
    """{agency home path prefix: (live public pages, last published)} under `root`:
    one grouped query whatever the number of agencies."""
    rows = (
        public_pages()
        .descendant_of(root, inclusive=True)
        .order_by()
        .annotate(prefix=Substr("path", 1, HOME_PATH_LENGTH))
        .values("prefix")
        .annotate(n=Count("pk"), last=Max("last_published_at"))
    )
    return {row["prefix"]: (row["n"], row["last"]) for row in rows}


def index(request, site, host_agency) -> list[Child]:
    """The children of the host's sitemap index."""
    if site is None or (host_agency is not None and host_agency.is_archived):
        return []
    base = _base(request)
    counts = _counts(site.root_page)
    if host_agency is not None:
        total = sum(n for n, _last in counts.values())
        last = max((last for _n, last in counts.values() if last), default=None)
        return [
            child
            for lang in LANGUAGE_CODES
            for child in _children(f"{base}/{lang}/sitemap.xml", total, last)
        ]
    agencies = list(
        Agency.objects.filter(home_page__isnull=False)
        .values("status", "home_page__path", "home_page__url_path")
        .order_by("home_page__path")
    )
    home_paths = {a["home_page__path"] for a in agencies}
    portal_rows = [value for prefix, value in counts.items() if prefix not in home_paths]
    portal_total = sum(n for n, _last in portal_rows)
    portal_last = max((last for _n, last in portal_rows if last), default=None)
    children = [
        child
        for lang in LANGUAGE_CODES
        for child in _children(f"{base}/{lang}/sitemap.xml", portal_total, portal_last)
    ]
    root_path = site.root_page.url_path
    for agency in agencies:
        total, last = counts.get(agency["home_page__path"], (0, None))
        url_path = agency["home_page__url_path"] or ""
        if agency["status"] != Agency.Status.ACTIVE or not total:
            continue
        if not url_path.startswith(root_path):
            continue
        relative = url_path[len(root_path) :]
        for lang in LANGUAGE_CODES:
            children.extend(_children(f"{base}/{lang}/{relative}sitemap.xml", total, last))
    return children


def portal_pages(site):
    """The portal's own pages on `site` (not in any agency's subtree): those above the
    agencies' depth and the subtrees of the portal's own sections at that depth (a
    handful), as path ranges. Testing every page for an agency home above it
    (`outside_agencies`) read the whole page table: 125 ms for four pages with 300
    agencies and 100,000 pages."""
    sections = (
        Page.objects.filter(depth=AGENCY_HOME_DEPTH)
        .descendant_of(site.root_page)
        .exclude(Exists(AgencyHomePage.objects.filter(pk=OuterRef("pk"))))
        .values_list("path", flat=True)
    )
    own = Q(depth__lt=AGENCY_HOME_DEPTH)
    for path in sections:
        own |= Q(path__startswith=path)
    return public_pages().descendant_of(site.root_page, inclusive=True).filter(own)


def agency_pages(agency):
    return public_pages().descendant_of(agency.home_page, inclusive=True)


def urls(request, site, pages, language: str, number: int) -> list[dict] | None:
    """The <url> entries of page `number` of a child sitemap in `language`; None when
    there is no such page."""
    pages = pages.order_by("path")
    start = (number - 1) * PAGE_SIZE
    if number > 1 and not pages[start : start + 1].exists():
        return None
    base = _base(request)
    root_path = site.root_page.url_path
    prefixes = {}
    for lang in LANGUAGE_CODES:
        with translation.override(lang):
            prefixes[lang] = base + reverse("wagtail_serve", args=("",))
    entries = []
    for page in pages[start : start + PAGE_SIZE].specific():
        if not page.url_path.startswith(root_path):
            continue
        languages = languages_of(page)
        if language not in languages:
            continue
        relative = page.url_path[len(root_path) :]
        alternates = [(lang, prefixes[lang] + relative) for lang in languages]
        # The same page in another script (kk-Latn at /kk-latn/..., cms.core.script).
        alternates += [
            (variant.tag, variant_url(prefixes[variant.language], variant) + relative)
            for variant in SCRIPT_VARIANTS
            if variant.language in languages
        ]
        if settings.LANGUAGE_CODE in languages:
            alternates.append(("x-default", prefixes[settings.LANGUAGE_CODE] + relative))
        entries.append(
            {
                "location": prefixes[language] + relative,
                "lastmod": page.last_published_at,
                "alternates": alternates,
            }
        )
    return entries


def variant_url(prefix: str, variant) -> str:
    """``https://host/kk/`` → ``https://host/kk-latn/``."""
    head, _sep, _tail = prefix.rstrip("/").rpartition(f"/{variant.language}")
    return f"{head}/{variant.prefix}/"


def render_urlset(entries: list[dict]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n', f"<urlset {NAMESPACES}>\n"]
    for entry in entries:
        out.append(f"<url><loc>{escape(entry['location'])}</loc>")
        if entry["lastmod"]:
            out.append(f"<lastmod>{_w3c_date(entry['lastmod'])}</lastmod>")
        for lang, href in entry["alternates"]:
            out.append(f'<xhtml:link rel="alternate" hreflang="{lang}" href={quoteattr(href)}/>')
        out.append("</url>\n")
    out.append("</urlset>\n")
    return "".join(out)


def render_index(children: list[Child]) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n',
    ]
    for child in children:
        out.append(f"<sitemap><loc>{escape(child.location)}</loc>")
        if child.lastmod:
            out.append(f"<lastmod>{_w3c_date(child.lastmod)}</lastmod>")
        out.append("</sitemap>\n")
    out.append("</sitemapindex>\n")
    return "".join(out)
