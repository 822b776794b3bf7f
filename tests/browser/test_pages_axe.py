"""Every page type of the demo platform and every component example, in kk, ru and en,
at 1280x900 and 375 px, in the normal and in one visually-impaired combination (large
text, white on black, wide spacing): zero axe violations for WCAG 2.0/2.1/2.2 A and AA,
exactly one <h1>, and <html lang> equal to the URL's language.

No axe rule is disabled.
"""

import pytest

from .conftest import format_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LANGS = ("kk", "ru", "en")
# page type -> path after /<lang>/
PAGES = {
    "portal-home": "",
    "agency-home": "digital/",
    "section": "digital/documents/",
    "news": "digital/news/rural-broadband-2026/",
    # No English version: shown in Russian with the fallback notice (lang="ru").
    "en-fallback": "kokterek/vacancies/",
    # Every example of every component (themes/catalogue.py), as staff.
    "catalogue": "catalogue/",
}


@pytest.mark.parametrize("mode", ["normal", "vi"])
@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_type", list(PAGES))
def test_page_passes_axe(contexts, live_site, axe, page_type, lang, viewport, mode):
    context = contexts(viewport, mode)
    page = context.new_page()
    try:
        response = page.goto(live_site(f"/{lang}/{PAGES[page_type]}"), wait_until="load")
        assert response is not None and response.status == 200, page.url
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("h1").count() == 1
        if mode == "vi":
            assert "vi-contrast-dark" in (page.locator("html").get_attribute("class") or "")
        violations = run_axe(axe, page)
        assert not violations, f"{page.url} ({viewport}, {mode}):\n" + format_violations(violations)
    finally:
        page.close()
