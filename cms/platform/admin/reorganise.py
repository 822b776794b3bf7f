"""Admin screens of the four reorganisations: a form, then the plan, then the run.

Each screen (platform admins only) asks for the operation's choices; "Show the plan"
runs the service's dry run and shows what will move, which addresses will redirect
and which users and groups change; "Carry out" runs it, provided the plan is still
the one shown (its digest travels with the form: if another change altered it
meanwhile, the new plan is shown instead). Errors of the services appear next to
their field, in the admin's language; nothing is half-done.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.core.languages import LANGUAGE_CODES
from cms.platform import reorg
from cms.tenants.models import Agency

from .confirm import NAMESPACE, AgencyActionView
from .forms import LANGUAGE_NAMES

OPERATIONS = ("rename", "move", "merge", "split")


def _active_agencies(exclude: Agency):
    return Agency.objects.filter(status=Agency.Status.ACTIVE).exclude(pk=exclude.pk)


def _name_fields(form: forms.Form, agency: Agency | None, required: bool) -> None:
    for lang in LANGUAGE_CODES:
        form.fields[f"name_{lang}"] = forms.CharField(
            label=_("Name (%(language)s)") % {"language": LANGUAGE_NAMES[lang]},
            max_length=255,
            required=required and lang != "en",
            initial=getattr(agency, f"name_{lang}") if agency else "",
        )


class RenameForm(forms.Form):
    def __init__(self, agency, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _name_fields(self, agency, required=False)
        self.fields["slug"] = forms.CharField(
            label=gettext_lazy("Address"),
            max_length=50,
            required=False,
            initial=agency.slug,
            help_text=gettext_lazy(
                "Language-neutral part of the address: /kk/<address>/. Every old address "
                "answers with a permanent redirect to the new one."
            ),
        )
        self.fields["hostname"] = forms.CharField(
            label=gettext_lazy("Own host name"),
            max_length=253,
            required=False,
            initial=agency.hostname or "",
            help_text=gettext_lazy("Empty: no own host name. The old one redirects."),
        )

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "names": {lang: data.get(f"name_{lang}") or "" for lang in LANGUAGE_CODES},
            "slug": data.get("slug") or None,
            "hostname": data.get("hostname") or None,
        }


class MoveForm(forms.Form):
    def __init__(self, agency, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"] = forms.ModelChoiceField(
            label=gettext_lazy("New parent body"),
            queryset=_active_agencies(agency).order_by("slug"),
            required=False,
            empty_label=gettext_lazy("None: a top-level body"),
            initial=agency.parent_id,
        )

    def service_kwargs(self) -> dict:
        return {"parent": self.cleaned_data.get("parent")}


class MergeForm(forms.Form):
    def __init__(self, agency, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"] = forms.ModelChoiceField(
            label=gettext_lazy("Merge into"),
            queryset=_active_agencies(agency).order_by("slug"),
            error_messages={"required": gettext_lazy("Choose the agency to merge into.")},
        )
        self.fields["users"] = forms.ChoiceField(
            label=gettext_lazy("Editors and moderators"),
            choices=[
                (reorg.FOLLOW, gettext_lazy("Follow: they join the other agency's groups")),
                (
                    reorg.RETIRE,
                    gettext_lazy("Retire: they are deactivated (unless they work elsewhere)"),
                ),
            ],
            initial=reorg.FOLLOW,
            widget=forms.RadioSelect,
        )

    def service_kwargs(self) -> dict:
        return {"target": self.cleaned_data["target"], "users": self.cleaned_data["users"]}


class SplitForm(forms.Form):
    def __init__(self, agency, *args, **kwargs):
        super().__init__(*args, **kwargs)
        home = agency.home_page
        self.fields["sections"] = forms.MultipleChoiceField(
            label=gettext_lazy("Sections that become the new agency"),
            choices=[(page.slug, page.title) for page in home.get_children().order_by("path")],
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": gettext_lazy("Choose at least one section to split off.")},
        )
        self.fields["slug"] = forms.CharField(label=gettext_lazy("New agency's address"))
        _name_fields(self, None, required=True)
        self.fields["category"] = forms.ChoiceField(
            label=gettext_lazy("Category"), choices=Agency.Category.choices, initial=agency.category
        )
        self.fields["parent"] = forms.ModelChoiceField(
            label=gettext_lazy("Parent body"),
            queryset=Agency.objects.filter(status=Agency.Status.ACTIVE).order_by("slug"),
            required=False,
            empty_label=gettext_lazy("None: a top-level body"),
            initial=agency.pk,
        )

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "sections": data["sections"],
            "slug": data["slug"],
            "names": {lang: data.get(f"name_{lang}") or "" for lang in LANGUAGE_CODES},
            "category": data["category"],
            "parent": data.get("parent"),
        }


FORMS = {"rename": RenameForm, "move": MoveForm, "merge": MergeForm, "split": SplitForm}
TITLES = {
    "rename": gettext_lazy("Rename agency"),
    "move": gettext_lazy("Move agency"),
    "merge": gettext_lazy("Merge agencies"),
    "split": gettext_lazy("Split agency"),
}


def run_service(operation: str, agency: Agency, kwargs: dict, user, dry_run: bool):
    if operation == "rename":
        return reorg.rename_agency(agency, user=user, dry_run=dry_run, **kwargs)
    if operation == "move":
        return reorg.move_agency(agency, kwargs["parent"], user=user, dry_run=dry_run)
    if operation == "merge":
        return reorg.merge_agencies(
            agency, kwargs["target"], users=kwargs["users"], user=user, dry_run=dry_run
        )
    return reorg.split_agency(agency, user=user, dry_run=dry_run, **kwargs)


class ReorganiseView(AgencyActionView):
    """GET: the form. POST: the plan (a dry run); POST with `confirm`: the run."""

    permission_required = "reorganise"
    template_name = "platform/admin/reorganise.html"
    header_icon = "site"
    operation = "rename"

    def setup(self, request, pk, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.pk = pk

    def dispatch(self, request, *args, **kwargs):
        # A plain 403 for agency staff (Wagtail would redirect to the dashboard), and
        # before any lookup: whether an agency id exists is not theirs to learn.
        if not self.user_has_permission(self.permission_required):
            return HttpResponseForbidden(_("Only platform admins can reorganise agencies."))
        self.object = get_object_or_404(Agency, pk=self.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return str(TITLES[self.operation])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            operation=self.operation,
            action_url=reverse(f"{NAMESPACE}:{self.operation}", args=(self.object.pk,)),
            cancel_url=reverse(f"{NAMESPACE}:edit", args=(self.object.pk,)),
            archived=self.object.is_archived,
        )
        context.setdefault("form", FORMS[self.operation](self.object))
        return context

    def post(self, request, *args, **kwargs):
        form = FORMS[self.operation](self.object, request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        service_kwargs = form.service_kwargs()
        try:
            plan = run_service(self.operation, self.object, service_kwargs, request.user, True)
            if "confirm" in request.POST:
                if request.POST.get("digest") != plan.digest():
                    messages.warning(
                        request,
                        _("The plan has changed since it was shown: check the new plan."),
                    )
                else:
                    plan = run_service(
                        self.operation, self.object, service_kwargs, request.user, False
                    )
                    messages.success(request, self.done_message(plan))
                    return redirect(f"{NAMESPACE}:index")
        except ValidationError as error:
            self.add_errors(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        return self.render_to_response(self.get_context_data(form=form, plan=plan))

    def add_errors(self, form, error: ValidationError) -> None:
        aliases = {"successor": "target"}
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                field = aliases.get(field, field)
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)

    def done_message(self, plan) -> str:
        return _(
            "Done: %(pages)s pages moved, %(redirects)s old addresses redirect to the new ones."
        ) % {"pages": plan.pages_moved, "redirects": len(plan.redirects)}


def views() -> dict:
    """One view per operation, for the viewset's URL patterns."""
    return {
        operation: type(
            f"{operation.title()}View", (ReorganiseView,), {"operation": operation}
        ).as_view()
        for operation in OPERATIONS
    }
