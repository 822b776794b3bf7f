"""Daily maintenance in the task worker: the purges that data-protection rules ask
for (form submissions and page feedback past their agency's retention period; pages
and documents 30 days in the recycle bin).

django-tasks has no periodic tasks, so the maintenance task schedules its own next
run: `setup_platform` (run at every deployment) enqueues the first one for the next
03:00 UTC unless one is already queued, and each run enqueues the following day's.
With the in-process backend (development, tests) nothing is deferred: run
`manage.py purge_submissions` and `manage.py purge_recycle_bin` from cron instead.
"""

import datetime
import logging

from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from cms.appeals.retention import purge_submissions
from cms.feedback.retention import purge_feedback
from cms.recyclebin.service import purge as purge_recycle_bin

logger = logging.getLogger(__name__)

RUN_AT = datetime.time(3, 0, tzinfo=datetime.UTC)


def run_daily_purges(now: datetime.datetime | None = None) -> dict:
    now = now or timezone.now()
    submissions = purge_submissions(now=now)
    counts = {"submissions": sum(item.count for item in submissions)}
    counts["feedback"] = sum(item.count for item in purge_feedback(now=now))
    recycled = purge_recycle_bin(now)
    counts.update(recycled_pages=recycled["pages"], recycled_documents=recycled["documents"])
    logger.info("Daily maintenance: %s", counts)
    return counts


@task()
def daily_maintenance() -> dict:
    """Run the daily purges, then queue tomorrow's run."""
    counts = run_daily_purges()
    schedule_daily_maintenance()
    return counts


def next_run(now: datetime.datetime | None = None) -> datetime.datetime:
    now = now or timezone.now()
    today = datetime.datetime.combine(now.astimezone(datetime.UTC).date(), RUN_AT)
    return today if today > now else today + datetime.timedelta(days=1)


def _queued(backend) -> bool:
    """Whether a daily run is already waiting (database backend; others: no record)."""
    if backend.__class__.__module__.startswith("django_tasks_db"):
        return DBTaskResult.objects.filter(
            task_path=daily_maintenance.module_path, status=TaskResultStatus.READY
        ).exists()
    results = getattr(backend, "results", None)
    if results is not None:  # the dummy backend keeps its results in memory
        return any(
            r.task.module_path == daily_maintenance.module_path
            and r.status == TaskResultStatus.READY
            for r in results
        )
    return False


def schedule_daily_maintenance():
    """Queue the next daily run; returns its time, or None when the backend runs
    tasks in-process (no deferred tasks) or one is already queued. (A running task's
    own result is RUNNING, not READY: it does queue the next day's.)"""
    backend = daily_maintenance.get_backend()
    if not backend.supports_defer:
        return None
    if _queued(backend):
        return None
    when = next_run()
    daily_maintenance.using(run_after=when).enqueue()
    return when
