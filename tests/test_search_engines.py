"""One behaviour suite for every search engine.

"database" runs on the test database (SQLite FTS5, or PostgreSQL's tsvector when
DATABASE_URL points at PostgreSQL); "elastic" runs against a real osmem-server over
HTTP (marked `engine`), a fresh clone per test. If osmem-server cannot start, the
elastic tests error: they never skip.

Documents are built as `search.documents` builds them (the analysed *_terms come from
`search.documents.terms_text`), without pages, so each test states exactly what is indexed.
"""

import functools
from datetime import date, timedelta

import pytest

from search.documents import terms_text
from search.engines.base import SearchQuery
from search.engines.database import DatabaseEngine
from search.engines.elastic import ElasticEngine

_ids = iter(range(1000, 100000))


def doc(
    title,
    body="",
    *,
    language="kk",
    agency="agency-a",
    page_type="newspage",
    day=date(2024, 5, 1),
    page_id=None,
    ancestors=(),
):
    page_id = page_id or next(_ids)
    return {
        "id": f"{page_id}-{language}",
        "page_id": page_id,
        "agency": agency,
        "agency_ancestors": list(ancestors),
        "agency_name": agency.upper(),
        "language": language,
        "page_type": page_type,
        "title": title,
        "summary": body[:50],
        "body": body,
        "url": f"/{language}/{agency}/news/{page_id}/",
        "date": day,
        "year": day.year if day else None,
        "title_terms": terms_text(title, language),
        "body_terms": terms_text(body, language),
        "tags": [],
    }


@pytest.fixture(params=["database", pytest.param("elastic", marks=pytest.mark.engine)])
def engine(request, db):
    if request.param == "database":
        return DatabaseEngine()
    clone = request.getfixturevalue("osmem_clone")
    engine = ElasticEngine(url=clone.url, prefix="test")
    engine.ensure_index()
    return engine


def load(engine, *docs):
    engine.index(docs)
    engine.refresh()
    return docs


def find(engine, text, language="kk", **kwargs):
    return engine.search(SearchQuery(text=text, language=language, **kwargs))


def page_ids(results):
    return [hit.page_id for hit in results.hits]


def test_kazakh_inflected_form_finds_the_page(engine):
    (page,) = load(engine, doc("Жаңа бағдарлама", "Экономиканы цифрландыру жалғасады."))
    load(engine, doc("Басқа жаңалық", "Ауа райы туралы хабар."))
    results = find(engine, "цифрландырудың")
    assert page_ids(results) == [page["page_id"]]


@pytest.mark.parametrize("latin", ["cifrlandyru", "tsifrlandyru"])
def test_latin_kazakh_query_finds_cyrillic_text(engine, latin):
    (page,) = load(engine, doc("Жаңа бағдарлама", "Экономиканы цифрландыру жалғасады."))
    assert page_ids(find(engine, latin)) == [page["page_id"]]


def test_russian_query_in_another_case_finds_the_russian_page(engine):
    (page,) = load(
        engine, doc("Новости министерства", "Программа цифровизации экономики.", language="ru")
    )
    load(engine, doc("Экономика", "Цифрландыру бағдарламасы.", language="kk"))
    assert page_ids(find(engine, "цифровизация", language="ru")) == [page["page_id"]]


def test_language_filter(engine):
    kk, ru = load(
        engine,
        doc("Бюджет 2024", "Бюджет туралы.", language="kk", page_id=7),
        doc("Бюджет 2024", "О бюджете.", language="ru", page_id=7),
    )
    assert [h.id for h in find(engine, "бюджет", language="ru").hits] == [ru["id"]]
    assert [h.id for h in find(engine, "бюджет", language="kk").hits] == [kk["id"]]
    assert find(engine, "бюджет", language="en").total == 0


def test_agency_filter_returns_no_other_agencys_pages(engine):
    a, b, sub = load(
        engine,
        doc("Салық реформасы", agency="agency-a"),
        doc("Салық реформасы", agency="agency-b"),
        doc("Салық реформасы", agency="agency-c", ancestors=["agency-a"]),
    )
    only_a = find(engine, "салық", agency="agency-a")
    assert page_ids(only_a) == [a["page_id"]]
    assert {h.agency for h in only_a.hits} == {"agency-a"}
    with_subordinate = find(engine, "салық", agency="agency-a", include_subordinate=True)
    assert sorted(page_ids(with_subordinate)) == sorted([a["page_id"], sub["page_id"]])
    assert find(engine, "салық").total == 3


