"""Private sections (Wagtail's PageViewRestriction) read from the chrome cache
(cms.core.chrome) instead of the database on every `.public()` and every served page.

Wagtail's `PageQuerySet.public()` and `Page.get_view_restrictions()` each query the
restrictions table; a page render did so five or six times. `public(queryset)` builds
the same exclusion from the cached list of restricted sections, and
`BasePage.get_view_restrictions` asks the database only for a page inside one.

The list is looked up again after any restriction is saved or deleted (deleting a page
deletes its restrictions) and after any page move (a section's tree path changes):
`connect()` bumps its scope then, and the platform's too (menus list public pages).
"""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import post_page_move

from cms.core import chrome

SCOPE = "privacy"


def restricted_sections() -> tuple[tuple[str, int], ...]:
    """(tree path, depth) of every page with a view restriction."""
    return chrome.cached(
        ("restricted",),
        (SCOPE,),
        lambda: tuple(
            PageViewRestriction.objects.order_by("page__path")
            .values_list("page__path", "page__depth")
            .distinct()
        ),
    )


def is_in_private_section(path: str) -> bool:
    return any(path.startswith(section) for section, _depth in restricted_sections())


def public(queryset):
    """`queryset.public()` without its query: pages outside every private section."""
    private = Q()
    for path, depth in restricted_sections():
        private |= Q(path__startswith=path, depth__gte=depth)
    return queryset.exclude(private) if private else queryset


def _changed(**kwargs):
    chrome.bump(SCOPE, chrome.GLOBAL)


def _moved(**kwargs):
    chrome.bump(SCOPE)


def connect() -> None:
    post_save.connect(_changed, sender=PageViewRestriction, dispatch_uid="privacy-chrome-saved")
    post_delete.connect(_changed, sender=PageViewRestriction, dispatch_uid="privacy-chrome-deleted")
    post_page_move.connect(_moved, dispatch_uid="privacy-chrome-moved")
