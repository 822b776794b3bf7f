"""The daily snapshot: one row per agency and day with the score of each check, its
failing items and every section's due date. A later run on the same day replaces the
day's row. Writing a snapshot retires the cached public scorecard."""

import datetime

from django.db import transaction
from django.db.models import Avg, Count, OuterRef, Subquery
from django.utils import timezone

from cms.core import pagecache
from cms.tenants.models import Agency

from .checks import CHECK_FUNCTIONS, CHECKS, AgencySite
from .models import Snapshot

TREND_DAYS = 90
# The public scorecard's address under /<lang>/ (cms/compliance/public.py).
SCORECARD_SEGMENT = "transparency"


def overall(scores: dict[str, int]) -> int:
    return sum(scores.values()) // len(scores) if scores else 0


def check_agency(agency: Agency, today: datetime.date | None = None) -> Snapshot:
    """Run every check on `agency` and store the day's snapshot."""
    today = today or timezone.localdate()
    site = AgencySite(agency, today)
    results = {name: check(site) for name, check in CHECK_FUNCTIONS.items()}
    scores = {name: results[name].score for name in CHECKS}
    by_language: dict[str, dict[str, int]] = {}
    for name in CHECKS:
        for lang, score in results[name].by_language.items():
            by_language.setdefault(lang, {})[name] = score
    items = [entry for name in CHECKS for entry in results[name].items]
    with transaction.atomic():
        snapshot, _created = Snapshot.objects.update_or_create(
            agency=agency,
            date=today,
            defaults={
                **scores,
                "overall": overall(scores),
                "language_scores": by_language,
                "items": items,
                "failing": len(items),
                "due_dates": results["freshness"].due_dates,
                "pages": len(site.pages),
            },
        )
        pagecache.invalidate(segments=[SCORECARD_SEGMENT])
    return snapshot


def agencies_to_check(slug: str | None = None):
    agencies = Agency.objects.filter(status=Agency.Status.ACTIVE, home_page__isnull=False)
    if slug:
        agencies = agencies.filter(slug=slug)
    return agencies.select_related("home_page").order_by("slug")


def latest_snapshots(agencies=None):
    """The newest snapshot of each active agency (of `agencies` when given), in one
    query, without the items (the listing needs only the scores)."""
    newest = (
        Snapshot.objects.filter(agency=OuterRef("agency")).order_by("-date").values("date")[:1]
    )
    queryset = Snapshot.objects.filter(
        agency__status=Agency.Status.ACTIVE, date=Subquery(newest)
    )
    if agencies is not None:
        queryset = queryset.filter(agency__in=agencies)
    return queryset.select_related("agency", "agency__parent").defer("items", "due_dates")


def trend(agencies=None, today: datetime.date | None = None, days: int = TREND_DAYS):
    """[(date, average overall score, agencies counted)] of the last `days` days."""
    today = today or timezone.localdate()
    queryset = Snapshot.objects.filter(date__gt=today - datetime.timedelta(days=days))
    if agencies is not None:
        queryset = queryset.filter(agency__in=agencies)
    rows = (
        queryset.values("date").annotate(score=Avg("overall"), count=Count("pk")).order_by("date")
    )
    return [(row["date"], round(row["score"]), row["count"]) for row in rows]
