"""Every page type of the demo platform and every component example, in kk, ru and en,
at 1280x900 and 375 px, in the normal and in one visually-impaired combination (large
text, white on black, wide spacing): zero axe violations for WCAG 2.0/2.1/2.2 A and AA,
exactly one <h1>, and <html lang> equal to the URL's language.

Page types are found in the apps, not listed by hand, and each is looked up in the
demo: a page type the demo lacks fails. No axe rule is disabled.
"""

from pathlib import Path

import pytest

from .conftest import BULLETIN_WORD, format_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LANGS = ("kk", "ru", "en")
# Kazakh in the Latin script (/kk-latn/, cms/core/script.py): the same templates
# converted, so two pages suffice: the portal home and a news item in an agency.
LATIN = "kk-latn"
LATIN_ROWS = (("portal-home", "mobile"), ("news", "desktop"))
# Fixed pages -> path after /<lang>/
PAGES = {
    "portal-home": "",
    # The front door with its A–Z filter on (issue 16): a letter each language's demo
    # bodies begin with, top tasks from static/demo_content/portal/top_tasks.json.
    "portal-home-letter": {"kk": "?letter=Ж", "ru": "?letter=З", "en": "?letter=H"},
    "agency-home": "digital/",
    "section": "digital/documents/",
    "news": "digital/news/rural-broadband-2026/",
    # No English version: shown in Russian with the fallback notice (lang="ru").
    "en-fallback": "kokterek/vacancies/",
    # Every example of every component (themes/catalogue.py), as staff: each language's
    # page shows the examples in that language, so each example is checked once per
    # viewport (tests/test_theme_catalogue_vi.py checks the filter).
    "catalogue": {lang: f"catalogue/?examples={lang}" for lang in LANGS},
    # The search page: results with facets, "did you mean", and page 5 of the results
    # (the bulletins of conftest.add_bulletins); tests/test_pagination.py and
    # test_search_views check the gaps of longer lists.
    "search-results": {"kk": "search/?q=цифрландыру", "ru": "search/?q=цифровизация",
                       "en": "search/?q=digitalisation"},
    "search-did-you-mean": {"kk": "search/?q=цифрландру", "ru": "search/?q=цифравизация",
                            "en": "search/?q=digitalsation"},
    "search-page-5": {lang: f"search/?q={word}&page=5" for lang, word in BULLETIN_WORD.items()},
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


# Page types the fixed pages above already show (the same page, or the same type in
# the same agency): checked once, under the fixed page's name.
COVERED_BY_FIXED = {
    "pages.portalhomepage": "portal-home",
    "pages.agencyhomepage": "agency-home",
    "pages.legalactindexpage": "section",
    "pages.newspage": "news",
}
PAGE_TYPES = [label for label in _page_types() if label not in COVERED_BY_FIXED]
COMPONENT_FOLDERS = sorted(
    p.name
    for p in (Path(__file__).resolve().parents[2] / "themes" / "templates" / "components").iterdir()
    if p.is_dir()
)


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


def _matrix():
    """Every page in kk/ru/en at desktop and 375 px in the normal mode; the
    visually-impaired mode (the same templates with other stylesheets) once per page,
    in a language and viewport that rotate across pages, so each combination is
    covered by some pages."""
    rows = []
    viewports = ("desktop", "mobile")
    for index, page_type in enumerate(list(PAGES) + PAGE_TYPES):
        for lang in LANGS:
            for viewport in viewports:
                rows.append(pytest.param(page_type, lang, viewport, "normal",
                                         id=f"{page_type}-{lang}-{viewport}-normal"))
        lang, viewport = LANGS[index % 3], viewports[(index // 3) % 2]
        rows.append(pytest.param(page_type, lang, viewport, "vi",
                                 id=f"{page_type}-{lang}-{viewport}-vi"))
    for page_type, viewport in LATIN_ROWS:
        rows.append(pytest.param(page_type, LATIN, viewport, "normal",
                                 id=f"{page_type}-{LATIN}-{viewport}-normal"))
    return rows


@pytest.mark.parametrize("page_type,lang,viewport,mode", _matrix())
def test_page_passes_axe(tabs, live_site, axe, page_type, lang, viewport, mode):
    if page_type in PAGES:
        path = PAGES[page_type]
        path = path["kk" if lang == LATIN else lang] if isinstance(path, dict) else path
    else:
        path = demo_path(page_type)
    page = tabs(viewport, mode)
    response = page.goto(live_site(f"/{lang}/{path}"), wait_until="load")
    assert response is not None and response.status == 200, page.url
    assert page.locator("html").get_attribute("lang") == ("kk-Latn" if lang == LATIN else lang)
    assert page.locator("h1").count() == 1
    if page_type == "search-page-5":
        current = page.locator("nav.pagination a[aria-current=page]")
        assert current.inner_text().split()[-1] == "5"
        # Results and facets on the page axe checks, and no empty link (issue 11).
        assert page.locator(".search-results .result-item").count() > 0
        assert page.locator(".facet-list .facet-list__link").count() > 0
        links = page.locator("nav.pagination a").all()
        assert len(links) >= 3
        for link in links:
            assert link.get_attribute("href") and link.inner_text().strip(), link
    if page_type == "news":
        # The foot of every agency page, checked by axe with the page (issue 16).
        assert page.locator(".page-updated time[datetime]").count() == 1
        assert page.locator(".share-links a").count() == 3
        assert page.locator(".page-feedback form button").count() == 2
    if page_type == "search-did-you-mean":
        assert page.locator(".search-suggestion a[href]").count() == 1
    if page_type == "catalogue":
        # Every component folder is shown (and so checked by axe) in this language
        # (looked up in one call rather than one round trip per component).
        missing = page.evaluate(
            "names => names.filter(name => !document.querySelector("
            "`#component-${name} .catalogue__preview`))",
            COMPONENT_FOLDERS,
        )
        assert missing == [], missing
    if page_type.startswith("portal-home"):
        assert page.locator(".top-tasks .top-tasks__link").count() >= 5
        assert page.locator(".letter-index").count() == 1
        assert page.locator(".portal-news .news-card").count() >= 1
        if page_type == "portal-home-letter":
            current = page.locator(".letter-index__link[aria-current=page]")
            assert current.inner_text() == path.rsplit("=", 1)[1]
            assert page.locator(".directory-item").count() >= 1
        # Folded groups and regions are checked open too.
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    classes = page.locator("html").get_attribute("class") or ""
    if mode == "vi":
        assert "vi-contrast-dark" in classes
    else:
        # The normal version: no visually-impaired setting left in the shared context.
        assert not [c for c in classes.split() if c == "vi" or c.startswith("vi-")], classes
    violations = run_axe(axe, page)
    assert not violations, f"{page.url} ({viewport}, {mode}):\n" + format_violations(violations)


def test_every_page_type_is_in_the_matrix():
    """A page type left out of PAGE_TYPES must be one the fixed pages show."""
    assert set(COVERED_BY_FIXED) <= set(_page_types())
    assert set(COVERED_BY_FIXED.values()) <= set(PAGES)
    assert set(_page_types()) == set(PAGE_TYPES) | set(COVERED_BY_FIXED)
