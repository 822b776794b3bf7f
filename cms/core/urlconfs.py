"""Which URLconf a public request is resolved with, and includes imported on first use
(issue 14, memory per worker)."""

from django.conf import settings
from django.urls import URLResolver
from django.urls.resolvers import RoutePattern


def public_urlconf() -> str | None:
    """The public part of ROOT_URLCONF (settings.PUBLIC_URLCONFS: every route but the
    admin's), or None when ROOT_URLCONF has none (a test's own URLconf)."""
    return getattr(settings, "PUBLIC_URLCONFS", {}).get(settings.ROOT_URLCONF)


class _ImportedOnUse(URLResolver):
    """A namespaced include whose URLconf module is imported when a request is resolved
    below it or one of its names is reversed.

    Django's resolver builds its reverse map (on the first reverse() in a process) by
    populating every include below it, which imports each included URLconf, although a
    namespaced include adds only itself to the enclosing map: its own names are looked
    up through the namespace. This one skips that population until it is asked for its
    own names, routes or views.
    """

    _in_use = False

    def _populate(self):
        if self._in_use:
            super()._populate()

    def _use(self):
        self._in_use = True

    @property
    def reverse_dict(self):
        self._use()
        return super().reverse_dict

    @property
    def namespace_dict(self):
        self._use()
        return super().namespace_dict

    @property
    def app_dict(self):
        self._use()
        return super().app_dict

    def _is_callback(self, name):
        self._use()
        return super()._is_callback(name)


def include_on_use(route: str, urlconf_module: str, namespace: str) -> URLResolver:
    """path(route, include((urlconf_module, namespace))) with the module named by its
    dotted path and imported on its first request or reverse() (_ImportedOnUse)."""
    return _ImportedOnUse(
        RoutePattern(route, is_endpoint=False),
        urlconf_module,
        app_name=namespace,
        namespace=namespace,
    )
