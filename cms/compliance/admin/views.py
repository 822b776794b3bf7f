"""The compliance screens of the admin.

- the dashboard (`/admin/compliance/`): platform admins only (others get 403); every
  active agency with its latest scores, filterable by category and parent body,
  sortable by any column, the platform's 90-day trend, CSV and XLSX exports (each
  recorded in the audit log) and the switch of the public scorecard;
- an agency's page (`/admin/compliance/agency/<slug>/`): platform admins, and the
  agency's own editors and moderators; 403 for anybody else, whether the agency
  exists or not. Its scores per language, the due date of every section, the
  failing items with a link to fix each, and its own 90-day trend.
"""

import csv
import io

from django.contrib import messages
from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views import generic
from wagtail.log_actions import log
from wagtail.models import Page

from cms.accounts.audit import record_export
from cms.core import pagecache
from cms.core.csv_safety import neutralise_row
from cms.core.languages import LANGUAGE_CODES
from cms.tenants.models import Agency
from cms.tenants.scoping import agencies_for_user, is_platform_admin

from ..chart import trend_chart
from ..checks.result import CHECKS
from ..models import ScorecardSetting, Snapshot
from ..presenters import (
    CHECK_LABELS,
    LANGUAGE_LABELS,
    describe,
    score_cells,
    short_date,
    status,
)
from ..snapshots import SCORECARD_SEGMENT, latest_snapshots, trend

SORT_KEYS = ("name", "overall", *CHECKS)
SWITCH_ACTION = "birtutas.compliance.scorecard"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def forbidden() -> HttpResponseForbidden:
    return HttpResponseForbidden(_("Only platform admins can see every agency's compliance."))


