"""The compliance screens: the platform admins' dashboard (filters, order, trend,
exports, the scorecard switch), each agency's own page and dashboard card, the rules
in the admin, the public scorecard /<lang>/transparency/ and the weekly digest.

Isolation: an agency's editors and moderators see their own agency's card and page,
and nothing of another agency, neither on their dashboard nor by typing its URL.
"""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from cms.compliance.digest import send_digests
from cms.compliance.models import ScorecardSetting, SectionRule, Snapshot
from cms.compliance.snapshots import check_agency
from cms.core import pagecache
from cms.editorial.testing import admin_user, editor, moderator, platform_admin
from cms.tenants.models import Agency

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/compliance/"
TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def _today():
    """TODAY as each test starts, not as the module was imported: a run that crosses
    local midnight (19:00 UTC in Almaty) compares with the checks' own date."""
    global TODAY  # noqa: PLW0603
    TODAY = timezone.localdate()


def agency_url(agency):
    return f"/admin/compliance/agency/{agency.slug}/"


@pytest.fixture
def snapshots(agency_a, agency_b):
    """A's and B's snapshots of today, and one of A from 30 days ago (the trend)."""
    old = check_agency(agency_a, TODAY - datetime.timedelta(days=30))
    Snapshot.objects.filter(pk=old.pk).update(overall=40)
    return check_agency(agency_a, TODAY), check_agency(agency_b, TODAY)


@pytest.fixture
def admin(client):
    user = platform_admin()
    client.force_login(user)
    return user


@pytest.fixture(params=["editor", "moderator"])
def agency_user(request, client, agency_a):
    user = editor(agency_a) if request.param == "editor" else moderator(agency_a)
    client.force_login(user)
    return user


# --- The dashboard ------------------------------------------------------------------


def test_dashboard_lists_every_agency_with_its_scores(client, admin, snapshots):
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("Agency A", "Agency B", "Freshness", "Click depth", "Moderation"):
        assert name in html
    a, _b = snapshots
    assert f"{a.overall}</span>" in html
    # The trend: a chart with a text alternative, and the numbers in a table.
    assert 'role="img"' in html and "<title id=\"platform-trend-title\">" in html
    assert html.count("<time datetime=") >= 2


def test_platform_admins_group_member_sees_the_dashboard(client, snapshots):
    from django.conf import settings
    from django.contrib.auth.models import Group

    group, _created = Group.objects.get_or_create(name=settings.PLATFORM_ADMINS_GROUP)
    user = admin_user("unit-head", groups=[group])
    client.force_login(user)
    assert client.get(DASHBOARD).status_code == 200


def test_dashboard_filters_by_category_and_parent_and_sorts(client, admin, agency_a, agency_b,
                                                            snapshots):
    html = client.get(DASHBOARD, {"category": "committee"}).content.decode()
    assert "Agency B" in html and "Agency A" not in html
    Agency.objects.filter(pk=agency_b.pk).update(parent=agency_a)
    html = client.get(DASHBOARD, {"parent": agency_a.pk}).content.decode()
    assert "Agency B" in html and ">Agency A</a>" not in html
    ordered = client.get(DASHBOARD, {"sort": "-name"}).content.decode()
    assert ordered.index("Agency B") < ordered.index(">Agency A</a>")
    assert 'aria-sort="descending"' in ordered


@pytest.mark.parametrize(
    "params", [{"category": "nonsense"}, {"parent": "abc"}, {"parent": "999999"},
               {"sort": "password"}, {"format": "pdf"}],
)
def test_dashboard_ignores_bad_parameters(client, admin, snapshots, params):
    assert client.get(DASHBOARD, params).status_code == 200


def test_agency_users_and_visitors_cannot_see_the_dashboard(client, agency_user, snapshots):
    assert client.get(DASHBOARD).status_code == 403
    assert client.get(DASHBOARD, {"format": "csv"}).status_code == 403
    assert client.post("/admin/compliance/scorecard/", {"public": "off"}).status_code == 403
    assert ScorecardSetting.is_public()
    client.logout()
    response = client.get(DASHBOARD)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


# --- Exports ------------------------------------------------------------------------


def exports_of(user):
    return list(ModelLogEntry.objects.filter(
        object_id=str(user.pk), content_type__model="user", action="accounts.export"
    ))


