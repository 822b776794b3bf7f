"""Anonymous full-page cache that is never stale.

How it works
------------
`PageCacheMiddleware` is the first of MIDDLEWARE. For an anonymous GET or HEAD
(no session cookie, only allow-listed query parameters) it looks up one entry keyed
by scheme, host, language, path, the allow-listed query and the visually-impaired
variant. Only responses of views that opted in with `allow(request)` are stored
(Wagtail pages, feeds, sitemaps, robots.txt): search results, the API, documents and
the admin never are.

Freshness does not rely on expiry. Every entry depends on three *generations*, each a
random token kept in the cache:

- ``all``: the whole platform (agencies, sites, portal pages seen in every footer);
- ``seg:<first path segment>``: ``/kk/<segment>/...``, i.e. one agency on the
  portal's hosts (``seg:`` alone is the language root, the portal home); the same
  in every language and script (``/kk-latn/<segment>/`` depends on it too, so
  retiring a Kazakh page retires its Latin-script copy);
- ``host:<hostname>``: one host, i.e. one agency on its own host name.

All three are derived from the request alone, so one ``get_many`` brings the entry
and the current generations, and a hit touches no database. A hit runs no other
middleware: the headers they add (security headers, CSP, Permissions-Policy) were
stored with the response, and their settings are part of the release token. The entry stores the
generations read *before* the view ran; it is served only while they are unchanged.

Hits are answered before Django's handler by `WSGIFastPath` (cms/wsgi.py), with the
same request object and functions as the middleware, which serves hits when the
fast path is not in front (the test client, another WSGI entry). Each process keeps
copies of the entries it served or stored (`_Copies`, ``PAGE_CACHE_LOCAL_BYTES``):
a hit on a copy reads only the generations, the same rule decides.
Invalidation (`invalidate`) replaces generation tokens: O(1), whatever the number of
hosts, languages and pages. The signal handlers that know what a change touches live
in the apps that own the models (cms.pages.pagecache, cms.navigation.pagecache).

Generations are replaced at once and again when the transaction commits: a request
that read the database before the commit then stored its page under a generation that
the second replacement retires. A generation is retired by deleting it: a lost
generation token is replaced by a new one, so an eviction can never bring an old page
back.

When the cache is out of reach (`cms.core.redis_cache`: short timeouts, then a circuit
breaker) every page is rendered as with the cache off: nothing is served from it,
stored in it or kept as a local copy, and no second try is made for the request.
Invalidations made meanwhile are deletes that the backend records in the database and
replays before it serves from the cache again, so a Redis that kept its data (a
network partition) does not serve the pages they retired.

A CDN can sit in front: stored responses say ``Cache-Control: public, max-age=...,
s-maxage=...`` with an ``ETag`` and ``Last-Modified``; ``PAGE_CACHE_PURGE`` names a
callable that receives an `Invalidation` after each commit (README, "Page cache").
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import threading
import time
import uuid
from dataclasses import dataclass, field
from functools import lru_cache, wraps
from http.client import responses
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.core.handlers.wsgi import WSGIRequest
from django.core.signals import setting_changed
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.module_loading import import_string

from .redis_cache import out_of_reach

logger = logging.getLogger(__name__)

EVERYTHING = "all"
KEY_PREFIX = "pagecache"
HEADER = "X-Page-Cache"
# Headers of a stored response that must not be replayed.
SKIP_HEADERS = {"set-cookie", "content-length", "date"}
DEFAULT_QUERY_PARAMS = ("p", "page", "year", "category", "tag", "type", "status", "letter")
# Request headers that can turn a stored response into a 304 or 412.
_CONDITIONAL = frozenset(
    {"HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE"}
)
DEFAULT_SKIP_PREFIXES = ("/admin/", "/api/", "/documents/", "/static/", "/media/", "/a11y/")
DEFAULT_LOCAL_BYTES = 2 * 1024 * 1024


# --- Settings -----------------------------------------------------------------------
def _setting(name: str, default):
    return getattr(settings, name, default)


@dataclass(frozen=True)
class _Config:
    """The settings a request reads, read once (a hit must stay cheap); forgotten when
    a setting changes (override_settings in tests)."""

    enabled: bool
    alias: str
    skip_prefixes: tuple[str, ...]
    bypass_cookies: tuple[str, ...]
    query_params: frozenset[str]
    variant: object
    languages: frozenset[str]
    first: bool  # first of MIDDLEWARE: the WSGI fast path may answer in its place
    local_bytes: int  # this process's copies of entries: their contents' total at most


@lru_cache(maxsize=1)
def _config() -> _Config:
    variants = {row[0] for row in getattr(settings, "SCRIPT_VARIANTS", ())}
    return _Config(
        enabled=bool(_setting("PAGE_CACHE_ENABLED", True)),
        alias=_setting("PAGE_CACHE_ALIAS", "default"),
        skip_prefixes=tuple(_setting("PAGE_CACHE_SKIP_PREFIXES", DEFAULT_SKIP_PREFIXES)),
        bypass_cookies=tuple(
            _setting("PAGE_CACHE_BYPASS_COOKIES", (settings.SESSION_COOKIE_NAME, "messages"))
        ),
        query_params=frozenset(_setting("PAGE_CACHE_QUERY_PARAMS", DEFAULT_QUERY_PARAMS)),
        variant=_callable(_setting("PAGE_CACHE_VARIANT", None)),
        languages=frozenset({code for code, _name in settings.LANGUAGES} | variants),
        first=list(settings.MIDDLEWARE[:1]) == [f"{__name__}.PageCacheMiddleware"],
        local_bytes=int(_setting("PAGE_CACHE_LOCAL_BYTES", DEFAULT_LOCAL_BYTES)),
    )


@receiver(setting_changed)
def _forget_settings(*, setting: str, **kwargs) -> None:
    _config.cache_clear()
    _copies.clear()
    if setting.startswith(_RELEASE_SETTINGS):
        release.cache_clear()


# Settings that change release(): the header settings and what the digest reads.
_RELEASE_SETTINGS = (
    "PAGE_CACHE_VERSION",
    "SECURE_",
    "CONTENT_SECURITY",
    "CSP_",
    "PERMISSIONS_POLICY",
    "MIDDLEWARE",
    "X_FRAME_OPTIONS",
    "TEMPLATES",
    "LOCALE_PATHS",
    "STATIC_ROOT",
)


def enabled() -> bool:
    return _config().enabled


def _cache():
    return caches[_config().alias]


@lru_cache(maxsize=8)
def _callable(path: str | None):
    return import_string(path) if path else None


@lru_cache(maxsize=1)
def release() -> str:
    """A token of the running code: templates, catalogs and static manifest.

    Stored pages of an older release are never served after a deploy that changed one
    of them (``PAGE_CACHE_VERSION``, e.g. the commit, replaces the guess)."""
    explicit = _setting("PAGE_CACHE_VERSION", "")
    if explicit:
        return hashlib.sha256((explicit + _header_settings()).encode()).hexdigest()[:12]
    digest = hashlib.sha256()
    roots = [Path(p) for p in settings.LOCALE_PATHS]
    for template in settings.TEMPLATES:
        roots.extend(Path(p) for p in template.get("DIRS", []))
    for root in roots:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.suffix in {".mo", ".html", ".xml", ".txt"}:
                stat = path.stat()
                digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    manifest = Path(settings.STATIC_ROOT or "") / "staticfiles.json"
    if manifest.is_file():
        digest.update(manifest.read_bytes())
    digest.update(_header_settings().encode())
    return digest.hexdigest()[:12]


def _header_settings() -> str:
    """The settings that shape the headers a stored response replays (the middleware
    outside the page views: security headers, CSP, Permissions-Policy)."""
    names = sorted(
        name
        for name in dir(settings)
        if name.startswith(("SECURE_", "CONTENT_SECURITY", "CSP_", "PERMISSIONS_POLICY"))
        or name in ("MIDDLEWARE", "X_FRAME_OPTIONS")
    )
    return repr([(name, getattr(settings, name)) for name in names])


# --- Dependencies of a request ------------------------------------------------------
def _languages() -> frozenset[str]:
    """The first path segments that name a language: the languages and their script
    variants (``kk-latn``: the same pages in the Latin script, cms.core.script)."""
    return _config().languages


def split_path(path: str) -> tuple[str, str]:
    """(language or "", first segment after it) of a request path.

    ``/kk/digital/news/`` -> ("kk", "digital"); ``/kk/`` -> ("kk", "");
    ``/sitemap.xml`` -> ("", "sitemap.xml").
    """
    parts = path.lstrip("/").split("/")
    if parts and parts[0] in _languages():
        return parts[0], (parts[1] if len(parts) > 1 else "")
    return "", parts[0] if parts else ""


def hostname(request) -> str:
    domain, _port = split_domain_port(request.get_host())
    return domain


def dependencies(request) -> tuple[str, str, str]:
    """The generations a response to this request depends on (from the request alone)."""
    _lang, segment = split_path(request.path)
    return _dependencies(segment, hostname(request))


def _dependencies(segment: str, host: str) -> tuple[str, str, str]:
    return (EVERYTHING, f"seg:{segment}", f"host:{host}")


def _generation_key(name: str) -> str:
    return f"{KEY_PREFIX}:gen:{name}"


def _new_token() -> str:
    return uuid.uuid4().hex


# --- Keys ---------------------------------------------------------------------------
def normalised_query(request) -> str | None:
    """The allow-listed query string in a fixed order, None when another parameter is
    present (such a request is neither served from nor stored in the cache)."""
    if not request.META.get("QUERY_STRING"):
        return ""
    allowed = _config().query_params
    if any(name not in allowed for name in request.GET):
        return None
    return urlencode([(k, v) for k in sorted(request.GET) for v in request.GET.getlist(k)])


def variant(request) -> str:
    """The display variant (the visually-impaired settings), "" for the normal site."""
    function = _config().variant
    return function(request) if function else ""


def entry_key(request, query: str) -> str:
    language, _segment = split_path(request.path)
    return _entry_key(request, request.get_host().lower(), language, query)


def _entry_key(request, host: str, language: str, query: str) -> str:
    raw = "\n".join([request.scheme, host, language, request.path, query, variant(request)])
    # 128 bits of the digest: short keys are cheaper to check for every backend.
    return f"{KEY_PREFIX}:{release()}:page:{hashlib.sha256(raw.encode()).hexdigest()[:32]}"


# --- Opting in ----------------------------------------------------------------------
@dataclass
class _Allowance:
    vary: tuple[str, ...] = ()


def allow(request, vary: tuple[str, ...] = ("Cookie",)) -> None:
    """Let the page cache store this request's response (if it is cacheable).

    `vary` is what the response varies on besides the URL; pages vary on Cookie (the
    visually-impaired version, and the logged-in editor's userbar)."""
    request._page_cache = _Allowance(tuple(vary))


def cacheable(vary: tuple[str, ...] = ()):
    """Decorator form of `allow` for a view (feeds, sitemaps, robots.txt)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            allow(request, vary)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


# --- The middleware -----------------------------------------------------------------
def _eligible(request) -> str | None:
    """The normalised query when the request may use the cache, else None."""
    config = _config()
    if request.method not in ("GET", "HEAD") or not config.enabled:
        return None
    if request.path.startswith(config.skip_prefixes):
        return None
    if "HTTP_AUTHORIZATION" in request.META:
        return None
    if "HTTP_COOKIE" in request.META and any(
        name in request.COOKIES for name in config.bypass_cookies
    ):
        return None
    return normalised_query(request)


def _seconds_to_midnight() -> int:
    """Pages list upcoming events and today's items: nothing outlives the local day."""
    now = timezone.localtime()
    midnight = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time.min, tzinfo=now.tzinfo
    )
    return max(1, int((midnight - now).total_seconds()))


