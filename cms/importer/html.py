"""HTML of an old site → the blocks of a page body (cms.pages.blocks.BodyBlock).

`convert(html)` returns a list of block specs, still with file paths instead of
images and documents (they are resolved when the record is written):

- `<h1>`–`<h3>` → a heading block (h1 becomes h2: the page title is the only h1);
- `<p>`, `<ul>`, `<ol>`, `<h4>`–`<h6>` (as h4) → rich text paragraphs, consecutive ones
  merged into one paragraph block;
- `<blockquote>` → a quotation block (its `<cite>` or `<footer>` is the attribution);
- `<img src alt>` (alone, in a paragraph, or in a `<figure>` with `<figcaption>`) →
  an image block with its alternative text and caption;
- a paragraph that is only a link to a file → a document block; a link to a file inside
  text → a document link in the rich text;
- `<table>` → a table block (a `<thead>` or `<th>` cells in the first row mark the header
  row, `<th>` cells in the first column the header column; `<caption>` is its caption).

Sanitising: only `b strong i em a br` inline and the blocks above survive; other tags
(div, span, font, section...) are unwrapped, keeping their text; every attribute but
`href`, `src` and `alt` is dropped. Content that could run code or embed other sites
(`script`, `style`, `iframe`, `object`, `form`..., `on*` attributes, `javascript:` or
`data:` addresses) rejects the record instead of being silently cut out, as does a
link that can be neither an absolute web address nor a file next to the JSON file (a
link without an address or to an anchor of the old page keeps only its text).
"""

import re
from dataclasses import dataclass, field
from html import escape

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from django.utils.translation import gettext_lazy as _

from cms.core.components.act_text import anchor_for

from .errors import RecordRejected

