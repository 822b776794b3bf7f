"""What citizens say about a page, and when each language of a page last changed.

`Feedback` is personal data (a message may name its writer): it belongs to the
agency whose site holds the page, is listed only to that agency's editors and
moderators (wagtail_hooks.py) and is deleted after the agency's retention period
(retention.py). No address is stored: the rate limit counts a hash of it in the
cache, never in the database.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 2000


class Feedback(models.Model):
    """One answer to "Was this page useful?", with or without a message, or a
    report of an error on the page (a message without an answer)."""

    agency = models.ForeignKey(
        "tenants.Agency",
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name=_("agency"),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=[(code, name) for code, name in settings.LANGUAGES]
    )
    useful = models.BooleanField(_("useful"), null=True, blank=True)
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    created = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["agency", "-created"], name="feedback_agency_created")]

    def __str__(self):
        return f"{self.page_id} {self.language} {self.created:%Y-%m-%d}"


class LanguageUpdate(models.Model):
    """When the text of one language of a page last changed on publishing: a page
    whose Russian was corrected yesterday and whose Kazakh has not changed for a year
    says so in each language. `digest` is a hash of that language's fields at the
    last publish."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    digest = models.CharField(max_length=64)
    updated = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="feedback_update_unique")
        ]

    def __str__(self):
        return f"{self.page_id} {self.language} {self.updated:%Y-%m-%d}"
