"""Admin views of the pages app."""

from django.http import JsonResponse
from taggit.models import Tag

from cms.tenants.isolation.querysets import scope_pages

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
