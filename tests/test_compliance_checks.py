"""The compliance rules (Order 124-НҚ defaults as data, per agency category) and each
check on provisioned agencies (module fixtures agency_a, a ministry, and agency_b, a
committee). The clock is moved by passing `today` to the checks, never by patching
time: each check is a function of the agency's site on a given day.

    agency_a (ministry)                  agency_b (committee)
    └── home                             └── home
        ├── news      (NewsIndexPage)        ├── news ...
        ├── documents (LegalActIndexPage)    └── ...
        ├── about     (SectionPage)
        ├── contacts  (ContactsPage)
        └── ... the other standard sections
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page, Revision

from cms.compliance import calendar
from cms.compliance.checks import run_checks
from cms.compliance.checks.content import act_missing
from cms.compliance.checks.depth import click_depths
from cms.compliance.checks.site import AgencySite
from cms.compliance.models import ContentRule, SectionRule
from cms.compliance.rules import RuleBook
from cms.compliance.snapshots import check_agency
from cms.editorial.testing import moderator, news_section
from cms.listings.models import ServicePage
from cms.organisation.models import ContactsPage, ReceptionSlot
from cms.pages.models import LegalActPage, NewsPage, StandardPage
from cms.tenants.models import Agency

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def _today():
    """TODAY as each test starts, not as the module was imported: a run that crosses
    local midnight (19:00 UTC in Almaty) compares with the checks' own date."""
    global TODAY  # noqa: PLW0603
    TODAY = timezone.localdate()


def later(working_days: int) -> datetime.date:
    return calendar.add_working_days(TODAY, working_days)


def section(agency, slug):
    return agency.home_page.get_children().get(slug=slug).specific


def publish_news(agency, slug):
    page = NewsPage(slug=slug, title=f"{slug} kk")
    page.title_kk, page.title_ru, page.title_en = f"{slug} kk", f"{slug} ru", ""
    page.body_kk = [("paragraph", "<p>Министрлік жаңа бағдарламаны таныстырды.</p>")]
    page.body_ru = [("paragraph", "<p>Министерство представило новую программу.</p>")]
    news_section(agency).add_child(instance=page)
    page.save_revision().publish()
    return page


def standard_page(parent, slug, *, body_kk=None, body_ru=None, publish=True, title_ru=None):
    page = StandardPage(slug=slug, title=f"{slug} kk")
    page.title_kk = f"{slug} kk"
    page.title_ru = f"{slug} ru" if title_ru is None else title_ru
    page.body_kk = body_kk or [("paragraph", f"<p>{slug}: қазақша мәтін.</p>")]
    page.body_ru = body_ru or [("paragraph", f"<p>{slug}: текст по-русски.</p>")]
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


def items(results, check, code=None):
    return [i for i in results[check].items if code is None or i["code"] == code]


# --- Working days -------------------------------------------------------------------


def test_working_days_follow_kazakhstans_calendar():
    friday = datetime.date(2026, 12, 4)
    assert calendar.add_working_days(friday, 1) == datetime.date(2026, 12, 7)  # Monday
    # Nowruz (21–25 March 2026, the weekend days moved to Tuesday and Wednesday).
    assert calendar.add_working_days(datetime.date(2026, 3, 20), 1) == datetime.date(2026, 3, 26)
    assert not calendar.is_working_day(datetime.date(2026, 12, 16))  # Independence Day
    # A Saturday the government made a working day (4 May 2024).
    assert calendar.is_working_day(datetime.date(2024, 5, 4))
    assert calendar.working_days_between(friday, datetime.date(2026, 12, 8)) == 2


# --- Rules --------------------------------------------------------------------------


