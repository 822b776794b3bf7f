"""Form pages in real Chromium: an empty submission shows the error summary, which
takes focus without any JavaScript of ours (server-rendered, `autofocus`); each of
its links moves focus to its field; the error state and the confirmation pass axe."""

import pytest

from .conftest import format_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LANGS = ("kk", "ru", "en")
APPEAL = "/{lang}/digital/appeals/online-appeal/"
FEEDBACK = "/{lang}/digital/appeals/site-feedback/"


def _submit_empty(page, url):
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200
    with page.expect_navigation(wait_until="load"):
        page.click("#form-submit")


@pytest.mark.parametrize("lang", LANGS)
def test_error_summary_takes_focus_and_links_focus_fields(tabs, live_site, lang):
    page = tabs("desktop", "normal")
    _submit_empty(page, live_site(APPEAL.format(lang=lang)))
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert summary.get_attribute("role") == "alert"
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator("html").get_attribute("lang") == lang
    hrefs = summary.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs == ["#id_name", "#id_email", "#id_subject", "#id_message", "#id_consent"]
    for href in hrefs:
        page.locator(f'.error-summary a[href="{href}"]').click()
        assert page.evaluate("document.activeElement.id") == href[1:]
        field = page.locator(href)
        assert field.get_attribute("aria-invalid") == "true"
        assert field.is_visible()
        # The error message is what the field announces.
        described = field.get_attribute("aria-describedby").split()
        assert f"{href[1:]}-error" in described
    # Keyboard: from the summary, Tab reaches the first link.
    page.locator(".error-summary").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_name"


def test_link_to_a_radio_group_focuses_its_first_option(tabs, live_site):
    page = tabs("mobile", "normal")
    _submit_empty(page, live_site(FEEDBACK.format(lang="ru")))
    page.locator('.error-summary a[href="#id_found"]').click()
    assert page.evaluate("document.activeElement.id") == "id_found"
    assert page.evaluate("document.activeElement.type") == "radio"


@pytest.mark.parametrize("mode", ["normal", "vi"])
@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
@pytest.mark.parametrize("lang", LANGS)
def test_error_state_passes_axe(tabs, live_site, axe, lang, viewport, mode):
    page = tabs(viewport, mode)
    _submit_empty(page, live_site(APPEAL.format(lang=lang)))
    assert page.locator(".error-summary").is_visible()
    assert page.locator("h1").count() == 1
    violations = run_axe(axe, page)
    assert not violations, f"{page.url} ({viewport}, {mode}):\n" + format_violations(violations)


def test_sent_form_shows_an_accessible_confirmation(tabs, live_site, axe):
    page = tabs("mobile", "normal")
    page.goto(live_site(APPEAL.format(lang="kk")), wait_until="load")
    page.fill("#id_name", "Айгүл Серікова")
    page.fill("#id_phone", "+7 701 234 56 78")
    page.fill("#id_subject", "Жол жөндеу")
    page.fill("#id_message", "Көшедегі жолды жөндеуді сұраймын.")
    page.check("#id_consent")
    page.wait_for_timeout(3200)  # people take longer than the minimum fill time
    with page.expect_navigation(wait_until="load"):
        page.click("#form-submit")
    assert "?sent=" in page.url
    assert page.locator(".confirmation-panel__reference strong").inner_text().isdigit()
    assert page.locator("h1").count() == 1
    violations = run_axe(axe, page)
    assert not violations, f"{page.url}:\n" + format_violations(violations)
