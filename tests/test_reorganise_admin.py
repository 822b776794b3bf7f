"""The reorganisation screens of the agency admin and the `reorganise` command.

A platform admin fills the form, sees the plan of the dry run (nothing changes),
then carries it out; agency editors and moderators get 403 on every screen. The
services themselves are tested in test_reorganise.py.
"""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from cms.tenants.models import Agency, AgencyPathRedirect
from tests.factories import UserFactory, admin_language, editor_of, moderator_of

pytestmark = pytest.mark.django_db

OPERATIONS = ("rename", "move", "merge", "split")
TAKEN = "The address “%(slug)s” is already taken by another agency."


@pytest.fixture
def admin(client):
    user = UserFactory(username="reorg-admin", is_superuser=True)
    admin_language(user, "en")
    client.force_login(user)
    return client


def _url(operation, agency):
    return reverse(f"agencies:{operation}", args=(agency.pk,))


def _data(operation, agency_a, agency_b):
    return {
        "rename": {
            "name_kk": agency_a.name_kk,
            "name_ru": agency_a.name_ru,
            "name_en": agency_a.name_en,
            "slug": "agency-a-renamed",
            "hostname": "",
        },
        "move": {"parent": agency_b.pk},
        "merge": {"target": agency_b.pk, "users": "follow"},
        "split": {
            "sections": ["about", "faq"],
            "slug": "agency-c",
            "name_kk": "В агенттігі",
            "name_ru": "Агентство В",
            "name_en": "Agency C",
            "category": "committee",
            "parent": agency_a.pk,
        },
    }[operation]


@pytest.mark.parametrize("operation", OPERATIONS)
def test_form_then_plan_then_run(admin, agency_a, agency_b, operation):
    url = _url(operation, agency_a)
    assert admin.get(url).status_code == 200
    data = _data(operation, agency_a, agency_b)
    response = admin.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="plan-heading"' in html and 'name="confirm"' in html
    plan = response.context["plan"]
    assert not plan.done
    assert not ModelLogEntry.objects.filter(action=f"birtutas.agency.{operation}").exists()

    response = admin.post(url, {**data, "confirm": "1", "digest": plan.digest()})
    assert response.status_code == 302
    entry = ModelLogEntry.objects.filter(action=f"birtutas.agency.{operation}").first()
    assert entry is not None and entry.data["done"]
    agency_a.refresh_from_db()
    if operation == "rename":
        assert agency_a.slug == "agency-a-renamed"
    elif operation == "move":
        assert agency_a.parent_id == agency_b.pk
    elif operation == "merge":
        assert agency_a.is_archived and agency_a.successor_id == agency_b.pk
    else:
        assert Agency.objects.get(slug="agency-c").parent_id == agency_a.pk
        assert AgencyPathRedirect.objects.filter(old_prefix="agency-a/about/").exists()


def test_a_stale_plan_is_shown_again_not_run(admin, agency_a, agency_b):
    url = _url("rename", agency_a)
    data = _data("rename", agency_a, agency_b)
    response = admin.post(url, {**data, "confirm": "1", "digest": "not-the-plan"})
    assert response.status_code == 200
    assert "plan" in response.context
    agency_a.refresh_from_db()
    assert agency_a.slug == "agency-a"


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "is already taken by another agency"),
        ("ru", "уже занят другим ведомством"),
        ("kk", "басқа мекеме алып қойған"),
    ],
)
def test_bad_input_shows_a_message_in_the_admins_language(
    client, agency_a, agency_b, lang, message
):
    user = UserFactory(username=f"reorg-admin-{lang}", is_superuser=True)
    admin_language(user, lang)
    client.force_login(user)
    data = {**_data("rename", agency_a, agency_b), "slug": "agency-b"}
    response = client.post(_url("rename", agency_a), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    response = client.post(_url("merge", agency_a), {"target": agency_a.pk, "users": "follow"})
    assert response.status_code == 400  # not among the choices: the form refuses it
    agency_a.refresh_from_db()
    assert agency_a.slug == "agency-a" and not agency_a.is_archived


@pytest.mark.parametrize("operation", OPERATIONS)
def test_agency_staff_get_403(client, agency_a, agency_b, operation):
    for user in (editor_of(agency_a), moderator_of(agency_a)):
        client.force_login(user)
        for agency in (agency_a, agency_b):
            assert client.get(_url(operation, agency)).status_code == 403
            data = {**_data(operation, agency_a, agency_b), "confirm": "1"}
            assert client.post(_url(operation, agency), data).status_code == 403
    agency_a.refresh_from_db()
    assert agency_a.slug == "agency-a" and not agency_a.is_archived and agency_a.parent is None
    assert not Agency.objects.filter(slug="agency-c").exists()


def test_anonymous_visitors_are_sent_to_the_login(client, agency_a):
    response = client.get(_url("merge", agency_a))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_edit_screen_offers_the_reorganisations(admin, agency_a):
    html = admin.get(reverse("agencies:edit", args=(agency_a.pk,))).content.decode()
    for operation in OPERATIONS:
        assert _url(operation, agency_a) in html


# --- the command -------------------------------------------------------------------------
def test_command_dry_run_prints_the_plan_and_changes_nothing(agency_a):
    out = StringIO()
    call_command(
        "reorganise", "rename", "agency-a", "--new-slug", "agency-x", "--dry-run", stdout=out
    )
    assert "agency-a/ → /<lang>/agency-x/" in out.getvalue()
    agency_a.refresh_from_db()
    assert agency_a.slug == "agency-a" and not AgencyPathRedirect.objects.exists()


def test_command_runs_each_operation(agency_a, agency_b):
    out = StringIO()
    call_command("reorganise", "rename", "agency-a", "--new-slug", "agency-x", stdout=out)
    assert Agency.objects.filter(slug="agency-x").exists()
    call_command("reorganise", "move", "agency-x", "--parent", "agency-b", stdout=out)
    assert Agency.objects.get(slug="agency-x").parent_id == agency_b.pk
    call_command(
        "reorganise", "split", "agency-x", "--sections", "about", "--new-slug", "agency-y",
        "--name-kk", "Ы агенттігі", "--name-ru", "Агентство Ы", stdout=out,
    )  # fmt: skip
    assert Agency.objects.filter(slug="agency-y").exists()
    call_command(
        "reorganise", "merge", "agency-y", "--into", "agency-b", "--users", "retire", stdout=out
    )
    assert Agency.objects.get(slug="agency-y").is_archived


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["merge", "agency-a", "--into", "agency-a"], "merged into itself"),
        (["rename", "agency-a", "--new-slug", "agency-b"], "already taken"),
        (["move", "agency-a", "--parent", "nobody"], "No agency"),
    ],
)
def test_command_refuses_bad_input(agency_a, agency_b, args, message):
    with translation.override("en"), pytest.raises(CommandError, match=message):
        call_command("reorganise", *args, stdout=StringIO())
