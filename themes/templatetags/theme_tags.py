"""Python side of the theme: turns pages into the plain parameters components render.

Components only render what they are given; every query, URL and "is this the
current page" decision is made here, and the parameters themselves are built by the
components' presenters (`cms.core.components.<name>`).
"""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError
from wagtail.images.shortcuts import get_rendition_or_not_found

from cms.core import renditions
from cms.core.chrome import keep
from cms.core.components.card import card
from cms.core.components.contact_block import phone_href
from cms.core.components.search_box import search_box
from cms.core.languages import fallback_lang
from cms.navigation.menus import agency_menu, breadcrumbs, mark_current, portal
from cms.pages.agency_cache import cached_for_agency, cached_for_page
from themes import vi

register = template.Library()


@register.simple_tag
def rendition(image, spec):
    """``{% rendition image "width-960" as lead %}``: Wagtail's ``{% image ... as %}``
    without its cache write on every view (cms.core.renditions); a missing source file
    gives Wagtail's "not found" rendition, as the image tag does."""
    if not image:
        return ""
    try:
        return renditions.rendition(image, spec)
    except SourceImageIOError:
        return get_rendition_or_not_found(image, spec)


FOOTER = "components/footer/footer.html"
# Components this process rendered, by everything they render: {(template, language,
# autoescape, frozen parameters): html}, oldest first, at most RENDERED_MAX. A
# component renders only its parameters (the footer: the agency's contacts, its footer
# menu and the portal's links, all from the chrome's cached values; a news card: its
# item), so a change of them is a new key, never a stale fragment, and one agency's
# fragment is never another's.
RENDERED_MAX = 2048
_rendered: dict[tuple, str] = {}


_PLAIN = frozenset({str, int, float, bool, type(None)})


def _frozen(value):
    """A hashable image of a parameter (safe text kept apart from text that the
    template escapes; lazy text in the active language). Plain text, dicts and lists
    (most of a menu) are told by their exact type first: a key is made on every use."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is dict:
        return ("dict", tuple([(str(k), _frozen(v)) for k, v in value.items()]))
    if kind is list:
        return ("list", tuple([_frozen(v) for v in value]))
    if isinstance(value, dict):
        return ("dict", tuple(sorted((str(k), _frozen(v)) for k, v in value.items())))
    if isinstance(value, list | tuple):
        return ("list", tuple(_frozen(v) for v in value))
    if isinstance(value, SafeData):
        return ("safe", str(value))
    if isinstance(value, Promise):
        return ("text", str(value))
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise _Unkeyable(type(value))


class _Unkeyable(TypeError):
    """A parameter that is not plain data: the fragment is rendered, not remembered."""


def _render_once(context, name: str, params: dict, only: bool) -> str:
    """What ``{% include name with params %}`` (``only``: with nothing else of the
    context) renders, rendered once per process for each language and parameters."""
    template = context.template.engine.get_template(name)
    try:
        key = (name, get_language(), context.autoescape, only, _frozen(params))
    except _Unkeyable:
        return _render(template, context, params, only)
    html = _rendered.get(key)
    if html is None:
        html = _render(template, context, params, only)
        keep(_rendered, key, html, RENDERED_MAX)
    return html


def _render(template, context, params: dict, only: bool) -> str:
    if only:
        return template.render(context.new(params))
    with context.push(**params):
        return template.render(context)


@register.simple_tag(takes_context=True)
def site_footer(context, **params):
    """The footer component with these parameters, as ``{% include %}`` renders it (it
    reads nothing else of the context)."""
    return _render_once(context, FOOTER, params, only=False)


@register.simple_tag(takes_context=True)
def render_once(context, name, **params):
    """``{% include name with params only %}``, rendered once per process for each
    language and parameters: for a component that reads nothing but its parameters."""
    return _render_once(context, name, params, only=True)


VI_PANEL = "components/header/vi_panel.html"
# Stands for the page's own part of the panel's links while it is rendered (letters
# only: HTML escaping leaves it as it is, and no label or URL holds it).
_VI_NEXT_SLOT = "viNextQuerySlot"


@register.simple_tag(takes_context=True)
def vi_panel_html(context, params):
    """``{% include "components/header/vi_panel.html" with vi=params only %}``.
    Every link of the panel ends with the page's own "next=<path>" (`next_query`,
    themes.vi.panel): the panel is rendered once per language and settings with a
    slot in its place, and the page's query put in the slot."""
    tail = params.get("next_query") if isinstance(params, dict) else None
    if not tail:
        return _render_once(context, VI_PANEL, {"vi": params}, only=True)
    html = _render_once(context, VI_PANEL, {"vi": _slotted(params, tail)}, only=True)
    return mark_safe(html.replace(_VI_NEXT_SLOT, conditional_escape(tail)))  # noqa: S308


