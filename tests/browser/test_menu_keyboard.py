"""The main menu by keyboard in real Chromium (demo agency `digital`, whose menu has
submenus): disclosure buttons open with Enter and Space, close with Escape (focus back
on the button) and on an outside click, one at a time; the mobile "Menu" button; the
menu without JavaScript; axe with a submenu open."""

import pytest

from .conftest import format_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

HOME = "/kk/digital/"
SUB_BUTTONS = "[data-submenu-button]"
FOCUS_STYLE_JS = """el => {
  const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineWidth, s.boxShadow, s.backgroundColor, s.color].join('|');
}"""


def active(page, expression: str):
    return page.evaluate(f"() => {{ const el = document.activeElement; return {expression}; }}")


def tab_to(page, selector: str, limit: int = 60) -> None:
    for _step in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} is not reachable by Tab")


def submenu_of(page, button):
    return page.locator("#" + button.get_attribute("aria-controls"))


@pytest.fixture
def desktop(tabs, live_site):
    page = tabs("desktop", "normal")
    page.goto(live_site(HOME))
    yield page


@pytest.fixture
def mobile(tabs, live_site):
    page = tabs("mobile", "normal")
    page.goto(live_site(HOME))
    yield page


def test_submenu_opens_with_enter_and_space_and_closes_with_escape(desktop, axe):
    page = desktop
    first = page.locator(SUB_BUTTONS).first
    panel = submenu_of(page, first)
    assert first.is_visible() and panel.is_hidden()
    assert first.get_attribute("aria-expanded") == "false"
    assert page.locator("[data-menu-button]").is_hidden()  # desktop: no "Menu" button

    unfocused = first.evaluate(FOCUS_STYLE_JS)
    tab_to(page, SUB_BUTTONS)
    assert first.evaluate(FOCUS_STYLE_JS) != unfocused, "no visible focus on the button"
    # The button comes right after its top link in the Tab order.
    page.keyboard.press("Shift+Tab")
    assert active(page, "el.classList.contains('main-nav__link')")
    assert active(page, "el.parentNode.contains(document.querySelector('[data-submenu-button]'))")
    page.keyboard.press("Tab")

    page.keyboard.press("Enter")
    assert first.get_attribute("aria-expanded") == "true" and panel.is_visible()
    violations = run_axe(axe, page)
    assert not violations, "open submenu:\n" + format_violations(violations)
    page.keyboard.press("Tab")
    assert active(page, "!!el.closest('[data-submenu]')"), "Tab goes into the open submenu"
    link_style = page.evaluate("() => document.activeElement.matches('a')")
    assert link_style
    page.keyboard.press("Escape")
    assert first.get_attribute("aria-expanded") == "false" and panel.is_hidden()
    assert active(page, "el === document.querySelector('[data-submenu-button]')")

    page.keyboard.press(" ")
    assert first.get_attribute("aria-expanded") == "true" and panel.is_visible()
    page.keyboard.press("Escape")
    assert panel.is_hidden()


def test_only_one_submenu_is_open_and_an_outside_click_closes_it(desktop):
    page = desktop
    buttons = page.locator(SUB_BUTTONS)
    assert buttons.count() >= 2
    first, second = buttons.nth(0), buttons.nth(1)
    first.click()
    assert submenu_of(page, first).is_visible()
    second.click()
    assert submenu_of(page, second).is_visible()
    assert submenu_of(page, first).is_hidden()
    assert first.get_attribute("aria-expanded") == "false"
    page.locator("main h1, main").first.click(position={"x": 5, "y": 5})
    assert submenu_of(page, second).is_hidden()
    assert second.get_attribute("aria-expanded") == "false"


def test_focus_leaving_the_item_closes_its_submenu(desktop):
    page = desktop
    first = page.locator(SUB_BUTTONS).first
    tab_to(page, SUB_BUTTONS)
    page.keyboard.press("Enter")
    links = submenu_of(page, first).locator("a").count()
    for _link in range(links + 1):
        page.keyboard.press("Tab")
    assert submenu_of(page, first).is_hidden()


def test_mobile_menu_button_shows_and_hides_the_menu(mobile, axe):
    page = mobile
    button = page.locator("[data-menu-button]")
    menu = page.locator("[data-menu-list]")
    assert button.is_visible() and menu.is_hidden()
    assert button.get_attribute("aria-controls") == menu.get_attribute("id")
    tab_to(page, "[data-menu-button]")
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true" and menu.is_visible()
    # The submenu buttons work inside the open menu too.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert active(page, "el.hasAttribute('data-submenu-button')") or active(
        page, "el.classList.contains('main-nav__link')"
    )
    sub = page.locator(SUB_BUTTONS).first
    sub.focus()
    page.keyboard.press("Space")
    assert submenu_of(page, sub).is_visible()
    violations = run_axe(axe, page)
    assert not violations, "open mobile menu:\n" + format_violations(violations)
    page.keyboard.press("Escape")  # closes the submenu first
    assert submenu_of(page, sub).is_hidden() and menu.is_visible()
    page.keyboard.press("Escape")  # then the menu, focus back on its button
    assert menu.is_hidden() and button.get_attribute("aria-expanded") == "false"
    assert active(page, "el.hasAttribute('data-menu-button')")


@pytest.mark.parametrize(
    "viewport", [{"width": 375, "height": 812}, {"width": 1280, "height": 900}]
)
def test_menu_works_without_javascript(browser, live_site, viewport):
    context = browser.new_context(java_script_enabled=False, viewport=viewport)
    page = context.new_page()
    try:
        page.goto(live_site(HOME))
        assert page.locator("[data-menu-button]").is_hidden()
        assert page.locator("[data-menu-list]").is_visible()
        assert page.locator(SUB_BUTTONS).first.is_hidden()
        link = page.locator(".main-nav__link[href='/kk/digital/about/']")
        assert link.is_visible()
        link.click()
        assert page.url == live_site("/kk/digital/about/")
    finally:
        context.close()


def test_reduced_motion_turns_off_the_chevron_transition(desktop):
    duration = desktop.locator(SUB_BUTTONS).first.evaluate(
        "el => getComputedStyle(el, '::before').transitionDuration"
    )
    assert duration in ("0s", "1e-05s")
