"""What lies in an agency's recycle bin."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.tenants.models import Agency

KEEP_DAYS = 30


class RecycledItem(models.Model):
    """A page (with its subtree) or a document deleted by an editor.

    A page waits under its agency's hidden, never published recycle-bin page; a
    document in the platform's recycle-bin collection, which no group may see. What
    restoring needs (the parent, the next sibling, the collection, the pages that were
    live) is kept here.
    """

    class Kind(models.TextChoices):
        PAGE = "page", _("Page")
        DOCUMENT = "document", _("Document")

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="recycled_items", verbose_name=_("agency")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    object_id = models.PositiveIntegerField()
    title = models.CharField(_("title"), max_length=255)
    deleted_at = models.DateTimeField(_("deleted at"), default=timezone.now, db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("deleted by"),
    )
    original_parent_id = models.PositiveIntegerField(null=True, blank=True)
    original_next_sibling_id = models.PositiveIntegerField(null=True, blank=True)
    original_collection_id = models.PositiveIntegerField(null=True, blank=True)
    live_page_ids = models.JSONField(default=list, blank=True)
    page_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("recycled item")
        verbose_name_plural = _("recycled items")
        ordering = ["-deleted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="recycled_item_once")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def purge_after(self):
        return self.deleted_at + datetime.timedelta(days=KEEP_DAYS)
