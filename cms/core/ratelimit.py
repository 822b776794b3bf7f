"""Fixed-window rate limits and single-use marks in the cache, for public forms
(appeals, page feedback). The client's address is only ever hashed into a key."""

import hashlib

from django.core.cache import cache


def address_hash(address: str) -> str:
    return hashlib.sha256(address.encode()).hexdigest()[:32]


def over_limit(scope: str, address: str, *, limit: int, window: int) -> bool:
    """Count one attempt of `address` within `scope` (e.g. "appeals:<page id>"); True
    once the count passes `limit` within `window` seconds (a fixed window that starts
    with the first attempt)."""
    key = f"{scope}:rate:{address_hash(address)}"
    if cache.add(key, 1, timeout=window):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window)
            count = 1
    return count > limit


def use_once(key: str, timeout: int) -> bool:
    """Mark `key` used for `timeout` seconds; False when it already was (a replay)."""
    return cache.add(key, 1, timeout=timeout)
