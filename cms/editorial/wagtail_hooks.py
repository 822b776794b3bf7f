"""Admin hooks of the editorial workflow: the submit button, the dashboard's
"Awaiting your review" panel (in one query, see `moderation`), the reports, the
language column of the page explorer."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .moderation import replace_moderation_panel
from .workflow import rename_submit_item


@hooks.register("construct_page_action_menu")
def submit_to_moderators(menu_items, request, context):
    rename_submit_item(menu_items)


@hooks.register("construct_homepage_panels")
def moderation_panel_in_one_query(request, panels):
    replace_moderation_panel(panels)


@hooks.register("register_admin_urls")
def editorial_urls():
    from django.urls import path

    from .audit import AgencyAuditLogView
    from .languages import MissingLanguagesReportView

    return [
        path(
            "reports/agency-audit-log/",
            AgencyAuditLogView.as_view(),
            name="editorial_audit_log",
        ),
        path(
            "reports/agency-audit-log/results/",
            AgencyAuditLogView.as_view(results_only=True),
            name="editorial_audit_log_results",
        ),
        path(
            "reports/missing-languages/",
            MissingLanguagesReportView.as_view(),
            name="editorial_missing_languages",
        ),
        path(
            "reports/missing-languages/results/",
            MissingLanguagesReportView.as_view(results_only=True),
            name="editorial_missing_languages_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def audit_log_menu_item():
    return MenuItem(
        _("Agency audit log"),
        reverse("editorial_audit_log"),
        name="agency-audit-log",
        icon_name="history",
        order=990,
    )


@hooks.register("register_reports_menu_item")
def missing_languages_menu_item():
    return MenuItem(
        _("Pages missing a language"),
        reverse("editorial_missing_languages"),
        name="missing-languages",
        icon_name="globe",
        order=995,
    )


@hooks.register("insert_global_admin_css")
def editorial_admin_css():
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<link rel="stylesheet" href="{}">', static("editorial/admin.css"))


@hooks.register("after_edit_page")
def say_what_happened(request, page):
    """After a workflow action or a submission, say which (see `publishing`)."""
    from .publishing import replace_confirmation

    replace_confirmation(request, page)
