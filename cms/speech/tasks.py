"""Background task of the speech app (django-tasks: run at once in `make run` and the
tests, by the database queue's worker in production)."""

from django_tasks import task


@task()
def sync_audio_task(page_ids: list[int]) -> list[dict]:
    """Make, replace or remove the audio of these pages (cms.speech.generate)."""
    # Imported here: the synthesiser, the MP3 encoder and the normalisers are loaded by
    # the process that runs the task, not by every web worker (issue 14, memory).
    from .generate import sync_pages

    return sync_pages(page_ids)
