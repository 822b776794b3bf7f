"""The portal's front page: the front door of every government body on the platform.

It shows, top to bottom: the search box, the top tasks (the most used services across
agencies, chosen by platform admins on this page in the Wagtail admin), the latest
news of every agency, and the directory of bodies grouped by kind (each kind's first
bodies, regions with their akimats, and a link to the kind's complete list,
`?category=ministry`), and an A–Z filter (`?letter=К`); lists are paginated
(`&page=2`), and all of it works without JavaScript.

Its cost does not grow with the number of agencies (issue 14): a page of the directory
is cached whole, rendered, under the platform's chrome version, the news come from one
query that walks an index of the live news items' dates and reads the latest of them
only (cms.pages.directory, tests/test_portal_home.py, tests/test_portal_news.py,
tests/test_scale_flat.py).
"""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Substr
from django.template.loader import render_to_string
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page, Site

from cms.core import chrome
from cms.core.components.top_tasks import top_task
from cms.core.components.top_tasks import top_tasks as top_tasks_params
from cms.core.languages import DEFAULT, FALLBACK, LANGUAGE_CODES
from cms.tenants.scoping import AGENCY_HOME_DEPTH

from ..directory import Body, directory_context, parse
from ..paging import Filters, page_url
from ..privacy import public
from .base import BasePage
from .home import AgencyHomePage
from .news import NewsPage, news_cards, news_queryset

PORTAL_NEWS = 4
NEWS_CANDIDATES = 24
# The chrome cache's scope of the top tasks' pages (cms.pages.toptasks bumps it).
TOP_TASKS_SCOPE = "top-tasks"
# The portal's latest news: replaced when a news item, or a page that may have news
# below it, is published, unpublished, moved or deleted, and when an image changes
# (cms.pages.portalnews); agencies' names, sites and privacy are GLOBAL's.
PORTAL_NEWS_SCOPE = "portal-news"
HOME_PATH_LENGTH = AGENCY_HOME_DEPTH * Page.steplen


class PortalHomePage(BasePage):
    """The platform's front page: search, top tasks, news and every active agency."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.AgencyHomePage", "pages.SectionPage"]
    max_count = 1

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "top_tasks",
            heading=_("Top tasks"),
            label=_("Top task"),
            help_text=_(
                "The most used services across agencies, shown under the search box in "
                "this order: each links to a page of the platform or to an address."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("portal home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(portal_home_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        status = getattr(request, "_listing_status", None)
        if status:
            response.status_code = status
        return response


class PortalTopTask(Orderable):
    """One of the top tasks of the portal's front page: a label in kk/ru/en and a link
    to a page of the platform (a service page, usually) or to an address (egov.kz)."""

    page = ParentalKey(PortalHomePage, on_delete=models.CASCADE, related_name="top_tasks")
    label = models.CharField(_("label"), max_length=120)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A page of the platform, for example an agency's service page."),
    )
    link_url = models.URLField(
        _("address"),
        max_length=500,
        blank=True,
        help_text=_("Or an address outside the platform, for example https://egov.kz/..."),
    )

    panels = [FieldPanel("label"), FieldPanel("link_page"), FieldPanel("link_url")]

    class Meta(Orderable.Meta):
        verbose_name = _("top task")
        verbose_name_plural = _("top tasks")

    def __str__(self) -> str:
        return self.label

    def clean(self):
        super().clean()
        if bool(self.link_page_id) == bool(self.link_url):
            message = _("Choose a page or enter an address: one of the two.")
            raise ValidationError({"link_page": message, "link_url": message})


def top_tasks(portal, request) -> dict:
    """Parameters of the top_tasks component, from the chrome cache: they change only
    when the portal is published (GLOBAL) or a task's page changes (TOP_TASKS_SCOPE,
    bumped by cms.pages.toptasks), and the portal's query budget has no room for them."""
    if getattr(request, "is_preview", False):
        # The editor's unsaved tasks (in memory on the previewed page), never cached.
        tasks = _top_tasks(portal, request)
        return top_tasks_params(tasks, heading=gettext("Popular services"), heading_level=2)
    site = Site.find_for_request(request) if request is not None else None
    tasks = chrome.cached(
        ("top-tasks", get_language(), site.pk if site else "none"),
        (chrome.GLOBAL, TOP_TASKS_SCOPE),
        lambda: _top_tasks(portal, request),
    )
    return top_tasks_params(tasks, heading=gettext("Popular services"), heading_level=2)