def test_order_124_defaults_are_shipped(db):
    news = SectionRule.objects.get(section="news", category="")
    assert (news.kind, news.working_days, news.required) == (
        SectionRule.Kind.NEWEST_ITEM, 1, True
    )
    other = SectionRule.objects.get(section="*", category="")
    assert (other.kind, other.working_days) == (SectionRule.Kind.PENDING_CHANGE, 3)
    book = RuleBook("ministry")
    assert {"news", "documents", "about", "contacts", "services", "appeals"} <= set(
        book.required_sections()
    )
    assert "vacancies" not in book.required_sections()
    assert set(book.content) == set(ContentRule.Code.values)
    assert all(book.checks_content(code) for code in ContentRule.Code.values)


def test_a_category_rule_wins_over_the_general_one(agency_a, agency_b):
    SectionRule.objects.create(
        section="news", category=Agency.Category.COMMITTEE, required=True,
        kind=SectionRule.Kind.NEWEST_ITEM, working_days=5,
    )
    ContentRule.objects.create(code="e_services", category=Agency.Category.COMMITTEE,
                               enabled=False)
    committee, ministry = RuleBook(agency_b.category), RuleBook(agency_a.category)
    assert committee.for_section("news").working_days == 5
    assert ministry.for_section("news").working_days == 1
    assert not committee.checks_content("e_services")
    assert ministry.checks_content("e_services")
    # A section without its own row follows "*".
    assert ministry.for_section("press-centre").working_days == 3


def test_a_category_rule_changes_the_due_date(agency_a, agency_b):
    news = publish_news(agency_b, "committee-news")
    published = timezone.localdate(news.first_published_at)
    SectionRule.objects.create(
        section="news", category=Agency.Category.COMMITTEE, required=True,
        kind=SectionRule.Kind.NEWEST_ITEM, working_days=5,
    )
    dates = run_checks(agency_b, TODAY)["freshness"].due_dates
    due = {d["due"] for d in dates if d["page"] == news_section(agency_b).pk}
    assert due == {calendar.add_working_days(published, 5).isoformat()}


# --- Freshness ----------------------------------------------------------------------


def test_news_goes_stale_when_the_clock_moves_and_shows_its_due_date(agency_a):
    news = publish_news(agency_a, "fresh-news")
    published = timezone.localdate(news.first_published_at)
    due = calendar.add_working_days(published, 1)

    fresh = run_checks(agency_a, published)["freshness"]
    assert fresh.score == 100 and fresh.items == []

    stale = run_checks(agency_a, due + datetime.timedelta(days=1))["freshness"]
    news_items = [i for i in stale.items if i["page"] == news_section(agency_a).pk]
    assert {(i["code"], i["lang"], i["due"]) for i in news_items} == {
        ("stale", "kk", due.isoformat()), ("stale", "ru", due.isoformat())
    }
    assert stale.score < 100 and stale.by_language["kk"] < 100


def test_publishing_news_turns_freshness_green(agency_a):
    old = publish_news(agency_a, "old-news")
    two_weeks_ago = timezone.now() - datetime.timedelta(days=14)
    Page.objects.filter(pk=old.pk).update(first_published_at=two_weeks_ago)
    red = check_agency(agency_a, TODAY)
    assert red.freshness < 100
    assert any(i["check"] == "freshness" and i["code"] == "stale" for i in red.items)

    publish_news(agency_a, "new-news")
    green = check_agency(agency_a, TODAY)
    assert green.pk == red.pk  # the day's snapshot is replaced, not doubled
    assert green.freshness == 100
    assert not [i for i in green.items if i["check"] == "freshness"]


def test_news_in_one_language_only_leaves_the_other_stale(agency_a):
    news = publish_news(agency_a, "kk-only-news")
    Page.objects.filter(pk=news.pk).update(title_ru="")
    day = calendar.add_working_days(timezone.localdate(news.first_published_at), 2)
    # The section itself was published today too: ru has no item, so ru is stale
    # once the section's own date is past its due day.
    result = run_checks(agency_a, day)["freshness"]
    langs = {i["lang"] for i in result.items if i["page"] == news_section(agency_a).pk}
    assert "ru" in langs