def test_title_match_ranks_above_body_match(engine):
    body, title = load(
        engine,
        doc("Жаңалықтар", "Министрлік субсидия туралы хабарлайды.", day=date(2024, 6, 1)),
        doc("Субсидия", "Министрлік хабарлайды.", day=date(2023, 1, 1)),
    )
    assert page_ids(find(engine, "субсидия")) == [title["page_id"], body["page_id"]]


def test_all_terms_rank_above_some_terms(engine):
    some, every = load(
        engine,
        doc("Жол құрылысы", "Жаңа жол.", day=date(2024, 6, 1)),
        doc("Жаңалық", "Жол және көпір құрылысы.", day=date(2023, 1, 1)),
    )
    assert page_ids(find(engine, "көпір құрылысы")) == [every["page_id"], some["page_id"]]


def test_phrase_ranks_above_scattered_words(engine):
    scattered, phrase = load(
        engine,
        doc(
            "Хабарлама",
            "Мемлекеттік органдар мен жергілікті қызмет көрсету орталығы.",
            day=date(2024, 6, 1),
        ),
        doc("Хабарлама", "Мемлекеттік қызмет көрсету тәртібі.", day=date(2023, 1, 1)),
    )
    assert page_ids(find(engine, "мемлекеттік қызмет")) == [
        phrase["page_id"],
        scattered["page_id"],
    ]


def test_newer_news_ranks_above_older_for_an_equal_match(engine):
    old, new, middle = load(
        engine,
        doc("Жиналыс өтті", day=date(2022, 3, 1)),
        doc("Жиналыс өтті", day=date(2024, 3, 1)),
        doc("Жиналыс өтті", day=date(2023, 3, 1)),
    )
    assert page_ids(find(engine, "жиналыс")) == [new["page_id"], middle["page_id"], old["page_id"]]


def test_equal_match_and_date_ranks_the_higher_page_id_first_and_no_date_last(engine):
    # 9 and 10 catch a tie-break that compares page ids as text.
    nine, ten, undated = load(
        engine,
        doc("Жиналыс өтті", page_id=9),
        doc("Жиналыс өтті", page_id=10),
        doc("Жиналыс өтті", page_id=11, day=None),
    )
    expected = [ten["page_id"], nine["page_id"], undated["page_id"]]
    assert page_ids(find(engine, "жиналыс")) == expected
    assert page_ids(find(engine, "жиналыс", sort="date")) == expected


def test_phrase_does_not_run_from_the_title_into_the_body(engine):
    # "subsidy" ends the title and "programme" starts the body: no phrase points.
    split, phrase = load(
        engine,
        doc("New subsidy", "Programme for farmers.", language="en", day=date(2024, 1, 1)),
        doc("News", "Subsidy programme for farmers.", language="en", day=date(2020, 1, 1)),
    )
    results = find(engine, "subsidy programme", language="en")
    assert page_ids(results) == [phrase["page_id"], split["page_id"]]
    # 2 x 20 all words + 8 phrase + per word (body level 3, lead, exact form); the split
    # page: 40 + (title 6, body 1, exact 1) + (body 3, lead 3, exact 1).
    assert [round(hit.score, 3) for hit in results.hits] == [62.0, 55.0]


def test_sort_by_date(engine):
    title_old, body_new = load(
        engine,
        doc("Тариф", day=date(2021, 1, 1)),
        doc("Хабар", "Тариф өзгерді.", day=date(2024, 1, 1)),
    )
    assert page_ids(find(engine, "тариф")) == [title_old["page_id"], body_new["page_id"]]
    assert page_ids(find(engine, "тариф", sort="date")) == [
        body_new["page_id"],
        title_old["page_id"],
    ]


