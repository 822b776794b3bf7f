"""WCAG 2.x colour contrast: relative luminance and contrast ratio of sRGB colours.

https://www.w3.org/TR/WCAG22/#dfn-relative-luminance and #dfn-contrast-ratio.
Pure functions, no Django: the theme and the agency validation use the same numbers.
"""

import math

WHITE = "#FFFFFF"
BLACK = "#000000"
# WCAG 2.2 success criterion 1.4.3 (AA) for normal-size text.
AA_TEXT_RATIO = 4.5


def hex_to_rgb(colour: str) -> tuple[int, int, int]:
    """`#RRGGBB` (case-insensitive) as three integers 0–255; ValueError otherwise."""
    value = (colour or "").strip()
    if len(value) != 7 or not value.startswith("#"):
        raise ValueError(f"not a #RRGGBB colour: {colour!r}")
    return tuple(int(value[i : i + 2], 16) for i in (1, 3, 5))


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str | tuple[int, int, int]) -> float:
    """0.0 for black, 1.0 for white."""
    r, g, b = colour if isinstance(colour, tuple) else hex_to_rgb(colour)
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(first, second) -> float:
    """The WCAG contrast ratio of two colours, from 1.0 (same) to 21.0 (black/white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def format_ratio(ratio: float, threshold: float = AA_TEXT_RATIO) -> str:
    """The ratio as people write it, to two decimals: 4.478 → "4.48", 21.0 → "21".

    Never rounded up to the threshold: 4.4996 shows as "4.49", not "4.5", so that a
    failing colour never appears to pass.
    """
    shown = round(ratio, 2)
    if ratio < threshold <= shown:
        shown = math.floor(ratio * 100) / 100
    return f"{shown:.2f}".rstrip("0").rstrip(".")
