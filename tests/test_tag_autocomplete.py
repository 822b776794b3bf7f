"""Wagtail's own tag autocomplete (/admin/tag-autocomplete/) lists every tag in the
database; on this platform it answers an agency's users with their agency's tags only
(news topics, image and document tags), and platform admins with all of them."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests.factories import editor_of, moderator_of
from tests.test_content_pages import add_news

URLS = ("/admin/tag-autocomplete/", "/admin/tag-autocomplete/taggit/tag/")


@pytest.fixture
def tagged(agency_a, agency_b):
    add_news(agency_a, "a", tags=["roads-a"])
    add_news(agency_b, "b", tags=["roads-b"])
    for agency, tag in ((agency_a, "roadworks-photo-a"), (agency_b, "roadworks-photo-b")):
        image = get_image_model().objects.create(
            title=f"photo {tag}", file=get_test_image_file(), collection=agency.collection
        )
        image.tags.add(tag)


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("role", [editor_of, moderator_of])
def test_agency_users_get_their_agencys_tags_only(client, agency_a, tagged, url, role):
    client.force_login(role(agency_a))
    response = client.get(url, {"term": "road"})
    assert response.status_code == 200
    assert response.json() == ["roads-a", "roadworks-photo-a"]


@pytest.mark.parametrize("url", URLS)
def test_platform_admins_get_every_tag(client, tagged, url):
    admin = get_user_model().objects.create_superuser("root", "root@example.kz", "x")
    client.force_login(admin)
    names = client.get(url, {"term": "road"}).json()
    assert names == ["roads-a", "roads-b", "roadworks-photo-a", "roadworks-photo-b"]


def test_other_tag_models_and_anonymous_users_get_nothing(client, agency_a, tagged):
    assert client.get(URLS[0], {"term": "road"}).status_code == 302  # to the login
    client.force_login(editor_of(agency_a))
    assert client.get("/admin/tag-autocomplete/auth/user/", {"term": "a"}).json() == []
    assert client.get(URLS[0]).json() == []
