"""Full-text index of SearchEntry, per database vendor.

SQLite: an FTS5 table over (title_terms, body_terms) with the entry table as its
external content, kept in sync by triggers. PostgreSQL: a generated tsvector column
(title terms weight A, body terms weight B, 'simple' configuration: the terms are
already analysed in Python) with a GIN index. Other vendors get no full-text index
and cannot use the database engine.
"""

from django.db import migrations

TABLE = "birtutas_search_searchentry"
FTS = "birtutas_search_fts"

SQLITE_FORWARD = [
    f"""CREATE VIRTUAL TABLE {FTS} USING fts5(
        title_terms, body_terms,
        content='{TABLE}', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0'
    )""",
    f"""CREATE TRIGGER {FTS}_ai AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO {FTS}(rowid, title_terms, body_terms)
        VALUES (new.id, new.title_terms, new.body_terms);
    END""",
    f"""CREATE TRIGGER {FTS}_ad AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO {FTS}({FTS}, rowid, title_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.body_terms);
    END""",
    f"""CREATE TRIGGER {FTS}_au AFTER UPDATE ON {TABLE} BEGIN
        INSERT INTO {FTS}({FTS}, rowid, title_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.body_terms);
        INSERT INTO {FTS}(rowid, title_terms, body_terms)
        VALUES (new.id, new.title_terms, new.body_terms);
    END""",
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    f"DROP TRIGGER IF EXISTS {FTS}_au",
    f"DROP TRIGGER IF EXISTS {FTS}_ad",
    f"DROP TRIGGER IF EXISTS {FTS}_ai",
    f"DROP TABLE IF EXISTS {FTS}",
]

POSTGRESQL_FORWARD = [
    f"""ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(title_terms, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(body_terms, '')), 'B')
    ) STORED""",
    f"CREATE INDEX birtutas_search_vector_gin ON {TABLE} USING gin (search_vector)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS birtutas_search_vector_gin",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
]


def forward(apps, schema_editor):
    statements = {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD}
    for sql in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


def backward(apps, schema_editor):
    statements = {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD}
    for sql in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("birtutas_search", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
