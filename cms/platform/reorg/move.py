"""Move an agency under another parent body (a committee to another ministry).

Addresses are flat (`/<lang>/<agency>/…` whatever the parent), so no page moves and
no address changes: the parent relation changes, and with it every page that shows
it (the agency's header, both parents' lists of subordinates, the portal's
directory) and the search documents that carry the parent.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.platform.provisioning import update_agency
from cms.tenants.models import Agency

from . import common
from .plan import Plan


def plan_move(agency: Agency, parent: Agency | None) -> Plan:
    common.require_active(agency)
    if parent is not None:
        node = parent
        while node is not None:
            if node.pk == agency.pk:
                raise ValidationError(
                    {
                        "parent": ValidationError(
                            gettext_lazy(
                                "An agency cannot be moved under itself or under a body "
                                "subordinate to it."
                            ),
                            code="parent_cycle",
                        )
                    }
                )
            node = node.parent
        if parent.is_archived:
            raise ValidationError(
                {
                    "parent": ValidationError(
                        gettext_lazy("%(name)s is archived: choose an active parent body."),
                        code="parent_archived",
                        params={"name": parent},
                    )
                }
            )
    if (parent.pk if parent else None) == agency.parent_id:
        raise ValidationError(
            gettext_lazy("%(name)s is already there: choose another parent body."),
            code="nothing_to_change",
            params={"name": agency},
        )
    plan = Plan(operation="move", agency=agency.slug, target=parent.slug if parent else None)
    plan.summary.append(
        _("Parent body: %(old)s → %(new)s") % {"old": agency.parent or "—", "new": parent or "—"}
    )
    plan.summary.append(_("Addresses do not depend on the parent body: none changes."))
    plan.steps = {"parent": parent.pk if parent else None}
    return plan


def move_agency(agency: Agency, parent: Agency | None, *, user=None, dry_run: bool = False) -> Plan:
    """Put `agency` under `parent` (None: a top-level body) in one transaction."""
    plan = plan_move(agency, parent)
    if dry_run:
        return plan
    with transaction.atomic():
        agency = Agency.objects.select_for_update().get(pk=agency.pk)
        parent = Agency.objects.get(pk=parent.pk) if parent else None
        plan = plan_move(agency, parent)
        # The search outbox re-indexes the agency's pages when its parent changes
        # (search.outbox.on_agency_saved); the caches go in `finish`.
        agency = update_agency(agency, user=user, parent=parent)
        common.finish(plan, agency, user, others=[parent] if parent else [])
    return plan
