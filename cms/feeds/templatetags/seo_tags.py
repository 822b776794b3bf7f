"""{% seo_meta %}: Open Graph, feed links and JSON-LD for the <head> of base.html."""

from django import template
from django.template.loader import get_template

from cms.feeds.seo import seo_data

register = template.Library()


@register.simple_tag(takes_context=True)
def seo_meta(context):
    data = seo_data(context)
    if data is None:
        return ""
    return get_template("feeds/seo_meta.html").render(data)
