"""Version for the visually impaired: settings kept in a cookie, turned into classes.

The settings are four independent choices. They travel as query parameters to the
`/a11y/` view (plain links, so everything works without JavaScript), which stores
them in the `vi` cookie as `text:large|contrast:dark|...`; `vi_classes` turns the
cookie into classes on <html> (`vi vi-text-large vi-contrast-dark ...`) and the
theme's stylesheet does the rest. Values that are not listed here are ignored.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

COOKIE_NAME = "vi"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60
# setting -> allowed values; the first one is the default (no class).
CHOICES: dict[str, tuple[str, ...]] = {
    "text": ("normal", "large", "larger"),
    "contrast": ("normal", "light", "dark"),
    "spacing": ("normal", "wide"),
    "images": ("on", "off"),
}


_QUERIES = {
    (key, value): urlencode({key: value}) for key, values in CHOICES.items() for value in values
}


def defaults() -> dict[str, str]:
    return {key: values[0] for key, values in CHOICES.items()}


def clean(values) -> dict[str, str]:
    """Only the known settings with allowed values (a mapping or QueryDict)."""
    return {key: values.get(key) for key, allowed in CHOICES.items() if values.get(key) in allowed}


def parse_cookie(raw: str | None) -> dict[str, str]:
    """The full settings from the cookie value, defaults for anything missing or bad."""
    pairs = {}
    for item in (raw or "").split("|"):
        key, _sep, value = item.partition(":")
        pairs[key] = value
    return {**defaults(), **clean(pairs)}


def serialize(settings: dict[str, str]) -> str:
    """Cookie value holding only the settings that differ from the defaults."""
    base = defaults()
    return "|".join(f"{k}:{v}" for k, v in settings.items() if k in base and v != base[k])


def from_request(request) -> dict[str, str]:
    if request is None:
        return defaults()
    return parse_cookie(request.COOKIES.get(COOKIE_NAME))


def cache_variant(request) -> str:
    """The page cache's key for the version shown (settings.PAGE_CACHE_VARIANT): the
    normalised settings, "" for the normal version, whatever the raw cookie says."""
    if "HTTP_COOKIE" not in request.META or not request.COOKIES.get(COOKIE_NAME):
        return ""  # the normal version: most requests, read on every page cache hit
    return serialize(from_request(request))


def html_classes(settings: dict[str, str]) -> str:
    base = defaults()
    changed = [f"vi-{k}-{v}" for k, v in settings.items() if v != base[k]]
    return " ".join(["vi", *changed]) if changed else ""


def _labels():
    return {
        "text": (
            _("Text size"),
            {"normal": _("Normal"), "large": _("Large"), "larger": _("Very large")},
        ),
        "contrast": (
            _("Colours"),
            {"normal": _("Normal"), "light": _("Black on white"), "dark": _("White on black")},
        ),
        "spacing": (_("Spacing"), {"normal": _("Normal"), "wide": _("Wide")}),
        "images": (_("Images"), {"on": _("Shown"), "off": _("Hidden")}),
    }


def panel(request) -> dict:
    """Parameters of the header's visually-impaired panel for the current request."""
    current = from_request(request)
    next_path = request.get_full_path() if request is not None else "/"
    url = reverse("theme-a11y")
    # (urlencode({key: value, "next": path}) with the "next" part encoded once a page)
    tail = urlencode({"next": next_path})
    groups = []
    for key, (label, options) in _labels().items():
        groups.append(
            {
                "label": label,
                "options": [
                    {
                        "label": option_label,
                        "url": f"{url}?{_QUERIES[key, value]}&{tail}",
                        "current": current[key] == value,
                    }
                    for value, option_label in options.items()
                ],
            }
        )
    return {
        "groups": groups,
        "reset_url": f"{url}?{urlencode({'reset': '1'})}&{tail}",
        "active": current != defaults(),
        # The page's own part of every link: the rest is the same on every page, so
        # the panel is rendered once per language and settings (theme_tags.vi_panel_html).
        "next_query": tail,
    }
