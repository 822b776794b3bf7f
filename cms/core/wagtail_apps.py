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

The documents and images configs also defer their admin API view sets (see
`defer_admin_api_view_set`): Wagtail's wagtail_hooks modules of those apps import them
for the one hook that mounts them in the admin's API, and with them Django REST
framework, pydantic and REST framework's optional imports (django.contrib.postgres with
psycopg, pygments): about 20 MB in every web worker that never serves the admin.

The embeds config checks the embed finders' configuration with the system checks
(`manage.py check`, the deployment's) rather than in every process that starts: the
oEmbed finder imports requests, about 5 MB, which a web worker needs only when a page
embeds a URL whose embed it has not stored yet (wagtail.embeds.embeds.get_embed).
"""

import sys
from importlib import import_module
from types import ModuleType

from django.apps import apps
from django.core import checks
from django.db.models import ForeignKey
from django.db.models.signals import post_migrate
from wagtail.contrib.redirects.apps import WagtailRedirectsAppConfig
from wagtail.documents import get_document_model
from wagtail.documents import get_permission_policy as document_permission_policy
from wagtail.documents.apps import WagtailDocsAppConfig
from wagtail.embeds.apps import WagtailEmbedsAppConfig
from wagtail.images import get_image_model
from wagtail.images import get_permission_policy as image_permission_policy
from wagtail.images.apps import WagtailImagesAppConfig
from wagtail.snippets.apps import WagtailSnippetsAppConfig

# Wagtail's hooks module -> (the module of the admin API view set it imports, its name).
ADMIN_API_VIEW_SETS = {
    "wagtail.documents.wagtail_hooks": (
        "wagtail.documents.api.admin.views",
        "DocumentsAdminAPIViewSet",
    ),
    "wagtail.images.wagtail_hooks": ("wagtail.images.api.admin.views", "ImagesAdminAPIViewSet"),
}


class NotImportedYet:
    """What a Wagtail hooks module holds under its admin API view set's name until the
    admin's API is built (`use_admin_api_view_sets` replaces it then)."""

    def __init__(self, module: str, name: str):
        self.module, self.name = module, name

    def __repr__(self):
        return f"<{self.module}.{self.name}, not imported yet>"


class _DeferredModule(ModuleType):
    """Stands in sys.modules for an admin API views module until the hooks module that
    imports it has taken its view set's name (then it leaves sys.modules). Any other
    importer, and any other name, gets the real module."""

    def __init__(self, name: str, hooks_module: str, view_set: str):
        super().__init__(name)
        self._hooks_module, self._view_set = hooks_module, view_set

    def __getattr__(self, attribute):
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        importer = sys._getframe(1).f_globals.get("__name__")  # noqa: SLF001
        if importer == self._hooks_module and attribute == self._view_set:
            return NotImportedYet(self.__name__, attribute)
        return getattr(import_module(self.__name__), attribute)


def defer_admin_api_view_set(hooks_module: str) -> None:
    """Until the admin's API is built, the hooks module gets a placeholder for its admin
    API view set instead of importing it. The view set is used by one hook only,
    construct_admin_api, which wagtail.admin.api.urls calls when the admin's URLconf is
    imported; `use_admin_api_view_sets` runs before it and imports the real one."""
    views, view_set = ADMIN_API_VIEW_SETS[hooks_module]
    if hooks_module not in sys.modules and views not in sys.modules:
        sys.modules[views] = _DeferredModule(views, hooks_module, view_set)
        if not use_admin_api_view_sets.registered:
            from wagtail import hooks

            hooks.register("construct_admin_api", use_admin_api_view_sets, order=-1)
            use_admin_api_view_sets.registered = True


def use_admin_api_view_sets(router) -> None:
    """The construct_admin_api hook that runs first: the real view sets in the hooks
    modules, for their own construct_admin_api hooks that follow."""
    for hooks_module, (views, view_set) in ADMIN_API_VIEW_SETS.items():
        module = sys.modules.get(hooks_module)
        if isinstance(getattr(module, view_set, None), NotImportedYet):
            setattr(module, view_set, getattr(import_module(views), view_set))


use_admin_api_view_sets.registered = False


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


def embed_finders_check(app_configs, **kwargs):
    """The configured embed finders import and start (Wagtail's ready() check)."""
    from wagtail.embeds.finders import get_finders

    get_finders()
    return []


class EmbedsConfig(WagtailEmbedsAppConfig):
    def ready(self):
        from wagtail.embeds import signal_handlers  # noqa: F401

        checks.register(embed_finders_check)


class DocumentsConfig(WagtailDocsAppConfig):
    def ready(self):
        defer_admin_api_view_set("wagtail.documents.wagtail_hooks")
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
        defer_admin_api_view_set("wagtail.images.wagtail_hooks")
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
        register_comparison_class(ForeignKey, to=Image, comparison_class=ImageFieldComparison)
        register_display_class(ForeignKey, to=Image, display_class=ImageDisplay)
        ReferenceIndex.register_model(Image)
