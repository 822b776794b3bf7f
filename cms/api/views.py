"""Read-only API v2 endpoints limited to live, public content of active agencies.

Query parameters added to Wagtail's: `agency=<slug>` (pages, images, documents) and
`locale=<kk|ru|en>` or `lang=` (pages: the language of the translated fields).
Wagtail's own `locale` filter (for WAGTAIL_I18N_ENABLED trees) and `translation_of`
do not apply to one-tree translations and are replaced.
"""

from functools import cached_property

from django.conf import settings
from django.db.models import Case, Exists, IntegerField, OuterRef, Value, When
from django.db.models.functions import Substr
from django.http import Http404
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    OrderingFilter,
    SearchFilter,
)
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, Page
from wagtail.query import PageQuerySet
from wagtail.search.backends import get_search_backend

from cms.core.languages import LANGUAGE_CODES
from cms.feeds.scope import HOME_PATH_LENGTH, in_active_agency, request_site, site_agency
from cms.tenants.media import published_filter
from cms.tenants.models import Agency
from search.engines import SearchQuery, search
from search.engines.base import MAX_PER_PAGE

from .serializers import (
    RequestHostDocumentSerializer,
    RequestHostImageSerializer,
    TranslatedPageSerializer,
)

NO_LANGUAGE_PREFIX_URLCONF = "cms.api.urls"
# Agency collections are children of the root collection (depth 2).
AGENCY_COLLECTION_PATH_LENGTH = 2 * Collection.steplen
# Translated text fields exposed for the page types that have them.
TRANSLATED_BODY_FIELDS = ("date", "intro", "body")
# `search=`: the best MAX_SEARCH_HITS matches are ranked, then the other filters apply.
MAX_SEARCH_HITS = 500
MAX_SEARCH_LENGTH = 200
# Wagtail's `search_operator` belongs to its own search backend; the platform's search
# has one behaviour (any term matches, pages with every term rank first).
NOT_SUPPORTED = frozenset({"search_operator"})


def _search_text(request) -> str | None:
    """The `search` parameter, or None when absent; a 400 when it cannot be searched."""
    if "search" not in request.GET:
        return None
    text = request.GET["search"].strip()
    if len(text) > MAX_SEARCH_LENGTH:
        raise BadRequestError(f"search is longer than {MAX_SEARCH_LENGTH} characters")
    if any(ord(char) < 32 or ord(char) == 127 for char in text):
        raise BadRequestError("search contains control characters")
    return text


def _ranked(queryset, ranked_ids: list[int], request):
    """`queryset` limited to `ranked_ids`, in their order unless `order` was asked for."""
    queryset = queryset.filter(pk__in=ranked_ids)
    if "order" in request.GET or not ranked_ids:
        return queryset
    rank = Case(
        *[When(pk=pk, then=Value(i)) for i, pk in enumerate(ranked_ids)],
        output_field=IntegerField(),
    )
    return queryset.annotate(_search_rank=rank).order_by("_search_rank", "pk")


def _ranked_search(backends):
    return [RankedSearchFilter if backend is SearchFilter else backend for backend in backends]


class RankedSearchFilter:
    """`?search=`: the view's `search_ids(text)` ranks, the queryset filters.

    Wagtail's own SearchFilter hands the filtered queryset to its search backend,
    which cannot apply the agency and publication filters (a 500 on every query);
    here the search gives ids in rank order and the queryset keeps its filters."""

    def filter_queryset(self, request, queryset, view):
        text = _search_text(request)
        if text is None:
            return queryset
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        ids = view.search_ids(text) if text else []
        return _ranked(queryset, ids, request)


