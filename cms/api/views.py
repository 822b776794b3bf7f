"""Read-only API v2 endpoints limited to live, public content of active agencies.

Query parameters added to Wagtail's: `agency=<slug>` (pages, images, documents) and
`locale=<kk|ru|en>` or `lang=` (pages: the language of the translated fields).
Wagtail's own `locale` filter (for WAGTAIL_I18N_ENABLED trees) and `translation_of`
do not apply to one-tree translations and are replaced.
"""

from functools import cached_property

from django.db.models import Exists, OuterRef
from django.db.models.functions import Substr
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

from cms.core.languages import LANGUAGE_CODES
from cms.feeds.scope import HOME_PATH_LENGTH, in_active_agency, request_site
from cms.tenants.models import Agency

from .serializers import TranslatedPageSerializer

NO_LANGUAGE_PREFIX_URLCONF = "cms.api.urls"
# Agency collections are children of the root collection (depth 2).
AGENCY_COLLECTION_PATH_LENGTH = 2 * Collection.steplen
# Translated text fields exposed for the page types that have them.
TRANSLATED_BODY_FIELDS = ("date", "intro", "body")


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
    def get_queryset(self):
        queryset = super().get_queryset().filter(_in_active_agency_collection())
        if self.agency is not None:
            if self.agency.collection_id is None:
                return queryset.none()
            queryset = queryset.filter(collection__path__startswith=self.agency.collection.path)
        return queryset


class AgencyImagesAPIViewSet(AgencyMediaMixin, ImagesAPIViewSet):
    known_query_parameters = ImagesAPIViewSet.known_query_parameters | {"agency"}


class AgencyDocumentsAPIViewSet(AgencyMediaMixin, DocumentsAPIViewSet):
    known_query_parameters = DocumentsAPIViewSet.known_query_parameters | {"agency"}


class AgencyPagesAPIViewSet(AgencyParameterMixin, PagesAPIViewSet):
    base_serializer_class = TranslatedPageSerializer
    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        SearchFilter,  # must stay last, as in Wagtail
    ]
    known_query_parameters = (PagesAPIViewSet.known_query_parameters - {"translation_of"}) | {
        "agency",
        "lang",
    }

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

    def get_base_queryset(self):
        queryset = super().get_base_queryset().public().filter(in_active_agency())
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
