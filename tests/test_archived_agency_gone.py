"""An archived agency's addresses answer 410 Gone with a page that names its
successor and links to it (issue 15, item 5, "archive with successor"; issue 12,
item 5: a 410 page in the page's language with the platform's look).

Every case runs in kk, ru and en: the page is in the address's language, names the
successor in that language and links to the successor's site in that language (or
to the portal when there is no successor). The same holds on the archived agency's
own host name.
"""

import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect

from cms.platform.provisioning import archive_agency, update_agency
from cms.tenants.models import Agency
from tests.factories import UserFactory, make_agency

pytestmark = pytest.mark.django_db

LANGS = ("kk", "ru", "en")
NAMES_B = {"kk": "Б агенттігі", "ru": "Агентство Б", "en": "Agency B"}
NAMES_A = {"kk": "А агенттігі", "ru": "Агентство А", "en": "Agency A"}
HOST = "gone-a.example.kz"


def links(html):
    main = html.split('id="main-content"', 1)[1]
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', main)


def assert_gone(response, lang):
    assert response.status_code == 410
    assert response["Content-Language"] == lang
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert NAMES_A[lang] in html  # the closed body is named, in the page's language
    assert 'name="robots" content="noindex"' in html
    return html


@pytest.mark.parametrize("lang", LANGS)
def test_every_address_of_an_archived_agency_is_gone_with_its_successor(
    client, agency_a, agency_b, lang
):
    archive_agency(agency_a, successor=agency_b)
    for path in ("", "news/", "about/", "no/such/page/", "news/feed/", "search/"):
        html = assert_gone(client.get(f"/{lang}/agency-a/{path}"), lang)
        assert NAMES_B[lang] in html, path
        assert [url for url, _label in links(html)] == [f"/{lang}/agency-b/"], path


@pytest.mark.parametrize("lang", LANGS)
def test_without_successor_the_page_links_to_the_portal(client, agency_a, lang):
    archive_agency(agency_a)
    html = assert_gone(client.get(f"/{lang}/agency-a/news/"), lang)
    assert [url for url, _label in links(html)] == [f"/{lang}/"]


@pytest.mark.parametrize("lang", LANGS)
def test_archived_agency_own_host_is_gone(client, agency_a, agency_b, lang):
    agency_a = update_agency(agency_a, hostname=HOST)
    assert client.get(f"/{lang}/", HTTP_HOST=HOST).status_code == 200
    archive_agency(agency_a, successor=agency_b)
    paths = (f"/{lang}/", f"/{lang}/news/", f"/{lang}/no-such-page/", f"/{lang}/search/?q=x")
    for path in paths:
        html = assert_gone(client.get(path, HTTP_HOST=HOST), lang)
        assert NAMES_B[lang] in html
        # The successor lives on the portal's host: an absolute link to it.
        [(url, _label)] = links(html)
        assert url.startswith("http") and url.endswith(f"/{lang}/agency-b/"), url


def test_successor_archived_in_turn_leads_to_its_own_successor(client, agency_a, agency_b):
    archive_agency(agency_b)
    archive_agency(agency_a, successor=agency_b)
    # B is gone too and has no successor: A's page links to the portal, names nobody.
    html = assert_gone(client.get("/ru/agency-a/"), "ru")
    assert NAMES_B["ru"] not in html
    assert [url for url, _label in links(html)] == ["/ru/"]
    # B's work goes on in C: A's page now names C.
    agency_c = make_agency(
        "agency-c", names={"kk": "В агенттігі", "ru": "Агентство В", "en": "Agency C"}
    )
    archive_agency(Agency.objects.get(pk=agency_b.pk), successor=agency_c)
    html = assert_gone(client.get("/ru/agency-a/"), "ru")
    assert "Агентство В" in html
    assert [url for url, _label in links(html)] == ["/ru/agency-c/"]


def test_active_agencies_and_unknown_addresses_keep_their_404(client, agency_a, agency_b):
    archive_agency(agency_a, successor=agency_b)
    assert client.get("/ru/agency-b/no-such-page/").status_code == 404
    assert client.get("/ru/no-such-agency/").status_code == 404
    assert client.get("/ru/agency-b/").status_code == 200


def test_a_redirect_wins_over_gone(client, agency_a, agency_b):
    archive_agency(agency_a, successor=agency_b)
    Redirect.objects.create(old_path="/ru/agency-a/old", redirect_link="/ru/agency-b/")
    response = client.get("/ru/agency-a/old/")
    assert response.status_code in (301, 302)
    assert response["Location"] == "/ru/agency-b/"


def test_gone_page_is_not_stored_in_the_page_cache(client, settings, agency_a, agency_b):
    settings.PAGE_CACHE_ENABLED = True
    archive_agency(agency_a, successor=agency_b)
    for _ in range(2):
        response = client.get("/kk/agency-a/")
        assert response.status_code == 410
        assert response.get("X-Page-Cache") != "hit"