class AgencyParameterMixin:
    """`?agency=<slug>`: an active agency, or a 400 answer. A 404 stays a JSON 404."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 404:
            request._request.urlconf = NO_LANGUAGE_PREFIX_URLCONF
        return response

    @cached_property
    def agency(self) -> Agency | None:
        slug = self.request.GET.get("agency")
        if slug is None:
            return None
        agency = (
            Agency.objects.filter(slug=slug, status=Agency.Status.ACTIVE)
            .select_related("home_page", "collection")
            .first()
        )
        if agency is None:
            raise BadRequestError(f"agency '{slug}' does not exist or is not active")
        return agency


def _in_active_agency_collection():
    return Exists(
        Agency.objects.filter(
            status=Agency.Status.ACTIVE,
            collection__path=Substr(OuterRef("collection__path"), 1, AGENCY_COLLECTION_PATH_LENGTH),
        )
    )


class AgencyMediaMixin(AgencyParameterMixin):
    """Images and documents in active agencies' collections that a live public page
    uses (`cms.tenants.media`): an upload no published page shows is not listed."""

    def get_queryset(self):
        queryset = (
            super()
            .get_queryset()
            .filter(_in_active_agency_collection())
            .filter(published_filter(self.model))
        )
        if self.agency is not None:
            if self.agency.collection_id is None:
                return queryset.none()
            queryset = queryset.filter(collection__path__startswith=self.agency.collection.path)
        return queryset

    def search_ids(self, text: str) -> list[int]:
        results = get_search_backend().search(text, self.model.objects.all())
        return [obj.pk for obj in results[:MAX_SEARCH_HITS]]


class AgencyImagesAPIViewSet(AgencyMediaMixin, ImagesAPIViewSet):
    base_serializer_class = RequestHostImageSerializer
    filter_backends = _ranked_search(ImagesAPIViewSet.filter_backends)
    known_query_parameters = (ImagesAPIViewSet.known_query_parameters - NOT_SUPPORTED) | {"agency"}


class AgencyDocumentsAPIViewSet(AgencyMediaMixin, DocumentsAPIViewSet):
    base_serializer_class = RequestHostDocumentSerializer
    filter_backends = _ranked_search(DocumentsAPIViewSet.filter_backends)
    known_query_parameters = (DocumentsAPIViewSet.known_query_parameters - NOT_SUPPORTED) | {
        "agency"
    }


class AgencyPagesAPIViewSet(AgencyParameterMixin, PagesAPIViewSet):
    base_serializer_class = TranslatedPageSerializer
    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        RankedSearchFilter,  # must stay last, as in Wagtail
    ]
    known_query_parameters = (
        PagesAPIViewSet.known_query_parameters - {"translation_of"} - NOT_SUPPORTED
    ) | {"agency", "lang"}

    @classmethod
    def get_body_fields(cls, model):
        fields = super().get_body_fields(model)
        names = {field.name for field in fields}
        for name in TRANSLATED_BODY_FIELDS:
            if name not in names and _has_field(model, name):
                fields.extend(cls._convert_api_fields([name]))
        return fields

    @cached_property
    def requested_language(self) -> str | None:
        value = self.request.GET.get("locale") or self.request.GET.get("lang")
        if value is None:
            return None
        if value not in LANGUAGE_CODES:
            raise BadRequestError(
                f"unknown language '{value}': use one of {', '.join(LANGUAGE_CODES)}"
            )
        return value

    @cached_property
    def site(self):
        return request_site(self.request)

    @cached_property
    def _agency_slugs(self) -> dict[str, str]:
        return dict(
            Agency.objects.filter(status=Agency.Status.ACTIVE).values_list(
                "home_page__path", "slug"
            )
        )

    def agency_slug_for(self, page) -> str | None:
        return self._agency_slugs.get(page.path[:HOME_PATH_LENGTH])

    def search_ids(self, text: str) -> list[int]:
        """Page ids for `text` from the platform's search (live public pages only), in
        the requested language, within the asked agency or the host's agency."""
        agency = self.agency or site_agency(self.site)
        ids: list[int] = []
        for number in range(1, MAX_SEARCH_HITS // MAX_PER_PAGE + 1):
            results = search(
                SearchQuery(
                    text=text,
                    language=self.requested_language or settings.LANGUAGE_CODE,
                    agency=agency.slug if agency else None,
                    page=number,
                    per_page=MAX_PER_PAGE,
                )
            )
            ids.extend(hit.page_id for hit in results.hits)
            if number >= results.pages:
                break
        return ids

    def get_base_queryset(self):
        try:
            queryset = super().get_base_queryset()
        except Http404 as error:
            if "site" not in self.request.GET:
                raise
            raise BadRequestError(
                f"site '{self.request.GET['site']}' is not a host name of this platform"
            ) from error
        queryset = queryset.public().filter(in_active_agency())
        if self.agency is not None:
            queryset = queryset.descendant_of(self.agency.home_page, inclusive=True)
        return queryset

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        # Validate now, so that a bad value is a 400 before anything is serialised.
        _ = self.requested_language

    def get_object(self):
        _ = self.requested_language
        return super().get_object()

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if isinstance(page, PageQuerySet):
            return page.specific()
        pages = list(page)
        specific = {p.pk: p for p in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()}
        return [specific.get(p.pk, p) for p in pages]


def _has_field(model, name: str) -> bool:
    return any(field.name == name for field in model._meta.get_fields())
