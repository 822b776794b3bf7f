"""The admin API (`/admin/api/main/images/`, `.../documents/`) scoped like the choosers.

Wagtail's admin API endpoints for images and documents list every collection's
files to any user who can reach the admin. The endpoints of admin_api_views replace
them (a later `construct_admin_api` hook registers the same names again) and keep a
user inside their agencies with the same filter as the image and document choosers
(`scope_collection_objects`). The pages endpoint is already limited by Wagtail to
the pages the user can explore.
"""

from wagtail import hooks


@hooks.register("construct_admin_api", order=100)
def scope_admin_api(router):
    # Here, not at the top: the hooks are imported by every web worker, the admin's API
    # only by those that serve the admin (Django REST framework, pydantic: issue 14).
    from .admin_api_views import ScopedDocumentsAdminAPIViewSet, ScopedImagesAdminAPIViewSet

    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)
