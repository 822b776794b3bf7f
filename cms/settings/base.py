"""Settings shared by every environment. Values come from the environment (see env.py).

DEBUG defaults to False; dev and test override what they need, production requires
the real values.
"""

import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url

from .env import cache_config, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "cms"

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # wagtail_modeltranslation must come before wagtail.admin and its migrate
    # command override must win over Django's (it syncs the Page translation columns).
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    "cms.core",
    # --- Accounts security (issue 12): lockout, second factor, sessions ---------
    "cms.accounts",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # --- end accounts security ----------------------------------------------
    "cms.tenants",
    "cms.pages",
    "cms.navigation",
    "cms.organisation",
    "cms.listings",
    "cms.appeals",
    "cms.editorial",
    "cms.recyclebin",
    "cms.importer",
    "cms.feeds",
    "cms.speech",
    "cms.feedback",
    "cms.platform",
    "cms.compliance",
    "cms.demo",  # dev-only: load_demo, demo_logins (production.py removes it)
    "search",
    "themes",
    "wagtail.contrib.forms",
    "cms.core.wagtail_apps.RedirectsConfig",  # these four: without API v3 (see there)
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "cms.core.wagtail_apps.EmbedsConfig",  # no oEmbed client (requests) at start-up
    "wagtail.sites",
    "wagtail.users",
    "cms.core.wagtail_apps.SnippetsConfig",
    "cms.core.wagtail_apps.DocumentsConfig",
    "cms.core.wagtail_apps.ImagesConfig",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail.api.v2",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Anonymous full-page cache (see PAGE_CACHE_* below), first: a hit is answered with
    # one cache read before any other middleware works (no session, no database). The
    # headers the middleware below add (security headers, CSP, Permissions-Policy) are
    # stored with the page and replayed; static files and /admin/ are never looked up.
    "cms.core.pagecache.PageCacheMiddleware",
    # Issue 14: public requests are resolved without the admin's routes (PUBLIC_URLCONFS
    # below), so that the workers serving them never load the admin's URLconf.
    "cms.core.middleware.PublicURLConfMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Issue 12: a database outage answers the 503 page (no database needed for it).
    "cms.core.middleware.DatabaseOutageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Issue 16: /kk-latn/... is served as /kk/... and converted to the Latin script
    # (inside the page cache: the two scripts are stored apart).
    "cms.core.script.ScriptVariantMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # --- Accounts security (issue 12) ---------------------------------------
    # Idle and absolute session lifetime, then django-otp's verified user, then the
    # second factor required before any /admin/ page; axes turns a lockout into
    # the login page with its message.
    "cms.accounts.middleware.SessionLifetimeMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cms.accounts.middleware.TwoFactorMiddleware",
    "axes.middleware.AxesMiddleware",
    # --- end accounts security ----------------------------------------------
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Admin URLs naming another agency's page answer 404 before the view runs (found
    # by tests/test_admin_fuzz.py); workflow screens need the workflow permissions.
    "cms.tenants.isolation.urlguard.AdminObjectGuardMiddleware",
    "cms.core.middleware.AdminIncompleteFormMiddleware",
    "themes.middleware.ContentSecurityPolicyMiddleware",
    # Issue 12: the admin's own Content-Security-Policy (what Wagtail needs).
    "cms.core.middleware.AdminContentSecurityPolicyMiddleware",
    # Issue 15: an archived agency's 404s become the 410 page naming its successor.
    # Above the redirects: an old address with a redirect is redirected, not gone.
    "cms.tenants.archived.ArchivedAgencyMiddleware",
    # Issue 15: addresses moved by a reorganisation (rename, merge, split) answer 301
    # to their new place; inside the 410 above, so a merged agency's are redirected.
    "cms.tenants.moved.MovedAddressMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: it runs the page-changing admin views itself, one at a time per page.
    "cms.editorial.publishing.PageActionLockMiddleware",
]

