"""The "done when" of issue 15's reorganisation, on the demo platform itself.

The demo platform comes from the `demo_platform` fixture (tests/conftest.py: loaded
once per run); each test runs in its own transaction, rolled back:

- renaming `health`'s address to `health-care` makes every old
  `/kk|ru|en/health/...` address of every live page answer 301 to the new one;
- merging `infosec` into `digital` keeps every news item and legal act reachable
  under `digital`, and every old address redirects there;
- archiving with a successor answers 410 naming the successor, in kk, ru and en.
"""


import pytest
from wagtail.models import Page

from cms.pages.models import LegalActPage, NewsPage
from cms.platform import reorg
from cms.platform.provisioning import archive_agency
from cms.tenants.models import Agency

LANGS = ("kk", "ru", "en")


@pytest.fixture
def demo_db(demo_platform, db):
    """The demo platform (tests/conftest.py: loaded once per run)."""


def _live_paths(agency: Agency, model=Page) -> list[str]:
    """The addresses below /<lang>/ of the agency's live pages of `model`."""
    home = agency.home_page
    pages = model.objects.live().descendant_of(home, inclusive=model is Page)
    return [agency.slug + "/" + page.url_path[len(home.url_path) :] for page in pages]


def test_renaming_health_to_health_care_redirects_every_old_address(client, demo_db):
    health = Agency.objects.get(slug="health")
    paths = _live_paths(health)
    assert len(paths) > 10
    reorg.rename_agency(health, slug="health-care")
    for lang in LANGS:
        for path in paths:
            response = client.get(f"/{lang}/{path}")
            assert response.status_code == 301, (lang, path)
            new = f"/{lang}/health-care/{path[len('health/') :]}"
            assert response["Location"] == new
            assert client.get(new).status_code == 200, new


def test_merging_infosec_into_digital_keeps_every_news_item_and_act(client, demo_db):
    infosec, digital = Agency.objects.get(slug="infosec"), Agency.objects.get(slug="digital")
    items = _live_paths(infosec, NewsPage) + _live_paths(infosec, LegalActPage)
    every = _live_paths(infosec)
    assert _live_paths(infosec, NewsPage) and _live_paths(infosec, LegalActPage)
    digital_before = len(_live_paths(digital))
    reorg.merge_agencies(infosec, digital)
    for lang in LANGS:
        for path in every:
            response = client.get(f"/{lang}/{path}")
            assert response.status_code == 301, (lang, path)
            location = response["Location"]
            assert location.startswith(f"/{lang}/digital/"), location
            assert client.get(location).status_code == 200, location
    # The news items and acts are now digital's own pages.
    assert len(_live_paths(Agency.objects.get(slug="digital"))) >= digital_before + len(items)
    infosec.refresh_from_db()
    assert infosec.is_archived and infosec.successor_id == digital.pk


def test_archiving_with_a_successor_names_it_in_every_language(client, demo_db):
    kokterek, zhetikol = Agency.objects.get(slug="kokterek"), Agency.objects.get(slug="zhetikol")
    archive_agency(kokterek, successor=zhetikol)
    for lang in LANGS:
        response = client.get(f"/{lang}/kokterek/")
        assert response.status_code == 410
        html = response.content.decode()
        assert getattr(zhetikol, f"name_{lang}") in html
        assert f'href="/{lang}/zhetikol/"' in html
