"""Theme views: the per-agency stylesheet (brand colour as CSS custom properties, no
inline style), the component catalogue and the visually-impaired settings."""

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import http_date, url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

from cms.tenants.colours import contrast_ratio
from cms.tenants.models import HEX_COLOUR, Agency

from . import vi
from .catalogue import load_components, render_example

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


def contrast(a, b) -> float:
    """WCAG contrast of two colours: the one rule of the platform, shared with the
    brand-colour validation of agencies (cms.tenants.colours)."""
    return contrast_ratio(a, b)


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


def can_see_catalogue(user) -> bool:
    """Staff and Wagtail admin users; everyone when DEBUG is on."""
    if settings.DEBUG:
        return True
    return user.is_authenticated and (user.is_staff or user.has_perm("wagtailadmin.access_admin"))


@require_safe
def catalogue(request):
    """Every example of every component (`?component=<name>` for one component;
    `?examples=<language>` for the examples in one language, as the accessibility
    suite checks each example once per viewport, on its own language's page)."""
    if not can_see_catalogue(request.user):
        raise Http404("No catalogue here")
    components = load_components(request.GET.get("component"))
    if not components:
        raise Http404("No such component")
    only = request.GET.get("examples")
    if only is not None:
        if only not in dict(settings.LANGUAGES):
            raise Http404("No such language")
        for component in components:
            # A component without an example in that language keeps all of its own.
            component.examples = [e for e in component.examples if e.lang == only] or (
                component.examples
            )
    sections = [
        {
            "name": component.name,
            "summary": component.summary,
            "examples": [
                {
                    "id": f"{component.name}-{index}",
                    "name": example.name,
                    "lang": example.lang,
                    "rows": example.rows(component.parameters),
                    "html": render_example(component, example),
                }
                for index, example in enumerate(component.examples, start=1)
            ],
        }
        for component in components
    ]
    response = render(request, "theme/catalogue.html", {"sections": sections})
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def a11y(request):
    """Store the visually-impaired settings in a cookie and go back to `next`.

    `/a11y/?text=large&contrast=dark&spacing=wide&images=off&next=/kk/` changes the
    given settings and keeps the others; `?reset=1` returns to the normal version.
    Plain links reach it, so it works without JavaScript.
    """
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    response["Cache-Control"] = "no-store"
    if request.GET.get("reset"):
        response.delete_cookie(vi.COOKIE_NAME, samesite="Lax")
        return response
    current = vi.from_request(request)
    current.update(vi.clean(request.GET))
    value = vi.serialize(current)
    if value:
        response.set_cookie(
            vi.COOKIE_NAME,
            value,
            max_age=vi.COOKIE_MAX_AGE,
            samesite="Lax",
            secure=request.is_secure(),
            httponly=True,
        )
    else:
        response.delete_cookie(vi.COOKIE_NAME, samesite="Lax")
    return response
