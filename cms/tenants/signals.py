"""What retires the chrome cache (cms.core.chrome) at the tenants floor: an agency
(its name, colour, parent, host, status are in every page of its site, in its
subordinates' headers and in the cached agency of a path) or a site (the cached
Site of a host) changing retires the platform's version. Rare admin actions."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Site

from cms.core import chrome

from .models import Agency


def _platform_changed(**kwargs):
    chrome.bump(chrome.GLOBAL)


def connect() -> None:
    for model in (Agency, Site):
        name = model._meta.label_lower
        post_save.connect(_platform_changed, sender=model, dispatch_uid=f"chrome-{name}-saved")
        post_delete.connect(_platform_changed, sender=model, dispatch_uid=f"chrome-{name}-deleted")
