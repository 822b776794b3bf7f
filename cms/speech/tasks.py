"""Background task of the speech app (django-tasks: run at once in `make run` and the
tests, by the database queue's worker in production)."""

from django_tasks import task

from .generate import sync_pages


@task()
def sync_audio_task(page_ids: list[int]) -> list[dict]:
    """Make, replace or remove the audio of these pages (cms.speech.generate)."""
    return sync_pages(page_ids)
