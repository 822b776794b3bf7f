"""Listings of the content pages: the news archive, the legal acts register and the
agency's home page. Templates only render what these functions return.

Query parameters are validated here: an unknown value never raises, it produces a
notice in the page's language (and a 404 for a page number past the end).
"""

import datetime
from urllib.parse import urlencode

from django.core.exceptions import FieldError
from django.core.paginator import Paginator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError

from .languages import content_language

NEWS_PER_PAGE = 10
ACTS_PER_PAGE = 20
HOME_NEWS = 6
HOME_SERVICES = 6
# The language of a file, as the name of its download link.
FILE_LANGUAGE_NAMES = {
    "kk": pgettext_lazy("language of a file", "Kazakh"),
    "ru": pgettext_lazy("language of a file", "Russian"),
    "en": pgettext_lazy("language of a file", "English"),
}
MIN_YEAR = 1991  # the Republic's legal acts start with independence
MAX_YEAR = 2100


# --- Query parameters ------------------------------------------------------------------


class Filters:
    """The validated filters of a listing, with notices for what was refused."""

    def __init__(self, request):
        self.request = request
        self.values: dict[str, str] = {}
        self.notices: list[str] = []
        self.status = 200

    def raw(self, name: str) -> str:
        return (self.request.GET.get(name) or "").strip()

    def year(self, name: str, available) -> int | None:
        value = self.raw(name)
        if not value:
            return None
        if not value.isdigit() or not MIN_YEAR <= int(value) <= MAX_YEAR:
            self.notices.append(
                _("“%(value)s” is not a year. Showing all years.") % {"value": value[:20]}
            )
            return None
        self.values[name] = value
        return int(value)

    def choice(self, name: str, choices: dict, message: str) -> str | None:
        value = self.raw(name)
        if not value:
            return None
        if value not in choices:
            self.notices.append(message % {"value": value[:40]})
            return None
        self.values[name] = value
        return value

    def page_number(self) -> int:
        value = self.raw("page")
        if not value:
            return 1
        if not value.isdigit() or int(value) < 1:
            self.notices.append(
                _("“%(value)s” is not a page number. Showing the first page.")
                % {"value": value[:20]}
            )
            return 1
        return int(value)

    def url(self, base: str, **changes) -> str:
        params = {**self.values, **{k: v for k, v in changes.items() if v is not None}}
        params = {k: v for k, v in params.items() if v not in ("", None)}
        if params.get("page") in (1, "1"):
            params.pop("page")
        return f"{base}?{urlencode(sorted(params.items()))}" if params else base


def paginate(queryset, per_page: int, filters: Filters, base_url: str) -> tuple[list, dict]:
    """One page of `queryset` and the parameters of the pagination component."""
    paginator = Paginator(queryset, per_page)
    number = filters.page_number()
    if number > paginator.num_pages:
        filters.notices.append(
            _("There is no page %(number)s: the list has %(pages)s page(s).")
            % {"number": number, "pages": paginator.num_pages}
        )
        filters.status = 404
        return [], pagination_params(paginator, None, filters, base_url)
    page = paginator.page(number)
    return list(page.object_list), pagination_params(paginator, page, filters, base_url)


def pagination_params(paginator, page, filters: Filters, base_url: str) -> dict:
    if paginator.num_pages <= 1 and page is not None:
        return {}
    current = page.number if page is not None else None
    numbers = []
    for number in paginator.get_elided_page_range(current or 1, on_each_side=2, on_ends=1):
        if number == Paginator.ELLIPSIS:
            numbers.append({"ellipsis": True})
        else:
            numbers.append(
                {
                    "number": number,
                    "url": filters.url(base_url, page=number),
                    "current": number == current,
                }
            )
    return {
        "label": _("Pages"),
        "pages": numbers,
        "previous_url": filters.url(base_url, page=current - 1) if current and current > 1 else "",
        "next_url": filters.url(base_url, page=current + 1)
        if current and current < paginator.num_pages
        else "",
    }


def _url(page, request) -> str:
    return page.get_url(request=request) or ""


def _date(value: datetime.date | None) -> dict:
    if not value:
        return {"text": "", "iso": ""}
    return {"text": value.strftime("%d.%m.%Y"), "iso": value.isoformat()}


def _lang_if_other(page, language: str) -> str:
    """The language of the page's text when it differs from the request's."""
    lang = content_language(page, language)
    return lang if lang != language else ""


# --- News ------------------------------------------------------------------------------


