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

from cms.appeals.retention import purge_submissions
from cms.core.daily import schedule_daily
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


def schedule_daily_maintenance():
    """Queue the next daily run (cms.core.daily); its time, or None."""
    return schedule_daily(daily_maintenance, RUN_AT)
