"""Routing by language prefix and by an agency's own host name."""

import pytest

from cms.platform.provisioning import provision_agency
from tests.factories import make_agency


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_portal_home_in_each_language(client, portal, agency_a, lang):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    expected = {"kk": "А агенттігі", "ru": "Агентство А", "en": "Agency A"}[lang]
    assert expected in html


def test_root_redirects_to_a_language(client, portal):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] in {"/kk/", "/ru/", "/en/"}


def test_agency_home_by_path(client, portal):
    make_agency("test-agency", names={"kk": "Сынақ агенттігі", "ru": "Тестовое агентство"})
    response = client.get("/ru/test-agency/")
    assert response.status_code == 200
    assert "Тестовое агентство" in response.content.decode()
    assert client.get("/kk/test-agency/news/").status_code == 200
    assert client.get("/ru/no-such-agency/").status_code == 404


def test_agency_by_hostname(client, portal):
    agency = provision_agency(
        slug="akimat",
        names={"kk": "Әкімдік", "ru": "Акимат", "en": "Akimat"},
        hostname="akimat.example.kz",
    ).agency
    response = client.get("/ru/", HTTP_HOST="akimat.example.kz")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Акимат</h1>" in html
    # Links inside the agency's own site are relative to its host, without the slug.
    assert 'href="/ru/news/"' in html
    assert client.get("/ru/news/", HTTP_HOST="akimat.example.kz").status_code == 200
    # The portal still serves the agency under its slug.
    assert client.get(f"/ru/{agency.slug}/").status_code == 200


def test_archived_agency_is_not_served(client, portal):
    from cms.platform.provisioning import archive_agency

    agency = make_agency("gone")
    archive_agency(agency)
    # Gone, with the 410 page (tests/test_archived_agency_gone.py).
    assert client.get("/ru/gone/").status_code == 410
    assert "gone" not in client.get("/ru/").content.decode()
