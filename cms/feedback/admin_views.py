"""The agency's feedback in the admin: a read-only listing (Reports → "Page
feedback") with filters by page, answer, language and date, and a link to each page.

Who sees what: the editors and moderators of an agency see that agency's feedback
only (`scope_by_agency`), platform admins all of it; nobody adds or edits feedback
here, and a per-object URL of another agency's feedback answers 404.
"""

import django_filters
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies.base import BasePermissionPolicy

from cms.tenants.isolation.querysets import agency_ids_for_user, is_unrestricted, scope_by_agency
from cms.tenants.no_language_redirect_urls import NO_LANGUAGE_REDIRECT_URLCONF

from .models import Feedback


class FeedbackPermissionPolicy(BasePermissionPolicy):
    """Viewing only, for platform admins and for the users of an agency (its
    editors' and moderators' groups); no one adds, changes or deletes here."""

    def user_has_permission(self, user, action):
        if action != "view" or not user.is_authenticated or not user.is_active:
            return False
        return is_unrestricted(user) or bool(agency_ids_for_user(user))

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.none()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Feedback.objects.none()
        return scope_by_agency(Feedback.objects.all(), user)


def _pages_with_feedback(request):
    visible = scope_by_agency(Feedback.objects.all(), request.user)
    return Page.objects.filter(pk__in=visible.values("page_id")).order_by("title")


class FeedbackFilterSet(WagtailFilterSet):
    page = django_filters.ModelChoiceFilter(
        label=_("Page"), queryset=_pages_with_feedback, empty_label=_("All pages")
    )
    useful = django_filters.ChoiceFilter(
        label=_("Was the page useful?"),
        choices=[("yes", _("Yes")), ("no", _("No")), ("none", _("No answer"))],
        empty_label=_("All answers"),
        method="filter_useful",
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=Feedback._meta.get_field("language").choices
    )
    created = django_filters.DateFromToRangeFilter(label=_("Sent"), widget=DateRangePickerWidget)

    class Meta:
        model = Feedback
        fields = ["page", "useful", "language", "created"]

    def filter_useful(self, queryset, name, value):
        if value == "none":
            return queryset.filter(useful__isnull=True)
        return queryset.filter(useful=(value == "yes"))


def page_url(obj) -> str:
    """The page in the language the feedback was written in."""
    with translation.override(obj.language):
        return obj.page.specific_deferred.get_url() or ""


def _answer(obj) -> str:
    if obj.useful is None:
        return ""
    return str(_("Yes") if obj.useful else _("No"))


class AnswerColumn(Column):
    def get_value(self, instance):
        return _answer(instance)


class FeedbackIndexView(generic.IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("page", "agency")
        return scope_by_agency(queryset, self.request.user)


class AgencyScopedFeedbackMixin:
    """404 (not a redirect to /<lang>/...) for feedback outside the user's agencies,
    before Wagtail's own permission check."""

    def dispatch(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and not (
            scope_by_agency(Feedback.objects.filter(pk=pk), request.user).exists()
        ):
            request.urlconf = NO_LANGUAGE_REDIRECT_URLCONF
            raise Http404
        return super().dispatch(request, *args, **kwargs)


def _scoped(view_class):
    return type(f"AgencyScoped{view_class.__name__}", (AgencyScopedFeedbackMixin, view_class), {})


class FeedbackViewSet(ModelViewSet):
    model = Feedback
    icon = "comment"
    menu_label = _("Page feedback")
    name = "page_feedback"
    menu_hook = "register_reports_menu_item"
    copy_view_enabled = False
    index_view_class = FeedbackIndexView
    edit_view_class = _scoped(generic.EditView)
    delete_view_class = _scoped(generic.DeleteView)
    history_view_class = _scoped(ModelViewSet.history_view_class)
    usage_view_class = _scoped(ModelViewSet.usage_view_class)
    form_fields = ["message"]
    filterset_class = FeedbackFilterSet
    list_per_page = 50
    list_display = [
        DateColumn("created", label=_("Sent")),
        TitleColumn("page", label=_("Page"), get_url=page_url),
        Column("language", label=_("Language"), accessor="get_language_display"),
        AnswerColumn("useful", label=_("Useful")),
        Column("message", label=_("Message")),
    ]
    ordering = ["-created", "-pk"]
