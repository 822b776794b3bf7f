"""On the demo platform every live page of an agency is reachable from its home page
within three clicks, following only the links of the pages themselves (header,
footer, content), and every agency's footer links the portal's shared pages.

The demo platform comes from the `demo_platform` fixture (tests/conftest.py: loaded
once per run, the database as it was restored after the module).
"""

import re
from collections import deque
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from cms.demo.loader import agencies
from cms.navigation.models import AgencyMenu
from cms.tenants.models import PORTAL_PAGE_SLUGS, Agency

AGENCIES = [data["agency"] for data in agencies()]

HREF = re.compile(r'<a\b[^>]*\bhref="([^"#?]*)[^"]*"')
FOOTER = re.compile(r"<footer.*?</footer>", re.S)
MAX_CLICKS = 3


@pytest.fixture
def demo_db(demo_platform, db):
    """The demo platform (tests/conftest.py: loaded once per run)."""


def crawl(client, start: str, prefix: str, **headers) -> dict[str, int]:
    """Paths under `prefix` reached from `start`, each with its number of clicks."""
    clicks = {start: 0}
    queue = deque([start])
    while queue:
        path = queue.popleft()
        if clicks[path] == MAX_CLICKS:
            continue
        response = client.get(path, **headers)
        assert response.status_code == 200, path
        for href in HREF.findall(response.content.decode()):
            target = urlsplit(href)
            if target.netloc or not target.path.startswith(prefix):
                continue
            if target.path not in clicks:
                clicks[target.path] = clicks[path] + 1
                queue.append(target.path)
    return clicks


def live_paths(agency, lang: str, prefix: str) -> set[str]:
    home = agency.home_page
    return {
        prefix + page.url_path[len(home.url_path) :]
        for page in home.get_descendants(inclusive=True).live().public()
    }


@pytest.mark.parametrize("slug", [spec["slug"] for spec in AGENCIES])
def test_every_page_is_within_three_clicks_of_the_home_page(client, demo_db, slug):
    agency = Agency.objects.get(slug=slug)
    prefix = f"/ru/{slug}/"
    reached = crawl(client, prefix, prefix)
    missing = live_paths(agency, "ru", prefix) - set(reached)
    assert not missing, f"not reachable within {MAX_CLICKS} clicks: {sorted(missing)}"


def test_the_own_host_site_is_crawlable_too(client, demo_db):
    agency = Agency.objects.get(hostname="akimat.localhost")
    reached = crawl(client, "/kk/", "/kk/", HTTP_HOST="akimat.localhost")
    missing = live_paths(agency, "kk", "/kk/") - set(reached)
    assert not missing, sorted(missing)


def test_two_agencies_have_their_own_menu_and_the_others_the_default(client, demo_db):
    custom = set(AgencyMenu.objects.values_list("agency__slug", flat=True))
    assert {"digital", "health"} <= custom
    digital = client.get("/en/digital/").content.decode()
    assert 'href="https://egov.kz/"' in digital
    assert "E-government portal" in digital
    # A default menu: the standard sections.
    default = client.get("/en/zhetikol/").content.decode()
    assert 'href="/en/zhetikol/news/"' in default and 'href="/en/zhetikol/appeals/"' in default


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_agency_footer_links_the_portal_pages(client, demo_db, lang):
    for spec in AGENCIES:
        html = client.get(f"/{lang}/{spec['slug']}/").content.decode()
        footer = FOOTER.search(html).group(0)
        for slug in PORTAL_PAGE_SLUGS:
            assert f'href="/{lang}/{slug}/"' in footer, (spec["slug"], slug)


def test_loading_the_demo_again_creates_no_menu(demo_db):
    before = AgencyMenu.objects.count()
    call_command("load_demo", stdout=StringIO())
    assert AgencyMenu.objects.count() == before
