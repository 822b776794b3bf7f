"""The audit log of an agency: one report (Reports → Agency audit log) listing who did
what to the agency's pages, images, documents and snippets, comments and workflow
steps included.

Wagtail keeps log entries in several tables (pages, other models, and the
`AgencyLogEntry` tables of agency snippets). Each table gets its own agency filter:

* page entries: the page lies in the agency's subtree;
* agency snippet entries (`AgencyLogEntry`): their `agency` column;
* other model entries: the object is in the agency's collections (images,
  documents), has an `agency` foreign key, or is the agency itself.

Agency users see only their agencies' entries; platform admins see everything and
can filter by agency.
"""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
)
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import Collection, PageLogEntry

from cms.tenants.isolation.logging import AgencyLogEntry
from cms.tenants.models import Agency
from cms.tenants.scoping import agencies_for_user, is_platform_admin


def _agency_collection_ids(agencies) -> list[int]:
    ids: set[int] = set()
    for collection in Collection.objects.filter(
        pk__in=[a.collection_id for a in agencies if a.collection_id]
    ):
        ids.update(collection.get_descendants(inclusive=True).values_list("pk", flat=True))
    return sorted(ids)


def _object_ids(model, agencies, collection_ids):
    """A subquery of the string primary keys of `model`'s objects in `agencies`, or
    None when objects of that model belong to no agency."""
    field_names = {f.name for f in model._meta.get_fields()}
    if model is Agency:
        objects = model.objects.filter(pk__in=[a.pk for a in agencies])
    elif model is Collection or issubclass(model, Collection):
        objects = model.objects.filter(pk__in=collection_ids)
    elif "agency" in field_names:
        objects = model._default_manager.filter(agency__in=[a.pk for a in agencies])
    elif "collection" in field_names:
        objects = model._default_manager.filter(collection_id__in=collection_ids)
    else:
        return None
    return objects.annotate(object_key=Cast("pk", CharField())).values("object_key")


def scope_log_entries(queryset, agencies):
    """Keep the entries (of one log model) that concern one of `agencies`."""
    agencies = list(agencies)
    if not agencies:
        return queryset.none()
    model = queryset.model
    if issubclass(model, PageLogEntry):
        paths = Q()
        for agency in agencies:
            home_path = agency.home_page.path if _has_home(agency) else None
            if home_path:
                paths |= Q(page__path__startswith=home_path)
        return queryset.filter(paths) if paths else queryset.none()
    if issubclass(model, AgencyLogEntry):
        return queryset.filter(agency__in=[a.pk for a in agencies])
    # Generic model log entries: per content type.
    collection_ids = _agency_collection_ids(agencies)
    condition = Q()
    content_type_ids = queryset.order_by().values_list("content_type_id", flat=True).distinct()
    for content_type_id in content_type_ids:
        content_type = ContentType.objects.get_for_id(content_type_id)
        target = content_type.model_class()
        object_ids = _object_ids(target, agencies, collection_ids) if target else None
        if object_ids is not None:
            condition |= Q(content_type_id=content_type_id, object_id__in=object_ids)
    return queryset.filter(condition) if condition else queryset.none()


def _has_home(agency) -> bool:
    try:
        return agency.home_page is not None
    except Agency.home_page.RelatedObjectDoesNotExist:
        return False


class AgencyAuditLogFilterSet(SiteHistoryReportFilterSet):
    agency = django_filters.ModelChoiceFilter(
        label=_("Agency"),
        queryset=lambda request: agencies_for_user(request.user).order_by("slug"),
        method="filter_agency",
        empty_label=_("All agencies"),
    )

    def filter_agency(self, queryset, name, value):
        if not value:
            return queryset
        return scope_log_entries(queryset, [value])


class AgencyAuditLogView(LogEntriesView):
    page_title = _("Agency audit log")
    filterset_class = AgencyAuditLogFilterSet
    index_url_name = "editorial_audit_log"
    index_results_url_name = "editorial_audit_log_results"

    def get_filtered_queryset(self):
        """As Wagtail's site history, but every log table scoped to the agency.

        Wagtail's `viewable_by_user` goes by model permissions, which editors hold
        per collection (images, documents) rather than per model; here the agency
        decides instead, so agency users see their images' and documents' history.
        """
        user = self.request.user
        unrestricted = is_platform_admin(user)
        agencies = list(agencies_for_user(user).select_related("home_page"))
        self.log_models = list(log_action_registry.get_log_entry_models())
        queryset = None
        for index, log_model in enumerate(self.log_models):
            if unrestricted:
                entries = log_model.objects.viewable_by_user(user)
            else:
                entries = scope_log_entries(log_model.objects.all(), agencies)
            sub_queryset = entries.values("pk", "timestamp").annotate(
                log_model_index=Value(index, output_field=IntegerField())
            )
            sub_queryset = self.filter_queryset(sub_queryset).order_by()
            queryset = sub_queryset if queryset is None else queryset.union(
                sub_queryset, all=True
            )
        return queryset.order_by("-timestamp")

    def get_filename(self):
        return "agency-" + super().get_filename()
