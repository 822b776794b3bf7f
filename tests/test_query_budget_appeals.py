"""Query budget of a form page: the form (default fields plus a choice field), the
form with errors, and the confirmation stay under a fixed number of SQL queries."""

import pytest

from cms.appeals.models import FormField
from tests.appeals_helpers import make_form_page, valid_data

pytestmark = pytest.mark.django_db

URL = "/ru/agency-a/appeals/online-appeal/"
# Measured: 21 for the form and the form with errors, 15 for the confirmation (SQLite;
# most are the site chrome: header, navigation, breadcrumbs). The form fields are
# read once.
BUDGET = 22


@pytest.fixture
def realistic_page(agency_a):
    page = make_form_page(agency_a)
    FormField.objects.create(
        page=page,
        sort_order=10,
        field_type="dropdown",
        clean_name="district",
        label_kk="Аудан",
        label_ru="Район",
        label_en="District",
        choices_kk="Орталық\nСолтүстік\nОңтүстік",
        choices_ru="Центральный\nСеверный\nЮжный",
    )
    return page


def test_form_rendering_stays_within_budget(client, realistic_page, django_assert_max_num_queries):
    client.get(URL)  # warm the per-process caches (site root paths)
    with django_assert_max_num_queries(BUDGET):
        response = client.get(URL)
    assert response.status_code == 200


def test_form_with_errors_stays_within_budget(
    client, realistic_page, django_assert_max_num_queries
):
    client.get(URL)
    with django_assert_max_num_queries(BUDGET):
        response = client.post(URL, {})
    assert response.status_code == 200


def test_submission_and_confirmation_stay_within_budget(
    client, realistic_page, django_assert_max_num_queries
):
    client.get(URL)
    with django_assert_max_num_queries(BUDGET):
        response = client.post(URL, valid_data(realistic_page, district="Орталық"))
    assert response.status_code == 302
    with django_assert_max_num_queries(BUDGET):
        assert client.get(response["Location"]).status_code == 200
