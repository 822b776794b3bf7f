"""Agency-scoped navigation snippets.

`QuickLink` is the reference pattern for any snippet that belongs to one agency:
an `agency` foreign key, registered with `AgencyScopedSnippetViewSet`, and its log
entries kept in an agency-aware log model so that the site history report of one
agency never shows another's.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.tenants.isolation.logging import AgencyLogEntry


class QuickLink(models.Model):
    agency = models.ForeignKey(
        "tenants.Agency",
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        related_name="quick_links",
    )
    title = models.CharField(_("title"), max_length=255)
    url = models.URLField(_("address"), max_length=500)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    class Meta:
        verbose_name = _("quick link")
        verbose_name_plural = _("quick links")
        ordering = ["agency", "sort_order", "pk"]

    def __str__(self) -> str:
        return self.title or self.url


class QuickLinkLogEntry(AgencyLogEntry):
    """Audit log of quick links, carrying the agency for scoping."""

    class Meta(AgencyLogEntry.Meta):
        verbose_name = _("quick link log entry")
        verbose_name_plural = _("quick link log entries")
