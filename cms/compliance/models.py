"""The compliance rules as data, and what the checks found.

Rules (edited by platform admins in the admin, Order 124-НҚ defaults shipped by the
data migration 0002):

- `SectionRule`: per section (the slug of a top-level section of an agency's site, or
  "*" for every other section) and optionally per agency category: is the section
  required, and how fresh must it be: the newest item at most N working days old
  (news), or a started change published within N working days (every other section);
- `ContentRule`: the required content (contacts, reception schedule, feedback,
  e-services, complete legal acts), each on or off, optionally per category.

A rule for the agency's category wins over the rule for every category.

Results: `Snapshot`, one row per agency and day (scores per check, failing items),
and `AxeCrawl`, the last browser accessibility crawl of an agency's pages.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.tenants.models import Agency

ANY_SECTION = "*"
CATEGORY_CHOICES = [("", _("Every category")), *Agency.Category.choices]


class SectionRule(models.Model):
    class Kind(models.TextChoices):
        NEWEST_ITEM = "newest_item", _("The newest item is at most N working days old")
        PENDING_CHANGE = "pending_change", _("A started change is published within N working days")

    section = models.CharField(
        _("section"),
        max_length=50,
        help_text=_(
            "Address of a top-level section of an agency's site (news, documents, "
            "contacts...), or * for every other section."
        ),
    )
    category = models.CharField(
        _("agency category"), max_length=20, choices=CATEGORY_CHOICES, blank=True, default=""
    )
    required = models.BooleanField(
        _("required"), default=False, help_text=_("Every agency must have this section, live.")
    )
    kind = models.CharField(
        _("freshness rule"), max_length=20, choices=Kind.choices, default=Kind.PENDING_CHANGE
    )
    working_days = models.PositiveSmallIntegerField(
        _("working days"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )

    class Meta:
        verbose_name = _("section rule")
        verbose_name_plural = _("section rules")
        ordering = ["section", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "category"], name="compliance_section_rule_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.section} ({self.get_category_display()})"


class ContentRule(models.Model):
    class Code(models.TextChoices):
        CONTACTS = "contacts", _("Contacts with a phone number and a postal address")
        RECEPTION = "reception", _("A schedule of the reception of citizens")
        FEEDBACK = "feedback", _("A feedback form or a link to citizens' appeals")
        E_SERVICES = "e_services", _("Links to electronic services")
        LEGAL_ACTS = "legal_acts", _(
            "Legal acts with number, date, signatory, text and file"
        )

    code = models.CharField(_("requirement"), max_length=20, choices=Code.choices)
    category = models.CharField(
        _("agency category"), max_length=20, choices=CATEGORY_CHOICES, blank=True, default=""
    )
    enabled = models.BooleanField(_("checked"), default=True)

    class Meta:
        verbose_name = _("content rule")
        verbose_name_plural = _("content rules")
        ordering = ["code", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "category"], name="compliance_content_rule_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_code_display()} ({self.get_category_display()})"


class ScorecardSetting(models.Model):
    """One row: whether the public scorecard /<lang>/transparency/ is published."""

    public = models.BooleanField(_("publish the scorecard"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("scorecard setting")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)

    @classmethod
    def is_public(cls) -> bool:
        row = cls.objects.filter(pk=1).first()
        return True if row is None else row.public


class Snapshot(models.Model):
    """What the checks found for one agency on one day (the latest run of the day)."""

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="compliance_snapshots"
    )
    date = models.DateField(_("date"))
    created_at = models.DateTimeField(auto_now=True)
    overall = models.PositiveSmallIntegerField(_("overall"), default=0)
    freshness = models.PositiveSmallIntegerField(_("freshness"), default=0)
    content = models.PositiveSmallIntegerField(_("required content"), default=0)
    depth = models.PositiveSmallIntegerField(_("click depth"), default=0)
    links = models.PositiveSmallIntegerField(_("links"), default=0)
    accessibility = models.PositiveSmallIntegerField(_("accessibility"), default=0)
    translation = models.PositiveSmallIntegerField(_("translation"), default=0)
    moderation = models.PositiveSmallIntegerField(_("moderation"), default=0)
    # {language: {check: score}} for the checks that are per language.
    language_scores = models.JSONField(default=dict)
    # Every failing item: {"check", "code", "lang", "page", "due", ...} (checks.Item).
    items = models.JSONField(default=list)
    # Every section's freshness: {"page", "lang", "due", "stale", "newest"}.
    due_dates = models.JSONField(default=list)
    pages = models.PositiveIntegerField(_("live pages"), default=0)
    failing = models.PositiveIntegerField(_("failing items"), default=0)

    class Meta:
        verbose_name = _("compliance snapshot")
        verbose_name_plural = _("compliance snapshots")
        ordering = ["-date", "agency_id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "date"], name="compliance_snapshot_daily")
        ]
        indexes = [models.Index(fields=["date"], name="compliance_snapshot_date")]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.date}"


class AxeCrawl(models.Model):
    """The last axe-core crawl of an agency's live pages in Chromium
    (`manage.py compliance_axe_crawl`)."""

    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="axe_crawl")
    ran_at = models.DateTimeField()
    pages_checked = models.PositiveIntegerField(default=0)
    # [{"page": id, "lang": "kk", "url": "...", "violations": ["color-contrast", ...]}]
    failures = models.JSONField(default=list)

    class Meta:
        verbose_name = _("accessibility crawl")
        verbose_name_plural = _("accessibility crawls")

    def __str__(self) -> str:
        return f"{self.agency_id} {self.ran_at:%Y-%m-%d}"
