"""The editorial workflow through the admin: editor drafts and submits, the agency's
moderator approves and so publishes; nobody else can publish or approve."""

from django.contrib.auth.models import Permission
from wagtail.models import GroupPagePermission, Page, WorkflowState

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
from cms.platform.provisioning import grant_permissions, provision_agency


def _page(slug="budget-hearing"):
    return NewsPage.objects.get(slug=slug)


def test_editor_drafts_submits_and_moderator_approves(client, agency_a):
    """The done-when scenario, entirely through the admin views."""
    section = news_section(agency_a)
    client.force_login(editor(agency_a))

    # The add form offers submission to the moderators, not publishing.
    html = client.get(add_url(section)).content.decode()
    assert 'name="action-submit"' in html and "Submit to moderators" in html
    assert 'name="action-publish"' not in html

    response = client.post(add_url(section), news_form(action="action-save-draft"))
    assert response.status_code == 302, response.content[:2000]
    page = _page()
    assert not page.live and page.get_parent().pk == section.pk

    html = client.get(edit_url(page)).content.decode()
    assert "Submit to moderators" in html and 'name="action-publish"' not in html

    response = client.post(edit_url(page), edit_form(page, action="action-submit"))
    assert response.status_code == 302
    page = _page()
    assert not page.live
    state = page.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow_id == agency_a.workflow_id
    assert client.get("/en/agency-a/news/budget-hearing/").status_code == 404

    # The moderator sees the task on the dashboard and approves it.
    client.force_login(moderator(agency_a))
    dashboard = client.get("/admin/").content.decode()
    assert "Public hearing on the budget" in dashboard or "Бюджет" in dashboard
    assert workflow_action_url(page) in dashboard
    response = client.post(workflow_action_url(page), {"comment": "Checked, thank you."})
    assert response.status_code in (200, 302)
    page = _page()
    assert page.live and not page.has_unpublished_changes
    assert page.current_workflow_state is None
    public = client.get("/ru/agency-a/news/budget-hearing/")
    assert public.status_code == 200
    assert "Публичные слушания по бюджету" in public.content.decode()


def test_other_agency_moderator_can_neither_see_nor_approve(client, agency_a, agency_b):
    section = news_section(agency_a)
    client.force_login(editor(agency_a))
    client.post(add_url(section), news_form(action="action-submit"))
    page = _page()
    assert page.current_workflow_state is not None and not page.live
    url = workflow_action_url(page)

    client.cookies.clear()  # no flash message of the editor's session
    client.force_login(moderator(agency_b))
    dashboard = client.get("/admin/").content.decode()
    assert "Public hearing on the budget" not in dashboard and url not in dashboard
    response = client.post(url, {"comment": ""})
    assert response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"] in ("/admin/", "/admin")
    )
    page = _page()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_editor_cannot_publish_directly(client, agency_a):
    section = news_section(agency_a)
    client.force_login(editor(agency_a))
    response = client.post(add_url(section), news_form(action="action-publish"))
    assert response.status_code < 500
    page = NewsPage.objects.filter(slug="budget-hearing").first()
    assert page is None or not page.live
    # Nor on an existing draft, nor through the bulk action.
    if page is None:
        client.post(add_url(section), news_form(action="action-save-draft"))
        page = _page()
    client.post(edit_url(page), edit_form(page, action="action-publish"))
    assert not _page().live
    client.post(f"/admin/bulk/wagtailcore/page/publish/?next=/admin/&id={page.pk}")
    assert not _page().live


def test_moderator_requests_changes_with_a_comment(client, agency_a):
    section = news_section(agency_a)
    client.force_login(editor(agency_a))
    client.post(add_url(section), news_form(action="action-submit"))
    page = _page()
    client.force_login(moderator(agency_a))
    response = client.post(
        workflow_action_url(page, "reject"), {"comment": "Please add the venue."}
    )
    assert response.status_code in (200, 302)
    page = _page()
    assert not page.live
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Please add the venue."
    # The editor sees the comment and can resubmit.
    client.force_login(editor(agency_a))
    html = client.get(edit_url(page)).content.decode()
    assert "Please add the venue." in client.get(
        f"/admin/pages/{page.pk}/workflow_history/"
    ).content.decode() or "Please add the venue." in html
    assert "Resubmit to moderators" in html


def test_provisioning_repair_takes_publish_from_editors(agency_a):
    home = agency_a.home_page
    publish = Permission.objects.get(content_type__app_label="wagtailcore",
                                     codename="publish_page")
    GroupPagePermission.objects.create(group=agency_a.editors_group, page=home,
                                       permission=publish)
    grant_permissions(agency_a)
    assert not GroupPagePermission.objects.filter(
        group=agency_a.editors_group, permission=publish
    ).exists()
    assert GroupPagePermission.objects.filter(
        group=agency_a.moderators_group, permission=publish
    ).exists()
    # And the same through provisioning (idempotent repair).
    GroupPagePermission.objects.create(group=agency_a.editors_group, page=home,
                                       permission=publish)
    provision_agency(slug=agency_a.slug, names={})
    assert not GroupPagePermission.objects.filter(
        group=agency_a.editors_group, permission=publish
    ).exists()


def test_data_migration_takes_publish_from_editors(agency_a):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("cms.editorial.migrations.0001_editors_no_longer_publish")
    publish = Permission.objects.get(content_type__app_label="wagtailcore",
                                     codename="publish_page")
    GroupPagePermission.objects.create(group=agency_a.editors_group,
                                       page=agency_a.home_page, permission=publish)
    migration.remove_editor_publish(apps, None)
    assert not GroupPagePermission.objects.filter(
        group=agency_a.editors_group, permission=publish
    ).exists()
    assert Page.objects.filter(pk=agency_a.home_page.pk, live=True).exists()
