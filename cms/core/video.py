"""Video links turned into privacy-friendly embed addresses.

Only YouTube (through youtube-nocookie.com) and Vimeo are embedded; the
Content-Security-Policy (`themes/middleware.py`) allows frames from exactly these two
hosts. Any other address is shown as a link, never as a frame.
"""

import re
from urllib.parse import parse_qs, urlparse

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
EMBED_HOSTS = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")


def embed_url(url: str) -> str | None:
    """The embed address for a YouTube or Vimeo video page, or None."""
    try:
        parsed = urlparse((url or "").strip())
    except ValueError:
        return None
    if parsed.scheme not in ("http", "https"):
        return None
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    video_id = None
    if host in ("youtube.com", "youtube-nocookie.com"):
        if parsed.path == "/watch":
            video_id = (parse_qs(parsed.query).get("v") or [None])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parsed.path.split("/")[2]
    elif host == "youtu.be":
        video_id = parsed.path.lstrip("/").split("/")[0]
    elif host == "vimeo.com":
        number = parsed.path.strip("/").split("/")[0]
        return f"https://player.vimeo.com/video/{number}" if number.isdigit() else None
    elif host == "player.vimeo.com" and parsed.path.startswith("/video/"):
        number = parsed.path.split("/")[2]
        return f"https://player.vimeo.com/video/{number}" if number.isdigit() else None
    if video_id and YOUTUBE_ID.match(video_id):
        return f"https://www.youtube-nocookie.com/embed/{video_id}"
    return None
