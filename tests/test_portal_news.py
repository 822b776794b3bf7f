"""The portal's latest news of every agency (cms.pages.models.portal._latest_news) and
the copies of Wagtail's `live` and `first_published_at` that news items keep in their
own table so that finding them is one walk of an index (issue 14).

The copies must follow every way a news item goes live or stops being live: a
publish, an unpublish (through the specific page or a plain Page, as the admin's bulk
actions and Wagtail's descendants do), a copy kept live, an agency's archive, the
recycle bin; a private section is not in the copies (the news query leaves it out).
After each step `_consistent()` compares every news row with its page row.

    portal
    ├── agency-a  (ministry)  news: a-old (1 March), and what each test adds
    └── agency-b  (committee) news: b-new (5 March)
"""

import datetime
import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from cms.pages.models import NewsPage
from cms.pages.models.portal import news_candidates

pytestmark = pytest.mark.django_db


def _news(agency, slug, day, title, *, publish=True):
    section = agency.home_page.get_children().get(slug="news")
    page = NewsPage(slug=slug, date=datetime.date(2026, 3, day), live=False)
    page.title_kk, page.title_ru = title, f"{title} ru"
    page.body_kk = [("paragraph", "<p>Мәтін.</p>")]
    page.body_ru = [("paragraph", "<p>Текст.</p>")]
    section.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def _consistent():
    """Every news row's copies equal its page row's `live` and `first_published_at`."""
    rows = NewsPage.objects.values_list(
        "pk", "live", "live_copy", "first_published_at", "first_published_at_copy"
    )
    wrong = [row for row in rows if (row[1], row[3]) != (row[2], row[4])]
    assert not wrong, wrong
    return len(rows)


def _portal_news(lang="kk") -> str:
    html = Client().get(f"/{lang}/").content.decode()
    if 'class="portal-news"' not in html:
        return ""
    return html.split('class="portal-news"', 1)[1].split("</section>", 1)[0]


@pytest.fixture(scope="module")
def news(_agency_a_pk, _agency_b_pk, _module_transaction, django_db_blocker):
    from cms.tenants.models import Agency

    with django_db_blocker.unblock(), translation.override("kk"):
        a, b = Agency.objects.get(pk=_agency_a_pk), Agency.objects.get(pk=_agency_b_pk)
        return {
            "a-old": _news(a, "a-old", 1, "Ескі хабар").pk,
            "b-new": _news(b, "b-new", 5, "Жаңа хабар").pk,
        }


@pytest.fixture(autouse=True)
def _kazakh_and_a_clean_cache():
    from django.core.cache import cache

    cache.clear()
    with translation.override("kk"):
        yield
    cache.clear()


def test_publishing_and_unpublishing_keep_the_copies(news, agency_a):
    draft = _news(agency_a, "a-draft", 7, "Жоба", publish=False)
    _consistent()
    assert not NewsPage.objects.get(pk=draft.pk).live_copy
    assert "Жоба" not in _portal_news()
    draft.save_revision().publish()
    _consistent()
    assert NewsPage.objects.get(pk=draft.pk).first_published_at_copy is not None
    assert "Жоба" in _portal_news()
    # Unpublished through the specific page (NewsPage.save)...
    NewsPage.objects.get(pk=draft.pk).unpublish()
    _consistent()
    assert "Жоба" not in _portal_news()
    NewsPage.objects.get(pk=draft.pk).save_revision().publish()
    _consistent()
    # ...and through a plain Page, whose save writes wagtailcore_page only: the
    # page_unpublished signal brings the copies along.
    Page.objects.get(pk=draft.pk).unpublish()
    _consistent()
    assert "Жоба" not in _portal_news()
    assert draft.pk not in [row["pk"] for row in news_candidates()]


def test_a_live_copy_and_a_new_date_keep_the_copies(news, agency_a):
    original = NewsPage.objects.get(pk=news["a-old"])
    copy = original.copy(update_attrs={"slug": "a-old-copy"}, keep_live=True)
    _consistent()
    assert NewsPage.objects.get(pk=copy.pk).live_copy
    draft = original.copy(update_attrs={"slug": "a-old-draft"}, keep_live=False)
    _consistent()
    assert not NewsPage.objects.get(pk=draft.pk).live_copy
    # A later date, published: the item moves to the top of the portal's news.
    assert _portal_news().index("Жаңа хабар") < _portal_news().index("Ескі хабар")
    original.date = datetime.date(2026, 3, 9)
    original.save_revision().publish()
    _consistent()
    assert _portal_news().index("Ескі хабар") < _portal_news().index("Жаңа хабар")