def _top_tasks(portal, request) -> list[dict]:
    """The tasks in order; one whose page is no longer live and public is left out
    (its link would lead nowhere)."""
    language = get_language()
    # Sorted here: a previewed page holds its tasks in memory (modelcluster), some
    # without a pk yet.
    tasks = sorted(
        portal.top_tasks.select_related("link_page"),
        key=lambda t: (t.sort_order or 0, t.pk or 0),
    )
    page_ids = [task.link_page_id for task in tasks if task.link_page_id]
    live_pages = set()
    if page_ids:
        live_pages = set(
            public(Page.objects.live().filter(pk__in=page_ids)).values_list("pk", flat=True)
        )
    shown = []
    for task in tasks:
        if task.link_page_id:
            if task.link_page_id not in live_pages:
                continue
            url, external = page_url(task.link_page, request), False
        else:
            url, external = task.link_url, True
        label, lang = task.label, ""
        if not getattr(task, f"label_{language}", ""):
            lang = FALLBACK.get(language, DEFAULT)
            label = getattr(task, f"label_{lang}", "") or label
        if url and label:
            shown.append(top_task(label, url, external=external, lang=lang))
    return shown


def news_candidates():
    """The ids of the NEWS_CANDIDATES latest live news items of the platform, in the
    portal's order (date, first publication, id: newest first), from the news table
    alone: a backward walk of its index newspage_latest_live."""
    return (
        NewsPage.objects.filter(live_copy=True)
        .order_by("-date", "-first_published_at_copy", "-pk")
        .values("pk")[:NEWS_CANDIDATES]
    )


def _latest_news(portal) -> list:
    """The PORTAL_NEWS latest news items (live, public, under the portal), newest
    first, each with its agency's names (`source_<lang>`, by the tree path of its home
    page: no query per item, and no list of every agency).

    They are looked for among the NEWS_CANDIDATES latest live news items, chosen in a
    subquery on the news table alone (its copies of `live` and `first_published_at`):
    a walk of its index newspage_latest_live that stops at NEWS_CANDIDATES, whatever
    the number of news items. Sorting every news item's row, or joining every one to
    wagtailcore_page to sort them, made the portal home's one query grow with the
    number of agencies (issue 14). When fewer than PORTAL_NEWS of the candidates may
    be shown (private sections, few news at all), the plain query answers."""
    homes = AgencyHomePage.objects.filter(path=Substr(OuterRef("path"), 1, HOME_PATH_LENGTH))
    order = ("-date", "-first_published_at", "-pk")
    pages = (
        news_queryset(portal)
        .annotate(
            **{
                f"source_{lang}": Subquery(homes.values(f"agency_record__name_{lang}")[:1])
                for lang in LANGUAGE_CODES
            }
        )
        .order_by(*order)
    )
    latest = list(pages.filter(pk__in=Subquery(news_candidates()))[:PORTAL_NEWS])
    if len(latest) < PORTAL_NEWS:
        latest = list(pages[:PORTAL_NEWS])
    return latest


def portal_news(portal, request, language: str) -> list[dict]:
    """The latest news of every agency, newest first, each naming its agency: built
    once per version of the platform and of the portal's news (PORTAL_NEWS_SCOPE),
    language and site (the cards' addresses are relative on the portal's own site)."""

    def source(page):
        names = {lang: getattr(page, f"source_{lang}") or "" for lang in LANGUAGE_CODES}
        return names[language] or names[FALLBACK.get(language, DEFAULT)] or ""

    site = Site.find_for_request(request) if request is not None else None
    return chrome.cached(
        ("portal-news", portal.pk, language, site.pk if site else ""),
        (chrome.GLOBAL, PORTAL_NEWS_SCOPE),
        lambda: news_cards(_latest_news(portal), request, source=source),
    )


def _directory(portal, language: str, query, base_url: str) -> dict:
    """A page of the directory as the portal home shows it: its HTML (rendered here,
    once per cached page), its count of bodies, its notices and its status."""
    context = directory_context(
        chrome.cached(("portal-bodies",), (chrome.GLOBAL,), Body.active),
        language,
        query,
        base_url,
        portal.url_path,
    )
    return {
        "html": render_to_string("pages/portalhomepage_directory.html", context),
        "bodies_count_label": context["bodies_count_label"],
        "notices": context["notices"],
        "status": context["status"],
    }


def portal_home_context(portal, request) -> dict:
    language = get_language()
    filters = Filters(request)
    query = parse(filters, language)
    base_url = page_url(portal, request)
    # One page of the directory (bounded: see directory_context), rendered, under the
    # platform's chrome version (any agency, site or agency home page change replaces
    # it): a warm render reads no agency row and renders no body, so its cost does not
    # grow with their number (a page of 1,000 bodies shows more of them than one of
    # 10). A page past the end is not kept.
    directory = chrome.cached(
        ("portal-directory-html", language, base_url, portal.url_path, urlencode(query.params())),
        (chrome.GLOBAL,),
        lambda: _directory(portal, language, query, base_url),
        keep=lambda value: value["status"] == 200,
    )
    filters.notices.extend(directory["notices"])
    if directory["status"] != 200:
        filters.status = directory["status"]
    if filters.status != 200:
        request._listing_status = filters.status
    return {
        "top_tasks": top_tasks(portal, request),
        "news_cards": portal_news(portal, request, language),
        "directory_html": directory["html"],  # SafeString (pickled as such)
        "bodies_count_label": directory["bodies_count_label"],
        "notices": filters.notices,
    }
