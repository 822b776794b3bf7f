"""Which public content may leave the platform: live, public, of active agencies only.

Shared by the feeds, the sitemap, the SEO tags and the JSON API, so that "public"
means the same thing everywhere.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.urls import reverse
from django.utils import translation
from wagtail.models import CollectionViewRestriction, Page, Site

from cms.core import chrome
from cms.pages.languages import page_languages
from cms.pages.models import AgencyHomePage
from cms.tenants.models import Agency
from cms.tenants.scoping import AGENCY_HOME_DEPTH

HOME_PATH_LENGTH = AGENCY_HOME_DEPTH * Page.steplen
# Open Graph locales of the site languages.
OG_LOCALES = {"kk": "kk_KZ", "ru": "ru_RU", "en": "en_US"}


def _homes():
    return AgencyHomePage.objects.filter(path=Substr(OuterRef("path"), 1, HOME_PATH_LENGTH))


def in_active_agency():
    """A filter expression: the page lies in the subtree of an active agency."""
    return Exists(_homes().filter(agency_record__status=Agency.Status.ACTIVE))


def outside_agencies():
    """A filter expression: the page belongs to the portal itself, not to an agency."""
    return ~Exists(_homes())


def public_pages():
    return Page.objects.live().public()


def visible_pages(queryset=None):
    """The pages anonymous visitors may see: live, under no view restriction (login,
    password or groups, on the page or an ancestor), of an active agency or of the
    portal itself. The one filter for anything that lists pages outside the admin
    (feeds, sitemap, the public API: `cms.api` calls it on its queryset)."""
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.live().public().filter(in_active_agency() | outside_agencies())


def in_public_collection(field: str = "collection"):
    """A filter expression for documents and images: no view restriction (login,
    password, groups) on their collection or any collection above it."""
    path = OuterRef(f"{field}__path")
    return ~Exists(
        CollectionViewRestriction.objects.filter(
            collection__path=Substr(path, 1, Length("collection__path"))
        )
    )


def active_agency(slug: str) -> Agency | None:
    """The active agency with this slug whose home page is live, or None."""
    return (
        Agency.objects.filter(slug=slug, status=Agency.Status.ACTIVE, home_page__live=True)
        .select_related("home_page")
        .first()
    )


def site_agency(site: Site | None) -> Agency | None:
    """The agency whose own host `site` is (None for the portal's sites)."""
    if site is None:
        return None
    return chrome.cached(
        ("site-agency", site.pk),
        (chrome.GLOBAL,),
        lambda: Agency.objects.filter(site=site).select_related("home_page").first(),
    )


def request_site(request) -> Site | None:
    return Site.find_for_request(request)


def path_on_site(page: Page, site: Site, language: str | None = None) -> str | None:
    """The page's path on `site` in `language` ("/ru/agency/news/x/"), None if off the site."""
    root_path = site.root_page.url_path
    if not page.url_path.startswith(root_path):
        return None
    with translation.override(language or translation.get_language()):
        return reverse("wagtail_serve", args=(page.url_path[len(root_path) :],))


def languages_of(page) -> list[str]:
    """The languages a page is published in: the required ones, and an optional one
    (en) only where the page has its own content in it (not a fallback)."""
    return page_languages(page)


def translated(obj, field: str, language: str):
    """The value of a translated field in exactly `language` (no fallback)."""
    value = getattr(obj, f"{field}_{language}", None)
    if value is None and not hasattr(obj, f"{field}_{language}"):
        return getattr(obj, field, None)
    return value
