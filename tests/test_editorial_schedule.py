"""Scheduled publishing and unpublishing go through the moderators too: the moderator
approves a page with a go-live (or expiry) date, and `publish_scheduled` carries it
out at that time."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from cms.editorial.testing import (
    add_url,
    edit_form,
    edit_url,
    editor,
    moderator,
    news_form,
    news_section,
    workflow_action_url,
)
from cms.pages.models import NewsPage


def _admin_datetime(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def _submit(client, agency, **schedule):
    client.force_login(editor(agency))
    form = news_form(action="action-submit", **schedule)
    response = client.post(add_url(news_section(agency)), form)
    assert response.status_code == 302, response.content[:3000]
    return NewsPage.objects.get(slug="budget-hearing")


def _approve(client, agency, page):
    client.force_login(moderator(agency))
    response = client.post(workflow_action_url(page), {"comment": ""})
    assert response.status_code in (200, 302)
    return NewsPage.objects.get(pk=page.pk)


def _move_clock(monkeypatch, delta):
    """Run the scheduler as if `delta` had passed (every Wagtail module reads the
    time through django.utils.timezone.now)."""
    later = timezone.now() + delta
    monkeypatch.setattr(timezone, "now", lambda: later)


def test_approved_page_goes_live_at_its_time(client, agency_a, monkeypatch):
    go_live = timezone.now() + timedelta(days=1)
    page = _submit(client, agency_a, go_live_at=_admin_datetime(go_live))
    assert not page.live
    page = _approve(client, agency_a, page)
    # Approval schedules the revision; the page is not public yet.
    assert not page.live
    revision = page.get_latest_revision()
    assert revision.approved_go_live_at is not None
    assert abs(revision.approved_go_live_at - go_live) < timedelta(minutes=1)
    call_command("publish_scheduled")
    assert not NewsPage.objects.get(pk=page.pk).live

    _move_clock(monkeypatch, timedelta(days=1, minutes=5))
    call_command("publish_scheduled")
    page = NewsPage.objects.get(pk=page.pk)
    assert page.live
    assert client.get("/kk/agency-a/news/budget-hearing/").status_code == 200


def test_unapproved_schedule_is_never_published(client, agency_a):
    go_live = timezone.now() + timedelta(hours=2)
    page = _submit(client, agency_a, go_live_at=_admin_datetime(go_live))
    # Nobody approved: the revision carries no approved time and stays a draft.
    Revision.objects.filter(object_id=str(page.pk)).update(approved_go_live_at=None)
    call_command("publish_scheduled")
    assert not NewsPage.objects.get(pk=page.pk).live


def test_approved_expiry_unpublishes_at_its_time(client, agency_a, monkeypatch):
    expire = timezone.now() + timedelta(days=2)
    page = _submit(client, agency_a, expire_at=_admin_datetime(expire))
    page = _approve(client, agency_a, page)
    assert page.live and page.expire_at is not None
    call_command("publish_scheduled")
    assert NewsPage.objects.get(pk=page.pk).live

    _move_clock(monkeypatch, timedelta(days=2, minutes=5))
    call_command("publish_scheduled")
    page = NewsPage.objects.get(pk=page.pk)
    assert not page.live and page.expired
    assert client.get("/kk/agency-a/news/budget-hearing/").status_code == 404


def test_expiry_before_go_live_is_refused_in_the_users_language(client, agency_a):
    client.force_login(editor(agency_a, language="ru"))
    go_live = timezone.now() + timedelta(days=3)
    form = news_form(
        action="action-submit",
        go_live_at=_admin_datetime(go_live),
        expire_at=_admin_datetime(go_live - timedelta(days=1)),
    )
    response = client.post(add_url(news_section(agency_a)), form)
    assert response.status_code == 200
    assert not NewsPage.objects.filter(slug="budget-hearing").exists()
    assert "ранее" in response.content.decode() or "раньше" in response.content.decode() or (
        "должна быть" in response.content.decode()
    )


def test_editor_rescheduling_a_live_page_needs_approval(client, agency_a):
    page = _approve(client, agency_a, _submit(client, agency_a))
    assert page.live
    client.force_login(editor(agency_a))
    expire = timezone.now() + timedelta(days=5)
    client.post(edit_url(page), edit_form(page, "action-save-draft",
                                          expire_at=_admin_datetime(expire)))
    page = NewsPage.objects.get(pk=page.pk)
    # A draft's schedule does not touch the live page until approved.
    assert page.live and page.expire_at is None
