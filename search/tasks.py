"""Background tasks of the search app (django-tasks: immediate in dev and tests, the
database-backed queue in production)."""

from django_tasks import task

from .indexing import drain_outbox


@task()
def drain_outbox_task() -> dict:
    """Push the outbox to the engines (see `search.indexing.drain_outbox`)."""
    return drain_outbox().as_dict()
