"""RSS 2.0 and Atom feeds of an agency's news, one per language.

/<lang>/<agency>/news/feed/ (RSS) and /<lang>/<agency>/news/atom/ on any host that
is not another agency's own host; /<lang>/news/feed/ and /<lang>/news/atom/ on an
agency's own host. Each item is in the feed language, or in its fallback (en → ru)
when the item has no English version; the item then says so (dc:language in RSS,
xml:lang on the Atom entry).
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError
from wagtail.models import Site

from cms.core.renditions import rendition
from cms.pages.agency_cache import cached_for_agency, known_host
from cms.pages.languages import content_language
from cms.pages.models import NewsPage
from cms.tenants.models import Agency

from .scope import active_agency, path_on_site, public_pages, request_site, site_agency
from .text import summary, title_of

FEED_LENGTH = 20


class LanguageRssFeed(Rss201rev2Feed):
    """RSS 2.0 with the language of each item as dc:language."""

    def rss_attributes(self):
        attrs = super().rss_attributes()
        attrs["xmlns:dc"] = "http://purl.org/dc/elements/1.1/"
        return attrs

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_language"):
            handler.addQuickElement("dc:language", item["content_language"])


class LanguageAtomFeed(Atom1Feed):
    """Atom with xml:lang on each entry."""

    def item_attributes(self, item):
        attrs = super().item_attributes(item)
        if item.get("content_language"):
            attrs["xml:lang"] = item["content_language"]
        return attrs


@dataclass
class FeedSource:
    agency: Agency
    site: Site
    language: str
    link: str
    pages: list
    request: object = None


@dataclass
class FeedItem:
    title: str
    description: str
    link: str
    language: str
    published: datetime.datetime
    updated: datetime.datetime | None
    category: str = ""
    enclosure: Enclosure | None = None


def _published(page) -> datetime.datetime:
    first = page.first_published_at
    if first is not None and timezone.localdate(first) == page.date:
        return first
    return timezone.make_aware(datetime.datetime.combine(page.date, datetime.time.min))


def _enclosure(page, request) -> Enclosure | None:
    """The item's lead image as an RSS enclosure (a web-sized JPEG rendition)."""
    if page.lead_image is None or request is None:
        return None
    try:
        image = rendition(page.lead_image, "fill-1200x630|format-jpeg")
        length = image.file.size
    except (SourceImageIOError, OSError):
        return None
    return Enclosure(request.build_absolute_uri(image.url), str(length), "image/jpeg")


class AgencyNewsFeed(Feed):
    """One agency's live public news, newest first, in the language of the URL."""

    feed_type = LanguageRssFeed

    def agency_and_site(self, request, agency_slug: str | None = None):
        """The agency whose feed is asked and the site it is asked on (or a 404)."""
        site = request_site(request)
        host_agency = site_agency(site)
        if agency_slug is None:
            agency = host_agency
            if agency is None or agency.is_archived or not agency.home_page.live:
                raise Http404("No agency on this host.")
        else:
            agency = active_agency(agency_slug)
            if agency is None or (host_agency is not None and host_agency.pk != agency.pk):
                raise Http404("No such agency.")
        return agency, site

    def __call__(self, request, *args, **kwargs):
        """The feed, written once per version of the agency (any publication in it,
        its images; the platform's: its record, privacy), language, site and
        address (cms.pages.agency_cache): its links and enclosures are absolute, so
        it is kept only for a host the platform knows, and written afresh for any
        other. It shows nothing of the visitor."""
        agency, site = self.agency_and_site(request, *args, **kwargs)
        host = request.get_host()
        if not known_host(host, site):
            return super().__call__(request, *args, **kwargs)
        address = f"{request.scheme}://{host}{request.path}"

        def build() -> tuple[bytes, dict]:
            response = super(AgencyNewsFeed, self).__call__(request, *args, **kwargs)
            return response.content, dict(response.headers)

        content, headers = cached_for_agency(
            f"feed:{type(self).__name__}",
            agency.home_page,
            request,
            build,
            parts=(hashlib.sha256(address.encode()).hexdigest()[:32],),
        )
        response = HttpResponse(content)
        for name, value in headers.items():
            response.headers[name] = value
        return response

    def get_object(self, request, agency_slug: str | None = None):
        agency, site = self.agency_and_site(request, agency_slug)
        language = get_language()
        home = agency.home_page
        news_pages = (
            NewsPage.objects.live()
            .public()
            .descendant_of(home)
            .select_related("lead_image")
            .prefetch_related("lead_image__renditions")
            .order_by("-date", "-first_published_at", "-pk")[:FEED_LENGTH]
        )
        section = public_pages().child_of(home).filter(slug="news").first()
        link = path_on_site(section or home, site, language) or path_on_site(home, site, language)
        return FeedSource(
            agency=agency,
            site=site,
            language=language,
            link=link,
            pages=list(news_pages),
            request=request,
        )

    def title(self, obj):
        return _("News: %(agency)s") % {"agency": obj.agency.name}

    def description(self, obj):
        return _("The latest news of %(agency)s") % {"agency": obj.agency.name}

    def link(self, obj):
        return obj.link

    def author_name(self, obj):
        return obj.agency.name

    def items(self, obj):
        items = []
        for page in obj.pages:
            lang = content_language(page, obj.language)
            # The link is in the feed's language: that URL shows the fallback with a notice.
            link = path_on_site(page, obj.site, obj.language) or page.get_full_url()
            items.append(
                FeedItem(
                    title=title_of(page, lang),
                    description=summary(page, lang),
                    link=link,
                    language=lang,
                    published=_published(page),
                    updated=page.last_published_at,
                    category=page.get_category_display(),
                    enclosure=_enclosure(page, obj.request),
                )
            )
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return item.link

    def item_pubdate(self, item):
        return item.published

    def item_updateddate(self, item):
        return item.updated

    def item_categories(self, item):
        return [item.category] if item.category else []

    def item_enclosures(self, item):
        return [item.enclosure] if item.enclosure else []

    def item_extra_kwargs(self, item):
        return {"content_language": item.language}


class AgencyNewsAtomFeed(AgencyNewsFeed):
    feed_type = LanguageAtomFeed

    def subtitle(self, obj):
        return self.description(obj)
