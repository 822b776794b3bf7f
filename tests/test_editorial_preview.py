"""Previews in each of the three languages: the editor's preview panel renders the
page as the public site would for kk, ru and en (with the en → ru fallback)."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import streamfield

from cms.editorial.testing import (
    add_url,
    edit_form,
    editor,
    moderator,
    news_form,
    news_section,
)
from cms.pages.models import NewsPage

TITLES = {
    "kk": "Бюджет бойынша қоғамдық тыңдау",
    "ru": "Публичные слушания по бюджету",
    "en": "Public hearing on the budget",
}


@pytest.fixture
def draft(client, agency_a):
    client.force_login(editor(agency_a))
    response = client.post(add_url(news_section(agency_a)), news_form())
    assert response.status_code == 302
    return NewsPage.objects.get(slug="budget-hearing")


def _preview_url(page):
    return reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))


def test_every_page_type_offers_the_three_languages(agency_a):
    for page in agency_a.home_page.get_descendants(inclusive=True).specific():
        assert [code for code, _label in page.preview_modes] == ["kk", "ru", "en"]


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_preview_on_edit_in_each_language(client, draft, language):
    url = _preview_url(draft)
    response = client.post(url, edit_form(draft, action=None))
    assert response.json()["is_valid"] is True
    response = client.get(url, {"mode": language})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert TITLES[language] in html
    others = [TITLES[code] for code in TITLES if code != language]
    assert not any(f"<h1>{title}</h1>" in html for title in others)


def test_preview_of_missing_english_falls_back_to_russian(client, draft):
    url = _preview_url(draft)
    client.post(url, edit_form(draft, action=None, title_en="", body_en=streamfield([])))
    html = client.get(url, {"mode": "en"}).content.decode()
    assert '<html lang="en">' in html
    assert "has not been translated into English" in html
    assert TITLES["ru"] in html


def test_preview_of_unknown_mode_uses_a_site_language(client, draft):
    url = _preview_url(draft)
    client.post(url, edit_form(draft, action=None))
    response = client.get(url, {"mode": "de"})
    assert response.status_code < 500


def test_moderator_previews_submitted_revision_in_each_language(client, agency_a, draft):
    client.post(
        reverse("wagtailadmin_pages:edit", args=(draft.pk,)), edit_form(draft, "action-submit")
    )
    page = NewsPage.objects.get(pk=draft.pk)
    revision = page.current_workflow_task_state.revision
    client.force_login(moderator(agency_a))
    for language in ("kk", "ru", "en"):
        url = reverse("wagtailadmin_pages:revisions_view", args=(page.pk, revision.pk))
        response = client.get(url, {"mode": language})
        assert response.status_code == 200, url
        assert TITLES[language] in response.content.decode()


def test_other_agency_cannot_preview(client, agency_b, draft):
    client.cookies.clear()
    client.force_login(editor(agency_b))
    response = client.get(_preview_url(draft), {"mode": "kk"})
    assert response.status_code in (302, 403, 404)
    assert TITLES["kk"] not in response.content.decode()