def test_facet_counts_and_filters(engine):
    load(
        engine,
        doc("Ақпарат жаңалығы", agency="agency-a", day=date(2024, 1, 1)),
        doc("Ақпарат жаңалығы", agency="agency-a", day=date(2023, 1, 1)),
        doc("Ақпарат бөлімі", agency="agency-a", page_type="sectionpage", day=date(2024, 2, 1)),
        doc("Ақпарат жаңалығы", agency="agency-b", day=date(2024, 3, 1)),
        doc("Басқа тақырып", agency="agency-b", day=date(2024, 3, 1)),
    )
    results = find(engine, "ақпарат")
    assert results.total == 4
    assert results.facets["agency"] == [("agency-a", 3), ("agency-b", 1)]
    assert results.facets["page_type"] == [("newspage", 3), ("sectionpage", 1)]
    assert results.facets["year"] == [(2024, 3), (2023, 1)]
    filtered = find(engine, "ақпарат", page_type="newspage", year=2024)
    assert filtered.total == 2
    assert filtered.facets["agency"] == [("agency-a", 1), ("agency-b", 1)]


def test_pagination(engine):
    docs = load(engine, *[doc(f"Есеп {n}", day=date(2020 + n, 1, 1)) for n in range(5)])
    newest_first = [d["page_id"] for d in reversed(docs)]
    first = find(engine, "есеп", per_page=2, page=1)
    second = find(engine, "есеп", per_page=2, page=2)
    third = find(engine, "есеп", per_page=2, page=3)
    assert first.total == second.total == third.total == 5
    assert first.pages == 3
    assert page_ids(first) + page_ids(second) + page_ids(third) == newest_first


def test_hit_fields(engine):
    (page,) = load(engine, doc("Төтенше жағдай", "Ескерту мәтіні.", day=date(2024, 7, 9)))
    (hit,) = find(engine, "төтенше").hits
    assert hit.id == page["id"]
    assert (hit.title, hit.url, hit.date, hit.agency, hit.language) == (
        page["title"],
        page["url"],
        date(2024, 7, 9),
        "agency-a",
        "kk",
    )
    assert hit.agency_name == "AGENCY-A" and hit.page_type == "newspage" and hit.score > 0


def test_delete_replace_and_counts(engine):
    a, b, c = load(
        engine,
        doc("Көктем", page_id=11),
        doc("Весна", language="ru", page_id=11),
        doc("Көктем", agency="agency-b", page_id=12),
    )
    assert engine.counts() == {("agency-a", "kk"): 1, ("agency-a", "ru"): 1, ("agency-b", "kk"): 1}
    engine.delete([c["id"]])
    engine.refresh()
    assert find(engine, "көктем").total == 1
    engine.replace_pages([11], [doc("Жаз", page_id=11)])
    engine.refresh()
    assert engine.counts() == {("agency-a", "kk"): 1}
    assert page_ids(find(engine, "жаз")) == [11]
    engine.delete_page(11)
    engine.refresh()
    assert engine.counts() == {}


def test_rebuild_replaces_everything(engine):
    load(engine, doc("Ескі құжат"))
    seen = []
    done = engine.rebuild(
        iter([doc("Жаңа құжат"), doc("Жаңа есеп")]),
        lambda n, total: seen.append((n, total)),
        total=2,
    )
    engine.refresh()
    assert done == 2 and seen[-1] == (2, 2)
    assert find(engine, "ескі").total == 0
    assert find(engine, "жаңа").total == 2
    assert engine.ping()


def test_empty_query_finds_nothing(engine):
    load(engine, doc("Құжат"))
    assert find(engine, "  ").total == 0


# --- the relevance model (search.engines.base) ----------------------------------------
def test_a_quoted_phrase_finds_only_pages_holding_that_phrase(engine):
    phrase, scattered, other = load(
        engine,
        doc("Хабарлама", "Мемлекеттік қызмет көрсету тәртібі өзгерді."),
        doc("Қызмет туралы", "Мемлекеттік органдар мен жергілікті қызмет."),
        doc("Басқа", "Ауа райы."),
    )
    quoted = find(engine, '"мемлекеттік қызмет"')
    assert page_ids(quoted) == [phrase["page_id"]] and quoted.total == 1
    assert sorted(page_ids(find(engine, "мемлекеттік қызмет"))) == sorted(
        [phrase["page_id"], scattered["page_id"]]
    )
    # Guillemets quote too, and a quoted phrase combines with other words.
    assert page_ids(find(engine, "«мемлекеттік қызмет» тәртібі")) == [phrase["page_id"]]
    # A phrase in the title counts; one that runs from the title into the body does not.
    (title,) = load(engine, doc("Жер салығы", "Төлеу мерзімі."))
    assert page_ids(find(engine, '"жер салығы"')) == [title["page_id"]]
    assert find(engine, '"салығы төлеу"').total == 0


