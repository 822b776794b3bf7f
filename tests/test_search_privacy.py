"""Private pages never leave the platform through search (issue 12).

A view restriction (login, password or groups; on the page or on an ancestor) takes
the page and its subtree out of the index in the request cycle that adds it (the
outbox, drained on commit), and removing it brings them back. Every search also
excludes the pages hidden now (`SearchQuery.exclude_pages`), so an engine that still
holds them (its drain failed, or has not run yet) does not show them. Each test runs
on the database engine (SQLite, or PostgreSQL with DATABASE_URL) and on the
Elasticsearch engine against osmem-server (marked `engine`).
"""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from cms.pages.models import NewsPage
from search.engines import all_engines, get_engine
from search.engines.base import SearchQuery
from search.models import IndexOutbox, SearchEntry
from search.privacy import private_page_ids, restricted_paths
from tests.test_search_engines import doc, engine, find, load  # noqa: F401 (fixture)

WORD_KK = "Тұщыландыру"
WORD_RU = "Опреснение"


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(params=["database", pytest.param("elastic", marks=pytest.mark.engine)])
def backend(request, settings):
    """The configured engine: the database's, or osmem-server's as SEARCH_URL."""
    if request.param == "elastic":
        settings.SEARCH_URL = request.getfixturevalue("osmem_clone").url
        settings.SEARCH_INDEX_PREFIX = "privacy-test"
    return request.param


def add_news(parent, slug, kk, ru):
    page = NewsPage(slug=slug, date=date(2024, 5, 1))
    page.title_kk, page.title_ru = kk, ru
    page.body_kk = [("paragraph", f"<p>{kk} туралы мәтін.</p>")]
    page.body_ru = [("paragraph", f"<p>Текст: {ru}.</p>")]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def news(agency_a):
    return agency_a.home_page.get_children().get(slug="news").specific


@pytest.fixture
def secret(news, commit, backend):
    with commit():
        page = add_news(news, "secret", f"{WORD_KK} хабарламасы", f"{WORD_RU} сообщения")
        add_news(news, "open", "Ашық хабарлама", "Открытое сообщение")
    return page


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="s3cret" if kind == "password" else "")
    if kind == "groups":
        restriction.groups.set([Group.objects.create(name="Insiders")])
    return restriction


def in_engines(page_id, word=WORD_KK):
    """The page ids each engine finds for `word` (the engines' own answer, unfiltered)."""
    result = {}
    for each in all_engines():
        each.refresh()
        hits = each.search(SearchQuery(text=word, language="kk")).hits
        result[each.name] = [h.page_id for h in hits]
    return result


def search_titles(client, word=WORD_KK, lang="kk"):
    response = client.get(f"/{lang}/search/", {"q": word})
    assert response.status_code == 200
    return [item["title"] for item in response.context["items"]]


def suggest_titles(client, word=WORD_KK, lang="kk"):
    response = client.get(f"/{lang}/search/suggest/", {"q": word, "lang": lang})
    assert response.status_code == 200
    return [s["title"] for s in response.json()["suggestions"]]


def test_the_page_is_found_before_it_is_restricted(client, secret):
    assert in_engines(secret.pk) == {e.name: [secret.pk] for e in all_engines()}
    assert len(search_titles(client)) == 1
    assert suggest_titles(client, WORD_KK[:5]) == [f"{WORD_KK} хабарламасы"]


@pytest.mark.parametrize("kind", ["login", "password", "groups"])
@pytest.mark.parametrize("on", ["page", "ancestor"])
def test_a_restriction_removes_the_subtree_and_lifting_it_restores(
    client, secret, news, commit, kind, on
):
    target = secret if on == "page" else news
    with commit():
        restriction = restrict(target, kind)
    assert IndexOutbox.objects.count() == 0
    assert in_engines(secret.pk) == {e.name: [] for e in all_engines()}
    assert not SearchEntry.objects.filter(page_id=secret.pk).exists()
    assert search_titles(client) == [] and search_titles(client, WORD_RU, "ru") == []
    assert suggest_titles(client, WORD_KK[:5]) == []
    assert suggest_titles(client, WORD_RU[:6], "ru") == []
    if on == "ancestor":  # the whole section went, its public twin included
        assert suggest_titles(client, "Ашық") == []

    with commit():
        restriction.delete()
    assert in_engines(secret.pk) == {e.name: [secret.pk] for e in all_engines()}
    assert len(search_titles(client)) == 1
    assert suggest_titles(client, WORD_KK[:5]) == [f"{WORD_KK} хабарламасы"]


def test_an_engine_that_still_holds_the_page_does_not_show_it(client, secret):
    """The restriction is committed but the outbox not drained yet (or the drain
    failed): the engines still hold the page, the searches hide it all the same."""
    restrict(secret, "login")  # no on-commit callbacks: nothing drained
    assert IndexOutbox.objects.filter(page_id=secret.pk).exists()
    assert in_engines(secret.pk)[get_engine().name] == [secret.pk]
    assert search_titles(client) == []
    assert suggest_titles(client, WORD_KK[:5]) == []
    from search.engines import search

    assert search(SearchQuery(text=WORD_KK, language="kk")).hits == []


def test_private_page_ids_cover_descendants_and_nested_restrictions(news, secret, agency_a):
    assert private_page_ids() == frozenset()
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    PageViewRestriction.objects.create(page=news, restriction_type="login")
    assert restricted_paths() == [news.path]
    ids = private_page_ids()
    assert {news.pk, secret.pk} <= ids and agency_a.home_page.pk not in ids


# --- the engines' own filter -------------------------------------------------------
def test_engine_excludes_pages_from_hits_totals_and_facets(engine):  # noqa: F811
    a, b, c = (doc("Бюджет жоспары", agency=agency, page_id=pid)
               for agency, pid in (("agency-a", 501), ("agency-b", 502), ("agency-b", 503)))
    load(engine, a, b, c)
    everything = find(engine, "бюджет")
    assert everything.total == 3
    results = engine.search(SearchQuery(text="бюджет", language="kk",
                                        exclude_pages=frozenset({502, 503})))
    assert [h.page_id for h in results.hits] == [501]
    assert results.total == 1
    assert dict(results.facets["agency"]) == {"agency-a": 1}
    assert dict(results.facets["year"]) == {2024: 1}
    two = engine.search(SearchQuery(text="бюджет жоспары", language="kk",
                                    exclude_pages=frozenset({501})))
    assert sorted(h.page_id for h in two.hits) == [502, 503] and two.total == 2
