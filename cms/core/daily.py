"""Tasks that run once a day and queue their own next run (the platform's purges,
the compliance checks): when the next run is, whether one is already waiting, and
queueing it. One implementation for every daily task.

Queueing also replays the cache invalidations that a Redis outage kept from the cache
(cms.core.redis_cache): a backstop that runs after every daily task and at each
deployment (setup_platform), beside the processes that saw the outage."""

import datetime

from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .redis_cache import replay_all


def next_run(run_at: datetime.time, now: datetime.datetime | None = None) -> datetime.datetime:
    """The next moment at `run_at` (UTC): today's if it is still ahead, else tomorrow's."""
    now = now or timezone.now()
    today = datetime.datetime.combine(now.astimezone(datetime.UTC).date(), run_at)
    return today if today > now else today + datetime.timedelta(days=1)


def is_queued(task) -> bool:
    """Whether a run of `task` is already waiting (database backend; the dummy backend
    keeps its results in memory; others keep no record)."""
    backend = task.get_backend()
    if backend.__class__.__module__.startswith("django_tasks_db"):
        return DBTaskResult.objects.filter(
            task_path=task.module_path, status=TaskResultStatus.READY
        ).exists()
    results = getattr(backend, "results", None)
    if results is not None:
        return any(
            r.task.module_path == task.module_path and r.status == TaskResultStatus.READY
            for r in results
        )
    return False


def schedule_daily(task, run_at: datetime.time) -> datetime.datetime | None:
    """Queue the next daily run of `task`; its time, or None when the backend runs
    tasks in-process (no deferred tasks) or one is already queued. (A running task's
    own result is RUNNING, not READY: it does queue the next day's.)"""
    replay_all()
    if not task.get_backend().supports_defer or is_queued(task):
        return None
    when = next_run(run_at)
    task.using(run_after=when).enqueue()
    return when