def news_queryset(root):
    from .models import NewsPage

    return (
        NewsPage.objects.live()
        .public()
        .descendant_of(root)
        .select_related("lead_image")
        .prefetch_related("lead_image__renditions")
    )


def news_cards(pages, request, *, image_spec="fill-480x270") -> list[dict]:
    from .models import NewsPage

    language = get_language()
    categories = dict(NewsPage.Category.choices)
    cards = []
    for page in pages:
        date = _date(page.date)
        image = None
        if page.lead_image is not None:
            try:
                rendition = page.lead_image.get_rendition(image_spec)
                image = {"url": rendition.url, "width": rendition.width, "height": rendition.height}
            except SourceImageIOError:  # a missing source file must not break the listing
                image = None
        cards.append(
            {
                "title": page.title,
                "url": _url(page, request),
                "text": page.intro or "",
                "date": date["text"],
                "datetime": date["iso"],
                "category": str(categories.get(page.category, "")),
                "category_value": page.category,
                "priority": page.is_priority,
                "image": image,
                "lang": _lang_if_other(page, language),
            }
        )
    return cards


def news_index_context(index, request) -> dict:
    from taggit.models import Tag

    from .models import NewsPage

    filters = Filters(request)
    base_url = _url(index, request)
    pages = news_queryset(index)
    years = sorted({d.year for d in pages.dates("date", "year")}, reverse=True)
    tags = Tag.objects.filter(pages_newspagetag_items__content_object__in=pages).distinct()
    tags = list(tags.order_by("name"))
    tags_by_slug = {tag.slug: tag for tag in tags}
    categories = {value: str(label) for value, label in NewsPage.Category.choices}

    year = filters.year("year", years)
    category = filters.choice(
        "category", categories, _("There is no category “%(value)s”. Showing all categories.")
    )
    tag = filters.choice(
        "tag", tags_by_slug, _("There is no topic “%(value)s” here. Showing all topics.")
    )
    if year:
        pages = pages.filter(date__year=year)
    if category:
        pages = pages.filter(category=category)
    if tag:
        pages = pages.filter(tagged_items__tag=tags_by_slug[tag]).distinct()
    pages = pages.order_by("-date", "-first_published_at", "-pk")
    items, pagination = paginate(pages, NEWS_PER_PAGE, filters, base_url)
    request._listing_status = filters.status

    filtering = bool(year or category or tag)
    return {
        "news_items": news_cards(items, request),
        "pagination": pagination,
        "notices": filters.notices,
        "filtering": filtering,
        "reset_url": base_url,
        "filter_form": {
            "action": base_url,
            "years": [{"value": str(y), "selected": y == year} for y in years],
            "categories": [
                {"value": v, "label": label, "selected": v == category}
                for v, label in categories.items()
            ],
            "tags": [{"value": t.slug, "label": t.name, "selected": t.slug == tag} for t in tags],
        },
        "active_tag": tags_by_slug[tag].name if tag else "",
        "feeds": news_feed_links(index.agency),
    }


def news_feed_links(agency) -> list[dict]:
    from django.urls import NoReverseMatch, reverse

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
    from .models import NewsIndexPage

    parent = page.get_parent()
    if parent is not None and parent.specific_class is NewsIndexPage:
        return parent
    agency = page.agency
    if agency is None:
        return None
    return NewsIndexPage.objects.live().child_of(agency.home_page).first()


