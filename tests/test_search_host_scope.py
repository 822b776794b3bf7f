"""On an agency's own host, search and suggest answer with that agency's pages only
(the other agencies' pages are not served there: their links would 404), and
`search_index status` reports an unreachable engine instead of failing (issue 12)."""

import socket
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from cms.pages.models import NewsPage
from tests.factories import make_agency


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def add_news(agency, slug, kk, ru):
    parent = agency.home_page.get_children().get(slug="news").specific
    page = NewsPage(slug=slug, date=date(2024, 5, 1))
    page.title_kk, page.title_ru = kk, ru
    page.body_kk = [("paragraph", f"<p>{kk} туралы мәтін.</p>")]
    page.body_ru = [("paragraph", f"<p>Текст: {ru}.</p>")]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def hosts(portal, commit):
    with commit():
        own = make_agency("own-host", hostname="own.gov.kz")
        other = make_agency("other-body")
        add_news(own, "digital", "Цифрландыру жоспары", "План цифровизации")
        add_news(other, "digital", "Цифрландыру есебі", "Отчёт о цифровизации")
    return own, other


def suggestions(client, host=None, **params):
    extra = {"HTTP_HOST": host} if host else {}
    response = client.get("/kk/search/suggest/", {"q": "цифрлан", "lang": "kk", **params},
                          **extra)
    return response


def test_suggest_on_the_agencys_host_lists_only_its_pages(client, hosts):
    response = suggestions(client, "own.gov.kz")
    assert response.status_code == 200
    assert [s["title"] for s in response.json()["suggestions"]] == ["Цифрландыру жоспары"]
    assert response.json()["suggestions"][0]["url"] == "/kk/news/digital/"
    # The portal still suggests every agency's pages.
    portal_wide = suggestions(client)
    assert len(portal_wide.json()["suggestions"]) == 2


def test_suggest_on_the_agencys_host_ignores_another_agency_parameter(client, hosts):
    response = suggestions(client, "own.gov.kz", agency="other-body")
    titles = [s["title"] for s in response.json().get("suggestions", [])]
    assert "Цифрландыру есебі" not in titles
    assert response.status_code == 400
    assert response.json()["error"]


def test_search_on_the_agencys_host_ignores_another_agency_parameter(client, hosts):
    response = client.get("/kk/search/", {"q": "цифрландыру", "agency": "other-body"},
                          HTTP_HOST="own.gov.kz")
    titles = [i["title"] for i in response.context["items"]]
    assert titles == ["<mark>Цифрландыру</mark> жоспары"]


def _closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def test_status_while_the_engine_is_down_reports_it(agency_a, settings):
    settings.SEARCH_URL = f"http://127.0.0.1:{_closed_port()}"
    out = StringIO()
    call_command("search_index", "status", stdout=out)
    text = out.getvalue()
    assert "elastic: UNREACHABLE" in text
    assert "Pending changes in the outbox:" in text
    # The database engine's counts are still shown.
    assert "agency-a" in text and "database" in text
