"""Page cache: which Wagtail pages may be stored, and what a page change retires
(mechanism: cms.core.pagecache; agencies and sites: cms.tenants.pagecache).

- A page inside an agency's site (below its home page): that agency's pages on the
  portal's hosts in every language and on its own host, and the sitemap index; a
  news item also retires the portal's front page (its latest news span agencies), and
  so does a page that one of the portal's top tasks links to (its address or its
  being live decides the link).
- An agency home page published again at the same address (it was live, its slug
  is the same): its own agency (as above) and the portal's front page. Elsewhere the
  platform shows the agency's record (its name in the directory, its subordinates'
  cards), not its home page; the address and liveness are all it lends them.
- An agency home page published for the first time, again after an unpublish or at a
  new address, and any unpublish, move or delete of one; a portal page or the portal
  home: everything (they appear in every site's footer and in the portal's
  directory, or their links change everywhere).

Publish, unpublish, move, delete and privacy changes (PageViewRestriction) all go
through `invalidate_page`. Translations are fields of the same page, published
together with it.
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.core import pagecache
from cms.tenants.pagecache import invalidate_agency_pages
from cms.tenants.scoping import AGENCY_HOME_DEPTH

from .models import AgencyHomePage, NewsPage
from .toptasks import is_top_task_page

HOME_PATH_LENGTH = AGENCY_HOME_DEPTH * Page.steplen


def _is_news(page: Page) -> bool:
    try:
        return issubclass(page.specific_class or Page, NewsPage)
    except AttributeError:  # a bare Page row without its content type
        return False


def _on_portal(page: Page) -> bool:
    """Whether the portal's front page shows `page`: a news item (latest news) or the
    target of a top task."""
    return _is_news(page) or is_top_task_page(page)


def _invalidate_position(path: str, depth: int, news: bool) -> None:
    """Retire what shows a page at tree `path` and `depth` (a parent's path will do
    for a page below it)."""
    if depth <= AGENCY_HOME_DEPTH:
        pagecache.invalidate(everything=True)
        return
    if not invalidate_agency_pages(path[:HOME_PATH_LENGTH], portal=news):
        # Below a portal page (about-platform...), or an agency being deleted.
        pagecache.invalidate(everything=True)


def invalidate_page(page: Page) -> None:
    _invalidate_position(page.path, page.depth, _on_portal(page))


def _page_changed(instance, **kwargs):
    if pagecache.enabled() and isinstance(instance, Page):
        invalidate_page(instance)


def _page_deleting(instance, **kwargs):
    """A top task's page is about to be deleted: the task loses its link (SET_NULL, no
    signal), so the portal's front page is retired now, while the link is known."""
    if not (pagecache.enabled() and isinstance(instance, Page)):
        return
    if is_top_task_page(instance):
        _invalidate_position(instance.path, instance.depth, True)


def _remember_home(instance, **kwargs):
    """Before an agency home page is saved: was it live, and at which address? (One
    small query, for agency home pages only.)"""
    if pagecache.enabled() and instance.pk:
        instance._pagecache_before = (
            Page.objects.filter(pk=instance.pk).values_list("live", "url_path").first()
        )


def _page_published(instance, **kwargs):
    if not (pagecache.enabled() and isinstance(instance, Page)):
        return
    before = getattr(instance, "_pagecache_before", None)
    if (
        isinstance(instance, AgencyHomePage)
        and before == (True, instance.url_path)
        and instance.live
        and invalidate_agency_pages(instance.path, portal=True)
    ):
        return
    invalidate_page(instance)


def _page_moved(instance, parent_page_before=None, **kwargs):
    if not pagecache.enabled():
        return
    invalidate_page(instance)
    # The old position: its agency (or the portal) no longer shows the page.
    if parent_page_before is not None:
        _invalidate_position(
            parent_page_before.path, parent_page_before.depth + 1, _on_portal(instance)
        )


def _restriction_changed(instance, **kwargs):
    if not pagecache.enabled():
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        pagecache.invalidate(everything=True)
    else:
        invalidate_page(page)


@hooks.register("before_serve_page")
def _allow_page_cache(page, request, serve_args, serve_kwargs):
    """Every public page may be stored; the middleware still refuses responses that
    set cookies, carry a CSRF token (forms, password prompts), say `private` or
    `no-cache` (appeals forms), are not 200, or go to a logged-in user."""
    pagecache.allow(request, vary=("Cookie",))


def connect() -> None:
    pre_save.connect(_remember_home, sender=AgencyHomePage, dispatch_uid="pagecache-home-before")
    page_published.connect(_page_published, dispatch_uid="pagecache-published")
    page_unpublished.connect(_page_changed, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="pagecache-moved")
    post_delete.connect(_page_changed, dispatch_uid="pagecache-page-deleted")
    pre_delete.connect(_page_deleting, dispatch_uid="pagecache-page-deleting")
    post_save.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="pagecache-privacy-saved"
    )
    post_delete.connect(
        _restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="pagecache-privacy-deleted",
    )
