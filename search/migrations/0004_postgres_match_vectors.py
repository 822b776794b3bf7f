"""PostgreSQL: smaller vectors for matching and for the title.

`match_vector`: strip()ped (no positions, no weights) tsvector of title and body
terms, with the GIN index: what a search matches and counts on. `title_vector`: the
title terms with positions (small): title conditions and title phrases. The big
`search_vector` stays for body phrases, which are only checked on the top
candidates, so its GIN index is dropped (it slowed every insert). SQLite: nothing.
"""

from django.db import migrations

TABLE = "birtutas_search_searchentry"

FORWARD = [
    f"""ALTER TABLE {TABLE} ADD COLUMN match_vector tsvector GENERATED ALWAYS AS (
        strip(to_tsvector('simple'::regconfig,
            coalesce(title_terms, '') || ' ' || coalesce(body_terms, '')))
    ) STORED""",
    f"""ALTER TABLE {TABLE} ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, coalesce(title_terms, ''))
    ) STORED""",
    f"CREATE INDEX birtutas_search_match_gin ON {TABLE} USING gin (match_vector)",
    "DROP INDEX IF EXISTS birtutas_search_vector_gin",
]
BACKWARD = [
    f"CREATE INDEX IF NOT EXISTS birtutas_search_vector_gin ON {TABLE} USING gin (search_vector)",
    "DROP INDEX IF EXISTS birtutas_search_match_gin",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS title_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS match_vector",
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
    dependencies = [("birtutas_search", "0003_promotions_querylog")]

    operations = [migrations.RunPython(forward, backward)]
