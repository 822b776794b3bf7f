"""Versioned cache of what every page of a site repeats: the "chrome" (the agency of
a path, the Wagtail Site of a host, the header and footer menus, the portal home, the
breadcrumbs' ancestors, the private sections).

A value is stored under a key that carries the current *version* of each scope it
depends on: ``GLOBAL`` (the whole platform: agencies, sites, portal pages, privacy)
or one agency (its home page's tree path). Invalidation replaces a version (O(1),
whatever the number of languages, hosts and values); the values stored under the old
one are never read again and expire. A version that the cache has lost is replaced
by a new one, so a lost key can never bring an old value back.

Within one request the versions are read once (`versions` keeps them until the
request ends or this process replaces one): a page consults a dozen values under the
same two or three versions, and every read of the cache costs (a round trip with
Redis, a file with the file cache). The page is then built from one snapshot of the
versions, as the page cache stores it under the generations read before the view.

A version is replaced at once and again when the transaction commits: a request that
read the database before the commit and stored its value under the version of the
first replacement is retired by the second (the same rule as cms.core.pagecache).
A version is replaced by deleting it; while the cache is out of reach every value is
built anew (no copy is used: its versions cannot be known), and the deletes are
recorded and replayed when it answers again (cms.core.redis_cache).

The signal handlers that know what a change touches live in the apps that own the
models (cms.navigation.signals for pages, menus and sites; cms.tenants for agencies).
"""

from __future__ import annotations

import pickle
import time
from collections.abc import Callable, Iterable
from typing import TypeVar
from uuid import uuid4

from asgiref.local import Local
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.dispatch import receiver

from . import pagecache
from .redis_cache import out_of_reach

GLOBAL = "global"
TIMEOUT = 60 * 60
# The shape of the cached values: raise it when a cached value changes shape (a new
# select_related, a new key), so that a deploy never reads a value of the old code.
# The page cache's release token (PAGE_CACHE_VERSION, e.g. the commit) is in every
# key too.
SCHEMA = 1
_MISSING = object()
T = TypeVar("T")
# This process's copy of the values it read or built ({versioned key: (deadline,
# pickled value)}), oldest first, at most LOCAL_MAX of them. A key carries the
# versions its value was stored under, so a copy is never stale: a bump makes new
# keys, and the versions themselves are read from the shared cache once per request.
# A page consults some fifteen values: one round trip for the versions instead of
# sixteen (each a file read with the file cache, a round trip with Redis). Kept
# pickled, so that no caller can change another's value; kept no longer than the
# shared cache keeps it (`timeout`). Text (rendered HTML) is immutable: kept as it is.
LOCAL_MAX = 4096
_local: dict[str, tuple[float, bytes]] = {}


def version_key(scope: str) -> str:
    return f"navigation:version:{scope}"


# The versions read during the current request ({key: version}); None outside one.
_request = Local()
# The version keys the last request of each host and first two path segments (language,
# agency) read: the next such request reads them all in one round trip when it starts,
# before it knows its agency (the keys are versions, not values: a wrong guess reads
# a version more). At most LOCAL_MAX prefixes.
_keys_by_prefix: dict[str, tuple[str, ...]] = {}


def _prefix(kwargs: dict) -> str | None:
    environ = kwargs.get("environ")
    if environ is not None:
        host, path = environ.get("HTTP_HOST", ""), environ.get("PATH_INFO", "")
    else:
        scope = kwargs.get("scope") or {}
        headers = dict(scope.get("headers") or ())
        host, path = headers.get(b"host", b"").decode("latin-1"), scope.get("path", "")
    return host + "|" + "/".join(path.split("/", 3)[:3])


@receiver(request_started)
def _request_started(**kwargs) -> None:
    prefix = _prefix(kwargs)
    _request.prefix = prefix
    _request.versions = {}
    keys = _keys_by_prefix.get(prefix)
    if keys:
        _request.versions.update(cache.get_many(keys))


