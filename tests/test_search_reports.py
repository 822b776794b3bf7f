"""The search query report (/admin/reports/search-queries/) and the promoted-result
snippets in the admin: who sees what."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from search.models import PromotedResult, SearchQueryLog
from search.querylog import record_query
from tests.factories import UserFactory, editor_of, moderator_of

URL = "/admin/reports/search-queries/"
PROMO_PERMISSIONS = ("add_promotedresult", "change_promotedresult", "delete_promotedresult")


def grant_promotions(agency):
    agency.editors_group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="birtutas_search", codename__in=PROMO_PERMISSIONS
        )
    )


@pytest.fixture
def logged(agency_a, agency_b):
    for _ in range(3):
        record_query("Салық", "kk", "agency-a", 4)
    record_query("жоқсөз", "kk", "agency-a", 0)
    record_query("bsecret", "ru", "agency-b", 0)
    record_query("portalwide", "en", None, 1)
    old = timezone.localdate() - timedelta(days=60)
    SearchQueryLog.objects.create(
        agency=agency_a, language="kk", query="ескі", day=old, count=9, zero_results=0
    )


def _get(client, user, query=""):
    client.force_login(user)
    return client.get(URL + query)


def test_editor_sees_own_agency_top_and_zero_result_queries(client, agency_a, logged):
    response = _get(client, editor_of(agency_a))
    assert response.status_code == 200
    assert [(r["query"], r["searches"], r["zero"]) for r in response.context["top"]] == [
        ("салық", 3, 0),
        ("жоқсөз", 1, 1),
    ]
    assert [r["query"] for r in response.context["zero"]] == ["жоқсөз"]
    body = response.content.decode()
    assert "bsecret" not in body and "portalwide" not in body and "ескі" not in body


def test_date_range_and_language(client, agency_a, logged):
    old = timezone.localdate() - timedelta(days=60)
    response = _get(client, moderator_of(agency_a), f"?date_from={old}&date_to={old}")
    assert [r["query"] for r in response.context["top"]] == ["ескі"]
    response = _get(client, moderator_of(agency_a), "?language=ru")
    assert response.context["top"] == []


def test_other_agency_is_forbidden(client, agency_a, agency_b, logged):
    response = _get(client, editor_of(agency_b), "?agency=agency-a")
    assert response.status_code == 403
    response = _get(client, editor_of(agency_b), "?agency=agency-a&format=csv")
    assert response.status_code == 403
    response = _get(client, editor_of(agency_b))
    assert [r["query"] for r in response.context["top"]] == ["bsecret"]


def test_user_without_agency_is_forbidden(client, portal):
    from django.contrib.auth.models import Group

    group = Group.objects.create(name="admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    response = _get(client, UserFactory(username="nobody", groups=[group]))
    assert response.status_code == 403


def test_platform_admin_sees_everything_and_picks_an_agency(client, agency_a, logged):
    admin = UserFactory(username="root", is_superuser=True)
    response = _get(client, admin)
    assert {r["query"] for r in response.context["top"]} == {
        "салық",
        "жоқсөз",
        "bsecret",
        "portalwide",
    }
    response = _get(client, admin, "?agency=agency-b")
    assert [r["query"] for r in response.context["top"]] == ["bsecret"]
    response = _get(client, admin, "?agency=__portal__")
    assert [r["query"] for r in response.context["top"]] == ["portalwide"]


def test_csv_export(client, agency_a, logged):
    response = _get(client, editor_of(agency_a), "?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["list", "query", "language", "searches", "without results"]
    assert ["top", "салық", "kk", "3", "0"] in rows
    assert ["zero-results", "жоқсөз", "kk", "1", "1"] in rows
    assert not any("bsecret" in cell for row in rows for cell in row)


def test_report_is_in_the_reports_menu(client, agency_a, logged):
    client.force_login(editor_of(agency_a))
    response = client.get("/admin/")
    assert URL in response.content.decode()


def _news_page(agency):
    from cms.pages.models import NewsPage

    news = agency.home_page.get_children().get(slug="news")
    page = NewsPage(slug="promo-target", title_kk="Нысана", title_ru="Цель", title_en="Target")
    news.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_editor_creates_a_promoted_result_for_own_agency_only(client, agency_a, agency_b):
    grant_promotions(agency_a)
    editor = editor_of(agency_a)
    client.force_login(editor)
    add_url = reverse("wagtailsnippets_birtutas_search_promotedresult:add")
    response = client.get(add_url)
    assert response.status_code == 200
    assert list(response.context["form"].fields["agency"].queryset) == [agency_a]

    page_a = _news_page(agency_a)
    page_b = _news_page(agency_b)
    data = {"agency": agency_a.pk, "query": "Нысаналар", "language": "all", "sort_order": 0}
    response = client.post(add_url, {**data, "page": page_b.pk})
    assert response.status_code == 200  # the form again, with an error
    assert not PromotedResult.objects.exists()
    response = client.post(add_url, {**data, "agency": agency_b.pk, "page": page_b.pk})
    assert not PromotedResult.objects.exists()
    response = client.post(add_url, {**data, "page": page_a.pk})
    assert response.status_code == 302
    promotion = PromotedResult.objects.get()
    assert (promotion.agency, promotion.page_id, promotion.query) == (
        agency_a,
        page_a.pk,
        "нысаналар",
    )


def test_moderator_without_the_permissions_cannot_add(client, agency_a):
    """Promotions are the editors' job: moderators get no add permission."""
    client.force_login(moderator_of(agency_a))
    response = client.get(reverse("wagtailsnippets_birtutas_search_promotedresult:add"))
    assert response.status_code in (302, 403)


def test_editors_are_granted_promotions_by_provisioning(client, agency_a):
    client.force_login(editor_of(agency_a))
    response = client.get(reverse("wagtailsnippets_birtutas_search_promotedresult:add"))
    assert response.status_code == 200
