"""The text a page speaks: its main content in one language, never the site's chrome.

Title, then the lead (intro, or a service's summary), then the body (StreamField) and
a legal act's text when the page type has one; menus, breadcrumbs, listings, footers
and the metadata of cards are never read. Each part ends a sentence, so eSpeak NG
pauses between the title, the lead and each paragraph.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.utils.html import strip_tags
from wagtail.fields import StreamValue

from .normalise import normalise

#: Fields read after the title, in this order, when the page type has them (each in
#: the language asked: `<field>_<language>` of django-modeltranslation, else the
#: untranslated field): leads, bodies, a legal act's text ("text", "act_text": issue
#: 16, item 4), an FAQ's questions and answers, a vacancy's requirements, a person's
#: biography.
SPOKEN_FIELDS = (
    "intro", "summary", "body", "text", "act_text", "questions", "requirements", "biography",
)
#: A page whose text is shorter (a title alone, a gallery) gets no recording.
MIN_WORDS = 10
SENTENCE_END = re.compile(r"[.!?…:;]$")


def _field_value(page, name: str, language: str):
    translated = f"{name}_{language}"
    if hasattr(page, translated):
        return getattr(page, translated)
    concrete = {field.name for field in page._meta.get_fields()}
    return getattr(page, name, None) if name in concrete else None


def _parts(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, StreamValue):
        return [str(part) for part in value.stream_block.get_searchable_content(value)]
    text = str(value)
    return [strip_tags(text)] if "<" in text else [text]


def _sentence(part: str) -> str:
    part = re.sub(r"\s+", " ", part).strip()
    return part if not part or SENTENCE_END.search(part) else part + "."


def raw_text(page, language: str) -> str:
    """The page's main text in `language`, one part a line, before normalisation."""
    parts = [str(getattr(page, f"title_{language}", "") or "")]
    for name in SPOKEN_FIELDS:
        parts.extend(_parts(_field_value(page, name, language)))
    lines = [_sentence(part) for part in parts]
    return "\n".join(line for line in lines if line)


def _truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("\n"))
    return cut[: end + 1] if end > limit // 2 else cut


def spoken_text(page, language: str) -> str:
    """What eSpeak NG reads for the page in `language`: the main text, normalised
    (cms.speech.normalise), at most SPEECH_MAX_CHARS characters; "" when it is too
    short to be worth listening to (MIN_WORDS)."""
    text = normalise(raw_text(page, language), language)
    if len(text.split()) < MIN_WORDS:
        return ""
    return _truncate(text, settings.SPEECH_MAX_CHARS)
