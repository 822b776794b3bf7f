"""Deleting a page or a document in the admin sends it to the agency's recycle bin."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Substr
from django.http import Http404
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.pages.search import SearchView as PageSearchView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.documents import get_document_model
from wagtail.documents.views.documents import DeleteView as DocumentDeleteView
from wagtail.models import Page

from cms.tenants.scoping import (
    AGENCY_HOME_DEPTH,
    agencies_for_user,
    agency_for_page,
    is_platform_admin,
)

from . import service, views

BIN_DEPTH = AGENCY_HOME_DEPTH + 1
BIN_PATH_LENGTH = BIN_DEPTH * Page.steplen

LOG_ACTIONS = {
    "recyclebin.recycle": (
        gettext_lazy("Move to recycle bin"),
        gettext_lazy("Moved to the recycle bin"),
    ),
    "recyclebin.restore": (
        gettext_lazy("Restore from recycle bin"),
        gettext_lazy("Restored from the recycle bin"),
    ),
}


class RecycleDocumentView(DocumentDeleteView):
    """Wagtail's delete confirmation for a document; confirming recycles it."""

    def delete_action(self):
        try:
            service.recycle_document(self.object, user=self.request.user)
        except service.RecycleError:
            super().delete_action()  # not an agency's document (platform files)

    def get_success_message(self):
        return _("Document “%(title)s” moved to the recycle bin for %(days)s days.") % {
            "title": self.object.title,
            "days": service.KEEP_DAYS,
        }


urlpatterns = [
    path("", views.index, name="index"),
    path("<int:item_id>/restore/", views.restore, name="restore"),
    path("<int:item_id>/delete/", views.delete, name="delete"),
]


@hooks.register("register_admin_urls")
def register_urls():
    return [
        # Before wagtail.documents' own pattern for the same path (apps' hooks run in
        # INSTALLED_APPS order, and this app comes first).
        path(
            "documents/delete/<int:document_id>/",
            RecycleDocumentView.as_view(),
            name="recyclebin_document_delete",
        ),
        path("recycle-bin/", include((urlpatterns, "recyclebin"), namespace="recyclebin")),
    ]


class RecycleBinMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return is_platform_admin(user) or agencies_for_user(user).exists()


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return RecycleBinMenuItem(
        gettext_lazy("Recycle bin"), reverse("recyclebin:index"), icon_name="bin", order=9000
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("before_delete_page")
def recycle_instead_of_deleting(request, page):
    if request.method != "POST" or agency_for_page(page) is None:
        return None
    if is_bin_path(page):
        return None
    try:
        item = service.recycle_page(page, user=request.user)
    except service.RecycleError as error:
        messages.error(request, str(error))
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    messages.success(
        request,
        _("Page “%(title)s” moved to the recycle bin for %(days)s days.")
        % {"title": item.title, "days": service.KEEP_DAYS},
    )
    return redirect("wagtailadmin_explore", item.original_parent_id)


def is_bin_path(page) -> bool:
    return service.is_bin_path(page.url_path or "")


@hooks.register("before_bulk_action")
def recycle_in_bulk(request, action_type, objects, action_class_instance):
    if action_type != "delete" or request.method != "POST":
        return None
    objects = list(objects)
    if not objects:
        return None
    document_model = get_document_model()
    if all(isinstance(obj, Page) for obj in objects):
        if any(agency_for_page(obj) is None or is_bin_path(obj) for obj in objects):
            return None
        # Parents first: a child recycled with its parent is not recycled twice.
        try:
            with transaction.atomic():  # all of them or none
                for page in sorted(objects, key=lambda obj: obj.path):
                    page.refresh_from_db()
                    if not is_bin_path(page):
                        service.recycle_page(page, user=request.user)
        except service.RecycleError as error:
            messages.error(request, str(error))
            return redirect(action_class_instance.next_url or reverse("recyclebin:index"))
    elif all(isinstance(obj, document_model) for obj in objects):
        if any(service.agency_for_collection(obj.collection_id) is None for obj in objects):
            return None
        for document in objects:
            service.recycle_document(document, user=request.user)
    else:
        return None
    messages.success(
        request,
        _("%(count)s items moved to the recycle bin for %(days)s days.")
        % {"count": len(objects), "days": service.KEEP_DAYS},
    )
    return redirect(action_class_instance.next_url or reverse("recyclebin:index"))


@hooks.register("before_serve_page")
def never_serve_the_bin(page, request, serve_args, serve_kwargs):
    if is_bin_path(page):
        raise Http404


@hooks.register("before_serve_document", order=-1)
def never_serve_recycled_documents(document, request):
    collection = document.collection
    if collection.name == service.BIN_COLLECTION and collection.depth == 2:
        raise Http404


@hooks.register("before_edit_page")
def no_editing_in_the_bin(request, page):
    if is_bin_path(page):
        messages.error(request, _("This page is in the recycle bin: restore it to edit it."))
        return redirect("recyclebin:index")
    return None


def _bin_at_prefix():
    """A filter expression: the page is an agency's recycle-bin page or lies below it.
    The bin is the page at the first BIN_PATH_LENGTH characters of the page's tree path
    (depth AGENCY_HOME_DEPTH + 1) with the bin's slug: one lookup by the unique path
    index per page tested, whatever the number of pages and agencies."""
    return Exists(
        Page.objects.filter(
            path=Substr(OuterRef("path"), 1, BIN_PATH_LENGTH),
            depth=BIN_DEPTH,
            slug=service.BIN_SLUG,
        )
    )


def _searching(request) -> bool:
    """Whether the pages go to a search backend: the listings' `q`, the admin API's
    `search`, the choosers' search views."""
    match = getattr(request, "resolver_match", None)
    if request.GET.get("q") or request.GET.get("search"):
        return True
    return match is not None and "search" in (match.url_name or "")


def _without_bins(pages, request=None):
    if request is not None and not _searching(request):
        # Browsing (a parent's children): the test runs on the listed pages only. It
        # once was a regular expression over every page's url_path (a scan of the
        # whole tree per request: the editor's page chooser cost 2.6 times as much
        # with 1,000 agencies as with 10).
        return pages.exclude(_bin_at_prefix())
    # A search backend filters by id only (it refuses an expression, and a filter on
    # a field it does not index): the ids of the pages in bins, by the same test.
    return pages.exclude(id__in=Page.objects.filter(_bin_at_prefix()).values("id"))


@hooks.register("construct_explorer_page_queryset")
def hide_the_bin_in_the_explorer(parent_page, pages, request):
    return _without_bins(pages, request)


@hooks.register("construct_page_chooser_queryset")
def hide_the_bin_in_choosers(pages, request):
    return _without_bins(pages, request)


class BinlessPageSearchView(PageSearchView):
    """Wagtail's admin page search without the recycle bins: the search walks every
    page the user may explore, and an agency's bin lies inside its subtree."""

    def annotate_queryset(self, pages):
        # Called by get_queryset before the search runs, once all_pages (the facets'
        # base) is set: both lose the bins here, while they are still querysets.
        self.all_pages = _without_bins(self.all_pages)
        return super().annotate_queryset(_without_bins(pages))


class PageViewSetWithoutBins(PageViewSet):
    search_view_class = BinlessPageSearchView


@hooks.register("register_admin_viewset", order=100)
def register_page_viewset_without_bins():
    # After wagtail.admin's own base viewset for Page (order 0): the registry keeps the
    # last one registered for a model, and every page type without a viewset of its
    # own falls back to Page's.
    return PageViewSetWithoutBins()
