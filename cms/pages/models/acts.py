"""Legal acts: the agency's Documents section (`LegalActIndexPage`, the register
filterable by type, year and status) and its acts (`LegalActPage`), with the contexts
their templates render."""

from django.db import models
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.translation import get_language, gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.rich_text import expand_db_html, get_text_for_indexing

from cms.core.components.act_text import act_text
from cms.core.components.document_table import document_file, document_row
from cms.core.components.filter_form import filter_form, select_field
from cms.core.languages import FALLBACK, LANGUAGE_CODES

from ..blocks import BodyBlock
from ..forms import LegalActForm
from ..paging import Filters, cached_listing, lang_if_other, page_url, paginate
from ..privacy import is_in_private_section, public
from .base import BasePage
from .site import SectionPage

ACTS_PER_PAGE = 20
# The act's text: chapters and articles are headings (h2, h3, h4).
ACT_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
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
        # One page of the register for one choice of filters: built once per version
        # of the agency, and rendered once ({% page_fragment listing_key page %}).
        context.update(
            cached_listing(
                "acts", self, request, ACT_FILTERS, lambda: legal_act_index_context(self, request)
            )
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        status = getattr(request, "_listing_status", None)
        if status:
            response.status_code = status
        return response


class LegalActPage(BasePage):
    """A legal act of the agency (order, resolution...): its text per language (with a
    table of contents and anchors for its chapters and articles), its files per
    language, and the acts it amends (`LegalActAmendment`)."""

    base_form_class = LegalActForm
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
    text = RichTextField(
        _("text of the act"),
        blank=True,
        features=ACT_TEXT_FEATURES,
        help_text=_(
            "The full text. Write chapters and articles as headings (“1-тарау”, “Глава 1”, "
            "“Chapter 1”; “12-бап”, “Статья 12”, “Article 12”): each gets an anchor and a "
            "line in the table of contents."
        ),
    )
    text_as_of = models.DateField(
        _("text as amended on"),
        null=True,
        blank=True,
        help_text=_("The date of the last amendment the text includes. Empty: the text as signed."),
    )
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
        MultiFieldPanel([FieldPanel("text"), FieldPanel("text_as_of")], heading=_("Text")),
        InlinePanel("amends_links", heading=_("Acts this act amends"), label=_("Amended act")),
        FieldPanel("body"),
    ]
    translated_required_fields = ("title", "signatory")
    fields_kept_when_absent = ("text", "text_as_of", "amends_links")

    class Meta:
        verbose_name = _("legal act")
        verbose_name_plural = _("legal acts")

    def search_extra_text(self, language) -> list[str]:
        """The act's type (in `language`: «приказ 118» finds order № 118), number,
        signatory and text are searchable too."""
        signatory = getattr(self, f"signatory_{language}", None) or self.signatory
        text = getattr(self, f"text_{language}", None) or ""
        with translation.override(language):
            kind = str(self.get_act_type_display())
        return [kind, self.number, signatory] + ([get_text_for_indexing(text)] if text else [])

    def files(self) -> list[dict]:
        """The act's files, one per language that has one."""
        return legal_act_files(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["files"] = self.files()
        context["former_body_notice"] = former_body_notice(context.get("agency"))
        context["act_text"] = self.text_context(context.get("content_lang") or get_language())
        context.update(amendments_context(self))
        return context

    def text_context(self, language: str) -> dict | None:
        """The `act_text` component's parameters for the text in `language` (the
        fallback language's text, marked with its `lang`, when that one is empty)."""
        for code in dict.fromkeys(filter(None, [language, FALLBACK.get(language)])):
            html = getattr(self, f"text_{code}", None) or ""
            if html.strip():
                return act_text(
                    expand_db_html(html),
                    lang=code if code != language else "",
                    heading=gettext("Text of the act"),
                    toc_heading=gettext("Contents"),
                )
        return None


class LegalActAmendment(Orderable):
    """`amending_act` amends `amended_act` (both acts of the same agency: the page form
    refuses another agency's act). Edited on the amending act; the amended act lists
    it under "Amended by"."""

    amending_act = ParentalKey(LegalActPage, on_delete=models.CASCADE, related_name="amends_links")
    amended_act = models.ForeignKey(
        LegalActPage,
        verbose_name=_("amended act"),
        on_delete=models.CASCADE,
        related_name="amended_by_links",
    )

    panels = [PageChooserPanel("amended_act", page_type="pages.LegalActPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("amended act")
        verbose_name_plural = _("amended acts")

    def __str__(self) -> str:
        return f"{self.amending_act_id} → {self.amended_act_id}"


def _act_link(act) -> dict:
    return {
        "title": act.title,
        "url": act.url,
        "number": act.number,
        "date": act.date_signed,
        "type": act.get_act_type_display(),
    }


def _shown(act) -> bool:
    return act.live and not is_in_private_section(act.path)


def amendments_context(act) -> dict:
    """What `act` amends and what amended it (live public acts only), and whether its
    text is the current version: no shown act amended it after the date its text is
    as of (`text_as_of`, else the date it was signed). One query."""
    links = (
        LegalActAmendment.objects.filter(Q(amending_act=act) | Q(amended_act=act))
        .select_related("amending_act", "amended_act")
        .order_by("sort_order", "pk")
    )
    amends, amended_by = [], []
    for link in links:
        if link.amending_act_id == act.pk and _shown(link.amended_act):
            amends.append(link.amended_act)
        elif link.amended_act_id == act.pk and _shown(link.amending_act):
            amended_by.append(link.amending_act)
    amended_by.sort(key=lambda a: (a.date_signed, a.pk))
    as_of = act.text_as_of or act.date_signed
    later = [a for a in amended_by if a.date_signed > as_of]
    current = act.status != LegalActPage.Status.EXPIRED and not later
    return {
        "amends": [_act_link(a) for a in amends],
        "amended_by": [_act_link(a) for a in amended_by],
        "is_current_version": current,
        "version_notice": version_notice(act, as_of, current),
    }


def version_notice(act, as_of, current: bool) -> dict:
    """The notice above the act's text: whether it is the current version."""
    day = date_format(as_of, "d.m.Y")
    if current:
        text = gettext("Current version: the text as amended on %(date)s.") % {"date": day}
        return {"text": text, "kind": "info"}
    if act.status == LegalActPage.Status.EXPIRED:
        text = gettext("This act is no longer in force. Its text is kept for reference.")
        return {"text": text, "kind": "warning"}
    text = gettext(
        "Not the current version: this is the text as of %(date)s, and the act was "
        "amended later (see “Amended by”)."
    ) % {"date": day}
    return {"text": text, "kind": "warning"}


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
# The query parameters of the register.
ACT_FILTERS = ("type", "year", "status", "page")


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
    return {
        "status": filters.status,
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