def test_a_change_left_unpublished_goes_stale_after_three_working_days(agency_a):
    about = section(agency_a, "about")
    page = standard_page(about, "mandate")
    page.body_kk = [("paragraph", "<p>Жаңартылған мәтін.</p>")]
    page.save_revision()  # a draft, not published
    started = timezone.localdate()
    due = calendar.add_working_days(started, 3)

    assert not items(run_checks(agency_a, due), "freshness", "unpublished_change")
    late = items(run_checks(agency_a, due + datetime.timedelta(days=1)), "freshness",
                 "unpublished_change")
    assert [(i["page"], i["due"], i["section"]) for i in late] == [
        (page.pk, due.isoformat(), about.pk)
    ]


# --- Required sections and content -------------------------------------------------


def test_required_section_missing(agency_a):
    section(agency_a, "services").unpublish()
    result = run_checks(agency_a, TODAY)
    assert {"check": "content", "code": "missing_section", "lang": "", "page": None,
            "section": "services"} in result["content"].items


def test_contacts_need_a_phone_and_an_address_in_each_required_language(agency_a):
    Agency.objects.filter(pk=agency_a.pk).update(phone="", address_kk="", address_ru="")
    agency = Agency.objects.get(pk=agency_a.pk)
    codes = {(i["code"], i["lang"]) for i in run_checks(agency, TODAY)["content"].items}
    assert {("no_phone", ""), ("no_address", "kk"), ("no_address", "ru")} <= codes

    contacts = ContactsPage.objects.child_of(agency.home_page).get()
    contacts.phones = "+7 7172 74 00 00"
    contacts.address_kk = "Астана, Мәңгілік Ел даңғылы, 8"
    contacts.address_ru = "Астана, проспект Мангилик Ел, 8"
    contacts.save_revision().publish()
    codes = {(i["code"], i["lang"]) for i in run_checks(agency, TODAY)["content"].items}
    assert not codes & {("no_phone", ""), ("no_address", "kk"), ("no_address", "ru")}


def test_reception_feedback_and_e_services(agency_a):
    codes = {i["code"] for i in run_checks(agency_a, TODAY)["content"].items}
    assert "no_reception" in codes and "no_e_services" in codes
    # The appeals section is a standard section: it is the feedback channel.
    assert "no_feedback" not in codes

    contacts = ContactsPage.objects.child_of(agency_a.home_page).get()
    ReceptionSlot.objects.create(page=contacts, day="Сейсенбі", day_ru="Вторник",
                                 time="10:00–12:00", person="Министр")
    service = ServicePage(slug="licence", title="Лицензия", egov_url="https://egov.kz/x")
    service.title_kk, service.title_ru = "Лицензия алу", "Получение лицензии"
    service.summary_kk, service.summary_ru = "Лицензия беру.", "Выдача лицензии."
    service.recipients_kk, service.recipients_ru = "Заңды тұлғалар", "Юридические лица"
    section(agency_a, "services").add_child(instance=service)
    service.save_revision().publish()
    section(agency_a, "appeals").unpublish()
    codes = {i["code"] for i in run_checks(agency_a, TODAY)["content"].items}
    assert "no_reception" not in codes and "no_e_services" not in codes
    assert "no_feedback" in codes


def test_content_rules_can_be_switched_off_per_category(agency_a):
    ContentRule.objects.create(code="reception", category=agency_a.category, enabled=False)
    codes = {i["code"] for i in run_checks(agency_a, TODAY)["content"].items}
    assert "no_reception" not in codes


def test_legal_acts_need_number_date_signatory_text_and_file(agency_a):
    act = LegalActPage(slug="order-1", title="Бұйрық", number="12")
    act.title_kk, act.title_ru = "Бұйрық", "Приказ"
    act.signatory_kk, act.signatory_ru = "Министр", "Министр"
    section(agency_a, "documents").add_child(instance=act)
    act.save_revision().publish()
    # Acts stored before the form's checks (an import, an old version) may lack them.
    LegalActPage.objects.filter(pk=act.pk).update(number="", signatory_ru="")
    act.refresh_from_db()
    assert {"number", "signatory_ru", "text_kk", "text_ru", "file"} <= set(act_missing(act))
    found = [i for i in run_checks(agency_a, TODAY)["content"].items
             if i["code"] == "act_incomplete"]
    assert [i["page"] for i in found] == [act.pk]
    assert "file" in found[0]["missing"] and "signatory_kk" not in found[0]["missing"]


