"""The "Agencies" viewset of the Wagtail admin, for platform admins only."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from cms.core.languages import LANGUAGE_CODES
from cms.tenants.models import Agency

from . import reorganise, views
from .forms import AgencyForm


def _translated_row(base: str) -> FieldRowPanel:
    return FieldRowPanel([FieldPanel(f"{base}_{lang}") for lang in LANGUAGE_CODES])


def agency_panels(*, creating: bool) -> ObjectList:
    return ObjectList(
        [
            MultiFieldPanel(
                [_translated_row("name"), _translated_row("short_name")],
                heading=_("Names"),
            ),
            MultiFieldPanel(
                [
                    # URLs depend on the slug: it is chosen once, at creation.
                    FieldPanel("slug", read_only=not creating),
                    FieldPanel("category"),
                    FieldPanel("parent"),
                    FieldPanel("hostname"),
                ],
                heading=_("Address and place"),
            ),
            MultiFieldPanel(
                [FieldPanel("brand_colour"), FieldPanel("header_layout"), FieldPanel("logo")],
                heading=_("Appearance"),
            ),
            MultiFieldPanel(
                [_translated_row("address"), FieldPanel("phone"), FieldPanel("email")],
                heading=_("Contacts"),
            ),
            MultiFieldPanel(
                [FieldPanel("submission_retention_days")],
                heading=_("Personal data"),
            ),
        ],
        base_form_class=AgencyForm,
    )


class AgencyViewSet(ModelViewSet):
    model = Agency
    name = views.NAMESPACE
    icon = "site"
    menu_label = _("Agencies")
    menu_order = 150
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False

    index_view_class = views.AgencyIndexView
    add_view_class = views.AgencyCreateView
    edit_view_class = views.AgencyEditView

    list_display = ["name", "slug", "category", "parent", "hostname", "status"]
    list_filter = ["category", "status"]
    search_fields = [
        "name_kk",
        "name_ru",
        "name_en",
        "short_name_kk",
        "short_name_ru",
        "short_name_en",
        "slug",
    ]
    search_backend_name = None
    list_per_page = 50

    def get_common_view_kwargs(self, **kwargs):
        # Agencies are archived, never deleted: no delete, usage or copy views.
        return super().get_common_view_kwargs(delete_url_name=None, usage_url_name=None, **kwargs)

    def get_add_view_kwargs(self, **kwargs):
        panel = agency_panels(creating=True).bind_to_model(Agency)
        return super().get_add_view_kwargs(panel=panel, form_class=panel.get_form_class(), **kwargs)

    def get_edit_handler(self):
        # Used by the edit view (and history); the add view gets its own panels.
        return agency_panels(creating=False).bind_to_model(Agency)

    def get_urlpatterns(self):
        kept = {"index", "index_results", "add", "edit", "history", "history_results"}
        return (
            [pattern for pattern in super().get_urlpatterns() if pattern.name in kept]
            + [
                path("archive/<int:pk>/", views.AgencyArchiveView.as_view(), name="archive"),
                path("restore/<int:pk>/", views.AgencyRestoreView.as_view(), name="restore"),
            ]
            + [
                path(f"{operation}/<int:pk>/", view, name=operation)
                for operation, view in reorganise.views().items()
            ]
        )


agency_viewset = AgencyViewSet()
