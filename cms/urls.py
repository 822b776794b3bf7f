"""The whole URL configuration (ROOT_URLCONF): the admin's routes, then the public
site's (cms.urls_public, which public requests use alone: see there)."""

from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access

from cms import urls_public
from cms.accounts import views as account_views
from cms.core import admin_choosers
from cms.tenants.isolation import tags as scoped_tags

urlpatterns = [
    # Before Wagtail's admin: its tag autocomplete lists every agency's tags.
    path("admin/tag-autocomplete/", require_admin_access(scoped_tags.autocomplete)),
    path(
        "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/",
        require_admin_access(scoped_tags.autocomplete),
    ),
    # Issue 12: logging out only by POST (Wagtail's view deletes the session cookie
    # even when it answers a GET with 405), and the second factor's pages.
    path("admin/logout/", account_views.logout, name="accounts_logout"),
    # Wagtail's own view answers a POST without the URL field with a 500.
    path(
        "admin/choose-external-link/",
        require_admin_access(admin_choosers.SafeExternalLinkView.as_view()),
    ),
    path("admin/2fa/", include("cms.accounts.urls")),
    path("admin/", include(wagtailadmin_urls)),
    *urls_public.urlpatterns,
]

handler403 = urls_public.handler403
handler404 = urls_public.handler404
handler500 = urls_public.handler500
