"""Which languages a page is filled in: the Languages column of the page explorer and
the report "Pages missing a language", scoped to the agency."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.editorial.languages import language_status
from cms.editorial.testing import editor, moderator, news_section, platform_admin
from cms.pages.models import NewsPage

REPORT = "/admin/reports/missing-languages/"


def _news(section, slug, *, kk=True, ru=True, en=True, publish=True):
    page = NewsPage(slug=slug)
    for lang, filled in (("kk", kk), ("ru", ru), ("en", en)):
        setattr(page, f"title_{lang}", f"{slug} title {lang}" if filled else "")
        setattr(page, f"body_{lang}",
                [("paragraph", f"<p>{slug} {lang}</p>")] if filled else [])
    if not kk:
        page.title_kk = ""
    page.title = page.title_kk or page.title_ru or slug
    section.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


@pytest.fixture
def pages(agency_a, agency_b):
    a = news_section(agency_a)
    b = news_section(agency_b)
    return {
        "full": _news(a, "alpha-full"),
        "no-en": _news(a, "alpha-no-en", en=False),
        "no-kk": _news(a, "alpha-no-kk", kk=False, publish=False),
        "other": _news(b, "bravo-no-en", en=False),
    }


def test_language_status(pages):
    status = language_status([p for p in pages.values()])
    assert status[pages["full"].pk] == {"kk": True, "ru": True, "en": True}
    assert status[pages["no-en"].pk] == {"kk": True, "ru": True, "en": False}
    assert status[pages["no-kk"].pk] == {"kk": False, "ru": True, "en": True}


def test_title_alone_is_not_enough(agency_a):
    page = _news(news_section(agency_a), "alpha-title-only")
    page.body_en = []
    page.save_revision().publish()
    assert language_status([page])[page.pk]["en"] is False


def test_draft_counts_for_a_page_with_unpublished_changes(pages):
    page = pages["no-en"]
    page.title_en = "Now in English"
    page.body_en = [("paragraph", "<p>English text.</p>")]
    page.save_revision()
    page = NewsPage.objects.get(pk=page.pk)
    assert page.has_unpublished_changes
    assert language_status([page])[page.pk]["en"] is True


def test_explorer_shows_the_languages_column(client, agency_a, pages):
    client.force_login(editor(agency_a))
    html = client.get(f"/admin/pages/{news_section(agency_a).pk}/").content.decode()
    assert ">Languages<" in html or "Languages\n" in html
    assert "English: missing" in html and "English: filled in" in html
    assert "Kazakh: missing" in html


def test_language_status_costs_a_fixed_number_of_queries(agency_a, pages):
    """The column and the report compute a whole listing at once: one query per page
    type and one for the drafts, however many pages there are."""
    from wagtail.models import Page

    section = news_section(agency_a)

    def measure():
        listing = list(Page.objects.filter(path__startswith=agency_a.home_page.path))
        with CaptureQueriesContext(connection) as queries:
            status = language_status(listing)
        assert len(status) == len(listing)
        return len(queries)

    few = measure()
    for n in range(8):
        _news(section, f"alpha-more-{n}", en=bool(n % 2), publish=bool(n % 3))
    assert measure() == few
    # One per page type in the listing (home, the section types, news items) + drafts.
    types = Page.objects.filter(path__startswith=agency_a.home_page.path)
    assert few <= types.values("content_type").distinct().count() + 1


def test_explorer_column_does_not_query_per_page(client, agency_a, pages):
    section = news_section(agency_a)
    client.force_login(editor(agency_a))
    url = f"/admin/pages/{section.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(8):
        _news(section, f"alpha-more-{n}", en=bool(n % 2), publish=bool(n % 3))
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    language_queries = [
        q["sql"] for q in many.captured_queries
        if "title_kk" in q["sql"] and "body_kk" in q["sql"] and "numchild" not in q["sql"]
    ]
    assert len(language_queries) == 1, language_queries
    assert len([q for q in many.captured_queries if "wagtailcore_revision" in q["sql"]]) <= (
        len([q for q in few.captured_queries if "wagtailcore_revision" in q["sql"]]) + 1
    )


def test_report_lists_own_pages_missing_a_language(client, agency_a, pages):
    client.force_login(editor(agency_a))
    html = client.get(REPORT).content.decode()
    assert "alpha-no-en title" in html and "alpha-no-kk title" in html or "alpha-no-kk" in html
    assert "alpha-full title" not in html
    assert "bravo" not in html
    assert reverse("wagtailadmin_pages:edit", args=(pages["no-en"].pk,)) in html


@pytest.mark.parametrize(
    "language,shown,hidden",
    [("kk", "alpha-no-kk", "alpha-no-en"), ("en", "alpha-no-en", "alpha-no-kk")],
)
def test_report_filters_by_language(client, agency_a, pages, language, shown, hidden):
    client.force_login(moderator(agency_a))
    html = client.get(REPORT, {"language": language}).content.decode()
    assert shown in html and hidden not in html


def test_report_of_other_agency_is_not_reachable(client, agency_a, agency_b, pages):
    client.force_login(editor(agency_b))
    html = client.get(REPORT, {"agency": agency_a.pk}).content.decode()
    assert "alpha" not in html
    assert "bravo-no-en" in client.get(REPORT).content.decode()
    results = client.get(REPORT + "results/", {"agency": agency_a.pk}).content.decode()
    assert "alpha" not in results


def test_platform_admin_sees_all_agencies_and_filters(client, agency_a, agency_b, pages):
    client.force_login(platform_admin())
    html = client.get(REPORT).content.decode()
    assert "alpha-no-en" in html and "bravo-no-en" in html
    html = client.get(REPORT, {"agency": agency_b.pk}).content.decode()
    assert "bravo-no-en" in html and "alpha-no-en" not in html


@pytest.mark.parametrize("params", [{"language": "de"}, {"agency": "x"}, {"agency": "99999"},
                                    {"p": "abc"}, {"ordering": "nonsense"}])
def test_report_bad_parameters_are_no_error(client, agency_a, pages, params):
    client.force_login(editor(agency_a))
    response = client.get(REPORT, params)
    assert response.status_code in (200, 404)


def test_report_in_russian(client, agency_a, pages):
    client.force_login(editor(agency_a, language="ru"))
    response = client.get(REPORT)
    assert response.status_code == 200
    assert 'lang="ru"' in response.content.decode()


def test_report_export(client, agency_a, pages):
    client.force_login(editor(agency_a))
    response = client.get(REPORT, {"export": "csv", "language": "en"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = content.decode("utf-8-sig")
    assert "alpha-no-en" in text and "bravo" not in text


def test_field_empty_in_every_language_lacks_no_language(agency_a):
    section = news_section(agency_a)  # provisioned: titles only, no body anywhere
    assert language_status([section])[section.pk] == {"kk": True, "ru": True, "en": True}
    section.title_en = ""
    section.save_revision().publish()
    assert language_status([section])[section.pk]["en"] is False


def test_report_says_when_nothing_is_missing(client, agency_a):
    client.force_login(editor(agency_a))
    html = client.get(REPORT, {"language": "kk"}).content.decode()
    assert "Every page is filled in this language." in html
