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

from cms.core.daily import schedule_daily

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


def schedule_daily_compliance():
    """Queue the next daily run (cms.core.daily); its time, or None."""
    return schedule_daily(daily_compliance, RUN_AT)
