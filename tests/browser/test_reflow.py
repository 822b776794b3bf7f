"""WCAG 1.4.10 Reflow: at 320 CSS px no public page scrolls sideways, in the normal
and in the visually-impaired mode (large text, white on black, wide spacing).

One page of every page type (the same pages as the axe matrix, test_pages_axe.py), in
Kazakh (the longest words), Russian and English (its own words, and the Russian
fallback notice). A failure names the elements that stick out of
the viewport, so the stylesheet to fix is plain. Wide content that may scroll inside
its own box (a table in a labelled region) does not count: only what widens the page.
"""

import pytest

from .conftest import VIEWPORTS
from .test_pages_axe import PAGE_TYPES, PAGES, demo_path

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WIDTH = VIEWPORTS["reflow"]["width"]
LANGS = ("kk", "ru", "en")
MODES = ("normal", "vi")

# The elements (outermost first, at most 8) whose right edge passes the viewport and
# that no scrolling box of their own contains: what makes the page wider.
OFFENDERS_JS = """
(width) => {
  // Inside a box that scrolls or clips it; an absolutely positioned element only when
  // that box (or a box between) is positioned, else it escapes the box.
  const clips = (el) => {
    let positioned = getComputedStyle(el).position !== 'absolute';
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.position === 'fixed') return true;
      if (s.position !== 'static') positioned = true;
      if (positioned && s.overflowX !== 'visible' && s.overflowX !== 'clip') return true;
    }
    return false;
  };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    [...el.classList].map(c => '.' + c).join('');
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 0.5 || clips(el)) continue;
    if (out.some(o => o.el.contains(el))) continue;
    out.push({el, text: name(el) + ' (right edge ' + Math.round(r.right) + ' px, width ' +
              Math.round(r.width) + ' px)'});
    if (out.length >= 8) break;
  }
  return out.map(o => o.text);
}
"""


def _paths(lang: str) -> dict[str, str]:
    paths = {}
    for name, path in PAGES.items():
        paths[name] = path[lang] if isinstance(path, dict) else path
    for label in PAGE_TYPES:
        paths[label] = demo_path(label)
    return paths


@pytest.fixture(scope="module")
def reflow_pages(contexts):
    """One tab per mode, reused for every page."""
    tabs = {mode: contexts("reflow", mode).new_page() for mode in MODES}
    yield tabs
    for tab in tabs.values():
        tab.close()


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("lang", LANGS)
def test_no_page_scrolls_sideways_at_320px(reflow_pages, live_site, lang, mode):
    tab = reflow_pages[mode]
    problems = []
    checked = 0
    for name, path in _paths(lang).items():
        response = tab.goto(live_site(f"/{lang}/{path}"), wait_until="load")
        assert response is not None and response.status == 200, tab.url
        if mode == "vi":
            assert "vi-contrast-dark" in (tab.locator("html").get_attribute("class") or "")
        scroll_width = tab.evaluate("document.documentElement.scrollWidth")
        if scroll_width > WIDTH:
            offenders = tab.evaluate(OFFENDERS_JS, WIDTH)
            problems.append(
                f"{name} {tab.url}: scrollWidth {scroll_width} px\n    "
                + "\n    ".join(offenders or ["(no single element found)"])
            )
        checked += 1
    assert checked == len(PAGES) + len(PAGE_TYPES)
    assert not problems, (
        f"{len(problems)} of {checked} pages scroll sideways at {WIDTH} px "
        f"({lang}, {mode}):\n" + "\n".join(problems)
    )
