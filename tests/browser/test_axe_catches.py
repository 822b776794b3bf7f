"""The axe check is proven to catch what it is there to catch: a deliberately broken
example, which exists only here, must produce violations."""

import pytest
from django.conf import settings
from django.template.loader import render_to_string

from .conftest import AXE_OPTIONS, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def broken_example(live_site) -> str:
    """The real figure and card components, broken: the image has lost its alt text
    and a test-only rule puts light grey text on white (about 1.6:1)."""
    figure = render_to_string(
        "components/figure/figure.html",
        {"src": "/static/theme/icons/emblem.svg", "alt": "REMOVED", "width": 64, "height": 64},
    ).replace(' alt="REMOVED"', "")
    card = render_to_string(
        "components/card/card.html", {"title": "Budget", "url": "/en/", "meta": "20.11.2026"}
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
    <title>Broken example</title>
    <link rel="stylesheet" href="{live_site("/static/theme/css/theme.css")}">
    <style>.card__meta {{ color: #d0d0d0; }}</style></head>
    <body><main><h1>Broken example</h1>{figure}{card}</main></body></html>"""


def test_axe_finds_missing_alt_and_low_contrast(tabs, live_site, axe):
    page = tabs("desktop", "normal")
    page.goto(live_site("/static/theme/css/theme.css"))  # same origin for the <link>
    page.set_content(broken_example(live_site), wait_until="load")
    found = {violation["id"] for violation in run_axe(axe, page)}
    assert {"image-alt", "color-contrast"} <= found, found


def test_run_axe_reports_what_axe_playwright_python_reports(tabs, live_site, axe):
    """`run_axe` (axe.min.js evaluated once per document, only the violations sent
    back) gives the violations of axe_playwright_python's own `Axe.run` with the same
    options, on the broken example: the same rules, the same nodes, the same texts."""
    page = tabs("desktop", "normal")
    page.goto(live_site("/static/theme/css/theme.css"))  # same origin for the <link>
    page.set_content(broken_example(live_site), wait_until="load")
    ours = run_axe(axe, page)
    again = run_axe(axe, page)  # axe already in the document: not evaluated again
    theirs = axe.run(page, options=AXE_OPTIONS).response["violations"]
    assert {violation["id"] for violation in ours} >= {"image-alt", "color-contrast"}
    assert ours == again == theirs


def test_axe_finds_a_component_broken_in_place(browser, live_site, axe):
    """The same on the live catalogue page: remove one alt and break one colour."""
    context = browser.new_context(bypass_csp=True)
    host = live_site.url.split("//", 1)[1].split(":")[0]
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": live_site.staff_session,
                "domain": host,
                "path": "/",
            }
        ]
    )
    page = context.new_page()
    try:
        page.goto(live_site("/en/catalogue/?component=figure"))
        assert run_axe(axe, page) == []
        page.locator(".figure__image").first.evaluate("img => img.removeAttribute('alt')")
        page.add_style_tag(content=".figure__caption { color: #cccccc !important; }")
        found = {violation["id"] for violation in run_axe(axe, page)}
    finally:
        context.close()
    assert {"image-alt", "color-contrast"} <= found, found
