"""Keyboard use of an agency home page (desktop, normal mode, JavaScript on), and the
version for the visually impaired with JavaScript off."""

import pytest

from .conftest import format_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

AGENCY_HOME = "/kk/digital/"
INTERACTIVE = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"
# What a focus indicator can change: outline, box-shadow, background, text colour.
FOCUS_STYLE_JS = """el => {
  const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow,
          s.backgroundColor, s.color, s.textDecorationLine].join(' | ');
}"""


@pytest.fixture
def page(tabs, live_site):
    page = tabs("desktop", "normal")
    page.goto(live_site(AGENCY_HOME))
    yield page
    # The VI panel test chooses large text, which the server stores in a `vi` cookie:
    # the shared desktop context must go on showing the normal version.
    page.context.clear_cookies(name="vi")


def active(page, expression: str):
    return page.evaluate(f"() => {{ const el = document.activeElement; return {expression}; }}")


def test_skip_link_is_first_and_moves_focus_to_main(page):
    page.keyboard.press("Tab")
    assert active(page, "el.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert active(page, "el.id") == "main-content"
    # The next Tab continues inside main, not back at the top of the page.
    page.keyboard.press("Tab")
    assert active(page, "!!el.closest('main')") is True


def test_every_interactive_element_is_reachable_with_a_visible_focus(page):
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    expected = page.evaluate(
        """selector => {
          const visible = el => el.getClientRects().length > 0 && !el.closest('[hidden]');
          return [...document.querySelectorAll(selector)].filter(visible).map((el, i) => {
            el.dataset.tabCheck = String(i);
            return i;
          });
        }""",
        INTERACTIVE,
    )
    assert len(expected) > 15
    unfocused = {
        index: page.locator(f"[data-tab-check='{index}']").evaluate(FOCUS_STYLE_JS)
        for index in expected
    }
    reached, no_indicator = [], []
    for _step in range(len(expected) + 5):
        page.keyboard.press("Tab")
        index = active(page, "el.dataset.tabCheck")
        if index is None:
            continue
        index = int(index)
        if index in reached:
            break
        reached.append(index)
        focused = page.locator(f"[data-tab-check='{index}']").evaluate(FOCUS_STYLE_JS)
        if focused == unfocused[index]:
            no_indicator.append(
                page.locator(f"[data-tab-check='{index}']").evaluate(
                    "el => el.outerHTML.slice(0, 120)"
                )
            )
    missing = sorted(set(expected) - set(reached))
    assert not missing, "not reachable by Tab: " + ", ".join(
        page.locator(f"[data-tab-check='{i}']").evaluate("el => el.outerHTML.slice(0, 120)")
        for i in missing
    )
    assert reached == sorted(reached), "Tab order does not follow the document order"
    assert not no_indicator, f"no visible focus indicator: {no_indicator}"


def test_vi_disclosure_opens_with_enter_and_space_and_closes_with_escape(page, axe):
    toggle = page.locator("[data-vi-toggle]")
    panel = page.locator("[data-vi-panel]")
    assert toggle.is_visible() and panel.is_hidden()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert toggle.get_attribute("aria-controls") == panel.get_attribute("id")
    for _tab in range(10):
        page.keyboard.press("Tab")
        if active(page, "el.hasAttribute('data-vi-toggle')"):
            break
    else:
        pytest.fail("the visually-impaired toggle is not reachable by Tab")

    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true" and panel.is_visible()
    violations = run_axe(axe, page)
    assert not violations, "open panel:\n" + format_violations(violations)
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false" and panel.is_hidden()
    assert active(page, "el.hasAttribute('data-vi-toggle')")

    page.keyboard.press(" ")
    assert toggle.get_attribute("aria-expanded") == "true" and panel.is_visible()
    page.keyboard.press("Tab")
    assert active(page, "!!el.closest('[data-vi-panel]')"), "Tab goes into the open panel"
    page.keyboard.press("Escape")
    assert panel.is_hidden() and active(page, "el.hasAttribute('data-vi-toggle')")

    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # "Large" in the text size group
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "vi-text-large" in page.locator("html").get_attribute("class")
    assert page.url.endswith(AGENCY_HOME)


def test_vi_mode_works_without_javascript(browser, live_site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 812})
    page = context.new_page()
    try:
        page.goto(live_site("/ru/digital/about/"))
        assert page.locator("[data-vi-toggle]").is_hidden()
        panel = page.locator("[data-vi-panel]")
        assert panel.is_visible(), "without JavaScript the panel is shown as plain links"
        assert page.locator("html").get_attribute("class") is None

        panel.locator("a[href*='text=larger']").click()
        panel.locator("a[href*='contrast=dark']").click()
        panel.locator("a[href*='spacing=wide']").click()
        panel.locator("a[href*='images=off']").click()
        assert page.url == live_site("/ru/digital/about/")
        classes = page.locator("html").get_attribute("class").split()
        assert set(classes) == {
            "vi",
            "vi-text-larger",
            "vi-contrast-dark",
            "vi-spacing-wide",
            "vi-images-off",
        }
        cookie = next(c for c in context.cookies() if c["name"] == "vi")
        assert set(cookie["value"].strip('"').split("|")) == {
            "text:larger",
            "contrast:dark",
            "spacing:wide",
            "images:off",
        }
        styles = page.evaluate(
            """() => {
              const html = getComputedStyle(document.documentElement);
              const body = getComputedStyle(document.body);
              const img = document.querySelector('img');
              return {fontSize: html.fontSize, background: body.backgroundColor,
                      color: body.color, letterSpacing: body.letterSpacing,
                      img: img ? getComputedStyle(img).display : 'none'};
            }"""
        )
        assert styles == {
            "fontSize": "24px",
            "background": "rgb(0, 0, 0)",
            "color": "rgb(255, 255, 255)",
            "letterSpacing": styles["letterSpacing"],
            "img": "none",
        }
        assert styles["letterSpacing"] not in ("normal", "0px")
        page.locator("[data-vi-panel] a[href*='contrast=light']").click()
        assert "vi-contrast-light" in page.locator("html").get_attribute("class")
        # The choice follows the visitor to other pages, and the reset link ends it.
        page.goto(live_site("/kk/digital/"))
        assert "vi-contrast-light" in page.locator("html").get_attribute("class")
        page.locator("[data-vi-panel] a[href*='reset=1']").click()
        assert page.locator("html").get_attribute("class") is None
        assert page.url == live_site("/kk/digital/")
    finally:
        context.close()


@pytest.mark.parametrize(
    "vi_cookie",
    ["", "text:larger|contrast:dark|spacing:wide|images:off", "text:larger|contrast:light"],
)
def test_panel_as_shown_without_javascript_passes_axe(browser, live_site, axe, vi_cookie):
    """axe needs JavaScript, so the page runs with it but without theme.js: the panel is
    then shown as it is without JavaScript. Both high-contrast schemes are checked."""
    context = browser.new_context(viewport={"width": 375, "height": 812})
    context.route("**/theme/js/theme.js", lambda route: route.abort())
    if vi_cookie:
        context.add_cookies([{"name": "vi", "value": vi_cookie, "url": live_site.url}])
    page = context.new_page()
    try:
        page.goto(live_site("/kk/digital/about/"))
        assert page.locator("[data-vi-panel]").is_visible()
        violations = run_axe(axe, page)
    finally:
        context.close()
    assert not violations, f"panel without theme.js ({vi_cookie}):\n" + format_violations(
        violations
    )