def test_archiving_an_agency_takes_its_news_off_the_portal(news, agency_b):
    from cms.platform.provisioning import archive_agency

    assert "Жаңа хабар" in _portal_news()
    archive_agency(agency_b)
    _consistent()
    assert not NewsPage.objects.get(pk=news["b-new"]).live_copy
    assert "Жаңа хабар" not in _portal_news()


def test_the_recycle_bin_takes_news_off_the_portal(news, agency_a):
    from cms.recyclebin.service import recycle_page, restore
    from tests.factories import UserFactory

    root = UserFactory(username="news-root", is_superuser=True, is_staff=True)
    section = agency_a.home_page.get_children().get(slug="news")
    # The whole section: Wagtail unpublishes its descendants one by one.
    item = recycle_page(section, user=root)
    _consistent()
    assert "Ескі хабар" not in _portal_news()
    restore(item, user=root)
    _consistent()
    assert "Ескі хабар" in _portal_news()


def test_a_private_section_is_left_out_even_among_the_latest(news, agency_a, monkeypatch):
    """Privacy is not copied: the query leaves private sections out. When the newest
    candidates are all private, the plain query still finds the public ones."""
    from cms.pages.models import portal

    monkeypatch.setattr(portal, "NEWS_CANDIDATES", 2)
    for day in (10, 11):
        _news(agency_a, f"a-{day}", day, f"Жабық {day}")
    section = agency_a.home_page.get_children().get(slug="news")
    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.LOGIN
    )
    _consistent()
    shown = _portal_news()
    assert "Жабық" not in shown and "Ескі хабар" not in shown
    assert "Жаңа хабар" in shown  # agency-b's, older than both private ones
    restriction.delete()
    shown = _portal_news()
    assert shown.index("Жабық 11") < shown.index("Жабық 10") < shown.index("Жаңа хабар")


def test_same_day_news_are_ordered_by_first_publication_then_id(news, agency_a, agency_b):
    first = _news(agency_b, "same-1", 20, "Бірінші")
    second = _news(agency_a, "same-2", 20, "Екінші")
    _news(agency_b, "same-3", 20, "Үшінші")
    shown = _portal_news()
    assert shown.index("Үшінші") < shown.index("Екінші") < shown.index("Бірінші")
    # Equal first publications: the newer id first.
    stamp = first.first_published_at
    Page.objects.filter(pk__in=[first.pk, second.pk]).update(first_published_at=stamp)
    NewsPage.objects.filter(pk__in=[first.pk, second.pk]).update(first_published_at_copy=stamp)
    ids = list(news_candidates().values_list("pk", flat=True))
    assert ids.index(second.pk) < ids.index(first.pk)


def test_the_migration_copies_what_wagtail_holds(news):
    migration = importlib.import_module("cms.pages.migrations.0007_newspage_latest_live")
    NewsPage.objects.update(live_copy=False, first_published_at_copy=None)
    migration.copy_from_pages(apps, None)
    assert _consistent() >= 2
    assert NewsPage.objects.filter(live_copy=True).count() >= 2


def _plan(sql, params) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Few rows here: without these the planner may rightly prefer a scan and a
            # sort. Forbidden them, it sorts anyway (at a huge cost) unless the index
            # can answer the ORDER BY and the LIMIT on its own.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            cursor.execute("RESET enable_seqscan")
            cursor.execute("RESET enable_sort")
            return plan
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def test_the_latest_news_are_a_walk_of_one_index(news):
    """The candidates are read from the news table alone, in the order of its index
    newspage_latest_live (no sort of every live news item, no join to order them)."""
    sql, params = news_candidates().query.sql_with_params()
    assert "wagtailcore_page" not in sql and "JOIN" not in sql.upper()
    plan = _plan(sql, params)
    assert "newspage_latest_live" in plan, plan
    assert "TEMP B-TREE" not in plan.upper() and "Sort" not in plan, plan
