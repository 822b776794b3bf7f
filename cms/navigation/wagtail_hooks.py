"""Snippet registration of the navigation app."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from cms.tenants.isolation.viewsets import AgencyScopedSnippetViewSet

from .models import AgencyMenu, AgencyMenuLogEntry, QuickLink, QuickLinkLogEntry


class QuickLinkViewSet(AgencyScopedSnippetViewSet):
    model = QuickLink
    icon = "link"
    menu_label = _("Quick links")
    list_display = ["title", "url", "agency", "sort_order"]
    search_fields = ["title_kk", "title_ru", "title_en", "url"]
    panels = [
        FieldPanel("agency"),
        FieldPanel("title_kk"),
        FieldPanel("title_ru"),
        FieldPanel("title_en"),
        FieldPanel("url"),
        FieldPanel("sort_order"),
    ]


register_snippet(QuickLinkViewSet)


@hooks.register("register_log_actions")
def register_quick_link_log_model(actions):
    actions.register_model(QuickLink, QuickLinkLogEntry)


class AgencyMenuViewSet(AgencyScopedSnippetViewSet):
    model = AgencyMenu
    icon = "list-ul"
    menu_label = _("Menus")
    add_to_admin_menu = False
    list_display = ["agency", "updated_at"]
    panels = [
        FieldPanel("agency"),
        FieldPanel("main_items"),
        FieldPanel("footer_columns"),
    ]


register_snippet(AgencyMenuViewSet)


@hooks.register("register_log_actions")
def register_menu_log_model(actions):
    actions.register_model(AgencyMenu, AgencyMenuLogEntry)
