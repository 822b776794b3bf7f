"""The admin API (`/admin/api/main/images/`, `.../documents/`) scoped like the choosers.

Wagtail's admin API endpoints for images and documents list every collection's
files to any user who can reach the admin. The endpoints below replace them (a
later `construct_admin_api` hook registers the same names again) and keep a user
inside their agencies with the same filter as the image and document choosers
(`scope_collection_objects`). The pages endpoint is already limited by Wagtail to
the pages the user can explore.
"""

from wagtail import hooks
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from ..no_language_redirect_urls import NO_LANGUAGE_REDIRECT_URLCONF
from .querysets import scope_collection_objects


class _ScopedMixin:
    def get_queryset(self):
        return scope_collection_objects(super().get_queryset(), self.request.user)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 404:  # a JSON 404, not a redirect to /<lang>/admin/...
            request._request.urlconf = NO_LANGUAGE_REDIRECT_URLCONF
        return response


class ScopedImagesAdminAPIViewSet(_ScopedMixin, ImagesAdminAPIViewSet):
    pass


class ScopedDocumentsAdminAPIViewSet(_ScopedMixin, DocumentsAdminAPIViewSet):
    pass


@hooks.register("construct_admin_api", order=100)
def scope_admin_api(router):
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)
