"""Form pages in the admin: submissions are their agency's only, and publishing needs
the Kazakh and Russian label of every form field.

Isolation matrix: every URL of Wagtail's form submissions admin (listing of form
pages, a page's submissions, their CSV/XLSX export, deleting them) x the editor and
the moderator of another agency: nothing of agency A is shown or reachable.
"""

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from cms.appeals.models import FormPage
from tests.appeals_helpers import make_form_page, valid_data
from tests.factories import UserFactory, editor_of, moderator_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(client, agency_a):
    page = make_form_page(agency_a)
    response = client.post("/ru/agency-a/appeals/online-appeal/", valid_data(page))
    assert response.status_code == 302
    mail.outbox.clear()
    return page, FormSubmission.objects.get(page=page)


def _urls(page, submission):
    base = f"/admin/forms/submissions/{page.pk}/"
    return {
        "submissions": base,
        "submissions results": base + "results/",
        "csv": base + "?export=csv",
        "xlsx": base + "?export=xlsx",
        "delete": base + f"delete/?selected-submissions={submission.pk}",
    }


def assert_refused(response, name):
    """403/404, or Wagtail's answer to PermissionDenied: back to the dashboard with
    "Sorry, you do not have permission to access this area"."""
    if response.status_code == 302:
        assert response["Location"] == "/admin/", name
    else:
        assert response.status_code in (403, 404), name


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_another_agencys_users_see_no_submissions(client, submitted, agency_b, role):
    page, submission = submitted
    user = (editor_of if role == "editor" else moderator_of)(agency_b)
    make_form_page(agency_b, slug="b-form", email="b@agency.gov.kz")
    client.force_login(user)

    for name in ("/admin/forms/", "/admin/forms/results/", "/admin/forms/?q=Онлайн"):
        response = client.get(name)
        assert response.status_code == 200, name
        html = response.content.decode()
        assert f"/admin/forms/submissions/{page.pk}/" not in html, name
    for name, url in _urls(page, submission).items():
        response = client.get(url)
        assert_refused(response, name)
        assert "Айгүл" not in response.content.decode(errors="replace"), name
    assert_refused(client.post(_urls(page, submission)["delete"]), "delete (POST)")
    assert FormSubmission.objects.filter(pk=submission.pk).exists()


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_own_agency_sees_and_exports_its_submissions(client, submitted, agency_a, role):
    page, submission = submitted
    client.force_login((editor_of if role == "editor" else moderator_of)(agency_a))
    html = client.get("/admin/forms/").content.decode()
    assert f"/admin/forms/submissions/{page.pk}/" in html
    response = client.get(f"/admin/forms/submissions/{page.pk}/")
    assert response.status_code == 200
    assert "Айгүл Серікова" in response.content.decode()
    csv = client.get(f"/admin/forms/submissions/{page.pk}/?export=csv")
    assert csv.status_code == 200
    assert "Айгүл Серікова" in b"".join(csv.streaming_content).decode()
    assert client.get(f"/admin/forms/submissions/{page.pk}/?export=xlsx").status_code == 200


def test_platform_admin_sees_every_agency(client, submitted):
    page, _submission = submitted
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert f"/admin/forms/submissions/{page.pk}/" in client.get("/admin/forms/").content.decode()


# --- publish check ------------------------------------------------------------------
def _post_data(form) -> dict:
    """The POST data the editor's form would send back unchanged."""
    data = {}

    def add(bound_form, prefix=""):
        for name in bound_form.fields:
            value = bound_form[name].value()
            key = f"{prefix}{name}"
            if isinstance(value, bool) or value is None:
                if value:
                    data[key] = "on"
                continue
            if isinstance(value, (list, tuple)):
                data[key] = list(value)
            else:
                data[key] = "" if value is None else str(value)

    add(form)
    for formset in form.formsets.values():
        management = formset.management_form
        for name in management.fields:
            data[f"{formset.prefix}-{name}"] = management[name].value()
        for child in formset.forms:
            add(child, f"{child.prefix}-")
    return data


