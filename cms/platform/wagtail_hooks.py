"""Wagtail hooks of the platform app: the agency admin screens."""

from .admin import hooks as admin_hooks  # noqa: F401
