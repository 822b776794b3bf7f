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

The signal handlers that know what a change touches live in the apps that own the
models (cms.navigation.signals for pages, menus and sites; cms.tenants for agencies).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar
from uuid import uuid4

from asgiref.local import Local
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.dispatch import receiver

from . import pagecache

GLOBAL = "global"
TIMEOUT = 60 * 60
# The shape of the cached values: raise it when a cached value changes shape (a new
# select_related, a new key), so that a deploy never reads a value of the old code.
# The page cache's release token (PAGE_CACHE_VERSION, e.g. the commit) is in every
# key too.
SCHEMA = 1
_MISSING = object()
T = TypeVar("T")


def version_key(scope: str) -> str:
    return f"navigation:version:{scope}"


# The versions read during the current request ({key: version}); None outside one.
_request = Local()


@receiver(request_started)
def _request_started(**kwargs) -> None:
    _request.versions = {}


@receiver(request_finished)
def _request_finished(**kwargs) -> None:
    _request.versions = None


def _remembered() -> dict | None:
    return getattr(_request, "versions", None)


def _forget() -> None:
    if _remembered() is not None:
        _request.versions = {}


def _replace(scopes: frozenset[str]) -> None:
    cache.set_many({version_key(scope): uuid4().hex for scope in scopes}, None)
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


def versions(*scopes: str) -> list[str]:
    """The current version of each scope (one round trip to the cache when warm)."""
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
        if key not in found:
            cache.add(key, uuid4().hex, None)
            found[key] = cache.get(key)
        out.append(found[key])
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
    key = ":".join(
        ["chrome", str(SCHEMA), pagecache.release(), *(str(p) for p in parts), *versions(*scopes)]
    )
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        if keep is None or keep(value):
            cache.set(key, value, timeout)
    return value
