"""Retention of form submissions: citizens' appeals and feedback hold personal data
and are kept only as long as their agency's `submission_retention_days` says
(365 days by default, 30 to 3650). `manage.py purge_submissions` and the daily
maintenance task delete older ones; each agency's purge is recorded in its audit log
with counts only, never a submission's content.
"""

import datetime

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import FormSubmission

from cms.tenants.models import Agency
from cms.tenants.retention import Purged, purge_expired

PURGE_ACTION = "appeals.submissions_purged"
LOG_ACTIONS = {PURGE_ACTION: (_("Purge form submissions"), _("Old form submissions deleted"))}


def _expired(agency: Agency, since: datetime.datetime):
    """The agency's submissions sent before its retention period began."""
    home = getattr(agency, "home_page", None)
    if home is None:
        return FormSubmission.objects.none()
    return FormSubmission.objects.filter(page__path__startswith=home.path, submit_time__lt=since)


def purge_submissions(
    *, agencies=None, now: datetime.datetime | None = None, dry_run: bool = False
) -> list[Purged]:
    """Delete each agency's expired submissions (count them only with `dry_run`)."""
    if agencies is None:
        agencies = Agency.objects.select_related("home_page").order_by("slug")
    return purge_expired(_expired, action=PURGE_ACTION, agencies=agencies, now=now, dry_run=dry_run)
