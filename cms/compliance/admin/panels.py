"""The compliance card on the Wagtail dashboard (the admin's home page).

Agency editors and moderators see the card of their own agency (or agencies), and
nothing of any other; platform admins see the platform's average and a link to the
dashboard."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from cms.tenants.scoping import agencies_for_user, is_platform_admin

from ..presenters import score_cells, status
from ..snapshots import latest_snapshots


class CompliancePanel(Component):
    name = "compliance"
    template_name = "compliance/admin/panel.html"
    order = 90

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        if is_platform_admin(user):
            snapshots = list(latest_snapshots())
            average = (
                sum(s.overall for s in snapshots) // len(snapshots) if snapshots else None
            )
            return {
                "platform": True,
                "heading": _("Compliance of the agencies"),
                "average": average,
                "average_status": status(average) if average is not None else None,
                "count": len(snapshots),
                "dashboard_url": reverse("compliance_dashboard"),
            }
        agencies = list(agencies_for_user(user).order_by("slug"))
        cards = []
        snapshots = {s.agency_id: s for s in latest_snapshots(agencies)}
        for agency in agencies:
            snapshot = snapshots.get(agency.pk)
            cards.append(
                {
                    "agency": agency,
                    "snapshot": snapshot,
                    "overall": status(snapshot.overall) if snapshot else None,
                    "cells": score_cells(snapshot) if snapshot else [],
                    "url": reverse("compliance_agency", args=(agency.slug,)),
                }
            )
        return {"platform": False, "heading": _("Compliance of your site"), "cards": cards}


def add_panel(request, panels) -> None:
    if is_platform_admin(request.user) or agencies_for_user(request.user).exists():
        panels.append(CompliancePanel())



