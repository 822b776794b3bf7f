from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.core import views as core_views
from themes import views as theme_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", core_views.healthz, name="healthz"),
    path("theme/agency/<slug:slug>.css", theme_views.agency_css, name="theme-agency-css"),
    path("a11y/", theme_views.a11y, name="theme-a11y"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("catalogue/", theme_views.catalogue, name="theme-catalogue"),
    path("", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