def _timeout() -> int:
    return min(int(_setting("PAGE_CACHE_TIMEOUT", 24 * 60 * 60)), _seconds_to_midnight())


def _cache_control(response) -> None:
    response.headers.pop("Cache-Control", None)
    patch_cache_control(
        response,
        public=True,
        max_age=int(_setting("PAGE_CACHE_MAX_AGE", 0)),
        s_maxage=int(_setting("PAGE_CACHE_S_MAXAGE", 60)),
    )


def _storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or request.method != "GET":
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def _not_stored(request, response):
    """A response of a cacheable view that was not stored (a logged-in user, a form, a
    query parameter outside the list...) must not be kept by a CDN either."""
    if getattr(request, "_page_cache", None) is not None and "Cache-Control" not in response:
        patch_cache_control(response, private=True, no_cache=True)
    return response


@dataclass(frozen=True, slots=True)
class _Lookup:
    """One read of the cache for a request: its entry's key, the current generations
    (None while the cache is out of reach: the response is neither served from it nor
    stored), and the stored entry when it is fresh (else None)."""

    key: str
    generations: list | None
    entry: dict | None


class _Copies:
    """This process's copies of the entries it served or stored ({key: entry}), least
    recently used first, their contents at most PAGE_CACHE_LOCAL_BYTES in all.

    A hit on a copy reads only the generations from the shared cache: a few bytes
    instead of the page (with the file cache, a decompressed file; with Redis, the
    page over the socket and unpickled). A copy is served under the same rule as the
    shared entry, while its generations are the current ones, and no longer than the
    shared cache keeps the entry (``expires``: the timeout, local midnight)."""

    def __init__(self):
        self.entries: dict[str, dict] = {}
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key: str) -> dict | None:
        entry = self.entries.get(key)
        if entry is not None and entry["expires"] <= time.time():
            self.drop(key)
            return None
        return entry

    def keep(self, key: str, entry: dict) -> None:
        budget = _config().local_bytes
        size = len(entry["content"])
        if "expires" not in entry or size * 4 > budget:
            return
        with self.lock:
            self._pop(key)
            while self.entries and self.size + size > budget:
                self._pop(next(iter(self.entries)))
            self.entries[key] = entry
            self.size += size

    def touch(self, key: str) -> None:
        with self.lock:
            entry = self.entries.pop(key, None)
            if entry is not None:
                self.entries[key] = entry

    def drop(self, key: str) -> None:
        with self.lock:
            self._pop(key)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0

    def _pop(self, key: str) -> None:
        entry = self.entries.pop(key, None)
        if entry is not None:
            self.size -= len(entry["content"])


