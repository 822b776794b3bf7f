"""Invalidation of the cached menus (see menus.py for the versions)."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.pages.models import AgencyHomePage
from cms.tenants.scoping import AGENCY_HOME_DEPTH, agency_home_path

from . import menus
from .models import AgencyMenu, QuickLink


def _page_changed(instance, **kwargs):
    if not isinstance(instance, Page):
        return
    if instance.depth <= AGENCY_HOME_DEPTH:
        # Portal pages, agency home pages: titles and slugs seen by every site.
        menus.bump(menus.GLOBAL)
    path = agency_home_path(instance)
    if path:
        menus.bump(path)


def _page_moved(instance, url_path_before=None, **kwargs):
    _page_changed(instance)
    # The old position's agency, too (a move out of a section changes its submenu).
    parent_before = kwargs.get("parent_page_before")
    if parent_before is not None:
        _page_changed(parent_before)


def _menu_changed(instance, **kwargs):
    home_path = (
        AgencyHomePage.objects.filter(agency_record_id=instance.agency_id)
        .values_list("path", flat=True)
        .first()
    )
    if home_path:
        menus.bump(home_path)


def _sites_changed(**kwargs):
    menus.bump(menus.GLOBAL)


def connect() -> None:
    page_published.connect(_page_changed, dispatch_uid="navigation-published")
    page_unpublished.connect(_page_changed, dispatch_uid="navigation-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="navigation-moved")
    post_delete.connect(_page_changed, dispatch_uid="navigation-page-deleted")
    post_save.connect(_menu_changed, sender=AgencyMenu, dispatch_uid="navigation-menu-saved")
    post_delete.connect(_menu_changed, sender=AgencyMenu, dispatch_uid="navigation-menu-deleted")
    # Quick links are shown on the agency's home page (cms.pages.agency_cache).
    post_save.connect(_menu_changed, sender=QuickLink, dispatch_uid="navigation-quicklink-saved")
    post_delete.connect(
        _menu_changed, sender=QuickLink, dispatch_uid="navigation-quicklink-deleted"
    )
    post_save.connect(_sites_changed, sender=Site, dispatch_uid="navigation-site-saved")
    post_delete.connect(_sites_changed, sender=Site, dispatch_uid="navigation-site-deleted")
