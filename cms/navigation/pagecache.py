"""Page cache invalidation when an agency's menu, footer or quick links change
(mechanism: cms.core.pagecache): the agency's pages on every host and language."""

from django.db.models.signals import post_delete, post_save

from cms.core import pagecache
from cms.tenants.models import Agency
from cms.tenants.pagecache import invalidate_agency_pages

from .models import AgencyMenu, QuickLink


def _agency_navigation_changed(instance, **kwargs):
    if not pagecache.enabled():
        return
    home_path = (
        Agency.objects.filter(pk=instance.agency_id)
        .values_list("home_page__path", flat=True)
        .first()
    )
    if home_path:
        invalidate_agency_pages(home_path)


def connect() -> None:
    for model in (AgencyMenu, QuickLink):
        name = model._meta.model_name
        post_save.connect(
            _agency_navigation_changed, sender=model, dispatch_uid=f"pagecache-{name}-saved"
        )
        post_delete.connect(
            _agency_navigation_changed, sender=model, dispatch_uid=f"pagecache-{name}-deleted"
        )