# --- Click depth --------------------------------------------------------------------


def test_pages_deeper_than_three_clicks_and_orphans_are_listed(agency_a):
    about = section(agency_a, "about")
    one = standard_page(about, "level-one")  # in the about submenu: 1 click
    two = standard_page(one, "level-two")  # 2
    three = standard_page(two, "level-three")  # 3
    four = standard_page(three, "level-four")  # 4: too deep
    site = AgencySite(agency_a, TODAY)
    depths = click_depths(site)
    assert [depths[p.pk] for p in (about, one, two, three, four)] == [1, 1, 2, 3, 4]
    result = run_checks(agency_a, TODAY)["depth"]
    assert items_codes(result) == {("deep", four.pk)}

    # A link from the home page's body brings it back within reach... here: a link
    # from a page at one click.
    one.body_kk = [("paragraph", f'<p><a linktype="page" id="{four.pk}">Төртінші бет</a></p>')]
    one.save_revision().publish()
    assert click_depths(AgencySite(agency_a, TODAY))[four.pk] == 2

    # Unpublishing a page leaves its live children without a way in: orphans.
    two.unpublish()
    orphans = {i["page"] for i in run_checks(agency_a, TODAY)["depth"].items
               if i["code"] == "orphan"}
    assert orphans == {three.pk}


def items_codes(result):
    return {(i["code"], i["page"]) for i in result.items}


# --- Links --------------------------------------------------------------------------


def test_links_to_unpublished_missing_and_archived_pages(agency_a, agency_b):
    about = section(agency_a, "about")
    target = standard_page(about, "target")
    foreign = section(agency_b, "about")
    body = [("paragraph", f'<p><a linktype="page" id="{target.pk}">Мақсат</a> және '
                          f'<a linktype="page" id="{foreign.pk}">Б агенттігі</a></p>')]
    source = standard_page(about, "source", body_kk=body)
    assert run_checks(agency_a, TODAY)["links"].items == []

    target.unpublish()
    Agency.objects.filter(pk=agency_b.pk).update(status=Agency.Status.ARCHIVED)
    result = run_checks(agency_a, TODAY)["links"]
    assert items_codes(result) == {("unpublished_page", source.pk), ("archived_page", source.pk)}
    assert {i["lang"] for i in result.items} == {"kk"}
    assert result.score < 100

    Page.objects.get(pk=target.pk).delete()
    result = run_checks(agency_a, TODAY)["links"]
    assert ("missing_page", source.pk) in items_codes(result)


# --- Accessibility ------------------------------------------------------------------


def test_publish_time_accessibility_problems_are_aggregated(agency_a):
    bad = standard_page(
        section(agency_a, "about"), "vague",
        body_ru=[("paragraph", '<p><a href="https://egov.kz/">здесь</a></p>'),
                 ("heading", {"text": "Раздел", "level": "h4"})],
    )
    result = run_checks(agency_a, TODAY)["accessibility"]
    found = [i for i in result.items if i["page"] == bad.pk]
    assert [(i["lang"], i["codes"]) for i in found] == [("ru", ["heading_order", "link_text"])]
    assert result.by_language["ru"] < 100 and result.by_language["kk"] == 100


def test_the_last_axe_crawl_counts(agency_a):
    from cms.compliance.models import AxeCrawl

    home = agency_a.home_page
    AxeCrawl.objects.create(agency=agency_a, ran_at=timezone.now(), pages_checked=1,
                            failures=[{"page": home.pk, "lang": "en",
                                       "url": "/en/agency-a/", "violations": ["color-contrast"]}])
    found = items(run_checks(agency_a, TODAY), "accessibility", "axe")
    assert [(i["page"], i["rules"]) for i in found] == [(home.pk, ["color-contrast"])]


