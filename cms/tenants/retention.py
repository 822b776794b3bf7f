"""Per-agency retention of citizens' personal data (appeals' form submissions, page
feedback): each agency keeps them `Agency.submission_retention_days` days. The apps
that own the data say which of an agency's rows are expired; the loop, the audit-log
entry (counts only, never content) and the report are the same for all of them.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from wagtail.log_actions import log

from .models import Agency


@dataclass(frozen=True)
class Purged:
    agency: str
    retention_days: int
    cutoff: datetime.datetime
    count: int


def cutoff(agency: Agency, now: datetime.datetime) -> datetime.datetime:
    """When the agency's retention period began: older rows are expired."""
    return now - datetime.timedelta(days=agency.submission_retention_days)


def purge_expired(
    expired: Callable[[Agency, datetime.datetime], QuerySet],
    *,
    action: str,
    agencies: Iterable[Agency],
    now: datetime.datetime | None = None,
    dry_run: bool = False,
) -> list[Purged]:
    """Delete `expired(agency, cutoff)` for each agency (count it only with `dry_run`),
    one transaction per agency, and log each agency's purge as `action`."""
    now = now or timezone.now()
    report = []
    for agency in agencies:
        since = cutoff(agency, now)
        with transaction.atomic():
            rows = expired(agency, since)
            count = rows.count()
            if count and not dry_run:
                rows.delete()
                log(
                    instance=agency,
                    action=action,
                    data={
                        "count": count,
                        "retention_days": agency.submission_retention_days,
                        "sent_before": since.isoformat(),
                    },
                )
        report.append(Purged(agency.slug, agency.submission_retention_days, since, count))
    return report
