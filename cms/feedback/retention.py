"""Retention of page feedback: a message may hold personal data, so feedback is kept
only as long as its agency keeps citizens' form submissions
(`Agency.submission_retention_days`, the appeals' rule in cms.appeals.retention).
`manage.py purge_feedback` and the daily maintenance task (cms.platform.maintenance)
delete older feedback; each agency's purge is recorded in its audit log with counts
only, never a message.
"""

import datetime

from django.utils.translation import gettext_lazy as _

from cms.tenants.models import Agency
from cms.tenants.retention import Purged, purge_expired

from .models import Feedback

PURGE_ACTION = "feedback.purged"
LOG_ACTIONS = {PURGE_ACTION: (_("Purge page feedback"), _("Old page feedback deleted"))}


def purge_feedback(
    *, agencies=None, now: datetime.datetime | None = None, dry_run: bool = False
) -> list[Purged]:
    """Delete each agency's feedback sent before its retention period began (count
    it only with `dry_run`)."""
    if agencies is None:
        agencies = Agency.objects.order_by("slug")
    return purge_expired(
        lambda agency, since: Feedback.objects.filter(agency=agency, created__lt=since),
        action=PURGE_ACTION,
        agencies=agencies,
        now=now,
        dry_run=dry_run,
    )
