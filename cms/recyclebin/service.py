"""Moving pages and documents into an agency's recycle bin, back out, and away.

* **Pages**: the page and its subtree are unpublished (so they leave search, feeds,
  the sitemap and the API through the usual unpublish signals), running workflows
  are cancelled, approved schedules dropped, and the subtree moves under the
  agency's recycle-bin page: a section page at `/<agency>/recycle-bin/` that is never
  published, hidden from the explorer and choosers, and refused by `before_serve_page`
  whatever happens to its children. Restoring moves the subtree back before its old
  next sibling (or last, when that sibling is gone) under its old parent and, for a
  user who may publish there, republishes what was live; others get drafts to submit.
* **Documents** move to the platform's recycle-bin collection, which has a view
  restriction no one passes and no group permissions: they vanish from the agency's
  listings and choosers, and no URL serves them; restoring puts them back into their
  collection.
* After `KEEP_DAYS` (30) days `purge` deletes them for good.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.move_page import MovePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    Revision,
    WorkflowState,
)

from cms.pages.models import SectionPage
from cms.tenants.models import Agency
from cms.tenants.scoping import agency_for_page

from .models import KEEP_DAYS, RecycledItem

__all__ = ["KEEP_DAYS", "RecycleError", "purge", "recycle_document", "recycle_page", "restore"]

BIN_SLUG = "recycle-bin"
BIN_COLLECTION = "Recycle bin"
BIN_TITLES = {"kk": "Қоқыс себеті", "ru": "Корзина", "en": "Recycle bin"}


class RecycleError(Exception):
    """A restore that cannot be done; the message is for the editor."""


@dataclass
class RestoreResult:
    item: RecycledItem
    republished: int = 0
    drafts: int = 0


# --- the bins ---------------------------------------------------------------------


def bin_page(agency: Agency, *, create: bool = True):
    home = agency.home_page
    existing = home.get_children().filter(slug=BIN_SLUG).first()
    if existing is not None and existing.live:
        raise RecycleError(
            _("The address “%(slug)s” is reserved for the recycle bin: rename that page first.")
            % {"slug": BIN_SLUG}
        )
    if existing is not None or not create:
        return existing
    page = SectionPage(slug=BIN_SLUG, live=False, show_in_menus=False)
    for lang, title in BIN_TITLES.items():
        setattr(page, f"title_{lang}", title)
        setattr(page, f"slug_{lang}", BIN_SLUG)
    page.title = BIN_TITLES["kk"]
    home.add_child(instance=page)
    return page


def is_bin_path(url_path: str) -> bool:
    """Whether a page's url_path is an agency's recycle-bin page or below it
    ("/<portal>/<agency>/recycle-bin/…"); no query."""
    parts = url_path.strip("/").split("/")
    return len(parts) >= 3 and parts[2] == BIN_SLUG


def bin_collection() -> Collection:
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=BIN_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=BIN_COLLECTION)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        # A groups restriction without groups: nobody but superusers passes it.
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    return collection


def agency_for_collection(collection_id: int):
    """The agency whose collection tree holds `collection_id`."""
    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is None:
        return None
    ids = collection.get_ancestors(inclusive=True).values_list("pk", flat=True)
    return Agency.objects.filter(collection_id__in=list(ids)).first()


def _move(page, target, pos, user):
    """Moving into and out of the bin is part of deleting and restoring, which the
    admin (or the bin's views) allowed already. The redirects Wagtail adds for a move
    are removed again: none may lead from the public site into the bin, nor from the
    bin's addresses afterwards."""
    subtree = list(page.get_descendants(inclusive=True).values_list("pk", flat=True))
    before = Redirect.objects.aggregate(last=Max("pk"))["last"] or 0
    MovePageAction(page, target, pos=pos, user=user).execute(skip_permission_checks=True)
    Redirect.objects.filter(
        pk__gt=before, automatically_created=True, redirect_page_id__in=subtree
    ).delete()


# --- recycling --------------------------------------------------------------------


@transaction.atomic
def recycle_page(page: Page, user=None) -> RecycledItem:
    agency = agency_for_page(page)
    if agency is None or page.depth <= agency.home_page.depth or is_bin_path(page.url_path):
        raise RecycleError(_("Only pages of an agency's site can go to its recycle bin."))
    page = page.specific
    parent = page.get_parent()
    next_sibling = page.get_next_sibling()
    subtree = page.get_descendants(inclusive=True)
    ids = list(subtree.values_list("pk", flat=True))
    live_ids = list(subtree.live().values_list("pk", flat=True))
    item = RecycledItem.objects.create(
        agency=agency,
        kind=RecycledItem.Kind.PAGE,
        object_id=page.pk,
        deleted_at=timezone.now(),
        title=page.get_admin_display_title()[:255],
        deleted_by=user if getattr(user, "pk", None) else None,
        original_parent_id=parent.pk,
        original_next_sibling_id=next_sibling.pk if next_sibling else None,
        live_page_ids=live_ids,
        page_count=len(ids),
    )
    for state in WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in ids],
    ):
        state.cancel(user=user)
    Revision.page_revisions.filter(object_id__in=[str(pk) for pk in ids]).update(
        approved_go_live_at=None
    )
    if live_ids:
        UnpublishPageAction(page, user=user, include_descendants=True).execute(
            skip_permission_checks=True
        )
    Page.objects.filter(pk__in=ids).update(go_live_at=None)
    page.refresh_from_db()
    _move(page, bin_page(agency), "last-child", user)
    log(instance=page, action="recyclebin.recycle", user=user, data={"pages": len(ids)})
    return item


