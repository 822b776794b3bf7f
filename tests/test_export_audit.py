"""Every export of the admin writes a security event in the audit log: who exported
what, of which agency, how many rows (issue 12, item 4: "export" among the events).

Exports: the form submissions of an appeals page (CSV and XLSX), the search-query
report (CSV), the project's missing-languages report and Wagtail's own reports (CSV
and XLSX; every one of them goes through Wagtail's SpreadsheetExportMixin, which
cms.editorial.exports wraps).
"""

import pytest
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import ModelLogEntry

from search.querylog import record_query
from tests.appeals_helpers import make_form_page
from tests.factories import UserFactory, editor_of, moderator_of

pytestmark = pytest.mark.django_db


def exports_of(user):
    return list(
        ModelLogEntry.objects.filter(
            object_id=str(user.pk), content_type__model="user", action="accounts.export"
        ).order_by("pk")
    )


def _download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    # Read a streamed CSV to its end, as a browser would.
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)
    return response


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_form_submissions_export_is_logged(client, agency_a, file_format):
    page = make_form_page(agency_a)
    for n in range(3):
        FormSubmission.objects.create(page=page, form_data={"name": f"Азамат {n}"})
    moderator = moderator_of(agency_a)
    client.force_login(moderator)

    _download(client, f"/admin/forms/submissions/{page.pk}/?export={file_format}")

    [entry] = exports_of(moderator)
    assert entry.user_id == moderator.pk
    assert entry.data["what"] == "wagtailforms:list_submissions"
    assert entry.data["format"] == file_format
    assert entry.data["agencies"] == ["agency-a"]
    assert entry.data["rows"] == 3
    assert entry.data["ip"] == "127.0.0.1"


def test_listing_without_export_is_not_logged(client, agency_a):
    page = make_form_page(agency_a)
    moderator = moderator_of(agency_a)
    client.force_login(moderator)
    assert client.get(f"/admin/forms/submissions/{page.pk}/").status_code == 200
    assert exports_of(moderator) == []


def test_refused_export_is_not_logged_as_an_export(client, agency_a, agency_b):
    page = make_form_page(agency_a)
    intruder = moderator_of(agency_b)
    client.force_login(intruder)
    response = client.get(f"/admin/forms/submissions/{page.pk}/?export=csv")
    assert response.status_code in (302, 403, 404)
    assert exports_of(intruder) == []


def test_search_query_report_export_is_logged(client, agency_a):
    record_query("салық", "kk", "agency-a", 4)
    record_query("жоқсөз", "kk", "agency-a", 0)
    editor = editor_of(agency_a)
    client.force_login(editor)

    _download(client, "/admin/reports/search-queries/?format=csv")

    [entry] = exports_of(editor)
    assert entry.data["what"] == "search_query_report"
    assert entry.data["format"] == "csv"
    assert entry.data["agencies"] == ["agency-a"]
    # Two queries in the top list, one of them also in the zero-results list.
    assert entry.data["rows"] == 3


@pytest.mark.parametrize(
    ("url", "view_name"),
    [
        ("/admin/reports/missing-languages/", "editorial_missing_languages"),
        ("/admin/reports/locked/", "wagtailadmin_reports:locked_pages"),
        ("/admin/reports/aging-pages/", "wagtailadmin_reports:aging_pages"),
        ("/admin/reports/site-history/", "wagtailadmin_reports:site_history"),
        ("/admin/reports/workflow/", "wagtailadmin_reports:workflow"),
    ],
)
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_report_exports_are_logged(client, agency_a, url, view_name, file_format):
    moderator = moderator_of(agency_a)
    client.force_login(moderator)

    _download(client, f"{url}?export={file_format}")

    [entry] = exports_of(moderator)
    assert entry.data["what"] == view_name
    assert entry.data["format"] == file_format
    assert entry.data["agencies"] == ["agency-a"]
    assert isinstance(entry.data["rows"], int) and entry.data["rows"] >= 0


def test_platform_admin_export_covers_the_platform(client, agency_a):
    admin = UserFactory(username="export-admin", is_superuser=True)
    client.force_login(admin)
    _download(client, "/admin/reports/aging-pages/?export=csv")
    [entry] = exports_of(admin)
    assert entry.data["agencies"] == []
    assert entry.data["rows"] > 0