def _slotted(value, tail: str):
    """`value` with `tail` replaced by the slot in every string."""
    if isinstance(value, dict):
        return {k: _slotted(v, tail) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_slotted(v, tail) for v in value]
    if isinstance(value, str) and not isinstance(value, SafeData | Promise):
        return value.replace(tail, _VI_NEXT_SLOT)
    return value


@register.simple_tag(takes_context=True)
def news_card(context, **params):
    """``{% include "components/news_card/news_card.html" with ... only %}``, rendered
    once per process for each card."""
    return _render_once(context, "components/news_card/news_card.html", params, only=True)


@register.tag
def agency_fragment(parser, token):
    """``{% agency_fragment "name" page %}...{% endagency_fragment %}``: the enclosed
    template, rendered once per version of the agency of `page`, language and site
    (cms.pages.agency_cache: any publication in the agency, its menus and quick
    links, its record, the platform, privacy retire it) and then served as HTML.
    Only for what the agency's cached values and the page's own published fields
    determine: nothing of the visitor (no CSRF token, no user, no query string).
    A preview renders it afresh (the page shown is a draft)."""
    return _fragment(parser, token, "endagency_fragment", per_page=False)


@register.tag
def page_fragment(parser, token):
    """``{% page_fragment "name" page %}...{% endpage_fragment %}``: the enclosed
    template, rendered once per version of `page` as `agency_fragment` keeps it, and
    per address (scheme, host, path), visually-impaired settings and script
    (cms.pages.agency_cache.cached_for_page; a plain save of the page retires it
    too). The same rule: nothing of the visitor, nothing of the query string (a
    page's body, its breadcrumbs, its foot; never a form with a CSRF token, never a
    list filtered or paged by the query unless `name` names the query's values, as
    `listing_key` does). A name that is empty: rendered afresh; a preview too."""
    return _fragment(parser, token, "endpage_fragment", per_page=True)


@register.tag
def page_fragment_absolute(parser, token):
    """``{% page_fragment_absolute "name" page %}``: `page_fragment` for a part that
    holds addresses built from the request's scheme and host (the share links):
    kept per host, for the hosts the platform knows only
    (cms.pages.agency_cache.cached_for_page)."""
    return _fragment(parser, token, "endpage_fragment_absolute", per_page=True, absolute=True)


def _fragment(parser, token, end: str, *, per_page: bool, absolute: bool = False):
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a name and a page")
    nodelist = parser.parse((end,))
    parser.delete_first_token()
    name, page = (parser.compile_filter(bit) for bit in bits[1:])
    return FragmentNode(nodelist, name, page, per_page, absolute)


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, page, per_page: bool, absolute: bool):
        self.nodelist, self.name, self.page = nodelist, name, page
        self.per_page, self.absolute = per_page, absolute

    def render(self, context):
        request = context.get("request")
        page, name = self.page.resolve(context), self.name.resolve(context)
        if not name or request is None or page is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)  # (no name: a part that is not kept)
        name = f"html:{name}:{page.pk}:{int(context.autoescape)}"

        def build():
            return str(self.nodelist.render(context))

        if not self.per_page:
            return cached_for_agency(name, page, request, build)
        variant = request_variant(request)
        return cached_for_page(name, page, request, build, variant, absolute=self.absolute)


