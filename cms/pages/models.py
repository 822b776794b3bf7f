"""Page types of the platform.

The tree is: Root → PortalHomePage (the platform's front page) → one AgencyHomePage
per agency → its sections (SectionPage) → news items (NewsPage) and further pages.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from .blocks import BodyBlock, RelatedLinksBlock
from .forms import AgencyMediaPageForm, TranslatedPageForm
from .languages import content_language
from .preview import LanguagePreviewMixin
from .widgets import NewsTagWidget


class BasePage(LanguagePreviewMixin, Page):
    """Shared behaviour: the agency a page belongs to and the language of its content."""

    base_form_class = TranslatedPageForm
    # Fields that must be filled in every required language before publishing.
    translated_required_fields = ("title",)

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        return f"pages/{self._meta.model_name}.html"

    @property
    def agency(self):
        """The agency whose subtree holds this page (None for portal pages)."""
        from cms.tenants.scoping import agency_for_page

        return agency_for_page(self)

    def content_language(self, language: str | None = None) -> str:
        return content_language(self, language or get_language())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = get_language()
        context["content_lang"] = self.content_language(language)
        context["agency"] = self.agency
        return context


class PortalHomePage(BasePage):
    """The platform's front page: lists every active agency by category."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.AgencyHomePage", "pages.SectionPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("portal home page")

    def get_context(self, request, *args, **kwargs):
        from cms.tenants.models import Agency

        context = super().get_context(request, *args, **kwargs)
        agencies = (
            Agency.objects.filter(status=Agency.Status.ACTIVE, home_page__live=True)
            .select_related("home_page")
            .order_by("name")
        )
        groups = []
        for value, label in Agency.Category.choices:
            members = [a for a in agencies if a.category == value]
            if members:
                groups.append({"category": value, "label": label, "agencies": members})
        context["agency_groups"] = groups
        return context


class AgencyHomePage(BasePage):
    """The home page of one agency's site; created only by provisioning."""

    agency_record = models.OneToOneField(
        "tenants.Agency", on_delete=models.PROTECT, related_name="home_page"
    )
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["pages.PortalHomePage"]
    # No subpage_types here or on SectionPage: each page type names where it may be
    # created (parent_page_types), so apps add page types without editing this file.

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("agency home page")

    @property
    def agency(self):
        return self.agency_record

    def get_context(self, request, *args, **kwargs):
        from .listing import agency_home_context

        context = super().get_context(request, *args, **kwargs)
        context.update(agency_home_context(self, request))
        return context


class SectionPage(BasePage):
    """A standard section (About, News, Documents...) with a body and its sub-pages."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["pages.AgencyHomePage", "pages.SectionPage", "pages.PortalHomePage"]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    translated_required_fields = ("title", "body")

    class Meta:
        verbose_name = _("section page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().public().specific()
        context["children"] = sorted(
            children,
            key=lambda p: (getattr(p, "date", None) or timezone.localdate(), p.pk),
            reverse=True,
        )
        return context


class StandardPage(BasePage):
    """An ordinary content page (About the agency, its mandate, history, rules...)."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = [
        "pages.AgencyHomePage",
        "pages.SectionPage",
        "pages.StandardPage",
        "pages.PortalHomePage",
    ]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    translated_required_fields = ("title", "body")

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific()
        return context


class NewsIndexPage(SectionPage):
    """The agency's News section: its news items, 10 per page, with an archive by
    year, category and tag."""

    # An index is filled in a language when its title is: the listing is its content.
    translated_required_fields = ("title",)

    parent_page_types = ["pages.AgencyHomePage"]

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def get_context(self, request, *args, **kwargs):
        from .listing import news_index_context

        context = super(SectionPage, self).get_context(request, *args, **kwargs)
        context.update(news_index_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        status = getattr(request, "_listing_status", None)
        if status:
            response.status_code = status
        return response


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "pages.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("news tag")
        verbose_name_plural = _("news tags")


class NewsPage(BasePage):
    """A news item, press release or announcement."""

    base_form_class = AgencyMediaPageForm
    agency_media_fields = ("lead_image",)
    # Added after the first version: a form posted without them keeps their values.
    fields_kept_when_absent = ("category", "tags", "lead_image", "related_links")

    class Category(models.TextChoices):
        NEWS = "news", _("News")
        # Press releases are a category of news, not a page type of their own.
        PRESS_RELEASE = "press_release", _("Press release")
        ANNOUNCEMENT = "announcement", _("Announcement")

    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("lead"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.NEWS
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("Topics of the item; the news archive can be filtered by them."),
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("alternative text of the lead image"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    is_priority = models.BooleanField(
        _("priority"),
        default=False,
        help_text=_("Shown first on the agency's home page."),
    )
    related_links = StreamField(RelatedLinksBlock(), blank=True, verbose_name=_("related links"))

    # Old parents are kept for existing content; new news goes under the News section.
    parent_page_types = ["pages.NewsIndexPage", "pages.SectionPage", "pages.AgencyHomePage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("category"),
        FieldPanel("is_priority"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")], heading=_("Lead image")
        ),
        FieldPanel("body"),
        FieldPanel("tags", widget=NewsTagWidget),
        FieldPanel("related_links"),
    ]
    translated_required_fields = ("title", "body")

    class Meta:
        verbose_name = _("news item")

    def get_context(self, request, *args, **kwargs):
        from .listing import news_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(news_page_context(self, request))
        return context


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
        from .listing import legal_act_index_context

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
        from .listing import legal_act_files

        return legal_act_files(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["files"] = self.files()
        return context


def foreign_media_fields(agency, values: dict) -> list[str]:
    """The names of `values` (images, documents) held in another agency's collection.
    The choosers only offer the agency's own; this closes a crafted form post."""
    from wagtail.models import Collection

    from cms.tenants.models import Agency

    chosen = {name: obj for name, obj in values.items() if obj is not None}
    if agency is None or not chosen:
        return []
    foreign: set[int] = set()
    others = Agency.objects.exclude(pk=agency.pk).exclude(collection=None)
    for collection in Collection.objects.filter(pk__in=others.values("collection_id")):
        foreign.update(collection.get_descendants(inclusive=True).values_list("pk", flat=True))
    return [name for name, obj in chosen.items() if obj.collection_id in foreign]
