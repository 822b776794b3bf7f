"""Wagtail hooks of the tenants app: the agency admin screen and agency isolation."""

from . import media as media_hooks  # noqa: F401
from .admin import hooks as admin_hooks  # noqa: F401
from .isolation import admin_api as admin_api_hooks  # noqa: F401
from .isolation import hooks as isolation_hooks  # noqa: F401
