"""CSV cells that spreadsheet programs will not run as formulas.

A cell starting with = + - @ (or tab / carriage return, which some programs skip
before reading one of those) is a formula in Excel and LibreOffice: an anonymous
visitor's search query or appeal text "=HYPERLINK(...)" would become a live link in
an editor's spreadsheet. Such cells get a leading apostrophe (OWASP's advice).

`install()` (CoreConfig.ready) applies it to Wagtail's SpreadsheetExportMixin, which
every admin CSV export uses: form submissions, reports, the project's reports built
on Wagtail's ReportView. Wagtail's XLSX export already stores such cells as text.
Other CSV writers call `neutralise` on each cell (search/admin_views.py).
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralise_row(values):
    return [neutralise(value) for value in values]


_original_write_csv_row = SpreadsheetExportMixin.write_csv_row
_original_get_heading = SpreadsheetExportMixin.get_heading


def _safe_write_csv_row(self, writer, row_dict):
    return writer.writerow(
        {
            field: neutralise(self.preprocess_field_value(field, value, self.FORMAT_CSV))
            for field, value in row_dict.items()
        }
    )


def _safe_get_heading(self, queryset, field):
    return neutralise(_original_get_heading(self, queryset, field))


def install() -> None:
    SpreadsheetExportMixin.write_csv_row = _safe_write_csv_row
    SpreadsheetExportMixin.get_heading = _safe_get_heading
