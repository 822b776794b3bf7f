"""sitemap.xml per site: every live public page in each of its languages, with
hreflang alternates (and x-default, the kk version, as in the pages' own <head>).

On the portal's host: the portal's own pages and every active agency's pages, at
their /<lang>/<agency>/... addresses. On an agency's own host: that agency's pages
only, at their /<lang>/... addresses on that host.
"""

from functools import cached_property

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from .scope import (
    LANGUAGE_CODES,
    in_active_agency,
    languages_of,
    outside_agencies,
    path_on_site,
    public_pages,
    request_site,
    site_agency,
)


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    languages = LANGUAGE_CODES
    x_default = False  # added below: Django's strips the prefix, the pages use /kk/

    def __init__(self, request):
        self.request = request
        self.site = request_site(request)

    @cached_property
    def pages(self) -> list:
        if self.site is None:
            return []
        pages = public_pages().descendant_of(self.site.root_page, inclusive=True)
        agency = site_agency(self.site)
        if agency is not None:
            if agency.is_archived:
                return []
            pages = pages.filter(in_active_agency())
        else:
            pages = pages.filter(in_active_agency() | outside_agencies())
        return list(pages.order_by("path").specific())

    def items(self):
        return self.pages

    def get_languages_for_item(self, item):
        return languages_of(item)

    def location(self, item):
        return path_on_site(item, self.site)

    def lastmod(self, item):
        return item.last_published_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            default = next(
                (a for a in url["alternates"] if a["lang_code"] == settings.LANGUAGE_CODE), None
            )
            if default is not None:
                url["alternates"].append(
                    {"location": default["location"], "lang_code": "x-default"}
                )
        return urls
