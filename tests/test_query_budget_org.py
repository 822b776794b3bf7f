"""Query budget of the organisation page types with realistic content: a leadership
page with a head and five deputies (all with photos), a person page, a structure page
with six departments and four subordinate bodies, and a contacts page with a reception
schedule of six rows. The numbers must not grow with the number of people, departments,
subordinate bodies or schedule rows (no query per item)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_agency
from tests.test_organisation import (
    DEPUTY_ONE,
    HEAD,
    add_person,
    add_structure,
    contacts_of,
    fill_contacts,
    leadership_of,
    portrait,
)

# Measured on SQLite with warm caches, the chrome cache included (8, 4, 5, 4
# queries; 24, 21, 22, 19 before it); one of headroom.
BUDGETS = {
    "/ru/agency-a/leadership/": 9,
    "/ru/agency-a/leadership/the-head/": 5,
    "/ru/agency-a/leadership/structure/": 6,
    "/ru/agency-a/contacts/": 5,
}


def _build(agency, people: int, departments: int, subordinates: int, rows: int):
    leadership = leadership_of(agency)
    add_person(leadership, "the-head", HEAD, "head", is_head=True, photo=portrait(agency))
    for index in range(people):
        names = {lang: f"{DEPUTY_ONE[lang]} {index}" for lang in DEPUTY_ONE}
        add_person(leadership, f"deputy-{index}", names, sort_order=index,
                   photo=portrait(agency, f"P{index}"))
    add_structure(leadership, departments=departments)
    for index in range(subordinates):
        make_agency(f"{agency.slug}-sub-{index}", parent=agency)
    fill_contacts(contacts_of(agency), rows=rows)


def _count(client, url) -> int:
    client.get(url)  # warm: renditions, site root paths
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", list(BUDGETS))
def test_page_stays_within_its_query_budget(client, agency_a, url, django_assert_max_num_queries):
    _build(agency_a, people=5, departments=6, subordinates=4, rows=6)
    client.get(url)
    with django_assert_max_num_queries(BUDGETS[url]):
        response = client.get(url)
    assert response.status_code == 200


def test_queries_do_not_grow_with_content(client, agency_a, agency_b):
    _build(agency_a, people=1, departments=1, subordinates=1, rows=1)
    small = {url: _count(client, url) for url in BUDGETS}
    urls_b = {url: url.replace("agency-a", "agency-b") for url in BUDGETS}
    _build(agency_b, people=6, departments=6, subordinates=5, rows=6)
    large = {url: _count(client, urls_b[url]) for url in BUDGETS}
    assert large == small