def _edit(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return _post_data(response.context["form"])


@pytest.fixture
def draft_page(agency_a):
    page = make_form_page(agency_a)
    page.form_fields.filter(clean_name="subject").update(label_ru="")
    page.save_revision()
    return FormPage.objects.get(pk=page.pk)


def test_publishing_needs_kazakh_and_russian_labels(client, draft_page):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    data = _edit(client, draft_page)
    index = next(key.split("-")[1] for key, value in data.items() if value == "Өтініштің тақырыбы")
    data[f"form_fields-{index}-label_ru"] = ""
    data["title_ru"] = "Новое название"
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/{draft_page.pk}/edit/", data)
    assert response.status_code == 200
    html = response.content.decode()
    form = response.context["form"]
    messages = " ".join(str(e) for e in form.non_field_errors())
    assert "Өтініштің тақырыбы" in messages
    assert "Russian" in messages or "орысша" in messages
    child = form.formsets["form_fields"].forms[int(index)]
    assert "label_ru" in child.errors
    assert "Новое название" not in FormPage.objects.get(pk=draft_page.pk).title_ru
    assert html  # the editor is shown again with the messages

    # Saving a draft without the Russian label is allowed ...
    data.pop("action-publish")
    response = client.post(f"/admin/pages/{draft_page.pk}/edit/", data)
    assert response.status_code == 302
    # ... and with it, publishing works.
    data = _edit(client, draft_page)
    data[f"form_fields-{index}-label_ru"] = "Тема обращения"
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/{draft_page.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    page = FormPage.objects.get(pk=draft_page.pk)
    assert page.title_ru == "Новое название"
    assert page.form_fields.get(clean_name="subject").label_ru == "Тема обращения"


def test_choices_need_both_languages_with_as_many_options(client, agency_a):
    page = make_form_page(agency_a)
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    data = _edit(client, page)
    total = int(data["form_fields-TOTAL_FORMS"])
    new = f"form_fields-{total}-"
    data.update(
        {
            new + "label_kk": "Бағалаңыз",
            new + "label_ru": "Оцените",
            new + "field_type": "radio",
            new + "choices_kk": "Жақсы\nОрташа\nНашар",
            new + "choices_ru": "Хорошо\nПлохо",
            new + "ORDER": str(total + 1),
            new + "id": "",
            "form_fields-TOTAL_FORMS": str(total + 1),
            "action-publish": "action-publish",
        }
    )
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    messages = " ".join(str(e) for e in response.context["form"].non_field_errors())
    assert "Оцените" in messages or "Бағалаңыз" in messages
    assert "do not match" in messages or "Kazakh" in messages or "қазақша" in messages
    data[new + "choices_ru"] = "Хорошо\nСредне\nПлохо"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302
    assert FormPage.objects.get(pk=page.pk).form_fields.filter(field_type="radio").exists()


def test_editor_cannot_submit_for_moderation_without_labels(client, draft_page, agency_a):
    client.force_login(editor_of(agency_a))
    data = _edit(client, draft_page)
    data["action-submit"] = "action-submit"
    response = client.post(f"/admin/pages/{draft_page.pk}/edit/", data)
    assert response.status_code == 200
    messages = " ".join(str(e) for e in response.context["form"].non_field_errors())
    assert "Өтініштің тақырыбы" in messages


@pytest.mark.parametrize("mode", ["form", "landing"])
def test_preview_of_form_and_landing(client, agency_a, mode):
    page = make_form_page(agency_a)
    client.force_login(moderator_of(agency_a))
    data = _edit(client, page)
    data["title_kk"] = "Алдын ала қарау"
    url = f"/admin/pages/{page.pk}/edit/preview/"
    assert client.post(url, data).json()["is_valid"]
    response = client.get(url + f"?mode={mode}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Алдын ала қарау" in html
    assert ('id="id_message"' in html) == (mode == "form")


def test_form_page_created_empty_in_the_admin_gets_the_default_fields(client, agency_a):
    agency_a.email = "info@agency.gov.kz"
    agency_a.save()
    section = agency_a.home_page.get_children().get(slug="appeals")
    client.force_login(editor_of(agency_a))
    url = f"/admin/pages/add/appeals/formpage/{section.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    data = _post_data(response.context["form"])
    data.update({"title_kk": "Жаңа форма", "title_ru": "Новая форма", "slug": "new-form"})
    response = client.post(url, data)
    assert response.status_code == 302
    page = FormPage.objects.get(slug="new-form")
    assert page.form_fields.count() == 6
    assert page.to_address == "info@agency.gov.kz"
    # The draft revision holds them, so publishing it (by a moderator) keeps them.
    page.get_latest_revision().publish()
    page = FormPage.objects.get(pk=page.pk)
    assert page.live and page.form_fields.count() == 6
