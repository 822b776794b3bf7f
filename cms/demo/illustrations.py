"""Illustrations of demo news, one composition per topic, drawn with Pillow.

Flat geometric pictures in the platform's palette (themes/static/theme/css/theme.css:
ink, brand blue, sky, gold, light surfaces), so the demo's news look like a real
newsroom's stock illustrations rather than twenty copies of one emblem. Deterministic:
the same topic and seed always give the same bytes (the seed moves and tints the
shapes; the topic decides what is drawn), so they need not be committed as files.

`illustration_png(topic, seed)` is the entry point; `TOPICS` lists what it can draw.
"""

import io
import math
import random

from PIL import Image, ImageDraw

# The theme's palette (theme.css custom properties of the same names).
INK = (11, 37, 64)
BRAND = (0, 87, 123)
LINK = (0, 90, 140)
SKY = (0, 175, 202)
GOLD = (242, 197, 0)
SURFACE_INFO = (232, 241, 248)
SURFACE_MUTED = (243, 245, 247)
WHITE = (255, 255, 255)
# Two quieter accents of the same family for the topics that need them.
GREEN = (46, 125, 91)
CORAL = (214, 93, 62)

WIDTH, HEIGHT = 1200, 675


def _mix(a, b, t: float):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _background(draw, rng, top, bottom):
    """A vertical two-colour gradient, then a large soft disc: the common ground."""
    for y in range(HEIGHT):
        draw.line([(0, y), (WIDTH, y)], fill=_mix(top, bottom, y / (HEIGHT - 1)))
    cx, cy, r = rng.randint(700, 1000), rng.randint(120, 300), rng.randint(260, 360)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=_mix(bottom, WHITE, 0.35))


def _ground(draw, y, colour):
    draw.rectangle((0, y, WIDTH, HEIGHT), fill=colour)


def _connectivity(draw, rng):
    _background(draw, rng, SURFACE_INFO, WHITE)
    _ground(draw, 520, _mix(GREEN, WHITE, 0.55))
    # A mast with signal arcs, houses, and the fibre line linking them.
    mx = rng.randint(220, 320)
    draw.polygon([(mx - 50, 520), (mx, 170), (mx + 50, 520)], outline=INK, width=10)
    draw.line([(mx - 35, 420), (mx + 35, 420)], fill=INK, width=8)
    draw.line([(mx - 20, 310), (mx + 20, 310)], fill=INK, width=8)
    for i, r in enumerate((60, 110, 160)):
        box = (mx - r, 170 - r, mx + r, 170 + r)
        draw.arc(box, 200, 250, fill=SKY if i % 2 else BRAND, width=12)
        draw.arc(box, 290, 340, fill=SKY if i % 2 else BRAND, width=12)
    x = 560
    points = [(mx, 520)]
    for n in range(4):
        w = rng.randint(90, 120)
        h = rng.randint(80, 110)
        draw.rectangle((x, 520 - h, x + w, 520), fill=WHITE, outline=INK, width=6)
        draw.polygon(
            [(x - 12, 520 - h), (x + w / 2, 520 - h - 60), (x + w + 12, 520 - h)],
            fill=BRAND if n % 2 else LINK,
        )
        draw.rectangle((x + w / 2 - 16, 520 - 50, x + w / 2 + 16, 520), fill=GOLD)
        points.append((x + w / 2, 560))
        x += w + rng.randint(40, 70)
    draw.line(points, fill=GOLD, width=10, joint="curve")
    for px, py in points[1:]:
        draw.ellipse((px - 14, py - 14, px + 14, py + 14), fill=GOLD, outline=INK, width=4)


