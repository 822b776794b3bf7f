"""What the importer remembers: which page an agency's external record became."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedRecord(models.Model):
    """One record of an agency's old site, by its external id, and the page it became.

    The checksum covers the record's JSON and the bytes of every file it references, so
    a re-import of an unchanged record does nothing and a changed one is updated. External
    ids are unique per agency only: two agencies may use the same ids.
    """

    agency = models.ForeignKey(
        "tenants.Agency", on_delete=models.CASCADE, related_name="imported_records"
    )
    external_id = models.CharField(_("external id"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20)
    # Deleting the page forgets the mapping: the next import creates the page again.
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="imported_record"
    )
    checksum = models.CharField(_("checksum"), max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("imported record")
        verbose_name_plural = _("imported records")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "external_id"], name="importer_unique_external_id_per_agency"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency_id}:{self.external_id}"