# --- Translation --------------------------------------------------------------------


def test_a_page_missing_russian_is_listed(agency_a):
    page = standard_page(section(agency_a, "about"), "kk-only", title_ru="")
    found = items(run_checks(agency_a, TODAY), "translation", "missing")
    assert [(i["page"], i["lang"]) for i in found] == [(page.pk, "ru")]


def test_russian_behind_kazakh_since_the_day_kazakh_changed(agency_a):
    page = standard_page(section(agency_a, "about"), "in-step")
    # The first version was written ten days ago, in both languages.
    Revision.objects.filter(object_id=str(page.pk)).update(
        created_at=timezone.now() - datetime.timedelta(days=10)
    )
    assert not items(run_checks(agency_a, TODAY), "translation", "behind")
    page.body_kk = [("paragraph", "<p>Қабылдау кестесі өзгерді.</p>")]
    page.save_revision().publish()
    found = items(run_checks(agency_a, TODAY), "translation", "behind")
    assert [(i["page"], i["lang"], i["ahead"], i["since"]) for i in found] == [
        (page.pk, "ru", "kk", TODAY.isoformat())
    ]
    # Russian catches up: nothing is behind.
    page.body_ru = [("paragraph", "<p>График приёма изменился.</p>")]
    page.save_revision().publish()
    assert not items(run_checks(agency_a, TODAY), "translation", "behind")


def test_adding_a_translation_later_does_not_put_the_original_behind(agency_a):
    page = standard_page(section(agency_a, "about"), "translated-later", title_ru="",
                         body_ru=[("paragraph", "")])
    page.body_ru = []
    page.save_revision().publish()
    Revision.objects.filter(object_id=str(page.pk)).update(
        created_at=timezone.now() - datetime.timedelta(days=10)
    )
    page.title_ru = "Кейін аударылды"
    page.body_ru = [("paragraph", "<p>Перевод добавлен позже.</p>")]
    page.save_revision().publish()
    assert not items(run_checks(agency_a, TODAY), "translation", "behind")


# --- Moderation ---------------------------------------------------------------------


def test_items_waiting_for_approval_longer_than_one_working_day(agency_a):
    page = standard_page(section(agency_a, "about"), "for-review", publish=False)
    user = moderator(agency_a)
    page.save_revision(user=user)
    agency_a.workflow.start(page, user)
    started = timezone.localdate()
    due = calendar.add_working_days(started, 1)
    assert run_checks(agency_a, due)["moderation"].items == []
    late = run_checks(agency_a, due + datetime.timedelta(days=1))["moderation"]
    assert [(i["code"], i["page"], i["due"]) for i in late.items] == [
        ("waiting", page.pk, due.isoformat())
    ]
    assert late.score == 0


# --- Isolation and cost -------------------------------------------------------------


def test_an_agencys_results_name_only_its_own_pages(agency_a, agency_b):
    standard_page(section(agency_b, "about"), "b-page", title_ru="")
    ids_b = set(agency_b.home_page.get_descendants(inclusive=True).values_list("pk", flat=True))
    for result in run_checks(agency_a, later(10)).values():
        assert not {i["page"] for i in result.items} & ids_b


def test_more_pages_cost_no_more_queries(agency_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        check_agency(agency_a, TODAY)  # warm the content type and rule caches
        with CaptureQueriesContext(connection) as queries:
            check_agency(agency_a, TODAY)
        return len(queries)

    publish_news(agency_a, "first-news")
    before = count()
    for n in range(5):
        publish_news(agency_a, f"bulk-{n}")
    assert count() == before
    assert before < 80


# --- The axe crawl's command --------------------------------------------------------


def test_the_crawl_says_clearly_when_chromium_is_missing():
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="Chromium is not installed") as error:
        call_command("compliance_axe_crawl", "--base-url", "http://127.0.0.1:8000",
                     "--chromium", "/nonexistent/chromium")
    assert "apt-get install -y chromium" in str(error.value)