def test_a_quoted_phrase_in_russian_and_english(engine):
    ru, _ = load(
        engine,
        doc("Услуги", "Электронная цифровая подпись для граждан.", language="ru"),
        doc("Подпись", "Цифровая услуга и электронная почта.", language="ru"),
    )
    assert page_ids(find(engine, '"цифровая подпись"', language="ru")) == [ru["page_id"]]
    en, _ = load(
        engine,
        doc("Services", "Digital signature for citizens.", language="en"),
        doc("Signature", "A digital service and its signature.", language="en"),
    )
    assert page_ids(find(engine, '"digital signature"', language="en")) == [en["page_id"]]


def test_a_quoted_phrase_deep_inside_a_long_attachment_is_found(engine):
    """PostgreSQL's tsvector keeps positions only up to 16,383: a phrase past it was
    missed. The phrase is checked on the term sequence itself, at any position."""
    filler = " ".join(["ауа райы жаңбыр"] * 4000)  # ~12,000 words, over 16,383 terms
    text = f"{filler} цифрлық қолтаңба алу"
    long_doc = doc("Құжаттар", "Бұйрықтар тізімі.")
    long_doc["attachments"] = text
    long_doc["attachment_terms"] = terms_text(text, "kk")
    assert len(long_doc["attachment_terms"].split()) > 16_383
    scattered = doc("Қолтаңба", "Цифрлық кітапхана. Қолтаңба үлгісі.")
    load(engine, long_doc, scattered)
    quoted = find(engine, '"цифрлық қолтаңба"')
    assert page_ids(quoted) == [long_doc["page_id"]] and quoted.total == 1
    assert sorted(page_ids(find(engine, "цифрлық қолтаңба"))) == sorted(
        [long_doc["page_id"], scattered["page_id"]]
    )


def test_every_reading_of_a_query_word_is_searched(engine):
    from search.analysis import query_groups

    (readings,) = query_groups("облысы", "kk")
    assert len(readings) > 1
    other = doc("Хабар", "")
    other["body_terms"] = readings[1]  # holds the second reading of the word only
    load(engine, other, doc("Ауа райы", "Жаңбыр."))
    assert page_ids(find(engine, "облысы")) == [other["page_id"]]


def test_synonyms_widen_a_word_and_several_words_become_one(engine):
    synonyms = (("ЭЦП", "электронная цифровая подпись"),)
    service, news = load(
        engine,
        doc(
            "Электронная цифровая подпись: как получить",
            "Порядок и сроки.",
            language="ru",
            page_type="servicepage",
        ),
        doc("Новости", "Выдано больше ЭЦП, чем в прошлом году.", language="ru"),
    )
    found = find(engine, "ЭЦП", language="ru", synonyms=synonyms)
    assert sorted(page_ids(found)) == sorted([service["page_id"], news["page_id"]])
    assert page_ids(find(engine, "ЭЦП", language="ru")) == [news["page_id"]]
    spelled = find(engine, "электронная цифровая подпись", language="ru", synonyms=synonyms)
    assert sorted(page_ids(spelled)) == sorted([service["page_id"], news["page_id"]])
    # A multi-word expression counts only when all its words occur.
    (half,) = load(engine, doc("Подпись", "Подпись директора.", language="ru"))
    assert half["page_id"] not in page_ids(find(engine, "ЭЦП", language="ru", synonyms=synonyms))


def test_the_page_about_the_word_outranks_pages_that_mention_it(engine):
    filler = " ".join(["Бөлім жұмысы туралы жалпы ақпарат берілген."] * 6)
    mentions = load(
        engine,
        *[
            doc(
                f"Бөлім {n}",
                f"{filler} Субсидия да бар. {filler}",
                page_type="sectionpage",
                day=date(2026, 11, 1),
            )
            for n in range(7)
        ],
    )
    about = doc(
        "Фермерлерге көмек",
        "Субсидия алу үшін өтініш беріңіз. Субсидия мөлшері өсті. Субсидия "
        "туралы ереже. Субсидия беру мерзімі. Субсидия төленді. Субсидия жайлы "
        "сұрақтар. Субсидия тізімі. Субсидия бағдарламасы.",
        day=date(2022, 1, 10),
    )
    load(engine, about)
    results = find(engine, "субсидия")
    assert page_ids(results)[0] == about["page_id"]
    assert results.total == len(mentions) + 1


