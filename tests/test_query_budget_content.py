"""Query budgets of the content page types, with realistic content: each page renders
within a fixed number of SQL queries, and listings do not grow with their items.

Measured when written: home 22, news archive 23, news item 22, legal acts 21, legal
act 23, standard page 21 (the site chrome alone took about 18). With the chrome cache
(cms.core.chrome: site, agency, menus, portal, breadcrumbs, private sections) and
routing in one query (issue 14), measured on SQLite: home 9, news archive 8, news item
5, legal acts 6, legal act 6, standard page 5. With the served page kept by the route
cache (cms.pages.routing.specific_page) and the home's content block rendered once per
agency version: home 0, news archive 5, news item 2, legal acts 3, legal act 4,
standard page 2. With a page's own parts kept per version of the page (body, foot,
Open Graph, a news item's tags: cms.pages.agency_cache.cached_for_page) and the
register per choice of filters: news item 0, legal acts 0, standard page 0; and the
news archive per choice of filters (cms.pages.paging.cached_listing): 0.
Budgets: that plus one, and never more than the issue's 12."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.navigation.models import QuickLink
from cms.pages.models import NewsPage
from tests.test_content_pages import (
    add_act,
    add_document,
    add_image,
    add_news,
    add_standard,
    section,
    url,
)


def count_queries(client, path) -> int:
    client.get(path)  # warm the per-process caches (site root paths, renditions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def fill_news(agency, count, start=0):
    image = add_image(agency)
    for n in range(start, start + count):
        add_news(
            agency,
            f"n{n}",
            date=datetime.date(2025, 1 + n % 12, 1 + n % 28),
            category=NewsPage.Category.PRESS_RELEASE if n % 3 == 0 else NewsPage.Category.NEWS,
            tags=["budget", f"topic-{n % 4}"],
            priority=n == start,
            image=image if n % 2 == 0 else None,
        )


def fill_acts(agency, count, start=0):
    document = add_document(agency)
    for n in range(start, start + count):
        add_act(
            agency,
            f"act-{n}",
            number=f"№ {n}",
            date=datetime.date(2020 + n % 6, 3, 1 + n % 28),
            files={"kk": document, "ru": document, "en": document} if n % 2 else {},
        )


@pytest.fixture
def realistic(agency_a):
    fill_news(agency_a, 12)
    fill_acts(agency_a, 12)
    for n in range(4):
        QuickLink.objects.create(agency=agency_a, title=f"Link {n}", url=f"https://x{n}.kz/")
    agency_a.phone = "+7 7172 00 00 00"
    agency_a.email = "info@a.kz"
    agency_a.save()
    return agency_a


def test_agency_home_budget(client, realistic, django_assert_max_num_queries):
    path = url(realistic.home_page)
    client.get(path)
    with django_assert_max_num_queries(1):
        assert client.get(path).status_code == 200


def test_news_index_budget(client, realistic, django_assert_max_num_queries):
    path = url(section(realistic, "news"), query="?year=2025&tag=budget")
    client.get(path)
    with django_assert_max_num_queries(1):
        assert client.get(path).status_code == 200


def test_news_page_budget(client, realistic, django_assert_max_num_queries):
    page = NewsPage.objects.get(slug="n0")
    path = url(page)
    client.get(path)
    with django_assert_max_num_queries(1):
        assert client.get(path).status_code == 200


def test_legal_act_index_budget(client, realistic, django_assert_max_num_queries):
    path = url(section(realistic, "documents"))
    client.get(path)
    with django_assert_max_num_queries(1):
        assert client.get(path).status_code == 200


def test_legal_act_page_budget(client, realistic, django_assert_max_num_queries):
    page = section(realistic, "documents").get_children().get(slug="act-1").specific
    path = url(page)
    client.get(path)
    with django_assert_max_num_queries(5):
        assert client.get(path).status_code == 200


def test_standard_page_budget(client, agency_a, django_assert_max_num_queries):
    page = add_standard(agency_a, "rich")
    for n in range(3):
        add_standard(agency_a, f"child-{n}", parent=page, body=[])
    path = url(page)
    client.get(path)
    with django_assert_max_num_queries(1):
        assert client.get(path).status_code == 200


def test_listings_do_not_grow_with_their_items(client, agency_a):
    fill_news(agency_a, 4)
    fill_acts(agency_a, 4)
    paths = [
        url(agency_a.home_page),
        url(section(agency_a, "news")),
        url(section(agency_a, "documents")),
    ]
    before = [count_queries(client, path) for path in paths]
    fill_news(agency_a, 8, start=4)
    fill_acts(agency_a, 8, start=4)
    after = [count_queries(client, path) for path in paths]
    assert after == before
