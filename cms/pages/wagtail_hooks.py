"""Wagtail hooks of the pages app: the accessibility checker of previews and the editor."""

from django.urls import path, re_path
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem

from .views import copy_translation_content, news_tag_autocomplete


class WCAG22CheckerItem(ContentCheckerItem):
    """Wagtail's content checker (userbar in previews, "Checks" panel in the editor),
    running the same WCAG 2.2 A/AA rules as the browser tests instead of Wagtail's
    short default list of rules."""

    axe_run_only = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    # Wagtail's default rules for editors (heading-order, empty-heading, p-as-heading,
    # alt-text-quality...) are best-practice rules outside these tags: keep them on
    # as well, so that editors do not lose the hints they had.
    axe_rules = {rule: {"enabled": True} for rule in ContentCheckerItem.axe_run_only}


@hooks.register("construct_wagtail_userbar")
def use_wcag22_checker(request, items, page=None):
    for position, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, WCAG22CheckerItem):
            items[position] = WCAG22CheckerItem(in_editor=item.in_editor)


@hooks.register("register_admin_urls")
def news_tag_urls():
    return [
        path(
            "news-tags/autocomplete/",
            news_tag_autocomplete,
            name="pages_news_tag_autocomplete",
        )
    ]


@hooks.register("register_admin_urls", order=-1)
def checked_translation_copy():
    # order=-1: before wagtail_modeltranslation's own pattern for the same path (its
    # app comes first in INSTALLED_APPS), so its view only runs on checked input.
    return [
        re_path(
            r"^pages/(?P<page_id>\d+)/edit/copy_translation_content/$",
            copy_translation_content,
            name="pages_copy_translation_content",
        )
    ]
