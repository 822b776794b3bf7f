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
