"""PostgreSQL: drop `SearchEntry.search_vector`, the generated tsvector of 0002.

It was read only to check body phrases, which the engine now checks on `body_terms`
itself (`database_postgres._body_phrase`: the run of terms, at any position; the
vector kept positions only up to 16,383). Computing it (`to_tsvector` over every
body's terms and feature tokens) was most of the database's work per indexed
document. SQLite: nothing (its FTS5 table stays).
"""

from django.db import migrations

TABLE = "birtutas_search_searchentry"

FORWARD = [f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector"]
BACKWARD = [
    f"""ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(title_terms, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(body_terms, '')), 'B')
    ) STORED""",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in FORWARD:
            schema_editor.execute(sql)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in BACKWARD:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("birtutas_search", "0009_searchmatch_feature_ids")]

    operations = [migrations.RunPython(forward, backward)]
