"""The pages along a URL path, cached (cms.core.chrome): Wagtail's routing asks the
database for a child by slug and then its specific row at every level; `BasePage.route`
fetches the whole path in one query, and this module keeps that query's answer, so a
warm request only fetches the page it serves (its specific row).

A value is stored under the URL path and the versions of the platform and of the
path's *top* page (the agency home or portal page it starts with, by its url_path).
Publishing, unpublishing, moving or deleting a page replaces its top page's version,
and the platform's for a page at the top of the tree (`connect()`); only complete
answers are kept (a path that does not exist is looked up again every time, so made-up
URLs fill no cache).
"""

from __future__ import annotations

import hashlib

from django.db.models.signals import post_delete
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
