"""Audit log entries that remember the agency of the object they describe.

Wagtail's `ModelLogEntry` is scoped only by model permissions: a user allowed to
change quick links would see every agency's quick link history in the site history
report. A model with an `agency` foreign key registers a concrete subclass of
`AgencyLogEntry` with the `register_log_actions` hook (`actions.register_model`),
and its entries become visible only to the users of that agency.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models.audit_log import BaseLogEntry, ModelLogEntryManager

from ..scoping import agencies_for_user, is_platform_admin


class AgencyLogEntryManager(ModelLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        kwargs.setdefault("agency_id", getattr(instance, "agency_id", None))
        return super().log_action(instance, action, **kwargs)

    def viewable_by_user(self, user):
        if is_platform_admin(user):
            return self.all()
        # Not super(): Wagtail caches the allowed content types on the user object
        # from whichever log model asks first, which would hide these entries.
        allowed = [
            ct_id
            for ct_id in self.values_list("content_type_id", flat=True).distinct()
            if _has_any_model_permission(user, ct_id)
        ]
        return self.filter(content_type_id__in=allowed, agency__in=agencies_for_user(user))


def _has_any_model_permission(user, content_type_id) -> bool:
    content_type = ContentType.objects.get_for_id(content_type_id)
    codenames = Permission.objects.filter(content_type_id=content_type_id).values_list(
        "codename", flat=True
    )
    return any(user.has_perm(f"{content_type.app_label}.{codename}") for codename in codenames)


class AgencyLogEntry(BaseLogEntry):
    object_id = models.CharField(max_length=255, blank=False, db_index=True)
    agency = models.ForeignKey(
        "tenants.Agency",
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = AgencyLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        abstract = True
        ordering = ["-timestamp", "-id"]