ROOT_URLCONF = "cms.urls"
# The public part of each root URLconf (every route but /admin/'s): the URLconf of
# requests outside /admin/ without a session cookie (cms.core.middleware.
# PublicURLConfMiddleware). A ROOT_URLCONF without one here (a test's) is used whole.
PUBLIC_URLCONFS = {"cms.urls": "cms.urls_public"}
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        # Django's, with each tag library imported on its first {% load %} (issue 14).
        "BACKEND": "cms.core.template_engine.DjangoTemplates",
        "NAME": "django",  # (the alias Django's own backend has: engines["django"])
        "DIRS": [BASE_DIR / "themes" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "cms.core.context_processors.platform",
            ],
        },
    },
]

# Issue 14: persistent connections on PostgreSQL (a new connection per request cost
# pages a third of their speed), checked before reuse so that a dropped connection
# (a restart, a failover) costs one reconnect, not an error. SQLite opens a file.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"), conn_health_checks=True
    )
}
DATABASES["default"]["CONN_MAX_AGE"] = int(
    env_str(
        "DATABASE_CONN_MAX_AGE",
        "60" if "postgres" in DATABASES["default"]["ENGINE"] else "0",
    )
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and page cache ----------------------------------------------------------
# REDIS_URL (or CACHE_URL) in production; local memory for `make run` and the tests.
# The page cache stores whole pages in it, so the local-memory default keeps more
# entries than Django's 300.
CACHES = {"default": cache_config(env_str("CACHE_URL") or env_str("REDIS_URL"))}
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    CACHES["default"]["OPTIONS"] = {"MAX_ENTRIES": 5000}
# Anonymous full-page cache (cms/core/pagecache.py; README, "Page cache"). Always
# fresh: publishing, menus, agencies, sites and privacy changes retire what they touch.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
PAGE_CACHE_ALIAS = "default"
# Upper bound of an entry's life (it also ends at local midnight: dated listings).
PAGE_CACHE_TIMEOUT = int(env_str("PAGE_CACHE_TIMEOUT", str(24 * 60 * 60)))
# Cache-Control of stored pages: browsers revalidate (a 304 from the cache is cheap),
# shared caches (a CDN) keep a page s-maxage seconds, or until PAGE_CACHE_PURGE tells them.
PAGE_CACHE_MAX_AGE = int(env_str("PAGE_CACHE_MAX_AGE", "0"))
PAGE_CACHE_S_MAXAGE = int(env_str("PAGE_CACHE_S_MAXAGE", "60"))
# Query parameters that pages read (listing filters, pagination, sitemap pages); a
# request with any other parameter is served uncached.
PAGE_CACHE_QUERY_PARAMS = ("p", "page", "year", "category", "tag", "type", "status", "letter")
# Cookies whose presence means the page may differ: served uncached.
PAGE_CACHE_BYPASS_COOKIES = ("sessionid", "messages")
# The version of the page a request gets besides its URL (the visually-impaired one).
PAGE_CACHE_VARIANT = "themes.vi.cache_variant"
# Dotted path of a callable(invalidation) told after each commit what became stale
# (cms.core.pagecache.Invalidation), e.g. to purge a CDN. Empty: none.
PAGE_CACHE_PURGE = env_str("PAGE_CACHE_PURGE", "")
# Deploy identifier (e.g. the commit): pages stored by another release are not served.
# Empty: derived from the templates, catalogs and static manifest of the running code.
PAGE_CACHE_VERSION = env_str("PAGE_CACHE_VERSION", "")

# --- Accounts security (issue 12) ------------------------------------------------
# Passwords: at least 12 characters, not a common one, not like the user's name or
# e-mail, not only digits.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling and lockout (django-axes): 10 failures for one username, or from
# one client address, lock further attempts for AXES_COOLOFF_MINUTES. The backend
# comes first so a locked-out username is refused before its password is checked.
AUTHENTICATION_BACKENDS = [
    "cms.accounts.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = True
AXES_FAILURE_LIMIT = int(env_str("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env_str("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.accounts.views.lockout_response"
AXES_CLIENT_IP_CALLABLE = "cms.core.client_ip.client_ip_for_axes"
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_VERBOSE = False
# Number of reverse proxies in front of the app whose X-Forwarded-For entries are
# trusted (0: the client address is REMOTE_ADDR). Used by lockout and rate limits.
TRUSTED_PROXY_COUNT = int(env_str("TRUSTED_PROXY_COUNT", "0"))

# Sessions: a signed-in session ends after 30 minutes without a request and, at the
# latest, 12 hours after signing in, whatever "remember me" says.
SESSION_COOKIE_AGE = int(env_str("SESSION_ABSOLUTE_SECONDS", str(12 * 3600)))
SESSION_IDLE_TIMEOUT = int(env_str("SESSION_IDLE_SECONDS", str(30 * 60)))
SESSION_ABSOLUTE_LIFETIME = SESSION_COOKIE_AGE

# Second factor (django-otp TOTP + static recovery codes): required before any
# /admin/ page for superusers (platform admins) and for members of groups whose
# TwoFactorPolicy says so. Turning it off is for local experiments only.
ACCOUNTS_2FA_ENFORCED = env_bool("ACCOUNTS_2FA_ENFORCED", True)
ACCOUNTS_RECOVERY_CODES = 10
OTP_TOTP_ISSUER = "Birtutas"

# No request from the admin to an external service: no Gravatar avatars.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# --- end accounts security ------------------------------------------------------

# --- Languages -------------------------------------------------------------------
# kk is the state language and the default; kk and ru are required to publish,
# en is optional and falls back to ru.
LANGUAGE_CODE = "kk"
LANGUAGES = [
    ("kk", "Қазақша"),
    ("ru", "Русский"),
    ("en", "English"),
]
REQUIRED_LANGUAGES = ("kk", "ru")
FALLBACK_LANGUAGE = {"en": "ru"}
# The script each language is written in (ISO 15924): cms.core.languages guesses the
# language of untranslated text (tags) from it.
LANGUAGE_SCRIPTS = {"kk": "Cyrl", "ru": "Cyrl", "en": "Latn"}
# Script variants (issue 16): the pages of a language in another script, at their own
# URL prefix, converted on the fly (cms.core.script): (prefix, language, BCP 47 tag,
# name in that script). Kazakh in the 2021 Latin alphabet at /kk-latn/...
SCRIPT_VARIANTS = [("kk-latn", "kk", "kk-Latn", "Qazaqşa")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Almaty"

MODELTRANSLATION_DEFAULT_LANGUAGE = "kk"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("kk",), "en": ("ru", "kk"), "kk": ("ru",)}
# Agency slugs and section slugs are language-neutral: /kk/minfin/news/ and
# /ru/minfin/news/ are the same page, which keeps the language switcher trivial.
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = False
WAGTAILMODELTRANSLATION_LOCALE_PICKER = False

WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ru", "Русский"), ("en", "English"), ("kk", "Қазақша")]

# --- Static and media ------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
# Each folder of static/ is served under its own name, except static/demo_content/:
# the demo platform's data (read by cms.demo), never collected, never in production.
# (A file directly in static/ is not served: put it in a folder.)
STATICFILES_DIRS = [
    (folder.name, folder)
    for folder in sorted((BASE_DIR / "static").iterdir())
    if folder.is_dir() and folder.name != "demo_content"
]
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))

MEDIA_STORAGE = env_str("MEDIA_STORAGE", "filesystem")
if MEDIA_STORAGE == "s3":
    _media_backend = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME", required=True),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL"),
            "region_name": env_str("AWS_S3_REGION_NAME"),
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN"),
            "default_acl": None,
            "file_overwrite": False,
        },
    }
