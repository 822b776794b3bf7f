"""Wagtail hooks of the tenants app: agency isolation of every admin listing."""

from .isolation import hooks as isolation_hooks  # noqa: F401