_copies = _Copies()


def _lookup(request, query: str) -> _Lookup:
    cache = _cache()
    host = request.get_host().lower()
    language, segment = split_path(request.path)
    key = _entry_key(request, host, language, query)
    gen_keys = [
        _generation_key(name) for name in _dependencies(segment, split_domain_port(host)[0])
    ]
    copy = _copies.get(key)
    found = cache.get_many(gen_keys if copy is not None else [key, *gen_keys])
    generations = []
    for gen_key in gen_keys:
        if gen_key not in found and not out_of_reach(cache):
            cache.add(gen_key, _new_token(), None)
            found[gen_key] = cache.get(gen_key)
        generations.append(found.get(gen_key))
    if out_of_reach(cache):  # no generations, nothing served or stored (module doc)
        return _Lookup(key, None, None)
    entry = copy if copy is not None else found.get(key)
    if copy is not None and copy["generations"] != generations:
        _copies.drop(key)
        entry = cache.get(key)  # another process may have stored the page anew
    if entry is not None and entry["generations"] != generations:
        entry = None
    elif entry is copy and copy is not None:
        _copies.touch(key)
    elif entry is not None:
        _copies.keep(key, entry)
    return _Lookup(key, generations, entry)


def _hit(method: str, entry: dict) -> tuple[list[tuple[str, str]], bytes]:
    """The headers and body of a hit on a stored entry (before conditional headers)."""
    content = entry["content"]
    headers = [*entry["headers"], ("Content-Length", str(len(content))), (HEADER, "hit")]
    return headers, (b"" if method == "HEAD" else content)


