"""Wagtail hooks that keep an agency's editors inside their agency.

Pages are scoped by Wagtail's tree permissions; images and documents by collection
permissions. The hooks below close what those leave open: choosers and searches
that list everything, bulk actions, and reports.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail import hooks
from wagtail.models import Page

from ..models import Agency
from ..scoping import agencies_for_user
from ..usage import live_pages_using
from . import filters, reports
from .bulk_actions import SCOPED_BULK_ACTIONS
from .querysets import (
    object_is_visible,
    page_is_in_own_agency,
    scope_collection_objects,
    scope_pages,
)

reports.install()
filters.install()


@hooks.register("construct_explorer_page_queryset")
def scope_explorer(parent_page, pages, request):
    return scope_pages(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def scope_page_chooser(pages, request):
    return scope_pages(pages, request.user)


@hooks.register("construct_image_chooser_queryset")
def scope_image_chooser(images, request):
    return scope_collection_objects(images, request.user)


@hooks.register("construct_document_chooser_queryset")
def scope_document_chooser(documents, request):
    return scope_collection_objects(documents, request.user)


@hooks.register("filter_form_submissions_for_user")
def scope_form_pages(user, pages):
    return scope_pages(pages, user)


for _action_class in SCOPED_BULK_ACTIONS:
    # A later order wins: the registry keeps the last class per model and action.
    hooks.register("register_bulk_action", _action_class, order=100)


@hooks.register("before_bulk_action")
def refuse_foreign_bulk_objects(request, action_type, objects, action_class_instance):
    if not all(object_is_visible(obj, request.user) for obj in objects):
        raise PermissionDenied


@hooks.register("before_move_page")
def refuse_move_out_of_agency(request, page, destination):
    if not page_is_in_own_agency(destination, request.user):
        raise PermissionDenied


@hooks.register("before_copy_page")
def refuse_copy_out_of_agency(request, page):
    parent_id = request.POST.get("new_parent_page") if request.method == "POST" else None
    if not parent_id:
        return None
    destination = Page.objects.filter(pk=parent_id).first()
    if destination is not None and not page_is_in_own_agency(destination, request.user):
        raise PermissionDenied
    return None


@hooks.register("before_serve_document")
def hide_documents_of_archived_agencies(document, request):
    """An archived agency keeps its files, but no longer publishes them; its own
    editors (and platform admins) can still download them from the admin. The files
    of its legal acts, which stay live (the law keeps them reachable), keep answering:
    `cms.tenants.media` then checks them like any file of a live page."""
    agency = Agency.objects.filter(collection_id=document.collection_id).first()
    if agency is None or not agency.is_archived:
        return None
    if agencies_for_user(request.user).filter(pk=agency.pk).exists():
        return None
    if live_pages_using(document).exists():
        return None
    raise Http404("This document is no longer published.")
