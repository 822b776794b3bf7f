"""Migration 0006: PostgreSQL's database engine matches on `SearchMatch`, and the
entries indexed before it are copied over by SQL, not by the engine's Python code.

This migrates the search app back to 0005, indexes pages the old way, migrates
forward, and checks that every entry got exactly the row the engine writes itself
(terms, filter tokens, negated title terms, the title in order) and that searches,
filters included, find them. On SQLite the tables stay empty (FTS5 matches there).
"""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from search.engines import database_postgres
from search.engines.base import SearchQuery
from search.engines.database import DatabaseEngine, _entry
from search.models import SearchEntry, SearchMatch, SearchTerm
from tests.test_search_engines import doc

APP = "birtutas_search"
BEFORE = [(APP, "0005_rebuild_changes")]


def _latest():
    executor = MigrationExecutor(connection)
    return [key for key in executor.loader.graph.leaf_nodes() if key[0] == APP]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor


DOCS = [
    doc(
        "Цифрландыру бағдарламасы",
        "Мемлекеттік қызметтер цифрландырылды.",
        agency="agency-c",
        ancestors=["agency-a"],
        page_id=91001,
    ),
    doc(
        "Салық есебі",
        "Жаңа салық тәртібі енгізілді.",
        agency="agency-b",
        page_type="sectionpage",
        day=date(2023, 2, 1),
        page_id=91002,
    ),
    doc(
        "Налоговая отчётность",
        "Новый порядок подачи налоговых деклараций.",
        language="ru",
        agency="agency-b",
        page_id=91003,
    ),
    doc("Портал туралы", "Бірыңғай платформа.", agency="", page_id=91004),
]


def _expected(entry: SearchEntry, names: dict[int, str]):
    terms = database_postgres.distinct_terms(entry.title_terms + " " + entry.body_terms)
    terms |= database_postgres.scope_tokens(entry)
    title = database_postgres.split_terms(entry.title_terms)
    return terms, set(title), title


# Migrating back and forth needs a transactional test, whose flush at the end empties
# every table (serialized_rollback restores them only at the start of the next such
# test): it runs in the own-process phase, where no module's shared data follows it.
@pytest.mark.own_process
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_0006_copies_the_entries_indexed_before_it():
    latest = _latest()
    try:
        executor = _migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps.get_model(APP, "SearchEntry")
        for d in DOCS:
            # Entries indexed before 0006 had no feature tokens (they came later).
            entry = _entry(d)
            entry.body_terms = d["body_terms"]
            old.objects.create(
                **{
                    f.attname: getattr(entry, f.attname)
                    for f in SearchEntry._meta.concrete_fields
                    if f.attname != "id"
                }
            )
        _migrate(latest)
    finally:
        _migrate(latest)

    entries = list(SearchEntry.objects.order_by("page_id"))
    assert [e.page_id for e in entries] == [d["page_id"] for d in DOCS]
    if connection.vendor == "postgresql":
        names = dict(SearchTerm.objects.values_list("id", "term"))
        rows = {m.entry_id: m for m in SearchMatch.objects.all()}
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT entry_id, term_ids, title_ids FROM {database_postgres.MATCH}")
            arrays = {entry_id: (terms, title) for entry_id, terms, title in cursor.fetchall()}
        assert set(rows) == {e.pk for e in entries}
        for entry in entries:
            terms, title_set, title = _expected(entry, names)
            got, got_title = arrays[entry.pk]
            assert got == sorted(got), "term ids are sorted"
            assert {names[i] for i in got if i > 0} == terms
            assert {names[-i] for i in got if i < 0} == title_set
            assert [names[i] for i in got_title] == title
            row = rows[entry.pk]
            assert (row.agency, row.language, row.page_type, row.date, row.year) == (
                entry.agency,
                entry.language,
                entry.page_type,
                entry.date,
                entry.year,
            )
    else:
        assert not SearchMatch.objects.exists()

    engine = DatabaseEngine()

    def pages(text, language="kk", **filters):
        results = engine.search(SearchQuery(text=text, language=language, **filters))
        return [hit.page_id for hit in results.hits]

    assert pages("цифрландырудың") == [91001]
    assert pages("цифрландыру", agency="agency-a") == []
    assert pages("цифрландыру", agency="agency-a", include_subordinate=True) == [91001]
    assert pages("салықтың", page_type="sectionpage", year=2023) == [91002]
    assert pages("салық", agency="agency-c") == []
    assert pages("отчётности", language="ru") == [91003]
    assert pages("платформа") == [91004]

    # Pages indexed after the migration, by the engine itself, are found beside them.
    engine.index([doc("Цифрландыру жоспары", agency="agency-b", page_id=91005)])
    assert sorted(pages("цифрландыру")) == [91001, 91005]


def test_0009_feature_tokens_live_beside_the_terms_and_old_rows_still_rank(db):
    """The engine writes the feature tokens (`base.feature_tokens`) to `feature_ids`,
    never to the GIN-indexed `term_ids`; a row from before 0009 (NULL feature_ids)
    still matches and ranks, as if every level were 1."""
    from search.engines.base import MARK

    engine = DatabaseEngine()
    engine.index(DOCS)
    results = engine.search(SearchQuery(text="салық", language="kk"))
    assert [h.page_id for h in results.hits] == [91002]
    if connection.vendor != "postgresql":
        assert not SearchMatch.objects.exists()
        return
    names = dict(SearchTerm.objects.values_list("id", "term"))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT entry_id, term_ids, feature_ids FROM {database_postgres.MATCH}")
        rows = cursor.fetchall()
    assert rows
    for _entry_id, terms, features in rows:
        assert not any(names[abs(i)].startswith(MARK) for i in terms)
        assert features and all(names[i].startswith(MARK) for i in features)
    score = results.hits[0].score
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {database_postgres.MATCH} SET feature_ids = NULL")
    again = engine.search(SearchQuery(text="салық", language="kk"))
    assert [h.page_id for h in again.hits] == [91002]
    assert again.hits[0].score < score


def test_0011_large_values_are_compressed_with_lz4(db):
    """PostgreSQL stores the entries' texts and the match rows' id arrays with lz4
    (pglz was a large share of the database's work per indexed document), and a
    long body written by the engine reads back whole."""
    engine = DatabaseEngine()
    long_body = " ".join(f"сөз{i}" for i in range(3000))
    engine.index([{**DOCS[0], "body": long_body}])
    assert SearchEntry.objects.get(doc_id=DOCS[0]["id"]).body == long_body
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT c.relname, a.attname, a.attcompression FROM pg_attribute a
               JOIN pg_class c ON c.oid = a.attrelid
               WHERE c.relname IN (%s, %s) AND a.attname IN
                 ('title', 'summary', 'body', 'title_terms', 'body_terms',
                  'term_ids', 'title_ids', 'feature_ids')""",
            [SearchEntry._meta.db_table, SearchMatch._meta.db_table],
        )
        found = {(table, column): method for table, column, method in cursor.fetchall()}
        assert len(found) == 8
        assert set(found.values()) == {"l"}, found
        cursor.execute(
            f"SELECT pg_column_compression(body) FROM {SearchEntry._meta.db_table}"
        )
        assert cursor.fetchone() == ("lz4",)
