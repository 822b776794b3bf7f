"""The public search pages and the suggest endpoint, through the test client.

Demo-like data (built per test through provisioning and real publishing; each publish
is indexed on commit, as in production):

    agency-a  "Цифрландыру бағдарламасы" / "Программа цифровизации" / "Digitalisation
              programme" (2024-05-01); "Салық есептілігі" / "Налоговая отчётность"
              (2023-03-01)
    agency-b  "Цифрландыру жөніндегі кеңес" / "Совет по цифровизации" (2025-01-10)
"""

import re
import socket
from datetime import date

import pytest
from django.utils import translation

from cms.pages.models import NewsPage
from search.highlight import highlight, query_terms, snippet


def kk(message: str) -> str:
    """The Kazakh UI text of `message`: /kk/ pages speak Kazakh."""
    with translation.override("kk"):
        return translation.gettext(message)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def add_news(agency, slug, *, kk, ru, en=None, day=date(2024, 5, 1), body_kk="", body_ru=""):
    parent = agency.home_page.get_children().get(slug="news").specific
    page = NewsPage(slug=slug, date=day)
    page.title_kk, page.title_ru = kk, ru
    page.body_kk = [("paragraph", f"<p>{body_kk or kk + ' туралы мәтін.'}</p>")]
    page.body_ru = [("paragraph", f"<p>{body_ru or 'Текст: ' + ru + '.'}</p>")]
    if en:
        page.title_en = en
        page.body_en = [("paragraph", f"<p>{en} text.</p>")]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def demo(agency_a, agency_b, commit):
    with commit():
        digital = add_news(
            agency_a, "digital", kk="Цифрландыру бағдарламасы", ru="Программа цифровизации",
            en="Digitalisation programme",
            body_kk="Экономиканы цифрландыру жалғасады. Министрлік жаңа қызметтерді іске қосты.",
            body_ru="Министерство продолжает цифровизацию экономики и запускает новые услуги.",
        )
        tax = add_news(agency_a, "tax", kk="Салық есептілігі", ru="Налоговая отчётность",
                       day=date(2023, 3, 1))
        council = add_news(agency_b, "council", kk="Цифрландыру жөніндегі кеңес",
                           ru="Совет по цифровизации", day=date(2025, 1, 10))
    return {"digital": digital, "tax": tax, "council": council}


def urls(response):
    return [item["url"] for item in response.context["items"]]


def url_of(page, lang="kk", agency="agency-a"):
    return f"/{lang}/{agency}/news/{page.slug}/"


# --- Finding -------------------------------------------------------------------------

def test_kazakh_inflected_query_finds_the_page_with_highlight(client, demo):
    response = client.get("/kk/search/", {"q": "цифрландырудың"})
    assert response.status_code == 200
    assert url_of(demo["digital"]) in urls(response)
    html = response.content.decode()
    assert "<mark>Цифрландыру</mark> бағдарламасы" in html
    assert '<html lang="kk"' in html


@pytest.mark.parametrize("latin", ["cifrlandyru", "tsifrlandyrudyñ"])
def test_latin_kazakh_query_finds_the_cyrillic_page(client, demo, latin):
    response = client.get("/kk/search/", {"q": latin})
    assert url_of(demo["digital"]) in urls(response)
    assert "<mark>Цифрландыру</mark>" in response.content.decode()


def test_russian_query_in_another_case_finds_the_russian_page(client, demo):
    response = client.get("/ru/search/", {"q": "цифровизацию"})
    assert url_of(demo["digital"], "ru") in urls(response)
    assert "<mark>цифровизации</mark>" in response.content.decode()


def test_snippet_comes_from_the_body_when_the_summary_has_no_match(client, demo):
    response = client.get("/ru/search/", {"q": "услуги"})
    (item,) = [i for i in response.context["items"] if i["url"] == url_of(demo["digital"], "ru")]
    assert "<mark>услуги</mark>" in item["snippet"]


# --- Scope ---------------------------------------------------------------------------

def test_agency_search_by_path_returns_only_that_agency(client, demo):
    response = client.get("/kk/agency-a/search/", {"q": "цифрландыру"})
    assert response.status_code == 200
    assert urls(response) == [url_of(demo["digital"])]
    assert response.context["agency"].slug == "agency-a"
    assert "agency-b" not in response.content.decode().split('id="main-content"')[1]


