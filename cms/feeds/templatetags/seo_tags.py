"""{% seo_meta %}: Open Graph, feed links and JSON-LD for the <head> of base.html."""

from django import template
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from cms.feeds.seo import seo_data
from cms.pages.agency_cache import cached_for_page

register = template.Library()


@register.simple_tag(takes_context=True)
def seo_meta(context):
    """On a page: rendered once per version of the page and address
    (cms.pages.agency_cache.cached_for_page; what it shows is the page's published
    fields, its agency's record, the address and the language)."""
    page, request = context.get("page"), context.get("request")
    if page is None or request is None or not hasattr(page, "url_path"):
        return _render(context)
    html = cached_for_page("seo", page, request, lambda: str(_render(context)), absolute=True)
    return mark_safe(html)  # noqa: S308 (rendered by a template)


def _render(context) -> str:
    data = seo_data(context)
    if data is None:
        return ""
    return get_template("feeds/seo_meta.html").render(data)
