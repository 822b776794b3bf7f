"""The cached top tasks of the portal's front page (cms.pages.models.portal.top_tasks)
are forgotten when what they show changes: the portal page is published (its tasks
are part of it), or a page a task links to is published (its address), unpublished,
moved or deleted (the task is then left out).

The page cache is retired separately (cms.pages.pagecache): this is the chrome cache,
read on every uncached render, whether or not the page cache is on."""

from django.db.models.signals import pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.core import chrome

from .models.portal import TOP_TASKS_SCOPE, PortalTopTask

PORTAL_DEPTH = 2


def _linked_page_ids() -> frozenset[int]:
    return frozenset(
        PortalTopTask.objects.exclude(link_page=None).values_list("link_page_id", flat=True)
    )


def is_top_task_page(page: Page) -> bool:
    """From the chrome cache: publishing a run of pages (provisioning an agency, an
    import) asks once, not once per page. The tasks change only with the portal's
    publish (GLOBAL), and a task's page changing bumps TOP_TASKS_SCOPE."""
    linked = chrome.cached(("top-task-pages",), (chrome.GLOBAL, TOP_TASKS_SCOPE), _linked_page_ids)
    return page.pk in linked


def _page_changed(instance, **kwargs):
    if not isinstance(instance, Page):
        return
    if instance.depth <= PORTAL_DEPTH or is_top_task_page(instance):
        chrome.bump(TOP_TASKS_SCOPE)


def connect() -> None:
    page_published.connect(_page_changed, dispatch_uid="toptasks-published")
    page_unpublished.connect(_page_changed, dispatch_uid="toptasks-unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="toptasks-moved")
    # Before the delete: the task's link is set to NULL (no signal) with the page.
    pre_delete.connect(_page_changed, dispatch_uid="toptasks-page-deleting")
