"""Views of the agency admin screen: list, create, edit, archive and restore (the
reorganisations are in reorganise.py)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log

from cms.core.languages import LANGUAGE_CODES
from cms.platform.log_actions import ARCHIVE_ACTION, RESTORE_ACTION
from cms.platform.provisioning import (
    AgencyConflict,
    archive_agency,
    provision_agency,
    restore_agency,
    update_agency,
)
from cms.tenants.models import Agency

from .confirm import NAMESPACE, AgencyActionView
from .forms import PROVISION_FIELDS

LANGS = LANGUAGE_CODES


def archive_action(agency) -> dict:
    """The one archive-or-restore action an agency offers, for list and edit buttons."""
    if agency.is_archived:
        action, label, icon = "restore", _("Restore"), "undo"
    else:
        action, label, icon = "archive", _("Archive"), "folder-inverse"
    return {
        "label": label,
        "url": reverse(f"{NAMESPACE}:{action}", args=(agency.pk,)),
        "icon_name": icon,
        "priority": 40,
    }


REORGANISE_LABELS = {
    "rename": gettext_lazy("Rename"),
    "move": gettext_lazy("Move under another body"),
    "merge": gettext_lazy("Merge into another agency"),
    "split": gettext_lazy("Split off sections"),
}


def reorganise_actions(agency) -> list[dict]:
    """The reorganisations an active agency offers (cms.platform.admin.reorganise)."""
    if agency.is_archived:
        return []
    return [
        {
            "label": label,
            "url": reverse(f"{NAMESPACE}:{operation}", args=(agency.pk,)),
            "icon_name": "site",
            "priority": 50 + n,
        }
        for n, (operation, label) in enumerate(REORGANISE_LABELS.items())
    ]


class AgencyIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("parent", "site")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not self.user_has_permission("archive"):
            return buttons
        buttons.append(MenuItem(**archive_action(instance)))
        buttons += [MenuItem(**action) for action in reorganise_actions(instance)]
        return buttons


class ServiceFormMixin:
    """Runs the save in its own transaction and turns the services' validation errors
    into form errors: nothing half-saved, never a server error."""

    def form_valid(self, form):
        self.form = form
        try:
            with transaction.atomic():
                self.object = self.save_instance()
        except ValidationError as error:
            form.add_service_errors(error)
            return self._service_failed(form)
        except IntegrityError:
            # Another admin saved a conflicting agency between validation and save.
            form.add_error(
                None,
                _(
                    "Another agency with the same address or host name was saved meanwhile. "
                    "Check the form and try again."
                ),
            )
            return self._service_failed(form)
        response = self.save_action()
        hook_response = self.run_after_hook()
        return hook_response if hook_response is not None else response

    def _service_failed(self, form):
        self.produced_error_code = "validation_error"
        self.produced_error_message = self.get_error_message()
        self.object = self.object_after_failure()
        return self.form_invalid(form)

    def object_after_failure(self):
        return None


class AgencyCreateView(ServiceFormMixin, generic.CreateView):
    page_title = gettext_lazy("New agency")

    def save_instance(self):
        data = self.form.cleaned_data
        result = provision_agency(
            slug=data["slug"],
            names={lang: data.get(f"name_{lang}") or "" for lang in LANGS},
            short_names={lang: data.get(f"short_name_{lang}") or "" for lang in LANGS},
            category=data["category"],
            parent=data.get("parent"),
            hostname=data.get("hostname"),
            brand_colour=data.get("brand_colour") or None,
        )
        if not result.created:
            # The form checked the slug; this agency appeared in the meantime.
            raise AgencyConflict(
                _("An agency with the address “%(slug)s” already exists.") % {"slug": data["slug"]},
                code="duplicate_slug",
            )
        rest = {name: value for name, value in data.items() if name not in PROVISION_FIELDS}
        agency = update_agency(result.agency, user=self.request.user, **rest)
        log(instance=agency, action="wagtail.create", user=self.request.user)
        return agency


class AgencyEditView(ServiceFormMixin, generic.EditView):
    def get_queryset(self):
        return Agency.objects.all()

    def save_instance(self):
        data = {name: value for name, value in self.form.cleaned_data.items() if name != "slug"}
        agency = update_agency(self.object, user=self.request.user, **data)
        log(instance=agency, action="wagtail.edit", user=self.request.user)
        return agency

    def object_after_failure(self):
        # The in-memory instance holds the rejected values; show the stored agency.
        return Agency.objects.get(pk=self.object.pk)

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.user_has_permission("archive"):
            stored = Agency.objects.get(pk=self.object.pk)
            buttons.append(Button(**archive_action(stored)))
            buttons += [Button(**action) for action in reorganise_actions(stored)]
        return buttons


class AgencyArchiveView(AgencyActionView):
    """Confirmation page (GET) and the archiving itself (POST)."""

    permission_required = "archive"
    template_name = "platform/admin/confirm_archive.html"
    header_icon = "folder-inverse"
    restore = False

    def setup(self, request, pk, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(Agency, pk=pk)

    def get_page_title(self):
        return _("Restore agency") if self.restore else _("Archive agency")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        context["restore"] = self.restore
        context["already_done"] = self.object.is_archived != self.restore
        context["action_url"] = reverse(
            f"{NAMESPACE}:restore" if self.restore else f"{NAMESPACE}:archive",
            args=(self.object.pk,),
        )
        context["cancel_url"] = reverse(f"{NAMESPACE}:index")
        if not self.restore:
            context["successor_choices"] = self.successor_choices()
            context["successor_id"] = self.object.successor_id
            context["successor_error"] = kwargs.get("successor_error")
        return context

    def successor_choices(self):
        """Bodies that can continue this one: the active agencies but itself."""
        return (
            Agency.objects.filter(status=Agency.Status.ACTIVE)
            .exclude(pk=self.object.pk)
            .order_by("slug")
        )

    def chosen_successor(self):
        """(successor or None, error message or None) from the confirmation form."""
        value = self.request.POST.get("successor") or ""
        if not value:
            return None, None
        successor = self.successor_choices().filter(pk=value).first() if value.isdigit() else None
        if successor is None:
            return None, _("Choose the successor from the list.")
        return successor, None

    def post(self, request, *args, **kwargs):
        if self.restore:
            if self.object.is_archived:
                restore_agency(self.object)
                log(instance=self.object, action=RESTORE_ACTION, user=request.user)
            messages.success(
                request,
                _("Agency “%(name)s” restored: its site is online again.") % {"name": self.object},
            )
        else:
            successor, error = self.chosen_successor()
            if error is None:
                try:
                    if not self.object.is_archived or successor is not None:
                        archive_agency(self.object, successor=successor)
                        log(
                            instance=self.object,
                            action=ARCHIVE_ACTION,
                            user=request.user,
                            data={"successor": successor.slug if successor else None},
                        )
                except ValidationError as invalid:
                    error = " ".join(invalid.messages)
            if error is not None:
                return self.render_to_response(
                    self.get_context_data(successor_error=error), status=400
                )
            messages.success(
                request,
                _("Agency “%(name)s” archived: its site is offline, all its content is kept.")
                % {"name": self.object},
            )
        return redirect(f"{NAMESPACE}:index")


class AgencyRestoreView(AgencyArchiveView):
    restore = True
    header_icon = "undo"