def _digital(draw, rng):
    _background(draw, rng, BRAND, LINK)
    # A phone with service tiles, beside a grid of data points.
    px = rng.randint(180, 260)
    draw.rounded_rectangle((px, 110, px + 260, 590), radius=36, fill=INK)
    draw.rounded_rectangle((px + 20, 150, px + 240, 540), radius=12, fill=SURFACE_INFO)
    colours = [SKY, GOLD, BRAND, GREEN, CORAL, LINK]
    for row in range(3):
        for col in range(2):
            x = px + 40 + col * 100
            y = 175 + row * 120
            draw.rounded_rectangle(
                (x, y, x + 80, y + 80),
                radius=16,
                fill=colours[(row * 2 + col + rng.randint(0, 5)) % 6],
            )
    for row in range(5):
        for col in range(7):
            x, y = 600 + col * 75, 150 + row * 80
            r = 8 if (row + col + rng.randint(0, 2)) % 3 else 16
            draw.ellipse((x - r, y - r, x + r, y + r), fill=WHITE if r == 8 else GOLD)
    draw.line(
        [(600, 470), (710, 380), (820, 420), (930, 260), (1050, 300)],
        fill=SKY,
        width=10,
        joint="curve",
    )


def _education(draw, rng):
    _background(draw, rng, SURFACE_MUTED, SURFACE_INFO)
    _ground(draw, 540, _mix(GREEN, WHITE, 0.6))
    # A school with a flag, and an open book in front.
    sx = rng.randint(560, 660)
    draw.rectangle((sx, 260, sx + 460, 540), fill=WHITE, outline=INK, width=8)
    draw.polygon([(sx - 30, 260), (sx + 230, 140), (sx + 490, 260)], fill=BRAND)
    draw.line([(sx + 230, 140), (sx + 230, 60)], fill=INK, width=6)
    draw.rectangle((sx + 230, 60, sx + 300, 100), fill=SKY)
    for i in range(4):
        x = sx + 30 + i * 110
        draw.rectangle((x, 300, x + 70, 370), fill=SURFACE_INFO, outline=INK, width=5)
    draw.rectangle((sx + 195, 420, sx + 265, 540), fill=GOLD, outline=INK, width=5)
    bx, by = rng.randint(120, 200), 430
    draw.polygon(
        [(bx, by), (bx + 170, by - 40), (bx + 170, by + 120), (bx, by + 160)],
        fill=WHITE,
        outline=INK,
        width=6,
    )
    draw.polygon(
        [(bx + 340, by), (bx + 170, by - 40), (bx + 170, by + 120), (bx + 340, by + 160)],
        fill=WHITE,
        outline=INK,
        width=6,
    )
    for i in range(4):
        y = by + 10 + i * 28
        draw.line([(bx + 25, y + 6), (bx + 145, y - 22)], fill=LINK, width=5)
        draw.line([(bx + 195, y - 22), (bx + 315, y + 6)], fill=LINK, width=5)


def _health(draw, rng):
    _background(draw, rng, _mix(GREEN, WHITE, 0.8), WHITE)
    _ground(draw, 540, _mix(GREEN, WHITE, 0.5))
    # A clinic with a cross and a heartbeat line.
    hx = rng.randint(140, 260)
    draw.rectangle((hx, 250, hx + 420, 540), fill=WHITE, outline=INK, width=8)
    draw.rectangle((hx - 20, 230, hx + 440, 262), fill=GREEN)
    cx, cy = hx + 210, 350
    draw.rectangle((cx - 22, cy - 70, cx + 22, cy + 70), fill=CORAL)
    draw.rectangle((cx - 70, cy - 22, cx + 70, cy + 22), fill=CORAL)
    draw.rectangle((hx + 170, 450, hx + 250, 540), fill=SKY, outline=INK, width=5)
    y = rng.randint(200, 260)
    draw.line(
        [(700, y), (800, y), (830, y - 90), (870, y + 80), (900, y - 40), (930, y), (1100, y)],
        fill=CORAL,
        width=12,
        joint="curve",
    )
    draw.ellipse((1085, y - 15, 1115, y + 15), fill=CORAL)


