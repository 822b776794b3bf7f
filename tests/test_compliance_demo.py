"""`manage.py compliance_check` on the demo platform, and the dashboard over it.

The demo platform comes from the `demo_platform` fixture (tests/conftest.py: loaded
once per run, the database as it was restored after the module): each test runs in its
own transaction on top, rolled back.
"""

import datetime
import io
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page

from cms.compliance import calendar
from cms.compliance.management.commands.compliance_check import Progress
from cms.compliance.models import Snapshot
from cms.demo.loader import agencies
from cms.editorial.testing import platform_admin
from cms.pages.models import NewsPage
from cms.tenants.models import Agency

SLUGS = sorted(data["agency"]["slug"] for data in agencies())


def today():
    """The local date when asked, not when the module was imported: a run that crosses
    local midnight (19:00 UTC in Almaty) compares with the command's own date."""
    return timezone.localdate()


@pytest.fixture
def demo_db(demo_platform, db):
    """The demo platform (tests/conftest.py: loaded once per run)."""


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("compliance_check", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_checks_every_demo_agency(demo_db):
    out, err = run()
    # Not a terminal: one progress line per agency, on stderr.
    assert err.splitlines() == [f"[{n}/{len(SLUGS)}] {slug}" for n, slug in enumerate(SLUGS, 1)]
    assert f"{len(SLUGS)} agencies checked" in out
    snapshots = Snapshot.objects.filter(date=today())
    assert sorted(s.agency.slug for s in snapshots) == SLUGS
    for snapshot in snapshots:
        assert snapshot.pages > 10
        assert snapshot.depth == 100, snapshot.items  # the demo keeps its pages in reach
        assert snapshot.freshness == 100  # its news was published just now
        assert snapshot.due_dates


def test_a_second_run_the_same_day_replaces_the_snapshot(demo_db):
    run("--agency", "digital")
    run("--agency", "digital")
    assert Snapshot.objects.filter(agency__slug="digital").count() == 1


def test_the_command_refuses_bad_arguments(demo_db):
    with pytest.raises(CommandError, match="No active agency"):
        run("--agency", "nobody")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run("--date", "yesterday")


def test_moving_the_clock_turns_news_red_with_its_due_date(demo_db):
    digital = Agency.objects.get(slug="digital")
    news = digital.home_page.get_children().get(slug="news")
    newest = max(
        NewsPage.objects.live().descendant_of(news).values_list("first_published_at", flat=True)
    )
    due = calendar.add_working_days(timezone.localdate(newest), 1)
    later = due + datetime.timedelta(days=1)
    run("--agency", "digital", "--date", later.isoformat())
    snapshot = Snapshot.objects.get(agency=digital, date=later)
    assert snapshot.freshness < 100
    stale = [i for i in snapshot.items if i["check"] == "freshness" and i["page"] == news.pk]
    assert {(i["lang"], i["due"]) for i in stale} == {
        ("kk", due.isoformat()),
        ("ru", due.isoformat()),
    }


def test_publishing_news_turns_the_demo_agency_green(demo_db, client):
    digital = Agency.objects.get(slug="digital")
    news = digital.home_page.get_children().get(slug="news").specific
    Page.objects.descendant_of(news).update(
        first_published_at=timezone.now() - datetime.timedelta(days=21)
    )
    run("--agency", "digital")
    assert Snapshot.objects.get(agency=digital, date=today()).freshness < 100
    client.force_login(platform_admin())
    row = client.get("/admin/compliance/agency/digital/").content.decode()
    assert "Overdue" in row

    item = NewsPage(slug="compliance-fresh", title="Жаңа хабар")
    item.title_kk = "Министрлік жаңа хабар жариялады"
    item.title_ru = "Министерство опубликовало новость"
    item.body_kk = [("paragraph", "<p>Цифрлық қызметтер туралы жаңа хабар.</p>")]
    item.body_ru = [("paragraph", "<p>Новость о цифровых услугах.</p>")]
    news.add_child(instance=item)
    item.save_revision().publish()
    run("--agency", "digital")
    assert Snapshot.objects.get(agency=digital, date=today()).freshness == 100


def test_the_dashboard_shows_every_demo_agency(demo_db, client):
    run()
    client.force_login(platform_admin())
    html = client.get("/admin/compliance/").content.decode()
    for agency in Agency.objects.filter(slug__in=SLUGS):
        assert f"/admin/compliance/agency/{agency.slug}/" in html


def test_the_check_of_the_whole_demo_costs_a_bounded_number_of_queries(
    demo_db, django_assert_max_num_queries
):
    # About 75 an agency on the demo, whatever its number of pages (see
    # test_compliance_checks: more pages of a type cost no more queries).
    with django_assert_max_num_queries(90 * len(SLUGS)):
        run()


def test_a_terminal_gets_a_bar_redrawn_in_place():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    stream = Terminal()
    progress = Progress(stream, 2)
    progress.step("digital")
    progress.step("health")
    text = stream.getvalue()
    assert text.startswith("\r[###############---------------] 1/2 digital")
    assert "\r[##############################] 2/2 health" in text and text.endswith("\n")
