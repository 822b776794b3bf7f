"""Promoted results (search.promotions) and the query log (search.querylog)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError

from cms.pages.models import NewsPage
from cms.platform.provisioning import archive_agency
from search.models import PromotedResult, SearchQueryLog
from search.promotions import promoted_hits
from search.querylog import record_query


def add_news(parent, slug, *, kk, ru, en=None, publish=True):
    page = NewsPage(slug=slug, date=date(2024, 5, 1), live=publish)
    page.title_kk, page.title_ru = kk, ru
    page.intro_kk, page.intro_ru = f"{kk} туралы", f"О {ru}"
    page.body_kk = [("paragraph", f"<p>{kk} мәтіні.</p>")]
    page.body_ru = [("paragraph", f"<p>Текст: {ru}.</p>")]
    if en:
        page.title_en = en
        page.intro_en = f"About {en}"
        page.body_en = [("paragraph", f"<p>{en} text.</p>")]
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


@pytest.fixture
def news_a(agency_a):
    return agency_a.home_page.get_children().get(slug="news").specific


@pytest.fixture
def page_a(news_a):
    return add_news(news_a, "tax", kk="Салық есебі", ru="Налоговая отчётность", en="Tax report")


def promote(agency, page, query, language="all", sort_order=0):
    promotion = PromotedResult(
        agency=agency, page=page, query=query, language=language, sort_order=sort_order
    )
    promotion.full_clean()
    promotion.save()
    return promotion


def test_query_is_normalised_per_language(agency_a, page_a):
    promotion = promote(agency_a, page_a, "  Цифрландыру   Салығы ")
    assert promotion.query == "цифрландыру салығы"
    assert promotion.query_kk and promotion.query_ru and promotion.query_en


def test_inflected_query_finds_the_promotion_in_its_language(agency_a, page_a):
    promote(agency_a, page_a, "цифрландыру")
    hits = promoted_hits("Цифрландырудың", "kk", "agency-a")
    assert [h["page_id"] for h in hits] == [page_a.pk]
    assert hits[0]["title"] == "Салық есебі"
    assert hits[0]["url"].startswith("/kk/")
    assert hits[0]["summary"] == "Салық есебі туралы"

    promote(agency_a, page_a, "налоговая отчётность", language="ru")
    ru = promoted_hits("налоговой отчётности", "ru-RU", "agency-a")
    assert [(h["title"], h["url"][:4]) for h in ru] == [("Налоговая отчётность", "/ru/")]
    assert promoted_hits("налоговой отчётности", "kk", "agency-a") == []


def test_scoped_to_the_agency_and_never_portal_wide(agency_a, agency_b, page_a):
    promote(agency_a, page_a, "tax")
    assert promoted_hits("tax", "en", "agency-a")[0]["url"].startswith("/en/")
    assert promoted_hits("tax", "en", "agency-b") == []
    assert promoted_hits("tax", "en", None) == []
    assert promoted_hits("", "en", "agency-a") == []


def test_order_and_only_live_public_pages(agency_a, news_a, page_a):
    second = add_news(news_a, "second", kk="Екінші жаңалық", ru="Вторая новость")
    draft = add_news(news_a, "draft", kk="Жоба", ru="Черновик", publish=False)
    promote(agency_a, page_a, "есеп", sort_order=2)
    promote(agency_a, second, "есеп", sort_order=1)
    promote(agency_a, draft, "есеп", sort_order=0)
    assert [h["page_id"] for h in promoted_hits("есептер", "kk", "agency-a")] == [
        second.pk,
        page_a.pk,
    ]
    # "second" has no English version: not promoted in English.
    assert [h["page_id"] for h in promoted_hits("есеп", "en", "agency-a")] == [page_a.pk]
    second.unpublish()
    assert [h["page_id"] for h in promoted_hits("есеп", "kk", "agency-a")] == [page_a.pk]


def test_archived_agency_has_no_promotions(agency_a, page_a):
    promote(agency_a, page_a, "tax")
    archive_agency(agency_a)
    assert promoted_hits("tax", "en", "agency-a") == []


def test_page_must_belong_to_the_agency(agency_a, agency_b, page_a):
    with pytest.raises(ValidationError) as error:
        promote(agency_b, page_a, "tax")
    assert "page" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        promote(agency_a, page_a, "   ")
    assert "query" in error.value.message_dict


def test_record_query_aggregates_per_day(agency_a):
    record_query("  Салық  ", "kk", "agency-a", 3)
    record_query("салық", "kk", "agency-a", 0)
    record_query("салық", "kk", None, 0)
    record_query("салық", "ru", None, 2)
    record_query("", "kk", None, 0)
    record_query("x", "kk", "no-such-agency", 0)
    rows = {
        (r.agency_id, r.language, r.query): (r.count, r.zero_results)
        for r in SearchQueryLog.objects.all()
    }
    assert rows == {
        (agency_a.pk, "kk", "салық"): (2, 1),
        (None, "kk", "салық"): (1, 1),
        (None, "ru", "салық"): (1, 0),
    }


def test_record_query_never_raises_on_a_database_error(db, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr(SearchQueryLog.objects, "filter", broken)
    record_query("салық", "kk", None, 1)
    assert "Could not record" in caplog.text
