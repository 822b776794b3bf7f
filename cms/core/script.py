"""Kazakh in the 2021 Latin alphabet: the same pages at ``/kk-latn/...`` (issue 16).

Why a URL prefix and not a cookie: a ``/kk-latn/`` page is an address of its own, so
it can be linked, bookmarked, named in ``hreflang`` alternates, indexed, and stored
by the page cache and a CDN like any page (a cookie would make every Kazakh page
vary on it, and a shared link would open in the other script).

How it works
------------
`ScriptVariantMiddleware` sits just inside the page cache (whose key holds the
``/kk-latn/`` path, so kk and kk-Latn are stored apart, and whose generations are
those of the agency segment, so retiring kk retires kk-Latn too). For a path under a
variant prefix it

1. serves the request as the base language: ``/kk-latn/minfin/`` runs as
   ``/kk/minfin/`` (routing, templates, menus and caches see plain kk) with
   ``request.script_variant`` set;
2. converts the HTML response (`latin_html`): text and the attributes people read
   (title, alt, aria-label, placeholder, aria-description, label, the description
   and Open Graph texts of meta) of Kazakh elements, i.e. wherever the nearest
   ``lang`` is ``kk``: text in another language (``lang="ru"`` fallback content, a
   switcher entry in ``translate="no"``) stays as it is. Scripts, styles, textareas,
   URLs and form values are never touched. ``lang="kk"`` becomes ``lang="kk-Latn"``;
3. keeps the visitor in the variant: links (``a[href]``, ``form[action]``, the
   canonical link, ``og:url``, and ``data-*-url``, the addresses scripts fetch) and
   redirects to ``/kk/...`` on this host go to
   ``/kk-latn/...``; an element with ``hreflang`` names a language version on
   purpose (alternates, the language switcher) and keeps its address.

The converter is the standard library's HTML tokenizer (html.parser): the markup
is copied as it came, only the tags whose attributes change are written anew
(escaped), so the page stays as valid as it was. Cost: README, "Kazakh in Latin".
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .languages import ScriptVariant, script_variant
from .translit import latin_text

__all__ = [
    "ScriptVariantMiddleware",
    "display_text",
    "display_url",
    "latin_html",
    "variant_of_path",
]

# Attributes that hold text for people (and data-label-*: texts scripts show).
TEXT_ATTRIBUTES = frozenset(
    {"title", "alt", "aria-label", "aria-description", "placeholder", "label"}
)
# <meta> whose content is text for people (by name or property).
TEXT_META = frozenset(
    {
        "description",
        "og:title",
        "og:description",
        "og:site_name",
        "twitter:title",
        "twitter:description",
    }
)
# Where an address keeps the visitor in the variant.
LINK_ATTRIBUTES = {"a": "href", "area": "href", "form": "action"}
# Content never converted: code, and what the visitor typed.
RAW_ELEMENTS = frozenset({"script", "style", "textarea", "template"})
VOID_ELEMENTS = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr",
    }
)  # fmt: skip


def variant_of_path(path: str) -> ScriptVariant | None:
    """The script variant whose prefix starts `path` (``/kk-latn/...``), else None."""
    first = path.lstrip("/").split("/", 1)[0]
    return script_variant(first) if first else None


class _Converter(HTMLParser):
    def __init__(self, variant: ScriptVariant, rewrite_url):
        super().__init__(convert_charrefs=False)
        self.variant = variant
        self.rewrite_url = rewrite_url
        self.out: list[str] = []
        # (tag, converting?) of the open elements; the page itself is in the language.
        self.stack: list[tuple[str, bool]] = []
        self.converting = True
        self.raw = 0

    # -- state --------------------------------------------------------------------
    def _element_converts(self, attrs: dict) -> bool:
        if (attrs.get("translate") or "").lower() == "no":
            return False
        lang = attrs.get("lang")
        if lang is None:
            return self.converting
        return lang.lower() == self.variant.language

    def _restore(self) -> None:
        self.converting = self.stack[-1][1] if self.stack else True
        self.raw = sum(1 for tag, _c in self.stack if tag in RAW_ELEMENTS)

    # -- tags ---------------------------------------------------------------------
    def _tag(self, tag: str, attrs: list, closing: bool) -> bool:
        """Write the start tag (converted when needed); True if it converts."""
        values = dict(attrs)
        converts = self._element_converts(values)
        changed = []
        has_hreflang = "hreflang" in values
        for name, value in attrs:
            new = value
            if value is not None:
                if converts and (name in TEXT_ATTRIBUTES or name.startswith("data-label")):
                    new = latin_text(value)
                elif converts and name == "lang" and value.lower() == self.variant.language:
                    new = self.variant.tag
                elif (
                    name == "content"
                    and tag == "meta"
                    and (values.get("name") or values.get("property") or "").lower() in TEXT_META
                    and converts
                ):
                    new = latin_text(value)
                elif not has_hreflang and self._is_link(tag, name, values):
                    new = self.rewrite_url(value)
            changed.append((name, new))
        if changed == attrs:
            self.out.append(self.get_starttag_text())
        else:
            parts = [f"<{tag}"]
            for name, value in changed:
                parts.append(f" {name}" if value is None else f' {name}="{escape(value)}"')
            parts.append(" />" if closing else ">")
            self.out.append("".join(parts))
        return converts

    @staticmethod
    def _is_link(tag: str, name: str, values: dict) -> bool:
        if LINK_ATTRIBUTES.get(tag) == name:
            return True
        if name.startswith("data-") and name.endswith("-url"):
            return True  # an address scripts fetch (the search box's suggestions)
        if tag == "link" and name == "href":
            return (values.get("rel") or "").lower() == "canonical"
        return tag == "meta" and name == "content" and values.get("property") == "og:url"

    def handle_starttag(self, tag, attrs):
        converts = self._tag(tag, attrs, closing=False)
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, converts))
            self.converting = converts
            if tag in RAW_ELEMENTS:
                self.raw += 1

    def handle_startendtag(self, tag, attrs):
        self._tag(tag, attrs, closing=True)

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                self._restore()
                break

    # -- text and the rest, copied --------------------------------------------------
    def handle_data(self, data):
        self.out.append(latin_text(data) if self.converting and not self.raw else data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


def latin_html(html: str, variant: ScriptVariant, rewrite_url=lambda url: url) -> str:
    """`html` with its `variant.language` text in the variant's script (module doc);
    `rewrite_url` maps the addresses that keep the visitor in the variant."""
    converter = _Converter(variant, rewrite_url)
    converter.feed(html)
    converter.close()
    return "".join(converter.out)


def url_rewriter(variant: ScriptVariant, host: str):
    """A function that moves ``/kk/...`` addresses (relative, or absolute on `host`,
    the request's host with its port) to ``/kk-latn/...``, and so the ``next=`` of
    a link (the visually-impaired settings return there); every other address is
    returned as it is."""
    base = f"/{variant.language}"
    target = f"/{variant.prefix}"

    def move(path: str) -> str | None:
        if path == base or path.startswith(base + "/"):
            return target + path[len(base) :]
        return None

    def rewrite(url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme not in ("", "http", "https"):
            return url
        changed = False
        if not parts.netloc or parts.netloc.lower() == host.lower():
            moved = move(parts.path) if parts.path.startswith("/") else None
            if moved is not None:
                parts, changed = parts._replace(path=moved), True
        if "next=" in parts.query:
            query = parse_qsl(parts.query, keep_blank_values=True)
            moved_query = [(k, (move(v) or v) if k == "next" else v) for k, v in query]
            if moved_query != query:
                parts, changed = parts._replace(query=urlencode(moved_query)), True
        return urlunsplit(parts) if changed else url

    return rewrite


class ScriptVariantMiddleware:
    """Serve ``/<variant prefix>/...`` as the base language, converted (module doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        variant = variant_of_path(request.path_info)
        if variant is None:
            return self.get_response(request)
        old = request.path_info
        new = f"/{variant.language}" + old[len(variant.prefix) + 1 :]
        request.path = request.path[: len(request.path) - len(old)] + new
        request.path_info = new
        request.META["PATH_INFO"] = new
        request.script_variant = variant
        response = self.get_response(request)
        return convert_response(request, response, variant)


def convert_response(request, response, variant: ScriptVariant):
    rewrite = url_rewriter(variant, request.get_host())
    if "Location" in response:
        response["Location"] = rewrite(response["Location"])
    if response.get("Content-Language") == variant.language:
        response["Content-Language"] = variant.tag
    content_type = response.get("Content-Type", "")
    if (
        response.streaming
        or not content_type.startswith("text/html")
        or response.has_header("Content-Encoding")  # compressed: not ours to read
    ):
        return response
    charset = response.charset
    html = response.content.decode(charset)
    response.content = latin_html(html, variant, rewrite).encode(charset)
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    return response


# --- For views that answer JSON (the search box's suggestions) ----------------------
def display_text(request, text: str, language: str) -> str:
    """`text` in `language` as a page of the request's script variant shows it:
    Kazakh text converted under ``/kk-latn/``; anything else as it is."""
    variant = getattr(request, "script_variant", None)
    if variant is None or language != variant.language or not text:
        return text
    return latin_text(text)


def display_url(request, url: str) -> str:
    """`url` kept in the request's script variant (``/kk/x/`` → ``/kk-latn/x/``)."""
    variant = getattr(request, "script_variant", None)
    if variant is None or not url:
        return url
    return url_rewriter(variant, request.get_host())(url)
