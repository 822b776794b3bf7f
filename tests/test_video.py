"""Video addresses become embeds for YouTube (no-cookie) and Vimeo only."""

import pytest

from cms.core.video import EMBED_HOSTS, embed_url
from themes.middleware import CONTENT_SECURITY_POLICY


@pytest.mark.parametrize(
    "url,expected",
    [
        (
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
        ),
        ("https://youtu.be/aqz-KE-bpKQ?t=10", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"),
        (
            "https://m.youtube.com/shorts/aqz-KE-bpKQ",
            "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
        ),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        ("https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871"),
    ],
)
def test_known_hosts_are_embedded(url, expected):
    assert embed_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "",
        "javascript:alert(1)",
        "https://evil.example/watch?v=aqz-KE-bpKQ",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/watch?v=aqz-KE-bpKQ%22onload",
        "https://vimeo.com/channels/staff",
        "http://[::1",
    ],
)
def test_anything_else_is_not(url):
    assert embed_url(url) is None


def test_policy_allows_frames_from_the_embed_hosts_only():
    directive = next(d for d in CONTENT_SECURITY_POLICY.split("; ") if d.startswith("frame-src"))
    assert directive.split()[1:] == list(EMBED_HOSTS)
