"""The filters of Wagtail's admin listings and reports offer only the user's agency.

Wagtail builds each listing's filter form from the whole database: the "owner",
"user" and "requested by" filters list every account that owns a page or acted on
one, the workflow reports' filters every workflow and task. For an agency's editor
that is another agency's staff and workflow names (issue 12, item 6; found again by
tests/test_admin_fuzz.py). `install()` wraps `WagtailFilterSet.form`, which every
admin listing uses, so that the choices of those fields are limited to the users,
workflows and tasks of the user's agencies. The rows of the listings are already
scoped (pages by tree, log entries by agency); this closes the filters.
Platform admins are never filtered.
"""

from functools import wraps

from django.contrib.auth import get_user_model
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import Task, Workflow

from ..models import Agency
from .querysets import agency_ids_for_user, is_unrestricted


def allowed_user_ids(user) -> set[int]:
    agencies = Agency.objects.filter(pk__in=agency_ids_for_user(user))
    groups = [
        pk
        for pair in agencies.values_list("editors_group_id", "moderators_group_id")
        for pk in pair
        if pk
    ]
    ids = set(get_user_model().objects.filter(groups__in=groups).values_list("pk", flat=True))
    ids.add(user.pk)
    return ids


def allowed_workflows(user):
    return Workflow.objects.filter(agency__in=agency_ids_for_user(user))


def allowed_tasks(user):
    return Task.objects.filter(workflow_tasks__workflow__in=allowed_workflows(user)).distinct()


def scope_form(form, user) -> None:
    User = get_user_model()
    users = None
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is not None and hasattr(queryset, "model"):
            model = queryset.model
            if issubclass(model, User):
                users = users if users is not None else allowed_user_ids(user)
                field.queryset = queryset.filter(pk__in=users)
            elif issubclass(model, Workflow):
                field.queryset = queryset.filter(pk__in=allowed_workflows(user).values("pk"))
            elif issubclass(model, Task):
                field.queryset = queryset.filter(pk__in=allowed_tasks(user).values("pk"))


def _scoped_form(original):
    @wraps(original)
    def form(self):
        existing = self.__dict__.get("_form")
        built = original.fget(self)
        request = getattr(self, "request", None)
        user = getattr(request, "user", None)
        if existing is None and user is not None and user.is_authenticated:
            if not is_unrestricted(user):
                scope_form(built, user)
        return built

    form._agency_scoped = True
    return property(form)


def install() -> None:
    current = WagtailFilterSet.form
    if not getattr(current.fget, "_agency_scoped", False):
        WagtailFilterSet.form = _scoped_form(current)
