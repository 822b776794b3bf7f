"""Rendering each listings page type with realistic content stays under a fixed number
of SQL queries, whatever the number of items (the lists grow, the query count does not).

The tree: agency-a with 6 services (2 key, 3 categories), 6 vacancies, 6 events
(2 past), a FAQ of 10 questions and a gallery of 6 photos and 2 videos (helpers from
tests/test_listings.py).
"""

import pytest

from tests.test_listings import (
    add_event,
    add_gallery,
    add_service,
    add_vacancy,
    fill_faq,
    section,
    url,
)
from tests.test_listings import image as image  # noqa: F401  (fixture)

# Measured on SQLite with a warm cache (the first request fills the chrome cache:
# site, agency, navigation, breadcrumbs, private sections; cms.core.chrome) plus a
# margin of one. Measured when written: the routing took three (the portal, the path,
# the page) and the listings a constant few (no query per item): services 4, service
# 3, vacancies 4, vacancy 3, events 5, event 3, FAQ 3, galleries 4, gallery 6. With
# the served page kept by the route cache and each page's own part (its listing, its
# body) kept as HTML per version of the page (cms.pages.agency_cache, issue 14): 0
# for every type.
BUDGET = {
    "serviceindexpage": 1,
    "servicepage": 1,
    "vacancyindexpage": 1,
    "vacancypage": 1,
    "eventindexpage": 1,
    "eventpage": 1,
    "faqpage": 1,
    "galleryindexpage": 1,
    "gallerypage": 1,
}


@pytest.fixture
def site(agency_a, image):  # noqa: F811
    categories = ["citizens", "business", "organisations"]
    pages = {}
    for n in range(6):
        pages["servicepage"] = add_service(
            agency_a, f"service-{n}", is_key=n < 2, category=categories[n % 3], marker=f"S{n}"
        )
        pages["vacancypage"] = add_vacancy(agency_a, f"vacancy-{n}", marker=f"V{n}")
        pages["eventpage"] = add_event(agency_a, f"event-{n}", days=n * 5 - 10, marker=f"E{n}")
    pages["faqpage"] = fill_faq(agency_a, count=10)
    pages["gallerypage"] = add_gallery(agency_a, image, photos=6)
    add_gallery(agency_a, image, slug="second", photos=2)
    for slug, name in (
        ("services", "serviceindexpage"),
        ("vacancies", "vacancyindexpage"),
        ("events", "eventindexpage"),
        ("media", "galleryindexpage"),
    ):
        pages[name] = section(agency_a, slug)
    return pages


@pytest.mark.parametrize("name", list(BUDGET))
def test_page_type_renders_within_its_query_budget(
    client, site, name, django_assert_max_num_queries
):
    path = url(site[name], "ru")
    assert client.get(path).status_code == 200  # warm: site roots, renditions
    with django_assert_max_num_queries(BUDGET[name]):
        response = client.get(path)
    assert response.status_code == 200
