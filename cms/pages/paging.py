"""Query parameters and pagination of the page listings (the news archive, the legal
acts register, the listings of the content apps): validated filters, one page of a
queryset and the parameters of the pagination component.

An unknown value never raises: it produces a notice in the page's language (and a
404 for a page number past the end).
"""

import hashlib
from collections.abc import Callable
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from cms.core.components.pagination import pagination

from .agency_cache import cached_for_page
from .languages import content_language

MIN_YEAR = 1991  # the Republic's legal acts start with independence
MAX_YEAR = 2100


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

    def cache_key(self, names) -> str | None:
        """The query parameters `names` as one text, or None when a number among them
        is not written as its canonical digits ("01", "1e3"): a listing shown for the
        values (cms.pages.agency_cache) is kept only when they gave no notice and no
        404, so that the values a listing is kept for are a bounded set."""
        values = []
        for name in names:
            value = self.raw(name)
            if value[:1].isdigit() and (not value.isdigit() or str(int(value)) != value):
                return None
            values.append(f"{name}={value}")
        return "&".join(values)

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
    return pagination(
        page.number if page is not None else None,
        paginator.num_pages,
        lambda number: filters.url(base_url, page=number),
        _("Pages"),
    )


def page_url(page, request) -> str:
    return page.get_url(request=request) or ""


def lang_if_other(page, language: str) -> str:
    """The language of the page's text when it differs from the request's."""
    lang = content_language(page, language)
    return lang if lang != language else ""


def listing_kept(listing: dict) -> bool:
    """A listing is kept only when its query gave no notice and no 404."""
    return listing["status"] == 200 and not listing["notices"]


def cached_listing(prefix: str, page, request, names, build: Callable[[], dict]) -> dict:
    """`build()` (one page of a listing for the query parameters `names`: a dict with
    its "status" and "notices") built once per version of `page`'s agency for one
    choice of filters (cms.pages.agency_cache.cached_for_page), with "listing_key":
    the name its template keeps the rendered listing under
    ({% page_fragment listing_key page %}), empty when the listing is not kept (a
    query with a notice or a 404, a number not in canonical digits). Sets the
    request's `_listing_status` (the listing pages' `serve` answers with it)."""
    key = Filters(request).cache_key(names)
    if key is None:
        listing = build()
    else:
        key = f"{prefix}:{hashlib.sha256(key.encode()).hexdigest()[:32]}"
        listing = cached_for_page(key, page, request, build, keep=listing_kept)
    request._listing_status = listing["status"]
    return {**listing, "listing_key": key if key is not None and listing_kept(listing) else ""}
