"""PostgreSQL: compress the engine's large values with lz4 instead of pglz.

A `SearchEntry`'s body, body terms (with the feature tokens) and a Kazakh page's
`SearchMatch` id arrays are long enough to be compressed when stored (TOAST);
pglz's compression was a large share of the database's CPU per indexed document,
and lz4 compresses several times faster (and decompresses faster for searches
that read them). Only the storage changes: values written before keep pglz until
they are written again (the next rebuild). SQLite: nothing.
"""

from django.db import migrations

ENTRY = "birtutas_search_searchentry"
MATCH = "birtutas_search_searchmatch"
COLUMNS = {
    ENTRY: ("title", "summary", "body", "title_terms", "body_terms"),
    MATCH: ("term_ids", "title_ids", "feature_ids"),
}


def _set(schema_editor, method: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, columns in COLUMNS.items():
        changes = ", ".join(f"ALTER COLUMN {c} SET COMPRESSION {method}" for c in columns)
        schema_editor.execute(f"ALTER TABLE {table} {changes}")


def forward(apps, schema_editor):
    _set(schema_editor, "lz4")


def backward(apps, schema_editor):
    _set(schema_editor, "pglz")


class Migration(migrations.Migration):
    dependencies = [("birtutas_search", "0010_drop_postgres_search_vector")]

    operations = [migrations.RunPython(forward, backward)]
