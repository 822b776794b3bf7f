"""Tag suggestions in the admin, scoped to the agency.

Wagtail's `/admin/tag-autocomplete/` lists every tag in the database, so an agency's
editor typing in a tag field would see the topics of every other agency's news,
images and documents. This view replaces it (cms/urls.py routes the same paths here
first): platform admins get Wagtail's answer; anyone else gets only tags used on
pages, images and documents they may see.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.http import JsonResponse
from taggit.models import ItemBase, Tag, TaggedItem
from wagtail.admin.views.tags import TAGS_AUTOCOMPLETE_LIMIT
from wagtail.admin.views.tags import autocomplete as wagtail_autocomplete
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from .querysets import is_unrestricted, scope_collection_objects, scope_pages


def _visible_tag_ids(user) -> set[int]:
    ids: set[int] = set()
    # Page tags: one through model per tagged page type (e.g. pages.NewsPageTag).
    for model in apps.get_models():
        if not issubclass(model, ItemBase) or model is TaggedItem:
            continue
        target = model._meta.get_field("content_object").related_model
        if not (isinstance(target, type) and issubclass(target, Page)):
            continue  # an unknown kind of tagged object: offer none of its tags
        pages = scope_pages(target.objects.all(), user)
        ids.update(
            model.objects.filter(content_object__in=pages).values_list("tag_id", flat=True)
        )
    # Images and documents use taggit's generic TaggedItem.
    for media_model in (get_image_model(), get_document_model()):
        visible = scope_collection_objects(media_model.objects.all(), user)
        ids.update(
            TaggedItem.objects.filter(
                content_type=ContentType.objects.get_for_model(media_model),
                object_id__in=visible.values("pk"),
            ).values_list("tag_id", flat=True)
        )
    return ids


def autocomplete(request, app_name=None, model_name=None):
    if is_unrestricted(request.user):
        return wagtail_autocomplete(request, app_name=app_name, model_name=model_name)
    term = (request.GET.get("term") or "").strip()
    # The platform has no tag model but taggit's: nothing to suggest from any other.
    if not term or (app_name and model_name and (app_name, model_name) != ("taggit", "tag")):
        return JsonResponse([], safe=False)
    names = (
        Tag.objects.filter(pk__in=_visible_tag_ids(request.user), name__istartswith=term)
        .order_by("name")
        .values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(names), safe=False)
