"""Reorganisations that commit (issue 15, item 5): what happens only after the commit.

A module of its own, run in a pytest process of its own (marker `own_process`): the
test commits, so Wagtail's slug-changed signal, its automatic per-page redirects and
the search outbox's drain (tasks run at once in tests) really run, and it empties
the tables when it ends. The moved pages' search entries then carry their new
addresses and agency, and no per-page redirect is left behind: the subtree rows
answer for every language.
"""

import datetime

import pytest
from django.test import Client
from wagtail.contrib.redirects.models import Redirect

from cms.pages.models import NewsPage
from cms.platform import reorg
from cms.platform.portal import ensure_portal
from cms.tenants.models import Agency, AgencyPathRedirect
from search.models import IndexOutbox, SearchEntry
from tests.factories import make_agency

pytestmark = pytest.mark.own_process


def _news(agency, slug):
    section = agency.home_page.get_children().get(slug="news")
    page = NewsPage(slug=slug, date=datetime.date(2026, 11, 2))
    page.title_kk, page.title_ru = f"Жаңалық {slug}", f"Новость {slug}"
    page.body_kk = [("paragraph", "<p>Киберқауіпсіздік апталығы басталды.</p>")]
    page.body_ru = [("paragraph", "<p>Началась неделя кибербезопасности.</p>")]
    section.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_committed_rename_and_merge_reach_search_and_leave_no_per_page_redirects():
    ensure_portal()
    source = make_agency("commit-a", names={"kk": "А", "ru": "А", "en": "A"})
    target = make_agency("commit-b", names={"kk": "Б", "ru": "Б", "en": "B"})
    news = _news(source, "cyber-week")
    assert SearchEntry.objects.filter(page_id=news.pk).exists()

    reorg.rename_agency(source, slug="commit-aa")
    assert not Redirect.objects.filter(automatically_created=True).exists()
    assert not IndexOutbox.objects.exists()  # drained after the commit
    entries = SearchEntry.objects.filter(page_id=news.pk)
    assert entries and all("/commit-aa/news/cyber-week/" in e.url for e in entries)

    reorg.merge_agencies(Agency.objects.get(slug="commit-aa"), target)
    assert not Redirect.objects.filter(automatically_created=True).exists()
    entries = SearchEntry.objects.filter(page_id=news.pk)
    assert entries and all(e.agency == "commit-b" for e in entries)
    assert all("/commit-b/news/cyber-week/" in e.url for e in entries)
    assert AgencyPathRedirect.objects.count() < 20  # subtrees, not pages

    client = Client()
    for lang in ("kk", "ru", "en"):
        response = client.get(f"/{lang}/commit-a/news/cyber-week/")
        assert response.status_code == 301
        assert response["Location"] == f"/{lang}/commit-b/news/cyber-week/"
