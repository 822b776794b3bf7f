"""Services, vacancies, events, questions and answers, galleries.

Each standard section has its index page type (a SectionPage subclass, so an existing
section converts in place) and, below it, its item page type:

    AgencyHomePage
    ├── services  ServiceIndexPage ── ServicePage (e-government services)
    ├── vacancies VacancyIndexPage ── VacancyPage (unpublished after the closing date)
    ├── events    EventIndexPage   ── EventPage (upcoming and past)
    ├── faq       FAQPage          (questions and answers, no children)
    └── media     GalleryIndexPage ── GalleryPage (photos and videos)
"""

from datetime import datetime, time, timedelta
from functools import cache

from django.core.exceptions import ValidationError
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html, strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.core.components.card import card as card_params
from cms.core.components.card_list import card_list
from cms.core.components.gallery import photo
from cms.core.components.tabs import tab
from cms.core.components.video import video as video_params
from cms.pages.agency_cache import cached_for_page
from cms.pages.blocks import BodyBlock
from cms.pages.models import BasePage, SectionPage
from cms.pages.privacy import public

from .blocks import PhotosBlock, QuestionsBlock, VideosBlock
from .forms import GalleryPageForm

INDEX_PARENTS = ["pages.AgencyHomePage"]
THUMBNAIL = "fill-480x320"
FULL_SIZE = "max-1920x1920"


def _url(page, request):
    return page.get_url(request=request) or ""


def _list_html(cards: list[dict], empty_text: str, request, heading_level: int = 3) -> str:
    """A stacked list of cards rendered by the shared card_list component, or a sentence
    when there is nothing to list."""
    if not cards:
        return format_html('<p class="listing__empty">{}</p>', empty_text)
    return render_to_string(
        "components/card_list/card_list.html",
        card_list(cards, layout="stack", heading_level=heading_level),
        request=request,
    )


# --- services -----------------------------------------------------------------------
class ServiceIndexPage(SectionPage):
    """The services section: key services first, then the other services by category,
    one tab per category. Each service is listed once: a key service is not repeated
    in its category's tab (without JavaScript every tab panel is shown, so a repeat
    would be seen twice on the same screen)."""

    # An index is filled in a language when its title is: the listing is its content.
    translated_required_fields = ("title",)

    parent_page_types = INDEX_PARENTS
    subpage_types = ["listings.ServicePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("services section")

    def services(self):
        return public(ServicePage.objects.child_of(self).live()).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = BasePage.get_context(self, request, *args, **kwargs)
        # Read when the listing is rendered, not when its kept HTML is served.
        listing = cache(lambda: self._listing(request))
        context["listing_key"] = "services"
        context["key_services"] = lambda: listing()["key_services"]
        context["tabs"] = lambda: listing()["tabs"]
        context["services_empty"] = lambda: listing()["services_empty"]
        return context

    def _listing(self, request) -> dict:
        services = list(self.services())
        tabs = []
        others = [p for p in services if not p.is_key]
        for value, label in ServicePage.Category.choices:
            # In its category's tab a service needs no category label.
            members = [p.card(request, category=False) for p in others if p.category == value]
            if members:
                tabs.append(tab(f"services-{value}", label, _list_html(members, "", request)))
        return {
            "key_services": [p.card(request) for p in services if p.is_key],
            "tabs": tabs,
            "services_empty": not services,
        }


class ServicePage(BasePage):
    """A public service provided by the agency, usually through the e-government portal."""

    class Category(models.TextChoices):
        CITIZENS = "citizens", _("For citizens")
        BUSINESS = "business", _("For business")
        ORGANISATIONS = "organisations", _("For public bodies")

    summary = models.TextField(_("short description"))
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.CITIZENS
    )
    egov_url = models.URLField(
        _("address on the e-government portal"),
        blank=True,
        help_text=_("Where the service is requested online, e.g. https://egov.kz/..."),
    )
    recipients = models.TextField(_("who can receive it"))
    cost = models.CharField(_("cost"), max_length=255, blank=True)
    duration = models.CharField(_("time to provide"), max_length=255, blank=True)
    is_key = models.BooleanField(
        _("key service"), default=False, help_text=_("Shown first on the agency's home page.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["listings.ServiceIndexPage"]
    subpage_types = []
    translated_required_fields = ("title", "summary", "recipients")

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldPanel("egov_url"),
                FieldPanel("recipients"),
                FieldPanel("cost"),
                FieldPanel("duration"),
                FieldPanel("is_key"),
            ],
            heading=_("Service details"),
        ),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("service")

    def card(self, request, category: bool = True) -> dict:
        return card_params(
            self.title,
            _url(self, request),
            text=self.summary,
            meta=self.get_category_display() if category else "",
            lang=self.lang_if_other(),
        )

    def search_extra_text(self, language: str) -> list[str]:
        """Searchable text besides the body (search/documents.py extends a list with it)."""
        return [
            getattr(self, f"{name}_{language}", "") or ""
            for name in ("summary", "recipients", "cost", "duration")
        ]