def test_undated_pages_do_not_look_new(engine):
    """A section page re-published yesterday is not "new": equal matches put the
    time-bound page (news) first, whatever the section page's publication date."""
    news, section = load(
        engine,
        doc("Жиналыс өтті", day=date(2021, 2, 1), page_id=80001),
        doc("Жиналыс өтті", page_type="sectionpage", day=date(2026, 12, 1), page_id=80002),
    )
    assert page_ids(find(engine, "жиналыс")) == [news["page_id"], section["page_id"]]


def test_freshness_lifts_recent_news_but_never_above_a_better_match(engine):
    today = date(2024, 6, 1)
    old, fresh, title = load(
        engine,
        doc("Хабар", "Тариф өзгерді.", day=date(2021, 6, 1)),
        doc("Хабар", "Тариф өзгерді.", day=date(2024, 5, 20)),
        doc("Тариф", "Жаңа ереже.", page_type="sectionpage", day=None),
    )
    results = find(engine, "тариф", today=today)
    assert page_ids(results) == [title["page_id"], fresh["page_id"], old["page_id"]]
    scores = [h.score for h in results.hits]
    assert round(scores[1] - scores[2], 4) == 3.0  # the whole bounded boost


def test_the_exact_form_outranks_a_match_of_the_stem_only(engine):
    stem_only, exact = load(
        engine,
        doc("Хабар", "Жиналыстар өтті.", day=date(2024, 6, 1)),
        doc("Хабар", "Жиналысы өтті.", day=date(2020, 6, 1)),
    )
    assert page_ids(find(engine, "жиналысы")) == [exact["page_id"], stem_only["page_id"]]


# --- the score, checked against a reference over hundreds of documents ----------------
# Enough documents that a common word's matches exceed the PostgreSQL engine's candidate
# cut-offs (the requested page's end + 200), so its shortcuts are checked against the
# plain definition of `search.engines.base`, computed here in Python.
RANKING_WORDS = (
    "мемлекет қызмет бағдарлама салық жол құрылыс білім мектеп ауыл су жер денсаулық көлік тариф"
).split()


@functools.cache
def ranking_corpus(n=480, seed=3):
    import random

    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(RANKING_WORDS))]
    agencies = ["agency-a", "agency-b", "agency-c"]
    docs = []
    for i in range(n):
        # Titles draw evenly, bodies mostly the common words: most pages hold a common
        # word without it in the title (the engine's newest-pages shortcut matters).
        title = " ".join(rng.choices(RANKING_WORDS, k=rng.randint(2, 3)))
        body = " ".join(rng.choices(RANKING_WORDS, weights, k=rng.randint(3, 12)))
        agency = agencies[i % 3]
        docs.append(
            doc(
                title,
                body,
                agency=agency,
                page_id=50000 + i,
                page_type=("newspage", "sectionpage")[i % 2],
                ancestors=["agency-a"] if agency == "agency-c" else [],
                day=date(2020, 1, 1).replace(year=2020 + i % 5, month=1 + i % 12, day=1 + i % 28),
            )
        )
    return docs


def reference(docs, query):
    """Facets and the ordered (page id, score) of the requested page, by definition
    (`search.engines.base.reference_score`, computed from the documents' own fields,
    not from the feature tokens the engines index)."""
    from collections import Counter

    from search.engines.base import ranking_key, reference_score

    plan = query.plan()
    scored = []
    for d in docs:
        if d["language"] != query.language:
            continue
        if query.agency and not (
            d["agency"] == query.agency
            or (query.include_subordinate and query.agency in d["agency_ancestors"])
        ):
            continue
        if query.page_type and d["page_type"] != query.page_type:
            continue
        if query.year and d["year"] != query.year:
            continue
        score = reference_score(plan, d)
        if score is not None:
            scored.append((d, score))
    scored.sort(
        key=lambda ds: ranking_key(
            ds[1], ds[0]["date"], ds[0]["page_type"], ds[0]["page_id"], query.sort
        ),
        reverse=True,
    )
    page = scored[query.offset : query.offset + query.per_page]
    facets = {
        "agency": Counter(d["agency"] for d, _s in scored),
        "page_type": Counter(d["page_type"] for d, _s in scored),
        "year": Counter(d["year"] for d, _s in scored),
    }
    return len(scored), facets, [(d["page_id"], round(s, 4)) for d, s in page]


