"""gunicorn settings for production: `gunicorn cms.wsgi -c python:cms.gunicorn --workers N`.

The master process imports the application, the public site's URLconf and every app's
Wagtail hooks before it forks the workers (preload_app), then freezes what it made
(gc.freeze: the collector never touches those objects again, so their pages stay
shared instead of being copied into each worker when it writes their reference
counts). Each worker then holds only what it changes. The admin's URLconf is not
preloaded: public requests never use it (cms.urls_public), so the workers that serve
only public pages never load it, and a worker loads it on its first admin request.
Nor do they load the APIs' Django REST framework and pydantic, the admin's tag
libraries, requests or pillow_heif (tests/test_memory.py says where each is kept out).
With the page benchmark's warm-up over every public page type: about 85 MB RSS and
41 MB private memory a worker, 90 MB RSS when it serves all three languages (issue 14;
`python -m tests.benchmarks.memory_profile` shows what they hold; README, Production).

Search's word caches (the functools.lru_cache functions of `search`: the analysers'
stems, the highlighter's terms) keep up to hundreds of thousands of words, which the
indexer needs; in a web worker they would fill with every word searched and
highlighted, about 0.3 KB an entry and 3 to 6 entries a word. After each request a
worker empties them once they hold more than SEARCH_WORD_CACHE_ENTRIES entries
together (`post_request`).

A code change needs a new master (restart the service): `kill -HUP` forks the new
workers from the master, which keeps the code it imported.
"""

import gc
import logging
import os
import sys

preload_app = True
# Search's word caches in a web worker: at most this many entries together (~0.3 KB
# each, 3 to 6 a distinct word: ~9 MB, the 5,000 to 10,000 words searched and
# highlighted most recently).
WORD_CACHE_ENTRIES = int(os.environ.get("SEARCH_WORD_CACHE_ENTRIES", "30000"))


def when_ready(server):
    """In the master, after the application was imported and before the first fork."""
    if not server.cfg.preload_app:
        return
    from django.apps import apps
    from django.core.cache import caches
    from django.db import connections
    from django.urls import get_resolver

    from cms.core.urlconfs import public_urlconf

    # The public site's URLconf and its reverse map, what every worker uses; the admin's
    # (ROOT_URLCONF) is imported by the workers that serve /admin/, not here.
    get_resolver(public_urlconf()).reverse_dict  # noqa: B018
    if apps.is_installed("wagtail"):  # (not in the page benchmark's minimal project)
        from wagtail import hooks

        # Every app's wagtail_hooks module: the first page served reads hooks (rich
        # text, before_serve_page); the admin's URLconf is no longer what imports them.
        hooks.search_for_hooks()
        replay_lost_invalidations()
    # Nothing the workers would share by accident: each opens its own connections.
    connections.close_all()
    caches.close_all()
    gc.collect()
    gc.freeze()


def replay_lost_invalidations() -> None:
    """Invalidations that Redis missed while it was out of reach (cms.core.redis_cache:
    recorded in the database, replayed by the process that saw the outage): a restart
    replays them too, before any worker serves from the cache."""
    from django.db import DatabaseError

    from cms.core.redis_cache import replay_all

    try:
        replay_all()
    except DatabaseError as error:  # not migrated yet: the next contact replays
        logging.getLogger("cms.core.redis_cache").warning(
            "Lost cache invalidations not replayed: %s", error
        )


def _in_search(name: str | None) -> bool:
    return name is not None and (name == "search" or name.startswith("search."))


def word_caches() -> list:
    """The lru_cache functions defined in the loaded `search` modules (each once)."""
    found = {}
    for name, module in list(sys.modules.items()):
        if module is None or not _in_search(name):
            continue
        for value in list(vars(module).values()):
            if (
                callable(getattr(value, "cache_info", None))
                and hasattr(value, "cache_clear")
                and _in_search(getattr(value, "__module__", None))
            ):
                found[id(value)] = value
    return list(found.values())


class _WordCaches:
    """The word caches of this process, found again when it has imported modules."""

    modules = -1
    caches: list = []

    @classmethod
    def current(cls) -> list:
        if len(sys.modules) != cls.modules:
            cls.modules, cls.caches = len(sys.modules), word_caches()
        return cls.caches


def post_request(worker, req, environ, resp):
    """In a worker, after each request: bound search's word caches (module docstring)."""
    caches = _WordCaches.current()
    if sum(cache.cache_info().currsize for cache in caches) > WORD_CACHE_ENTRIES:
        for cache in caches:
            cache.cache_clear()