def _replay(request, entry: dict) -> HttpResponse:
    headers, body = _hit(request.method, entry)
    response = HttpResponse(body, status=entry["status"], content_type="")
    store = getattr(response.headers, "_store", None)
    if isinstance(store, dict):
        # The stored names and values were checked when the response was made.
        store.clear()
        store.update((name.lower(), (name, value)) for name, value in headers)
    else:  # pragma: no cover - another Django's header mapping
        del response["Content-Type"]
        for name, value in headers:
            response[name] = value
    if _CONDITIONAL.isdisjoint(request.META):
        return response
    return get_conditional_response(
        request, etag=entry["etag"], last_modified=int(entry["modified"]), response=response
    )


class PageCacheMiddleware:
    """Serve anonymous pages from the cache; store the ones views allowed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = _eligible(request)
        if query is None:
            return _not_stored(request, self.get_response(request))
        # The WSGI fast path already read the cache for this request (a miss, or a
        # conditional hit that Django answers), or failed to: no second read.
        lookup = request.META.pop(ENVIRON_KEY, None)
        if isinstance(lookup, Exception):
            raise lookup
        if not isinstance(lookup, _Lookup):
            lookup = _lookup(request, query)
        if lookup.entry is not None:
            return _replay(request, lookup.entry)
        if lookup.generations is None:  # the cache is out of reach: render uncached
            return _not_stored(request, self.get_response(request))

        response = self.get_response(request)
        allowance = getattr(request, "_page_cache", None)
        if allowance is None:
            return response
        if not _storable(request, response):
            return _not_stored(request, response)
        content = response.content
        now = time.time()
        etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
        _cache_control(response)
        if allowance.vary:
            response["Vary"] = ", ".join(allowance.vary)
        else:
            response.headers.pop("Vary", None)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(now)
        entry = {
            "generations": lookup.generations,
            "status": response.status_code,
            "headers": [
                (name, value)
                for name, value in response.items()
                if name.lower() not in SKIP_HEADERS
            ],
            "content": content,
            "etag": etag,
            "modified": now,
        }
        timeout = _timeout()
        entry["expires"] = now + timeout
        _cache().set(lookup.key, entry, timeout)
        _copies.keep(lookup.key, entry)
        response[HEADER] = "miss"
        return get_conditional_response(
            request, etag=etag, last_modified=int(now), response=response
        )


# --- Before Django: the WSGI fast path ------------------------------------------------
# The environ key that hands a fast path's cache read to the middleware (a server puts
# only CGI names and HTTP_* there: a client cannot set it).
ENVIRON_KEY = "birtutas.page_cache"


class WSGIFastPath:
    """The WSGI application (cms/wsgi.py): hits answered before Django's handler.

    A hit needs neither Django's handler nor its middleware: no ``request_started``
    and ``request_finished`` signals (which check database connections and prefetch
    the chrome's versions for a render), no middleware chain, no URL configuration.
    This reads the cache exactly as `PageCacheMiddleware` does, with the same request
    object and functions (eligibility, key, generations, replay), and answers a fresh
    entry itself; anything else goes to Django unchanged, with the cache read handed
    over in the environ (a miss reads the cache once). It stands aside unless the
    page cache is on and first of MIDDLEWARE: nothing Django would run before the
    page cache is skipped.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        answer = self._answer(environ)
        if answer is None:
            return self.application(environ, start_response)
        status, headers, body = answer
        start_response(status, headers)
        return [body]

    def _answer(self, environ):
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return None
        config = _config()
        if not (config.enabled and config.first):
            return None
        try:
            # A copy: the request rewrites PATH_INFO, and Django builds its own.
            request = WSGIRequest({**environ})
            query = _eligible(request)
        except Exception:  # noqa: BLE001 - Django meets the same error and answers it
            return None
        if query is None:
            return None
        try:
            lookup = _lookup(request, query)
        except Exception as error:  # noqa: BLE001 - a refused host, a failing backend
            # The middleware raises it where it would have met it: Django answers and
            # logs it, without a second try. (RedisCache raises nothing when Redis is
            # out of reach: the lookup says so, and Django renders the page uncached.)
            environ[ENVIRON_KEY] = error
            return None
        entry = lookup.entry
        if entry is not None and _CONDITIONAL.isdisjoint(environ):
            status = entry["status"]
            return (f"{status} {responses[status]}", *_hit(request.method, entry))
        if entry is not None:
            response = _replay(request, entry)
            if response.status_code < 400:  # a 412 goes through Django, which logs it
                return (
                    f"{response.status_code} {response.reason_phrase}",
                    list(response.items()),
                    response.content,
                )
        environ[ENVIRON_KEY] = lookup
        return None


# --- Invalidation -------------------------------------------------------------------
@dataclass(frozen=True)
class Invalidation:
    """What a change made stale, as handed to the CDN purge hook.

    - `everything`: purge every host;
    - `segments`: first path segments under the language prefix on every host of the
      portal: an agency slug means ``/<lang>/<slug>/...`` in every language; "" means
      the language roots (``/kk/``, ``/ru/``, ``/en/``) only; ``sitemap.xml`` the
      sitemap index and the per-language sitemaps;
    - `hostnames`: agencies' own hosts, everything on them.
    """

    everything: bool = False
    segments: frozenset[str] = field(default_factory=frozenset)
    hostnames: frozenset[str] = field(default_factory=frozenset)

    def __or__(self, other: Invalidation) -> Invalidation:
        return Invalidation(
            everything=self.everything or other.everything,
            segments=self.segments | other.segments,
            hostnames=self.hostnames | other.hostnames,
        )

    def generation_names(self) -> list[str]:
        if self.everything:
            return [EVERYTHING]
        return [f"seg:{s}" for s in sorted(self.segments)] + [
            f"host:{h}" for h in sorted(self.hostnames)
        ]

    def paths(self) -> list[str]:
        """Path prefixes to purge on the portal's hosts (exact paths for the roots)."""
        out = []
        for segment in sorted(self.segments):
            if segment == "sitemap.xml":
                out.append("/sitemap.xml")
            for language in sorted(_languages()):
                out.append(f"/{language}/{segment}/" if segment else f"/{language}/")
        return out


def _bump(invalidation: Invalidation) -> None:
    """Retire the generations: deleted, each is replaced by a new token when next
    read; a delete that cannot reach the cache is recorded and replayed (module doc)."""
    names = invalidation.generation_names()
    if names:
        _cache().delete_many([_generation_key(name) for name in names])


class _Pending:
    """Invalidations of one transaction, applied (and purged) once when it commits."""

    def __init__(self):
        self.invalidation = Invalidation()

    def flush(self) -> None:
        invalidation, self.invalidation = self.invalidation, Invalidation()
        _bump(invalidation)
        _purge(invalidation)


def _purge(invalidation: Invalidation) -> None:
    if not (invalidation.everything or invalidation.segments or invalidation.hostnames):
        return
    hook = _callable(_setting("PAGE_CACHE_PURGE", None))
    if hook is None:
        return
    try:
        hook(invalidation)
    except Exception:  # a CDN outage must not undo a publish; the CDN expires by s-maxage
        logger.exception("Page cache purge hook failed for %s", invalidation)


def invalidate(
    *, everything: bool = False, segments=(), hostnames=(), using: str | None = None
) -> None:
    """Make every stored page that depends on these scopes stale (see module doc).

    Nothing to do while the page cache is off: nothing is stored, and no response
    says `public` to a CDN."""
    if not enabled():
        return
    invalidation = Invalidation(
        everything=everything,
        segments=frozenset(segments),
        hostnames=frozenset(h.lower() for h in hostnames if h),
    )
    _bump(invalidation)
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        _purge(invalidation)
        return
    pending = connection.__dict__.get("_page_cache_pending")
    registered = pending is not None and any(
        entry[1] == pending.flush for entry in connection.run_on_commit
    )
    if not registered:
        pending = _Pending()
        connection._page_cache_pending = pending
        transaction.on_commit(pending.flush, using=using)
    pending.invalidation = pending.invalidation | invalidation


def clear() -> None:
    """Retire every stored page (``manage.py clear_page_cache``)."""
    invalidate(everything=True)
