"""The dashboard's "Awaiting your review" panel, at a cost that does not grow with the
number of agencies.

Every agency has its own workflow with its own approval task (its moderators group,
see `cms.platform.provisioning._ensure_workflow`). Wagtail's panel asks
`TaskState.objects.reviewable_by(user)`, which loads every active task and asks each
one whether the user may moderate it: one query per agency, and for a superuser a
union of one subquery per agency. Here the group approval tasks are asked in one
query (tasks the user's groups approve, or all of them for a superuser, exactly what
`AbstractGroupApprovalTask.get_task_states_user_can_moderate` decides task by task).
Tasks of any other type still answer for themselves; the platform creates none.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import GroupApprovalTask, Page, Revision, Task, TaskState


def reviewable_task_states(user):
    """The in-progress task states `user` may act on (as `TaskState.objects.reviewable_by`)."""
    approval_tasks = GroupApprovalTask.objects.filter(active=True)
    if not user.is_superuser:
        approval_tasks = approval_tasks.filter(groups__in=user.groups.all())
    states = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS, task__in=approval_tasks.values("pk")
    )
    other_tasks = (
        Task.objects.filter(active=True)
        .exclude(content_type=ContentType.objects.get_for_model(GroupApprovalTask))
        .specific()
    )
    for task in other_tasks:
        states = states | task.get_task_states_user_can_moderate(user=user)
    return states


class AgencyObjectsToModeratePanel(WorkflowObjectsToModeratePanel):
    """Wagtail's panel (same template, same context) over `reviewable_task_states`."""

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = {"states": [], "request": request, "csrf_token": parent_context["csrf_token"]}
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return context
        states = (
            reviewable_task_states(request.user)
            .select_related(
                "revision",
                "revision__user",
                "workflow_state",
                "workflow_state__workflow",
            )
            .prefetch_related(
                "revision__content_object",
                "revision__content_object__latest_revision",
            )
            .order_by("-started_at")
            .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
        )
        for state in states:
            obj = state.revision.content_object
            if not obj:
                # The revision's object is gone (see Wagtail's panel).
                continue
            action_url_name = "wagtailadmin_pages:workflow_action"
            preview_url_name = "wagtailadmin_pages:workflow_preview"
            compare_url_name = "wagtailadmin_pages:revisions_compare"
            if not isinstance(obj, Page):
                viewset = obj.snippet_viewset
                action_url_name = viewset.get_url_name("workflow_action")
                preview_url_name = viewset.get_url_name("workflow_preview")
                compare_url_name = viewset.get_url_name("revisions_compare")
            if not getattr(obj, "is_previewable", False):
                preview_url_name = None
            context["states"].append(
                {
                    "obj": obj,
                    "revision": state.revision,
                    "previous_revision_id": state.previous_revision_id,
                    "live_revision_id": obj.live_revision_id,
                    "task_state": state,
                    "actions": state.task.specific.get_actions(obj, request.user),
                    "workflow_tasks": state.workflow_state.all_tasks_with_status(),
                    "workflow_action_url_name": action_url_name,
                    "workflow_preview_url_name": preview_url_name,
                    "revisions_compare_url_name": compare_url_name,
                }
            )
        return context


def replace_moderation_panel(panels) -> None:
    for index, panel in enumerate(panels):
        if type(panel) is WorkflowObjectsToModeratePanel:
            panels[index] = AgencyObjectsToModeratePanel()
