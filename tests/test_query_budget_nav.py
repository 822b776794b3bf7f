"""Query budget of the header and footer on an agency home page.

The menu is built from a fixed number of queries whatever its size (one for the menu
row, one for its pages or the sections, one for their sub-pages, plus Wagtail's
view-restriction lookups), and then served from the cache: a warm page spends no
query on navigation at all.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.navigation import menus
from cms.navigation.models import AgencyMenu
from cms.pages.models import SectionPage

# Header and footer from a cold cache (menu, sections, sub-pages, portal home and
# pages, and the rest of the chrome that the platform's version retires: the site, the
# agency); measured 8 on SQLite before the chrome cache. The whole warm home page (with
# the head of the agency, key services, quick links and contacts) measured 20 before
# the chrome cache, 8 with it, 3 since its content is cached with the chrome
# (cms.pages.agency_cache: the routing and the page itself are left). Its content
# shares the chrome's versions, so a cold home page rebuilds the menus and the content:
# at most the old warm budget (9) plus the menus' (12).
NAV_COLD_BUDGET = 12
HOME_WARM_BUDGET = 3
HOME_COLD_BUDGET = 9 + NAV_COLD_BUDGET


def add_pages(parent, count, prefix):
    pages = []
    for n in range(count):
        page = SectionPage(slug=f"{prefix}-{n}")
        page.title_kk, page.title_ru = f"Бет {n}", f"Страница {n}"
        page.body_kk = page.body_ru = [("paragraph", "<p>.</p>")]
        parent.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    return pages


def sections(agency):
    return {p.slug: p for p in SectionPage.objects.child_of(agency.home_page)}


def home_queries(client, url="/ru/agency-a/", cold=True):
    """Queries of one request for `url`; with `cold`, the cached menus are forgotten
    first (everything else Wagtail caches, like the site root paths, stays warm)."""
    client.get(url)
    if cold:
        menus.bump(menus.GLOBAL)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_default_menu_queries_do_not_grow_with_the_menu(client, agency_a):
    cold_small = home_queries(client)
    warm_small = home_queries(client, cold=False)
    about = sections(agency_a)["about"]
    add_pages(about, 6, "about")
    add_pages(sections(agency_a)["services"], 6, "service")
    add_pages(sections(agency_a)["contacts"], 3, "office")
    cold_large = home_queries(client)
    warm_large = home_queries(client, cold=False)
    assert cold_large == cold_small
    assert warm_large == warm_small <= HOME_WARM_BUDGET
    assert cold_small <= HOME_COLD_BUDGET


def test_custom_menu_queries_do_not_grow_with_the_menu(client, agency_a):
    found = sections(agency_a)
    extra = add_pages(found["about"], 8, "about")

    def menu_of(pages):
        return [
            {
                "type": "item",
                "value": {
                    "page": page.pk,
                    "url": "",
                    "children": [
                        {"type": "item", "value": {"page": child.pk, "url": ""}} for child in extra
                    ],
                },
            }
            for page in pages
        ]

    menu = AgencyMenu.objects.create(agency=agency_a, main_items=menu_of([found["news"]]))
    cold_small = home_queries(client)
    menu.main_items = menu_of(found.values())
    menu.save()
    cold_large = home_queries(client)
    assert cold_large == cold_small
    warm = home_queries(client, cold=False)
    assert warm <= HOME_WARM_BUDGET
    assert cold_large <= HOME_COLD_BUDGET


@pytest.mark.parametrize("url", ["/kk/agency-a/", "/en/agency-a/about/"])
def test_warm_navigation_costs_no_query(client, agency_a, url):
    home_queries(client, url, cold=False)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    assert not [q for q in captured.captured_queries if "navigation_agencymenu" in q["sql"]]
