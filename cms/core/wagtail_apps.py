"""Wagtail's apps without their API v3 half when wagtail.api.v3 is not installed.

Wagtail 8's redirects, snippets, documents and images apps register routers and
content types with the API v3 (django-ninja) in their ready(), whether or not the
project serves that API. This project serves the read-only API v2 only (cms.api),
so that work mounts nothing, but it imports django-ninja and pydantic, builds the v3
schemas of every page and snippet model, and (redirects) imports their API v2 module
with Django REST framework: about 20 MB in every web worker (issue 14, memory per
worker; `python -m tests.benchmarks.memory_profile`).

Each class below is Wagtail's own app config with a ready() that does what Wagtail's
does, line for line, up to its API v3 block. With "wagtail.api.v3" in INSTALLED_APPS
they run Wagtail's ready() unchanged. tests/test_memory.py fails when Wagtail's
ready() changes (compare the new one, then update the fingerprint there).
"""

from django.apps import apps
from django.db.models import ForeignKey
from django.db.models.signals import post_migrate
from wagtail.contrib.redirects.apps import WagtailRedirectsAppConfig
from wagtail.documents import get_document_model
from wagtail.documents import get_permission_policy as document_permission_policy
from wagtail.documents.apps import WagtailDocsAppConfig
from wagtail.images import get_image_model
from wagtail.images import get_permission_policy as image_permission_policy
from wagtail.images.apps import WagtailImagesAppConfig
from wagtail.snippets.apps import WagtailSnippetsAppConfig


def api_v3_installed() -> bool:
    return apps.is_installed("wagtail.api.v3")


class RedirectsConfig(WagtailRedirectsAppConfig):
    def ready(self):
        if api_v3_installed():
            return super().ready()
        from wagtail.contrib.redirects.models import Redirect
        from wagtail.contrib.redirects.signal_handlers import (
            autocreate_redirects_on_page_move,
            autocreate_redirects_on_slug_change,
        )
        from wagtail.permissions import register_permission_policy
        from wagtail.signals import page_slug_changed, post_page_move

        register_permission_policy(Redirect)
        post_page_move.connect(autocreate_redirects_on_page_move)
        page_slug_changed.connect(autocreate_redirects_on_slug_change)


class SnippetsConfig(WagtailSnippetsAppConfig):
    def ready(self):
        if api_v3_installed():
            return super().ready()
        from wagtail.snippets.models import create_extra_permissions, register_deferred_snippets

        register_deferred_snippets()
        post_migrate.connect(create_extra_permissions, sender=self)


class DocumentsConfig(WagtailDocsAppConfig):
    def ready(self):
        if api_v3_installed():
            return super().ready()
        from wagtail.admin.ui.fields import register_display_class
        from wagtail.documents.components import DocumentDisplay
        from wagtail.documents.signal_handlers import register_signal_handlers
        from wagtail.models.reference_index import ReferenceIndex
        from wagtail.permissions import register_permission_policy

        Document = get_document_model()
        register_permission_policy(Document, document_permission_policy())
        register_signal_handlers()
        register_display_class(ForeignKey, to=Document, display_class=DocumentDisplay)
        ReferenceIndex.register_model(Document)


class ImagesConfig(WagtailImagesAppConfig):
    def ready(self):
        if api_v3_installed():
            return super().ready()
        from wagtail.admin.compare import register_comparison_class
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.admin.ui.fields import register_display_class
        from wagtail.images.components import ImageDisplay
        from wagtail.images.edit_handlers import ImageFieldComparison
        from wagtail.images.signal_handlers import register_signal_handlers
        from wagtail.images.widgets import AdminImageChooser
        from wagtail.models.reference_index import ReferenceIndex
        from wagtail.permissions import register_permission_policy

        Image = get_image_model()
        register_permission_policy(Image, image_permission_policy())
        register_signal_handlers()
        register_form_field_override(ForeignKey, to=Image, override={"widget": AdminImageChooser})
        register_comparison_class(
            ForeignKey, to=Image, comparison_class=ImageFieldComparison
        )
        register_display_class(ForeignKey, to=Image, display_class=ImageDisplay)
        ReferenceIndex.register_model(Image)