def test_restore_brings_the_site_back(client, agency_a, agency_b):
    from cms.platform.provisioning import restore_agency

    archive_agency(agency_a, successor=agency_b)
    restore_agency(agency_a)
    assert client.get("/ru/agency-a/").status_code == 200


# --- where the successor is chosen -----------------------------------------------------
def test_command_archives_with_successor(agency_a, agency_b, capsys):
    call_command("archive_agency", "agency-a", "--successor", "agency-b")
    agency_a.refresh_from_db()
    assert agency_a.is_archived and agency_a.successor_id == agency_b.pk
    assert "successor agency-b" in capsys.readouterr().out


def test_command_names_a_successor_of_an_already_archived_agency(agency_a, agency_b):
    archive_agency(agency_a)
    call_command("archive_agency", "agency-a", "--successor", "agency-b")
    agency_a.refresh_from_db()
    assert agency_a.successor_id == agency_b.pk


@pytest.mark.parametrize(
    ("successor", "message"),
    [("no-such-agency", "No agency"), ("agency-a", "own successor")],
)
def test_command_refuses_a_bad_successor(agency_a, successor, message):
    with pytest.raises(CommandError, match=message), translation.override("en"):
        call_command("archive_agency", "agency-a", "--successor", successor)
    agency_a.refresh_from_db()
    assert not agency_a.is_archived and agency_a.successor_id is None


def test_successor_loop_is_refused(agency_a, agency_b):
    archive_agency(agency_b, successor=agency_a)
    with pytest.raises(CommandError, match="already a successor"), translation.override("en"):
        call_command("archive_agency", "agency-a", "--successor", "agency-b")


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="gone-admin", is_superuser=True))
    return client


def test_admin_archives_with_successor(admin_client, agency_a, agency_b):
    url = reverse("agencies:archive", args=(agency_a.pk,))
    html = admin_client.get(url).content.decode()
    assert 'name="successor"' in html
    assert f'<option value="{agency_b.pk}">' in html
    assert f'<option value="{agency_a.pk}">' not in html  # not its own successor
    response = admin_client.post(url, {"successor": agency_b.pk})
    assert response.status_code == 302
    agency_a.refresh_from_db()
    assert agency_a.is_archived and agency_a.successor_id == agency_b.pk


def test_admin_refuses_a_bad_successor_without_archiving(admin_client, agency_a):
    url = reverse("agencies:archive", args=(agency_a.pk,))
    for value in (str(agency_a.pk), "999999", "x"):
        response = admin_client.post(url, {"successor": value})
        assert response.status_code == 400
        assert 'role="alert"' in response.content.decode()
    agency_a.refresh_from_db()
    assert not agency_a.is_archived


def test_other_users_cannot_archive(client, agency_a, agency_b):
    from tests.factories import editor_of

    client.force_login(editor_of(agency_a))
    response = client.post(
        reverse("agencies:archive", args=(agency_b.pk,)), {"successor": agency_a.pk}
    )
    assert response.status_code in (302, 403)
    agency_b.refresh_from_db()
    assert not agency_b.is_archived and agency_b.successor_id is None


# --- legal acts stay -------------------------------------------------------------------
def _act(agency):
    from cms.pages.models import LegalActPage

    documents = agency.home_page.get_children().get(slug="documents")
    act = LegalActPage(slug="order-7", number="№ 7", signatory="А. Қол")
    for lang in LANGS:
        setattr(act, f"title_{lang}", f"{lang}: бұйрық № 7")
        setattr(act, f"signatory_{lang}", "А. Қол")
    documents.add_child(instance=act)
    act.save_revision().publish()
    return act


@pytest.mark.parametrize("lang", LANGS)
def test_legal_acts_of_an_archived_agency_keep_answering(client, agency_a, agency_b, lang):
    act = _act(agency_a)
    url = f"/{lang}/agency-a/documents/order-7/"
    assert client.get(url).status_code == 200
    archive_agency(agency_a, successor=agency_b)

    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    note = html.split('role="note"', 1)[1].split("</div>", 1)[0]
    assert NAMES_A[lang] in note and NAMES_B[lang] in note
    # The register itself and the rest of the site are gone.
    assert client.get(f"/{lang}/agency-a/documents/").status_code == 410
    act.refresh_from_db()
    assert act.live
    agency_a.refresh_from_db()
    assert act.pk not in agency_a.archived_live_page_ids


def test_acts_of_an_active_agency_have_no_former_body_note(client, agency_a):
    _act(agency_a)
    assert 'role="note"' not in client.get("/ru/agency-a/documents/order-7/").content.decode()
