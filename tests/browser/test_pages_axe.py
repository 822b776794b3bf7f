"""Every page type of the demo platform and every component example, in kk, ru and en,
at 1280x900 and 375 px, in the normal and in one visually-impaired combination (large
text, white on black, wide spacing): zero axe violations for WCAG 2.0/2.1/2.2 A and AA,
exactly one <h1>, and <html lang> equal to the URL's language.

Page types are found in the apps, not listed by hand, and each is looked up in the
demo: a page type the demo lacks fails. No axe rule is disabled.
"""

import pytest

from .conftest import format_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LANGS = ("kk", "ru", "en")
# Fixed pages -> path after /<lang>/
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


def _page_types() -> list[str]:
    """Every concrete page type of the platform's apps (found, not listed by hand)."""
    from django.apps import apps
    from wagtail.models import Page

    return sorted(
        model._meta.label_lower
        for model in apps.get_models()
        if issubclass(model, Page) and model.__module__.startswith("cms.")
    )


PAGE_TYPES = _page_types()


def demo_path(label: str) -> str:
    """Path after /<lang>/ of a live public demo page of this type (digital first)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    app_label, model = label.split(".")
    content_type = ContentType.objects.get(app_label=app_label, model=model)
    pages = Page.objects.live().public().filter(content_type=content_type)
    page = pages.filter(url_path__startswith="/portal/digital/").first() or pages.first()
    assert page is not None, f"the demo platform has no live public {label}"
    return page.url_path.split("/", 2)[2]


@pytest.mark.parametrize("mode", ["normal", "vi"])
@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_type", list(PAGES) + PAGE_TYPES)
def test_page_passes_axe(contexts, live_site, axe, page_type, lang, viewport, mode):
    path = PAGES[page_type] if page_type in PAGES else demo_path(page_type)
    context = contexts(viewport, mode)
    page = context.new_page()
    try:
        response = page.goto(live_site(f"/{lang}/{path}"), wait_until="load")
        assert response is not None and response.status == 200, page.url
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("h1").count() == 1
        if mode == "vi":
            assert "vi-contrast-dark" in (page.locator("html").get_attribute("class") or "")
        violations = run_axe(axe, page)
        assert not violations, f"{page.url} ({viewport}, {mode}):\n" + format_violations(violations)
    finally:
        page.close()
