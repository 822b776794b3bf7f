"""Page cache invalidation for agencies and sites (mechanism: cms.core.pagecache).

An agency's name, colour, logo, parent or status is seen beyond its own pages (the
portal's directory, its subordinates' cards, every footer), and a site change
re-routes hosts: both retire the whole platform's stored pages. They are rare admin
actions. `invalidate_agency_pages` is what a change inside one agency's site retires
(its pages call it from cms.pages.pagecache, its menus from cms.navigation.pagecache,
its images and documents from here).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Site

from cms.core import pagecache

from .models import Agency


def _hostnames(agency: Agency) -> set[str]:
    hosts = {agency.hostname} if agency.hostname else set()
    if agency.site_id:
        hosts |= set(Site.objects.filter(pk=agency.site_id).values_list("hostname", flat=True))
    return hosts


def invalidate_agency_pages(home_path: str, *, portal: bool = False) -> bool:
    """Retire the stored pages of the agency whose home page is at `home_path`: its
    path on the portal's hosts in every language, its own host, the sitemap index.
    `portal`: the portal's listings (its front page) too. False when no agency has
    its home there (the caller then decides)."""
    agency = Agency.objects.filter(home_page__path=home_path).select_related("home_page").first()
    if agency is None:
        return False
    segments = {agency.home_page.slug, "sitemap.xml"}
    if portal:
        segments.add("")
    pagecache.invalidate(segments=segments, hostnames=_hostnames(agency))
    return True


def invalidate_agency(agency: Agency) -> None:
    """An agency record changed: everything (see the module doc), and the CDN is told
    which agency and host it was."""
    pagecache.invalidate(everything=True, segments={agency.slug}, hostnames=_hostnames(agency))


def _agency_saved(instance, **kwargs):
    if not pagecache.enabled():
        return
    invalidate_agency(instance)


def _agency_deleted(instance, **kwargs):
    if not pagecache.enabled():
        return
    pagecache.invalidate(everything=True, segments={instance.slug}, hostnames={instance.hostname})


def _site_changed(instance, **kwargs):
    if not pagecache.enabled():
        return
    pagecache.invalidate(everything=True, hostnames={instance.hostname})


def _media_changed(instance, created=False, **kwargs):
    """An image or document was replaced, renamed or deleted: the pages of the agency
    whose collection holds it link to its renditions or its file name. New uploads are
    not on any page yet."""
    if created or not pagecache.enabled():
        return
    home_path = (
        Agency.objects.filter(collection_id=instance.collection_id)
        .values_list("home_page__path", flat=True)
        .first()
    )
    if not (home_path and invalidate_agency_pages(home_path)):
        pagecache.invalidate(everything=True)  # the portal's own media


def connect() -> None:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    for model in (get_image_model(), get_document_model()):
        name = model._meta.label_lower
        post_save.connect(_media_changed, sender=model, dispatch_uid=f"pagecache-{name}-saved")
        post_delete.connect(_media_changed, sender=model, dispatch_uid=f"pagecache-{name}-deleted")
    post_save.connect(_agency_saved, sender=Agency, dispatch_uid="pagecache-agency-saved")
    post_delete.connect(_agency_deleted, sender=Agency, dispatch_uid="pagecache-agency-deleted")
    post_save.connect(_site_changed, sender=Site, dispatch_uid="pagecache-site-saved")
    post_delete.connect(_site_changed, sender=Site, dispatch_uid="pagecache-site-deleted")
