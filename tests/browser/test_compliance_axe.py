"""The compliance dashboard, an agency's compliance page (platform admin) and the
public scorecard /<lang>/transparency/ pass axe-core (WCAG 2.0/2.1/2.2 A and AA) in
real Chromium at 1280 px and 375 px; the axe crawl of the compliance app runs on the
live demo with the session's browser.

The snapshots and the platform admin are committed before the tests (the server's
threads read them) and removed after, like the editor of test_editor_csp.
"""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from cms.compliance.crawl import crawl_agency
from cms.compliance.models import AxeCrawl, Snapshot
from cms.editorial.testing import admin_user
from cms.tenants.models import Agency
from tests.conftest import verify_second_factor

from .conftest import VIEWPORTS, format_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

ADMIN_PAGES = ["/admin/compliance/", "/admin/compliance/agency/digital/"]
SCORECARD = [f"/{lang}/transparency/" for lang in ("kk", "ru", "en")]


@pytest.fixture(scope="module")
def admin_session(live_site, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("compliance_check", stdout=StringIO(), stderr=StringIO())
        user = admin_user("compliance-unit", is_superuser=True, is_staff=True)
        client = Client()
        client.force_login(user)
        verify_second_factor(client, user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
    yield session
    with django_db_blocker.unblock():
        Snapshot.objects.all().delete()
        AxeCrawl.objects.all().delete()
        user.delete()


@pytest.fixture(scope="module")
def admin_tabs(browser, live_site, admin_session):
    """A tab per viewport in a context holding the platform admin's session (reused by
    every admin page of this module: the admin's static files are fetched once)."""
    host = live_site.url.split("//", 1)[1].split(":")[0]
    contexts, tabs = [], {}
    for viewport in ("desktop", "mobile"):
        context = browser.new_context(viewport=VIEWPORTS[viewport], reduced_motion="reduce")
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": admin_session,
                              "domain": host, "path": "/"}])
        contexts.append(context)
        tabs[viewport] = context.new_page()
    yield tabs
    for context in contexts:
        context.close()


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_compliance_admin_pages_pass_axe(admin_tabs, axe, live_site, path, viewport):
    tab = admin_tabs[viewport]
    response = tab.goto(live_site(path), wait_until="load")
    assert response is not None and response.status == 200, path
    assert tab.locator("table").count() >= 2
    violations = run_axe(axe, tab)
    assert violations == [], format_violations(violations)


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
@pytest.mark.parametrize("path", SCORECARD)
def test_the_public_scorecard_passes_axe(tabs, axe, live_site, admin_session, path, viewport):
    # The shared anonymous context of this viewport (its staff cookie is for the
    # catalogue's paths only).
    tab = tabs(viewport, "normal")
    response = tab.goto(live_site(path), wait_until="load")
    assert response is not None and response.status == 200, path
    assert tab.locator("h1").count() == 1
    assert tab.locator("html").get_attribute("lang") == path.split("/")[1]
    assert tab.locator("tbody tr").count() == Agency.objects.filter(
        status=Agency.Status.ACTIVE
    ).count()
    violations = run_axe(axe, tab)
    assert violations == [], format_violations(violations)


def test_the_axe_crawl_stores_the_result(browser, axe, live_site, admin_session):
    digital = Agency.objects.get(slug="digital")
    result = crawl_agency(digital, live_site.url, browser, axe, limit=2, languages=("kk",))
    assert result.pages == 2
    crawl = AxeCrawl.objects.get(agency=digital)
    assert crawl.pages_checked == 2
    assert crawl.failures == result.failures == []
