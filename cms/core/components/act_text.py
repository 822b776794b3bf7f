"""Parameters of the `act_text` component (`themes/templates/components/act_text/`):
the text of a legal act with an anchor on every heading and a table of contents.

Chapters, articles and sections are recognised in the three languages and get stable
ids, so that a link can point at an article of the act:

    «1-тарау», «Глава 1», «Chapter 1»           chapter-1
    «12-бап», «бап 12», «Статья 12», «Article 12»   article-12
    «12-1-бап», «Статья 12-1»                    article-12-1
    «1-бөлім», «Раздел 1», «Section 1», «Part 1»  section-1

Any other heading gets `heading-<n>` (its position among the headings). An id that
would repeat (two «Статья 1» in the annexes) gets a suffix: `article-1_2`.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from django.utils.safestring import mark_safe

HEADINGS = ("h2", "h3", "h4")
_NUMBER = r"(\d+(?:-\d+)*)"
# (kind, pattern): matched at the start of the heading's text, case-insensitively.
PATTERNS = [
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("chapter", rf"^{_NUMBER}\s*-?\s*тарау\b"),
        ("chapter", rf"^(?:тарау|глава|chapter)\s+{_NUMBER}\b"),
        ("article", rf"^{_NUMBER}\s*-?\s*бап\b"),
        ("article", rf"^(?:бап|статья|article)\s+{_NUMBER}\b"),
        ("section", rf"^{_NUMBER}\s*-?\s*бөлім\b"),
        ("section", rf"^(?:бөлім|раздел|section|part)\s+{_NUMBER}\b"),
    )
]
# A table of contents is worth showing from this many headings.
MIN_TOC_ENTRIES = 2


def anchor_for(text: str) -> str | None:
    """The id of a heading that names a chapter, article or section, else None."""
    text = " ".join(text.split())
    for kind, pattern in PATTERNS:
        match = pattern.match(text)
        if match:
            return f"{kind}-{match.group(1)}"
    return None


def act_text(
    html: str,
    *,
    lang: str = "",
    heading: str = "",
    toc_heading: str = "",
) -> dict:
    """The component's parameters for the act's text `html` (front-end HTML: Wagtail
    rich text already expanded, or HTML the importer cleaned).

    `lang`: the text's language when it differs from the page's (a fallback);
    `heading`: the name of the text's region; `toc_heading`: the heading of the table
    of contents. Returns `html` (the text with an id on every heading, safe), `toc` (a
    tree of {id, label, children}), `anchors` (every id, in order) and the labels."""
    soup = BeautifulSoup(html or "", "html.parser")
    used: set[str] = set()
    entries: list[tuple[int, str, str]] = []  # (level, id, label)
    for position, tag in enumerate(soup.find_all(HEADINGS), start=1):
        label = " ".join(tag.get_text(" ").split())
        if not label:
            continue
        base = anchor_for(label) or f"heading-{position}"
        anchor, n = base, 1
        while anchor in used:
            n += 1
            anchor = f"{base}_{n}"
        used.add(anchor)
        tag.attrs = {"id": anchor}
        entries.append((int(tag.name[1]), anchor, label))
    return {
        "html": mark_safe(str(soup)),  # noqa: S308 - the editor's rich text, ids added
        "toc": _toc(entries),
        "anchors": [anchor for _level, anchor, _label in entries],
        "lang": lang,
        "heading": heading,
        "toc_heading": toc_heading,
    }


def _toc(entries: list[tuple[int, str, str]]) -> list[dict]:
    """The two highest heading levels of the text, nested (articles under their
    chapter); deeper headings keep their anchors but stay out of the contents."""
    levels = sorted({level for level, _anchor, _label in entries})[:2]
    shown = [e for e in entries if e[0] in levels]
    if len(shown) < MIN_TOC_ENTRIES:
        return []
    toc: list[dict] = []
    for level, anchor, label in shown:
        node = {"id": anchor, "label": label, "children": []}
        if level == levels[0] or not toc:
            toc.append(node)
        else:
            toc[-1]["children"].append(node)
    return toc
