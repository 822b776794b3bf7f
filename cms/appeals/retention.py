"""Retention of form submissions: citizens' appeals and feedback hold personal data
and are kept only as long as their agency's `submission_retention_days` says
(365 days by default, 30 to 3650). `manage.py purge_submissions` and the daily
maintenance task delete older ones; each agency's purge is recorded in its audit log
with counts only, never a submission's content.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import FormSubmission
from wagtail.log_actions import log

from cms.tenants.models import Agency

PURGE_ACTION = "appeals.submissions_purged"
LOG_ACTIONS = {PURGE_ACTION: (_("Purge form submissions"), _("Old form submissions deleted"))}


@dataclass(frozen=True)
class Purged:
    agency: str
    retention_days: int
    cutoff: datetime.datetime
    count: int


def expired_submissions(agency: Agency, now: datetime.datetime):
    """The agency's submissions sent before its retention period began."""
    cutoff = now - datetime.timedelta(days=agency.submission_retention_days)
    home = getattr(agency, "home_page", None)
    if home is None:
        return FormSubmission.objects.none(), cutoff
    submissions = FormSubmission.objects.filter(
        page__path__startswith=home.path, submit_time__lt=cutoff
    )
    return submissions, cutoff


def purge_submissions(
    *, agencies=None, now: datetime.datetime | None = None, dry_run: bool = False
) -> list[Purged]:
    """Delete each agency's expired submissions (count them only with `dry_run`)."""
    now = now or timezone.now()
    if agencies is None:
        agencies = Agency.objects.select_related("home_page").order_by("slug")
    report = []
    for agency in agencies:
        submissions, cutoff = expired_submissions(agency, now)
        with transaction.atomic():
            count = submissions.count()
            if count and not dry_run:
                submissions.delete()
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
