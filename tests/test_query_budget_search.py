"""Query budget of the public search results page (database engine, SQLite or
PostgreSQL): the agency of the URL or host, the synonyms and the private pages come
from the chrome cache (cms.core.chrome), so a search costs its engine's queries (the
hits, their rows, the other languages' counts), the promoted results and one UPDATE
of the query log, whatever the number of synonyms.

Measured 21 queries (agency search) and 15 (portal search) before the caches, 7 each
with them.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from search.models import AgencySynonym, PlatformSynonym
from tests.test_search_views import add_news

SEARCH_BUDGET = 12
AGENCY_SEARCH = "/kk/agency-a/search/?q=цифрландыру"
PORTAL_SEARCH = "/kk/search/?q=цифрландыру"
A_URL = 'href="/kk/agency-a/news/digital/"'
B_URL = 'href="/kk/agency-b/news/council/"'


@pytest.fixture
def corpus(agency_a, agency_b, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pages = {
            "a": add_news(
                agency_a, "digital", kk="Цифрландыру бағдарламасы", ru="Программа цифровизации"
            ),
            "b": add_news(
                agency_b, "council", kk="Цифрландыру жөніндегі кеңес", ru="Совет по цифровизации"
            ),
        }
    return pages


def queries(client, url):
    client.get(url)  # warm: the caches, and the query log's row of the day
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(captured)


@pytest.mark.parametrize("url", [AGENCY_SEARCH, PORTAL_SEARCH])
def test_a_search_stays_within_its_budget(client, corpus, url):
    html, count = queries(client, url)
    assert A_URL in html
    assert count <= SEARCH_BUDGET


def test_synonyms_cost_no_query_whatever_their_number(client, corpus, agency_a):
    _, before = queries(client, AGENCY_SEARCH)
    for n in range(5):
        PlatformSynonym.objects.create(language="kk", terms=f"сөз{n}, термин{n}")
        AgencySynonym.objects.create(agency=agency_a, language="kk", terms=f"ат{n}, атау{n}")
    _, after = queries(client, AGENCY_SEARCH)
    assert after == before


def test_a_saved_synonym_applies_to_the_next_search(client, corpus, agency_a, agency_b):
    url = "/kk/agency-a/search/?q=цифрлықтандыру"
    assert A_URL not in client.get(url).content.decode()
    synonym = AgencySynonym.objects.create(
        agency=agency_a, language="kk", terms="цифрлықтандыру, цифрландыру"
    )
    assert A_URL in client.get(url).content.decode()
    # Only in that agency's search: agency B's search does not widen the word.
    other = client.get("/kk/agency-b/search/?q=цифрлықтандыру").content.decode()
    assert B_URL not in other
    synonym.delete()
    assert A_URL not in client.get(url).content.decode()


def test_a_page_made_private_leaves_the_results_at_once(client, corpus):
    html, _ = queries(client, PORTAL_SEARCH)
    assert A_URL in html
    PageViewRestriction.objects.create(page=corpus["a"], restriction_type=PageViewRestriction.LOGIN)
    html = client.get(PORTAL_SEARCH).content.decode()
    assert A_URL not in html
    assert B_URL in html