def test_csv_export_is_formula_neutral_and_audited(client, admin, agency_b, snapshots):
    Agency.objects.filter(pk=agency_b.pk).update(name_en="=HYPERLINK(\"http://x\")")
    response = client.get(DASHBOARD, {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Agency", "Address"]
    names = [row[0] for row in rows[1:]]
    assert "'=HYPERLINK(\"http://x\")" in names and "Agency A" in names
    [entry] = exports_of(admin)
    assert entry.data["what"] == "compliance_dashboard" and entry.data["rows"] == 2


def test_xlsx_export_keeps_names_as_text_and_is_audited(client, admin, agency_b, snapshots):
    Agency.objects.filter(pk=agency_b.pk).update(name_en="=1+2")
    response = client.get(DASHBOARD, {"format": "xlsx", "category": "committee"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(row=2, column=1).value == "'=1+2"
    assert sheet.max_row == 2
    [entry] = exports_of(admin)
    assert entry.data["format"] == "xlsx" and entry.data["rows"] == 1


# --- An agency's page and card: isolation --------------------------------------------


def test_admin_sees_any_agencys_page_with_edit_links(client, admin, agency_b, snapshots):
    response = client.get(agency_url(agency_b))
    assert response.status_code == 200
    html = response.content.decode()
    assert "When each section falls due" in html
    assert "/admin/pages/" in html  # links to fix the items and edit the sections


def test_agency_users_see_their_own_page_only(client, agency_user, agency_a, agency_b,
                                              snapshots):
    own = client.get(agency_url(agency_a))
    assert own.status_code == 200 and "Agency A" in own.content.decode()
    other = client.get(agency_url(agency_b))
    missing = client.get("/admin/compliance/agency/no-such-agency/")
    assert other.status_code == missing.status_code == 403
    assert other.content == missing.content and "Агентство Б" not in other.content.decode()


def test_the_dashboard_card_shows_only_the_users_own_agency(client, agency_user, snapshots):
    html = client.get("/admin/").content.decode()
    assert "Compliance of your site" in html
    assert "Agency A" in html and "Agency B" not in html
    assert "/admin/compliance/agency/agency-a/" in html
    assert "/admin/compliance/agency/agency-b/" not in html
    assert 'href="/admin/compliance/"' not in html  # no menu item to the dashboard


def test_the_platform_admins_card_links_the_dashboard(client, admin, snapshots):
    html = client.get("/admin/").content.decode()
    assert "Compliance of the agencies" in html and 'href="/admin/compliance/"' in html


def test_failing_items_are_described_in_the_admin_language(client, agency_a, snapshots):
    user = editor(agency_a, language="ru")
    client.force_login(user)
    Agency.objects.filter(pk=agency_a.pk).update(phone="")
    check_agency(Agency.objects.get(pk=agency_a.pk), TODAY)
    html = client.get(agency_url(agency_a)).content.decode()
    # The pages are named in Russian, and so are the languages of the items.
    assert "«Контакты»" in html and "Русский (ru)" in html


# --- Rules in the admin -------------------------------------------------------------


def test_platform_admins_edit_the_rules(client, admin):
    rule = SectionRule.objects.get(section="news", category="")
    listing = client.get("/admin/compliance_section_rules/")
    assert listing.status_code == 200 and "news" in listing.content.decode()
    response = client.post(
        f"/admin/compliance_section_rules/edit/{rule.pk}/",
        {"section": "news", "category": "", "required": "on", "kind": "newest_item",
         "working_days": "2"},
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.working_days == 2


def test_agency_users_cannot_edit_the_rules(client, agency_user):
    rule = SectionRule.objects.get(section="news", category="")
    for url in ("/admin/compliance_section_rules/",
                f"/admin/compliance_section_rules/edit/{rule.pk}/",
                "/admin/compliance_content_rules/"):
        assert client.get(url).status_code in (302, 403), url
    client.post(f"/admin/compliance_section_rules/edit/{rule.pk}/",
                {"section": "news", "category": "", "kind": "newest_item",
                 "working_days": "30"})
    rule.refresh_from_db()
    assert rule.working_days == 1


# --- The public scorecard -----------------------------------------------------------


@pytest.mark.parametrize(
    "lang, name, words",
    [("kk", "А агенттігі", "transparency"), ("ru", "Агентство А", "transparency"),
     ("en", "Agency A", "Updated on time")],
)
def test_the_scorecard_lists_agencies_in_plain_words(client, snapshots, lang, name, words):
    response = client.get(f"/{lang}/transparency/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    assert name in html and html.count("<h1") == 1
    if lang == "en":
        assert words in html and "Order 124-НҚ" in html


def test_the_scorecard_is_cached_and_a_new_snapshot_retires_it(client, agency_a, snapshots,
                                                               settings):
    settings.PAGE_CACHE_ENABLED = True
    first = client.get("/en/transparency/")
    assert first[pagecache.HEADER] == "miss"
    assert client.get("/en/transparency/")[pagecache.HEADER] == "hit"
    assert "Updated on time" in first.content.decode()
    # The news goes stale: the next check writes a snapshot, the scorecard follows.
    later = TODAY + datetime.timedelta(days=30)
    Snapshot.objects.all().delete()
    check_agency(agency_a, later)
    again = client.get("/en/transparency/")
    assert again[pagecache.HEADER] == "miss"
    assert "overdue" in again.content.decode()


def test_platform_admins_switch_the_scorecard_off_and_on(client, admin, snapshots):
    assert client.get("/kk/transparency/").status_code == 200
    client.post("/admin/compliance/scorecard/", {"public": "off"})
    assert not ScorecardSetting.is_public()
    client.logout()
    assert client.get("/kk/transparency/").status_code == 404
    assert client.get("/en/transparency/").status_code == 404
    client.force_login(admin)
    client.post("/admin/compliance/scorecard/", {"public": "on"})
    client.logout()
    assert client.get("/ru/transparency/").status_code == 200
    assert ModelLogEntry.objects.filter(action="birtutas.compliance.scorecard").count() == 2


def test_a_bad_switch_value_is_a_message_not_an_error(client, admin):
    response = client.post("/admin/compliance/scorecard/", {"public": "maybe"}, follow=True)
    assert response.status_code == 200
    assert ScorecardSetting.is_public()


def test_no_agency_can_take_the_scorecards_address():
    from django.core.exceptions import ValidationError

    from cms.tenants.models import validate_slug

    with pytest.raises(ValidationError):
        validate_slug("transparency")


# --- The weekly digest --------------------------------------------------------------


def test_each_moderator_gets_the_digest_in_their_language(agency_a, agency_b, snapshots):
    ru = moderator(agency_a, language="ru")
    ru.email = "moderator-a@example.gov.kz"
    ru.save()
    kk = admin_user("kk-moderator-a", groups=[agency_a.moderators_group], language="kk",
                    email="kk-moderator@example.gov.kz")
    other = moderator(agency_b, language="en")
    other.email = "moderator-b@example.gov.kz"
    other.save()
    mail.outbox.clear()
    sent = send_digests(TODAY, agency_slug="agency-a")
    assert sorted(sent) == [("agency-a", "agency-a-moderator", "ru"),
                            ("agency-a", "kk-moderator-a", "kk")]
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {ru.email, kk.email}
    assert "Агентство А" in by_address[ru.email].subject
    assert "А агенттігі" in by_address[kk.email].subject
    for message in mail.outbox:
        assert "/admin/compliance/agency/agency-a/" in message.body
        assert "agency-b" not in message.body and "Агентство Б" not in message.body


def test_the_digest_command(agency_a, snapshots):
    from django.core.management import CommandError, call_command

    out = io.StringIO()
    call_command("compliance_digest", "--agency", "agency-a", stdout=out)
    assert "digests sent" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("compliance_digest", "--agency", "nobody", stdout=out)


def test_the_chart_coordinates_survive_russian_number_formatting(client, snapshots):
    import re

    user = platform_admin(language="ru")
    client.force_login(user)
    html = client.get(DASHBOARD).content.decode()
    start = html.index('<svg class="compliance-trend__svg"')
    svg = html[start: html.index("</svg>", start)]
    numbers = re.findall(r'\b(?:x|y|x1|x2|y1|y2|cx|cy)="([^"]*)"', svg)
    assert numbers and all(re.fullmatch(r"-?\d+(\.\d+)?", n) for n in numbers), numbers
    points = re.search(r'points="([^"]*)"', svg).group(1)
    assert re.fullmatch(r"(\d+(\.\d+)?,\d+(\.\d+)? ?)+", points), points


# --- The daily task -----------------------------------------------------------------


def test_the_daily_task_checks_every_agency_and_queues_the_next_run(agency_a, agency_b,
                                                                     settings):
    from cms.compliance import tasks

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    counts = tasks.daily_compliance.call()
    assert counts["agencies"] == Agency.objects.filter(status=Agency.Status.ACTIVE).count()
    assert Snapshot.objects.filter(agency=agency_a, date=TODAY).exists()
    backend = tasks.daily_compliance.get_backend()
    queued = [r for r in backend.results if r.task.name == "daily_compliance"]
    assert len(queued) == 1 and queued[0].task.run_after.time() == datetime.time(4, 0)
    assert tasks.schedule_daily_compliance() is None  # one is waiting already


def test_the_digests_go_out_on_mondays(agency_a, snapshots):
    from cms.compliance import tasks

    user = moderator(agency_a)
    user.email = "moderator-a@example.gov.kz"
    user.save()
    monday = TODAY - datetime.timedelta(days=TODAY.weekday())
    mail.outbox.clear()
    assert tasks.run_daily(monday + datetime.timedelta(days=1))["digests"] == 0
    assert mail.outbox == []
    assert tasks.run_daily(monday)["digests"] >= 1
    assert [m.to for m in mail.outbox] == [["moderator-a@example.gov.kz"]]


def test_in_process_tasks_are_not_deferred(db):
    from cms.compliance import tasks

    assert tasks.schedule_daily_compliance() is None
