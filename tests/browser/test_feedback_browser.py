"""Page feedback in real Chromium: the block at the foot of a cached page works
without JavaScript (the buttons post, the feedback page asks to confirm, the answer is
stored) and with it (the script fetches a token: one click stores the answer); the
feedback page, its error state and the thank-you pass axe in kk, ru and en, at
desktop and 375 px."""

import pytest
from django.utils import timezone

from .conftest import format_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LANGS = ("kk", "ru", "en")
NEWS = "/{lang}/digital/news/rural-broadband-2026/"
MESSAGE = {
    "kk": "Мақаладағы телефон нөмірі ескірген.",
    "ru": "В статье устаревший номер телефона.",
    "en": "The phone number in the article is out of date.",
}


@pytest.fixture(autouse=True)
def cached_pages_and_a_generous_limit(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_PURGE = ""
    # Every request of these tests comes from 127.0.0.1.
    settings.FEEDBACK_RATE_LIMIT = 1000


def _stored(since):
    """Feedback stored since `since`. Read only after the server wrote: on SQLite in
    memory the test's open transaction would hold a read lock on the table that makes
    the server's insert fail ("database table is locked")."""
    from cms.feedback.models import Feedback

    return list(
        Feedback.objects.filter(created__gte=since)
        .order_by("pk")
        .values("language", "useful", "message")
    )


def _open(page, url):
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, url
    return response


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_an_answer_is_confirmed_and_stored(tabs, live_site, lang):
    page = tabs("mobile", "normal", java_script_enabled=False)
    since = timezone.now()
    _open(page, live_site(NEWS.format(lang=lang)))
    block = page.locator(".page-feedback")
    assert block.is_visible()
    assert page.locator(".page-updated time[datetime]").count() == 1
    with page.expect_navigation(wait_until="load"):
        block.locator('button[value="no"]').click()
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator('input[name="useful"][value="no"]').is_checked()
    assert page.locator(".notice").is_visible()  # asked to confirm: nothing stored yet
    page.fill("#id_message", MESSAGE[lang])
    with page.expect_navigation(wait_until="load"):
        page.click("#feedback-submit")
    assert page.locator(".confirmation-panel").is_visible(), page.locator("main").inner_text()
    assert page.locator("html").get_attribute("lang") == lang
    assert _stored(since) == [{"language": lang, "useful": False, "message": MESSAGE[lang]}]


def test_with_javascript_one_click_stores_the_answer(tabs, live_site):
    page = tabs("desktop", "normal")
    since = timezone.now()
    url = live_site(NEWS.format(lang="ru"))
    first = _open(page, url)
    # What any later visitor gets is the stored copy, byte for byte.
    later = page.request.get(url)
    assert later.headers.get("x-page-cache") == "hit"
    assert later.headers.get("etag") == first.headers.get("etag")
    with page.expect_navigation(wait_until="load"):
        page.locator('.page-feedback button[value="yes"]').click()
    assert page.locator(".confirmation-panel").is_visible()
    assert _stored(since) == [{"language": "ru", "useful": True, "message": ""}]


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
@pytest.mark.parametrize("lang", LANGS)
def test_feedback_pages_pass_axe(tabs, live_site, axe, lang, viewport):
    page = tabs(viewport, "normal")
    _open(page, live_site(NEWS.format(lang=lang)))
    report = page.locator(".page-feedback__report a")
    with page.expect_navigation(wait_until="load"):
        report.click()
    checks = {"form": run_axe(axe, page)}
    assert page.locator("h1").count() == 1
    with page.expect_navigation(wait_until="load"):
        page.click("#feedback-submit")  # nothing chosen, nothing written
    assert page.locator(".error-summary").is_visible()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    checks["error"] = run_axe(axe, page)
    page.check('input[name="useful"][value="yes"]')
    with page.expect_navigation(wait_until="load"):
        page.click("#feedback-submit")
    assert page.locator(".confirmation-panel").is_visible()
    checks["thanks"] = run_axe(axe, page)
    for state, violations in checks.items():
        assert not violations, f"{state} {lang} {viewport}:\n" + format_violations(violations)


def test_print_shows_title_text_and_date_without_navigation_or_forms(contexts, live_site):
    page = contexts("desktop", "normal").new_page()
    try:
        _open(page, live_site("/en/digital/news/rural-broadband-2026/"))
        page.emulate_media(media="print")
        for hidden in (".main-nav", ".site-footer", ".share-links", ".page-feedback"):
            assert not page.locator(hidden).first.is_visible(), hidden
        for shown in ("h1", ".page-content", ".page-updated"):
            assert page.locator(shown).first.is_visible(), shown
        # An external link prints its address after its text.
        page.evaluate(
            """() => {
                const a = document.createElement('a');
                a.href = 'https://egov.kz/services';
                a.textContent = 'eGov';
                a.id = 'print-probe';
                document.querySelector('.page-content').appendChild(a);
            }"""
        )
        after = page.evaluate(
            "getComputedStyle(document.getElementById('print-probe'), '::after').content"
        )
        assert "https://egov.kz/services" in after
    finally:
        page.close()