RANKING_QUERIES = [
    dict(text="мемлекет"),
    dict(text="тариф"),
    dict(text="мемлекет қызмет"),
    dict(text="қызмет мемлекет"),
    dict(text="мемлекет қызмет бағдарлама"),
    dict(text="жол құрылыс"),
    dict(text="мемлекет тариф"),
    dict(text="мемлекет белгісізсөз"),
    dict(text="мемлекет қызмет", page=3),
    dict(text="мемлекет", page=22),
    dict(text="мемлекет қызмет", sort="date"),
    dict(text="мемлекет", sort="date", page=4),
    dict(text="мемлекет қызмет", agency="agency-a"),
    dict(text="мемлекет қызмет", agency="agency-a", include_subordinate=True),
    dict(text="салық", page_type="sectionpage", year=2022),
    dict(text='"мемлекет қызмет"'),
    dict(text='жол "мемлекет қызмет"', page=2),
    dict(text="мемлекет", today=date(2024, 6, 1)),
    dict(text="жол құрылыс", today=date(2023, 3, 1), page=2),
    dict(text="жол", synonyms=(("жол", "көлік тариф"),)),
    dict(text="көлік тариф білім", synonyms=(("жол", "көлік тариф"),)),
]


@pytest.mark.parametrize("params", RANKING_QUERIES, ids=lambda p: "-".join(map(str, p.values())))
def test_ranking_matches_the_definition(engine, params):
    docs = ranking_corpus()
    assert len(docs) > 2 * (200 + 10)  # past the PostgreSQL engine's candidate cut-offs
    engine.index(docs)
    engine.refresh()
    query = SearchQuery(language="kk", **params)
    total, facets, hits = reference(docs, query)
    results = engine.search(query)
    assert results.total == total
    assert [(h.page_id, round(h.score, 4)) for h in results.hits] == hits
    for name, counts in facets.items():
        assert dict(results.facets[name]) == dict(counts), name


# --- top-k early termination (PostgreSQL) ---------------------------------------------
# A common word, "салық", in more titles than a results page and its rerank window hold
# (the page's end + 200). The groups sit around the PostgreSQL engine's thresholds:
#   title, high   250 pages, 38 points (title, level 4, lead, exact form), 2019
#   title, low    300 pages, 32 points (title, exact form), 2020
#   body, best     40 news pages, 31 points (level 4, lead, headings, exact form) and
#                 up to 3 for freshness (dated through 2022: fresh on 2022-12-31)
#   body, low     200 pages, 21 points (the word once, inflected, past the lead), 2020
# On page 3 of 100 (the 500 best) the threshold is 32: the fresh "body, best" pages
# reach it (some exactly, and they win the tie by date) and must be found although
# the word is not in their titles; the others must not be scored. Page 1 of 10 (the
# 210 best) needs no page without the word in the title.
COMMON_QUERIES = [
    dict(text="салық"),
    dict(text="салық", per_page=100, page=3, today=date(2022, 12, 31)),
    dict(text="салық", per_page=100, page=3, today=date(2030, 1, 1)),
    dict(text="салық бюджет", today=date(2022, 12, 31)),
    dict(text="салық сирексөз"),
    dict(text="салық", agency="agency-a", include_subordinate=True),
    dict(text="салық", page_type="sectionpage", per_page=50),
    dict(text="салық", sort="date", page=2),
]


