"""Legal acts: the agency's Documents section (`LegalActIndexPage`, the register
filterable by type, year and status) and its acts (`LegalActPage`), with the contexts
their templates render."""

from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import get_language, gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.core.components.document_table import document_file, document_row
from cms.core.components.filter_form import filter_form, select_field
from cms.core.languages import LANGUAGE_CODES

from ..blocks import BodyBlock
from ..forms import AgencyMediaPageForm
from ..paging import Filters, lang_if_other, page_url, paginate
from ..privacy import public
from .base import BasePage
from .site import SectionPage

ACTS_PER_PAGE = 20
# The language of a file, as the name of its download link.
FILE_LANGUAGE_NAMES = {
    "kk": pgettext_lazy("language of a file", "Kazakh"),
    "ru": pgettext_lazy("language of a file", "Russian"),
    "en": pgettext_lazy("language of a file", "English"),
}


class LegalActIndexPage(SectionPage):
    """The agency's Documents section: its legal acts, filterable by type, year and
    status."""

    # An index is filled in a language when its title is: the listing is its content.
    translated_required_fields = ("title",)

    parent_page_types = ["pages.AgencyHomePage"]

    class Meta:
        verbose_name = _("legal act index page")
        verbose_name_plural = _("legal act index pages")

    def get_context(self, request, *args, **kwargs):
        context = super(SectionPage, self).get_context(request, *args, **kwargs)
        context.update(legal_act_index_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        status = getattr(request, "_listing_status", None)
        if status:
            response.status_code = status
        return response


class LegalActPage(BasePage):
    """A legal act of the agency (order, resolution...) with its files per language."""

    base_form_class = AgencyMediaPageForm
    agency_media_fields = ("file_kk", "file_ru", "file_en")

    class ActType(models.TextChoices):
        LAW = "law", pgettext_lazy("type of legal act", "Law")
        DECREE = "decree", pgettext_lazy("type of legal act", "Decree")
        RESOLUTION = "resolution", pgettext_lazy("type of legal act", "Resolution")
        ORDER = "order", pgettext_lazy("type of legal act", "Order")
        LETTER = "letter", pgettext_lazy("type of legal act", "Letter")
        OTHER = "other", pgettext_lazy("type of legal act", "Other")

    class Status(models.TextChoices):
        IN_FORCE = "in_force", pgettext_lazy("status of legal act", "In force")
        EXPIRED = "expired", pgettext_lazy("status of legal act", "Expired")
        AMENDED = "amended", pgettext_lazy("status of legal act", "Amended")

    number = models.CharField(pgettext_lazy("legal act", "number"), max_length=64)
    act_type = models.CharField(
        _("type of act"), max_length=20, choices=ActType.choices, default=ActType.ORDER
    )
    date_signed = models.DateField(_("date signed"), default=timezone.localdate)
    signatory = models.CharField(_("signed by"), max_length=255, blank=True)
    issuing_body = models.CharField(_("issuing body"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_FORCE
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    file_kk = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file in Kazakh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    file_ru = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file in Russian"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    file_en = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file in English"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    official_url = models.URLField(
        _("official text"),
        max_length=500,
        blank=True,
        help_text=_("Address of the act in the official legal database (adilet.zan.kz)."),
    )

    parent_page_types = ["pages.LegalActIndexPage", "pages.SectionPage"]
    subpage_types = []

    search_date_field = "date_signed"

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("act_type"),
                FieldPanel("number"),
                FieldPanel("date_signed"),
                FieldPanel("signatory"),
                FieldPanel("issuing_body"),
                FieldPanel("status"),
                FieldPanel("official_url"),
            ],
            heading=_("Details of the act"),
        ),
        MultiFieldPanel(
            [FieldPanel("file_kk"), FieldPanel("file_ru"), FieldPanel("file_en")],
            heading=_("Files"),
        ),
        FieldPanel("body"),
    ]
    translated_required_fields = ("title", "signatory")

    class Meta:
        verbose_name = _("legal act")
        verbose_name_plural = _("legal acts")

    def search_extra_text(self, language) -> list[str]:
        """The act's number and signatory are searchable too."""
        signatory = getattr(self, f"signatory_{language}", None) or self.signatory
        return [self.number, signatory]

    def files(self) -> list[dict]:
        """The act's files, one per language that has one."""
        return legal_act_files(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["files"] = self.files()
        context["former_body_notice"] = former_body_notice(context.get("agency"))
        return context


def former_body_notice(agency) -> str:
    """An archived agency's acts stay published (the law requires them to remain
    reachable) and say that they belong to a former body, naming its successor."""
    if agency is None or not agency.is_archived:
        return ""
    successor = agency.current_successor()
    if successor is None:
        return _("This act belongs to a former body, %(name)s, which no longer exists.") % {
            "name": agency.name
        }
    return _(
        "This act belongs to a former body, %(name)s, which no longer exists. "
        "Its work is continued by %(successor)s."
    ) % {"name": agency.name, "successor": successor.name}


# --- Contexts ----------------------------------------------------------------------


def _extension(document) -> str:
    return (document.file_extension or "").upper()


def legal_act_files(act) -> list[dict]:
    files = []
    for code in LANGUAGE_CODES:
        document = getattr(act, f"file_{code}", None)
        if document is None:
            continue
        files.append(
            document_file(
                document.url,
                lang=code,
                language=str(FILE_LANGUAGE_NAMES[code]),
                extension=_extension(document),
                size=filesizeformat(document.file_size) if document.file_size else "",
            )
            | {"title": act.title}  # the act's own page names each file by the act
        )
    return files


def legal_act_rows(acts, request) -> list[dict]:
    types = dict(LegalActPage.ActType.choices)
    statuses = dict(LegalActPage.Status.choices)
    language = get_language()
    rows = []
    for act in acts:
        rows.append(
            document_row(
                act.title,
                page_url(act, request),
                number=act.number,
                date=act.date_signed,
                type=str(types.get(act.act_type, "")),
                status=str(statuses.get(act.status, "")),
                status_value=act.status,
                files=legal_act_files(act),
                lang=lang_if_other(act, language),
            )
        )
    return rows


def legal_act_index_context(index, request) -> dict:
    filters = Filters(request)
    base_url = page_url(index, request)
    acts = (
        public(LegalActPage.objects.live())
        .descendant_of(index)
        .select_related("file_kk", "file_ru", "file_en")
    )
    years = sorted({d.year for d in acts.dates("date_signed", "year")}, reverse=True)
    types = {value: str(label) for value, label in LegalActPage.ActType.choices}
    statuses = {value: str(label) for value, label in LegalActPage.Status.choices}
    act_type = filters.choice(
        "type", types, gettext("There is no type of act “%(value)s”. Showing all types.")
    )
    year = filters.year("year", years)
    status = filters.choice(
        "status", statuses, gettext("There is no status “%(value)s”. Showing every status.")
    )
    if act_type:
        acts = acts.filter(act_type=act_type)
    if year:
        acts = acts.filter(date_signed__year=year)
    if status:
        acts = acts.filter(status=status)
    acts = acts.order_by("-date_signed", "-pk")
    items, pagination = paginate(acts, ACTS_PER_PAGE, filters, base_url)
    request._listing_status = filters.status
    return {
        "acts": legal_act_rows(items, request),
        "pagination": pagination,
        "notices": filters.notices,
        "filtering": bool(act_type or year or status),
        "reset_url": base_url,
        "filter_form": filter_form(
            base_url,
            gettext("Legal acts"),
            [
                select_field(
                    "type", gettext("Type of act"), gettext("All types"), types.items(), act_type
                ),
                select_field(
                    "year",
                    gettext("Year signed"),
                    gettext("All years"),
                    [(y, y) for y in years],
                    year,
                ),
                select_field(
                    "status",
                    pgettext("legal act", "Status"),
                    gettext("Any status"),
                    statuses.items(),
                    status,
                ),
            ],
            reset_url=base_url if act_type or year or status else "",
            reset_label=gettext("Show all acts"),
        ),
    }
