"""The compliance checks of one agency on one day: `run_checks(agency, today)`.

Each check is a function of the agency's site as loaded once (`site.AgencySite`) and
returns a `result.CheckResult`; `today` is an argument everywhere (tests move the
clock by passing another day, never by patching time).
"""

import datetime

from django.utils import timezone

from cms.tenants.models import Agency

from .accessibility import check_accessibility
from .content import check_content
from .depth import check_depth
from .freshness import check_freshness
from .links import check_links
from .moderation import check_moderation
from .result import (
    ACCESSIBILITY,
    CHECKS,
    CONTENT,
    DEPTH,
    FRESHNESS,
    LINKS,
    MODERATION,
    TRANSLATION,
    CheckResult,
)
from .site import AgencySite
from .translation import check_translation

CHECK_FUNCTIONS = {
    FRESHNESS: check_freshness,
    CONTENT: check_content,
    DEPTH: check_depth,
    LINKS: check_links,
    ACCESSIBILITY: check_accessibility,
    TRANSLATION: check_translation,
    MODERATION: check_moderation,
}
assert tuple(CHECK_FUNCTIONS) == CHECKS  # noqa: S101 - one order everywhere


def run_checks(agency: Agency, today: datetime.date | None = None) -> dict[str, CheckResult]:
    """{check: result} for `agency` on `today` (default: the local date)."""
    site = AgencySite(agency, today or timezone.localdate())
    return {name: check(site) for name, check in CHECK_FUNCTIONS.items()}


__all__ = ["CHECKS", "CHECK_FUNCTIONS", "CheckResult", "run_checks", "AgencySite"]
