"""`AgencyScopedSnippetViewSet`: the base of every snippet that belongs to one agency.

The model needs an `agency` foreign key to `tenants.Agency`. The viewset

* lists (index, search, chooser) only the objects of the user's agencies, all of
  them for platform admins;
* limits the agency field of the form to the user's agencies and defaults it when
  the user has exactly one;
* answers 404 for another agency's object on every per-object URL (edit, delete,
  history, usage, inspect, copy, revisions...).

Model permissions (add/change/delete) say *whether* a user may edit this kind of
snippet; the agency scoping says *which* ones.
"""

from django.http import Http404
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views.snippets import SnippetViewSet

from ..no_language_redirect_urls import NO_LANGUAGE_REDIRECT_URLCONF
from .querysets import agency_ids_for_user, is_unrestricted, scope_by_agency

AGENCY_FIELD = "agency"

# The per-object views of SnippetViewSet; each one gets the 404 check.
PER_OBJECT_VIEWS = (
    "edit_view_class",
    "delete_view_class",
    "usage_view_class",
    "history_view_class",
    "inspect_view_class",
    "copy_view_class",
    "revisions_view_class",
    "revisions_compare_view_class",
    "revisions_unschedule_view_class",
    "unpublish_view_class",
    "preview_on_edit_view_class",
    "lock_view_class",
    "unlock_view_class",
    "workflow_action_view_class",
    "collect_workflow_action_data_view_class",
    "confirm_workflow_cancellation_view_class",
    "workflow_preview_view_class",
    "workflow_history_view_class",
    "workflow_history_detail_view_class",
)


def _check_agency(request, obj):
    if obj is None or is_unrestricted(request.user):
        return obj
    if getattr(obj, f"{AGENCY_FIELD}_id") not in agency_ids_for_user(request.user):
        raise Http404
    return obj


class AgencyScopedObjectMixin:
    """404 for an object of an agency the user does not belong to."""

    def get_object(self, *args, **kwargs):
        return _check_agency(self.request, super().get_object(*args, **kwargs))


class AgencyScopedFormMixin:
    """Limit the agency field to the user's agencies; default it when there is one."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields.get(AGENCY_FIELD)
        if field is None or for_user is None or is_unrestricted(for_user):
            return
        field.queryset = scope_by_agency(field.queryset, for_user, field="pk")
        agency_ids = agency_ids_for_user(for_user)
        if self.instance.pk is None and len(agency_ids) == 1:
            (only,) = agency_ids
            self.initial.setdefault(AGENCY_FIELD, only)
            field.empty_label = None


class _ScopedChooseMixin:
    def get_object_list(self):
        return scope_by_agency(super().get_object_list(), self.request.user)


class ScopedChooseView(_ScopedChooseMixin, snippet_chooser.ChooseView):
    pass


class ScopedChooseResultsView(_ScopedChooseMixin, snippet_chooser.ChooseResultsView):
    pass


class ScopedChosenView(snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return _check_agency(self.request, super().get_object(pk))


class ScopedChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return scope_by_agency(super().get_objects(pks), self.request.user)


class ScopedCreateView(snippet_chooser.SnippetCreateView):
    """The chooser's "create" URL: these choosers offer no creation form (Wagtail
    answered a POST there with a 500), and a creation form would not be scoped to the
    user's agencies: it answers 404."""

    def dispatch(self, request, *args, **kwargs):
        request.urlconf = NO_LANGUAGE_REDIRECT_URLCONF  # a 404, not a /<lang>/ redirect
        raise Http404


class AgencyScopedChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView
    create_view_class = ScopedCreateView


def _scope_per_object_views(viewset_class):
    for attr in PER_OBJECT_VIEWS:
        view_class = getattr(viewset_class, attr, None)
        if view_class is None or issubclass(view_class, AgencyScopedObjectMixin):
            continue
        scoped = type(
            f"AgencyScoped{view_class.__name__}", (AgencyScopedObjectMixin, view_class), {}
        )
        setattr(viewset_class, attr, scoped)


class AgencyScopedSnippetViewSet(SnippetViewSet):
    chooser_viewset_class = AgencyScopedChooserViewSet

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        _scope_per_object_views(cls)

    def get_queryset(self, request):
        return scope_by_agency(self.model._default_manager.all(), request.user)

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update=for_update)
        if issubclass(form_class, AgencyScopedFormMixin):
            return form_class
        return type(f"AgencyScoped{form_class.__name__}", (AgencyScopedFormMixin, form_class), {})


_scope_per_object_views(AgencyScopedSnippetViewSet)
