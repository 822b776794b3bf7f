"""Parameters of the `video` component (`themes/templates/components/video/`)."""

from cms.core.video import embed_url as embed_url_for


def video(title: str, url: str, transcript: str = "") -> dict:
    """A video: its title, its address on the hosting site, the embed address of the
    player (empty for a host that cannot be embedded: only the link is shown) and its
    transcript."""
    return {
        "title": title,
        "url": url,
        "embed_url": embed_url_for(url) or "",
        "transcript": transcript,
    }
