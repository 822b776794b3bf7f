"""The component catalogue (who may see it, what it renders) and the version for the
visually impaired without a browser: the /a11y/ view, its cookie and the classes."""

import re

import pytest
from django.test import override_settings

from themes import vi
from themes.catalogue import COMPONENTS, load_components


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("staff", password="x", is_staff=True)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_catalogue_renders_every_example_for_staff(client, portal, staff, lang):
    client.force_login(staff)
    response = client.get(f"/{lang}/catalogue/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    assert html.count("<h1") == 1
    components = load_components()
    assert len(components) >= 11
    for component in components:
        assert f'id="component-{component.name}"' in html
        for index, example in enumerate(component.examples, start=1):
            assert f'id="example-{component.name}-{index}"' in html, example.name
    assert 'style="' not in html and "<style" not in html


def test_catalogue_shows_every_component_folder(client, portal, staff):
    """A component folder the catalogue does not show fails here: the folders are listed
    from the disk, not through the catalogue's own loader, and each must appear in the
    table of contents with a section holding examples in kk, ru and en."""
    folders = sorted(
        p.name for p in COMPONENTS.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))
    )
    assert {"result_item", "facet_list", "did_you_mean", "search_box", "pagination"} <= set(folders)
    client.force_login(staff)
    for lang in ("kk", "ru", "en"):
        html = client.get(f"/{lang}/catalogue/").content.decode()
        for name in folders:
            assert f'href="#component-{name}"' in html, f"{name} is not in the catalogue's list"
            start = html.index(f'id="component-{name}"')
            end = html.find('<section class="catalogue__component"', start)
            section = html[start : end if end != -1 else len(html)]
            shown = set(re.findall(r'<div class="catalogue__preview" lang="(\w+)"', section))
            assert shown == {"kk", "ru", "en"}, f"{name}: examples in {sorted(shown)}"
    # The search page's pagination is shown at page 7 of 12, with its gaps.
    html = client.get("/en/catalogue/?component=pagination").content.decode()
    assert 'href="?q=bulletin&amp;page=7" aria-current="page"' in html
    assert html.count('pagination__item--ellipsis" aria-hidden="true">…</li>') >= 2


def test_catalogue_filtered_to_one_language_shows_every_component_once(client, portal, staff):
    """`?examples=<lang>` (what the axe suite loads): every component, with its example
    in that language only; the three languages together show every example."""
    client.force_login(staff)
    folders = {p.name for p in COMPONENTS.iterdir() if p.is_dir()}
    seen = set()
    for lang in ("kk", "ru", "en"):
        html = client.get(f"/{lang}/catalogue/", {"examples": lang}).content.decode()
        previews = re.findall(r'<div class="catalogue__preview" lang="(\w+)"', html)
        assert set(previews) == {lang} and len(previews) == len(folders)
        seen |= {(m, lang) for m in re.findall(r'id="component-(\w+)"', html)}
    assert seen == {(name, lang) for name in folders for lang in ("kk", "ru", "en")}
    assert client.get("/en/catalogue/", {"examples": "fr"}).status_code == 404


def test_catalogue_is_hidden_from_the_public(client, portal, django_user_model):
    assert client.get("/en/catalogue/").status_code == 404
    client.force_login(django_user_model.objects.create_user("citizen", password="x"))
    assert client.get("/en/catalogue/").status_code == 404


def test_catalogue_for_wagtail_admin_users_and_in_debug(client, portal, django_user_model):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/ru/catalogue/").status_code == 200
    client.logout()
    with override_settings(DEBUG=True):
        assert client.get("/ru/catalogue/?component=card").status_code == 200
        assert client.get("/ru/catalogue/?component=nope").status_code == 404


def test_a11y_sets_the_cookie_and_redirects(client, portal):
    response = client.get("/a11y/?text=large&contrast=dark&spacing=wide&images=off&next=/ru/")
    assert response.status_code == 302 and response["Location"] == "/ru/"
    cookie = response.cookies[vi.COOKIE_NAME]
    assert vi.parse_cookie(cookie.value) == {
        "text": "large",
        "contrast": "dark",
        "spacing": "wide",
        "images": "off",
    }
    assert cookie["samesite"] == "Lax" and cookie["max-age"] == vi.COOKIE_MAX_AGE
    html = client.get("/ru/").content.decode()
    assert (
        '<html lang="ru" class="vi vi-text-large vi-contrast-dark vi-spacing-wide vi-images-off">'
        in html
    )
    # One setting at a time keeps the others.
    client.get("/a11y/?text=larger&next=/ru/")
    assert vi.parse_cookie(client.cookies[vi.COOKIE_NAME].value)["contrast"] == "dark"
    assert "vi-text-larger vi-contrast-dark" in client.get("/ru/").content.decode()
    response = client.get("/a11y/?reset=1&next=/ru/")
    assert response.cookies[vi.COOKIE_NAME].value == ""
    assert '<html lang="ru">' in client.get("/ru/").content.decode()


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", ""]
)
def test_a11y_refuses_foreign_next(client, next_url):
    response = client.get("/a11y/", {"text": "large", "next": next_url})
    assert response.status_code == 302 and response["Location"] == "/"


def test_bad_cookie_values_are_ignored(client, portal):
    client.cookies[vi.COOKIE_NAME] = "text:huge|contrast:dark|x:y|<script>"
    html = client.get("/kk/").content.decode()
    assert '<html lang="kk" class="vi vi-contrast-dark">' in html


def test_every_page_links_the_panel_in_its_language(client, agency_a):
    html = client.get("/en/agency-a/about/?q=1").content.decode()
    assert "data-vi-toggle hidden" in html and "data-vi-panel" in html
    assert 'href="/a11y/?text=large&amp;next=%2Fen%2Fagency-a%2Fabout%2F%3Fq%3D1"' in html
    assert 'href="/a11y/?reset=1&amp;next=%2Fen%2Fagency-a%2Fabout%2F%3Fq%3D1"' in html
    assert '<script src="/static/theme/js/theme.js" defer></script>' in html
