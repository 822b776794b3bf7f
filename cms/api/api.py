"""The read-only JSON API (Wagtail API v2) at /api/v2/."""

from wagtail.api.v2.router import WagtailAPIRouter

from .views import AgencyDocumentsAPIViewSet, AgencyImagesAPIViewSet, AgencyPagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", AgencyPagesAPIViewSet)
api_router.register_endpoint("images", AgencyImagesAPIViewSet)
api_router.register_endpoint("documents", AgencyDocumentsAPIViewSet)
