from .base import *  # noqa: F401,F403
from .env import env_bool, env_list, env_str

DEBUG = False
# The demo platform (public passwords, invented agencies) is never installed here.
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "cms.demo"]  # noqa: F405
SECRET_KEY = env_str("SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("ALLOWED_HOSTS is required in production.")
env_str("DATABASE_URL", required=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
TASKS_BACKEND = env_str("TASKS_BACKEND", "database")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASKS_BACKEND]
    }
}

# --- HTTP security (issue 12) ------------------------------------------------------
# Links in e-mails, the API and password resets are built from WAGTAILADMIN_BASE_URL:
# production must not fall back to 127.0.0.1.
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", required=True)
if not WAGTAILADMIN_BASE_URL.startswith(("https://", "http://")):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("WAGTAILADMIN_BASE_URL must be an absolute http(s) URL.")
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
# HTTPS only: redirect plain HTTP (the load balancer's health check uses /healthz),
# and tell browsers to keep to HTTPS for a year, subdomains (agency hosts) included.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(env_str("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin JavaScript reads the CSRF token
# Wagtail's live preview shows the page in a same-origin iframe of the editor, so the
# site keeps X-Frame-Options SAMEORIGIN (and CSP frame-ancestors 'self'), not DENY.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
# --- end HTTP security ------------------------------------------------------------
