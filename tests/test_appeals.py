"""Form pages (citizens' appeals): rendering in kk/ru/en, submitting, errors in the
page's language, spam protection, the email to the agency and the confirmation.

Tree used by every test (tests/conftest.py, tests/appeals_helpers.py):

    portal → agency-a (email info@agency.gov.kz)
               └── appeals (SectionPage) → online-appeal (FormPage, default fields)
"""

import time

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext
from wagtail.contrib.forms.models import FormSubmission

from cms.appeals.forms import started_token
from cms.appeals.models import FormField, FormPage
from tests.appeals_helpers import make_form_page, valid_data
from tests.test_theme import assert_no_inline_code

pytestmark = pytest.mark.django_db

LANGS = ("kk", "ru", "en")
URL = "/{lang}/agency-a/appeals/online-appeal/"


@pytest.fixture
def form_page(agency_a):
    return make_form_page(agency_a)


def _t(lang, msgid, **params):
    with translation.override(lang):
        text = gettext(msgid)
    return text % params if params else text


def _html(response):
    return response.content.decode()


# --- creation -------------------------------------------------------------------------
def test_new_form_page_gets_the_default_fields_and_the_agency_email(form_page):
    fields = list(form_page.form_fields.all())
    assert [f.clean_name for f in fields] == [
        "name",
        "email",
        "phone",
        "subject",
        "message",
        "consent",
    ]
    assert [f.field_type for f in fields] == [
        "singleline",
        "email",
        "phone",
        "singleline",
        "multiline",
        "checkbox",
    ]
    for field in fields:
        assert field.label_kk and field.label_ru and field.label_en
    assert form_page.to_address == "info@agency.gov.kz"
    # The live revision holds the fields too (publishing a revision must not drop them).
    assert len(form_page.live_revision.as_object().form_fields.all()) == 6


def test_form_page_created_with_its_own_fields_keeps_them(agency_a):
    section = agency_a.home_page.get_children().get(slug="appeals").specific
    page = FormPage(slug="short", title_kk="Қысқа", title_ru="Короткая")
    page.form_fields = [FormField(label_kk="Пікір", label_ru="Отзыв", field_type="multiline")]
    section.add_child(instance=page)
    assert [f.label_ru for f in page.form_fields.all()] == ["Отзыв"]
    # Without an agency email there is nobody to default to.
    assert page.to_address == ""


def test_clean_name_does_not_depend_on_the_editor_language():
    field = FormField(label_kk="Аты-жөні", label_ru="Имя", label_en="Your name")
    with translation.override("kk"):
        assert field.get_field_clean_name() == "your_name"
    field = FormField(label_kk="Аты-жөні", label_ru="Имя")
    with translation.override("en"):
        assert field.get_field_clean_name() == "imya"
    assert FormField(label_en="Website URL").get_field_clean_name() == "website_url_field"


# --- rendering ------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_form_renders_in_every_language(client, form_page, lang):
    response = client.get(URL.format(lang=lang))
    assert response.status_code == 200
    html = _html(response)
    assert_no_inline_code(html, lang)
    assert html.count("<h1") == 1
    assert f'<html lang="{lang}"' in html
    with translation.override(lang):
        title = form_page.title
        labels = [f.label for f in form_page.form_fields.all()]
    assert f"<h1>{title}</h1>" in html
    for label in labels:
        assert label in html
    required = _t(lang, "(required)")
    assert f'<span class="form-field__required">{required}</span>' in html
    # Label, hint and control are tied together.
    assert '<label class="form-field__label" for="id_email">' in html
    assert 'aria-describedby="id_email-hint"' in html
    assert 'autocomplete="email"' in html and 'type="tel"' in html
    assert "error-summary" not in html and "aria-invalid" not in html
    # The signed fill time, the honeypot (hidden from everyone) and the CSRF token.
    assert 'name="form_started"' in html and 'name="website_url"' in html
    assert 'class="appeal-form__trap"' in html
    assert "csrfmiddlewaretoken" in html
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


