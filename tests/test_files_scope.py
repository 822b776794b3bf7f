"""Files only where they belong: downloads, /media/, the public and the admin API.

Published = used by a live page under no view restriction, outside archived agencies
(cms/tenants/media.py). Everything else is served to its agency only.
"""

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms.platform.provisioning import archive_agency
from search.indexing import drain_outbox
from tests.factories import editor_of, moderator_of
from tests.media_helpers import make_document, make_image, news_using


@pytest.fixture
def files(agency_a, agency_b):
    a, b = agency_a.collection, agency_b.collection
    f = {
        "public_doc": make_document(a, "public-doc", b"public bytes"),
        "public_img": make_image(a, "public-img"),
        "draft_doc": make_document(a, "draft-doc", b"embargoed bytes"),
        "draft_img": make_image(a, "draft-img"),
        "private_doc": make_document(a, "private-doc", b"private page bytes"),
        "unused_doc": make_document(a, "unused-doc", b"unused bytes"),
        "unused_img": make_image(a, "unused-img"),
        "b_doc": make_document(b, "b-doc", b"b bytes"),
    }
    f["public_page"] = news_using(
        agency_a, "public", image=f["public_img"], document=f["public_doc"]
    )
    # An embargoed press release: a draft that uses a PDF and an image.
    news_using(agency_a, "embargo", image=f["draft_img"], document=f["draft_doc"], live=False)
    f["private_page"] = news_using(agency_a, "private", document=f["private_doc"])
    f["restriction"] = PageViewRestriction.objects.create(
        page=f["private_page"], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    news_using(agency_b, "b-news", document=f["b_doc"])
    return f


def download(client, document):
    return client.get(document.url)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


# --- /documents/<id>/<name> ----------------------------------------------------------


def test_published_document_is_downloaded_by_anyone(client, files):
    response = download(client, files["public_doc"])
    assert response.status_code == 200 and body(response) == b"public bytes"


@pytest.mark.parametrize("key", ["draft_doc", "private_doc", "unused_doc"])
def test_unpublished_document_only_for_its_agency(client, files, agency_a, agency_b, key):
    document = files[key]
    assert download(client, document).status_code == 404
    client.force_login(editor_of(agency_b))
    assert download(client, document).status_code == 404
    client.force_login(moderator_of(agency_b))
    assert download(client, document).status_code == 404
    client.force_login(editor_of(agency_a))
    response = download(client, document)
    assert response.status_code == 200 and body(response) == document.file.open().read()


def test_private_page_password_opens_its_attachment(client, files):
    document, page = files["private_doc"], files["private_page"]
    assert download(client, document).status_code == 404
    response = client.post(
        f"/kk/_util/authenticate_with_password/{files['restriction'].pk}/{page.pk}/",
        {"password": "secret", "return_url": "/"},
    )
    assert response.status_code == 302
    response = download(client, document)
    assert response.status_code == 200 and body(response) == b"private page bytes"
    # The password of one page does not open another's files.
    assert download(client, files["draft_doc"]).status_code == 404


def test_archived_agency_published_document_is_gone(client, files, agency_a):
    archive_agency(agency_a)
    assert download(client, files["public_doc"]).status_code == 404
    client.force_login(editor_of(agency_a))
    assert download(client, files["public_doc"]).status_code == 200


def test_collection_privacy_still_asks_for_the_password(client, agency_a):
    private = agency_a.collection.add_child(instance=Collection(name="Private"))
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="pw"
    )
    document = make_document(private, "collection-secret", b"collection bytes")
    response = download(client, document)
    assert b"collection bytes" not in body(response)
    assert b'name="password"' in response.content


# --- /media/ --------------------------------------------------------------------------


def test_media_never_serves_documents(client, files, agency_a):
    for key in ("public_doc", "draft_doc", "unused_doc", "b_doc"):
        url = files[key].file.url
        assert url.startswith("/media/documents/")
        assert client.get(url).status_code == 404
    client.force_login(editor_of(agency_a))
    assert client.get(files["draft_doc"].file.url).status_code == 404


