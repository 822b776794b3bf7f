"""The agency audit log (Reports → Agency audit log): an agency's users see the log
entries of its pages, images, documents and snippets, and nothing of another agency;
platform admins see every agency and can filter by one."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.log_actions import log

from cms.editorial.testing import (
    add_url,
    editor,
    moderator,
    news_form,
    news_section,
    platform_admin,
    workflow_action_url,
)
from cms.navigation.models import QuickLink
from cms.pages.models import NewsPage

URL = "/admin/reports/agency-audit-log/"


def _activity(client, agency, tag):
    """A page created, submitted and approved; an image, a document and a quick link
    with their log entries; every title carries `tag`."""
    client.force_login(editor(agency))
    client.post(
        add_url(news_section(agency)),
        news_form(slug=f"news-{tag.lower()}", action="action-submit", title_en=f"{tag} news",
                  title_kk=f"{tag} жаңалық", title_ru=f"{tag} новость"),
    )
    page = NewsPage.objects.get(slug=f"news-{tag.lower()}")
    client.force_login(moderator(agency))
    client.post(workflow_action_url(page), {"comment": ""})
    user = editor(agency)
    image = Image.objects.create(title=f"{tag} image", file=get_test_image_file(),
                                 collection=agency.collection, uploaded_by_user=user)
    log(image, "wagtail.create", user=user)
    document = Document.objects.create(
        title=f"{tag} document", file=ContentFile(b"x", name=f"{tag}.txt"),
        collection=agency.collection, uploaded_by_user=user,
    )
    log(document, "wagtail.create", user=user)
    link = QuickLink(agency=agency, url="https://example.kz/", sort_order=1)
    for lang in ("kk", "ru", "en"):
        setattr(link, f"title_{lang}", f"{tag} link")
    link.save()
    log(link, "wagtail.create", user=user)
    client.cookies.clear()


@pytest.fixture
def activity(client, agency_a, agency_b):
    _activity(client, agency_a, "Alpha")
    _activity(client, agency_b, "Bravo")


def _html(client, user, params=None):
    client.force_login(user)
    response = client.get(URL, params or {})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("role", [editor, moderator])
def test_agency_user_sees_only_own_agency(client, agency_a, activity, role):
    html = _html(client, role(agency_a))
    for what in ("news", "image", "document", "link"):
        assert f"Alpha {what}" in html, what
        assert f"Bravo {what}" not in html, what
    # Submitting and approving are in the log too.
    assert f"{agency_a.slug}: moderation" in html  # "Workflow ... started"
    assert "approve" in html.lower()


def test_agency_filter_cannot_reach_another_agency(client, agency_a, agency_b, activity):
    html = _html(client, editor(agency_a), {"agency": agency_b.pk})
    assert "Bravo" not in html
    # The results fragment and the export are scoped the same way.
    client.force_login(editor(agency_a))
    results = client.get(URL + "results/", {"agency": agency_b.pk}).content.decode()
    assert "Bravo" not in results
    export = client.get(URL, {"export": "csv"})
    content = b"".join(export.streaming_content) if export.streaming else export.content
    assert b"Bravo" not in content and b"Alpha" in content


def test_platform_admin_sees_all_and_filters_by_agency(client, agency_a, agency_b, activity):
    admin = platform_admin()
    html = _html(client, admin)
    assert "Alpha news" in html and "Bravo news" in html
    html = _html(client, admin, {"agency": agency_b.pk})
    assert "Bravo news" in html and "Bravo image" in html and "Bravo link" in html
    assert "Alpha" not in html


def test_menu_item_under_reports(client, agency_a):
    client.force_login(editor(agency_a))
    html = client.get("/admin/").content.decode()
    assert reverse("editorial_audit_log") in html
    assert reverse("editorial_missing_languages") in html


def test_bad_filter_value_is_not_an_error(client, agency_a, activity):
    client.force_login(editor(agency_a))
    for params in ({"agency": "x"}, {"agency": "999999"}, {"timestamp_after": "yesterday"}):
        response = client.get(URL, params)
        assert response.status_code == 200
        assert "Alpha" in response.content.decode() or "valid" in response.content.decode()


def test_user_without_agency_sees_nothing(client, agency_a, activity):
    from cms.editorial.testing import admin_user

    nobody = admin_user("nobody")
    from django.contrib.auth.models import Permission

    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    html = _html(client, nobody)
    assert "Alpha" not in html and "Bravo" not in html