# --- valid submissions ----------------------------------------------------------------
def test_valid_submission_is_stored_emailed_and_confirmed(client, form_page):
    response = client.post(URL.format(lang="en"), valid_data(form_page))
    assert response.status_code == 302
    assert response["Location"].startswith("/en/agency-a/appeals/online-appeal/?sent=")
    submission = FormSubmission.objects.get(page=form_page)
    assert submission.form_data["name"] == "Айгүл Серікова"
    assert submission.form_data["consent"] is True

    landing = client.get(response["Location"])
    assert landing.status_code == 200
    html = _html(landing)
    assert html.count("<h1") == 1
    assert f"{submission.pk:06d}" in html
    assert "Thank you! Your appeal has been registered." in html
    assert "no-cache" in landing["Cache-Control"] or "no-store" in landing["Cache-Control"]

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["info@agency.gov.kz"]
    assert message.reply_to == ["aigul@example.kz"]
    # The agency reads the email in its language (Kazakh by default), whatever
    # language the citizen used; the language of the appeal is stated.
    assert "Онлайн өтініш" in message.subject
    assert "Аты-жөніңіз: Айгүл Серікова" in message.body
    assert "Өтініштің мәтіні: Көшедегі жолды жөндеуді сұраймын." in message.body
    assert "Online appeal" not in message.body and "Full name" not in message.body
    assert f"{submission.pk:06d}" in message.body
    with translation.override("kk"):
        english = str(translation.gettext("English"))
    assert english in message.body


def test_email_language_of_the_page_is_used(client, agency_a):
    page = make_form_page(agency_a, email_language="ru")
    client.post(URL.format(lang="kk"), valid_data(page))
    body = mail.outbox[0].body
    assert "Фамилия, имя, отчество: Айгүл Серікова" in body
    assert "Онлайн-обращение" in mail.outbox[0].subject


def test_to_address_of_the_page_wins_and_falls_back_to_the_agency(client, form_page):
    FormPage.objects.filter(pk=form_page.pk).update(to_address="a@x.kz, b@x.kz")
    page = FormPage.objects.get(pk=form_page.pk)
    assert page.recipients() == ["a@x.kz", "b@x.kz"]
    FormPage.objects.filter(pk=form_page.pk).update(to_address="")
    page = FormPage.objects.get(pk=form_page.pk)
    assert page.recipients() == ["info@agency.gov.kz"]


def test_phone_alone_is_enough(client, form_page):
    data = valid_data(form_page, email="", phone="+7 (701) 234-56-78")
    response = client.post(URL.format(lang="ru"), data)
    assert response.status_code == 302
    assert FormSubmission.objects.get(page=form_page).form_data["phone"] == "+7 (701) 234-56-78"
    assert mail.outbox[0].reply_to == []


