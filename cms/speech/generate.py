"""Making, replacing and removing a page's audio (called by the task and the signals).

`sync_page(page_id)` brings the page's audio in line with the page:

- a page that is not live, is under a view restriction (private) or is a home page
  (a directory of links, not a text) has none: its audio is removed;
- otherwise, for each language the page has a version in (kk, ru; en when filled in),
  the spoken text (cms.speech.text) is hashed; audio whose hash matches is kept, other
  audio is synthesised again (eSpeak NG, then MP3); a language without text loses its
  audio.

Failure (no eSpeak NG, a voice or an encoder error) is logged and leaves that language
without audio; it never raises: publishing does not wait for it or fail by it. Every
change forgets the player's cached lookup and the page's cached HTML.
"""

from __future__ import annotations

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.models import Page

from cms.pages.languages import page_languages

from . import engine
from .audio import encode_mp3
from .models import PageAudio
from .removal import audio_changed, is_eligible, remove
from .text import spoken_text

logger = logging.getLogger(__name__)


def text_hash(text: str, language: str) -> str:
    voice = f"{engine.voice_for(language)}:{engine.RATE}:{language}"
    return hashlib.sha256(f"{voice}\n{text}".encode()).hexdigest()


def _synthesise(text: str, language: str) -> tuple[bytes, float]:
    speech = engine.synthesise(text, language)
    return encode_mp3(speech), speech.duration


def _store(page: Page, language: str, digest: str, mp3: bytes, duration: float,
           existing: PageAudio | None) -> None:
    audio = existing or PageAudio(page=page, language=language)
    old_name = audio.file.name if existing else ""
    audio.text_hash = digest
    audio.duration = round(duration, 2)
    audio.size = len(mp3)
    audio.voice = engine.voice_for(language)
    audio.file.save("audio.mp3", ContentFile(mp3), save=False)
    audio.save()
    if old_name and old_name != audio.file.name:
        storage = audio.file.storage
        transaction.on_commit(lambda: storage.delete(old_name))


def sync_page(page_id: int) -> dict:
    """Make the page's audio match the page (see the module). Returns what was done."""
    done = {"made": [], "kept": [], "removed": 0, "failed": []}
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not is_eligible(page):
        done["removed"] = remove(page_id, page)
        return done
    page = page.specific
    existing = {audio.language: audio for audio in PageAudio.objects.filter(page=page)}
    wanted = {}
    for language in page_languages(page):
        text = spoken_text(page, language)
        if text:
            wanted[language] = text
    changed = False
    for language, audio in existing.items():
        if language not in wanted:
            audio.delete()
            done["removed"] += 1
            changed = True
    for language, text in wanted.items():
        digest = text_hash(text, language)
        current = existing.get(language)
        if current is not None and current.text_hash == digest:
            done["kept"].append(language)
            continue
        try:
            mp3, duration = _synthesise(text, language)
        except (engine.SpeechUnavailable, ValueError, RuntimeError) as error:
            logger.warning("No audio for page %s [%s]: %s", page_id, language, error)
            done["failed"].append(language)
            if current is not None:  # its text is gone: never play the old one
                current.delete()
                done["removed"] += 1
                changed = True
            continue
        _store(page, language, digest, mp3, duration, current)
        done["made"].append(language)
        changed = True
    if changed:
        audio_changed(page, page_id)
    return done


def sync_pages(page_ids) -> list[dict]:
    results = []
    for page_id in dict.fromkeys(page_ids):
        try:
            results.append(sync_page(page_id))
        except Exception:  # noqa: BLE001 - one page's failure must not stop the others
            logger.exception("Audio of page %s failed", page_id)
    return results
