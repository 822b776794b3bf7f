"""The daily compliance check on the django-tasks worker.

django-tasks has no periodic tasks: like the platform's daily maintenance
(cms.platform.maintenance), the task queues its own next run. The first one is
queued by `manage.py compliance_check --schedule` (run it once at deployment, next to
`setup_platform`) and after every `migrate` of this app (`signals`), unless one is
already waiting. Each run checks every active agency and, on Mondays, sends the
weekly digest to each agency's moderators. With the in-process backend (development,
tests) nothing is deferred: run `manage.py compliance_check` from cron instead.
"""

import datetime
import logging

from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

# 04:00 UTC = 09:00 in Astana, after the 03:00 maintenance purges.
RUN_AT = datetime.time(4, 0, tzinfo=datetime.UTC)
DIGEST_WEEKDAY = 0  # Monday


def run_daily(today: datetime.date | None = None) -> dict:
    from .digest import send_digests
    from .snapshots import agencies_to_check, check_agency

    today = today or timezone.localdate()
    count = 0
    for agency in agencies_to_check():
        check_agency(agency, today)
        count += 1
    sent = len(send_digests(today)) if today.weekday() == DIGEST_WEEKDAY else 0
    logger.info("Compliance: %s agencies checked, %s digests sent", count, sent)
    return {"agencies": count, "digests": sent}


@task()
def daily_compliance() -> dict:
    """Check every agency (and send the digests on Mondays), then queue tomorrow's run."""
    counts = run_daily()
    schedule_daily_compliance()
    return counts


def next_run(now: datetime.datetime | None = None) -> datetime.datetime:
    now = now or timezone.now()
    today = datetime.datetime.combine(now.astimezone(datetime.UTC).date(), RUN_AT)
    return today if today > now else today + datetime.timedelta(days=1)


def _queued(backend) -> bool:
    if backend.__class__.__module__.startswith("django_tasks_db"):
        return DBTaskResult.objects.filter(
            task_path=daily_compliance.module_path, status=TaskResultStatus.READY
        ).exists()
    results = getattr(backend, "results", None)
    if results is not None:  # the dummy backend keeps its results in memory
        return any(
            r.task.module_path == daily_compliance.module_path
            and r.status == TaskResultStatus.READY
            for r in results
        )
    return False


def schedule_daily_compliance():
    """Queue the next daily run; its time, or None (in-process backend, or queued)."""
    backend = daily_compliance.get_backend()
    if not backend.supports_defer or _queued(backend):
        return None
    when = next_run()
    daily_compliance.using(run_after=when).enqueue()
    return when
