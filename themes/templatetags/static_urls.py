"""``{% load static_urls %}``: Django's ``static`` library, with the URL of each static
file worked out once per process (the theme's templates load it instead of ``static``).

Django's ``{% static %}`` asks the app registry and the storage on every use (about
36 µs); a page has some twenty of them, always the same ones. The URL of a path does
not change while the process runs (the manifest of hashed names is read when the
storage is created); a settings change (tests) forgets them.
"""

from functools import lru_cache

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags import static as django_static

register = template.Library()
register.tags.update(django_static.register.tags)
register.filters.update(django_static.register.filters)


@lru_cache(maxsize=1024)
def _url(path: str) -> str:
    return django_static.StaticNode.handle_simple(path)


@receiver(setting_changed)
def _forget(*, setting: str, **kwargs) -> None:
    if setting in ("STATIC_URL", "STATIC_ROOT", "STORAGES", "INSTALLED_APPS", "FORCE_SCRIPT_NAME"):
        _url.cache_clear()


class StaticNode(django_static.StaticNode):
    @classmethod
    def handle_simple(cls, path):
        return _url(path)


@register.tag("static")
def do_static(parser, token):
    """``{% static path [as varname] %}``, as Django's."""
    return StaticNode.handle_token(parser, token)