def test_agency_search_on_its_own_host_name(client, portal, commit):
    from tests.factories import make_agency

    with commit():
        own = make_agency("own-host", hostname="own.gov.kz")
        other = make_agency("other-body")
        add_news(own, "digital", kk="Цифрландыру жоспары", ru="План цифровизации")
        add_news(other, "digital", kk="Цифрландыру есебі", ru="Отчёт о цифровизации")
    response = client.get("/kk/search/", {"q": "цифрландыру"}, HTTP_HOST="own.gov.kz")
    assert response.status_code == 200
    titles = [i["title"] for i in response.context["items"]]
    assert titles == ["<mark>Цифрландыру</mark> жоспары"]
    portal_wide = client.get("/kk/search/", {"q": "цифрландыру"})
    assert len(portal_wide.context["items"]) == 2
    # Another agency's search is not served on this agency's host.
    other = client.get("/kk/other-body/search/", {"q": "x"}, HTTP_HOST="own.gov.kz")
    assert other.status_code == 404
    # Links to the agency's own host are relative there.
    assert response.context["items"][0]["url"] == "/kk/news/digital/"


def test_unknown_agency_path_falls_through_to_pages(client, demo):
    assert client.get("/kk/no-such-body/search/", {"q": "цифрландыру"}).status_code == 404


# --- Facets, filters, sort, pagination -------------------------------------------------

def facet(response, name):
    groups = {g["id"]: g for g in response.context["facets"]}
    return [(i["label"], i["count"], i["current"]) for i in groups[f"facet-{name}"]["items"]]


def test_facet_counts(client, demo):
    response = client.get("/kk/search/", {"q": "цифрландыру"})
    assert response.context["total"] == 2
    assert sorted(facet(response, "agency")) == [
        ("А агенттігі", 1, False), ("Б агенттігі", 1, False)]
    assert facet(response, "year") == [("2025", 1, False), ("2024", 1, False)]
    assert [count for _label, count, _c in facet(response, "type")] == [2]
    html = response.content.decode()
    query = "%D1%86%D0%B8%D1%84%D1%80%D0%BB%D0%B0%D0%BD%D0%B4%D1%8B%D1%80%D1%83"
    assert f'href="/kk/search/?q={query}&amp;agency=agency-b"' in html


def test_filters_by_agency_year_and_type(client, demo):
    by_agency = client.get("/kk/search/", {"q": "цифрландыру", "agency": "agency-b"})
    assert urls(by_agency) == [url_of(demo["council"], agency="agency-b")]
    assert ("Б агенттігі", 1, True) in facet(by_agency, "agency")
    by_year = client.get("/kk/search/", {"q": "цифрландыру", "year": "2024"})
    assert urls(by_year) == [url_of(demo["digital"])]
    by_type = client.get("/kk/search/", {"q": "цифрландыру", "type": "sectionpage"})
    assert by_type.status_code == 200 and urls(by_type) == []


def test_sort_by_date(client, demo, agency_a, commit):
    with commit():
        add_news(agency_a, "old-digital", kk="Цифрландыру бағдарламасы: мұрағат",
                 ru="Архив цифровизации", day=date(2020, 1, 1))
    relevance = client.get("/kk/search/", {"q": "цифрландыру бағдарламасы"})
    by_date = client.get("/kk/search/", {"q": "цифрландыру бағдарламасы", "sort": "date"})
    dates = [i["datetime"] for i in by_date.context["items"]]
    assert dates == sorted(dates, reverse=True)
    assert urls(relevance)[0] != urls(by_date)[0]
    assert f'aria-current="true">{kk("Date")}</a>' in by_date.content.decode()


def test_pagination(client, agency_a, commit):
    with commit():
        for n in range(12):
            add_news(agency_a, f"budget-{n}", kk=f"Бюджет жаңалығы {n}", ru=f"Новость бюджета {n}",
                     day=date(2024, 1, n + 1))
    first = client.get("/kk/search/", {"q": "бюджет"})
    assert first.context["total"] == 12 and len(first.context["items"]) == 10
    pagination = first.context["pagination"]
    assert pagination["next_url"] == "/kk/search/?q=%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82&page=2"
    assert pagination["previous_url"] == ""
    second = client.get("/kk/search/", {"q": "бюджет", "page": "2"})
    assert len(second.context["items"]) == 2
    assert not set(urls(first)) & set(urls(second))
    assert 'start="11"' in second.content.decode()
    beyond = client.get("/kk/search/", {"q": "бюджет", "page": "7"})
    assert beyond.status_code == 200
    pages = 2  # 12 results, 10 a page
    with translation.override("kk"):
        notice = translation.ngettext(
            "There is no page %(page)d of results: the search found %(pages)d page.",
            "There is no page %(page)d of results: the search found %(pages)d pages.",
            pages,
        ) % {"page": 7, "pages": pages}
    assert notice in beyond.content.decode()


