"""`{% page_audio as audio %}`: the audio player's parameters for the page being shown
(its audio in the language its content is shown in), or None."""

from django import template
from django.utils.translation import get_language

from cms.core.components.audio_player import audio_player
from cms.speech.player import audio_for

register = template.Library()


@register.simple_tag(takes_context=True)
def page_audio(context):
    page, request = context.get("page"), context.get("request")
    if page is None or request is None or getattr(request, "is_preview", False):
        return None
    language = context.get("content_lang") or get_language()
    found = audio_for(page, language)
    if found is None:
        return None
    return audio_player(
        found["url"],
        duration=found["duration"],
        size=found["size"],
        download_name=found["download_name"],
        lang=language if language != get_language() else "",
    )
