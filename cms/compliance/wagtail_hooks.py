"""Admin hooks of the compliance app: the dashboard, an agency's page, the scorecard
switch, the dashboard card, the rules, and the menu item (platform admins)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from cms.tenants.scoping import is_platform_admin

from .admin.rules import ComplianceRulesGroup, PlatformAdminsOnly
from .models import ContentRule, SectionRule

# Before the viewsets: they would otherwise fall back to model permissions.
register_permission_policy(SectionRule, PlatformAdminsOnly(SectionRule))
register_permission_policy(ContentRule, PlatformAdminsOnly(ContentRule))


@hooks.register("register_admin_urls")
def compliance_urls():
    from .admin.views import AgencyComplianceView, DashboardView, ScorecardSwitchView

    return [
        path("compliance/", DashboardView.as_view(), name="compliance_dashboard"),
        path(
            "compliance/agency/<slug:slug>/",
            AgencyComplianceView.as_view(),
            name="compliance_agency",
        ),
        path(
            "compliance/scorecard/",
            ScorecardSwitchView.as_view(),
            name="compliance_scorecard_switch",
        ),
    ]


class PlatformAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return is_platform_admin(request.user)


@hooks.register("register_admin_menu_item")
def compliance_menu_item():
    return PlatformAdminMenuItem(
        _("Compliance"), reverse("compliance_dashboard"), icon_name="tasks", order=155
    )


@hooks.register("register_admin_viewset")
def register_rules():
    return ComplianceRulesGroup()


@hooks.register("construct_homepage_panels")
def compliance_panel(request, panels):
    from .admin.panels import add_panel

    add_panel(request, panels)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "birtutas.compliance.scorecard", _("Switch the public scorecard"), _("Scorecard switched")
    )


@hooks.register("insert_global_admin_css")
def compliance_admin_css():
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<link rel="stylesheet" href="{}">', static("compliance/admin.css"))