# --- Did you mean, other languages ------------------------------------------------------

def test_did_you_mean_on_a_typo(client, demo):
    response = client.get("/kk/search/", {"q": "цифрландару"})
    assert response.context["total"] == 0
    assert response.context["did_you_mean"]["text"] == "цифрландыру"
    assert kk("Did you mean:") in response.content.decode()


def test_did_you_mean_for_kazakh_typed_in_latin_with_a_typo(client, demo):
    # s for ц and a letter left out: compared in folded form over every reading
    response = client.get("/kk/search/", {"q": "sifrlandru"})
    assert response.context["total"] == 0
    assert response.context["did_you_mean"]["text"] == "цифрландыру"


def test_did_you_mean_on_a_wrong_keyboard_layout(client, demo):
    response = client.get("/ru/search/", {"q": "wbahjdbpfwbb"})
    assert response.context["total"] == 0
    suggestion = response.context["did_you_mean"]
    assert suggestion["text"] == "цифровизации"
    followed = client.get(suggestion["url"])
    assert url_of(demo["digital"], "ru") in urls(followed)


def test_other_languages_are_offered(client, demo):
    response = client.get("/en/search/", {"q": "программа"})
    assert response.context["total"] == 0
    offers = response.context["other_languages"]
    assert [(o["language"], o["total"]) for o in offers] == [("ru", 1)]
    assert "1 result in Russian" in response.content.decode()
    followed = client.get(offers[0]["url"])
    assert followed.context["total"] == 1
    assert '<ol class="search-results" start="1" lang="ru">' in followed.content.decode()


# --- Validation ------------------------------------------------------------------------

