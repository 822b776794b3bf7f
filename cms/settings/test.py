from .base import *  # noqa: F401,F403
from .env import env_str

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105 - test settings only
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache is off in tests: the query-budget tests measure renders, and other
# tests read pages right after changing the database behind the signals' back.
# tests/test_page_cache.py and tests/test_sitemap.py turn it on.
PAGE_CACHE_ENABLED = False
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# No speech synthesis unless a test asks for it (tests/test_speech.py): publishing
# stays fast everywhere else.
SPEECH_ENGINE = "off"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = BASE_DIR / ".pytest_media"  # noqa: F405
# The PostgreSQL run of .ci/run sets DATABASE_URL; the tests create and drop their
# own test database (test_<name>).
if env_str("DATABASE_URL") is None:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

# --- Accounts security (issue 12) ---------------------------------------------------
# django-otp waits 2^n seconds after n wrong codes; tests enter wrong then right codes
# in the same second. tests/test_accounts_security.py turns it back on to test it.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
# --- end accounts security -----------------------------------------------------------
