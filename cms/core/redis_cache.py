"""Django's Redis cache backend without its per-operation costs (CACHES with REDIS_URL),
which degrades when Redis is out of reach instead of failing the request.

Django's `RedisCacheClient` builds a new `redis.Redis` for every operation, and a
`redis.Redis` fills a table of some 500 response callbacks when it is made: about
0.1 ms of CPU per cache read, more than the round trip itself. A page cache hit is
one read, and a render a few. This backend keeps one client per server (a client
is thread-safe and takes connections from the server's pool; the pool reconnects
after a fork). It also skips the key check written for memcached (Redis keys may be
any length and hold any byte), which walks every character of every key.

Outages
-------
Redis is a cache here: without it every page still renders, from the database.

- **Short timeouts**: unless CACHES ``OPTIONS`` say otherwise, connecting gives up
  after ``socket_connect_timeout`` (0.5 s) and a reply after ``socket_timeout``
  (1 s); redis-py's own retries stay off.
- **Circuit breaker**: the first connection error or timeout opens this process's
  breaker for that server (one ``logging.warning``, not one per call): for
  ``retry_after`` seconds (OPTIONS, default 5) no cache call reaches the network;
  reads miss (``get`` returns the default, ``get_many`` nothing, ``add`` False,
  ``incr`` raises ValueError as for a missing key) and writes are dropped. The next
  call after that tries the server again (one thread; the others still miss); its
  return is logged at INFO.
  `out_of_reach(cache)` tells callers whose correctness depends on the cache (the
  page cache, the chrome's versions, rate limits) to do without it meanwhile.
- **Invalidations are never lost**: a ``delete``, ``delete_many`` or ``clear`` that
  failed or was skipped is recorded in the database (`cms.core.models.LostInvalidation`,
  the made keys; ``*`` for a clear), in the caller's transaction: a publish that
  commits keeps its record, one that rolls back leaves none. The page cache's
  generations and the chrome's versions are retired by deleting them, so a publish,
  move, menu or agency change during an outage is recorded like any delete. When a
  process whose breaker is open reaches the server again it first deletes every
  recorded key (`replay`; a recorded ``*`` empties the database), then removes the
  rows, and only then serves from the cache: a Redis that kept its data (a network
  partition, a restart with persistence) never serves what the outage retired to
  that process. Processes that never saw the outage read no record (a hit makes no
  query); ``manage.py replay_cache_invalidations`` and every daily task's scheduling
  (`cms.core.daily`) replay the record too, as a backstop.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from django.db import DatabaseError, transaction

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT = 0.5
READ_TIMEOUT = 1.0
RETRY_AFTER = 5.0
# A recorded key that stands for every key of the server (a failed clear()).
EVERY_KEY = "*"


class _Breaker:
    """One server's state in this process, shared by every thread's backend."""

    def __init__(self, name: str, retry_after: float):
        self.name = name
        self.retry_after = retry_after
        self.down_since: float | None = None  # monotonic; None while the server answers
        self.retry_at = 0.0
        self.probe = threading.Lock()  # one thread tries the server again
        # Held to record a lost invalidation and to close the breaker: a record made
        # while this process still does without the server is always replayed.
        self.closing = threading.Lock()

    def trip(self, error: Exception) -> None:
        now = time.monotonic()
        self.retry_at = now + self.retry_after
        if self.down_since is None:
            self.down_since = now
            logger.warning(
                "Cache %s is out of reach (%s): pages are served without it; next try in %s s.",
                self.name,
                error,
                self.retry_after,
            )


_breakers: dict[tuple[str, tuple[str, ...]], _Breaker] = {}
_breakers_lock = threading.Lock()


def _breaker(servers: list[str], retry_after: float) -> _Breaker:
    # The address without credentials, for the logs.
    name = re.sub(r"//[^@/]*@", "//", servers[0])
    with _breakers_lock:
        return _breakers.setdefault((name, tuple(servers)), _Breaker(name, retry_after))


def out_of_reach(cache) -> bool:
    """Whether `cache` (any backend) is doing without its server at the moment: its
    reads miss and its writes are dropped (always False but for `RedisCache`)."""
    return getattr(cache, "out_of_reach", False)


class _Missing:
    """A fallback that raises: incr of a key the cache cannot see."""

    def __init__(self, error: Exception):
        self.error = error


class _Client(RedisCacheClient):
    def __init__(self, servers, retry_after=RETRY_AFTER, **options):
        options.setdefault("socket_connect_timeout", CONNECT_TIMEOUT)
        options.setdefault("socket_timeout", READ_TIMEOUT)
        super().__init__(servers, **options)
        # (redis-py is imported by the client, not by this module: the page cache
        # imports this module with any backend.)
        self.outage = (self._lib.exceptions.ConnectionError, self._lib.exceptions.TimeoutError)
        self._clients = {}
        self.breaker = _breaker(servers, float(retry_after))
        # The server the records belong to (never its password).
        self.ident = hashlib.sha256(servers[0].encode()).hexdigest()[:16]

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(
                    self._servers[index], **self._pool_options
                )
            client = self._clients[index] = self._client(connection_pool=self._pools[index])
        return client

    # --- The breaker around every operation --------------------------------------------
    def _guard(self, fallback, operation, *args, lost=()):
        if self.breaker.down_since is None or self._recovered():
            try:
                return operation(*args)
            except self.outage as error:
                self.breaker.trip(error)
        if lost:
            with self.breaker.closing:
                closed = self.breaker.down_since is None
                if not closed:
                    self._record(lost)
            if closed:  # the server came back meanwhile: deliver it there
                return self._guard(fallback, operation, *args, lost=lost)
        if isinstance(fallback, _Missing):
            raise ValueError(str(fallback.error))
        return fallback

    def _recovered(self) -> bool:
        """Try the server again once `retry_after` has passed (one thread at a time):
        replay the recorded invalidations, then close the breaker."""
        breaker = self.breaker
        if time.monotonic() < breaker.retry_at or not breaker.probe.acquire(blocking=False):
            return False
        try:
            if breaker.down_since is None:  # another thread closed it meanwhile
                return True
            breaker.retry_at = time.monotonic() + breaker.retry_after
            try:
                self.get_client(write=True).ping()
                replayed = self.replay()
                with breaker.closing:  # and what this process recorded meanwhile
                    replayed += self.replay()
                    down_since, breaker.down_since = breaker.down_since, None
            except self.outage:
                breaker.retry_at = time.monotonic() + breaker.retry_after
                return False
            except DatabaseError:
                logger.exception("Cache %s: the lost invalidations could not be read", breaker.name)
                return False
            logger.info(
                "Cache %s is reachable again after %.0f s; %d lost invalidations replayed.",
                breaker.name,
                time.monotonic() - down_since,
                replayed,
            )
            return True
        finally:
            breaker.probe.release()

    # --- The durable record of lost invalidations ------------------------------------
    def _record(self, keys) -> None:
        from .models import LostInvalidation

        rows = [LostInvalidation(cache=self.ident, key=key) for key in keys]
        try:
            # A savepoint: a failure must not break the caller's transaction.
            with transaction.atomic():
                LostInvalidation.objects.bulk_create(rows)
        except DatabaseError:
            logger.exception("Cache %s: %d invalidations lost", self.breaker.name, len(rows))

    def replay(self) -> int:
        """Delete every recorded key from the server, then forget the records; their
        number. Raises the server's or the database's error (nothing forgotten)."""
        from .models import LostInvalidation

        rows = list(LostInvalidation.objects.filter(cache=self.ident).values_list("pk", "key"))
        if not rows:
            return 0
        keys = sorted({key for _pk, key in rows})
        client = self.get_client(write=True)
        if EVERY_KEY in keys:
            client.flushdb()
        else:
            for start in range(0, len(keys), 500):
                client.delete(*keys[start : start + 500])
        LostInvalidation.objects.filter(pk__in=[pk for pk, _key in rows]).delete()
        return len(rows)

    # --- Django's operations ------------------------------------------------------------
    def add(self, key, value, timeout):
        return self._guard(False, super().add, key, value, timeout)

    def get(self, key, default):
        return self._guard(default, super().get, key, default)

    def set(self, key, value, timeout):
        return self._guard(None, super().set, key, value, timeout)

    def touch(self, key, timeout):
        return self._guard(False, super().touch, key, timeout)

    def delete(self, key):
        return self._guard(False, super().delete, key, lost=(key,))

    def get_many(self, keys):
        return self._guard({}, super().get_many, keys)

    def has_key(self, key):
        return self._guard(False, super().has_key, key)

    def incr(self, key, delta):
        missing = _Missing(ValueError(f"Key {key!r} not found (cache out of reach)"))
        return self._guard(missing, super().incr, key, delta)

    def set_many(self, data, timeout):
        return self._guard(None, super().set_many, data, timeout)

    def delete_many(self, keys):
        keys = list(keys)
        return self._guard(None, super().delete_many, keys, lost=keys)

    def clear(self):
        return self._guard(False, super().clear, lost=(EVERY_KEY,))


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _Client

    def validate_key(self, key):
        """Redis takes any key: the memcached warnings do not apply."""

    @property
    def out_of_reach(self) -> bool:
        return self._cache.breaker.down_since is not None

    def replay(self) -> int:
        """Replay the invalidations recorded during an outage (see the module doc)."""
        return self._cache.replay()


def replay_all() -> dict[str, int | None]:
    """{alias: invalidations replayed} for every Redis cache of CACHES; None for a
    cache out of reach (logged; its records wait for the next try)."""
    done = {}
    for alias in caches:
        backend = caches[alias]
        if not isinstance(backend, RedisCache):
            continue
        try:
            done[alias] = backend.replay()
        except backend._cache.outage as error:
            logger.warning("Cache %s is out of reach: nothing replayed (%s)", alias, error)
            done[alias] = None
    return done
