"""Demo media generated locally: no downloads.

- `emblem_png`: a round emblem-like logo in the agency's colour.
- `illustration_png`: a news illustration, one flat geometric composition per topic in
  the platform's palette (cms/demo/illustrations.py): the demo's news items each get
  the picture of their topic, not one emblem for all.
- `portrait_png`: a neutral head-and-shoulders silhouette. The demo's leaders have no
  photo (the leadership page shows their initials); tests use it as an uploaded photo.
- `photo_png`: a picture-like street scene (seeded, so the same seed draws the same
  picture), standing in for the photos of a gallery.
- `pdf_bytes`: a minimal valid one-page PDF written by hand (ASCII text only, the
  standard Helvetica font needs no embedding).
"""

import io
import math
import random

from PIL import Image, ImageDraw

from .illustrations import TOPICS, illustration_png

__all__ = [
    "TOPICS",
    "emblem_png",
    "illustration_png",
    "pdf_bytes",
    "photo_png",
    "portrait_png",
]


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t: float):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _star(cx: float, cy: float, outer: float, inner: float, points: int, turn: float = -90):
    coords = []
    for i in range(points * 2):
        radius = outer if i % 2 == 0 else inner
        angle = math.radians(turn + i * 180 / points)
        coords.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return coords


def emblem_png(colour: str, size: int = 256) -> bytes:
    """A circular emblem: coloured disc, gold ring, a sixteen-ray sun and a star."""
    base = _rgb(colour)
    gold = (232, 186, 48)
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    c = size / 2
    draw.ellipse((4, 4, size - 4, size - 4), fill=gold)
    draw.ellipse((14, 14, size - 14, size - 14), fill=base)
    draw.polygon(_star(c, c, size * 0.36, size * 0.2, 16), fill=gold)
    draw.ellipse((c - size * 0.17,) * 2 + (c + size * 0.17,) * 2, fill=base)
    draw.polygon(_star(c, c, size * 0.13, size * 0.055, 8), fill=(255, 255, 255))
    return _png(image)


def portrait_png(colour: str, width: int = 480, height: int = 600) -> bytes:
    """A neutral head-and-shoulders silhouette on a light tint of the agency colour."""
    base = _rgb(colour)
    light = tuple(round(c + (255 - c) * 0.85) for c in base)
    shade = tuple(round(c + (255 - c) * 0.35) for c in base)
    image = Image.new("RGB", (width, height), light)
    draw = ImageDraw.Draw(image)
    cx = width / 2
    draw.ellipse((cx - 105, 130, cx + 105, 360), fill=shade)
    draw.ellipse((cx - 220, 400, cx + 220, 900), fill=shade)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def photo_png(colour: str, seed: str, width: int = 1200, height: int = 800) -> bytes:
    """A picture-like scene: a sky gradient, a horizon, buildings in the agency colour."""
    rng = random.Random(seed)  # noqa: S311 - placeholder pictures, not secrets
    base = _rgb(colour)
    sky_top, sky_bottom = (120, 170, 215), (225, 236, 245)
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    horizon = int(height * rng.uniform(0.55, 0.7))
    for y in range(horizon):
        draw.line([(0, y), (width, y)], fill=_mix(sky_top, sky_bottom, y / horizon))
    draw.rectangle((0, horizon, width, height), fill=(96, 112, 88))
    x = rng.randint(-40, 40)
    while x < width:
        w = rng.randint(90, 200)
        h = rng.randint(120, int(horizon * 0.8))
        shade = _mix(base, (255, 255, 255), rng.uniform(0.0, 0.5))
        draw.rectangle((x, horizon - h, x + w, horizon), fill=shade)
        for wy in range(horizon - h + 20, horizon - 20, 36):
            for wx in range(x + 14, x + w - 20, 30):
                draw.rectangle((wx, wy, wx + 14, wy + 18), fill=(250, 240, 190))
        x += w + rng.randint(10, 60)
    sun = rng.randint(100, width - 100)
    draw.ellipse((sun - 45, 60, sun + 45, 150), fill=(255, 222, 120))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _pdf_escape(text: str) -> str:
    ascii_text = text.encode("ascii", "replace").decode("ascii")
    return ascii_text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page A4 PDF showing `lines` (non-ASCII characters become '?')."""
    text = ["BT", "/F1 16 Tf", "72 770 Td", "20 TL"]
    for i, line in enumerate(lines):
        if i == 1:
            text.append("/F1 11 Tf")
        text.append(f"({_pdf_escape(line)}) Tj T*")
    text.append("ET")
    stream = "\n".join(text).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
