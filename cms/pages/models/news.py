"""News: the agency's News section (`NewsIndexPage`, the archive by year, category
and tag) and its news items (`NewsPage`), with the contexts their templates render."""

from urllib.parse import urlencode

from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from cms.core.components.filter_form import filter_form, select_field
from cms.core.components.news_card import news_card
from cms.core.components.tag_list import tag as tag_params
from cms.core.languages import lang_attribute, text_language
from cms.core.renditions import rendition

from ..agency_cache import cached_for_page
from ..blocks import BodyBlock, RelatedLinksBlock, link_href
from ..forms import AgencyMediaPageForm
from ..paging import Filters, cached_listing, lang_if_other, page_url, paginate
from ..privacy import public
from ..widgets import NewsTagWidget
from .base import BasePage
from .site import SectionPage

NEWS_PER_PAGE = 10
# The query parameters of the archive.
NEWS_FILTERS = ("year", "category", "tag", "page")


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
        context = super(SectionPage, self).get_context(request, *args, **kwargs)
        # One page of the archive for one choice of filters: built once per version of
        # the agency (any publication in it), rendered once ({% page_fragment %}).
        context.update(
            cached_listing(
                "news", self, request, NEWS_FILTERS, lambda: news_index_context(self, request)
            )
        )
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
    # Copies of Wagtail's `live` and `first_published_at` (columns of wagtailcore_page)
    # in this table, set by save() and checked on (un)publish (`sync_listing_copies`):
    # the portal's latest news of every agency are ordered by date, first publication
    # and id among live items, and with all of it in one table that is one walk of the
    # index below, whatever the number of news items (issue 14: the join sorted every
    # one of them).
    live_copy = models.BooleanField(default=False, editable=False)
    first_published_at_copy = models.DateTimeField(null=True, editable=False)

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
        indexes = [
            # Walked backwards for ORDER BY date DESC, first_published_at DESC, id DESC
            # (the portal's latest news: cms.pages.models.portal._latest_news).
            models.Index(
                fields=["date", "first_published_at_copy", "page_ptr"],
                condition=models.Q(live_copy=True),
                name="newspage_latest_live",
            )
        ]

    def save(self, *args, **kwargs):
        self.live_copy, self.first_published_at_copy = self.live, self.first_published_at
        update_fields = kwargs.get("update_fields")
        # Wagtail saves some fields only (copying a live page: first_published_at).
        if update_fields is not None and {"live", "first_published_at"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "live_copy", "first_published_at_copy"}
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Its tags, category and related links: built once per version of the page
        # (cms.pages.agency_cache), as its body is rendered once (page_fragment).
        context.update(
            cached_for_page("news-context", self, request, lambda: news_page_context(self, request))
        )
        return context


def sync_listing_copies(instance, **kwargs) -> None:
    """After a page is published or unpublished: a news item whose copies of `live`
    and `first_published_at` differ from Wagtail's gets them (one UPDATE). NewsPage.save
    keeps them, but a news item (un)published through a plain Page instance saves
    wagtailcore_page only; Wagtail's signals carry the specific page, read afresh."""
    if not isinstance(instance, NewsPage):
        return
    values = {"live_copy": instance.live, "first_published_at_copy": instance.first_published_at}
    if all(getattr(instance, name) == value for name, value in values.items()):
        return
    NewsPage.objects.filter(pk=instance.pk).update(**values)
    for name, value in values.items():
        setattr(instance, name, value)


# --- Contexts ----------------------------------------------------------------------


def news_queryset(root):
    return (
        public(NewsPage.objects.live())
        .descendant_of(root)
        .select_related("lead_image")
        .prefetch_related("lead_image__renditions")
    )


def news_cards(pages, request, *, image_spec="fill-480x270", source=None) -> list[dict]:
    """News items as news_card parameters; `source(page)`, when given, names the body
    that published each (lists that span agencies)."""
    language = get_language()
    categories = dict(NewsPage.Category.choices)
    cards = []
    for page in pages:
        image = None
        if page.lead_image is not None:
            try:
                lead = rendition(page.lead_image, image_spec)
                image = {"url": lead.url, "width": lead.width, "height": lead.height}
            except SourceImageIOError:  # a missing source file must not break the listing
                image = None
        cards.append(
            news_card(
                page.title,
                page_url(page, request),
                date=page.date,
                text=page.intro,
                category=str(categories.get(page.category, "")),
                category_value=page.category,
                priority=page.is_priority,
                image=image,
                lang=lang_if_other(page, language),
                source=source(page) if source is not None else "",
            )
        )
    return cards


