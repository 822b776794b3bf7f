"""What the four reorganisations share: checks with their kk/ru/en messages, the
moved addresses, page moves and slugs, caches, search and the audit log."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.actions.move_page import MovePageAction
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import Page, WorkflowState

from cms.core import chrome, pagecache
from cms.pages.models import AgencyHomePage, PortalHomePage
from cms.platform.log_actions import REORG_ACTIONS
from cms.tenants.models import Agency, AgencyHostRedirect, AgencyPathRedirect, validate_slug
from search import outbox

# Audit log actions (registered in cms.platform.admin.hooks).
ACTIONS = REORG_ACTIONS


# --- checks ---------------------------------------------------------------------------
def require_active(agency: Agency) -> None:
    if agency.is_archived:
        raise ValidationError(
            _("%(name)s is archived: only active agencies can be reorganised."),
            code="archived",
            params={"name": agency},
        )


def check_free_slug(slug: str, *, field: str = "slug") -> None:
    """A new agency address: valid, and used by no agency and no portal page."""
    try:
        validate_slug(slug)
    except ValidationError as error:
        raise ValidationError({field: error.error_list}) from error
    if Agency.objects.filter(slug=slug).exists():
        raise ValidationError(
            {
                field: ValidationError(
                    _("The address “%(slug)s” is already taken by another agency."),
                    code="slug_taken",
                    params={"slug": slug},
                )
            }
        )
    portal = PortalHomePage.objects.first()
    if portal is not None and portal.get_children().filter(slug=slug).exists():
        raise ValidationError(
            {
                field: ValidationError(
                    _("The address “%(slug)s” is already used by a page of the portal."),
                    code="slug_in_use",
                    params={"slug": slug},
                )
            }
        )


def home_of(agency: Agency) -> AgencyHomePage:
    return AgencyHomePage.objects.get(agency_record=agency)


# --- addresses ------------------------------------------------------------------------
def prefix_of(page: Page, home: Page, agency_slug: str) -> str:
    """`page`'s address below /<lang>/ (e.g. 'health/news/x/'), from its url_path."""
    return agency_slug + "/" + page.url_path[len(home.url_path) :]


def record_redirects(
    agency: Agency, redirects: dict[str, str], *, claimed: tuple[str, ...] = ()
) -> None:
    """Write the moved prefixes (old → new) held by `agency`. Rows written by earlier
    reorganisations stay as they are: a chain (health/ → health-care/, then
    health-care/news/ → social/news/) is followed hop by hop when an address is looked
    up, each hop at its most specific prefix, and answered with one 301. Rows for the
    same old prefix are replaced; rows under a `claimed` prefix (addresses that hold
    live content again, such as an address taken back) go, so no chain loops."""
    if claimed:
        claim = Q()
        for prefix in claimed:
            claim |= Q(old_prefix__startswith=prefix)
        AgencyPathRedirect.objects.filter(claim).delete()
    AgencyPathRedirect.objects.filter(old_prefix__in=list(redirects)).delete()
    AgencyPathRedirect.objects.bulk_create(
        [
            AgencyPathRedirect(agency=agency, old_prefix=old, new_prefix=new)
            for old, new in redirects.items()
            if old != new
        ]
    )


def record_host(agency: Agency, old_hostname: str, old_slug: str) -> None:
    """`old_hostname`, given up, now leads to `agency`'s site."""
    AgencyHostRedirect.objects.update_or_create(
        old_hostname=old_hostname, defaults={"agency": agency, "old_prefix": f"{old_slug}/"}
    )


# --- pages ----------------------------------------------------------------------------
def free_slug(slug: str, taken: set[str], suffix: str) -> str:
    """`slug`, or `slug-<suffix>` (then -2, -3…) when it is taken."""
    if slug not in taken:
        return slug
    candidate = f"{slug}-{suffix}"[:255]
    n = 2
    while candidate in taken:
        candidate = f"{slug}-{suffix}-{n}"[:255]
        n += 1
    return candidate


def set_slug(page: Page, slug: str) -> None:
    """Give `page` a new slug through Wagtail's own machinery (its url_path and its
    descendants' follow), and in its latest and live revisions, so that publishing a
    later draft does not bring the old slug back."""
    page = page.specific
    page.slug = slug
    page.save(clean=False)
    for revision in {r for r in (page.latest_revision, page.live_revision) if r is not None}:
        revision.content["slug"] = slug
        revision.save(update_fields=["content"])


def move_page(page: Page, parent: Page, user) -> None:
    """Wagtail's move (url_paths of the subtree, post_page_move: page cache, menus,
    search outbox), as the platform: the platform admin holds no page permissions."""
    # Both read afresh: treebeard computes the new tree path from the parent's row.
    MovePageAction(
        Page.objects.get(pk=page.pk), Page.objects.get(pk=parent.pk), pos="last-child", user=user
    ).execute(skip_permission_checks=True)


def cancel_workflows(page_ids: list[int], user) -> int:
    """Moderation in progress on pages that change agency ends: their approvers change."""
    if not page_ids:
        return 0
    states = WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in page_ids],
    )
    count = 0
    for state in states:
        state.cancel(user=user)
        count += 1
    return count


def subtree_ids(pages: list[Page]) -> list[int]:
    ids: list[int] = []
    for page in pages:
        ids += outbox.subtree_ids(Page.objects.get(pk=page.pk))
    return ids


def _drop_page_redirects(page_ids: list[int], since) -> None:
    Redirect.objects.filter(
        automatically_created=True, created_at__gte=since, redirect_page_id__in=page_ids
    ).delete()


def finish(plan, instance: Agency, user, *, page_ids=(), others=(), started=None) -> None:
    """After a run: the search outbox re-indexes the moved pages (their URLs and
    agency changed), every stored page and chrome value goes (agency names and
    addresses are on every site), and the audit log gets the plan.

    Wagtail's redirects app writes one redirect per moved page and site (on a move
    now, on a slug change when the transaction commits); the moved-address rows
    cover whole subtrees in every language, so those rows, written since `started`
    for these pages, go now and again after the commit."""
    page_ids = list(page_ids)
    if started is not None and page_ids:
        _drop_page_redirects(page_ids, started)
        transaction.on_commit(lambda: _drop_page_redirects(page_ids, started))
    outbox.enqueue(page_ids)
    pagecache.invalidate(everything=True)
    chrome.bump(chrome.GLOBAL)
    plan.done = True
    data = plan.as_dict()
    for agency in (instance, *others):
        log(instance=agency, action=ACTIONS[plan.operation], user=user, data=data)


def platform_admin_ids() -> set[int]:
    from django.contrib.auth import get_user_model

    User = get_user_model()
    return set(
        User.objects.filter(
            Q(is_superuser=True) | Q(groups__name=settings.PLATFORM_ADMINS_GROUP)
        ).values_list("pk", flat=True)
    )
