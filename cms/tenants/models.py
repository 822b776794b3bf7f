"""The Agency: one government body, one tenant of the platform."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .colours import AA_TEXT_RATIO, WHITE, contrast_ratio, format_ratio

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
SLUG_VALIDATOR = RegexValidator(
    r"^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$",
    _(
        "Use 2–50 lowercase Latin letters, digits and hyphens, "
        "not starting or ending with a hyphen."
    ),
)
HOSTNAME_VALIDATOR = RegexValidator(
    r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$",
    _("Enter a host name such as mysite.gov.kz, in lowercase, without http:// or a path."),
)
# The portal's shared pages, linked from the footer of every site, in footer order.
# They live at /<lang>/<slug>/ beside the agencies; their text is in
# cms/platform/portal.py (PORTAL_PAGES), the footer reads these slugs.
PORTAL_PAGE_SLUGS = ("about-platform", "accessibility", "privacy")
# Paths that the platform itself uses under /<lang>/ and that no agency may take.
RESERVED_SLUGS = {
    "admin",
    "api",
    "search",
    "static",
    "media",
    "documents",
    "sitemap",
    "catalogue",
    "a11y",
    "theme",
    "feedback",
    "transparency",  # the public compliance scorecard (cms.compliance.public)
    *PORTAL_PAGE_SLUGS,
}
# How long citizens' form submissions (personal data) are kept, in days.
RETENTION_DEFAULT_DAYS = 365
RETENTION_MIN_DAYS = 30
RETENTION_MAX_DAYS = 3650
RETENTION_BOUNDS_MESSAGE = _(
    "Keep form submissions for at least 30 and at most 3650 days (ten years)."
)


def validate_colour(value: str) -> None:
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            _("Enter the colour as # followed by six hexadecimal digits, for example #00577B."),
            code="bad_colour",
        )


def validate_brand_contrast(value: str) -> None:
    """The theme draws white text on the brand colour: it must reach WCAG AA (4.5:1)."""
    if not HEX_COLOUR.match(value or ""):
        return  # validate_colour reports the format
    ratio = contrast_ratio(value, WHITE)
    if ratio < AA_TEXT_RATIO:
        raise ValidationError(
            _(
                "The colour %(colour)s gives a contrast of %(ratio)s:1 with white text; "
                "at least %(required)s:1 is needed."
            ),
            code="low_contrast",
            params={
                "colour": value.upper(),
                "ratio": format_ratio(ratio),
                "required": format_ratio(AA_TEXT_RATIO),
            },
        )


def validate_slug(value: str) -> None:
    SLUG_VALIDATOR(value)
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("The address “%(slug)s” is reserved by the platform."),
            code="reserved_slug",
            params={"slug": value},
        )


class Agency(models.Model):
    class Category(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        COMMITTEE = "committee", _("Committee")
        AKIMAT = "akimat", _("Akimat")
        EMBASSY = "embassy", _("Embassy")
        OTHER = "other", _("Other body")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        ARCHIVED = "archived", _("Archived")

    class HeaderLayout(models.TextChoices):
        # The theme marks the site header with the class `site-header--<value>`.
        STANDARD = "standard", _("Standard: emblem and name on the left, menu below")
        CENTERED = "centered", _("Centred: emblem and name centred above the menu")
        COMPACT = "compact", _("Compact: one row with a smaller emblem")

    slug = models.SlugField(
        _("address"),
        max_length=50,
        unique=True,
        validators=[validate_slug],
        help_text=_("Language-neutral part of the address: /kk/<address>/."),
    )
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.OTHER
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    hostname = models.CharField(
        _("own host name"),
        max_length=253,
        blank=True,
        null=True,
        unique=True,
        validators=[HOSTNAME_VALIDATOR],
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    brand_colour = models.CharField(
        _("brand colour"),
        max_length=7,
        default="#00577B",
        validators=[validate_colour],
        help_text=_(
            "White text is drawn on this colour: it needs a contrast of at least 4.5:1 with white."
        ),
    )
    header_layout = models.CharField(
        _("header layout"),
        max_length=20,
        choices=HeaderLayout.choices,
        default=HeaderLayout.STANDARD,
    )
    address = models.CharField(_("postal address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("email"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    submission_retention_days = models.PositiveSmallIntegerField(
        _("keep form submissions for (days)"),
        default=RETENTION_DEFAULT_DAYS,
        validators=[
            MinValueValidator(RETENTION_MIN_DAYS, message=RETENTION_BOUNDS_MESSAGE),
            MaxValueValidator(RETENTION_MAX_DAYS, message=RETENTION_BOUNDS_MESSAGE),
        ],
        help_text=_(
            "Citizens' appeals and other form submissions hold personal data: they are "
            "deleted automatically this many days after they were sent (30 to 3650)."
        ),
    )

    # What provisioning created; kept so that scoping and archiving never guess.
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agency",
    )
    editors_group = models.OneToOneField(
        "auth.Group",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agency_as_editors",
    )
    moderators_group = models.OneToOneField(
        "auth.Group",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agency_as_moderators",
    )
    workflow = models.OneToOneField(
        "wagtailcore.Workflow",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agency",
    )
    site = models.OneToOneField(
        "wagtailcore.Site", null=True, blank=True, on_delete=models.SET_NULL, related_name="agency"
    )
    # The body that continues an archived agency's work: its old addresses answer 410
    # with a page that names and links to it (cms/tenants/archived.py).
    successor = models.ForeignKey(
        "self",
        verbose_name=_("successor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        help_text=_("The body that continues this agency's work once it is archived."),
    )
    # Page ids that were live when the agency was archived, republished on restore.
    archived_live_page_ids = models.JSONField(default=list, blank=True, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["category", "slug"]

    def __str__(self) -> str:
        return self.name or self.slug

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # The colour as stored: clean() checks the contrast of new and changed colours.
        instance._stored_brand_colour = instance.__dict__.get("brand_colour")
        return instance

    @property
    def is_archived(self) -> bool:
        return self.status == self.Status.ARCHIVED

    def clean(self):
        super().clean()
        errors = {}
        # A colour stored before the contrast rule existed does not stop provisioning
        # from repairing the agency; any new or changed colour must pass it. (The admin
        # form checks the colour on every save, so that admins are asked to fix it.)
        if self._state.adding or self.brand_colour != getattr(self, "_stored_brand_colour", None):
            try:
                validate_brand_contrast(self.brand_colour)
            except ValidationError as error:
                errors["brand_colour"] = error
        if self.hostname:
            self.hostname = self.hostname.strip().lower()
        if self.parent_id and self.pk:
            ancestor = self.parent
            while ancestor is not None:
                if ancestor.pk == self.pk:
                    errors["parent"] = _("An agency cannot be subordinate to itself.")
                    break
                ancestor = ancestor.parent
        if self.successor_id and self.successor_id == self.pk:
            errors["successor"] = _("An agency cannot be its own successor.")
        if errors:
            raise ValidationError(errors)

    def current_successor(self) -> "Agency | None":
        """The active body that continues this one: the successor, or the successor's
        successor when that one was archived in turn (a chain is followed, a loop is
        not)."""
        seen, node = {self.pk}, self.successor
        while node is not None and node.pk not in seen:
            if not node.is_archived:
                return node
            seen.add(node.pk)
            node = node.successor
        return None

    def ancestors(self) -> list["Agency"]:
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain


class AgencyPathRedirect(models.Model):
    """A subtree of addresses that moved in a reorganisation (issue 15, item 5).

    `/<lang>/<old_prefix>…` answers 301 to `/<lang>/<new_prefix>…` in every language,
    the rest of the path and the query string kept: one row covers a whole agency
    (`health/` → `health-care/`) or a whole section (`infosec/news/` →
    `digital/news/`), however many pages it holds. The longest matching prefix wins,
    so a page that had to change its own slug gets a row of its own. Prefixes are
    language-neutral paths below the language segment and end with "/". Only
    addresses that would answer 404 are redirected (`cms.tenants.moved`): a live page
    always wins.
    """

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        related_name="path_redirects",
        help_text=_("The agency that now holds the addresses."),
    )
    old_prefix = models.CharField(_("old address"), max_length=255, unique=True)
    new_prefix = models.CharField(_("new address"), max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("moved address")
        verbose_name_plural = _("moved addresses")
        ordering = ["old_prefix"]

    def __str__(self) -> str:
        return f"{self.old_prefix} → {self.new_prefix}"


class AgencyHostRedirect(models.Model):
    """A host name an agency no longer uses: every address on it answers 301 to the
    same address of the agency's site (`old_prefix` is what the host's paths meant on
    the portal, `<slug>/` at the time; the path redirects then carry it further)."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        related_name="host_redirects",
    )
    old_hostname = models.CharField(
        _("old host name"), max_length=253, unique=True, validators=[HOSTNAME_VALIDATOR]
    )
    old_prefix = models.CharField(_("old address"), max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("old host name")
        verbose_name_plural = _("old host names")
        ordering = ["old_hostname"]

    def __str__(self) -> str:
        return f"{self.old_hostname} → {self.agency.slug}"