elif MEDIA_STORAGE == "filesystem":
    _media_backend = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
else:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("MEDIA_STORAGE must be 'filesystem' or 's3'.")

STORAGES = {
    "default": _media_backend,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Files in scope (issue 12) ----------------------------------------------------
# Documents are served only by /documents/<id>/<name> (WAGTAILDOCS_SERVE_METHOD =
# "serve_view" below), which checks collection privacy, the agency's status and the
# privacy of the pages using them (cms/tenants/media.py); /media/ on the app's host
# never serves a document. FILES_SENDFILE=nginx hands the bytes of an allowed file to
# nginx with X-Accel-Redirect (an `internal` location at SENDFILE_URL aliasing
# MEDIA_ROOT); the default streams them from Python. See README, "Files".
FILES_SENDFILE = env_str("FILES_SENDFILE", "stream")
if FILES_SENDFILE == "nginx":
    SENDFILE_BACKEND = "cms.tenants.sendfile_nginx"
    SENDFILE_URL = env_str("SENDFILE_URL", "/protected-media/")
elif FILES_SENDFILE != "stream":
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("FILES_SENDFILE must be 'stream' or 'nginx'.")
# --- end of files in scope ----------------------------------------------------------

# --- Tasks -----------------------------------------------------------------------
TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
            "dummy": "django_tasks.backends.dummy.DummyBackend",
        }[TASKS_BACKEND]
    }
}