# --- vacancies ----------------------------------------------------------------------
def end_of_day(day):
    """The first moment after `day` ends, in the platform's time zone (Asia/Almaty)."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


class VacancyIndexPage(SectionPage):
    """The vacancies section: open vacancies only, the soonest to close first."""

    # An index is filled in a language when its title is: the listing is its content.
    translated_required_fields = ("title",)

    parent_page_types = INDEX_PARENTS
    subpage_types = ["listings.VacancyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("vacancies section")

    def open_vacancies(self):
        return (
            public(VacancyPage.objects.child_of(self).live())
            .filter(closing_date__gte=timezone.localdate())
            .order_by("closing_date", "path")
        )

    def get_context(self, request, *args, **kwargs):
        context = BasePage.get_context(self, request, *args, **kwargs)
        # Open vacancies are those closing today or later: the kept listing is the
        # day's (a new day, a new key), read only when it is rendered.
        context["listing_key"] = f"vacancies:{timezone.localdate().isoformat()}"
        context["vacancies"] = cache(lambda: [page.card(request) for page in self.open_vacancies()])
        return context


class VacancyPage(BasePage):
    """A vacant post. Saving sets Wagtail's expiry to the end of the closing date, so
    `manage.py publish_scheduled` unpublishes it (and the search index drops it)."""

    position = models.CharField(_("position"), max_length=255)
    department = models.CharField(_("department"), max_length=255, blank=True)
    requirements = RichTextField(_("requirements"), features=["bold", "italic", "ol", "ul", "link"])
    salary = models.CharField(_("salary"), max_length=255, blank=True)
    closing_date = models.DateField(
        _("closing date"),
        help_text=_(
            "The last day applications are accepted. The vacancy is unpublished "
            "automatically when this day ends."
        ),
    )

    parent_page_types = ["listings.VacancyIndexPage"]
    subpage_types = []
    translated_required_fields = ("title", "position", "requirements")

    content_panels = Page.content_panels + [
        FieldPanel("position"),
        FieldPanel("department"),
        FieldPanel("salary"),
        FieldPanel("closing_date"),
        FieldPanel("requirements"),
    ]

    class Meta:
        verbose_name = _("vacancy")

    def _stored_closing_date(self):
        if not self.pk:
            return None
        return VacancyPage.objects.filter(pk=self.pk).values_list("closing_date", flat=True).first()

    def clean(self):
        super().clean()
        if self.closing_date is None:
            return
        # Only a new or changed date is checked: unpublishing an expired vacancy (which
        # saves the page) must still work.
        if self.closing_date < timezone.localdate() and (
            self.closing_date != self._stored_closing_date()
        ):
            raise ValidationError(
                {"closing_date": gettext("The closing date cannot be in the past.")}
            )
        self.expire_at = end_of_day(self.closing_date)

    def save(self, *args, **kwargs):
        if self.closing_date is not None:
            self.expire_at = end_of_day(self.closing_date)
        return super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.closing_date >= timezone.localdate()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The page says whether applications are still accepted: kept apart for each.
        context["body_key"] = "open" if self.is_open else "closed"
        return context

    def card(self, request) -> dict:
        meta = gettext("Applications until %(date)s") % {
            "date": self.closing_date.strftime("%d.%m.%Y")
        }
        return card_params(
            self.title,
            _url(self, request),
            text=self.department,
            meta=meta,
            lang=self.lang_if_other(),
        )

    def search_extra_text(self, language: str) -> list[str]:
        parts = [getattr(self, f"{n}_{language}", "") or "" for n in ("position", "department")]
        parts.append(_strip(getattr(self, f"requirements_{language}", "") or ""))
        return parts


def _strip(html: str) -> str:
    return strip_tags(html)


# --- events -------------------------------------------------------------------------
class EventIndexPage(SectionPage):
    """The events section: upcoming events (soonest first) and past ones, in two tabs."""

    # An index is filled in a language when its title is: the listing is its content.
    translated_required_fields = ("title",)

    parent_page_types = INDEX_PARENTS
    subpage_types = ["listings.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events section")

    def events(self):
        return public(EventPage.objects.child_of(self).live())

    def get_context(self, request, *args, **kwargs):
        context = BasePage.get_context(self, request, *args, **kwargs)
        now = timezone.now()
        # An event moves from "upcoming" to "past" when it ends: the kept listing is
        # one per number of events ended (the ends, kept per version of the agency,
        # tell it without a query), read only when it is rendered, at the same `now`.
        ends = cached_for_page(
            "event-ends", self, request, lambda: list(self.events().values_list("end", flat=True))
        )
        ended = sum(1 for end in ends if end < now)
        context["listing_key"] = f"events:{ended}"
        context["tabs"] = cache(lambda: self._tabs(request, now))
        return context

    def _tabs(self, request, now) -> list[dict]:
        events = self.events()
        upcoming = [e.card(request) for e in events.filter(end__gte=now).order_by("start", "pk")]
        past = [e.card(request) for e in events.filter(end__lt=now).order_by("-start", "-pk")]
        return [
            tab(
                "events-upcoming",
                gettext("Upcoming events"),
                _list_html(upcoming, gettext("No upcoming events yet."), request),
            ),
            tab(
                "events-past",
                gettext("Past events"),
                _list_html(past, gettext("No past events."), request),
            ),
        ]


class EventPage(BasePage):
    """An event: a conference, a public hearing, a reception of citizens."""

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    place = models.CharField(_("place"), max_length=255)
    intro = models.TextField(_("short description"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["listings.EventIndexPage"]
    subpage_types = []
    translated_required_fields = ("title", "place")
    search_date_field = "start_date"

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("start"), FieldPanel("end"), FieldPanel("place")],
            heading=_("When and where"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("event")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": gettext("The end cannot be before the start.")})

    @property
    def start_date(self):
        return timezone.localtime(self.start).date() if self.start else None

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The page says whether the event is upcoming or past: kept apart for each.
        context["body_key"] = "past" if self.is_past else "upcoming"
        return context

    def when(self) -> str:
        start, end = timezone.localtime(self.start), timezone.localtime(self.end)
        if start.date() == end.date():
            return f"{start:%d.%m.%Y}, {start:%H:%M}–{end:%H:%M}"
        return f"{start:%d.%m.%Y %H:%M} – {end:%d.%m.%Y %H:%M}"

    def card(self, request) -> dict:
        return card_params(
            self.title,
            _url(self, request),
            text=self.place,
            meta=self.when(),
            datetime=timezone.localtime(self.start).isoformat(timespec="minutes"),
            lang=self.lang_if_other(),
        )

    def search_extra_text(self, language: str) -> list[str]:
        return [getattr(self, f"{n}_{language}", "") or "" for n in ("place", "intro")]


# --- questions and answers ----------------------------------------------------------
class FAQPage(SectionPage):
    """The questions-and-answers section."""

    questions = StreamField(QuestionsBlock(), blank=True, verbose_name=_("questions and answers"))

    parent_page_types = INDEX_PARENTS
    subpage_types = []
    max_count_per_parent = 1
    translated_required_fields = ("title", "questions")

    content_panels = SectionPage.content_panels + [FieldPanel("questions")]

    class Meta:
        verbose_name = _("questions and answers")

    def accordion_items(self, language: str) -> list[dict]:
        stream = getattr(self, f"questions_{language}", None) or []
        return [
            {"title": block.value["question"], "body_html": str(block.value["answer"])}
            for block in stream
        ]

    def get_context(self, request, *args, **kwargs):
        context = BasePage.get_context(self, request, *args, **kwargs)
        context["faq_items"] = self.accordion_items(context["content_lang"])
        return context

    def search_extra_text(self, language: str) -> list[str]:
        parts = []
        for item in self.accordion_items(language):
            parts += [item["title"], _strip(item["body_html"])]
        return parts


# --- galleries ----------------------------------------------------------------------
class GalleryIndexPage(SectionPage):
    """The media section: photo and video galleries, the newest first."""

    # An index is filled in a language when its title is: the listing is its content.
    translated_required_fields = ("title",)

    parent_page_types = INDEX_PARENTS
    subpage_types = ["listings.GalleryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("media section")

    def get_context(self, request, *args, **kwargs):
        context = BasePage.get_context(self, request, *args, **kwargs)
        galleries = public(GalleryPage.objects.child_of(self).live()).order_by("-date", "-pk")
        # Read when the listing is rendered, not when its kept HTML is served.
        context["listing_key"] = "galleries"
        context["galleries"] = cache(lambda: [g.card(request) for g in galleries])
        return context


class GalleryPage(BasePage):
    """Photos (shared by every language, with alternative text per language) and videos
    with transcripts."""

    base_form_class = GalleryPageForm

    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("short description"), blank=True)
    photos = StreamField(PhotosBlock(), blank=True, verbose_name=_("photos"))
    videos = StreamField(VideosBlock(), blank=True, verbose_name=_("videos"))

    parent_page_types = ["listings.GalleryIndexPage"]
    subpage_types = []
    translated_required_fields = ("title",)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("photos"),
        FieldPanel("videos"),
    ]

    class Meta:
        verbose_name = _("gallery")

    def card(self, request) -> dict:
        return card_params(
            self.title,
            _url(self, request),
            text=self.intro,
            date=self.date,
            lang=self.lang_if_other(),
        )

    def gallery_items(self, language: str) -> list[dict]:
        blocks = [b.value for b in self.photos]
        ids = [v["image"].pk for v in blocks if v.get("image")]
        images = {
            image.pk: image
            for image in get_image_model()
            .objects.filter(pk__in=ids)
            .prefetch_renditions(THUMBNAIL, FULL_SIZE)
        }
        items = []
        for value in blocks:
            image = images.get(value["image"].pk) if value.get("image") else None
            if image is None:
                continue
            thumb, full = image.get_rendition(THUMBNAIL), image.get_rendition(FULL_SIZE)
            items.append(
                photo(
                    thumb.url,
                    width=thumb.width,
                    height=thumb.height,
                    full_url=full.url,
                    alt=value.get(f"alt_{language}") or value.get("alt_ru") or "",
                    caption=value.get(f"caption_{language}") or "",
                )
            )
        return items

    def video_items(self, language: str) -> list[dict]:
        stream = getattr(self, f"videos_{language}", None) or []
        return [
            video_params(block.value["title"], block.value["url"], block.value["transcript"])
            for block in stream
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = context["content_lang"]
        # Read when the body is rendered, not when its kept HTML is served.
        context["photos"] = cache(lambda: self.gallery_items(language))
        context["video_items"] = cache(lambda: self.video_items(language))
        return context

    def search_extra_text(self, language: str) -> list[str]:
        parts = [block.value.get(f"caption_{language}") or "" for block in self.photos]
        for video in self.video_items(language):
            parts += [video["title"], video["transcript"]]
        return parts
