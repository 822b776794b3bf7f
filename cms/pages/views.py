"""Admin views of the pages app."""

import json

from django.http import JsonResponse
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_modeltranslation.wagtail_hooks import (
    return_translation_target_field_rendered_html as render_copy,
)

from cms.core.languages import LANGUAGE_CODES
from cms.tenants.isolation.querysets import scope_pages
from cms.tenants.no_language_redirect_urls import NO_LANGUAGE_REDIRECT_URLCONF

from .models import NewsPage

TAGS_LIMIT = 10


def news_tag_autocomplete(request):
    """Tag suggestions for the news editor: only the topics of news the user may see
    (their agencies), never another agency's. Wagtail's own endpoint lists every tag."""
    term = (request.GET.get("term") or "").strip()
    if not term:
        return JsonResponse([], safe=False)
    pages = scope_pages(NewsPage.objects.all(), request.user)
    names = (
        Tag.objects.filter(
            pages_newspagetag_items__content_object__in=pages, name__istartswith=term
        )
        .distinct()
        .order_by("name")
        .values_list("name", flat=True)[:TAGS_LIMIT]
    )
    return JsonResponse(list(names), safe=False)


def copy_translation_content(request, page_id):
    """modeltranslation's "copy content from another language" (a StreamField of one
    language rendered as the form of another), with its input checked first.

    The library's view answers 500 on a GET, on a POST without its parameters, on a
    page that does not exist and on field names that are not StreamFields; and it asks
    no permission. Here: POST from the editor's script only, an editor who may edit
    the page, two translations of one StreamField of that page, and a list of
    {name, value} pairs; anything else answers 400 (403 without edit rights) with a
    message in the editor's language. Then the library's view renders the field.
    """
    if request.method != "POST" or request.headers.get("X-Requested-With") != "XMLHttpRequest":
        return _copy_refused(_("This address only answers the editor's copy button."), 405)
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        # A plain 404, not LocaleMiddleware's redirect to /<lang>/admin/...
        request.urlconf = NO_LANGUAGE_REDIRECT_URLCONF
        return _copy_refused(_("This page does not exist."), 404)
    if not page.permissions_for_user(request.user).can_edit():
        return _copy_refused(_("You may not edit this page."), 403)
    origin = request.POST.get("origin_field_name", "")
    target = request.POST.get("target_field_name", "")
    specific = page.specific_class
    fields = {f.name: f for f in specific._meta.get_fields()} if specific else {}
    origin_field, target_field = fields.get(origin), fields.get(target)
    if (
        not isinstance(origin_field, StreamField)
        or not isinstance(target_field, StreamField)
        or origin == target
        or _base_field(origin) != _base_field(target)
    ):
        return _copy_refused(_("Choose two languages of one content field of this page."))
    try:
        items = json.loads(request.POST.get("serializedOriginField", ""))
    except ValueError:
        items = None
    if not isinstance(items, list) or not all(
        isinstance(item, dict)
        and isinstance(item.get("name"), str)
        and set(item) <= {"name", "value"}
        for item in items
    ):
        return _copy_refused(_("The content to copy could not be read: reload the page."))
    try:
        return render_copy(request, page_id)
    except (ValueError, KeyError, TypeError, IndexError):
        # A value the field's blocks cannot read (rich text that is not Draftail's
        # JSON, a missing "-count"): the form was not sent by the editor as it is.
        return _copy_refused(_("The content to copy could not be read: reload the page."))


def _base_field(name: str) -> str:
    base, _sep, language = name.rpartition("_")
    return base if language in LANGUAGE_CODES else name


def _copy_refused(message: str, status: int = 400):
    return JsonResponse({"error": str(message)}, status=status)