def news_index_context(index, request) -> dict:
    filters = Filters(request)
    language = get_language()
    base_url = page_url(index, request)
    pages = news_queryset(index)
    years = sorted({d.year for d in pages.dates("date", "year")}, reverse=True)
    tags = Tag.objects.filter(pages_newspagetag_items__content_object__in=pages).distinct()
    tags = list(tags.order_by("name"))
    tags_by_slug = {tag.slug: tag for tag in tags}
    categories = {value: str(label) for value, label in NewsPage.Category.choices}

    year = filters.year("year", years)
    category = filters.choice(
        "category", categories, gettext("There is no category “%(value)s”. Showing all categories.")
    )
    tag = filters.choice(
        "tag", tags_by_slug, gettext("There is no topic “%(value)s” here. Showing all topics.")
    )
    if year:
        pages = pages.filter(date__year=year)
    if category:
        pages = pages.filter(category=category)
    if tag:
        pages = pages.filter(tagged_items__tag=tags_by_slug[tag]).distinct()
    pages = pages.order_by("-date", "-first_published_at", "-pk")
    items, pagination = paginate(pages, NEWS_PER_PAGE, filters, base_url)

    filtering = bool(year or category or tag)
    return {
        "status": filters.status,
        "news_items": news_cards(items, request),
        "pagination": pagination,
        "notices": filters.notices,
        "filtering": filtering,
        "reset_url": base_url,
        "filter_form": filter_form(
            base_url,
            gettext("News archive"),
            [
                select_field(
                    "year", gettext("Year"), gettext("All years"), [(y, y) for y in years], year
                ),
                select_field(
                    "category",
                    gettext("Category"),
                    gettext("All categories"),
                    categories.items(),
                    category,
                ),
                # No topic filter while no news item has a topic.
                select_field(
                    "tag",
                    gettext("Topic"),
                    gettext("All topics"),
                    [
                        (t.slug, t.name, lang_attribute(text_language(t.name, language), language))
                        for t in tags
                    ],
                    tag,
                )
                if tags
                else None,
            ],
            reset_url=base_url if filtering else "",
            reset_label=gettext("Show all news"),
        ),
        "active_tag": tags_by_slug[tag].name if tag else "",
        "feeds": news_feed_links(index.agency),
    }


def news_feed_links(agency) -> list[dict]:
    if agency is None:
        return []
    links = []
    for kind, label in (("feed", "RSS"), ("atom", "Atom")):
        try:
            href = reverse(f"agency-news-{kind}", kwargs={"agency_slug": agency.slug})
        except NoReverseMatch:
            continue
        links.append({"url": href, "label": label})
    return links


def news_index_for(page):
    """The News section a news item belongs to (its parent, or the agency's section)."""
    parent = page.get_parent()
    if parent is not None and parent.specific_class is NewsIndexPage:
        return parent
    agency = page.agency
    if agency is None:
        return None
    return NewsIndexPage.objects.live().child_of(agency.home_page).first()


def news_page_context(page, request=None) -> dict:
    index = news_index_for(page)
    index_url = page_url(index, request) if index is not None else ""
    language = get_language()
    tags = [
        tag_params(
            t.name,
            f"{index_url}?{urlencode({'tag': t.slug})}" if index_url else "",
            language=language,
        )
        for t in page.tags.all()
    ]
    links = []
    for block in page.related_links or []:
        value = block.value
        linked = value.get("page")
        href = link_href(linked, value.get("url"))
        if not href:
            continue
        text = (value.get("text") or "").strip()
        if not text and linked is not None:
            text = linked.specific_deferred.title
        links.append({"text": text or href, "url": href})
    return {
        "category_label": page.get_category_display(),
        "category_url": f"{index_url}?{urlencode({'category': page.category})}"
        if index_url
        else "",
        "tags": tags,
        "related": links,
        "lead_alt": page.lead_image_alt or "",
    }
