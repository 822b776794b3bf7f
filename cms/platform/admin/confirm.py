"""The base of the agency admin's action pages (archive, restore, rename, move, merge,
split): a confirmation page of one agency under the agencies' breadcrumbs."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.views import generic

from cms.tenants.models import Agency

# URL namespace (and prefix) of the agencies viewset: /admin/agencies/.
NAMESPACE = "agencies"


class AgencyActionView(
    generic.PermissionCheckedMixin, generic.WagtailAdminTemplateMixin, TemplateView
):
    """An action on `self.object` (the agency), titled by `get_page_title`."""

    model = Agency

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{NAMESPACE}:index"), "label": _("Agencies")},
            {
                "url": reverse(f"{NAMESPACE}:edit", args=(self.object.pk,)),
                "label": str(self.object),
            },
            {"url": "", "label": self.get_page_title()},
        ]