FORBIDDEN_TAGS = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "form",
        "input",
        "button",
        "textarea",
        "select",
        "link",
        "meta",
        "base",
        "svg",
        "math",
        "template",
        "noscript",
        "audio",
        "video",
        "canvas",
    }
)
INLINE_TAGS = {"b": "b", "strong": "b", "i": "i", "em": "i", "a": "a", "br": "br"}
TEXT_BLOCK_TAGS = {"p", "ul", "ol", "h4", "h5", "h6"}
HEADING_TAGS = {"h1": "h2", "h2": "h2", "h3": "h3"}
WEB_SCHEMES = ("http://", "https://", "mailto:", "tel:")
_DANGEROUS_SCHEME = re.compile(r"^\s*(javascript|data|vbscript|file)\s*:", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
FILE_PLACEHOLDER = "import-file:{index}"
_PLACEHOLDER = re.compile(r'id="import-file:(\d+)"')


@dataclass
class Body:
    """The converted body of one language: block specs and the files they reference."""

    blocks: list[dict] = field(default_factory=list)
    # Paths of documents linked from rich text, by their placeholder index.
    linked_files: list[str] = field(default_factory=list)

    def images(self) -> list[str]:
        return [b["value"]["file"] for b in self.blocks if b["type"] == "image"]

    def documents(self) -> list[str]:
        return [b["value"]["file"] for b in self.blocks if b["type"] == "document"] + list(
            self.linked_files
        )


def _text(node) -> str:
    return " ".join(node.get_text(" ").split())


def is_file_reference(url: str) -> bool:
    """A relative path (no scheme, not absolute, not an anchor) names a file."""
    url = url.strip()
    return bool(url) and not _SCHEME.match(url) and not url.startswith(("/", "#", "?"))


def check_safe(soup: BeautifulSoup) -> None:
    for tag in soup.find_all(True):
        if tag.name in FORBIDDEN_TAGS:
            raise RecordRejected(
                _("The HTML contains a forbidden <%(tag)s> element."), tag=tag.name
            )
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                raise RecordRejected(
                    _("The HTML contains a forbidden “%(attribute)s” attribute (scripts)."),
                    attribute=name,
                )
            if name in ("href", "src") and _DANGEROUS_SCHEME.match(str(value)):
                raise RecordRejected(
                    _("The HTML contains a forbidden address “%(url)s”."), url=str(value)[:60]
                )


class _Converter:
    def __init__(self):
        self.body = Body()
        self._paragraph: list[str] = []

    # --- output ----------------------------------------------------------------------
    def flush(self) -> None:
        html = "".join(self._paragraph).strip()
        self._paragraph = []
        if html:
            self.body.blocks.append({"type": "paragraph", "value": html})

    def add(self, block_type: str, value) -> None:
        self.flush()
        self.body.blocks.append({"type": block_type, "value": value})

    # --- inline ----------------------------------------------------------------------
    def link(self, tag: Tag, inner: str) -> str:
        href = (tag.get("href") or "").strip()
        if not href or href.startswith("#"):  # a named anchor or a link inside the old page
            return inner
        if href.startswith(WEB_SCHEMES):
            return f'<a href="{escape(href)}">{inner}</a>'
        if is_file_reference(href):
            index = len(self.body.linked_files)
            self.body.linked_files.append(href)
            placeholder = FILE_PLACEHOLDER.format(index=index)
            return f'<a linktype="document" id="{placeholder}">{inner}</a>'
        raise RecordRejected(
            _(
                "The link “%(url)s” cannot be imported: use a full https:// address or the "
                "path of a file next to the JSON file."
            ),
            url=href[:80],
        )

    def inline(self, node) -> str:
        if isinstance(node, Comment):
            return ""
        if isinstance(node, NavigableString):
            return escape(str(node), quote=False)
        if node.name == "img":
            raise RecordRejected(
                _("An image inside a list, table or link cannot be imported: put it on its own.")
            )
        inner = "".join(self.inline(child) for child in node.children)
        name = INLINE_TAGS.get(node.name)
        if name == "br":
            return "<br/>"
        if name == "a":
            return self.link(node, inner)
        if name:
            return f"<{name}>{inner}</{name}>" if inner.strip() else inner
        if node.name in ("ul", "ol"):
            items = "".join(
                f"<li>{self.inline(li)}</li>"
                for li in node.find_all("li", recursive=False)
                if _text(li)
            )
            return f"<{node.name}>{items}</{node.name}>" if items else ""
        return inner  # unwrap anything else

    # --- blocks ----------------------------------------------------------------------
    def image(self, img: Tag, caption: str = "") -> None:
        src = (img.get("src") or "").strip()
        if not is_file_reference(src):
            raise RecordRejected(
                _(
                    "The image “%(src)s” must be a file next to the JSON file, not an address "
                    "on the web."
                ),
                src=src[:80],
            )
        alt = " ".join((img.get("alt") or "").split())
        self.add("image", {"file": src, "alt": alt, "caption": caption})

    def text_block(self, tag: Tag) -> None:
        name = tag.name
        if name in ("h5", "h6"):
            name = "h4"
        if name == "p" and tag.find("img"):
            self.mixed_paragraph(tag)
            return
        if name == "p" and self.document_paragraph(tag):
            return
        inner = self.inline(tag) if name in ("ul", "ol") else None
        if inner is not None:
            self._paragraph.append(inner)
            return
        inner = "".join(self.inline(child) for child in tag.children).strip()
        if inner:
            self._paragraph.append(f"<{name}>{inner}</{name}>")

    def document_paragraph(self, tag: Tag) -> bool:
        """A paragraph holding only a link to a file becomes a document block."""
        elements = [
            c for c in tag.children if not (isinstance(c, NavigableString) and not c.strip())
        ]
        if len(elements) != 1 or not isinstance(elements[0], Tag) or elements[0].name != "a":
            return False
        href = (elements[0].get("href") or "").strip()
        if not is_file_reference(href):
            return False
        self.add("document", {"file": href, "title": _text(elements[0])})
        return True

    def mixed_paragraph(self, tag: Tag) -> None:
        """A paragraph with images: text before, the image, text after."""
        parts: list[str] = []

        def flush_text():
            inner = "".join(parts).strip()
            parts.clear()
            if inner:
                self._paragraph.append(f"<p>{inner}</p>")

        for child in tag.children:
            if isinstance(child, Tag) and child.name == "img":
                flush_text()
                self.image(child)
            else:
                parts.append(self.inline(child))
        flush_text()

    def quote(self, tag: Tag) -> None:
        """A quotation; its <cite> or <footer> names who said it."""
        source = tag.find(["cite", "footer"])
        attribution = _text(source) if source else ""
        if source:
            source.extract()
        text = "\n\n".join(_text(p) for p in (tag.find_all("p") or [tag]) if _text(p))
        if text:
            self.add("quote", {"text": text, "attribution": attribution})

    def table(self, tag: Tag) -> None:
        if tag.find("img"):
            raise RecordRejected(
                _("An image inside a list, table or link cannot be imported: put it on its own.")
            )
        rows = tag.find_all("tr")
        data = []
        for row in rows:
            data.append([_text(cell) for cell in row.find_all(["th", "td"], recursive=False)])
        width = max((len(r) for r in data), default=0)
        if not width:
            return
        data = [r + [""] * (width - len(r)) for r in data]
        first = rows[0].find_all(["th", "td"], recursive=False)
        header_row = tag.find("thead") is not None or all(c.name == "th" for c in first)
        header_col = len(rows) > 1 and all(
            (r.find(["th", "td"], recursive=False) or Tag(name="td")).name == "th" for r in rows[1:]
        )
        caption = tag.find("caption")
        self.add(
            "table",
            {
                "data": data,
                "first_row_is_table_header": header_row,
                "first_col_is_header": header_col,
                "table_caption": _text(caption) if caption else "",
                "cell": [],
                "mergedCells": [],
            },
        )

    def node(self, node) -> None:
        if isinstance(node, Comment):
            return
        if isinstance(node, NavigableString):
            if node.strip():
                self._paragraph.append(f"<p>{escape(node.strip(), quote=False)}</p>")
            return
        name = node.name
        if name in HEADING_TAGS:
            text = _text(node)
            if text:
                self.add("heading", {"text": text, "level": HEADING_TAGS[name]})
        elif name in TEXT_BLOCK_TAGS:
            self.text_block(node)
        elif name == "img":
            self.image(node)
        elif name == "figure":
            caption = node.find("figcaption")
            images = node.find_all("img")
            for img in images:
                self.image(img, _text(caption) if caption else "")
            if not images:  # a figure of something else (a table, a quotation...)
                for child in node.children:
                    if child is not caption:
                        self.node(child)
        elif name == "table":
            self.table(node)
        elif name == "blockquote":
            self.quote(node)
        elif name in INLINE_TAGS:
            inner = self.inline(node)
            if inner.strip():
                self._paragraph.append(f"<p>{inner}</p>")
        elif name == "hr":
            self.flush()
        else:  # div, section, span...: keep what they hold
            for child in node.children:
                self.node(child)


def convert(html: str) -> Body:
    soup = BeautifulSoup(html or "", "html.parser")
    check_safe(soup)
    converter = _Converter()
    for child in soup.children:
        converter.node(child)
    converter.flush()
    return converter.body


def resolve_document_links(html: str, document_ids: list[int]) -> str:
    """Put the ids of the imported documents in place of the file placeholders."""
    return _PLACEHOLDER.sub(lambda m: f'id="{document_ids[int(m.group(1))]}"', html)


# --- The text of a legal act -------------------------------------------------------------
# One rich text (LegalActPage.text): headings h2–h4 (chapters, articles), paragraphs and
# lists with `b i a br`. Links go to the web or to an anchor of the act itself
# ("#article-12"); files belong in the act's `files`, images and tables in its body.
ACT_TEXT_HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
MAX_ACT_TEXT_CHARS = 2_000_000
_ANCHOR = re.compile(r"^#[a-z][a-z0-9_-]{0,80}$")


class _ActTextConverter(_Converter):
    def link(self, tag: Tag, inner: str) -> str:
        href = (tag.get("href") or "").strip()
        if _ANCHOR.match(href):
            return f'<a href="{escape(href)}">{inner}</a>'
        if is_file_reference(href):
            raise RecordRejected(
                _(
                    "The act's text links to the file “%(url)s”: list the act's files in "
                    "“files” instead."
                ),
                url=href[:80],
            )
        return super().link(tag, inner)

    def act_node(self, node, out: list[str]) -> None:
        if isinstance(node, Comment):
            return
        if isinstance(node, NavigableString):
            if node.strip():
                out.append(f"<p>{escape(node.strip(), quote=False)}</p>")
            return
        name = node.name
        if name in ACT_TEXT_HEADINGS:
            text = _text(node)
            if text:
                level = ACT_TEXT_HEADINGS[name]
                out.append(f"<{level}>{escape(text, quote=False)}</{level}>")
        elif name in ("ul", "ol"):
            out.append(self.inline(node))
        elif name == "p" or name in INLINE_TAGS:
            inner = self.inline(node) if name != "p" else "".join(
                self.inline(child) for child in node.children
            )
            if inner.strip():
                out.append(f"<p>{inner.strip()}</p>")
        elif name in ("img", "figure", "table"):
            raise RecordRejected(
                _(
                    "The act's text cannot hold an image or a table (<%(tag)s>): put it in "
                    "the act's body."
                ),
                tag=name,
            )
        elif name == "hr":
            return
        else:  # div, section, blockquote, span...: keep what they hold
            for child in node.children:
                self.act_node(child, out)


def convert_act_text(html: str, name: str) -> str:
    """The import HTML of an act's text (field `name`, e.g. "text.kk") as the rich text
    of `LegalActPage.text`. Rejects what cannot be kept, and a text where two headings
    name the same article, chapter or section (their anchors would clash)."""
    if not (html or "").strip():
        return ""
    if len(html) > MAX_ACT_TEXT_CHARS:
        raise RecordRejected(
            _("The field “%(field)s” is longer than %(max)s characters."),
            field=name,
            max=MAX_ACT_TEXT_CHARS,
        )
    soup = BeautifulSoup(html, "html.parser")
    check_safe(soup)
    out: list[str] = []
    converter = _ActTextConverter()
    for child in soup.children:
        converter.act_node(child, out)
    seen: dict[str, str] = {}
    for heading in BeautifulSoup("".join(out), "html.parser").find_all(["h2", "h3", "h4"]):
        label = _text(heading)
        anchor = anchor_for(label)
        if anchor is None:
            continue
        if anchor in seen:
            raise RecordRejected(
                _(
                    "In “%(field)s”, the headings “%(first)s” and “%(second)s” name the same "
                    "part of the act: each chapter, article and section may appear once."
                ),
                field=name,
                first=seen[anchor][:80],
                second=label[:80],
            )
        seen[anchor] = label
    return "".join(out)
