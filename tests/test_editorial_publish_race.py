"""Approve and Publish from the page editor, followed by the editor's autosave (issue 12).

The browser sends the approve POST (the edit form with the hidden inputs
`action-workflow-action=true` and `workflow-action-name=approve`) and, about a
second later, an autosave: the same form as JSON (`Accept: application/json`), so
with the same action fields. See `cms.editorial.publishing` for the cause.
"""

import re

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Page, PageLogEntry, Revision

from cms.editorial.publishing import AUTOSAVE_REFUSED_STATUS, PageActionLockMiddleware
from cms.editorial.testing import (
    add_url,
    edit_form,
    edit_url,
    editor,
    moderator,
    news_form,
    news_section,
)
from cms.pages.models import NewsPage

JSON = {"HTTP_ACCEPT": "application/json"}
WAIT = 3.0  # seconds a paused request waits for the other one


def test_the_middleware_is_installed(settings):
    path = f"{PageActionLockMiddleware.__module__}.{PageActionLockMiddleware.__name__}"
    assert settings.MIDDLEWARE[-1] == path


def _submitted_page(client, agency):
    client.force_login(editor(agency))
    response = client.post(add_url(news_section(agency)), news_form(action="action-submit"))
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="budget-hearing")
    assert page.current_workflow_state is not None and not page.live
    return page


def _approve_form(client, page):
    """The edit form as the moderator's browser holds it after clicking Approve and
    Publish: the fields, the loaded revision, and the hidden action inputs."""
    html = client.get(edit_url(page)).content.decode()
    loaded_id = re.search(r'name="loaded_revision_id" value="(\d+)"', html).group(1)
    loaded_at = re.search(r'name="loaded_revision_created_at" value="([^"]+)"', html).group(1)
    form = edit_form(page, action=None)
    form.update({
        "loaded_revision_id": loaded_id,
        "loaded_revision_created_at": loaded_at,
        "action-workflow-action": "true",
        "workflow-action-name": "approve",
    })
    return form


def _assert_published(page_id):
    page = Page.objects.get(pk=page_id)
    assert page.live, "the approved page is not live"
    assert page.live_revision_id is not None
    assert page.live_revision_id == page.latest_revision_id
    assert not page.has_unpublished_changes
    assert page.current_workflow_state is None
    return page


def _actions(page):
    return list(PageLogEntry.objects.filter(page=page).order_by("pk")
                .values_list("action", flat=True))


def test_autosave_after_approve_and_publish_is_refused(client, agency_a):
    """The exact sequence: approve POST, then the autosave POST with the same fields."""
    page = _submitted_page(client, agency_a)
    client.force_login(moderator(agency_a))
    form = _approve_form(client, page)

    response = client.post(edit_url(page), form)
    assert response.status_code == 302
    published = _assert_published(page.pk)
    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).count()
    before = _actions(page)
    assert before[-1] == "wagtail.publish"

    response = client.post(edit_url(page), form, **JSON)
    assert response.status_code == AUTOSAVE_REFUSED_STATUS
    body = response.json()
    assert body["success"] is False
    with translation.override(settings.LANGUAGE_CODE):
        refused = translation.gettext(
            "Not saved automatically: this form was sent to publish, approve or submit "
            "the page, and that request decides. Reload the page to keep editing."
        )
    assert body["error_message"] == refused
    after = _assert_published(page.pk)
    assert after.live_revision_id == published.live_revision_id
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == revisions
    assert _actions(page) == before  # no wagtail.edit after the publication


def test_approve_message_says_approved_and_published(client, agency_a):
    page = _submitted_page(client, agency_a)
    client.cookies.clear()
    client.force_login(moderator(agency_a))
    response = client.post(edit_url(page), _approve_form(client, page), follow=True)
    html = response.content.decode()
    assert "has been approved and published" in html
    assert "has been updated" not in html


@pytest.mark.parametrize("language, expected", [
    ("ru", "одобрена и опубликована"),
    ("kk", "мақұлданып, жарияланды"),
])
def test_approve_message_in_the_moderators_language(client, agency_a, language, expected):
    page = _submitted_page(client, agency_a)
    client.cookies.clear()
    client.force_login(moderator(agency_a, language=language))
    response = client.post(edit_url(page), _approve_form(client, page), follow=True)
    assert expected in response.content.decode()


def test_submit_message_says_submitted_for_moderation(client, agency_a):
    section = news_section(agency_a)
    client.force_login(editor(agency_a))
    client.post(add_url(section), news_form(action="action-save-draft"))
    page = NewsPage.objects.get(slug="budget-hearing")
    response = client.post(edit_url(page), edit_form(page, action="action-submit"), follow=True)
    assert "has been submitted for moderation" in response.content.decode()


def test_autosave_may_not_overwrite_the_published_revision(client, agency_a):
    """The moderator's own autosaved revision is what the approval published: a later
    autosave must not rewrite it in place (it would change the live revision's content)."""
    page = _submitted_page(client, agency_a)
    client.force_login(moderator(agency_a))
    form = _approve_form(client, page)
    draft = {k: v for k, v in form.items() if k not in ("action-workflow-action",
                                                         "workflow-action-name")}
    draft["title_en"] = "Public hearing on the budget, autosaved"
    response = client.post(edit_url(page), draft, **JSON)
    assert response.status_code == 200, response.content[:500]
    autosaved = response.json()["revision_id"]

    approve = dict(draft, **{"action-workflow-action": "true", "workflow-action-name": "approve",
                             "overwrite_revision_id": str(autosaved)})
    assert client.post(edit_url(page), approve).status_code == 302
    published = _assert_published(page.pk)

    later = dict(draft, overwrite_revision_id=str(published.live_revision_id),
                 title_en="Typed after the approval")
    response = client.post(edit_url(page), later, **JSON)
    assert response.status_code in (400, AUTOSAVE_REFUSED_STATUS), response.content[:500]
    assert response.json()["success"] is False
    live = _assert_published(page.pk).live_revision
    assert "Typed after the approval" not in str(live.content)
