"""Page feedback in the admin and its retention: an agency's editors and moderators
list their agency's feedback only (filters by page, answer, language and date, with a
link to the page); another agency's users, and anonymous visitors, see none of it
and reach none of its URLs; old feedback is purged after the agency's retention
period, recorded in its audit log with counts only."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.feedback.models import Feedback
from cms.feedback.retention import PURGE_ACTION, purge_feedback
from tests.factories import UserFactory, admin_language, editor_of, moderator_of
from tests.test_content_pages import add_standard

pytestmark = pytest.mark.django_db
LISTING = "/admin/page_feedback/"
SECRET_A = "AlphaFeedbackSecret: the phone on this page is wrong"
SECRET_B = "BetaFeedbackSecret: a broken link"


@pytest.fixture
def stored(agency_a, agency_b):
    page_a = add_standard(agency_a, "fb-a")
    other_a = add_standard(agency_a, "fb-a2")
    page_b = add_standard(agency_b, "fb-b")
    a = Feedback.objects.create(
        agency=agency_a, page=page_a, language="ru", useful=False, message=SECRET_A
    )
    Feedback.objects.create(agency=agency_a, page=other_a, language="kk", useful=True)
    b = Feedback.objects.create(
        agency=agency_b, page=page_b, language="kk", useful=None, message=SECRET_B
    )
    return {"a": a, "b": b, "page_a": page_a, "other_a": other_a, "page_b": page_b}


def login(client, user):
    admin_language(user, "en")
    client.force_login(user)
    return client


@pytest.mark.parametrize("role", [editor_of, moderator_of])
def test_agency_users_list_their_own_feedback_with_a_link_to_the_page(
    client, stored, agency_a, role
):
    login(client, role(agency_a))
    response = client.get(LISTING)
    assert response.status_code == 200
    html = response.content.decode()
    assert SECRET_A in html
    assert SECRET_B not in html
    # The link opens the page in the language the feedback was written in.
    assert 'href="/ru/agency-a/about/fb-a/"' in html
    # The page filter offers the agency's pages only.
    assert f'value="{stored["page_b"].pk}"' not in html


def test_filters_by_page_answer_language_and_date(client, stored, agency_a):
    login(client, editor_of(agency_a))

    def listed(query):
        html = client.get(LISTING + "results/" + query).content.decode()
        return SECRET_A in html, "fb-a2" in html or "en page fb-a2" in html

    assert listed(f"?page={stored['page_a'].pk}")[0]
    html = client.get(LISTING + f"?page={stored['other_a'].pk}").content.decode()
    assert SECRET_A not in html
    assert SECRET_A in client.get(LISTING + "?useful=no").content.decode()
    assert SECRET_A not in client.get(LISTING + "?useful=yes").content.decode()
    assert SECRET_A in client.get(LISTING + "?language=ru").content.decode()
    assert SECRET_A not in client.get(LISTING + "?language=kk").content.decode()
    today = timezone.localdate().isoformat()
    assert SECRET_A in client.get(LISTING + f"?created_from={today}").content.decode()
    assert SECRET_A not in client.get(LISTING + "?created_to=2000-01-01").content.decode()
    # Another agency's page as a filter is refused, not obeyed.
    response = client.get(LISTING + f"?page={stored['page_b'].pk}")
    assert response.status_code == 200
    assert SECRET_B not in response.content.decode()


@pytest.mark.parametrize("role", [editor_of, moderator_of])
def test_another_agencys_users_see_nothing_and_reach_nothing(client, stored, agency_b, role):
    login(client, role(agency_b))
    a = stored["a"]
    listing = client.get(LISTING)
    assert listing.status_code == 200
    assert SECRET_A not in listing.content.decode()
    assert SECRET_B in listing.content.decode()
    for path in (
        f"{LISTING}edit/{a.pk}/",
        f"{LISTING}delete/{a.pk}/",
        f"{LISTING}history/{a.pk}/",
        f"{LISTING}history-results/{a.pk}/",
        f"{LISTING}usage/{a.pk}/",
        f"{LISTING}new/",
        LISTING + f"?q={SECRET_A[:10]}",
    ):
        for method in (client.get, client.post):
            response = method(path)
            assert response.status_code in (200, 302, 403, 404, 405), (path, response.status_code)
            assert SECRET_A not in response.content.decode(), path
            if response.status_code == 302:
                assert response["Location"] == "/admin/", path
    assert Feedback.objects.filter(pk=a.pk, message=SECRET_A).exists()


def test_nobody_edits_or_deletes_feedback_in_the_admin(client, stored, agency_a):
    login(client, moderator_of(agency_a))
    a = stored["a"]
    response = client.post(f"{LISTING}edit/{a.pk}/", {"message": "changed"})
    assert response.status_code in (302, 403)
    client.post(f"{LISTING}delete/{a.pk}/")
    a.refresh_from_db()
    assert a.message == SECRET_A


def test_anonymous_and_users_without_an_agency_cannot_list(client, stored):
    response = client.get(LISTING)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    outsider = UserFactory(username="no-agency", is_staff=False)
    from django.contrib.auth.models import Permission

    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    login(client, outsider)
    response = client.get(LISTING)
    assert response.status_code in (302, 403)
    assert SECRET_A not in response.content.decode()


def test_the_reports_menu_lists_feedback_for_agency_users(client, stored, agency_a):
    login(client, editor_of(agency_a))
    assert LISTING in client.get("/admin/").content.decode()


# --- Retention -----------------------------------------------------------------------
def test_old_feedback_is_purged_after_the_agency_retention_period(stored, agency_a, agency_b):
    agency_a.submission_retention_days = 30
    agency_a.save()
    old = timezone.now() - datetime.timedelta(days=31)
    Feedback.objects.filter(pk=stored["a"].pk).update(created=old)
    Feedback.objects.filter(pk=stored["b"].pk).update(created=old)  # B keeps 365 days

    dry = purge_feedback(dry_run=True)
    assert {p.agency: p.count for p in dry}[agency_a.slug] == 1
    assert Feedback.objects.filter(pk=stored["a"].pk).exists()

    call_command("purge_feedback")
    assert not Feedback.objects.filter(pk=stored["a"].pk).exists()
    assert Feedback.objects.filter(pk=stored["b"].pk).exists()
    assert Feedback.objects.filter(agency=agency_a).count() == 1
    entry = ModelLogEntry.objects.filter(action=PURGE_ACTION).get()
    assert entry.data["count"] == 1
    assert SECRET_A not in str(entry.data)


def test_daily_maintenance_purges_feedback(stored, agency_a):
    from cms.platform.maintenance import run_daily_purges

    agency_a.submission_retention_days = 30
    agency_a.save()
    Feedback.objects.filter(pk=stored["a"].pk).update(
        created=timezone.now() - datetime.timedelta(days=40)
    )
    counts = run_daily_purges()
    assert counts["feedback"] == 1
