"""The Approve-and-Publish race with real threads (issue 12): the approval and the
editor's autosave of the same page run at once.

A module of its own, run in a pytest process of its own (marker `own_process`): the
test commits through two connections and empties the tables when it ends, which must
neither meet the module transaction of the tests that use `agency_a`
(tests/conftest.py) nor the other committing test of a worker (the migration test)."""

import threading

import pytest
from django.db import connection
from django.test import Client
from wagtail import hooks

from cms.editorial.publishing import AUTOSAVE_REFUSED_STATUS
from cms.editorial.testing import edit_url, moderator
from tests.factories import make_agency
from tests.test_editorial_publish_race import (
    JSON,
    WAIT,
    _actions,
    _approve_form,
    _assert_published,
    _submitted_page,
)

pytestmark = pytest.mark.own_process


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_autosave_that_read_the_page_during_the_approval_does_not_unpublish():
    """The race itself: the autosave reads the page while the approval runs, and the
    approval commits before the autosave writes.

    The approve request pauses once it has read the page and lets the autosave run;
    the autosave pauses once it has read the page and lets the approval finish.
    Without the page lock the autosave then wrote its stale copy (live=False,
    live_revision=None) over the publication; with it, the autosave waits for the
    approval to commit and is refused."""
    agency_a = make_agency("race-agency")
    setup = Client()
    page = _submitted_page(setup, agency_a)
    user = moderator(agency_a)
    approver, autosaver = Client(), Client()
    approver.force_login(user)
    autosaver.force_login(user)
    form = _approve_form(approver, page)

    approve_read, autosave_read, approve_done = (threading.Event() for _ in range(3))
    outcome = {}

    def pause(request, page):
        if request.accepts("text/html"):
            approve_read.set()
            autosave_read.wait(WAIT)
        else:
            autosave_read.set()
            approve_done.wait(WAIT)

    def approve():
        try:
            outcome["approve"] = approver.post(edit_url(page), form).status_code
        finally:
            approve_done.set()
            connection.close()

    with hooks.register_temporarily("before_edit_page", pause):
        thread = threading.Thread(target=approve)
        thread.start()
        assert approve_read.wait(WAIT)
        response = autosaver.post(edit_url(page), form, **JSON)
        thread.join(30)
    assert outcome.get("approve") == 302
    _assert_published(page.pk)  # before the fix: live=False, live_revision=None
    assert response.status_code in (400, AUTOSAVE_REFUSED_STATUS)
    actions = _actions(page)
    assert "wagtail.edit" not in actions[actions.index("wagtail.publish"):]
