"""Documents of an archived agency are no longer served to the public."""

from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from cms.platform.provisioning import archive_agency, restore_agency
from tests.factories import editor_of
from tests.media_helpers import news_using


def make_document(agency):
    document = Document(title="Бұйрық №1", collection=agency.collection)
    document.file.save("order-1.txt", ContentFile(b"order text"), save=False)
    document.save()
    return document


def test_archived_agency_documents_are_hidden(client, agency_a, agency_b):
    document = make_document(agency_a)
    news_using(agency_a, "order", document=document)  # published: served to anyone
    url = document.url
    assert client.get(url).status_code == 200

    archive_agency(agency_a)
    assert client.get(url).status_code == 404
    client.force_login(editor_of(agency_b))
    assert client.get(url).status_code == 404
    client.force_login(editor_of(agency_a))  # still in the group, data kept
    assert client.get(url).status_code == 200

    client.logout()
    restore_agency(agency_a)
    assert client.get(url).status_code == 200


def _act_with_file(agency, document, slug="order-9"):
    from cms.pages.models import LegalActPage

    documents = agency.home_page.get_children().get(slug="documents")
    act = LegalActPage(slug=slug, number="№ 9", file_kk=document, file_ru=document)
    for lang in ("kk", "ru", "en"):
        setattr(act, f"title_{lang}", f"{lang}: бұйрық № 9")
    documents.add_child(instance=act)
    act.save_revision().publish()
    return act


def test_legal_act_files_of_an_archived_agency_keep_answering(client, agency_a, agency_b):
    """The law keeps an archived body's legal acts reachable (they answer, marked as a
    former body's): the act's files keep answering too, to anyone."""
    act_file = make_document(agency_a)
    other = Document(title="Ішкі хат", collection=agency_a.collection)
    other.file.save("letter.txt", ContentFile(b"letter"), save=False)
    other.save()
    _act_with_file(agency_a, act_file)
    news_using(agency_a, "letter", document=other)
    assert client.get(act_file.url).status_code == 200
    assert client.get(other.url).status_code == 200

    archive_agency(agency_a, successor=agency_b)
    assert client.get("/ru/agency-a/documents/order-9/").status_code == 200
    response = client.get(act_file.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"order text"
    # A file that only the (now unpublished) news used is still withheld.
    assert client.get(other.url).status_code == 404