@pytest.mark.parametrize("params,message", [
    ({"q": "x", "page": "abc"}, "The page number must be a whole number."),
    ({"q": "x", "page": "0"}, "The page number must be between 1 and 1000."),
    ({"q": "x", "page": "99999"}, "The page number must be between 1 and 1000."),
    ({"q": "x", "sort": "popularity"}, "Results can be sorted by relevance or by date only."),
    ({"q": "x", "year": "1800"}, "The year must be between 1990 and"),
    ({"q": "x", "year": "3000"}, "The year must be between 1990 and"),
    ({"q": "x", "year": "twenty"}, "The year must be a number"),
    ({"q": "ц" * 201}, "The search text is too long: use at most 200 characters."),
    ({"q": "x", "type": "nosuchpage"}, "The kind of page to filter by is not known."),
    ({"q": "x", "lang": "de"}, "Results can be shown in Kazakh, Russian or English only."),
    ({"q": "x", "agency": "bad slug!"}, "The body to filter by is not valid."),
])
def test_bad_parameters_give_a_message_not_an_error(client, demo, params, message):
    response = client.get("/en/search/", params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_bad_parameter_keeps_the_valid_ones(client, demo):
    response = client.get("/kk/search/", {"q": "цифрландыру", "sort": "nonsense"})
    assert response.status_code == 400
    assert len(response.context["items"]) == 2


def test_empty_query_shows_the_form_only(client, demo):
    response = client.get("/kk/search/")
    assert response.status_code == 200
    assert response.context["items"] == []
    assert 'name="q"' in response.content.decode()


def test_query_without_words_finds_nothing_quietly(client, demo):
    response = client.get("/kk/search/", {"q": "!!! ???"})
    assert response.status_code == 200
    assert response.context["total"] == 0


# --- Suggest -------------------------------------------------------------------------

def test_suggest_returns_titles(client, demo):
    response = client.get("/kk/search/suggest/", {"q": "цифрландыру"})
    assert response.status_code == 200
    data = response.json()
    assert {s["title"] for s in data["suggestions"]} == {
        "Цифрландыру бағдарламасы", "Цифрландыру жөніндегі кеңес"}
    assert all(set(s) == {"title", "url", "agency"} for s in data["suggestions"])


def test_suggest_scoped_to_an_agency(client, demo):
    data = client.get("/ru/search/suggest/", {"q": "цифровизация", "agency": "agency-b"}).json()
    assert [s["url"] for s in data["suggestions"]] == [url_of(demo["council"], "ru", "agency-b")]


@pytest.mark.parametrize("params", [{}, {"q": "ц" * 101}, {"q": "x", "agency": "nope"},
                                    {"q": "x", "agency": "no good"}, {"q": "x", "lang": "xx"}])
def test_suggest_rejects_bad_input_with_json(client, demo, params):
    response = client.get("/kk/search/suggest/", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]


def test_suggest_short_input_gives_nothing(client, demo):
    assert client.get("/kk/search/suggest/", {"q": "ц"}).json()["suggestions"] == []


# --- Engine failure ------------------------------------------------------------------

@pytest.fixture
def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_reduced_mode_when_the_engine_is_down(client, demo, settings, closed_port):
    settings.SEARCH_URL = f"http://127.0.0.1:{closed_port}"
    settings.SEARCH_TIMEOUT = 0.5
    response = client.get("/kk/search/", {"q": "цифрландыру"})
    assert response.status_code == 200
    assert response.context["reduced"] is True
    reduced = kk("Search is running in reduced mode: results may be less precise than usual.")
    assert reduced in response.content.decode()
    assert url_of(demo["digital"]) in urls(response)
    suggest = client.get("/kk/search/suggest/", {"q": "цифрландыру"})
    assert suggest.status_code == 200 and suggest.json()["reduced"] is True


# --- Promotions and the query log ------------------------------------------------------

def test_promoted_hits_shown_and_query_recorded(client, demo, monkeypatch):
    calls = []
    monkeypatch.setattr("search.views.promoted_hits", lambda text, language, agency: [
        {"title": "Ұсынылған бет", "url": "/kk/agency-a/about/", "summary": "Қысқаша", "page_id": 1}
    ] if agency == "agency-a" else [])
    monkeypatch.setattr("search.views.record_query",
                        lambda *args: calls.append(args))
    response = client.get("/kk/agency-a/search/", {"q": "цифрландыру"})
    html = response.content.decode()
    assert kk("Recommended") in html and html.index("Ұсынылған бет") < html.index("бағдарламасы")
    assert calls == [("цифрландыру", "kk", "agency-a", 1)]
    client.get("/kk/agency-a/search/", {"q": "цифрландыру", "page": "2"})
    assert len(calls) == 1


def test_real_query_log_counts_a_search(client, demo):
    from search.models import SearchQueryLog

    client.get("/kk/search/", {"q": "цифрландыру"})
    assert SearchQueryLog.objects.filter(agency=None, language="kk").count() == 1


# --- HTML: CSP, structure, escaping ------------------------------------------------------

# A JSON-LD data block is not code (never run, outside the CSP): allowed.
INLINE = [
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/ld\+json\")[^>]*>",
    r"<style\b",
    r"\sstyle=",
    r"\son[a-z]+=",
]


def assert_no_inline_code(html):
    for pattern in INLINE:
        assert not re.search(pattern, html, re.I), pattern


def test_no_inline_script_or_style_and_one_h1(client, demo):
    for url, params in [("/kk/search/", {"q": "цифрландыру"}), ("/ru/agency-a/search/", {"q": "x"}),
                        ("/en/search/", {"q": "x", "page": "bad"}), ("/kk/search/", {})]:
        response = client.get(url, params)
        html = response.content.decode()
        assert_no_inline_code(html)
        assert html.count("<h1") == 1
        assert "search/js/combobox.js" in html
        assert "Content-Security-Policy" in response.headers


def test_highlight_escapes_html():
    terms = query_terms("цифрландыру", "kk")
    out = highlight('<script>alert("x")</script> цифрландыруға & <b>', terms, "kk")
    assert out == ('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; '
                   '<mark>цифрландыруға</mark> &amp; &lt;b&gt;')
    long = snippet("<i>сөз</i> " * 60 + "цифрландыру " + "сөз " * 60, terms, "kk", 80)
    assert "<mark>цифрландыру</mark>" in long and "<i>" not in long and long.startswith("…")


@pytest.mark.parametrize(
    "language, group, query, text, marked, unmarked",
    [
        (
            "kk",
            ("ЭЦҚ", "электрондық цифрлық қолтаңба"),
            "ЭЦҚ",
            "Электрондық цифрлық қолтаңбаны алу үшін электрондық кезекке тұрыңыз.",
            ["Электрондық", "цифрлық", "қолтаңбаны"],
            ["электрондық кезекке"],
        ),
        (
            "ru",
            ("прописка", "регистрация по месту жительства"),
            "прописка онлайн",
            "Регистрация по месту жительства онлайн. Справка по запросу.",
            ["Регистрация", "месту", "жительства", "онлайн"],
            ["Справка по запросу"],
        ),
        (
            "en",
            ("EDS", "electronic digital signature", "licence"),
            "EDS",
            "Get an electronic digital signature or an electronic queue licence.",
            ["electronic", "digital", "signature", "licence"],
            ["electronic queue"],
        ),
    ],
)
def test_words_a_synonym_matched_are_highlighted(language, group, query, text, marked, unmarked):
    terms = query_terms(query, language, (group,))
    out = highlight(text, terms, language)
    for word in marked:
        assert f"<mark>{word}</mark>" in out
    # A multi-word synonym marks its words only where they stand in a row.
    for words in unmarked:
        assert words in out
    assert out.count("<mark>") == len(marked)
    assert snippet(text, terms, language).count("<mark>") == len(marked)
    # Without the synonyms, none of the synonym's words are marked.
    plain = highlight(text, query_terms(query, language), language)
    assert all(f"<mark>{word}</mark>" not in plain for word in marked if word != "онлайн")


def test_the_results_page_marks_the_words_of_an_agencys_synonym(client, agency_a, commit):
    from search.models import AgencySynonym

    AgencySynonym.objects.create(
        agency=agency_a, language="ru", terms="субсидия фермерам, господдержка села"
    )
    with commit():
        add_news(agency_a, "farm", kk="Ауыл шаруашылығы", ru="Новости села",
                 body_ru="Программа: господдержка села продолжится в 2026 году.")
    response = client.get("/ru/agency-a/search/", {"q": "субсидия фермерам"})
    (item,) = response.context["items"]
    assert "<mark>господдержка</mark> <mark>села</mark>" in item["snippet"]
    # The portal-wide search does not apply the agency's synonym: nothing found.
    assert not client.get("/ru/search/", {"q": "субсидия фермерам"}).context["items"]


def test_page_titles_with_markup_are_escaped(client, agency_a, commit):
    with commit():
        add_news(agency_a, "markup", kk="Цифрландыру <b>қалың</b>", ru="Цифровизация <i>x</i>")
    html = client.get("/kk/search/", {"q": "цифрландыру"}).content.decode()
    assert "<b>қалың</b>" not in html
    assert "&lt;b&gt;" in html


# --- Components ----------------------------------------------------------------------

def test_suggest_completes_a_word_being_typed(client, demo):
    data = client.get("/kk/search/suggest/", {"q": "цифрлан"}).json()
    assert "Цифрландыру бағдарламасы" in {s["title"] for s in data["suggestions"]}


@pytest.mark.parametrize("prefix", ["tsifrlan", "cifrlan", "sifrlan", "цифрлан"])
def test_suggest_completes_a_latin_prefix(client, demo, prefix):
    data = client.get("/kk/search/suggest/", {"q": prefix}).json()
    assert "Цифрландыру бағдарламасы" in {s["title"] for s in data["suggestions"]}


def test_deep_result_pages_link_every_page_with_text(client, agency_a, commit):
    """Page 6 of 7: the gap is a plain "…", never an empty link (the search app had its
    own pagination template whose gap key the shared one did not know)."""
    with commit():
        for n in range(65):
            add_news(agency_a, f"tax-{n}", kk=f"Салық жаңалығы {n}", ru=f"Новость о налогах {n}",
                     day=date(2024, 1, 1 + n % 28))
    html = client.get("/kk/search/", {"q": "салық", "page": "6"}).content.decode()
    nav = re.search(r'<nav class="pagination" aria-label="([^"]*)">(.*?)</nav>', html, re.S)
    assert nav and nav.group(1) == kk("Result pages")
    links = re.findall(r"<a [^>]*>(.*?)</a>", nav.group(2), re.S)
    hrefs = re.findall(r"<a [^>]*?href=\"([^\"]*)\"", nav.group(2))
    assert len(links) == len(hrefs) >= 6
    assert all(href.startswith("/kk/search/?") for href in hrefs)
    assert all(re.sub(r"<[^>]+>", "", text).strip() for text in links)
    assert '<li class="pagination__item pagination__item--ellipsis" aria-hidden="true">…</li>' in (
        nav.group(2)
    )
