"""Wagtail admin of the search app: promoted results (agency-scoped snippets) and the
search query report (see `search.admin_views`)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.tenants.isolation.viewsets import AgencyScopedSnippetViewSet
from cms.tenants.scoping import is_platform_admin

from .models import AgencySynonym, PlatformSynonym, PromotedResult, PromotedResultLogEntry


class PromotedResultViewSet(AgencyScopedSnippetViewSet):
    model = PromotedResult
    icon = "pick"
    menu_label = _("Promoted search results")
    list_display = ["query", "language", "page", "agency", "sort_order"]
    list_filter = ["language"]
    search_fields = ["query"]
    panels = [
        FieldPanel("agency"),
        FieldPanel("query"),
        FieldPanel("language"),
        FieldPanel("page"),
        FieldPanel("sort_order"),
    ]


register_snippet(PromotedResultViewSet)


class PlatformAdminsOnlyPolicy(ModelPermissionPolicy):
    """Only platform admins may see or change the platform-wide synonyms."""

    def user_has_permission(self, user, action):
        return is_platform_admin(user)

    def user_has_any_permission(self, user, actions):
        return is_platform_admin(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return is_platform_admin(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return is_platform_admin(user)


class PlatformSynonymViewSet(SnippetViewSet):
    model = PlatformSynonym
    icon = "list-ul"
    menu_label = _("Search synonyms (platform)")
    list_display = ["terms", "language"]
    list_filter = ["language"]
    search_fields = ["terms"]
    panels = [FieldPanel("language"), FieldPanel("terms")]


class AgencySynonymViewSet(AgencyScopedSnippetViewSet):
    model = AgencySynonym
    icon = "list-ul"
    menu_label = _("Search synonyms (agency)")
    list_display = ["terms", "language", "agency"]
    list_filter = ["language"]
    search_fields = ["terms"]
    panels = [FieldPanel("agency"), FieldPanel("language"), FieldPanel("terms")]


register_permission_policy(
    PlatformSynonym, PlatformAdminsOnlyPolicy(PlatformSynonym), exact_class=True
)
register_snippet(PlatformSynonymViewSet)
register_snippet(AgencySynonymViewSet)


@hooks.register("register_log_actions")
def register_promoted_result_log_model(actions):
    actions.register_model(PromotedResult, PromotedResultLogEntry)


class SearchQueryReportMenuItem(MenuItem):
    def is_shown(self, request):
        from .admin_views import can_view_report

        return can_view_report(request.user)


@hooks.register("register_admin_urls")
def register_search_report_url():
    from .admin_views import SearchQueryReportView

    return [
        path(
            "reports/search-queries/",
            SearchQueryReportView.as_view(),
            name="search_query_report",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchQueryReportMenuItem(
        _("Search queries"), reverse("search_query_report"), icon_name="search", order=900
    )
