"""The foot of every page of an agency's site: when its text last changed, share
links, and "Was this page useful?" (cms.feedback). Built here, on the themes floor,
from the presenters of the page_updated, share_links and page_feedback components."""

from django import template
from django.urls import reverse

from cms.core.components.page_feedback import page_feedback
from cms.core.components.page_updated import page_updated
from cms.core.components.share_links import share_links
from cms.feedback.updates import last_updated

register = template.Library()


@register.simple_tag(takes_context=True)
def page_foot(context, page):
    """{updated, share, feedback}: the parameters of the three components. The
    same for every visitor of the page (it is cached whole)."""
    request = context.get("request")
    language = context.get("content_lang") or context.get("LANGUAGE_CODE")
    foot = {"updated": page_updated(last_updated(page, language)), "share": {}, "feedback": {}}
    if request is None or getattr(request, "is_preview", False):
        return foot
    url = request.build_absolute_uri(request.path)
    foot["share"] = share_links(url, page.seo_title or page.title)
    if context.get("agency") is not None:
        action = reverse("page-feedback", args=[page.pk])
        foot["feedback"] = page_feedback(
            action,
            token_url=reverse("page-feedback-token", args=[page.pk]),
            report_url=f"{action}#id_message",
        )
    return foot
