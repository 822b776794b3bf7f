"""The recycle bin in the admin: one listing, Restore and Delete permanently.

Editors and moderators see their agencies' items; platform admins see every agency's
and filter by one. An item of another agency is a 404, whatever the method."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.tenants.no_language_redirect_urls import NO_LANGUAGE_REDIRECT_URLCONF
from cms.tenants.scoping import agencies_for_user, is_platform_admin

from . import service
from .models import RecycledItem


def _agencies(user):
    return agencies_for_user(user)


def _item(request, item_id) -> RecycledItem:
    item = (
        RecycledItem.objects.filter(pk=item_id, agency__in=_agencies(request.user))
        .select_related("agency")
        .first()
    )
    if item is None:
        # A plain 404: not redirected to /<lang>/admin/… by LocaleMiddleware.
        request.urlconf = NO_LANGUAGE_REDIRECT_URLCONF
        raise Http404
    return item


def index(request):
    agencies = _agencies(request.user).order_by("slug")
    if not is_platform_admin(request.user) and not agencies.exists():
        raise PermissionDenied
    items = RecycledItem.objects.filter(agency__in=agencies).select_related("agency", "deleted_by")
    chosen = request.GET.get("agency") or ""
    if chosen:
        items = items.filter(agency__slug=chosen)
    return TemplateResponse(
        request,
        "recyclebin/index.html",
        {
            "items": items[:500],
            "agencies": agencies,
            "chosen": chosen,
            "show_agency_filter": is_platform_admin(request.user),
            "keep_days": service.KEEP_DAYS,
            "page_title": _("Recycle bin"),
            "header_title": _("Recycle bin"),
            "header_icon": "bin",
        },
    )


@require_POST
def restore(request, item_id):
    item = _item(request, item_id)
    try:
        result = service.restore(item, user=request.user)
    except service.RecycleError as error:
        messages.error(request, str(error))
        return redirect("recyclebin:index")
    if result.drafts:
        messages.success(
            request,
            _("“%(title)s” restored; %(count)s pages are drafts to submit for moderation.")
            % {"title": item.title, "count": result.drafts},
        )
    else:
        messages.success(request, _("“%(title)s” restored.") % {"title": item.title})
    return redirect("recyclebin:index")


@require_POST
def delete(request, item_id):
    item = _item(request, item_id)
    service.delete_permanently(item, user=request.user)
    messages.success(request, _("“%(title)s” deleted permanently.") % {"title": item.title})
    return redirect("recyclebin:index")
