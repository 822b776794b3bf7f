"""Recording what the index must change: the outbox and the signal handlers.

Every change that can alter what the index should hold records the affected page
ids in `IndexOutbox`, inside the transaction that makes the change:

- a page published, unpublished or deleted: that page;
- a slug changed or a page moved: its subtree (the URLs below it changed);
- a view restriction (login, password, groups) added, changed or removed on a page:
  its subtree (private pages leave the index, public ones come back);
- an agency archived, restored, renamed or moved under another body: its pages;
- a document saved (its file replaced) or a collection's view restriction added,
  changed or removed: the live pages that use the documents concerned (their text is
  indexed with the page, and a private collection's must leave the index).

When the transaction commits, the drain task (`search.tasks`, which runs
`search.indexing.drain_outbox`) is enqueued. Imports run one way:
outbox -> tasks -> indexing.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    ReferenceIndex,
)
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms.tenants.models import Agency

from . import spelling
from .models import IndexOutbox
from .tasks import drain_outbox_task


def enqueue(page_ids: Iterable[int], action: str = IndexOutbox.Action.UPSERT) -> int:
    """Record that the pages must be re-indexed, and drain when the transaction commits."""
    rows = [IndexOutbox(page_id=pk, action=action) for pk in dict.fromkeys(page_ids)]
    if not rows:
        return 0
    IndexOutbox.objects.bulk_create(rows)
    _drain_on_commit()
    return len(rows)


def _drain_on_commit() -> None:
    transaction.on_commit(_start_drain)


def _start_drain() -> None:
    """Enqueue a drain if rows are pending.

    A transaction that touched many pages registers this callback once per page; with
    the immediate backend the first call empties the outbox and the others find it
    empty (one cheap query each); with the database backend the later tasks find it
    empty when they run.
    """
    if IndexOutbox.objects.exists():
        drain_outbox_task.enqueue()


def subtree_ids(page: Page) -> list[int]:
    return list(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


def agency_page_ids(agency: Agency) -> list[int]:
    home = Page.objects.filter(agencyhomepage__agency_record=agency).first()
    return subtree_ids(home) if home else []


# --- signal handlers ---------------------------------------------------------------
def on_page_published(sender, instance, **kwargs):
    enqueue([instance.pk])


def on_page_unpublished(sender, instance, **kwargs):
    enqueue([instance.pk], IndexOutbox.Action.DELETE)


def on_page_slug_changed(sender, instance, **kwargs):
    # The URLs of every descendant changed with the slug.
    enqueue(subtree_ids(instance))


def on_page_moved(sender, instance, **kwargs):
    # URLs (and maybe the agency) of the whole subtree changed.
    enqueue(subtree_ids(instance))


def on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        enqueue([instance.pk], IndexOutbox.Action.DELETE)


def on_view_restriction_changed(sender, instance, **kwargs):
    """A page restricted or made public again: its whole subtree enters or leaves the
    index (a restriction hides the page and every page below it). Words of the
    hidden titles leave the spelling vocabulary at once, too."""
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:
        return  # the page is being deleted: its own deletion enqueues it
    enqueue(subtree_ids(page))
    transaction.on_commit(spelling.forget_vocabulary)


def pages_using_documents(document_ids: Iterable[int]) -> list[int]:
    """Ids of the live pages that use any of the documents (Wagtail's ReferenceIndex)."""
    ids = [str(pk) for pk in document_ids]
    if not ids:
        return []
    refs = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ReferenceIndex._get_base_content_type(get_document_model()),
        to_object_id__in=ids,
    ).values_list("object_id", flat=True)
    page_ids = {int(pk) for pk in refs if str(pk).isdigit()}
    return list(Page.objects.live().filter(pk__in=page_ids).values_list("pk", flat=True))


def on_document_saved(sender, instance, created, **kwargs):
    if not created:
        enqueue(pages_using_documents([instance.pk]))


def on_collection_restriction_changed(sender, instance, **kwargs):
    """A collection made private (or public again): the pages using its documents, or
    those of the collections below it, are indexed again without (or with) their text."""
    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is None:
        return
    documents = get_document_model().objects.filter(
        collection__path__startswith=collection.path
    ).values_list("pk", flat=True)
    enqueue(pages_using_documents(documents))


def on_agency_pre_save(sender, instance, **kwargs):
    if instance.pk is None:
        instance._search_before = None
        return
    instance._search_before = (
        Agency.objects.filter(pk=instance.pk)
        .values("status", "name_kk", "name_ru", "name_en", "parent_id")
        .first()
    )


def on_agency_saved(sender, instance, created, **kwargs):
    before = getattr(instance, "_search_before", None)
    if created or before is None:
        return
    now = {
        "status": instance.status,
        "name_kk": instance.name_kk,
        "name_ru": instance.name_ru,
        "name_en": instance.name_en,
        "parent_id": instance.parent_id,
    }
    if now != before:
        enqueue(agency_page_ids(instance))


def connect_signals() -> None:
    uid = "birtutas_search"
    page_published.connect(on_page_published, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid=f"{uid}.unpublished")
    page_slug_changed.connect(on_page_slug_changed, dispatch_uid=f"{uid}.slug_changed")
    post_page_move.connect(on_page_moved, dispatch_uid=f"{uid}.moved")
    post_delete.connect(on_delete, dispatch_uid=f"{uid}.deleted")
    post_save.connect(on_view_restriction_changed, sender=PageViewRestriction,
                      dispatch_uid=f"{uid}.restriction_saved")
    post_delete.connect(on_view_restriction_changed, sender=PageViewRestriction,
                        dispatch_uid=f"{uid}.restriction_deleted")
    post_save.connect(on_document_saved, sender=get_document_model(),
                      dispatch_uid=f"{uid}.document_saved")
    post_save.connect(on_collection_restriction_changed, sender=CollectionViewRestriction,
                      dispatch_uid=f"{uid}.collection_restriction_saved")
    post_delete.connect(on_collection_restriction_changed, sender=CollectionViewRestriction,
                        dispatch_uid=f"{uid}.collection_restriction_deleted")
    pre_save.connect(on_agency_pre_save, sender=Agency, dispatch_uid=f"{uid}.agency_pre")
    post_save.connect(on_agency_saved, sender=Agency, dispatch_uid=f"{uid}.agency_post")
