"""Which pages may have audio, and removing a page's audio: what the signals need
when a page is unpublished, moved or made private.

Apart from cms.speech.generate, which synthesises (eSpeak NG, the MP3 encoder and the
text normalisers), so that the signals, connected in every process, import none of
that: only the task, run by the task worker, does (issue 14, memory per web worker).
"""

from __future__ import annotations

from wagtail.models import Page

from cms.core import pagecache
from cms.pages.pagecache import invalidate_page
from cms.pages.privacy import is_in_private_section
from cms.tenants.scoping import AGENCY_HOME_DEPTH

from .models import PageAudio


def is_eligible(page: Page) -> bool:
    """Live, public, and below an agency's (or the portal's) home page."""
    if not page.live or page.depth <= AGENCY_HOME_DEPTH:
        return False
    if is_in_private_section(page.path):
        return False
    return not page.get_view_restrictions().exists()


def audio_changed(page: Page | None, page_id: int) -> None:
    """The page's HTML shows (or no longer shows) a player: retire its cached copies.
    (The player's lookups are forgotten by the PageAudio signals.)"""
    if page is not None and pagecache.enabled():
        invalidate_page(page)


def remove(page_id: int, page: Page | None = None) -> int:
    """Delete the page's audio (rows now, files when the transaction commits)."""
    count = 0
    for audio in PageAudio.objects.filter(page_id=page_id):
        audio.delete()
        count += 1
    if count:
        audio_changed(page, page_id)
    return count
