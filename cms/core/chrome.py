"""Versioned cache of what every page of a site repeats: the "chrome" (the agency of
a path, the Wagtail Site of a host, the header and footer menus, the portal home, the
breadcrumbs' ancestors, the private sections).

A value is stored under a key that carries the current *version* of each scope it
depends on: ``GLOBAL`` (the whole platform: agencies, sites, portal pages, privacy)
or one agency (its home page's tree path). Invalidation replaces a version (O(1),
whatever the number of languages, hosts and values); the values stored under the old
one are never read again and expire. A version that the cache has lost is replaced
by a new one, so a lost key can never bring an old value back.

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

from django.core.cache import cache
from django.db import transaction

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


def _replace(scopes: frozenset[str]) -> None:
    cache.set_many({version_key(scope): uuid4().hex for scope in scopes}, None)


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
    found = cache.get_many(keys)
    out = []
    for key in keys:
        if key not in found:
            cache.add(key, uuid4().hex, None)
            found[key] = cache.get(key)
        out.append(found[key])
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