# --- Listen to this page (cms/speech) ---------------------------------------------
# Which eSpeak NG speaks published pages: "auto" (the library of the espeakng-loader
# package, else an `espeak-ng` program on the PATH), "library", "binary" or "off" (no
# audio is made and pages show no player). See README, "Listen to this page".
SPEECH_ENGINE = env_str("SPEECH_ENGINE", "auto")
if SPEECH_ENGINE not in ("auto", "library", "binary", "off"):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("SPEECH_ENGINE must be 'auto', 'library', 'binary' or 'off'.")
SPEECH_ESPEAK_PROGRAM = env_str("SPEECH_ESPEAK_PROGRAM", "espeak-ng")
# A page's text beyond this many characters is not spoken (about 25 minutes).
SPEECH_MAX_CHARS = int(env_str("SPEECH_MAX_CHARS", "20000"))
# --- end listen to this page --------------------------------------------------------

# --- Search ----------------------------------------------------------------------
# SEARCH_URL points at Elasticsearch 8 / OpenSearch 2-3 (http://host:9200); empty
# means the embedded database engine.
SEARCH_URL = env_str("SEARCH_URL", "")
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", "birtutas")
# Seconds before a request to the search engine gives up (then the database answers).
SEARCH_TIMEOUT = float(env_str("SEARCH_TIMEOUT", "2.0"))
# Layout of each concrete index `search_index rebuild` creates (Elasticsearch/OpenSearch):
# primary shards are fixed at creation; replicas can also be changed on a live index.
# Sizing: README "Production at national scale".
SEARCH_INDEX_SHARDS = env_int("SEARCH_INDEX_SHARDS", 1, minimum=1)
SEARCH_INDEX_REPLICAS = env_int("SEARCH_INDEX_REPLICAS", 0, minimum=0)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# --- Wagtail ---------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Birtutas"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "odt", "xlsx", "xls", "ods", "txt", "csv", "zip"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Willow reads and writes HEIF images with pillow_heif whenever it is installed (Wagtail
# requires Willow[heif]): about 4 MB in every web worker (issue 14). No HEIF image is
# accepted (the extensions above), so it is not imported: None in sys.modules is
# Python's "not installed" (tests/test_memory.py).
if not {"heic", "heif"} & set(WAGTAILIMAGES_EXTENSIONS):
    sys.modules.setdefault("pillow_heif", None)
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True

# --- HTTP security (issue 12) ------------------------------------------------------
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Sent on every response by cms.core.middleware.AdminContentSecurityPolicyMiddleware.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), browsing-topics=()"
)
# /.well-known/security.txt (RFC 9116)
SECURITY_CONTACT = env_str("SECURITY_CONTACT", "mailto:security@example.kz")
SECURITY_TXT_EXPIRES = env_str("SECURITY_TXT_EXPIRES", "2027-12-31T00:00:00Z")
# Public forms (appeals, FormPage): at most this many submissions per client address
# and form in RATE_LIMIT_WINDOW seconds; over it, 429 in the page's language.
FORM_RATE_LIMIT = int(env_str("FORM_RATE_LIMIT", "5"))
FORM_RATE_LIMIT_WINDOW = int(env_str("FORM_RATE_LIMIT_WINDOW", "600"))
# "Was this page useful?" posts per client address and page within the window.
FEEDBACK_RATE_LIMIT = int(env_str("FEEDBACK_RATE_LIMIT", "10"))
FEEDBACK_RATE_LIMIT_WINDOW = int(env_str("FEEDBACK_RATE_LIMIT_WINDOW", "600"))
# --- end HTTP security ------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Every immediate task and page action logs at INFO; keep commands readable.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

PLATFORM_NAME = {"kk": "Бірыңғай платформа", "ru": "Единая платформа", "en": "Unified platform"}
PLATFORM_ADMINS_GROUP = "Platform admins"
