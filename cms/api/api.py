"""The read-only JSON API (Wagtail API v2) at /api/v2/."""

from wagtail.api.v2.router import WagtailAPIRouter

from .views import AgencyDocumentsAPIViewSet, AgencyImagesAPIViewSet, AgencyPagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", AgencyPagesAPIViewSet)
api_router.register_endpoint("images", AgencyImagesAPIViewSet)
api_router.register_endpoint("documents", AgencyDocumentsAPIViewSet)

# The API's URLconf below /api/v2/: cms.urls names this module by its dotted path,
# so that Django imports it (and Django REST framework with it) on the first API
# request or reverse(), not in every web worker at start-up (issue 14, memory).
urlpatterns = api_router.get_urlpatterns()
