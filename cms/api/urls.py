"""A URL configuration with the API only and no i18n_patterns.

An API response that is a 404 names it as its request's urlconf, so that Django's
LocaleMiddleware does not turn the JSON 404 into a redirect to /<lang>/api/...
(which Wagtail's catch-all page route would then answer with an HTML 404).
"""

from django.urls import path

from .api import api_router

urlpatterns = [path("api/v2/", api_router.urls)]
