"""What an agency's home page shows, cached per agency, language and site under the
chrome versions (cms.core.chrome): the news cards, the sections, the key services,
the head of the agency and the quick links are plain parameters (dicts of titles and
URLs), built from the database once per version instead of on every render.

The agency's version is replaced when any page of the agency is published,
unpublished, moved or deleted and when its menus or quick links change
(cms.navigation.signals), and when an image or document of its collection is
replaced or deleted (`connect()`: the news cards link renditions); the platform's
when an agency record (contacts, name), a site or privacy changes. Both versions
are in every key, so a value is never read after one of those changes. Values carry
URLs, which depend on the site being served (relative on the page's own site,
absolute elsewhere): the site is in the key too.

A page's own parts (`cached_for_page`: its body, breadcrumbs, foot and Open Graph
as rendered HTML, a news item's tags and links, one page of the legal-acts register
for one choice of filters) are kept the same way, and under the page itself, its top
page's routing version (a plain save), the path asked and what else of the request
they show (visually-impaired settings, script, the host for absolute addresses).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.models import Site

from cms.core import chrome
from cms.tenants.models import Agency
from cms.tenants.scoping import agency_home_path

from .routing import top_scope

T = TypeVar("T")


def cached_for_agency(
    name: str,
    page,
    request,
    build: Callable[[], T],
    parts: tuple = (),
    scopes: tuple = (),
    keep: Callable[[T], bool] | None = None,
) -> T:
    """`build()` cached under `name`, the agency of `page` (its home page or any page
    below it), the active language and the site of `request` (and `parts`, under the
    versions of `scopes` too; unless `keep` says a value is not worth keeping)."""
    home_path = agency_home_path(page)
    if home_path is None:
        return build()
    site = Site.find_for_request(request) if request is not None else None
    return chrome.cached(
        (
            "agency-home",
            name,
            home_path,
            translation.get_language() or "",
            site.pk if site else "",
            *parts,
        ),
        (chrome.GLOBAL, home_path, *scopes),
        build,
        keep=keep,
    )


def cached_for_page(
    name: str,
    page,
    request,
    build: Callable[[], T],
    variant: str = "",
    absolute: bool = False,
    keep: Callable[[T], bool] | None = None,
) -> T:
    """`build()` (a part of `page` as served to `request`: its HTML, its context)
    cached as `cached_for_agency` caches it, and under the page itself, its top
    page's routing version (cms.pages.routing: a plain save of the page retires it,
    as it retires the page object served), the path asked and `variant` (what else
    of the request the part shows: the visually-impaired settings, the script).
    Built afresh, never kept, for a preview or without a request, or when `keep`
    says so.

    `absolute`: the part holds addresses built from the request's own scheme and host
    (share links, Open Graph): kept per host, and only for a host the platform
    knows (its site's hostname, or one named in ALLOWED_HOSTS), so that made-up
    Host headers fill no cache; built afresh for any other.

    For what the page's published fields and its agency's cached values determine,
    the same for every visitor allowed to see the page (the page is served only after
    Wagtail's privacy check, and the part only ever appears on this page): nothing of
    the visitor (no CSRF token, no user), nothing of the query string."""
    if request is None or getattr(request, "is_preview", False) or not page.pk:
        return build()
    address = request.path
    if absolute:
        host = request.get_host()
        if not known_host(host, Site.find_for_request(request)):
            return build()
        address = f"{request.scheme}://{host}{address}"
    digest = hashlib.sha256(f"{address}|{variant}".encode()).hexdigest()[:32]
    route = top_scope(page.url_path or "")
    return cached_for_agency(
        name,
        page,
        request,
        build,
        parts=(page.pk, page.live_revision_id or "", digest),
        scopes=(route,) if route else (),
        keep=keep,
    )


def known_host(host: str, site) -> bool:
    """`host` (with its port, as the request names it) is the site's own or listed in
    ALLOWED_HOSTS as it is (not a pattern): a bounded set."""
    if site is not None and host in (site.hostname, f"{site.hostname}:{site.port}"):
        return True
    return host in settings.ALLOWED_HOSTS and host not in ("*",) and not host.startswith(".")


def _media_changed(instance, created=False, **kwargs) -> None:
    """An image or document was replaced, renamed or deleted: the cached cards of the
    agency whose collection holds it may link its old renditions (new uploads are on
    no card yet). The portal's own media: the platform's version."""
    if created:
        return
    home_path = (
        Agency.objects.filter(collection_id=instance.collection_id)
        .values_list("home_page__path", flat=True)
        .first()
    )
    chrome.bump(home_path or chrome.GLOBAL)


def connect() -> None:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    for model in (get_image_model(), get_document_model()):
        name = model._meta.label_lower
        post_save.connect(_media_changed, sender=model, dispatch_uid=f"agency-cache-{name}-saved")
        post_delete.connect(
            _media_changed, sender=model, dispatch_uid=f"agency-cache-{name}-deleted"
        )
