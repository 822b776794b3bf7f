"""Fixed-window rate limits and single-use marks in the cache, for public forms
(appeals, page feedback). The client's address is only ever hashed into a key.

While the cache is out of reach (cms.core.redis_cache) the limits and marks are kept
in this process's memory instead: neither closed (every form refused for as long as
Redis is down) nor open (no limit at all). A limit then counts per process, so a
client spread over N processes gets at most N times the limit until the cache is
back. Sign-in lockout does not use the cache (django-axes keeps its counts in the
database: cms.accounts)."""

import hashlib
import threading
import time

from django.core.cache import cache

from .redis_cache import out_of_reach


def address_hash(address: str) -> str:
    return hashlib.sha256(address.encode()).hexdigest()[:32]


def over_limit(scope: str, address: str, *, limit: int, window: int) -> bool:
    """Count one attempt of `address` within `scope` (e.g. "appeals:<page id>"); True
    once the count passes `limit` within `window` seconds (a fixed window that starts
    with the first attempt)."""
    key = f"{scope}:rate:{address_hash(address)}"
    count = _shared_count(key, window)
    if count is None:
        count = _local.count(key, window)
    return count > limit


def _shared_count(key: str, window: int) -> int | None:
    """This attempt's number in the cache's window; None when the cache is out of reach."""
    if cache.add(key, 1, timeout=window):
        return 1
    if out_of_reach(cache):
        return None
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr (or the cache went out of reach)
        if out_of_reach(cache):
            return None
        cache.add(key, 1, timeout=window)
        return 1


def use_once(key: str, timeout: int) -> bool:
    """Mark `key` used for `timeout` seconds; False when it already was (a replay)."""
    if cache.add(key, 1, timeout=timeout):
        return True
    if out_of_reach(cache):
        return _local.add(key, timeout)
    return False


class _Local:
    """This process's windows and marks ({key: (end, count)}) while the cache is out of
    reach: at most `limit` keys, the oldest forgotten first."""

    def __init__(self, limit: int = 10_000):
        self.limit = limit
        self.entries: dict[str, tuple[float, int]] = {}
        self.lock = threading.Lock()

    def count(self, key: str, window: int) -> int:
        now = time.monotonic()
        with self.lock:
            end, count = self.entries.get(key, (0.0, 0))
            if end <= now:
                end, count = now + window, 0
            self._put(key, (end, count + 1))
            return count + 1

    def add(self, key: str, timeout: int) -> bool:
        now = time.monotonic()
        with self.lock:
            end, _count = self.entries.get(key, (0.0, 0))
            if end > now:
                return False
            self._put(key, (now + timeout, 1))
            return True

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()

    def _put(self, key: str, value: tuple[float, int]) -> None:
        self.entries.pop(key, None)
        while len(self.entries) >= self.limit:
            del self.entries[next(iter(self.entries))]
        self.entries[key] = value


_local = _Local()
