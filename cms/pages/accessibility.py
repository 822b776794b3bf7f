"""Accessibility checks an editor's content must pass before it is published.

Pure functions over the StreamField values of a page, one language at a time; each
returns a list of `Problem`s naming what is wrong, where and in which language:

- an image without alternative text (or with a file name as its text);
- headings that skip a level (the page title is the h1, so the body starts at h2);
- a link whose text is empty or only a vague phrase ("here", "мұнда", "подробнее");
- a table without a header row (or header column);
- a call to action or related link whose link text is empty or vague;
- headings inside an accordion's panels that skip a level;
- a video without a title (its frame would have no accessible name).

`TranslatedPageForm` runs them when an editor publishes (drafts are not checked); the
browser tests run axe on the rendered pages for everything else.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.conf import settings
from django.utils.translation import gettext as _

from cms.core.languages import REQUIRED, has_content

from .languages import LANGUAGE_NAMES

IMAGE_ALT = "image_alt"
HEADING_ORDER = "heading_order"
LINK_TEXT = "link_text"
TABLE_HEADER = "table_header"
VIDEO_TITLE = "video_title"

# Link texts that do not say where the link goes (compared case-insensitively, without
# surrounding spaces and punctuation).
VAGUE_LINK_TEXTS = frozenset(
    {
        # en
        "here",
        "click here",
        "click",
        "more",
        "read more",
        "learn more",
        "link",
        "this link",
        # kk
        "мұнда",
        "осында",
        "толығырақ",
        "мұнда басыңыз",
        "сілтеме",
        # ru
        "здесь",
        "тут",
        "подробнее",
        "далее",
        "читать далее",
        "нажмите здесь",
        "ссылка",
    }
)
_EDGE_PUNCTUATION = " \t\n.,:;!?…→←»«>\"'“”()[]-–—"
_FILE_NAME = re.compile(r"\.(jpe?g|png|gif|webp|svg|avif|tiff?|bmp|heic)$", re.IGNORECASE)
_HEADING_TAG = re.compile(r"^h([1-6])$")


@dataclass(frozen=True)
class Problem:
    code: str
    language: str
    message: str
    # Where it is: the position of the block in the body and, for a struct block, the
    # child field the editor must change.
    index: int | None = None
    field: str | None = None


def language_name(language: str) -> str:
    return str(LANGUAGE_NAMES.get(language, language))


def normalise_link_text(text: str) -> str:
    return " ".join((text or "").split()).strip(_EDGE_PUNCTUATION).casefold()


def is_vague_link_text(text: str) -> bool:
    return normalise_link_text(text) in VAGUE_LINK_TEXTS


# --- Rich text ---------------------------------------------------------------------


class _RichTextScanner(HTMLParser):
    """The headings and links of a rich text fragment, in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, int, str]] = []  # ("heading", level, text) / ("link", 0, text)
        self._open: list[tuple[str, int, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        heading = _HEADING_TAG.match(tag)
        if heading:
            self._open.append(("heading", int(heading.group(1)), []))
        elif tag == "a":
            self._open.append(("link", 0, []))

    def handle_endtag(self, tag):
        kind = "link" if tag == "a" else "heading" if _HEADING_TAG.match(tag) else None
        if kind is None:
            return
        for position in range(len(self._open) - 1, -1, -1):
            if self._open[position][0] == kind:
                kind, level, parts = self._open.pop(position)
                self.items.append((kind, level, " ".join("".join(parts).split())))
                return

    def handle_data(self, data):
        for _kind, _level, parts in self._open:
            parts.append(data)

    def close(self):
        super().close()
        while self._open:  # unclosed tags: what they hold still counts
            kind, level, parts = self._open.pop(0)
            self.items.append((kind, level, " ".join("".join(parts).split())))


def scan_rich_text(value) -> list[tuple[str, int, str]]:
    source = getattr(value, "source", value) or ""
    scanner = _RichTextScanner()
    scanner.feed(str(source))
    scanner.close()
    return scanner.items


# --- The checks, one body in one language ------------------------------------------


def check_images(body, language: str) -> list[Problem]:
    problems = []
    for index, child in enumerate(body or []):
        if child.block_type != "image":
            continue
        image = child.value.get("image")
        if image is None:
            continue
        alt = (child.value.get("alt") or "").strip()
        params = {"image": image.title, "language": language_name(language)}
        if not alt:
            message = _("Image “%(image)s” has no alternative text in %(language)s.") % params
        elif _FILE_NAME.search(alt):
            message = (
                _(
                    "The alternative text of image “%(image)s” in %(language)s is a file name: "
                    "describe what the image shows."
                )
                % params
            )
        else:
            continue
        problems.append(Problem(IMAGE_ALT, language, message, index=index, field="alt"))
    return problems


def _level_problem(language, index, field, text, level, previous) -> Problem | None:
    params = {"heading": text, "level": level, "language": language_name(language)}
    if level == 1:
        message = _(
            "The heading “%(heading)s” in %(language)s is a level 1 heading: the page title "
            "is the only one. Use level 2."
        )
    elif previous is None and level > 2:
        message = _(
            "The first heading “%(heading)s” in %(language)s is level %(level)s: the body "
            "must start with a level 2 heading (the page title is level 1)."
        )
    elif previous is not None and level > previous + 1:
        params["previous"] = previous
        message = _(
            "The heading “%(heading)s” in %(language)s is level %(level)s but follows a "
            "level %(previous)s heading: heading levels must not be skipped."
        )
    else:
        return None
    return Problem(HEADING_ORDER, language, message % params, index=index, field=field)


def check_headings(body, language: str) -> list[Problem]:
    """Heading blocks and rich text headings, in order, starting from the h1 title."""
    problems = []
    previous = None
    for index, child in enumerate(body or []):
        if child.block_type == "heading":
            match = _HEADING_TAG.match(child.value.get("level") or "")
            text = " ".join((child.value.get("text") or "").split())
            headings = [(int(match.group(1)), text, "level")] if match and text else []
        elif child.block_type == "paragraph":
            headings = [
                (level, text, None)
                for kind, level, text in scan_rich_text(child.value)
                if kind == "heading" and text
            ]
        elif child.block_type == "accordion":
            # The panels' headings continue the page's outline where the accordion is.
            headings = [
                (level, text, None)
                for item in child.value or []
                for kind, level, text in scan_rich_text(item.get("body"))
                if kind == "heading" and text
            ]
        else:
            continue
        for level, text, field in headings:
            problem = _level_problem(language, index, field, text, level, previous)
            if problem is not None:
                problems.append(problem)
            previous = level
    return problems


def _link_problem(language, index, field, text) -> Problem | None:
    params = {"text": text, "language": language_name(language)}
    if not normalise_link_text(text):
        message = _("A link in %(language)s has no text: say where it goes.") % params
    elif is_vague_link_text(text):
        message = (
            _(
                "The link text “%(text)s” in %(language)s does not say where the link goes: "
                "use the name of the page or document."
            )
            % params
        )
    else:
        return None
    return Problem(LINK_TEXT, language, message, index=index, field=field)


def check_links(body, language: str) -> list[Problem]:
    problems = []
    for index, child in enumerate(body or []):
        if child.block_type == "paragraph":
            texts = [
                (text, None) for kind, _l, text in scan_rich_text(child.value) if kind == "link"
            ]
        elif child.block_type == "document":
            # An empty title shows the document's own title, which is fine.
            title = child.value.get("title") or ""
            texts = [(title, "title")] if title.strip() else []
        elif child.block_type == "accordion":
            texts = [
                (text, None)
                for item in child.value or []
                for kind, _l, text in scan_rich_text(item.get("body"))
                if kind == "link"
            ]
        elif child.block_type == "call_to_action":
            # A call to action always shows its link text: it must say where it leads.
            has_link = child.value.get("link_page") or child.value.get("link_url")
            texts = [(child.value.get("link_text") or "", "link_text")] if has_link else []
        elif child.block_type == "link":
            # A related link: an empty text shows the page's title, which is fine.
            text = child.value.get("text") or ""
            texts = [(text, "text")] if text.strip() else []
        else:
            continue
        for text, field in texts:
            problem = _link_problem(language, index, field, text)
            if problem is not None:
                problems.append(problem)
    return problems


def table_has_header(value) -> bool:
    value = value or {}
    if "first_row_is_table_header" in value or "first_col_is_header" in value:
        return bool(value.get("first_row_is_table_header") or value.get("first_col_is_header"))
    return value.get("table_header_choice") in ("row", "col", "column", "both")


def check_tables(body, language: str) -> list[Problem]:
    problems = []
    for index, child in enumerate(body or []):
        if child.block_type != "table" or table_has_header(child.value):
            continue
        caption = " ".join(((child.value or {}).get("table_caption") or "").split())
        params = {"caption": caption, "position": index + 1, "language": language_name(language)}
        if caption:
            message = _(
                "The table “%(caption)s” in %(language)s has no header row: mark its first "
                "row (or first column) as headers."
            )
        else:
            message = _(
                "The table in block %(position)s in %(language)s has no header row: mark its "
                "first row (or first column) as headers."
            )
        problems.append(Problem(TABLE_HEADER, language, message % params, index=index))
    return problems


def check_videos(body, language: str) -> list[Problem]:
    problems = []
    for index, child in enumerate(body or []):
        if child.block_type != "video" or " ".join((child.value.get("title") or "").split()):
            continue
        params = {"position": index + 1, "language": language_name(language)}
        message = (
            _(
                "The video in block %(position)s in %(language)s has no title: say what it "
                "is about (screen readers announce the title)."
            )
            % params
        )
        problems.append(Problem(VIDEO_TITLE, language, message, index=index, field="title"))
    return problems


def check_calls_to_action(body, language: str) -> list[Problem]:
    """A call to action without any link (its link text would lead nowhere)."""
    problems = []
    for index, child in enumerate(body or []):
        if child.block_type != "call_to_action":
            continue
        if child.value.get("link_page") or child.value.get("link_url"):
            continue
        params = {"position": index + 1, "language": language_name(language)}
        message = (
            _(
                "The call to action in block %(position)s in %(language)s has no link: choose "
                "a page or enter an address."
            )
            % params
        )
        problems.append(Problem(LINK_TEXT, language, message, index=index, field="link_url"))
    return problems


CHECKS = (
    check_images,
    check_headings,
    check_links,
    check_tables,
    check_videos,
    check_calls_to_action,
)


def check_body(body, language: str) -> list[Problem]:
    """Every problem of one body (a StreamValue) in one language, in block order."""
    problems = [problem for check in CHECKS for problem in check(body, language)]
    return sorted(problems, key=lambda p: (p.index is None, p.index or 0))


def languages_to_check(bodies: dict) -> list[str]:
    """The required languages always; the others (en) when their body is filled."""
    return [
        language
        for language in bodies
        if language in REQUIRED or has_content(bodies[language])
    ]


def check_translations(bodies: dict) -> list[Problem]:
    """`bodies` maps a language to its body: {"kk": page.body_kk, "ru": ..., "en": ...}."""
    return [
        problem
        for language in languages_to_check(bodies)
        if bodies[language] is not None
        for problem in check_body(bodies[language], language)
    ]


def translated_stream_fields(model) -> list[str]:
    """The base names of the model's translated StreamFields (e.g. ["body"])."""
    from modeltranslation.translator import NotRegistered, translator
    from wagtail.fields import StreamField

    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    return sorted(
        name for name in options.all_fields if isinstance(model._meta.get_field(name), StreamField)
    )


def check_page(page) -> list[Problem]:
    """Every problem of a page's translated StreamFields, language by language."""
    codes = [code for code, _name in settings.LANGUAGES]
    return [
        problem
        for name in translated_stream_fields(type(page))
        for problem in check_translations(
            {code: getattr(page, f"{name}_{code}", None) for code in codes}
        )
    ]