@receiver(request_finished)
def _request_finished(**kwargs) -> None:
    remembered, prefix = _remembered(), getattr(_request, "prefix", None)
    if remembered and prefix is not None and _keys_by_prefix.get(prefix) != tuple(remembered):
        _keys_by_prefix.pop(prefix, None)
        if len(_keys_by_prefix) >= LOCAL_MAX:
            _keys_by_prefix.pop(next(iter(_keys_by_prefix), None), None)
        _keys_by_prefix[prefix] = tuple(remembered)
    _request.versions = None
    _request.prefix = None


def _remembered() -> dict | None:
    return getattr(_request, "versions", None)


def _forget() -> None:
    if _remembered() is not None:
        _request.versions = {}


def _replace(scopes: frozenset[str]) -> None:
    # Deleted: replaced by a new version when next read; a delete that cannot reach the
    # cache is recorded and replayed (cms.core.redis_cache).
    cache.delete_many([version_key(scope) for scope in scopes])
    _forget()


def bump(*scopes: str) -> None:
    """Forget every value cached under these scopes (agency home paths, or GLOBAL):
    now, and again when the current transaction commits."""
    names = frozenset(scopes)
    if not names:
        return
    _replace(names)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _replace(names))


def versions(*scopes: str) -> list[str] | None:
    """The current version of each scope (one round trip to the cache when warm);
    None while the cache is out of reach (cms.core.redis_cache)."""
    keys = [version_key(scope) for scope in scopes]
    remembered = _remembered()
    if remembered is None:
        found = cache.get_many(keys)
    else:
        found = {key: remembered[key] for key in keys if key in remembered}
        if len(found) < len(keys):
            found.update(cache.get_many([key for key in keys if key not in found]))
    out = []
    for key in keys:
        if key not in found and not out_of_reach(cache):
            cache.add(key, uuid4().hex, None)
            found[key] = cache.get(key)
        out.append(found.get(key))
    if out_of_reach(cache):
        return None
    if remembered is not None:
        remembered.update(zip(keys, out, strict=True))
    return out


def cached(
    parts: Iterable[object],
    scopes: Iterable[str],
    build: Callable[[], T],
    timeout=TIMEOUT,
    keep: Callable[[T], bool] | None = None,
) -> T:
    """The value of `build()` cached under `parts` and the versions of `scopes`
    (None is a value too: an unknown path is not looked up again), unless `keep`
    says a value is not worth keeping."""
    scopes = tuple(scopes)
    current = versions(*scopes)
    if current is None:  # the cache is out of reach: no copy can be known to be current
        return build()
    key = ":".join(["chrome", str(SCHEMA), pagecache.release(), *(str(p) for p in parts), *current])
    now = time.monotonic()
    copy = _local.get(key)
    if copy is not None and copy[0] > now:
        if type(copy[1]) is not bytes:  # text (rendered HTML): immutable, kept as it is
            return copy[1]
        return pickle.loads(copy[1])  # noqa: S301 (bytes this process pickled)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        if keep is not None and not keep(value):
            return value
        cache.set(key, value, timeout)
    if timeout is None or timeout > 0:
        _remember(key, value, now + timeout if timeout is not None else float("inf"))
    return value


def _remember(key: str, value: object, deadline: float) -> None:
    # Text cannot be changed by a caller: no copy is needed (the fragments of HTML).
    kept = value if isinstance(value, str) else pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    keep(_local, key, (deadline, kept), LOCAL_MAX)


def keep(mapping: dict, key, value, limit: int) -> None:
    """Store `value` under `key` in a process-local `mapping` of at most `limit`
    entries, the oldest dropped first (the key counts as new)."""
    mapping.pop(key, None)
    while len(mapping) >= limit:
        try:  # (another thread may evict the same one)
            del mapping[next(iter(mapping))]
        except (KeyError, RuntimeError, StopIteration):
            break
    mapping[key] = value