class DashboardView(generic.WagtailAdminTemplateMixin, TemplateView):
    template_name = "compliance/admin/dashboard.html"
    page_title = gettext_lazy("Compliance")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        # A plain 403, not PermissionDenied (which the admin turns into a redirect).
        if not is_platform_admin(request.user):
            return forbidden()
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    # --- Filters and order (unknown values are ignored, never an error) ---------------
    def filters(self) -> dict:
        params = self.request.GET
        category = params.get("category", "")
        if category not in Agency.Category.values:
            category = ""
        parent = params.get("parent", "")
        parents = self.parent_choices()
        if not parent.isdigit() or int(parent) not in {p.pk for p in parents}:
            parent = ""
        sort = params.get("sort", "overall")
        if sort.lstrip("-") not in SORT_KEYS:
            sort = "overall"
        return {"category": category, "parent": parent, "sort": sort}

    def parent_choices(self):
        if not hasattr(self, "_parents"):
            self._parents = list(
                Agency.objects.filter(children__isnull=False).distinct().order_by("slug")
            )
        return self._parents

    def rows(self, chosen: dict) -> list[Snapshot]:
        snapshots = latest_snapshots()
        if chosen["category"]:
            snapshots = snapshots.filter(agency__category=chosen["category"])
        if chosen["parent"]:
            snapshots = snapshots.filter(agency__parent_id=int(chosen["parent"]))
        rows = list(snapshots)
        key = chosen["sort"].lstrip("-")
        reverse_order = chosen["sort"].startswith("-")
        if key == "name":
            rows.sort(key=lambda s: str(s.agency).casefold(), reverse=reverse_order)
        else:
            rows.sort(key=lambda s: (getattr(s, key), str(s.agency).casefold()),
                      reverse=reverse_order)
        return rows

    def get(self, request, *args, **kwargs):
        chosen = self.filters()
        rows = self.rows(chosen)
        export = request.GET.get("format")
        if export in ("csv", "xlsx"):
            return self.export(rows, export)
        return self.render_to_response(self.get_context_data(chosen=chosen, rows=rows))

    # --- Exports ----------------------------------------------------------------------
    def table(self, rows) -> tuple[list[str], list[list]]:
        header = [_("Agency"), _("Address"), _("Category"), _("Parent body"), _("Date"),
                  _("Overall"), *(str(CHECK_LABELS[name]) for name in CHECKS),
                  _("Failing items")]
        data = []
        for snapshot in rows:
            agency = snapshot.agency
            data.append([
                str(agency), agency.slug, str(agency.get_category_display()),
                str(agency.parent) if agency.parent_id else "", snapshot.date.isoformat(),
                snapshot.overall, *(getattr(snapshot, name) for name in CHECKS),
                snapshot.failing,
            ])
        return header, data

    def export(self, rows, file_format: str):
        header, data = self.table(rows)
        name = f"compliance-{timezone.localdate().isoformat()}.{file_format}"
        if file_format == "csv":
            response = HttpResponse(content_type="text/csv; charset=utf-8")
            response.write("\ufeff")  # spreadsheet programs then read UTF-8 (Kazakh letters)
            writer = csv.writer(response)
            for cells in [header, *data]:
                writer.writerow(neutralise_row(cells))
        else:
            from openpyxl import Workbook

            book = Workbook()
            sheet = book.active
            sheet.title = "compliance"
            for cells in [header, *data]:
                # A name starting with "=" must stay text in a spreadsheet too.
                sheet.append(neutralise_row(cells))
            buffer = io.BytesIO()
            book.save(buffer)
            response = HttpResponse(buffer.getvalue(), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        record_export(self.request, what="compliance_dashboard", file_format=file_format,
                      rows=len(data), agencies=[])
        return response

    # --- Page -------------------------------------------------------------------------
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chosen, rows = kwargs["chosen"], kwargs["rows"]
        query = self.request.GET.copy()
        columns = []
        for key in SORT_KEYS:
            label = _("Agency") if key == "name" else (
                _("Overall") if key == "overall" else str(CHECK_LABELS[key])
            )
            current = chosen["sort"].lstrip("-") == key
            descending = chosen["sort"].startswith("-")
            query["sort"] = f"-{key}" if current and not descending else key
            columns.append({
                "key": key, "label": label, "url": "?" + query.urlencode(),
                "aria_sort": ("descending" if descending else "ascending") if current else "",
            })
        export_query = self.request.GET.copy()
        export_query["format"] = "csv"
        csv_url = "?" + export_query.urlencode()
        export_query["format"] = "xlsx"
        context.update(
            chosen=chosen,
            columns=columns,
            rows=[
                {"snapshot": s, "agency": s.agency, "cells": score_cells(s),
                 "overall": status(s.overall),
                 "url": reverse("compliance_agency", args=(s.agency.slug,))}
                for s in rows
            ],
            categories=Agency.Category.choices,
            parents=self.parent_choices(),
            chart=trend_chart(trend(), _("Average overall score of the agencies")),
            csv_url=csv_url,
            xlsx_url="?" + export_query.urlencode(),
            scorecard_public=ScorecardSetting.is_public(),
            switch_url=reverse("compliance_scorecard_switch"),
            unchecked=Agency.objects.filter(status=Agency.Status.ACTIVE)
            .exclude(compliance_snapshots__isnull=False).count(),
        )
        return context


class AgencyComplianceView(generic.WagtailAdminTemplateMixin, TemplateView):
    template_name = "compliance/admin/agency.html"
    header_icon = "tasks"

    def dispatch(self, request, slug, *args, **kwargs):
        # Another agency's page is refused exactly like one that does not exist (a
        # plain 403 for both: the answer tells nothing about which agencies exist).
        self.agency = agencies_for_user(request.user).filter(slug=slug).first()
        if self.agency is None:
            return HttpResponseForbidden(_("This is not your agency's compliance page."))
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Compliance")

    def get_page_subtitle(self):
        return str(self.agency)

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        if is_platform_admin(self.request.user):
            items.append({"url": reverse("compliance_dashboard"), "label": _("Compliance")})
        return items + [{"url": "", "label": str(self.agency)}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        snapshot = Snapshot.objects.filter(agency=self.agency).order_by("-date").first()
        context["agency"] = self.agency
        context["snapshot"] = snapshot
        context["chart"] = trend_chart(
            trend(agencies=[self.agency]), _("Overall score of %(agency)s") % {
                "agency": self.agency}
        )
        if snapshot is None:
            return context
        ids = {entry.get("page") for entry in snapshot.items} | {
            row.get("page") for row in snapshot.due_dates
        }
        pages = {
            page.pk: page
            for page in Page.objects.filter(
                pk__in=[pk for pk in ids if pk], path__startswith=self.agency.home_page.path
            ).only("pk", "title", "title_kk", "title_ru", "title_en", "url_path")
        }
        groups = []
        for name in CHECKS:
            entries = [entry for entry in snapshot.items if entry["check"] == name]
            groups.append({
                "check": name,
                "label": CHECK_LABELS[name],
                "score": getattr(snapshot, name),
                "status": status(getattr(snapshot, name)),
                "items": [self.present(entry, pages) for entry in entries],
            })
        context["cells"] = score_cells(snapshot)
        context["overall"] = status(snapshot.overall)
        context["groups"] = groups
        context["languages"] = [
            {"code": code, "label": LANGUAGE_LABELS[code],
             "scores": [
                 {"label": CHECK_LABELS[name],
                  "score": snapshot.language_scores.get(code, {}).get(name)}
                 for name in CHECKS
             ]}
            for code in LANGUAGE_CODES if code in snapshot.language_scores
        ]
        context["language_checks"] = [
            CHECK_LABELS[name] for name in CHECKS
            if any(name in scores for scores in snapshot.language_scores.values())
        ]
        context["due_dates"] = [
            {**row, "title": pages[row["page"]].title if row.get("page") in pages else "",
             "due_label": short_date(row.get("due")), "newest_label": short_date(row.get("newest")),
             "language": LANGUAGE_LABELS.get(row.get("lang"), ""),
             "edit_url": reverse("wagtailadmin_pages:edit", args=(row["page"],))
             if row.get("page") in pages else ""}
            for row in snapshot.due_dates
        ]
        return context

    @staticmethod
    def present(entry: dict, pages: dict) -> dict:
        page = pages.get(entry.get("page"))
        return {
            "text": describe(entry),
            "title": page.title if page else "",
            "language": LANGUAGE_LABELS.get(entry.get("lang"), ""),
            "edit_url": reverse("wagtailadmin_pages:edit", args=(page.pk,)) if page else "",
        }


class ScorecardSwitchView(generic.WagtailAdminTemplateMixin, TemplateView):
    """POST: publish or withdraw the public scorecard (platform admins)."""

    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        if not is_platform_admin(request.user):
            return forbidden()
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        value = request.POST.get("public")
        if value not in ("on", "off"):
            messages.error(request, _("Choose whether the scorecard is published."))
            return redirect("compliance_dashboard")
        setting, _created = ScorecardSetting.objects.get_or_create(pk=1)
        setting.public = value == "on"
        setting.save()
        pagecache.invalidate(segments=[SCORECARD_SEGMENT])
        log(instance=setting, action=SWITCH_ACTION, user=request.user,
            data={"public": setting.public})
        messages.success(
            request,
            _("The public scorecard is published.") if setting.public
            else _("The public scorecard is withdrawn: its address answers “not found”."),
        )
        return redirect("compliance_dashboard")
