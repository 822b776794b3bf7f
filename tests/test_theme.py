"""The shared theme: Content-Security-Policy, no inline code, one <h1>, the agency
stylesheet, fonts, and every documented component example rendering."""

import json
import re
from pathlib import Path

import pytest
from django.template.loader import render_to_string

from themes.middleware import CONTENT_SECURITY_POLICY
from themes.views import WHITE, _rgb, brand_properties, contrast

THEMES = Path(__file__).resolve().parent.parent / "themes"
COMPONENTS = THEMES / "templates" / "components"
FONTS = THEMES / "static" / "theme" / "fonts"
# Inline code is forbidden; a JSON-LD data block is not code (browsers never run it,
# so the CSP does not apply to it) and is allowed.
INLINE_SCRIPT = re.compile(
    r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/ld\+json\")[^>]*>", re.IGNORECASE
)
LANGS = ("kk", "ru", "en")


def assert_no_inline_code(html: str, url: str) -> None:
    assert 'style="' not in html, f"inline style on {url}"
    assert "<style" not in html, f"<style> element on {url}"
    assert not INLINE_SCRIPT.search(html), f"inline <script> on {url}"


@pytest.fixture
def news_item(agency_a):
    from cms.pages.models import NewsPage

    section = agency_a.home_page.get_children().get(slug="news").specific
    page = NewsPage(slug="budget", intro_kk="Қысқаша", intro_ru="Кратко")
    page.title_kk, page.title_ru = "Бюджет бекітілді", "Бюджет утверждён"
    page.body_kk = [("heading", {"text": "Негізгі", "level": "h2"}), ("paragraph", "<p>Мәтін</p>")]
    page.body_ru = [("heading", {"text": "Главное", "level": "h2"}), ("paragraph", "<p>Текст</p>")]
    section.add_child(instance=page)
    page.save_revision().publish()
    return page


def public_urls(agency):
    sections = [p.slug for p in agency.home_page.get_children().live()]
    for lang in LANGS:
        yield f"/{lang}/"
        yield f"/{lang}/{agency.slug}/"
        for slug in sections:
            yield f"/{lang}/{agency.slug}/{slug}/"
        yield f"/{lang}/{agency.slug}/news/budget/"


