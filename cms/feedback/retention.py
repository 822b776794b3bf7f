"""Retention of page feedback: a message may hold personal data, so feedback is kept
only as long as its agency keeps citizens' form submissions
(`Agency.submission_retention_days`, the appeals' rule in cms.appeals.retention).
`manage.py purge_feedback` and the daily maintenance task (cms.platform.maintenance)
delete older feedback; each agency's purge is recorded in its audit log with counts
only, never a message.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from cms.tenants.models import Agency

from .models import Feedback

PURGE_ACTION = "feedback.purged"
LOG_ACTIONS = {PURGE_ACTION: (_("Purge page feedback"), _("Old page feedback deleted"))}


@dataclass(frozen=True)
class Purged:
    agency: str
    retention_days: int
    cutoff: datetime.datetime
    count: int


def purge_feedback(
    *, agencies=None, now: datetime.datetime | None = None, dry_run: bool = False
) -> list[Purged]:
    """Delete each agency's feedback sent before its retention period began (count
    it only with `dry_run`)."""
    now = now or timezone.now()
    if agencies is None:
        agencies = Agency.objects.order_by("slug")
    report = []
    for agency in agencies:
        cutoff = now - datetime.timedelta(days=agency.submission_retention_days)
        with transaction.atomic():
            expired = Feedback.objects.filter(agency=agency, created__lt=cutoff)
            count = expired.count()
            if count and not dry_run:
                expired.delete()
                log(
                    instance=agency,
                    action=PURGE_ACTION,
                    data={
                        "count": count,
                        "retention_days": agency.submission_retention_days,
                        "sent_before": cutoff.isoformat(),
                    },
                )
        report.append(Purged(agency.slug, agency.submission_retention_days, cutoff, count))
    return report
