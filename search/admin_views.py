"""The search query report of the Wagtail admin: /admin/reports/search-queries/.

Top queries and zero-result queries of one agency's search (or, for platform admins,
of the portal-wide search or of everything) for a date range, as a page or as CSV.
An agency's editors and moderators see their own agencies only; anyone else gets 403.
"""

from __future__ import annotations

import csv
from datetime import timedelta

from django import forms
from django.conf import settings
from django.db.models import Q, Sum
from django.http import HttpResponse, HttpResponseForbidden
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views import generic

from cms.accounts.audit import record_export
from cms.core.csv_safety import neutralise_row
from cms.tenants.models import Agency
from cms.tenants.scoping import agencies_for_user, is_platform_admin

from .models import SearchQueryLog

# Choice values of the agency field besides agency slugs (platform admins only).
EVERYTHING = "__all__"
PORTAL = "__portal__"
DEFAULT_DAYS = 30
TOP = 50


def can_view_report(user) -> bool:
    return is_platform_admin(user) or agencies_for_user(user).exists()


def forbidden() -> HttpResponseForbidden:
    return HttpResponseForbidden(_("You are not allowed to see the search queries of this agency."))


class ReportFilterForm(forms.Form):
    agency = forms.ChoiceField(label=_("Search"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.platform_admin = is_platform_admin(user)
        self.agencies = list(agencies_for_user(user).order_by("slug"))
        choices = [(a.slug, str(a)) for a in self.agencies]
        if self.platform_admin:
            choices = [(EVERYTHING, _("All searches")), (PORTAL, _("Portal-wide search"))] + choices
        self.fields["agency"].choices = choices
        self.fields["language"].choices = [("", _("All languages")), *settings.LANGUAGES]

    def clean_agency(self):
        value = self.cleaned_data.get("agency") or ""
        if not value:
            return EVERYTHING if self.platform_admin else self.agencies[0].slug
        return value

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        cleaned["date_to"] = cleaned.get("date_to") or today
        cleaned["date_from"] = cleaned.get("date_from") or cleaned["date_to"] - timedelta(
            days=DEFAULT_DAYS - 1
        )
        if cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_from", _("The start date must not be after the end date."))
        return cleaned

    def scope(self) -> Q:
        """The rows the chosen search covers."""
        value = self.cleaned_data["agency"]
        if value == EVERYTHING:
            return Q()
        if value == PORTAL:
            return Q(agency__isnull=True)
        return Q(agency__slug=value)

    def chosen_agency(self) -> Agency | None:
        value = self.cleaned_data["agency"]
        return next((a for a in self.agencies if a.slug == value), None)


class SearchQueryReportView(generic.WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/search_query_report.html"
    page_title = _("Search queries")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        # A plain 403, not PermissionDenied (which the admin turns into a redirect).
        if not can_view_report(request.user):
            return forbidden()
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        data = request.GET.copy()
        self.form = ReportFilterForm(data or None, user=request.user)
        if data and not self.form.is_valid():
            if "agency" in self.form.errors:
                # Another agency's slug (or nonsense): not the user's to see.
                return forbidden()
            return self.render_to_response(self.get_context_data(rows=None))
        if not data:
            self.form = ReportFilterForm({}, user=request.user)
            self.form.is_valid()
        top, zero = self.report()
        if request.GET.get("format") == "csv":
            return self.csv_response(top, zero)
        return self.render_to_response(self.get_context_data(top=top, zero=zero))

    def report(self):
        cleaned = self.form.cleaned_data
        rows = SearchQueryLog.objects.filter(
            self.form.scope(), day__gte=cleaned["date_from"], day__lte=cleaned["date_to"]
        )
        if cleaned.get("language"):
            rows = rows.filter(language=cleaned["language"])
        grouped = (
            rows.values("query", "language")
            .annotate(searches=Sum("count"), zero=Sum("zero_results"))
            .order_by()
        )
        top = list(grouped.order_by("-searches", "query", "language")[:TOP])
        zero = list(grouped.filter(zero__gt=0).order_by("-zero", "query", "language")[:TOP])
        return top, zero

    def csv_response(self, top, zero):
        cleaned = self.form.cleaned_data
        scope = cleaned["agency"].strip("_")
        name = f"search-queries-{scope}-{cleaned['date_from']}-{cleaned['date_to']}.csv"
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response.write("\ufeff")  # so that spreadsheet programs read UTF-8 (Kazakh letters)
        writer = csv.writer(response)
        writer.writerow(["list", "query", "language", "searches", "without results"])
        for kind, rows in (("top", top), ("zero-results", zero)):
            for row in rows:
                # Visitors type the queries: "=HYPERLINK(...)" must stay text.
                cells = [kind, row["query"], row["language"], row["searches"], row["zero"]]
                writer.writerow(neutralise_row(cells))
        agency = self.form.chosen_agency()
        record_export(
            self.request,
            what="search_query_report",
            file_format="csv",
            rows=len(top) + len(zero),
            agencies=[agency.slug] if agency is not None else [],
        )
        return response

    def get_page_subtitle(self):
        form = getattr(self, "form", None)
        if form is None or not hasattr(form, "cleaned_data") or "agency" not in form.cleaned_data:
            return ""
        agency = form.chosen_agency()
        if agency is not None:
            return str(agency)
        return _("Portal-wide search") if form.cleaned_data["agency"] == PORTAL else ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        query = self.request.GET.copy()
        query["format"] = "csv"
        context["csv_query"] = query.urlencode()
        return context
