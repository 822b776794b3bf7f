"""Wagtail hooks registering the agency admin screens."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from cms.platform.log_actions import ARCHIVE_ACTION, REORG_ACTIONS, RESTORE_ACTION
from cms.tenants.models import Agency

from .permissions import PlatformAdminPolicy

# Before the viewset is registered: it would otherwise create a fallback policy
# based on the tenants.*_agency model permissions.
register_permission_policy(Agency, PlatformAdminPolicy(Agency))


@hooks.register("register_admin_viewset")
def register_agency_viewset():
    from .viewsets import agency_viewset

    return agency_viewset


@hooks.register("register_log_actions")
def register_agency_log_actions(actions):
    actions.register_action(ARCHIVE_ACTION, _("Archive agency"), _("Agency archived"))
    actions.register_action(RESTORE_ACTION, _("Restore agency"), _("Agency restored"))
    # Reorganisations (cms.platform.reorg): the entry's data holds the whole plan.
    for action, label, message in (
        ("rename", _("Rename agency"), _("Agency renamed")),
        ("move", _("Move agency"), _("Agency moved under another parent body")),
        ("merge", _("Merge agencies"), _("Agencies merged")),
        ("split", _("Split agency"), _("Agency split")),
    ):
        actions.register_action(REORG_ACTIONS[action], label, message)
