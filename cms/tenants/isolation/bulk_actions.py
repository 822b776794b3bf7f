"""Bulk actions that never reach (or name) another agency's objects.

Wagtail's bulk action views list the objects the user may not act on by title, and
`id=all` selects every object of the model. The scoped subclasses drop another
agency's objects before the permission check, so they are neither listed nor acted
on. They replace Wagtail's own registrations (same model and action type) through
the `register_bulk_action` hook with a later `order`.
"""

from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction as PageDeleteBulkAction,
)
from wagtail.admin.views.pages.bulk_actions import (
    MoveBulkAction as PageMoveBulkAction,
)
from wagtail.admin.views.pages.bulk_actions import (
    PublishBulkAction as PagePublishBulkAction,
)
from wagtail.admin.views.pages.bulk_actions import (
    UnpublishBulkAction as PageUnpublishBulkAction,
)
from wagtail.documents.views.bulk_actions import (
    AddTagsBulkAction as DocumentAddTagsBulkAction,
)
from wagtail.documents.views.bulk_actions import (
    AddToCollectionBulkAction as DocumentAddToCollectionBulkAction,
)
from wagtail.documents.views.bulk_actions import (
    DeleteBulkAction as DocumentDeleteBulkAction,
)
from wagtail.images.views.bulk_actions import (
    AddTagsBulkAction as ImageAddTagsBulkAction,
)
from wagtail.images.views.bulk_actions import (
    AddToCollectionBulkAction as ImageAddToCollectionBulkAction,
)
from wagtail.images.views.bulk_actions import (
    DeleteBulkAction as ImageDeleteBulkAction,
)
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction as SnippetDeleteBulkAction

from .querysets import object_is_visible


class AgencyScopedBulkActionMixin:
    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        user = self.request.user
        objects = [obj for obj in objects if object_is_visible(obj, user)]
        extra["items_with_no_access"] = [
            obj for obj in extra.get("items_with_no_access", []) if object_is_visible(obj, user)
        ]
        return objects, extra


WAGTAIL_BULK_ACTIONS = (
    PageDeleteBulkAction,
    PageMoveBulkAction,
    PagePublishBulkAction,
    PageUnpublishBulkAction,
    ImageAddTagsBulkAction,
    ImageAddToCollectionBulkAction,
    ImageDeleteBulkAction,
    DocumentAddTagsBulkAction,
    DocumentAddToCollectionBulkAction,
    DocumentDeleteBulkAction,
    SnippetDeleteBulkAction,
)

SCOPED_BULK_ACTIONS = [
    type(f"AgencyScoped{cls.__name__}", (AgencyScopedBulkActionMixin, cls), {})
    for cls in WAGTAIL_BULK_ACTIONS
]