@functools.cache
def common_word_corpus(seed=13):
    import random

    rng = random.Random(seed)
    others = [w for w in RANKING_WORDS if w not in ("салық", "бюджет")]
    agencies = ["agency-a", "agency-b", "agency-c"]
    groups = [
        # (pages, title has the word, body, headings, first day, page type)
        (250, True, "Салық салық салық салық {}", None, date(2019, 1, 1), "newspage"),
        (300, True, "{}", None, date(2020, 1, 1), "newspage"),
        (40, False, "Салық салық салық салық {}", "Салық", date(2022, 1, 1), "newspage"),
        (200, False, "{} салықтың", None, date(2020, 1, 1), "sectionpage"),
    ]
    docs = []
    for count, in_title, body, headings, first, page_type in groups:
        for _ in range(count):
            i = len(docs)
            title = rng.sample(others, 2)
            if in_title:
                title.insert(0, "Салық")
            filler = rng.choices(others, k=rng.randint(6, 12))
            if rng.random() < 0.4:
                filler.insert(rng.randrange(len(filler) + 1), "бюджет")
            if i % 97 == 0:
                filler.append("сирексөз")
            agency = agencies[i % 3]
            d = doc(
                " ".join(title),
                body.format(" ".join(filler)),
                agency=agency,
                page_id=60000 + i,
                page_type=page_type if i % 7 else "sectionpage",
                ancestors=["agency-a"] if agency == "agency-c" else [],
                day=first + timedelta(days=rng.randrange(365)),
            )
            if headings:
                d["headings"] = headings
            docs.append(d)
    return docs


def test_early_termination_gives_the_full_ranking(db, caplog):
    """The PostgreSQL engine scores the matches with a query word in the title first
    and the others only when their bound reaches the threshold those give: it returns
    the definition's results (the full ranking) on queries whose pages hold rows of
    both kinds, and it does leave rows unscored (logged by `database_postgres`), so
    the check is not vacuous."""
    from django.db import connection

    docs = common_word_corpus()
    engine = DatabaseEngine()
    engine.index(docs)
    rests = []
    for params in COMMON_QUERIES:
        caplog.clear()
        with caplog.at_level("DEBUG", logger="search.engines.database_postgres"):
            query = SearchQuery(language="kk", **params)
            results = engine.search(query)
        total, facets, hits = reference(docs, query)
        assert results.total == total, params
        assert [(h.page_id, round(h.score, 4)) for h in results.hits] == hits, params
        for name, counts in facets.items():
            assert dict(results.facets[name]) == dict(counts), (params, name)
        rests += [(params, r.ranking_rest) for r in caplog.records if hasattr(r, "ranking_rest")]
    # Pages without the word in the title are on the checked page (the tie at 32).
    _total, _facets, hits = reference(docs, SearchQuery(language="kk", **COMMON_QUERIES[1]))
    titled = {d["page_id"] for d in docs if "салық" in d["title"].lower()}
    assert {page_id for page_id, _s in hits} - titled
    if connection.vendor != "postgresql":
        return
    # "skipped": no row without a query word in the title was read; "bounded": only
    # those whose bound reached the threshold were scored.
    assert rests[:3] == [
        (COMMON_QUERIES[0], "skipped"),
        (COMMON_QUERIES[1], "bounded"),
        (COMMON_QUERIES[2], "bounded"),
    ]
    assert {rest for _params, rest in rests[3:]} >= {"bounded", "all"}, rests


def test_elastic_engines_share_one_client_per_url():
    """Every search builds an engine: they reuse one client (and its kept-alive
    connections) per URL and timeout instead of opening a connection each time."""
    first = ElasticEngine(url="http://127.0.0.1:9", prefix="a", timeout=2)
    assert ElasticEngine(url="http://127.0.0.1:9", prefix="b", timeout=2).client is first.client
    assert ElasticEngine(url="http://127.0.0.1:9", timeout=5).client is not first.client
    assert ElasticEngine(url="http://127.0.0.1:10", timeout=2).client is not first.client


@pytest.mark.engine
def test_index_shards_and_replicas_come_from_the_settings(db, osmem_clone, settings):
    """SEARCH_INDEX_SHARDS / SEARCH_INDEX_REPLICAS shape every concrete index a rebuild
    creates (production sizing: README "Production at national scale")."""
    settings.SEARCH_INDEX_SHARDS = 3
    settings.SEARCH_INDEX_REPLICAS = 1
    engine = ElasticEngine(url=osmem_clone.url, prefix="layout")
    engine.ensure_index()
    (index,) = engine.client.indices.get_alias(name=engine.alias).body
    found = engine.client.indices.get_settings(index=index).body[index]["settings"]["index"]
    assert (str(found["number_of_shards"]), str(found["number_of_replicas"])) == ("3", "1")
