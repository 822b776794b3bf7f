"""gunicorn settings for production: `gunicorn cms.wsgi -c python:cms.gunicorn --workers N`.

The master process imports the application and every URLconf before it forks the
workers (preload_app), then freezes what it made (gc.freeze: the collector never
touches those objects again, so their pages stay shared instead of being copied into
each worker when it writes their reference counts). Each worker then holds only what
it changes: with the page benchmark's warm-up over every public page type, 38 MB of
private memory a worker instead of 95 MB, and 106 MB RSS instead of 126 MB (issue 14,
`python -m tests.benchmarks.memory_profile`).

A code change needs a new master (restart the service): `kill -HUP` forks the new
workers from the master, which keeps the code it imported.
"""

import gc

preload_app = True


def when_ready(server):
    """In the master, after the application was imported and before the first fork."""
    if not server.cfg.preload_app:
        return
    from django.core.cache import caches
    from django.db import connections
    from django.urls import get_resolver

    get_resolver().reverse_dict  # noqa: B018 - imports every URLconf, fills the reverse map
    # Nothing the workers would share by accident: each opens its own connections.
    connections.close_all()
    caches.close_all()
    gc.collect()
    gc.freeze()
