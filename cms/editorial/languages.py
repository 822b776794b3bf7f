"""Which languages each page is filled in: a column of the admin page explorer and the
report "Pages missing a language".

A page is filled in a language when its title has content in that language, and so
has every field its type lists in `translated_required_fields` that has content in
any language (a section whose body is empty everywhere lacks no language). For a
page with an unpublished draft, the draft (latest revision) counts: that is what
the editor is working on.

Both work on whole listings with a fixed number of queries: one per page type for
the page rows, one for the drafts.
"""

from collections import defaultdict

import django_filters
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BaseColumn, Column, TitleColumn
from wagtail.admin.ui.tables.pages import PageStatusColumn
from wagtail.admin.views.reports.base import ReportView
from wagtail.models import Page, Revision

from cms.core.languages import LANGUAGE_CODES, filled_languages
from cms.pages.languages import required_fields
from cms.tenants.models import Agency
from cms.tenants.scoping import agencies_for_user, is_platform_admin

# Own labels: the shared LANGUAGE_NAMES are phrased for "the %(language)s version"
# (a grammatical case of their own in Russian), not for a label standing alone.
LANGUAGE_LABELS = {"kk": _("Kazakh (kk)"), "ru": _("Russian (ru)"), "en": _("English (en)")}
FILLED_LABELS = {
    "kk": (_("Kazakh: missing"), _("Kazakh: filled in")),
    "ru": (_("Russian: missing"), _("Russian: filled in")),
    "en": (_("English: missing"), _("English: filled in")),
}


def site_languages() -> list[str]:
    return list(LANGUAGE_CODES)


def language_status(pages) -> dict[int, dict[str, bool]]:
    """{page id: {language: filled?}} for `pages` (any Page instances), by the one rule
    of cms.core.languages, read from the database (and the drafts) in bulk."""
    by_model = defaultdict(list)
    draft_revisions = {}
    for page in pages:
        model = page.specific_class or type(page)
        by_model[model].append(page.pk)
        if page.has_unpublished_changes and page.latest_revision_id:
            draft_revisions[page.latest_revision_id] = page.pk
    values: dict[int, dict] = {}
    fields_of: dict[int, tuple[str, ...]] = {}
    for model, ids in by_model.items():
        fields = required_fields(model)
        columns = [
            f"{name}_{lang}"
            for name in fields
            for lang in LANGUAGE_CODES
            if _has_field(model, f"{name}_{lang}")
        ]
        rows = model._default_manager.filter(pk__in=ids).values("pk", *columns)
        for row in rows:
            page_id = row.pop("pk")
            values[page_id] = row
            fields_of[page_id] = fields
    for revision_id, content in Revision.objects.filter(pk__in=draft_revisions).values_list(
        "pk", "content"
    ):
        page_id = draft_revisions[revision_id]
        row = values.get(page_id, {})
        values[page_id] = {key: content.get(key, row.get(key)) for key in row}
    return {
        page_id: filled_languages(row, fields_of.get(page_id, ("title",)))
        for page_id, row in values.items()
    }


def _has_field(model, name) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


class LanguagesColumn(BaseColumn):
    """kk / ru / en, each marked filled in or missing."""

    cell_template_name = "editorial/tables/languages_cell.html"

    def status_for(self, instance, parent_context):
        table = parent_context.get("table")
        cache = getattr(table, "_language_status", None) if table is not None else None
        if cache is None:
            rows = list(table.data) if table is not None else [instance]
            cache = language_status([row for row in rows if isinstance(row, Page)])
            if table is not None:
                table._language_status = cache
        return cache.get(instance.pk) or language_status([instance]).get(instance.pk, {})

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        status = self.status_for(instance, parent_context)
        context["languages"] = [
            {
                "code": code,
                "filled": bool(status.get(code)),
                "label": FILLED_LABELS.get(code, (code, code))[bool(status.get(code))],
            }
            for code in site_languages()
        ]
        return context


def install_explorer_column() -> None:
    """Add the Languages column to the page explorer (and the page search listing)."""
    from wagtail.admin.views.pages.listing import ExplorableIndexView, IndexView

    for view in (ExplorableIndexView, IndexView):
        if any(getattr(col, "name", None) == "languages" for col in view.base_columns):
            continue
        columns = list(view.base_columns)
        position = next(
            (i for i, col in enumerate(columns) if col.name == "status"), len(columns)
        )
        columns.insert(
            position,
            LanguagesColumn(
                "languages", label=_("Languages"), classname="editorial-languages-column"
            ),
        )
        view.base_columns = columns


