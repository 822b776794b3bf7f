"""The public scorecard `/<lang>/transparency/`: each active agency's current
compliance in plain words (freshness, accessibility, languages), for citizens and
the press, from the latest snapshots. Platform admins switch it off on the
dashboard (then it answers 404).

Anonymous responses are stored by the page cache (cms.core.pagecache); writing a
snapshot and switching the scorecard retire them (snapshots.SCORECARD_SEGMENT).
"""

from django.http import Http404
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from cms.core.components.breadcrumbs import crumb
from cms.core.pagecache import cacheable
from cms.pages.models import PortalHomePage

from .models import ScorecardSetting, Snapshot
from .presenters import status
from .snapshots import latest_snapshots


def _pages(snapshot: Snapshot, check: str) -> int:
    return len({entry.get("page") for entry in snapshot.items if entry["check"] == check})


def freshness_words(snapshot: Snapshot) -> str:
    if snapshot.freshness >= 100:
        return _("Updated on time")
    overdue = len({
        row["page"] for row in snapshot.due_dates if row.get("stale")
    })
    return ngettext(
        "%(count)s section is overdue for an update",
        "%(count)s sections are overdue for an update",
        overdue,
    ) % {"count": overdue}


def accessibility_words(snapshot: Snapshot) -> str:
    if snapshot.accessibility >= 100:
        return _("No known barriers")
    count = _pages(snapshot, "accessibility")
    return ngettext(
        "Barriers on %(count)s page of %(total)s",
        "Barriers on %(count)s pages of %(total)s",
        count,
    ) % {"count": count, "total": snapshot.pages}


def language_words(snapshot: Snapshot) -> str:
    if snapshot.translation >= 100:
        return _("Complete in Kazakh and Russian")
    count = _pages(snapshot, "translation")
    return ngettext(
        "%(count)s page is missing a language or lags behind",
        "%(count)s pages are missing a language or lag behind",
        count,
    ) % {"count": count}


def scorecard_rows(snapshots) -> list[list[str]]:
    rows = []
    for snapshot in sorted(snapshots, key=lambda s: str(s.agency).casefold()):
        rows.append([
            str(snapshot.agency),
            status(snapshot.overall)["label"],
            freshness_words(snapshot),
            accessibility_words(snapshot),
            language_words(snapshot),
            date_format(snapshot.date, "d.m.Y"),
        ])
    return rows


@require_safe
@cacheable(vary=("Cookie",))
def transparency(request):
    if not ScorecardSetting.is_public():
        raise Http404("The scorecard is not published.")
    snapshots = list(latest_snapshots().defer(None))
    heading = _("How the agencies keep their sites")
    portal = PortalHomePage.objects.first()
    crumbs = [crumb(portal.title, portal.get_url(request=request) or "/")] if portal else []
    context = {
        "heading": heading,
        "crumbs": crumbs,
        "table": {
            "caption": _("Compliance of each agency's site, from the latest daily check"),
            "columns": [
                _("Agency"), _("In short"), _("Freshness"), _("Accessibility"),
                _("Languages"), _("Checked on"),
            ],
            "rows": scorecard_rows(snapshots),
        },
        "page": None,
    }
    return render(request, "compliance/transparency.html", context)



