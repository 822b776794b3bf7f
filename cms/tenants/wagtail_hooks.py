"""Wagtail hooks of the tenants app: agency isolation of every admin listing."""

from . import media as media_hooks  # noqa: F401
from .isolation import admin_api as admin_api_hooks  # noqa: F401
from .isolation import hooks as isolation_hooks  # noqa: F401