def _security(draw, rng):
    _background(draw, rng, INK, BRAND)
    # A shield with a keyhole, surrounded by a ring of nodes.
    cx, cy = rng.randint(520, 680), 330
    ring = rng.randint(230, 260)
    draw.ellipse((cx - ring, cy - ring, cx + ring, cy + ring), outline=SKY, width=6)
    for i in range(12):
        angle = math.radians(i * 30 + rng.randint(0, 10))
        x, y = cx + ring * math.cos(angle), cy + ring * math.sin(angle)
        r = 16 if i % 3 else 24
        draw.ellipse((x - r, y - r, x + r, y + r), fill=GOLD if i % 3 == 0 else SKY)
    draw.polygon(
        [
            (cx - 150, cy - 150),
            (cx, cy - 200),
            (cx + 150, cy - 150),
            (cx + 140, cy + 40),
            (cx, cy + 190),
            (cx - 140, cy + 40),
        ],
        fill=WHITE,
    )
    draw.polygon(
        [
            (cx - 120, cy - 130),
            (cx, cy - 170),
            (cx + 120, cy - 130),
            (cx + 110, cy + 30),
            (cx, cy + 155),
            (cx - 110, cy + 30),
        ],
        fill=LINK,
    )
    draw.ellipse((cx - 38, cy - 80, cx + 38, cy - 4), fill=GOLD)
    draw.polygon(
        [(cx - 22, cy - 20), (cx + 22, cy - 20), (cx + 34, cy + 80), (cx - 34, cy + 80)], fill=GOLD
    )


def _report(draw, rng):
    _background(draw, rng, SURFACE_INFO, WHITE)
    # A document with lines and a bar chart that rises.
    dx = rng.randint(130, 220)
    draw.rectangle((dx + 20, 120, dx + 380, 600), fill=_mix(INK, WHITE, 0.8))
    draw.rectangle((dx, 100, dx + 360, 580), fill=WHITE, outline=INK, width=8)
    draw.rectangle((dx + 40, 140, dx + 240, 170), fill=BRAND)
    for i in range(7):
        y = 210 + i * 45
        draw.line(
            [(dx + 40, y), (dx + 320 - (i % 3) * 50, y)], fill=_mix(INK, WHITE, 0.5), width=10
        )
    base = 560
    heights = sorted(rng.sample(range(120, 400), 5))
    for i, h in enumerate(heights):
        x = 640 + i * 100
        draw.rectangle((x, base - h, x + 70, base), fill=(BRAND, LINK, SKY, BRAND, GOLD)[i])
    draw.line([(610, base), (1130, base)], fill=INK, width=8)
    draw.line(
        [(675, base - heights[0] - 40), (1075, base - heights[-1] - 60)], fill=CORAL, width=10
    )