def test_media_serves_published_images_and_agency_images_to_the_agency(
    client, files, agency_a, agency_b
):
    public, draft, unused = files["public_img"], files["draft_img"], files["unused_img"]
    response = client.get(public.file.url)
    assert response.status_code == 200 and body(response).startswith(b"\x89PNG")
    assert "public" in response["Cache-Control"]
    rendition = draft.get_rendition("fill-10x10")
    for url in (draft.file.url, unused.file.url, rendition.url):
        assert client.get(url).status_code == 404, url
    client.force_login(editor_of(agency_b))
    for url in (draft.file.url, unused.file.url, rendition.url):
        assert client.get(url).status_code == 404, url
    client.force_login(editor_of(agency_a))
    for url in (draft.file.url, unused.file.url, rendition.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "private" in response["Cache-Control"]


def test_media_refuses_paths_outside_known_files(client, files):
    for url in (
        "/media/../cms/settings/base.py",
        "/media/original_images/../../README.md",
        "/media/original_images/absent.png",
        "/media/",
    ):
        assert client.get(url).status_code == 404, url


def test_nginx_backend_hands_over_with_x_accel_redirect(client, files, settings):
    from wagtail.utils.sendfile import _get_sendfile

    settings.SENDFILE_BACKEND = "cms.tenants.sendfile_nginx"
    settings.SENDFILE_URL = "/protected-media/"
    _get_sendfile.clear()
    try:
        response = download(client, files["public_doc"])
        assert response.status_code == 200
        assert response["X-Accel-Redirect"] == "/protected-media/" + files["public_doc"].file.name
        assert response.content == b""
        assert client.get(files["unused_doc"].url).status_code == 404
    finally:
        _get_sendfile.clear()


# --- public API -------------------------------------------------------------------------


def titles(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


def test_api_lists_only_published_files(client, files):
    assert titles(client.get("/api/v2/documents/")) == {"public-doc", "b-doc"}
    assert titles(client.get("/api/v2/images/")) == {"public-img"}
    for key in ("draft_doc", "private_doc", "unused_doc"):
        assert client.get(f"/api/v2/documents/{files[key].pk}/").status_code == 404
    for key in ("draft_img", "unused_img"):
        assert client.get(f"/api/v2/images/{files[key].pk}/").status_code == 404
    data = client.get(f"/api/v2/documents/{files['public_doc'].pk}/").json()
    assert data["meta"]["download_url"].endswith(files["public_doc"].url)


def test_api_unpublishing_a_page_unlists_its_files(client, files):
    files["public_page"].unpublish()
    assert titles(client.get("/api/v2/documents/")) == {"b-doc"}
    assert titles(client.get("/api/v2/images/")) == set()


def test_api_does_not_list_a_recycled_document_a_live_page_still_links(client, files):
    from cms.recyclebin import service

    service.recycle_document(files["public_doc"])
    assert titles(client.get("/api/v2/documents/")) == {"b-doc"}
    assert client.get(f"/api/v2/documents/{files['public_doc'].pk}/").status_code == 404
    assert client.get(files["public_doc"].url).status_code == 404


def test_api_urls_use_the_request_host(client, files):
    host = "portal.example.kz:8443"
    data = client.get("/api/v2/documents/?agency=agency-a", HTTP_HOST=host).json()
    (item,) = data["items"]
    assert item["meta"]["detail_url"].startswith(f"http://{host}/api/v2/documents/")
    assert item["meta"]["download_url"].startswith(f"http://{host}/documents/")
    data = client.get("/api/v2/images/", HTTP_HOST=host).json()
    assert data["items"][0]["meta"]["detail_url"].startswith(f"http://{host}/api/v2/images/")
    page = client.get(f"/api/v2/pages/{files['public_page'].pk}/", HTTP_HOST=host).json()
    assert page["meta"]["detail_url"] == f"http://{host}/api/v2/pages/{files['public_page'].pk}/"
    assert page["meta"]["html_url"].startswith(f"http://{host}/kk/agency-a/news/public/")
    assert page["meta"]["parent"]["meta"]["detail_url"].startswith(f"http://{host}/api/v2/")
    assert page["meta"]["parent"]["meta"]["html_url"].startswith(f"http://{host}/kk/")
    assert "127.0.0.1:8000" not in str(page)


def test_api_search_finds_pages_and_files(client, files):
    drain_outbox()  # what the task does after the publishing transaction commits
    data = client.get("/api/v2/pages/?search=public&locale=ru")
    assert data.status_code == 200, data.content
    assert [i["meta"]["slug"] for i in data.json()["items"]] == ["public"]
    data = client.get("/api/v2/pages/?search=embargo")  # a draft is never found
    assert data.status_code == 200 and data.json()["items"] == []
    data = client.get("/api/v2/pages/?search=public&agency=agency-b")
    assert data.status_code == 200 and data.json()["items"] == []
    data = client.get("/api/v2/pages/?search=public&type=pages.NewsPage&order=-date&limit=5")
    assert data.status_code == 200 and len(data.json()["items"]) == 1
    assert titles(client.get("/api/v2/documents/?search=doc")) == {"public-doc", "b-doc"}
    assert titles(client.get("/api/v2/images/?search=img")) == {"public-img"}


BAD_PARAMETERS = [
    "search=" + "x" * 300,
    "search_operator=and&search=x",
    "child_of=abc",
    "child_of=-1",
    "child_of=999999",
    "descendant_of=abc",
    "descendant_of=999999",
    "ancestor_of=abc",
    "ancestor_of=999999",
    "order=nope",
    "order=-nope",
    "order=random&search=x",
    "limit=abc",
    "limit=-1",
    "limit=1000",
    "offset=abc",
    "offset=-5",
    "fields=nope",
    "fields=*",
    "fields=-title",
    "fields=title(x)",
    "fields=((",
    "rich_text_format=nope",
    "site=nope.example.kz",
    "site=",
    "type=nope",
    "type=pages.NewsPage&fields=intro,body,date",
    "id=abc",
    "slug=%00",
    "title=x",
    "show_in_menus=maybe",
    "locale=xx",
    "agency=",
    "translation_of=1",
    "search=%00",
]


def test_api_parameters_work_or_answer_400_never_500(client, files):
    failures = []
    for endpoint in ("pages", "images", "documents"):
        for query in BAD_PARAMETERS:
            response = client.get(f"/api/v2/{endpoint}/?{query}")
            if response.status_code not in (200, 400) or (
                response.status_code == 400 and not response.json().get("message")
            ):
                failures.append((endpoint, query, response.status_code))
    assert failures == []


# --- admin API ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "endpoint,own,other",
    [
        ("documents", "unused_doc", "b_doc"),
        ("images", "unused_img", None),
    ],
)
def test_admin_api_is_scoped_to_the_agency(client, files, agency_a, agency_b, endpoint, own, other):
    client.force_login(editor_of(agency_b))
    response = client.get(f"/admin/api/main/{endpoint}/?limit=20")
    assert response.status_code == 200, response.content
    listing = response.json()
    ids = {item["id"] for item in listing["items"]}
    assert files[own].pk not in ids
    assert client.get(f"/admin/api/main/{endpoint}/{files[own].pk}/").status_code == 404
    if other:
        assert files[other].pk in ids
    client.force_login(editor_of(agency_a))
    assert client.get(f"/admin/api/main/{endpoint}/{files[own].pk}/").status_code == 200
    if other:
        assert client.get(f"/admin/api/main/{endpoint}/{files[other].pk}/").status_code == 404
