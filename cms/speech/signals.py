"""When a page's audio must change, and who does it.

- published, moved, or a view restriction removed: the task (`tasks.sync_audio_task`)
  runs once the transaction commits, for the page (or the subtree); it makes audio
  whose text changed and removes audio of a page that became private;
- unpublished, or a view restriction added: the audio of the page (or the subtree)
  is removed at once, in the same transaction (no task: a private page must not keep
  public audio until a worker gets to it);
- deleted: the rows go with the page (CASCADE); every deleted PageAudio removes its
  file when the transaction commits.

With SPEECH_ENGINE=off nothing is enqueued; removals still happen. Inside `deferred()`
(a bulk load: the demo) publishing enqueues nothing either; `manage.py speak_pages
--missing` makes that audio afterwards (`make run` starts it in the background).
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.core import chrome

from .models import PageAudio
from .player import page_scope, subtree_scope
from .removal import is_eligible, remove
from .tasks import sync_audio_task

_state = threading.local()


@contextmanager
def deferred():
    """Publishing in this block makes no audio now (see the module)."""
    previous = getattr(_state, "deferred", False)
    _state.deferred = True
    try:
        yield
    finally:
        _state.deferred = previous


def _enqueue(page_ids: list[int]) -> None:
    if settings.SPEECH_ENGINE == "off" or not page_ids or getattr(_state, "deferred", False):
        return
    transaction.on_commit(lambda: sync_audio_task.enqueue(page_ids))


def _subtree_ids(page: Page) -> list[int]:
    return list(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


def on_published(sender, instance, **kwargs):
    _enqueue([instance.pk])


def on_unpublished(sender, instance, **kwargs):
    remove(instance.pk, instance)


def on_moved(sender, instance, **kwargs):
    """Moved into a private section: its audio goes now; out of one: the task makes it."""
    ids = _subtree_ids(instance)
    with_audio = PageAudio.objects.filter(page_id__in=ids).values("page_id")
    for page in Page.objects.filter(pk__in=with_audio):
        if not is_eligible(page):
            remove(page.pk, page)
    _enqueue(ids)


def on_restriction_saved(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    for page_id in PageAudio.objects.filter(
        page__path__startswith=page.path
    ).values_list("page_id", flat=True).distinct():
        remove(page_id)


def on_restriction_deleted(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _enqueue(_subtree_ids(page))


def _forget_lookups(instance: PageAudio) -> None:
    """The player's cached lookups (cms.speech.player) of this page and its subtree."""
    scopes = [page_scope(instance.page_id)]
    path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    if path:
        scopes.append(subtree_scope(path))
    chrome.bump(*scopes)


def on_audio_saved(sender, instance, **kwargs):
    _forget_lookups(instance)


def on_audio_deleted(sender, instance, **kwargs):
    _forget_lookups(instance)
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def connect() -> None:
    uid = "speech"
    page_published.connect(on_published, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(on_unpublished, dispatch_uid=f"{uid}.unpublished")
    post_page_move.connect(on_moved, dispatch_uid=f"{uid}.moved")
    post_save.connect(on_restriction_saved, sender=PageViewRestriction,
                      dispatch_uid=f"{uid}.restriction_saved")
    post_delete.connect(on_restriction_deleted, sender=PageViewRestriction,
                        dispatch_uid=f"{uid}.restriction_deleted")
    post_save.connect(on_audio_saved, sender=PageAudio, dispatch_uid=f"{uid}.audio_saved")
    post_delete.connect(on_audio_deleted, sender=PageAudio, dispatch_uid=f"{uid}.audio_deleted")
