"""Every spreadsheet export of the admin goes into the audit log (issue 12, item 4).

Wagtail's SpreadsheetExportMixin writes every CSV and XLSX export of the admin: form
submissions, the stock reports (locked pages, aging pages, site history, workflows)
and the project's reports built on Wagtail's ReportView. `install()` (EditorialConfig
.ready) wraps its `as_spreadsheet`, so that each export records who exported what, of
which agency (the form page's agency; otherwise the agencies the user works for, which
scope every report), and how many rows, through `cms.accounts.audit.record_export`.
Exports written outside the mixin (the search-query report) call `record_export`
themselves.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

from cms.accounts.audit import record_export
from cms.tenants.scoping import agencies_for_user, agency_for_page, is_platform_admin

_original_as_spreadsheet = SpreadsheetExportMixin.as_spreadsheet


def _row_count(rows) -> int:
    count = getattr(rows, "count", None)
    if callable(count) and not isinstance(rows, list | tuple):
        try:
            return count()
        except TypeError:  # a list-like whose count() wants an argument
            pass
    return len(rows)


def exported_agencies(view) -> list[str]:
    form_page = getattr(view, "form_page", None)
    if form_page is not None:
        agency = agency_for_page(form_page)
        return [agency.slug] if agency is not None else []
    user = view.request.user
    if is_platform_admin(user):
        return []  # the whole platform
    return list(agencies_for_user(user).values_list("slug", flat=True))


def _audited_as_spreadsheet(self, queryset, spreadsheet_format):
    response = _original_as_spreadsheet(self, queryset, spreadsheet_format)
    if response is not None:
        match = getattr(self.request, "resolver_match", None)
        record_export(
            self.request,
            what=(match.view_name if match and match.view_name else type(self).__name__),
            file_format=spreadsheet_format,
            rows=_row_count(queryset),
            agencies=exported_agencies(self),
        )
    return response


def install() -> None:
    SpreadsheetExportMixin.as_spreadsheet = _audited_as_spreadsheet
