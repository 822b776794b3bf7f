"""Agency-scoped navigation snippets: quick links and the agency menu.

`QuickLink` is the reference pattern for any snippet that belongs to one agency:
an `agency` foreign key, registered with `AgencyScopedSnippetViewSet`, and its log
entries kept in an agency-aware log model so that the site history report of one
agency never shows another's.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.tenants.isolation.logging import AgencyLogEntry
from cms.tenants.models import Agency

from .blocks import FooterBlock, MainMenuBlock, page_ids


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


class AgencyMenu(models.Model):
    """The main menu and footer columns of one agency's site.

    Without a menu (or with an empty main menu) the site shows the default menu:
    the agency's live standard sections with their live sub-pages
    (`cms.navigation.menus`).
    """

    agency = models.OneToOneField(
        "tenants.Agency",
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        related_name="menu",
    )
    main_items = StreamField(
        MainMenuBlock(),
        blank=True,
        verbose_name=_("main menu"),
        help_text=_("Leave empty to show the standard sections of the site."),
    )
    footer_columns = StreamField(FooterBlock(), blank=True, verbose_name=_("footer columns"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("menu")
        verbose_name_plural = _("menus")

    def __str__(self) -> str:
        return str(_("Menu of %(agency)s") % {"agency": self.agency})

    def linked_page_ids(self) -> set[int]:
        return page_ids(self.main_items.raw_data) | page_ids(self.footer_columns.raw_data)

    def clean(self):
        super().clean()
        if not self.agency_id:
            return
        ids = self.linked_page_ids()
        if not ids:
            return
        home_path = (
            Agency.objects.filter(pk=self.agency_id).values_list("home_page__path", flat=True)
        ).first()
        own = set(
            Page.objects.filter(pk__in=ids, path__startswith=home_path or "-").values_list(
                "pk", flat=True
            )
        )
        if ids - own:
            raise ValidationError(
                _("The menu may only link to pages of the agency's own site."),
                code="foreign_page",
            )


class AgencyMenuLogEntry(AgencyLogEntry):
    """Audit log of menus, carrying the agency for scoping."""

    class Meta(AgencyLogEntry.Meta):
        verbose_name = _("menu log entry")
        verbose_name_plural = _("menu log entries")
