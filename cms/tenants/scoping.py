"""Which agency an object or a user belongs to. Every scoped query goes through here."""

from django.conf import settings
from django.db.models import Q
from wagtail.models import Page

from cms.core import chrome

from .models import Agency

# Depth of an AgencyHomePage in the tree: Root (1) → PortalHomePage (2) → agency (3).
AGENCY_HOME_DEPTH = 3


def agency_home_path(page: Page) -> str | None:
    if page.depth < AGENCY_HOME_DEPTH:
        return None
    return page.path[: AGENCY_HOME_DEPTH * Page.steplen]


def agency_at(home_path: str):
    """The agency whose home page is at tree path `home_path` (or None), with its
    home page, logo and parent agency (what the header, the footer and the SEO data
    read): from the chrome cache (cms.core.chrome), looked up
    once per platform version (an agency or its home page changing bumps it)."""
    return chrome.cached(
        ("agency", home_path),
        (chrome.GLOBAL,),
        lambda: (
            Agency.objects.filter(home_page__path=home_path)
            .select_related("home_page", "logo", "parent", "parent__home_page", "parent__logo")
            .first()
        ),
    )


def agency_for_page(page: Page):
    """The agency whose subtree holds `page`, or None for portal pages."""
    path = agency_home_path(page)
    if path is None:
        return None
    found = getattr(page, "_agency_cache", None)
    if found is None:
        found = agency_at(path)
        page._agency_cache = found
    return found


def is_platform_admin(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=settings.PLATFORM_ADMINS_GROUP).exists()


def agencies_for_user(user):
    """The agencies a user edits or moderates (all of them for platform admins)."""
    if is_platform_admin(user):
        return Agency.objects.all()
    if not user.is_authenticated:
        return Agency.objects.none()
    group_ids = list(user.groups.values_list("pk", flat=True))
    return Agency.objects.filter(
        Q(editors_group_id__in=group_ids) | Q(moderators_group_id__in=group_ids)
    ).distinct()