def request_variant(request) -> str:
    """What of the request, besides its address, a page's cached part may show: the
    visually-impaired settings (normalised) and the script (``kk-latn``)."""
    script = getattr(request, "script_variant", None)
    return f"{vi.cache_variant(request)}|{script.prefix if script is not None else ''}"


def _url(page, request):
    return page.get_url(request=request) or ""


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """Parameters of the header and footer for the current page (or none)."""
    request = context.get("request")
    page = context.get("page")
    agency = context.get("agency")
    portal_chrome = portal(request)
    portal_url = portal_chrome["url"]
    chrome = {
        "portal_url": portal_url,
        "home_url": portal_url,
        "title": context.get("platform_name", ""),
        "subtitle": _("Websites of government bodies of the Republic of Kazakhstan"),
        "nav_items": [],
        "agency": None,
        # The search of what the header names: the portal's, or the agency's own.
        "search_url": portal_url + "search/",
        "footer_columns": [],
        "portal_links": portal_chrome["links"],
    }
    if agency is None:
        return chrome
    home = agency.home_page
    chrome["home_url"] = _url(home, request)
    chrome["search_url"] = chrome["home_url"] + "search/"
    chrome["layout"] = agency.header_layout
    chrome["title"] = agency.name
    chrome["subtitle"] = agency.parent.name if agency.parent_id else _("Official website")
    chrome["agency"] = {
        "name": agency.name,
        "address": agency.address,
        "phone": agency.phone,
        "phone_href": phone_href(agency.phone),
        "email": agency.email,
    }
    menu = agency_menu(agency, request)
    current_path = page.path if page is not None else ""
    # "page" on the page itself, "true" anywhere below it.
    chrome["nav_items"] = mark_current(menu["items"], current_path)
    chrome["footer_columns"] = menu["columns"]
    return chrome


@register.simple_tag(takes_context=True)
def breadcrumb_items(context, page):
    """Ancestors of `page` from the root of the site being served, each {title, url}
    (cms.navigation.menus.breadcrumbs, cached)."""
    return breadcrumbs(page, context.get("request"))


@register.simple_tag(takes_context=True)
def page_cards(context, pages):
    """Pages as card parameters: {title, url, text, meta, datetime, lang} (`lang`:
    the language of a title shown in another language, a fallback)."""
    request = context.get("request")
    language = get_language()
    return [
        card(
            item.title,
            _url(item, request),
            text=getattr(item, "intro", ""),
            date=getattr(item, "date", None),
            lang=fallback_lang(item, "title", language),
        )
        for item in pages
    ]


@register.simple_tag(takes_context=True)
def vi_classes(context):
    """Classes for <html> from the visually-impaired cookie ("" in the normal version)."""
    return vi.html_classes(vi.from_request(context.get("request")))


@register.simple_tag(takes_context=True)
def vi_panel(context):
    """Parameters of the header's visually-impaired panel (links to /a11y/)."""
    return vi.panel(context.get("request"))


@register.simple_tag(takes_context=True)
def home_search_box(context, agency=None) -> dict:
    """The search box at the top of a home page, from the search_box presenter: the
    portal's searches every body; an agency's searches its own site (its suggestions
    asked with ?agency=<slug>)."""
    chrome = context.get("chrome") or {}
    suggest_url = reverse("search-suggest")
    if agency is not None:
        suggest_url += "?" + urlencode({"agency": agency.slug})
        label = _("Search this website")
    else:
        label = _("Search all government bodies")
    return search_box(
        chrome.get("search_url", ""), suggest_url=suggest_url, input_id="home-search-q", label=label
    )