def _water(draw, rng):
    _background(draw, rng, SURFACE_INFO, _mix(SKY, WHITE, 0.6))
    # Waves below, a pipe with a tap and a large drop.
    for i in range(5):
        y = 470 + i * 45
        colour = _mix(BRAND, SKY, i / 4)
        points = [(x, y + (18 if (x // 100) % 2 else -18)) for x in range(-100, WIDTH + 200, 100)]
        draw.line(points, fill=colour, width=26, joint="curve")
    py = rng.randint(150, 200)
    draw.rectangle((0, py, 620, py + 60), fill=_mix(INK, WHITE, 0.3))
    draw.rectangle((560, py, 620, py + 150), fill=_mix(INK, WHITE, 0.3))
    draw.rectangle((530, py - 40, 650, py - 10), fill=GOLD)
    cx, cy = rng.randint(820, 900), 250
    draw.ellipse((cx - 110, cy - 20, cx + 110, cy + 200), fill=SKY)
    draw.polygon([(cx - 96, cy + 50), (cx, cy - 150), (cx + 96, cy + 50)], fill=SKY)
    draw.ellipse((cx - 60, cy + 40, cx - 20, cy + 110), fill=_mix(SKY, WHITE, 0.6))
    draw.ellipse((575, py + 170, 605, py + 220), fill=SKY)


def _jobs(draw, rng):
    _background(draw, rng, _mix(GOLD, WHITE, 0.75), WHITE)
    # A group of people (heads and shoulders) and an arrow going up.
    colours = [BRAND, SKY, LINK, GREEN, CORAL]
    rng.shuffle(colours)
    for i in range(5):
        x = 170 + i * 150
        h = 0 if i % 2 else 40
        draw.ellipse((x - 45, 260 + h, x + 45, 350 + h), fill=_mix(INK, WHITE, 0.15))
        draw.pieslice((x - 85, 370 + h, x + 85, 600 + h), 180, 360, fill=colours[i])
    draw.rectangle((0, 485, WIDTH, HEIGHT), fill=INK)
    draw.line(
        [(900, 420), (1000, 300), (1060, 340), (1140, 160)], fill=BRAND, width=18, joint="curve"
    )
    draw.polygon([(1105, 160), (1160, 110), (1170, 185)], fill=BRAND)


def _transport(draw, rng):
    _background(draw, rng, _mix(SKY, WHITE, 0.7), WHITE)
    # A road with lane marks and an electric bus.
    draw.rectangle((0, 470, WIDTH, 620), fill=_mix(INK, WHITE, 0.25))
    for x in range(-40 + rng.randint(0, 60), WIDTH, 160):
        draw.rectangle((x, 540, x + 90, 552), fill=WHITE)
    bx = rng.randint(240, 380)
    draw.rounded_rectangle((bx, 230, bx + 620, 500), radius=40, fill=BRAND)
    draw.rectangle((bx, 440, bx + 620, 470), fill=SKY)
    for i in range(5):
        x = bx + 30 + i * 112
        draw.rounded_rectangle((x, 265, x + 92, 360), radius=10, fill=SURFACE_INFO)
    draw.line([(bx + 200, 230), (bx + 260, 160)], fill=INK, width=6)
    draw.line([(bx + 300, 230), (bx + 360, 160)], fill=INK, width=6)
    draw.line([(0, 160), (WIDTH, 160)], fill=INK, width=4)
    for x in (bx + 130, bx + 490):
        draw.ellipse((x - 55, 445, x + 55, 555), fill=INK)
        draw.ellipse((x - 22, 478, x + 22, 522), fill=SURFACE_MUTED)
    draw.polygon(
        [
            (bx + 560, 400),
            (bx + 590, 360),
            (bx + 580, 395),
            (bx + 600, 395),
            (bx + 570, 430),
            (bx + 578, 400),
        ],
        fill=GOLD,
    )


def _park(draw, rng):
    _background(draw, rng, _mix(SKY, WHITE, 0.75), WHITE)
    _ground(draw, 470, _mix(GREEN, WHITE, 0.35))
    # A sun, trees, a bench and a winding path.
    sx = rng.randint(900, 1050)
    draw.ellipse((sx - 60, 80, sx + 60, 200), fill=GOLD)
    draw.polygon(
        [(520, HEIGHT), (600, 560), (560, 470), (640, 470), (720, 560), (800, HEIGHT)],
        fill=SURFACE_MUTED,
    )
    for i in range(6):
        x = 80 + i * 200 + rng.randint(-30, 30)
        if 480 < x < 820:
            continue
        h = rng.randint(130, 190)
        draw.rectangle((x - 12, 470 - h + 60, x + 12, 490), fill=_mix(INK, CORAL, 0.3))
        r = rng.randint(60, 85)
        draw.ellipse(
            (x - r, 470 - h - r, x + r, 470 - h + r), fill=GREEN if i % 2 else _mix(GREEN, SKY, 0.3)
        )
    draw.rectangle((860, 520, 1040, 540), fill=BRAND)
    draw.rectangle((860, 490, 1040, 505), fill=BRAND)
    draw.rectangle((875, 540, 890, 580), fill=INK)
    draw.rectangle((1010, 540, 1025, 580), fill=INK)


def _heating(draw, rng):
    _background(draw, rng, _mix(CORAL, WHITE, 0.85), WHITE)
    # Apartment blocks with lit windows, a radiator and a thermometer.
    x = rng.randint(40, 90)
    for i in range(3):
        w, h = 200, 260 + i * 60
        draw.rectangle(
            (x, 600 - h, x + w, 600), fill=_mix(BRAND, WHITE, 0.15 * i), outline=INK, width=5
        )
        for row in range(1, h // 60):
            for col in range(3):
                lit = rng.random() < 0.6
                wx, wy = x + 22 + col * 60, 600 - h + row * 60 - 30
                draw.rectangle((wx, wy, wx + 36, wy + 36), fill=GOLD if lit else SURFACE_INFO)
        x += w + 30
    rx = 820
    for i in range(6):
        draw.rounded_rectangle((rx + i * 50, 330, rx + i * 50 + 36, 560), radius=14, fill=CORAL)
    draw.rectangle((rx - 10, 540, rx + 290, 560), fill=_mix(INK, WHITE, 0.3))
    draw.rounded_rectangle((1140, 90, 1170, 280), radius=15, fill=WHITE, outline=INK, width=5)
    draw.rectangle((1148, 150, 1162, 270), fill=CORAL)
    draw.ellipse((1125, 255, 1185, 315), fill=CORAL, outline=INK, width=5)


def _agriculture(draw, rng):
    _background(draw, rng, _mix(GOLD, WHITE, 0.7), WHITE)
    # Ploughed fields in stripes to the horizon, a tractor and the sun.
    horizon = rng.randint(330, 380)
    for i in range(8):
        colour = (GREEN, _mix(GOLD, CORAL, 0.3))[i % 2]
        left = -200 + i * 190
        draw.polygon(
            [
                (WIDTH / 2 - 40 + i * 12, horizon),
                (WIDTH / 2 - 28 + i * 12, horizon),
                (left + 190, HEIGHT),
                (left, HEIGHT),
            ],
            fill=colour,
        )
    draw.rectangle((0, horizon - 6, WIDTH, horizon), fill=GREEN)
    sx = rng.randint(150, 300)
    draw.ellipse((sx - 70, horizon - 220, sx + 70, horizon - 80), fill=GOLD)
    tx, ty = 760, horizon + 90
    draw.rectangle((tx, ty, tx + 200, ty + 80), fill=BRAND)
    draw.rectangle((tx + 110, ty - 80, tx + 190, ty), fill=BRAND)
    draw.rectangle((tx + 125, ty - 65, tx + 175, ty - 15), fill=SURFACE_INFO)
    draw.ellipse((tx + 110, ty + 30, tx + 230, ty + 150), fill=INK)
    draw.ellipse((tx - 10, ty + 60, tx + 70, ty + 140), fill=INK)
    draw.ellipse((tx + 150, ty + 70, tx + 190, ty + 110), fill=GOLD)


TOPICS = {
    "connectivity": _connectivity,
    "digital": _digital,
    "education": _education,
    "health": _health,
    "security": _security,
    "report": _report,
    "water": _water,
    "jobs": _jobs,
    "transport": _transport,
    "park": _park,
    "heating": _heating,
    "agriculture": _agriculture,
}


def illustration_png(topic: str, seed: str = "") -> bytes:
    """A 1200x675 PNG illustrating `topic` (a key of TOPICS); `seed` varies it."""
    try:
        drawing = TOPICS[topic]
    except KeyError:
        raise ValueError(f"no illustration for topic {topic!r}: one of {sorted(TOPICS)}") from None
    rng = random.Random(f"{topic}:{seed}")  # noqa: S311 - placeholder pictures, not secrets
    image = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    drawing(ImageDraw.Draw(image), rng)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