def test_a_failing_mail_server_loses_no_submission(client, form_page, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    response = client.post(URL.format(lang="kk"), valid_data(form_page))
    assert response.status_code == 302
    assert FormSubmission.objects.filter(page=form_page).count() == 1


# --- invalid submissions --------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_empty_submission_shows_errors_in_the_page_language(client, form_page, lang):
    response = client.post(URL.format(lang=lang), {"form_started": started_token(form_page.pk)})
    assert response.status_code == 200
    html = _html(response)
    assert_no_inline_code(html, lang)
    assert 'role="alert"' in html and "autofocus" in html
    assert html.count("autofocus") == 1
    assert _t(lang, "There is a problem") in html
    assert f"<title>{_t(lang, 'Error:')} " in html
    with translation.override(lang):
        labels = {f.clean_name: f.label for f in form_page.form_fields.all()}
    expected = {
        "name": _t(lang, "Fill in the field “%(label)s”.", label=labels["name"]),
        "email": _t(lang, "Give an email address or a phone number so that we can reply."),
        "subject": _t(lang, "Fill in the field “%(label)s”.", label=labels["subject"]),
        "message": _t(lang, "Fill in the field “%(label)s”.", label=labels["message"]),
        "consent": _t(lang, "Tick “%(label)s” to continue.", label=labels["consent"]),
    }
    for name, message in expected.items():
        # In the summary, as a link to the field ...
        assert f'<a href="#id_{name}">{message}</a>' in html, name
        # ... and at the field, tied to it and marked invalid.
        assert f'<p class="form-field__error" id="id_{name}-error">' in html
        assert f'id="id_{name}"' in html
    assert 'aria-invalid="true" aria-describedby="id_name-error"' in html
    assert 'aria-describedby="id_email-hint id_email-error"' in html
    assert "id_phone-error" not in html
    assert not FormSubmission.objects.exists()
    assert not mail.outbox


def test_errors_keep_what_was_typed(client, form_page):
    data = valid_data(form_page, email="aigul@", consent=None)
    html = _html(client.post(URL.format(lang="ru"), data))
    assert 'value="aigul@"' in html
    assert "Көшедегі жолды жөндеуді сұраймын.</textarea>" in html
    assert _t("ru", "Enter an email address in the form name@example.kz.") in html
    assert not FormSubmission.objects.exists()


def test_bad_phone_number(client, form_page):
    html = _html(
        client.post(URL.format(lang="kk"), valid_data(form_page, email="", phone="звоните"))
    )
    assert _t("kk", "Enter a phone number such as +7 701 234 56 78.") in html
    assert not FormSubmission.objects.exists()


def test_too_long_message_is_refused_with_a_message(client, form_page):
    html = _html(client.post(URL.format(lang="en"), valid_data(form_page, message="ы" * 5001)))
    assert (
        "at most 5000 characters" in html
        or _t(
            "en",
            "“%(label)s” must be at most %(limit)s characters long.",
            label="Your message",
            limit=5000,
        )
        in html
    )
    assert not FormSubmission.objects.exists()


# --- spam protection ------------------------------------------------------------------
def test_honeypot_drops_the_submission_silently(client, form_page):
    response = client.post(
        URL.format(lang="ru"), valid_data(form_page, website_url="http://spam.example")
    )
    assert response.status_code == 302
    landing = client.get(response["Location"])
    assert landing.status_code == 200
    assert "confirmation-panel__reference" not in _html(landing)
    assert not FormSubmission.objects.exists()
    assert not mail.outbox


def test_a_form_sent_too_quickly_is_refused(client, form_page):
    data = valid_data(form_page, form_started=started_token(form_page.pk))
    response = client.post(URL.format(lang="kk"), data)
    assert response.status_code == 200
    message = _t(
        "kk", "The form was sent too quickly. Please check your answers and send it again."
    )
    assert f'<a href="#form-submit">{message}</a>' in _html(response)
    assert not FormSubmission.objects.exists()
    # The page offers a new token; a person who waits a moment gets through.
    data["form_started"] = started_token(form_page.pk, time.time() - 10)
    assert client.post(URL.format(lang="kk"), data).status_code == 302


@pytest.mark.parametrize(
    "token",
    ["", "forged", "other-page", "stale"],
)
def test_missing_forged_or_stale_fill_time_is_refused(client, form_page, token):
    tokens = {
        "": "",
        "forged": "eyJwIjoxLCJ0IjoxfQ:1abcde:forgedsignature",
        "other-page": started_token(form_page.pk + 1000, time.time() - 60),
        "stale": started_token(form_page.pk, time.time() - 3 * 24 * 3600),
    }
    response = client.post(URL.format(lang="ru"), valid_data(form_page, form_started=tokens[token]))
    assert response.status_code == 200
    assert _t("ru", "The form has expired. Please check your answers and send it again.") in _html(
        response
    )
    assert not FormSubmission.objects.exists()


@pytest.mark.parametrize("sent", ["garbage", "eyJwIjoxfQ:1x:bad"])
def test_forged_confirmation_link_shows_the_form(client, form_page, sent):
    response = client.get(URL.format(lang="kk") + f"?sent={sent}")
    assert response.status_code == 200
    assert 'class="appeal-form"' in _html(response)


# --- choice fields --------------------------------------------------------------------
def test_choices_are_shown_translated_and_stored_in_kazakh(client, agency_a):
    page = make_form_page(agency_a, email_language="ru")
    FormField.objects.create(
        page=page,
        sort_order=10,
        field_type="radio",
        required=True,
        clean_name="rating",
        label_kk="Ақпарат пайдалы болды ма?",
        label_ru="Информация была полезной?",
        label_en="Was the information useful?",
        choices_kk="Иә\nЖоқ",
        choices_ru="Да\nНет",
        choices_en="Yes\nNo",
    )
    html = _html(client.get(URL.format(lang="en")))
    assert "<legend" in html and "Was the information useful?" in html
    assert 'value="Иә"' in html and ">Yes</label>" in html
    html = _html(client.post(URL.format(lang="en"), valid_data(page)))
    assert 'aria-describedby="id_rating-error"' in html
    assert '<a href="#id_rating">' in html
    assert 'id="id_rating" type="radio"' in html
    response = client.post(URL.format(lang="en"), valid_data(page, rating="Иә"))
    assert response.status_code == 302
    assert FormSubmission.objects.get().form_data["rating"] == "Иә"
    assert "Информация была полезной?: Да" in mail.outbox[0].body
    html = _html(client.post(URL.format(lang="ru"), valid_data(page, rating="Maybe")))
    assert (
        _t(
            "ru",
            "Choose one of the listed answers for “%(label)s”.",
            label="Информация была полезной?",
        )
        in html
    )


def test_api_shows_no_recipient_or_submissions(client, form_page):
    client.post(URL.format(lang="ru"), valid_data(form_page))
    response = client.get(f"/api/v2/pages/{form_page.pk}/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "info@agency.gov.kz" not in text and "to_address" not in text
    assert "Айгүл" not in text and "form_fields" not in text
