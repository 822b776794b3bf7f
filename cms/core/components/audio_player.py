"""Parameters of the `audio_player` component (`themes/templates/components/audio_player/`)."""

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext


def duration_text(seconds: float) -> str:
    """125.4 -> "2 min 5 s" (in the active language)."""
    minutes, rest = divmod(max(1, round(seconds)), 60)
    if not minutes:
        return gettext("%(seconds)d s") % {"seconds": rest}
    return gettext("%(minutes)d min %(seconds)d s") % {"minutes": minutes, "seconds": rest}


def duration_iso(seconds: float) -> str:
    """125.4 -> "PT2M5S" (an ISO 8601 duration for <time datetime>)."""
    minutes, rest = divmod(max(1, round(seconds)), 60)
    return f"PT{minutes}M{rest}S" if minutes else f"PT{rest}S"


def audio_player(
    url: str, *, duration: float, size: int, download_name: str, lang: str = ""
) -> dict:
    """The spoken version of a page: its address (MP3), duration and size, the name
    a download is saved under, and `lang` when the recording is in another language
    than the page's interface (an English page shown in Russian)."""
    return {
        "url": url,
        "download_url": f"{url}?download=1",
        "download_name": download_name,
        "duration_text": duration_text(duration),
        "duration_iso": duration_iso(duration),
        "size_text": filesizeformat(size),
        "lang": lang,
    }
