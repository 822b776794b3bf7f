from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Account security: login lockout (django-axes), the second factor (django-otp),
    session lifetime, POST-only logout and security events in the audit log.
    Sits on the ground floor beside cms.core and cms.tenants: imports neither pages
    nor content apps."""

    name = "cms.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from . import signals  # noqa: F401
