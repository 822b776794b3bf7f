"""Moderation: every page of the agency waiting for approval must be decided within
1 working day (Kazakhstan's calendar) of being submitted to the current step."""

from django.db.models import CharField
from django.db.models.functions import Cast
from wagtail.models import Page, WorkflowState

from ..calendar import add_working_days
from .result import MODERATION, CheckResult, item, percent
from .site import AgencySite, local_date

WAIT_WORKING_DAYS = 1


def check_moderation(site: AgencySite) -> CheckResult:
    page_keys = (
        Page.objects.filter(path__startswith=site.home.path)
        .annotate(key=Cast("pk", CharField()))
        .values("key")
    )
    states = (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=site.page_ct,
            object_id__in=page_keys,
        )
        .select_related("current_task_state")
        .order_by("created_at")
    )
    items, total, good = [], 0, 0
    for state in states:
        task_state = state.current_task_state
        since = local_date(task_state.started_at if task_state else state.created_at)
        due = add_working_days(since, WAIT_WORKING_DAYS)
        total += 1
        if site.today > due:
            items.append(
                item(MODERATION, "waiting", page=int(state.object_id), since=since, due=due)
            )
        else:
            good += 1
    return CheckResult(score=percent(good, total), items=items)
