"""Django's template engine, with each tag library imported on its first {% load %}.

When Django's engine starts (the first template a process renders), it imports every
module of every installed app's templatetags package, to know which names {% load %}
accepts. In a web worker that serves public pages, that is the admin's libraries
(Wagtail's admin and its modeltranslation, Django's admin, the second factor's) and
Django REST framework's, which imports REST framework's renderers and, through its
optional imports, django.contrib.postgres with psycopg and pygments: modules a public
template never loads (issue 14, memory per worker; tests/test_memory.py).

This engine lists the same names from the packages' files (the templatetags packages
are imported, not their modules) and imports a library when a template first loads it.
A module without `register` is no library, as in Django: {% load %} of its name fails
the same way. `manage.py check` still imports every library (Django's template checks).
tests/test_memory.py fails when Django's engine set-up changes (see ENGINE_SOURCES).
"""

from importlib import import_module
from pkgutil import walk_packages

from django.apps import apps
from django.conf import settings
from django.template.backends import django as django_backend
from django.template.backends.base import BaseEngine
from django.template.engine import Engine
from django.template.library import import_library


def listed_libraries() -> dict[str, list[str]]:
    """{library name: the dotted paths of the modules of that name}, in Django's order
    (django.templatetags, then the installed apps': the last one with `register` wins),
    without importing the modules (django_backend.get_template_tag_modules does)."""
    found: dict[str, list[str]] = {}
    candidates = ["django.templatetags"]
    candidates.extend(f"{config.name}.templatetags" for config in apps.get_app_configs())
    for candidate in candidates:
        try:
            package = import_module(candidate)
        except ImportError:
            continue  # no templatetags package, as Django
        if hasattr(package, "__path__"):
            for entry in walk_packages(package.__path__, package.__name__ + "."):
                name = entry.name.removeprefix(candidate).lstrip(".")
                found.setdefault(name, []).append(entry.name)
    return found


class _Libraries(dict):
    """{name: Library} for the parser: a library is imported on its first lookup."""

    def __init__(self, paths: dict[str, list[str]]):
        super().__init__(paths)

    def __getitem__(self, name):
        value = super().__getitem__(name)
        if isinstance(value, list):
            for path in reversed(value):
                if hasattr(import_module(path), "register"):
                    value = import_library(path)
                    break
            else:
                del self[name]  # no module of that name is a library
                raise KeyError(name)
            self[name] = value
        return value


class _Engine(Engine):
    def __init__(self, *args, listed=None, **kwargs):
        self._listed = listed or {}
        super().__init__(*args, **kwargs)

    def get_template_libraries(self, libraries):
        paths = {**self._listed, **{name: [path] for name, path in libraries.items()}}
        return _Libraries(paths)


class DjangoTemplates(django_backend.DjangoTemplates):
    """Django's backend with _Engine: its __init__, line for line, but for the libraries
    (the installed apps' and the OPTIONS' own "libraries" alike: imported on use)."""

    def __init__(self, params):
        params = params.copy()
        options = params.pop("OPTIONS").copy()
        options.setdefault("autoescape", True)
        options.setdefault("debug", settings.DEBUG)
        options.setdefault("file_charset", "utf-8")
        libraries = options.get("libraries", {})
        options["libraries"] = libraries
        BaseEngine.__init__(self, params)
        self.engine = _Engine(self.dirs, self.app_dirs, listed=listed_libraries(), **options)