def test_csp_is_sent_on_public_pages(client, portal):
    response = client.get("/kk/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY
    assert "style-src 'self'" in CONTENT_SECURITY_POLICY


def test_admin_has_its_own_csp(client, portal):
    """The Wagtail admin needs inline code: it gets its own policy (issue 12,
    cms/core/middleware.py), not the public site's, which would break it."""
    from cms.core.middleware import ADMIN_CONTENT_SECURITY_POLICY

    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == ADMIN_CONTENT_SECURITY_POLICY
    assert response["Content-Security-Policy"] != CONTENT_SECURITY_POLICY


def test_public_pages_have_no_inline_code_and_one_h1(client, agency_a, news_item):
    for url in public_urls(agency_a):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "Content-Security-Policy" in response, url
        assert_no_inline_code(html, url)
        assert html.count("<h1") == 1, f"{url} has {html.count('<h1')} <h1>"
        assert 'id="main-content"' in html and 'href="#main-content"' in html


def test_navigation_marks_the_current_section(client, agency_a, news_item):
    html = client.get("/en/agency-a/news/budget/").content.decode()
    assert 'href="/en/agency-a/news/" aria-current="true"' in html
    html = client.get("/en/agency-a/news/").content.decode()
    assert 'href="/en/agency-a/news/" aria-current="page"' in html
    assert 'href="/en/agency-a/about/" aria-current' not in html


def test_agency_stylesheet(client, agency_a):
    agency_a.brand_colour = "#1A6B3C"
    agency_a.save()
    response = client.get("/theme/agency/agency-a.css")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    css = response.content.decode()
    assert "--brand: #1a6b3c;" in css
    assert "--brand-dark:" in css and "--brand-on:" in css
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    assert "Last-Modified" in response


def test_agency_stylesheet_404s(client, agency_a):
    from cms.platform.provisioning import archive_agency

    assert client.get("/theme/agency/no-such-agency.css").status_code == 404
    archive_agency(agency_a)
    assert client.get("/theme/agency/agency-a.css").status_code == 404


def test_agency_stylesheet_is_linked_only_on_agency_pages(client, agency_a):
    assert 'href="/theme/agency/agency-a.css?v=' in client.get("/ru/agency-a/").content.decode()
    assert (
        'href="/theme/agency/agency-a.css?v=' in client.get("/ru/agency-a/about/").content.decode()
    )
    assert "/theme/agency/" not in client.get("/ru/").content.decode()


@pytest.mark.parametrize(
    "colour", ["#00577B", "#FFDD00", "#00AFCA", "#FFFFFF", "#000000", "#C8102E"]
)
def test_brand_dark_keeps_white_text_readable(colour):
    """Any brand colour an admin picks yields a masthead white text can sit on (7:1)."""
    props = brand_properties(colour)
    assert contrast(_rgb(props["--brand-dark"]), WHITE) >= 7.0
    assert props["--brand"] == colour.lower()


def test_fonts_are_self_hosted_small_and_declared():
    files = sorted(FONTS.glob("*.woff2"))
    assert {f.name for f in files} == {
        f"noto-sans-{subset}-{weight}-normal.woff2"
        for subset in ("cyrillic", "cyrillic-ext", "latin", "latin-ext")
        for weight in (400, 700)
    }
    assert sum(f.stat().st_size for f in files) < 400 * 1024
    assert (FONTS / "OFL.txt").exists()
    css = (THEMES / "static" / "theme" / "css" / "theme.css").read_text()
    for f in files:
        assert f"../fonts/{f.name}" in css
    # ә ғ қ ң ө ү һ live in cyrillic-ext (U+0460-052F), і ұ in the basic cyrillic range.
    assert "U+0460-052F" in css and "U+04B0-04B1" in css
    assert "http://" not in css and "https://" not in css
    assert "prefers-reduced-motion" in css and ":focus-visible" in css


def component_examples():
    for folder in sorted(p for p in COMPONENTS.iterdir() if p.is_dir()):
        spec = json.loads((folder / "examples.json").read_text())
        for example in spec["examples"]:
            yield pytest.param(
                folder, spec["template"], example, id=f"{folder.name}:{example['name']}"
            )


def test_every_component_is_documented():
    expected = {
        "skip_link",
        "header",
        "language_switcher",
        "breadcrumbs",
        "card",
        "card_list",
        "notice",
        "footer",
        "heading",
        "figure",
        "document_link",
        # Issue 4's list, brought by the content apps:
        "accordion",
        "video",
        "pagination",
        "document_table",
        "person_card",
        "contact_block",
        "tabs",
        "form_field",
        "error_summary",
        "table",
        # The search page's own components (issue 11: one component library).
        "facet_list",
        "result_item",
        "search_box",
        "did_you_mean",
        # Markup that page templates repeated, now components.
        "news_card",
        "filter_form",
        "page_intro",
    }
    folders = {p.name for p in COMPONENTS.iterdir() if p.is_dir()}
    assert expected <= folders
    for name in folders:
        spec = json.loads((COMPONENTS / name / "examples.json").read_text())
        assert 1 <= len(spec["examples"]) <= 3
        # Every component is shown in each language (the catalogue and the axe suite).
        assert {e["lang"] for e in spec["examples"]} == set(LANGS), name
        assert (
            "| Parameter | Type | Required | Description |"
            in (COMPONENTS / name / "README.md").read_text()
        )


PRESENTERS = Path(__file__).resolve().parent.parent / "cms" / "core" / "components"
PRESENTER_LINE = re.compile(r"^Presenter: (none: .+|`(?P<path>[\w.]+)`.*)$", re.M)


def test_component_parameters_are_built_in_one_named_place():
    """Each component's README names the one place its parameters are built (or says
    that the including template passes them as they are); a presenter module of
    cms.core.components belongs to the component of the same name and is named by it."""
    import importlib

    folders = {p.name for p in COMPONENTS.iterdir() if p.is_dir()}
    modules = {p.stem for p in PRESENTERS.glob("*.py") if p.stem != "__init__"}
    assert modules <= folders, f"presenters without a component: {sorted(modules - folders)}"
    for name in sorted(folders):
        match = PRESENTER_LINE.search((COMPONENTS / name / "README.md").read_text())
        assert match, f"{name}: README.md has no 'Presenter:' line"
        if name in modules:
            assert match["path"] == f"cms.core.components.{name}", name
        if match["path"]:
            module, _dot, attribute = match["path"].rpartition(".")
            try:
                importlib.import_module(match["path"])
            except ModuleNotFoundError:
                assert hasattr(importlib.import_module(module), attribute), match["path"]


@pytest.mark.parametrize("folder,template,example", list(component_examples()))
def test_component_examples_render(folder, template, example):
    from django.utils import translation

    readme = (folder / "README.md").read_text()
    for key in example["context"]:
        assert f"| `{key}` |" in readme, f"{folder.name}: parameter {key} is not documented"
    with translation.override(example["lang"]):
        html = render_to_string(template, example["context"])
    assert html.strip()
    assert_no_inline_code(html, f"{folder.name}:{example['name']}")
    for key in ("title", "text", "current_title", "alt", "caption"):
        if key in example["context"]:
            assert example["context"][key] in html, f"{folder.name}: {key} is not rendered"