# --- The report ---------------------------------------------------------------------
def agency_pages(agencies):
    """The pages of `agencies` (their home pages and everything below)."""
    condition = Q()
    for path in Agency.objects.filter(pk__in=[a.pk for a in agencies]).values_list(
        "home_page__path", flat=True
    ):
        if path:
            condition |= Q(path__startswith=path)
    if not condition:
        return Page.objects.none()
    return Page.objects.filter(condition)


class MissingLanguagesFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Missing language"),
        choices=list(LANGUAGE_LABELS.items()),
        empty_label=_("Any language"),
        method="filter_language",
    )
    agency = django_filters.ModelChoiceFilter(
        label=_("Agency"),
        queryset=lambda request: agencies_for_user(request.user).order_by("slug"),
        empty_label=_("All agencies"),
        method="filter_agency",
    )

    class Meta:
        model = Page
        fields = []

    def filter_language(self, queryset, name, value):
        # Applied in MissingLanguagesReportView.get_filtered_queryset, which needs the
        # language also when none is chosen.
        return queryset

    def filter_agency(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(pk__in=agency_pages([value]).values("pk"))


def _agency_name(page) -> str:
    agency = getattr(page, "_report_agency", None)
    return str(agency) if agency else ""


class MissingLanguagesReportView(ReportView):
    page_title = _("Pages missing a language")
    header_icon = "globe"
    index_url_name = "editorial_missing_languages"
    index_results_url_name = "editorial_missing_languages_results"
    filterset_class = MissingLanguagesFilterSet
    paginate_by = 50
    list_export = ["title_for_report", "agency_name", "page_type_display_name", "missing",
                   "status_string"]
    export_headings = {
        "title_for_report": _("Title"),
        "agency_name": _("Agency"),
        "page_type_display_name": _("Type"),
        "missing": _("Missing languages"),
        "status_string": _("Status"),
    }

    @cached_property
    def columns(self):
        columns = [
            TitleColumn(
                "title",
                label=_("Title"),
                get_url=lambda page: reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                accessor="title_for_report",
            ),
        ]
        if is_platform_admin(self.request.user) or self.user_agencies.count() > 1:
            columns.append(Column("agency", label=_("Agency"), accessor=_agency_name))
        columns += [
            Column("type", label=_("Type"), accessor="page_type_display_name"),
            LanguagesColumn("languages", label=_("Languages")),
            PageStatusColumn("status", label=_("Status")),
        ]
        return columns

    @cached_property
    def no_results_message(self):
        if self.missing_language:
            return _("Every page is filled in this language.")
        return _("Every page is filled in all three languages.")

    @cached_property
    def user_agencies(self):
        return agencies_for_user(self.request.user)

    @cached_property
    def missing_language(self):
        value = self.request.GET.get("language") or ""
        return value if value in site_languages() else None

    def get_queryset(self):
        return agency_pages(self.user_agencies)

    def get_filtered_queryset(self):
        pages = self.filter_queryset(self.get_queryset()).select_related("content_type")
        status = language_status(pages)
        wanted = [self.missing_language] if self.missing_language else site_languages()
        missing_ids = [
            page_id
            for page_id, filled in status.items()
            if any(not filled.get(lang) for lang in wanted)
        ]
        return (
            Page.objects.filter(pk__in=missing_ids)
            .select_related("content_type")
            .order_by("path")
        )

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        status = language_status(pages)
        homes = {
            path: agency
            for agency, path in (
                (a, a.home_page.path)
                for a in self.user_agencies.select_related("home_page")
                if _safe_home(a)
            )
        }
        for page in pages:
            page.title_for_report = page.get_admin_display_title()
            page._report_agency = next(
                (agency for path, agency in homes.items() if page.path.startswith(path)), None
            )
            page.agency_name = _agency_name(page)
            filled = status.get(page.pk, {})
            page.missing = ", ".join(code for code in site_languages() if not filled.get(code))
        return pages

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["missing_language"] = self.missing_language
        return context


def _safe_home(agency) -> bool:
    try:
        return agency.home_page is not None
    except Agency.home_page.RelatedObjectDoesNotExist:
        return False
