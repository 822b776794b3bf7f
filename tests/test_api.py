"""The read-only JSON API: live public content of active agencies, per agency and language."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from cms.platform.provisioning import archive_agency, provision_agency
from tests.media_helpers import news_using
from tests.test_feeds import add_news, make_private


@pytest.fixture
def content(agency_a, agency_b):
    pages = {
        "english": add_news(agency_a, "english", day=2, en=True),
        "russian": add_news(agency_a, "russian", day=3, en=False),
        "draft": add_news(agency_a, "draft", live=False),
        "private": add_news(agency_a, "private"),
        "other": add_news(agency_b, "other"),
    }
    make_private(pages["private"])
    return pages


def get(client, url, status=200, **extra):
    response = client.get(url, **extra)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def slugs(data) -> set[str]:
    return {item["meta"]["slug"] for item in data["items"]}


def test_agency_filter_returns_only_its_live_public_pages(client, content, agency_a):
    data = get(client, "/api/v2/pages/?agency=agency-a&limit=20")
    assert {"agency-a", "news", "english", "russian"} <= slugs(data)
    assert not {"draft", "private", "other", "agency-b"} & slugs(data)
    assert {item["meta"]["agency"] for item in data["items"]} == {"agency-a"}
    assert data["meta"]["total_count"] == len(data["items"])


def test_without_a_filter_every_active_agency_and_nothing_else(client, content, agency_b):
    news = "/api/v2/pages/?type=pages.NewsPage"
    assert slugs(get(client, news)) == {"english", "russian", "other"}
    homes = "/api/v2/pages/?type=pages.AgencyHomePage,pages.PortalHomePage"
    # The portal's own pages belong to no agency.
    assert slugs(get(client, homes)) == {"agency-a", "agency-b"}
    archive_agency(agency_b)
    assert slugs(get(client, news)) == {"english", "russian"}
    assert slugs(get(client, homes)) == {"agency-a"}
    data = get(client, "/api/v2/pages/")
    assert {item["meta"]["agency"] for item in data["items"]} == {"agency-a"}


def test_hidden_pages_have_no_detail(client, content, agency_b):
    assert get(client, f"/api/v2/pages/{content['english'].pk}/")["title"] == "Жаңалық english"
    for key in ("draft", "private"):
        get(client, f"/api/v2/pages/{content[key].pk}/", status=404)
    archive_agency(agency_b)
    get(client, f"/api/v2/pages/{content['other'].pk}/", status=404)


@pytest.mark.parametrize("param", ["locale", "lang"])
def test_translated_fields_in_the_requested_language(client, content, param):
    url = f"/api/v2/pages/?agency=agency-a&type=pages.NewsPage&fields=intro,body,date&{param}=ru"
    data = get(client, url)
    items = {item["meta"]["slug"]: item for item in data["items"]}
    assert set(items) == {"english", "russian"}
    item = items["english"]
    assert item["title"] == "Новость english"
    assert item["intro"] == "Кратко english"
    assert item["body"][0]["type"] == "paragraph"
    assert "Русский текст." in item["body"][0]["value"]
    assert item["date"] == "2026-03-02"
    assert item["meta"]["language"] == "ru" and item["meta"]["content_language"] == "ru"
    assert item["meta"]["html_url"] == "http://testserver/ru/agency-a/news/english/"


def test_english_falls_back_to_russian_and_says_so(client, content):
    url = "/api/v2/pages/?agency=agency-a&type=pages.NewsPage&fields=intro,body&locale=en"
    items = {item["meta"]["slug"]: item for item in get(client, url)["items"]}
    english, russian = items["english"], items["russian"]
    assert english["title"] == "News english" and "English text." in english["body"][0]["value"]
    assert english["meta"]["content_language"] == "en"
    assert russian["title"] == "Новость russian" and "Русский текст." in russian["body"][0]["value"]
    assert russian["meta"]["language"] == "en" and russian["meta"]["content_language"] == "ru"
    assert russian["meta"]["languages"] == ["kk", "ru"]
    assert russian["meta"]["html_url"] == "http://testserver/en/agency-a/news/russian/"


def test_detail_in_a_language(client, content):
    data = get(client, f"/api/v2/pages/{content['russian'].pk}/?locale=kk")
    assert data["title"] == "Жаңалық russian" and data["intro"] == "Қысқаша russian"
    assert data["meta"]["content_language"] == "kk" and data["meta"]["agency"] == "agency-a"


@pytest.mark.parametrize(
    "query,needle",
    [
        ("agency=no-such-agency", "agency"),
        ("locale=de", "language"),
        ("lang=xx", "language"),
        ("type=pages.NoSuchPage", "type"),
        ("unknown=1", "unknown"),
    ],
)
def test_bad_parameters_are_400_with_a_message(client, content, query, needle):
    data = get(client, f"/api/v2/pages/?{query}", status=400)
    assert needle in data["message"]


def test_archived_agency_is_a_bad_parameter(client, content, agency_b):
    archive_agency(agency_b)
    assert "agency" in get(client, "/api/v2/pages/?agency=agency-b", status=400)["message"]


def test_agency_host_sees_only_its_agency(client, content):
    agency = provision_agency(
        slug="akimat",
        names={"kk": "Әкімдік", "ru": "Акимат", "en": "Akimat"},
        hostname="akimat.example.kz",
    ).agency
    add_news(agency, "local")
    data = get(
        client, "/api/v2/pages/?locale=ru&type=pages.NewsPage", HTTP_HOST="akimat.example.kz"
    )
    assert "local" in slugs(data) and "english" not in slugs(data)
    local = next(item for item in data["items"] if item["meta"]["slug"] == "local")
    assert local["meta"]["html_url"] == "http://akimat.example.kz/ru/news/local/"


@pytest.fixture
def media(agency_a, agency_b):
    root = Collection.get_first_root_node()
    items = {}
    for key, collection in (
        ("a", agency_a.collection),
        ("b", agency_b.collection),
        ("root", root),
    ):
        items[f"image-{key}"] = Image.objects.create(
            title=f"image-{key}", file=get_test_image_file(), collection=collection
        )
        items[f"doc-{key}"] = Document.objects.create(
            title=f"doc-{key}",
            file=ContentFile(b"text", name=f"doc-{key}.txt"),
            collection=collection,
        )
    # Only files that live public pages use are listed (cms/tenants/media.py).
    news_using(agency_a, "media-a", image=items["image-a"], document=items["doc-a"])
    news_using(agency_b, "media-b", image=items["image-b"], document=items["doc-b"])
    return items


def titles(data) -> set[str]:
    return {item["title"] for item in data["items"]}


@pytest.mark.parametrize("endpoint,kind", [("images", "image"), ("documents", "doc")])
def test_media_of_active_agencies_only(client, media, agency_b, endpoint, kind):
    assert titles(get(client, f"/api/v2/{endpoint}/")) == {f"{kind}-a", f"{kind}-b"}
    assert titles(get(client, f"/api/v2/{endpoint}/?agency=agency-a")) == {f"{kind}-a"}
    get(client, f"/api/v2/{endpoint}/{media[f'{kind}-a'].pk}/")
    get(client, f"/api/v2/{endpoint}/{media[f'{kind}-root'].pk}/", status=404)
    assert "agency" in get(client, f"/api/v2/{endpoint}/?agency=nope", status=400)["message"]
    archive_agency(agency_b)
    assert titles(get(client, f"/api/v2/{endpoint}/")) == {f"{kind}-a"}
    get(client, f"/api/v2/{endpoint}/{media[f'{kind}-b'].pk}/", status=404)
