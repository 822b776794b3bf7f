"""The demo platform's logins, in one place.

These are fixed, public demo passwords: they are printed by `manage.py demo_logins`
and written in the README. Never load the demo into a production database.
"""

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "Birtutas-admin-2026"  # noqa: S105 - public demo password (dev-only app)
ADMIN_EMAIL = "admin@birtutas.example.kz"

# Every agency's editor and moderator share one password.
AGENCY_PASSWORD = "Birtutas-demo-2026"  # noqa: S105 - public demo password (dev-only app)

ROLES = ("editor", "moderator")


def agency_username(slug: str, role: str) -> str:
    """`<slug>-editor` or `<slug>-moderator`."""
    return f"{slug}-{role}"


def password_for(username: str) -> str:
    return ADMIN_PASSWORD if username == ADMIN_USERNAME else AGENCY_PASSWORD
