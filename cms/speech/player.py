"""What the page templates ask: the audio of a page in a language, for the player.

Two cached lookups (cms.core.chrome), so that rendering a page costs no query once
the site is warm, not even the first render of each page:

- per section of the site (the subtree of an agency's home page, or of a portal
  section): the ids of its pages that have audio, packed in a bytes value (8 bytes a
  page), scope `speech:<subtree path>`;
- only for a page in that set: its audio in the language, scope `speech:<page id>`.

Both are forgotten whenever a PageAudio row is saved or deleted (cms.speech.signals).
Private pages never show a player, whatever the table holds.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left

from django.urls import reverse
from wagtail.models import Page

from cms.core import chrome
from cms.pages.privacy import is_in_private_section
from cms.tenants.scoping import AGENCY_HOME_DEPTH

from .models import PageAudio

SUBTREE_PATH_LENGTH = AGENCY_HOME_DEPTH * Page.steplen


def page_scope(page_id: int) -> str:
    return f"speech:{page_id}"


def subtree_scope(path: str) -> str:
    return f"speech:{path[:SUBTREE_PATH_LENGTH]}"


def _ids_with_audio(subtree: str) -> bytes:
    ids = (
        PageAudio.objects.filter(page__path__startswith=subtree)
        .order_by("page_id")
        .values_list("page_id", flat=True)
        .distinct()
    )
    return array("q", ids).tobytes()


def has_audio(page) -> bool:
    subtree = page.path[:SUBTREE_PATH_LENGTH]
    packed = chrome.cached(
        ("speech-pages", subtree), (subtree_scope(page.path),), lambda: _ids_with_audio(subtree)
    )
    ids = array("q")
    ids.frombytes(packed)
    index = bisect_left(ids, page.pk)
    return index < len(ids) and ids[index] == page.pk


def _lookup(page_id: int, language: str) -> dict | None:
    row = (
        PageAudio.objects.filter(page_id=page_id, language=language)
        .values("duration", "size", "text_hash", "page__slug")
        .first()
    )
    if row is None:
        return None
    token = row["text_hash"][:12]
    return {
        "url": reverse("speech-audio", args=[page_id, language, token]),
        "duration": row["duration"],
        "size": row["size"],
        "language": language,
        "download_name": f"{row['page__slug']}-{language}.mp3",
    }


def audio_for(page, language: str) -> dict | None:
    """{url, duration, size, language, download_name} of the page's audio in
    `language`, or None (no audio, a draft or a private page)."""
    if not getattr(page, "pk", None) or not page.live or is_in_private_section(page.path):
        return None
    if not has_audio(page):
        return None
    return chrome.cached(
        ("speech", page.pk, language), (page_scope(page.pk),), lambda: _lookup(page.pk, language)
    )
