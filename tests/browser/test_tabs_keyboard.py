"""The tabs component on the demo's events section (/kk/digital/events/): the ARIA
Authoring Practices keyboard model with JavaScript, every panel visible without it."""

import pytest

from .conftest import VIEWPORTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

EVENTS = "/kk/digital/events/"
FOCUS_STYLE_JS = """el => {
  const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineWidth, s.backgroundColor, s.boxShadow].join(' | ');
}"""


@pytest.fixture
def page(tabs, live_site):
    page = tabs("desktop", "normal")
    page.goto(live_site(EVENTS))
    yield page


def focused_id(page):
    return page.evaluate("() => document.activeElement && document.activeElement.id")


def selected(page):
    return page.locator("[role=tab][aria-selected=true]").get_attribute("id")


def visible_panels(page):
    return [p.get_attribute("id") for p in page.locator("[role=tabpanel]").all() if p.is_visible()]


def test_tabs_have_roles_and_a_roving_tabindex(page):
    tablist = page.locator("[role=tablist]")
    assert tablist.count() == 1 and tablist.is_visible()
    assert tablist.get_attribute("aria-label")
    tabs = page.locator("[role=tab]")
    assert tabs.count() == 2
    assert [t.get_attribute("tabindex") for t in tabs.all()] == ["0", "-1"]
    assert selected(page) == "events-upcoming-tab"
    assert visible_panels(page) == ["events-upcoming"]
    panel = page.locator("#events-upcoming")
    assert panel.get_attribute("aria-labelledby") == "events-upcoming-tab"


def test_arrow_keys_home_and_end_move_and_select(page):
    page.locator("#events-upcoming-tab").focus()
    page.keyboard.press("ArrowRight")
    assert focused_id(page) == selected(page) == "events-past-tab"
    assert visible_panels(page) == ["events-past"]
    assert page.locator("#events-upcoming-tab").get_attribute("tabindex") == "-1"
    page.keyboard.press("ArrowRight")  # wraps around
    assert focused_id(page) == selected(page) == "events-upcoming-tab"
    page.keyboard.press("ArrowLeft")  # wraps backwards
    assert focused_id(page) == selected(page) == "events-past-tab"
    page.keyboard.press("Home")
    assert focused_id(page) == selected(page) == "events-upcoming-tab"
    page.keyboard.press("End")
    assert focused_id(page) == selected(page) == "events-past-tab"
    assert visible_panels(page) == ["events-past"]


def test_tab_key_enters_the_selected_tab_then_its_panel_with_a_visible_focus(page):
    page.locator("#events-past-tab").click()
    page.locator("h1").click()  # start from the heading above the tabs
    before = page.locator("#events-past-tab").evaluate(FOCUS_STYLE_JS)
    page.keyboard.press("Tab")
    assert focused_id(page) == "events-past-tab"  # only the selected tab is in the Tab order
    after = page.locator("#events-past-tab").evaluate(FOCUS_STYLE_JS)
    assert after != before and "solid" in after
    page.keyboard.press("Tab")
    assert focused_id(page) == "events-past"  # the panel itself comes next


def test_without_javascript_every_panel_and_heading_is_shown(browser, live_site):
    context = browser.new_context(viewport=VIEWPORTS["mobile"], java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_site(EVENTS))
        assert not page.locator("[data-tabs-list]").is_visible()
        assert page.locator("[role=tab]").count() == 0
        for panel in ("events-upcoming", "events-past"):
            assert page.locator(f"#{panel}").is_visible()
            assert page.locator(f"#{panel}-heading").is_visible()
        assert page.locator("#events-past .card").count() >= 1
    finally:
        context.close()
