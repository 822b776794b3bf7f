"""Settings of the search benchmark: the test settings on a scratch SQLite file, or on
PostgreSQL when DATABASE_URL points at it (a test_<name> database is created and
dropped)."""

import tempfile
from pathlib import Path

from cms.settings.test import *  # noqa: F401,F403
from cms.settings.test import DATABASES

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    _SCRATCH = str(Path(tempfile.mkdtemp(prefix="birtutas-bench-")) / "bench.sqlite3")
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": _SCRATCH,
            "TEST": {"NAME": _SCRATCH},
        }
    }
