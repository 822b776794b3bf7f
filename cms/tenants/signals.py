"""What retires the chrome cache (cms.core.chrome) at the tenants floor: an agency
(its name, colour, parent, host, status are in every page of its site, in its
subordinates' headers and in the cached agency of a path, with its logo), a site
(the cached Site of a host) or an old host name (cms.tenants.moved) changing retires
the platform's version, so does an edited or deleted image that is an agency's logo.
Rare admin actions."""

from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Site

from cms.core import chrome

from .models import Agency, AgencyHostRedirect


def _platform_changed(**kwargs):
    chrome.bump(chrome.GLOBAL)


def _image_saved(instance, created=False, **kwargs):
    if not created and Agency.objects.filter(logo_id=instance.pk).exists():
        chrome.bump(chrome.GLOBAL)


def _image_deleted(**kwargs):
    # The logo's foreign key is already cleared (SET_NULL): it may have been one.
    chrome.bump(chrome.GLOBAL)


def connect() -> None:
    image = get_image_model()
    post_save.connect(_image_saved, sender=image, dispatch_uid="chrome-logo-saved")
    post_delete.connect(_image_deleted, sender=image, dispatch_uid="chrome-logo-deleted")
    for model in (Agency, Site, AgencyHostRedirect):
        name = model._meta.label_lower
        post_save.connect(_platform_changed, sender=model, dispatch_uid=f"chrome-{name}-saved")
        post_delete.connect(_platform_changed, sender=model, dispatch_uid=f"chrome-{name}-deleted")
