"""The admin API's image and document endpoints scoped like the choosers (admin_api).

Imported by the admin_api hook when the admin's API is built (the admin's URLconf),
not with the hooks: Django REST framework and pydantic stay out of the web workers
that serve public pages only (issue 14, memory per worker).
"""

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
