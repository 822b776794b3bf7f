"""Tenant isolation of the content pages: listings, tag filters, choosers and the
media fields of LegalActPage and NewsPage stay inside the agency."""

import datetime

import pytest
from django.utils import translation
from django.utils.translation import gettext
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.pages.models import LegalActPage, NewsPage
from tests.factories import editor_of
from tests.test_content_pages import (
    add_act,
    add_document,
    add_image,
    add_news,
    html_of,
    section,
    titles,
    url,
)

# The admin speaks the user's language, Kazakh by default.
with translation.override("kk"):
    OWN_FILE_KK = gettext("Choose a file of your own agency.")


@pytest.fixture
def both(agency_a, agency_b):
    return {
        "a_news": add_news(agency_a, "a-news", tags=["shared"]),
        "b_news": add_news(agency_b, "b-news", tags=["shared"], date=datetime.date(2026, 4, 1)),
        "a_act": add_act(agency_a, "a-act", number="№ A-1"),
        "b_act": add_act(agency_b, "b-act", number="№ B-1"),
        "a_doc": add_document(agency_a, "A file"),
        "b_doc": add_document(agency_b, "Isolated B file"),
        "b_image": add_image(agency_b, "Isolated B image"),
    }


def test_news_index_lists_only_its_agencys_news(client, agency_a, both):
    html = html_of(client.get(url(section(agency_a, "news"))))
    assert titles(html) == ["en news a-news"]


def test_tag_filter_does_not_show_another_agencys_news(client, agency_a, agency_b, both):
    html = html_of(client.get(url(section(agency_a, "news"), query="?tag=shared")))
    assert titles(html) == ["en news a-news"]
    html = html_of(client.get(url(section(agency_b, "news"), query="?tag=shared")))
    assert titles(html) == ["en news b-news"]


def test_tag_options_are_only_the_agencys_own(client, agency_a, agency_b):
    add_news(agency_a, "a", tags=["roads"])
    add_news(agency_b, "b", tags=["secret-b-topic"])
    html = html_of(client.get(url(section(agency_a, "news"))))
    assert 'value="roads"' in html
    assert "secret-b-topic" not in html
    # Filtering A's archive by B's tag is an unknown topic there, not B's news.
    response = client.get(url(section(agency_a, "news"), query="?tag=secret-b-topic"))
    assert response.status_code == 200
    assert "There is no topic" in html_of(response)
    assert "en news b" not in titles(html_of(response))


def test_legal_acts_register_lists_only_its_agencys_acts(client, agency_a, both):
    html = html_of(client.get(url(section(agency_a, "documents"))))
    assert "№ A-1" in html and "№ B-1" not in html


def test_agency_home_shows_only_its_own_news(client, agency_a, both):
    html = html_of(client.get(url(agency_a.home_page)))
    assert "en news a-news" in html and "en news b-news" not in html


def test_document_chooser_hides_other_agencys_documents(client, agency_a, both):
    client.force_login(editor_of(agency_a))
    response = client.get("/admin/documents/chooser/")
    assert response.status_code == 200
    html = html_of(response)
    assert "A file" in html and "Isolated B file" not in html


def test_image_chooser_hides_other_agencys_images(client, agency_a, both):
    client.force_login(editor_of(agency_a))
    response = client.get("/admin/images/chooser/")
    assert response.status_code == 200
    assert "Isolated B image" not in html_of(response)


def _act_post(**files):
    return nested_form_data(
        {
            "title_kk": "Бұйрық",
            "title_ru": "Приказ",
            "title_en": "",
            "slug": "crafted-act",
            "number": "№ 7",
            "act_type": "order",
            "date_signed": "2026-01-10",
            "signatory_kk": "Министр",
            "signatory_ru": "Министр",
            "signatory_en": "",
            "issuing_body_kk": "",
            "issuing_body_ru": "",
            "issuing_body_en": "",
            "status": "in_force",
            "official_url": "",
            "file_kk": files.get("kk", ""),
            "file_ru": files.get("ru", ""),
            "file_en": files.get("en", ""),
            "body_kk": streamfield([]),
            "body_ru": streamfield([]),
            "body_en": streamfield([]),
            "comment_notifications": "on",
            "action-save-draft": "1",
        }
    )


def test_legal_act_refuses_another_agencys_document(client, agency_a, both):
    client.force_login(editor_of(agency_a))
    parent = section(agency_a, "documents")
    add_url = f"/admin/pages/add/pages/legalactpage/{parent.pk}/"
    response = client.post(add_url, _act_post(kk=both["b_doc"].pk))
    assert response.status_code == 200
    assert response.context["form"].errors["file_kk"] == [OWN_FILE_KK]
    assert not LegalActPage.objects.filter(slug="crafted-act").exists()
    # The agency's own document is accepted.
    response = client.post(add_url, _act_post(kk=both["a_doc"].pk, ru=both["a_doc"].pk))
    assert response.status_code == 302, response.context["form"].errors
    assert LegalActPage.objects.get(slug="crafted-act").file_kk_id == both["a_doc"].pk


def test_news_refuses_another_agencys_lead_image(client, agency_a, both):
    client.force_login(editor_of(agency_a))
    parent = section(agency_a, "news")
    data = nested_form_data(
        {
            "title_kk": "Жаңалық",
            "title_ru": "Новость",
            "title_en": "",
            "slug": "crafted-news",
            "date": "2026-01-10",
            "category": "news",
            "lead_image": both["b_image"].pk,
            "body_kk": streamfield([("paragraph", rich_text("<p>Мәтін</p>"))]),
            "body_ru": streamfield([("paragraph", rich_text("<p>Текст</p>"))]),
            "body_en": streamfield([]),
            "comment_notifications": "on",
            "action-save-draft": "1",
        }
    )
    response = client.post(f"/admin/pages/add/pages/newspage/{parent.pk}/", data)
    assert response.status_code == 200
    assert response.context["form"].errors["lead_image"] == [OWN_FILE_KK]
    assert not NewsPage.objects.filter(slug="crafted-news").exists()


def test_editor_cannot_open_another_agencys_legal_act_in_the_admin(client, agency_a, both):
    client.force_login(editor_of(agency_a))
    response = client.get(f"/admin/pages/{both['b_act'].pk}/edit/")
    assert response.status_code in (302, 403, 404)


def test_tag_suggestions_are_only_the_agencys_own(client, agency_a, agency_b):
    add_news(agency_a, "a", tags=["roads-a"])
    add_news(agency_b, "b", tags=["roads-b"])
    client.force_login(editor_of(agency_a))
    response = client.get("/admin/news-tags/autocomplete/?term=roads")
    assert response.status_code == 200
    assert response.json() == ["roads-a"]
    # The news editor asks this endpoint, not Wagtail's unscoped one.
    parent = section(agency_a, "news")
    html = html_of(client.get(f"/admin/pages/add/pages/newspage/{parent.pk}/"))
    assert 'data-w-tag-url-value="/admin/news-tags/autocomplete/"' in html


def test_tag_suggestions_need_an_admin_login(client, agency_a):
    response = client.get("/admin/news-tags/autocomplete/?term=a")
    assert response.status_code == 302
