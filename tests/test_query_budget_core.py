"""Query budgets of the portal home page and of a plain section page (the other page
types have theirs in tests/test_query_budget_<app>.py). Each is measured with several
agencies or sub-pages, and must not grow when there are more of them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.pages.models import SectionPage, StandardPage
from tests.factories import make_agency

LANGS = ("kk", "ru", "en")
# measured 0 on SQLite (2 before the latest news were kept, 6 before the chrome cache)
PORTAL_BUDGET = 1
# measured 0 on SQLite (2 before the page's own parts were kept, 5 before the route
# cache kept the page, 16 before the chrome cache)
SECTION_BUDGET = 1


def _queries(client, url) -> int:
    client.get(url)  # warm the caches (site root paths, menus) as a live site has them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def _add_pages(section, count, start=0):
    for n in range(start, start + count):
        page = StandardPage(slug=f"page-{n}")
        for lang in LANGS:
            setattr(page, f"title_{lang}", f"{lang} бет {n}")
            setattr(page, f"intro_{lang}", f"{lang} кіріспе {n}")
            setattr(page, f"body_{lang}", [("paragraph", f"<p>{lang} мәтін {n}</p>")])
        section.add_child(instance=page)
        page.save_revision().publish()


@pytest.mark.parametrize("lang", LANGS)
def test_portal_home_budget(client, agency_a, agency_b, lang):
    few = _queries(client, f"/{lang}/")
    for n in range(3):
        make_agency(f"extra-{n}")
    many = _queries(client, f"/{lang}/")
    assert many == few <= PORTAL_BUDGET, (few, many)


@pytest.mark.parametrize("lang", LANGS)
def test_plain_section_budget(client, agency_a, lang):
    about = SectionPage.objects.child_of(agency_a.home_page).get(slug="about")
    _add_pages(about, 3)
    few = _queries(client, f"/{lang}/agency-a/about/")
    _add_pages(about, 5, start=3)
    many = _queries(client, f"/{lang}/agency-a/about/")
    assert many == few <= SECTION_BUDGET, (few, many)