@transaction.atomic
def recycle_document(document, user=None) -> RecycledItem:
    agency = agency_for_collection(document.collection_id)
    if agency is None:
        raise RecycleError(_("Only documents of an agency can go to its recycle bin."))
    item = RecycledItem.objects.create(
        agency=agency,
        kind=RecycledItem.Kind.DOCUMENT,
        object_id=document.pk,
        deleted_at=timezone.now(),
        title=document.title[:255],
        deleted_by=user if getattr(user, "pk", None) else None,
        original_collection_id=document.collection_id,
    )
    document.collection = bin_collection()
    document.save(update_fields=["collection"])
    log(instance=document, action="recyclebin.recycle", user=user)
    return item


# --- restoring --------------------------------------------------------------------


def target(item: RecycledItem):
    if item.kind == RecycledItem.Kind.PAGE:
        return Page.objects.filter(pk=item.object_id).first()
    return get_document_model().objects.filter(pk=item.object_id).first()


@transaction.atomic
def restore(item: RecycledItem, user=None) -> RestoreResult:
    item = RecycledItem.objects.select_for_update().get(pk=item.pk)
    obj = target(item)
    if obj is None:
        item.delete()
        raise RecycleError(_("“%(title)s” no longer exists.") % {"title": item.title})
    if item.kind == RecycledItem.Kind.DOCUMENT:
        return _restore_document(item, obj, user)
    return _restore_page(item, obj.specific, user)


def _restore_document(item, document, user) -> RestoreResult:
    collection = Collection.objects.filter(pk=item.original_collection_id).first()
    if collection is None or agency_for_collection(collection.pk) != item.agency:
        raise RecycleError(
            _(
                "The collection “%(title)s” was in is gone: it cannot go back. "
                "Delete it permanently, or ask a platform admin."
            )
            % {"title": item.title}
        )
    document.collection = collection
    document.save(update_fields=["collection"])
    log(instance=document, action="recyclebin.restore", user=user)
    item.delete()
    return RestoreResult(item)


def _restore_page(item, page, user) -> RestoreResult:
    parent = Page.objects.filter(pk=item.original_parent_id).first()
    if parent is None or is_bin_path(parent.url_path):
        raise RecycleError(
            _(
                "The page “%(title)s” was under is gone or is in the recycle bin itself: "
                "restore that page first, or delete this one permanently."
            )
            % {"title": item.title}
        )
    if parent.get_children().filter(slug=page.slug).exists():
        raise RecycleError(
            _(
                "Another page with the address “%(slug)s” now exists where “%(title)s” "
                "was: rename or move that page first."
            )
            % {"slug": page.slug, "title": item.title}
        )
    sibling = Page.objects.filter(pk=item.original_next_sibling_id).first()
    if sibling is not None and sibling.get_parent().pk == parent.pk:
        _move(page, sibling, "left", user)
    else:
        _move(page, parent, "last-child", user)
    result = RestoreResult(item)
    may_publish = user is None or parent.permissions_for_user(user).can_publish_subpage()
    for restored in Page.objects.filter(pk__in=item.live_page_ids).order_by("path").specific():
        revision = restored.get_latest_revision()
        if may_publish and revision is not None:
            revision.publish(user=user, skip_permission_checks=True)
            result.republished += 1
        else:
            result.drafts += 1
    log(instance=page, action="recyclebin.restore", user=user)
    item.delete()
    return result


# --- deleting for good ------------------------------------------------------------


@transaction.atomic
def delete_permanently(item: RecycledItem, user=None) -> None:
    obj = target(item)
    if obj is not None:
        if item.kind == RecycledItem.Kind.PAGE:
            DeletePageAction(obj.specific, user=user).execute(skip_permission_checks=True)
        else:
            log(instance=obj, action="wagtail.delete", user=user)
            obj.delete()
    item.delete()


def expired(now: datetime.datetime | None = None):
    now = now or timezone.now()
    return RecycledItem.objects.filter(deleted_at__lt=now - datetime.timedelta(days=KEEP_DAYS))


def purge(now: datetime.datetime | None = None, *, dry_run: bool = False) -> dict[str, int]:
    """Delete every item that has waited more than 30 days; counts by kind."""
    counts = {"pages": 0, "documents": 0}
    for item in expired(now).select_related("agency"):
        key = "pages" if item.kind == RecycledItem.Kind.PAGE else "documents"
        counts[key] += 1
        if not dry_run:
            delete_permanently(item)
    return counts
