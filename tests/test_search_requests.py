"""Round trips to Elasticsearch per search page (issue 14): the results, their counts in
the other languages and the facets come from one `_msearch` request; "did you mean"
adds a second one only when nothing was found; the suggest endpoint sends one. The
engine is a real osmem-server over HTTP; the requests are counted at the transport,
below the client library, so a search sent any other way is counted too.

Also: `search_many` answers exactly what `search` answers for each query, on both
engines (the database engine asks in turn).
"""

from datetime import date

import pytest

from cms.pages.models import NewsPage
from search.engines import get_engine
from search.engines.base import SearchQuery
from search.engines.database import DatabaseEngine
from search.engines.elastic import PlainJsonTransport

pytestmark = [pytest.mark.engine, pytest.mark.django_db]


@pytest.fixture
def elastic(settings, osmem_clone):
    settings.SEARCH_URL = osmem_clone.url
    settings.SEARCH_INDEX_PREFIX = "requests-test"


@pytest.fixture
def published(agency_a, elastic, django_capture_on_commit_callbacks):
    """Two news items of agency A, indexed in both engines on commit."""
    news = agency_a.home_page.get_children().get(slug="news").specific
    with django_capture_on_commit_callbacks(execute=True):
        for slug, kk, ru, en in [
            ("water", "Ауыз су құбыры жөндеуден өтті", "Водопровод отремонтирован",
             "The water main has been repaired"),
            ("roads", "Ауыл жолдары жаңартылады", "Сельские дороги обновят",
             "Rural roads will be renewed"),
        ]:
            page = NewsPage(slug=slug, date=date(2026, 3, 2))
            page.title_kk, page.title_ru, page.title_en = kk, ru, en
            page.body_kk = [("paragraph", f"<p>{kk}. Жұмыс көктемде аяқталады.</p>")]
            page.body_ru = [("paragraph", f"<p>{ru}. Работы завершатся весной.</p>")]
            page.body_en = [("paragraph", f"<p>{en}. The work ends in spring.</p>")]
            news.add_child(instance=page)
            page.save_revision().publish()
    get_engine().refresh()


@pytest.fixture
def sent(monkeypatch):
    """(method, path) of every HTTP request the Elasticsearch client sends."""
    requests = []
    original = PlainJsonTransport.perform_request

    def counting(self, method, target, **kwargs):
        requests.append((method, target.split("?", 1)[0]))
        return original(self, method, target, **kwargs)

    monkeypatch.setattr(PlainJsonTransport, "perform_request", counting)
    return requests


def _warm(client):
    """The first search of a process also reads the index's mapping version, once."""
    assert client.get("/ru/search/", {"q": "водопровод"}).status_code == 200


def test_a_results_page_is_one_request(client, published, sent):
    _warm(client)
    sent.clear()
    response = client.get("/ru/search/", {"q": "водопровод"})
    assert response.status_code == 200
    assert response.context["reduced"] is False
    assert [item["url"] for item in response.context["items"]] == [
        "/ru/agency-a/news/water/"
    ]
    # The other languages' counts came in the same request (kk and en both hold it).
    offers = {o["language"]: o["total"] for o in response.context["other_languages"]}
    assert offers == {} or set(offers) <= {"kk", "en"}
    assert sent == [("POST", "/_msearch")], sent


def test_other_language_counts_come_with_the_search(client, published, sent):
    _warm(client)
    sent.clear()
    response = client.get("/en/search/", {"q": "водопровод"})
    assert response.context["total"] == 0
    assert [(o["language"], o["total"]) for o in response.context["other_languages"]] == [
        ("ru", 1)
    ]
    # A Russian word on the English page has no other reading to probe: one request.
    assert response.context["did_you_mean"] is None
    assert sent == [("POST", "/_msearch")], sent


def test_did_you_mean_is_one_more_request(client, published, sent):
    _warm(client)
    sent.clear()
    response = client.get("/ru/search/", {"q": "djljghjdjl"})  # водопровод, wrong layout
    assert response.context["total"] == 0
    assert response.context["did_you_mean"]["text"] == "водопровод"
    assert sent == [("POST", "/_msearch")] * 2, sent


def test_suggest_is_one_request(client, published, sent):
    _warm(client)
    sent.clear()
    response = client.get("/kk/search/suggest/", {"q": "ауыз", "lang": "kk"})
    assert response.status_code == 200
    assert [s["title"] for s in response.json()["suggestions"]] == [
        "Ауыз су құбыры жөндеуден өтті"
    ]
    assert sent == [("POST", "/_msearch")], sent


@pytest.mark.parametrize("which", ["database", "elastic"])
def test_search_many_answers_what_search_answers(published, which):
    engine = DatabaseEngine() if which == "database" else get_engine()
    assert engine.name == which
    queries = [
        SearchQuery(text="водопровод", language="ru"),
        SearchQuery(text="құбыры", language="kk", per_page=1),
        SearchQuery(text="roads", language="en", agency="agency-b"),  # another agency: none
        SearchQuery(text="", language="en"),  # no words: never sent
        SearchQuery(text="water OR roads", language="en", sort="date"),
    ]
    together = engine.search_many(queries)
    alone = [engine.search(query) for query in queries]
    assert [(r.total, [h.id for h in r.hits], r.facets) for r in together] == [
        (r.total, [h.id for h in r.hits], r.facets) for r in alone
    ]
    assert [r.total for r in together][:4] == [1, 1, 0, 0]