def news_page_context(page, request=None) -> dict:
    from .blocks import link_href

    index = news_index_for(page)
    index_url = _url(index, request) if index is not None else ""
    tags = [
        {
            "name": tag.name,
            "url": f"{index_url}?{urlencode({'tag': tag.slug})}" if index_url else "",
        }
        for tag in page.tags.all()
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


# --- Legal acts ------------------------------------------------------------------------


def _extension(document) -> str:
    return (document.file_extension or "").upper()


def legal_act_files(act) -> list[dict]:
    files = []
    for code in ("kk", "ru", "en"):
        document = getattr(act, f"file_{code}", None)
        if document is None:
            continue
        files.append(
            {
                "url": document.url,
                "lang": code,
                "language": str(FILE_LANGUAGE_NAMES[code]),
                "extension": _extension(document),
                "size": filesizeformat(document.file_size) if document.file_size else "",
                "title": act.title,
            }
        )
    return files


def legal_act_rows(acts, request) -> list[dict]:
    from .models import LegalActPage

    types = dict(LegalActPage.ActType.choices)
    statuses = dict(LegalActPage.Status.choices)
    language = get_language()
    rows = []
    for act in acts:
        date = _date(act.date_signed)
        rows.append(
            {
                "number": act.number,
                "date": date["text"],
                "datetime": date["iso"],
                "title": act.title,
                "url": _url(act, request),
                "type": str(types.get(act.act_type, "")),
                "status": str(statuses.get(act.status, "")),
                "status_value": act.status,
                "files": legal_act_files(act),
                "lang": _lang_if_other(act, language),
            }
        )
    return rows


def legal_act_index_context(index, request) -> dict:
    from .models import LegalActPage

    filters = Filters(request)
    base_url = _url(index, request)
    acts = (
        LegalActPage.objects.live()
        .public()
        .descendant_of(index)
        .select_related("file_kk", "file_ru", "file_en")
    )
    years = sorted({d.year for d in acts.dates("date_signed", "year")}, reverse=True)
    types = {value: str(label) for value, label in LegalActPage.ActType.choices}
    statuses = {value: str(label) for value, label in LegalActPage.Status.choices}
    act_type = filters.choice(
        "type", types, _("There is no type of act “%(value)s”. Showing all types.")
    )
    year = filters.year("year", years)
    status = filters.choice(
        "status", statuses, _("There is no status “%(value)s”. Showing every status.")
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
        "filter_form": {
            "action": base_url,
            "types": [
                {"value": v, "label": t, "selected": v == act_type} for v, t in types.items()
            ],
            "years": [{"value": str(y), "selected": y == year} for y in years],
            "statuses": [
                {"value": v, "label": s, "selected": v == status} for v, s in statuses.items()
            ],
        },
    }


# --- Agency home page ------------------------------------------------------------------


def _optional_model(label: str):
    from django.apps import apps

    try:
        return apps.get_model(label)
    except LookupError:
        return None


def agency_head(home, request) -> dict | None:
    """The head of the agency (organisation.PersonPage with is_head), if that app has it."""
    model = _optional_model("organisation.PersonPage")
    if model is None:
        return None
    try:
        person = (
            model.objects.live()
            .public()
            .descendant_of(home)
            .filter(is_head=True)
            .order_by("path")
            .first()
        )
    except FieldError:
        return None
    if person is None:
        return None
    role = ""
    for name in ("position", "role", "job_title"):
        if getattr(person, name, ""):
            role = str(getattr(person, name))
            break
    return {"name": person.title, "url": _url(person, request), "role": role}


def key_services(home, request) -> list[dict]:
    model = _optional_model("listings.ServicePage")
    if model is None:
        return []
    try:
        services = list(
            model.objects.live()
            .public()
            .descendant_of(home)
            .filter(is_key=True)
            .order_by("path")[:HOME_SERVICES]
        )
    except FieldError:
        return []
    return [
        {
            "title": service.title,
            "url": _url(service, request),
            "text": str(getattr(service, "intro", "") or getattr(service, "summary", "") or ""),
        }
        for service in services
    ]


def quick_links(agency) -> list[dict]:
    from cms.navigation.models import QuickLink

    if agency is None:
        return []
    return [
        {"title": link.title, "url": link.url}
        for link in QuickLink.objects.filter(agency=agency).order_by("sort_order", "pk")
    ]


def contacts_summary(home, agency, request) -> dict:
    from wagtail.models import Page

    if agency is None:
        return {}
    contacts = Page.objects.live().public().child_of(home).filter(slug="contacts").first()
    return {
        "address": agency.address,
        "phone": agency.phone,
        "phone_href": "".join(c for c in agency.phone if c.isdigit() or c == "+"),
        "email": agency.email,
        "url": _url(contacts, request) if contacts is not None else "",
    }


def agency_home_context(home, request) -> dict:
    from django.contrib.contenttypes.models import ContentType

    from .models import NewsIndexPage, SectionPage

    agency = home.agency
    news = list(
        news_queryset(home).order_by("-is_priority", "-date", "-first_published_at", "-pk")[
            :HOME_NEWS
        ]
    )
    # One query whatever the section types: every section is a SectionPage (its typed
    # index pages are subclasses), and the cards need only its title, intro and URL.
    sections = list(SectionPage.objects.child_of(home).live().public())
    news_type = ContentType.objects.get_for_model(NewsIndexPage)
    news_index = next((s for s in sections if s.content_type_id == news_type.pk), None)
    return {
        "sections": sections,
        "latest_news": news,
        "news_cards": news_cards(news, request),
        "news_index_url": _url(news_index, request) if news_index is not None else "",
        "head": agency_head(home, request),
        "key_services": key_services(home, request),
        "quick_links": quick_links(agency),
        "contacts": contacts_summary(home, agency, request),
    }
