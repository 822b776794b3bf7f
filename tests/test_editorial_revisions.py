"""Revisions (compare, view, revert/rollback) and comments on page edits: they work
within the agency, and another agency's users can reach none of them."""

import pytest
from django.urls import reverse
from wagtail.models import Comment

from cms.editorial.testing import (
    add_url,
    edit_form,
    edit_url,
    editor,
    moderator,
    news_form,
    news_section,
    platform_admin,
)
from cms.pages.models import NewsPage

FIRST = "Public hearing on the budget"
SECOND = "Public hearing on the budget moved to Friday"
COMMENT = "Check the date with the press office"


@pytest.fixture
def history(client, agency_a):
    """A news item with a first published revision and a second draft revision."""
    client.force_login(editor(agency_a))
    client.post(add_url(news_section(agency_a)), news_form(action="action-save-draft"))
    page = NewsPage.objects.get(slug="budget-hearing")
    first = page.get_latest_revision()
    first.publish(user=moderator(agency_a))
    page = NewsPage.objects.get(pk=page.pk)
    response = client.post(edit_url(page), edit_form(page, "action-save-draft", title_en=SECOND))
    assert response.status_code == 302
    page = NewsPage.objects.get(pk=page.pk)
    second = page.get_latest_revision()
    assert first.pk != second.pk
    return page, first, second


def _urls(page, first, second):
    return {
        "compare": reverse(
            "wagtailadmin_pages:revisions_compare", args=(page.pk, first.pk, second.pk)
        ),
        "compare-live": reverse(
            "wagtailadmin_pages:revisions_compare", args=(page.pk, "live", second.pk)
        ),
        "view": reverse("wagtailadmin_pages:revisions_view", args=(page.pk, first.pk)),
        "revert": reverse("wagtailadmin_pages:revisions_revert", args=(page.pk, first.pk)),
        "index": reverse("wagtailadmin_pages:history", args=(page.pk,)),
        "revisions-index": reverse("wagtailadmin_pages:revisions_index", args=(page.pk,)),
    }


def test_editor_compares_revisions(client, history):
    page, first, second = history
    urls = _urls(page, first, second)
    html = client.get(urls["compare"]).content.decode()
    assert FIRST in html and SECOND in html
    assert client.get(urls["compare-live"]).status_code == 200
    assert client.get(urls["index"]).status_code == 200


def test_editor_reverts_to_a_draft_and_moderator_rolls_back_live(client, agency_a, history):
    page, first, second = history
    urls = _urls(page, first, second)
    html = client.get(urls["revert"]).content.decode()
    assert FIRST in html
    assert 'name="action-publish"' not in html
    # The editor's revert makes a draft: the live page is untouched.
    client.post(urls["revert"], edit_form(page, "action-save-draft", title_en=FIRST))
    page = NewsPage.objects.get(pk=page.pk)
    assert page.get_latest_revision().as_object().title_en == FIRST
    assert page.live_revision_id == first.pk

    # The moderator rolls the live page back to the first revision.
    client.force_login(moderator(agency_a))
    third_urls = _urls(page, first, page.get_latest_revision())
    response = client.post(third_urls["revert"], edit_form(page, "action-publish",
                                                            title_en=FIRST))
    assert response.status_code == 302
    page = NewsPage.objects.get(pk=page.pk)
    assert page.live and page.title_en == FIRST and not page.has_unpublished_changes


@pytest.mark.parametrize("name", ["compare", "compare-live", "view", "revert", "index",
                                  "revisions-index"])
@pytest.mark.parametrize("intruder", ["editor", "moderator"])
def test_other_agency_cannot_reach_revisions(client, agency_b, history, name, intruder):
    page, first, second = history
    url = _urls(page, first, second)[name]
    client.cookies.clear()
    client.force_login(editor(agency_b) if intruder == "editor" else moderator(agency_b))
    response = client.get(url)
    if name == "revisions-index" and response.status_code == 302:
        # An old URL that redirects to the history page (another agency's page id is
        # refused before that: cms/tenants/isolation/urlguard.py).
        response = client.get(response["Location"])
    assert response.status_code in (302, 403, 404), (name, response.status_code)
    if response.status_code == 302:
        assert response["Location"] in ("/admin/", "/admin")
    assert SECOND not in response.content.decode()
    response = client.post(url, edit_form(page, "action-save-draft", title_en="Hijacked"))
    assert response.status_code in (302, 403, 404, 405)
    assert not NewsPage.objects.get(pk=page.pk).get_latest_revision().content.get(
        "title_en"
    ) == "Hijacked"


def test_unschedule_of_other_agency_is_refused(client, agency_b, history):
    page, first, second = history
    url = reverse("wagtailadmin_pages:revisions_unschedule", args=(page.pk, second.pk))
    client.force_login(moderator(agency_b))
    assert client.get(url).status_code in (302, 403, 404)
    assert client.post(url).status_code in (302, 403, 404)


# --- Comments ---------------------------------------------------------------------
def _comment_form(page):
    form = edit_form(page, "action-save-draft")
    form.update({
        "comments-TOTAL_FORMS": "1",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "",
        "comments-0-DELETE": "",
        "comments-0-resolved": "",
        "comments-0-id": "",
        "comments-0-contentpath": "title_kk",
        "comments-0-text": COMMENT,
        "comments-0-position": "",
        "comments-0-replies-TOTAL_FORMS": "0",
        "comments-0-replies-INITIAL_FORMS": "0",
        "comments-0-replies-MIN_NUM_FORMS": "0",
        "comments-0-replies-MAX_NUM_FORMS": "0",
    })
    return form


@pytest.fixture
def commented(client, agency_a, history):
    page, _first, _second = history
    client.force_login(moderator(agency_a))
    response = client.post(edit_url(page), _comment_form(page))
    assert response.status_code == 302
    return page


def test_comment_is_saved_and_shown_to_the_agency(client, agency_a, commented):
    comment = Comment.objects.get(page=commented)
    assert comment.text == COMMENT
    assert comment.user.username == "agency-a-moderator"
    client.force_login(editor(agency_a))
    assert COMMENT in client.get(edit_url(commented)).content.decode()


COMMENT_URLS = [
    "/admin/pages/{pk}/edit/",
    "/admin/pages/{pk}/history/",
    "/admin/pages/{pk}/revisions/",
    "/admin/pages/{pk}/workflow_history/",
    "/admin/reports/site-history/",
    "/admin/reports/site-history/results/",
    "/admin/reports/agency-audit-log/",
    "/admin/reports/agency-audit-log/results/",
    "/admin/api/main/pages/{pk}/",
    "/admin/",
]


@pytest.mark.parametrize("url", COMMENT_URLS)
@pytest.mark.parametrize("intruder", ["editor", "moderator"])
def test_other_agency_cannot_read_comments(client, agency_b, commented, url, intruder):
    client.cookies.clear()
    client.force_login(editor(agency_b) if intruder == "editor" else moderator(agency_b))
    response = client.get(url.format(pk=commented.pk))
    assert response.status_code < 500
    assert COMMENT not in response.content.decode()


def test_platform_admin_sees_the_comment_in_the_audit_log(client, commented):
    client.force_login(platform_admin())
    html = client.get("/admin/reports/agency-audit-log/").content.decode()
    assert COMMENT in html or "Comment" in html
