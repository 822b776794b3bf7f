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
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.models import Site

from cms.core import chrome
from cms.tenants.models import Agency
from cms.tenants.scoping import agency_home_path

T = TypeVar("T")


def cached_for_agency(name: str, page, request, build: Callable[[], T]) -> T:
    """`build()` cached under `name`, the agency of `page` (its home page or any page
    below it), the active language and the site of `request`."""
    home_path = agency_home_path(page)
    if home_path is None:
        return build()
    site = Site.find_for_request(request) if request is not None else None
    return chrome.cached(
        ("agency-home", name, home_path, translation.get_language() or "", site.pk if site else ""),
        (chrome.GLOBAL, home_path),
        build,
    )


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
