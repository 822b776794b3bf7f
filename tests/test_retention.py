"""Retention of form submissions (issue 12, data safety): each agency keeps citizens'
submissions for its own period (365 days by default, 30 to 3650, set in the agency's
settings); `purge_submissions` and the daily maintenance task delete older ones and
record counts, never content, in the agency's audit log. The clock is moved forward
rather than the data backdated, as on a real server."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import ModelLogEntry

from cms.appeals.retention import PURGE_ACTION
from cms.platform import maintenance
from tests.appeals_helpers import make_form_page
from tests.factories import admin_language, editor_of
from tests.test_agency_admin import edit_data

REAL_NOW = timezone.now


@pytest.fixture
def clock(monkeypatch):
    """Move the clock forward by `days` (every timezone.now() call sees it)."""

    def move(days):
        moved = REAL_NOW() + datetime.timedelta(days=days)
        monkeypatch.setattr(timezone, "now", lambda: moved)
        return moved

    return move


def submit(page, text="Өтініш"):
    return FormSubmission.objects.create(
        page=page, form_data={"name": "Айгүл Серікова", "message": text}
    )


@pytest.fixture
def forms(agency_a, agency_b):
    return make_form_page(agency_a), make_form_page(agency_b, email="info@b.gov.kz")


def purge(*args):
    out = io.StringIO()
    call_command("purge_submissions", *args, stdout=out)
    return out.getvalue()


def entries(agency):
    return ModelLogEntry.objects.filter(
        action=PURGE_ACTION, object_id=str(agency.pk), content_type__model="agency"
    )


@pytest.mark.django_db
def test_default_period_is_a_year(agency_a):
    assert agency_a.submission_retention_days == 365


@pytest.mark.django_db
def test_submissions_older_than_the_agencys_period_are_deleted(forms, agency_a, agency_b, clock):
    form_a, form_b = forms
    agency_b.submission_retention_days = 30
    agency_b.save()
    old_a, old_b = submit(form_a), submit(form_b)
    clock(200)
    recent_a, recent_b = submit(form_a), submit(form_b)

    clock(220)  # old ones are 220 days old, recent ones 20: only B's old one expired
    output = purge()
    assert "agency-b: deleted 1 submissions" in output
    assert set(FormSubmission.objects.values_list("pk", flat=True)) >= {
        old_a.pk,
        recent_a.pk,
        recent_b.pk,
    }
    assert not FormSubmission.objects.filter(pk=old_b.pk).exists()

    clock(366)  # A's old one passed its year; B's recent one its 30 days
    purge()
    remaining = set(FormSubmission.objects.filter(page__in=forms).values_list("pk", flat=True))
    assert remaining == {recent_a.pk}


@pytest.mark.django_db
def test_dry_run_counts_and_deletes_nothing(forms, clock):
    form_a, _ = forms
    submit(form_a), submit(form_a)
    clock(400)
    output = purge("--dry-run")
    assert "agency-a: would delete 2 submissions" in output
    assert FormSubmission.objects.filter(page=form_a).count() == 2
    assert not ModelLogEntry.objects.filter(action=PURGE_ACTION).exists()


@pytest.mark.django_db
def test_one_agency_only(forms, agency_a, agency_b, clock):
    form_a, form_b = forms
    submit(form_a), submit(form_b)
    clock(400)
    purge("--agency", agency_b.slug)
    assert FormSubmission.objects.filter(page=form_a).count() == 1
    assert FormSubmission.objects.filter(page=form_b).count() == 0
    with pytest.raises(CommandError, match="No agency"):
        purge("--agency", "no-such-agency")


@pytest.mark.django_db
def test_the_audit_log_gets_counts_and_no_personal_data(forms, agency_a, clock):
    form_a, _ = forms
    submit(form_a, text="Менің құпия өтінішім")
    submit(form_a, text="Тағы бір өтініш")
    clock(366)
    purge()
    entry = entries(agency_a).get()
    assert entry.data["count"] == 2 and entry.data["retention_days"] == 365
    dumped = json.dumps(entry.data, ensure_ascii=False)
    assert "Айгүл" not in dumped and "өтініш" not in dumped
    # Nothing to delete: no entry.
    purge()
    assert entries(agency_a).count() == 1


@pytest.mark.django_db
def test_the_purge_appears_in_the_agencys_audit_report(client, forms, agency_a, agency_b, clock):
    submit(forms[0])
    clock(366)
    purge()
    clock(0)
    for agency, expected in ((agency_a, True), (agency_b, False)):
        editor = editor_of(agency)
        admin_language(editor)
        client.force_login(editor)
        response = client.get(reverse("editorial_audit_log"))
        assert response.status_code == 200
        assert ("Old form submissions deleted" in response.content.decode()) is expected


@pytest.mark.django_db
def test_the_daily_maintenance_task_purges_and_queues_the_next_run(forms, settings, clock):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    form_a, _ = forms
    submit(form_a)
    now = clock(366)
    counts = maintenance.daily_maintenance.call()
    assert counts["submissions"] == 1
    assert not FormSubmission.objects.filter(page=form_a).exists()
    backend = maintenance.daily_maintenance.get_backend()
    queued = [r for r in backend.results if r.task.name == "daily_maintenance"]
    assert len(queued) == 1
    assert now < queued[0].task.run_after <= now + datetime.timedelta(days=1)
    assert queued[0].task.run_after.time() == datetime.time(3, 0)
    # setup_platform does not queue a second one.
    assert maintenance.schedule_daily_maintenance() is None


@pytest.mark.django_db
def test_in_process_tasks_are_not_deferred():
    assert maintenance.schedule_daily_maintenance() is None


@pytest.mark.django_db
@pytest.mark.parametrize("days", ["29", "3651", "-5"])
def test_the_period_is_bounded_in_the_agency_settings(admin_client, admin_user, agency_a, days):
    admin_language(admin_user)
    with translation.override("en"):
        response = admin_client.post(
            reverse("agencies:edit", args=(agency_a.pk,)),
            edit_data(agency_a, submission_retention_days=days),
        )
    assert response.status_code == 200
    assert "at least 30 and at most 3650 days" in response.content.decode()
    agency_a.refresh_from_db()
    assert agency_a.submission_retention_days == 365


@pytest.mark.django_db
def test_the_period_is_saved_from_the_agency_settings(admin_client, agency_a):
    response = admin_client.post(
        reverse("agencies:edit", args=(agency_a.pk,)),
        edit_data(agency_a, submission_retention_days="90"),
    )
    assert response.status_code == 302
    agency_a.refresh_from_db()
    assert agency_a.submission_retention_days == 90
