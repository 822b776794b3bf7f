"""The public site's URL configuration: every route but the admin's.

A request that is not for /admin/ and carries no session cookie is resolved, and its
reverse() calls answered, with this configuration (cms.core.middleware.
PublicURLConfMiddleware sets it as the request's urlconf). Wagtail's admin URLconf
(wagtail.admin.urls, its views, the second-factor pages, the compliance and platform
screens) is then never imported by a worker that serves only public pages, about 4 MB
of each worker's memory (issue 14; `python -m tests.benchmarks.memory_profile`).

cms.urls, the ROOT_URLCONF, is this configuration plus the admin's routes: admin
requests, signed-in visitors (Wagtail's user bar names admin URLs), tasks and
management commands use it. A public page must not reverse() an admin URL name:
tests/test_memory.py serves every public page type with this configuration.
"""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.compliance import public as compliance_public
from cms.core import views as core_views
from cms.core.urlconfs import include_on_use
from cms.feeds import views as feed_views
from cms.tenants import media
from themes import views as theme_views

urlpatterns = [
    path("documents/", include(wagtaildocs_urls)),
    # Listen to this page: the audio of public pages (cms/speech/views.py).
    path("speech/", include("cms.speech.urls")),
    path("healthz", core_views.healthz, name="healthz"),
    path(".well-known/security.txt", core_views.security_txt, name="security-txt"),
    path("theme/agency/<slug:slug>.css", theme_views.agency_css, name="theme-agency-css"),
    path("a11y/", theme_views.a11y, name="theme-a11y"),
    # Imported on the first request to /api/v2/ or reverse() of one of its names, not
    # when a worker starts or builds its reverse map: Django REST framework, pydantic
    # and the API v2 views stay out of the workers that serve pages only (issue 14).
    include_on_use("api/v2/", "cms.api.api", "wagtailapi"),
    path("sitemap.xml", feed_views.sitemap, name="sitemap"),
    path("robots.txt", feed_views.robots_txt, name="robots-txt"),
]

# MEDIA_URL on the app's own host (dev, test, and production behind a proxy that
# forwards it): served by a view that checks every file (cms/tenants/media.py), never
# a directory listing of MEDIA_ROOT. Documents are never served from here, only from
# /documents/<id>/<name>. An S3 or other absolute MEDIA_URL is not routed.
if settings.MEDIA_URL.startswith("/"):
    urlpatterns.append(
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", media.serve_media)
    )

urlpatterns += i18n_patterns(
    path("catalogue/", theme_views.catalogue, name="theme-catalogue"),
    # The public compliance scorecard (before Wagtail's pages: the slug is reserved).
    path("transparency/", compliance_public.transparency, name="compliance-transparency"),
    path("", include("search.urls")),
    path("", include("cms.feeds.urls")),
    path("", include("cms.feedback.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# Error pages in the request's language, without the database (cms/core/errors.py).
handler403 = "cms.core.errors.permission_denied"
handler404 = "cms.core.errors.page_not_found"
handler500 = "cms.core.errors.server_error"
