"""What the page templates ask: the audio of a page in a language, for the player.

One cached lookup per page and language (cms.core.chrome, scope `speech:<page id>`,
forgotten whenever the page's audio changes), so a page render costs no query once
warm; private pages never show a player, whatever the table holds.
"""

from __future__ import annotations

from django.urls import reverse

from cms.core import chrome
from cms.pages.privacy import is_in_private_section

from .generate import scope
from .models import PageAudio


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
    return chrome.cached(
        ("speech", page.pk, language), (scope(page.pk),), lambda: _lookup(page.pk, language)
    )
