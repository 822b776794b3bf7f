"""Which URLconf a public request is resolved with (issue 14, memory per worker)."""

from django.conf import settings


def public_urlconf() -> str | None:
    """The public part of ROOT_URLCONF (settings.PUBLIC_URLCONFS: every route but the
    admin's), or None when ROOT_URLCONF has none (a test's own URLconf)."""
    return getattr(settings, "PUBLIC_URLCONFS", {}).get(settings.ROOT_URLCONF)
