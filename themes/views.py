"""The per-agency stylesheet: brand colour as CSS custom properties, no inline style."""

from django.http import Http404, HttpResponse
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from cms.tenants.models import HEX_COLOUR, Agency

DEFAULT_BRAND = "#00577B"
WHITE = (255, 255, 255)
NEAR_BLACK = (11, 12, 12)
# Text on --brand-dark and --brand-dark as text on white must both reach WCAG AA.
AA_TEXT = 4.5
CACHE_SECONDS = 60 * 60


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def _hex(rgb) -> str:
    return "#" + "".join(f"{round(c):02x}" for c in rgb)


def _luminance(rgb) -> float:
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def darken_for_white_text(rgb, ratio: float = AA_TEXT):
    """The brand colour, darkened just enough for white text on it to reach `ratio`."""
    factor = 1.0
    shade = rgb
    while contrast(shade, WHITE) < ratio and factor > 0:
        factor -= 0.05
        shade = tuple(c * factor for c in rgb)
    return shade


def brand_properties(brand_colour: str) -> dict[str, str]:
    colour = brand_colour if HEX_COLOUR.match(brand_colour or "") else DEFAULT_BRAND
    rgb = _rgb(colour)
    dark = darken_for_white_text(rgb, 7.0)
    return {
        "--brand": colour.lower(),
        "--brand-dark": _hex(dark),
        "--brand-on": "#ffffff" if contrast(rgb, WHITE) >= AA_TEXT else _hex(NEAR_BLACK),
    }


@require_safe
def agency_css(request, slug: str):
    agency = Agency.objects.filter(slug=slug, status=Agency.Status.ACTIVE).first()
    if agency is None:
        raise Http404("No such agency")
    properties = brand_properties(agency.brand_colour)
    body = ":root {\n" + "".join(f"  {k}: {v};\n" for k, v in properties.items()) + "}\n"
    response = HttpResponse(body, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    response["Last-Modified"] = http_date(agency.updated_at.timestamp())
    return response
