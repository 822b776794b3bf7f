"""The pages along a URL path, cached (cms.core.chrome): Wagtail's routing asks the
database for a child by slug and then its specific row at every level; `BasePage.route`
fetches the whole path in one query, and this module keeps that query's answer and
the specific page it serves (`specific_page`), so a warm request reads no page from
the database.

A value is stored under the URL path and the versions of the platform and of the
path's *top* page (the agency home or portal page it starts with, by its url_path).
Publishing, unpublishing, moving or deleting a page replaces its top page's version,
and the platform's for a page at the top of the tree (`connect()`); only complete
answers are kept (a path that does not exist is looked up again every time, so made-up
URLs fill no cache). A page saved without being published (a draft, a script's
`save()`) replaces its top page's version too: the specific page kept is the row as
saved. Each request gets its own copy of a kept page (chrome.cached unpickles one),
never an object another request changed; privacy is not in the kept values (Wagtail's
check before serving reads cms.pages.privacy, whose changes replace the platform's
version, which is in every key here too).
"""

from __future__ import annotations

import hashlib

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.core import chrome

# Depth of the top pages (agency homes, portal pages): Root → portal home → top.
TOP_DEPTH = 3


def top_scope(url_path: str) -> str | None:
    """The version scope of the top page of `url_path` ("/portal/<top>/..."), or None
    above the top pages."""
    parts = url_path.strip("/").split("/")
    if len(parts) < TOP_DEPTH - 1:
        return None
    return "route:/" + "/".join(parts[: TOP_DEPTH - 1]) + "/"


def path_pages(root: Page, path_components: list[str]) -> dict[str, Page]:
    """{url_path: page} of the live and draft pages below `root` on the path (base
    `Page` objects, as the query returns them), from the cache when the whole path
    was found before."""
    prefixes = [
        root.url_path + "/".join(path_components[: n + 1]) + "/"
        for n in range(len(path_components))
    ]

    def fetch() -> dict[str, Page]:
        return {
            page.url_path: page
            for page in Page.objects.filter(
                url_path__in=prefixes,
                path__startswith=root.path,
                depth__gt=root.depth,
                depth__lte=root.depth + len(path_components),
            )
        }

    scope = top_scope(prefixes[0])
    if scope is None:
        return fetch()
    digest = hashlib.sha256("/".join(path_components).encode()).hexdigest()[:32]
    return chrome.cached(
        ("route", root.path, digest),
        (chrome.GLOBAL, scope),
        fetch,
        keep=lambda found: len(found) == len(prefixes),
    )


def specific_page(page: Page) -> Page:
    """`page.specific` (the page to serve, found by `path_pages`), from the cache under
    the versions of the platform and of its top page. Raises Page.DoesNotExist for a
    page deleted since its path was cached outside the signals."""
    scope = top_scope(page.url_path)
    if scope is None:
        return page.specific
    specific_class = page.specific_class
    if specific_class is None or isinstance(page, specific_class):
        return page.specific
    specific = chrome.cached(
        ("route-page", page.pk, page.content_type_id),
        (chrome.GLOBAL, scope),
        lambda: specific_class._default_manager.get(pk=page.pk),
    )
    # As Wagtail's `specific` does: what was set on the routed page (its parent).
    for name, value in page.__dict__.items():
        specific.__dict__.setdefault(name, value)
    return specific


def _page_saved(instance, **kwargs):
    if not isinstance(instance, Page):
        return
    scope = top_scope(instance.url_path or "")
    if scope:
        chrome.bump(scope)


def _page_changed(instance, **kwargs):
    if not isinstance(instance, Page):
        return
    if instance.depth <= TOP_DEPTH:
        chrome.bump(chrome.GLOBAL)
    scope = top_scope(instance.url_path or "")
    if scope:
        chrome.bump(scope)


def _page_moved(instance, url_path_before=None, **kwargs):
    _page_changed(instance)
    if url_path_before:
        scope = top_scope(url_path_before)
        if scope:
            chrome.bump(scope)


def connect() -> None:
    page_published.connect(_page_changed, dispatch_uid="routing-published")
    page_unpublished.connect(_page_changed, dispatch_uid="routing-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="routing-moved")
    post_delete.connect(_page_changed, dispatch_uid="routing-page-deleted")
    post_save.connect(_page_saved, dispatch_uid="routing-page-saved")
