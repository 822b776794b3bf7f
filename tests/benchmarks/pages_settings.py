"""Settings of the page benchmark (tests/benchmarks/pages_bench.py) for the bench
process and the gunicorn servers it starts: the project's settings with DEBUG off, on
the scratch SQLite file (or, with BENCH_DATABASE_URL, a scratch PostgreSQL database
named BENCH_DATABASE_NAME) and media folder in BENCH_DIR, with a cache every process
shares (a file cache in BENCH_DIR, or Redis with BENCH_REDIS_URL) so that a publish
in the bench process retires pages cached by the gunicorn workers. PAGE_CACHE=off
turns the page cache off (cms/settings/base.py)."""

import os
from pathlib import Path

from cms.settings.dev import *  # noqa: F401,F403

_DIR = Path(os.environ["BENCH_DIR"])
DEBUG = False
# Named, as production names them (cms/settings/production.py requires it): what a
# page keeps per host (cms.pages.agency_cache.cached_for_page) is kept for named hosts.
ALLOWED_HOSTS = ["127.0.0.1", "localhost", ".localhost"]
if os.environ.get("BENCH_DATABASE_URL"):
    # PostgreSQL as production runs it (cms/settings/base.py: persistent connections,
    # health checks), on a scratch database that pages_bench creates and drops.
    import dj_database_url

    DATABASES = {"default": dj_database_url.parse(
        os.environ["BENCH_DATABASE_URL"], conn_max_age=60, conn_health_checks=True)}
    DATABASES["default"]["NAME"] = os.environ["BENCH_DATABASE_NAME"]
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(_DIR / "bench.sqlite3"),
            "OPTIONS": {"timeout": 30},
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    }
MEDIA_ROOT = _DIR / "media"
STATIC_ROOT = _DIR / "static"  # empty: only {% static %} URLs are rendered, never served
STATIC_ROOT.mkdir(exist_ok=True)
if os.environ.get("BENCH_REDIS_URL"):
    CACHES = {"default": {
        "BACKEND": "cms.core.redis_cache.RedisCache",
        "LOCATION": os.environ["BENCH_REDIS_URL"],
        "KEY_PREFIX": _DIR.name,
    }}
else:
    CACHES = {"default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(_DIR / "cache"),
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
