"""PostgreSQL: match, count and rank on a narrow table of term ids.

`SearchMatch` holds, per `SearchEntry`, the filter and facet columns and the ids
(`SearchTerm`) of its terms and filter tokens (title terms negated too), with a GIN
index: a common word matches most rows, and
counting them in this narrow table instead of the wide `SearchEntry` (texts, vectors)
is what keeps a search within its time. The key to `SearchEntry` deletes the row with
its entry. `match_vector` and `title_vector` (0004) are dropped; `search_vector` stays
for body phrases. Existing entries are copied over, split on whitespace like the
engine does. SQLite: the two tables stay empty (FTS5 matches there).
"""

import django.db.models.deletion
import search.models
from django.db import migrations, models

ENTRY = "birtutas_search_searchentry"
MATCH = "birtutas_search_searchmatch"
TERM = "birtutas_search_searchterm"

FORWARD = [
    f"""ALTER TABLE {MATCH} ADD CONSTRAINT birtutas_search_match_entry_fk
        FOREIGN KEY (entry_id) REFERENCES {ENTRY} (id) ON DELETE CASCADE""",
    f"CREATE INDEX birtutas_search_match_terms ON {MATCH} USING gin (term_ids)",
    # The terms and the scope tokens of every entry (see search.engines.database_postgres).
    f"""CREATE TEMPORARY TABLE birtutas_search_tokens AS
        SELECT e.id AS entry_id, w.term, w.n AS title_position, FALSE AS scope
        FROM {ENTRY} e,
            unnest(regexp_split_to_array(e.title_terms, '\\s+')) WITH ORDINALITY AS w(term, n)
        UNION ALL
        SELECT e.id, w, NULL, FALSE FROM {ENTRY} e,
            regexp_split_to_table(e.body_terms, '\\s+') AS w
        UNION ALL
        SELECT e.id, t, NULL, TRUE FROM {ENTRY} e, unnest(ARRAY[
            '@lang:' || e.language, '@type:' || e.page_type,
            CASE WHEN e.agency <> '' THEN '@agency:' || e.agency END,
            CASE WHEN e.agency <> '' THEN '@in:' || e.agency END,
            CASE WHEN e.year IS NOT NULL THEN '@year:' || e.year END]) AS t
        UNION ALL
        SELECT e.id, '@in:' || a, NULL, TRUE FROM {ENTRY} e,
            regexp_split_to_table(trim(e.agency_ancestors), '\\s+') AS a
        WHERE trim(e.agency_ancestors) <> ''""",
    """DELETE FROM birtutas_search_tokens WHERE term IS NULL OR term = ''
        OR length(term) > 255 OR (left(term, 1) = '@' AND NOT scope)""",
    "CREATE INDEX ON birtutas_search_tokens (entry_id)",
    "ANALYZE birtutas_search_tokens",
    f"""INSERT INTO {TERM} (term) SELECT DISTINCT term FROM birtutas_search_tokens
        ON CONFLICT (term) DO NOTHING""",
    f"""INSERT INTO {MATCH} (entry_id, page_id, agency, agency_ancestors, language,
            page_type, date, year, term_ids, title_ids)
        SELECT e.id, e.page_id, e.agency, e.agency_ancestors, e.language, e.page_type,
            e.date, e.year,
            ARRAY(SELECT t.id FROM birtutas_search_tokens k
                  JOIN {TERM} t ON t.term = k.term WHERE k.entry_id = e.id
                  UNION SELECT -t.id FROM birtutas_search_tokens k
                  JOIN {TERM} t ON t.term = k.term
                  WHERE k.entry_id = e.id AND k.title_position IS NOT NULL ORDER BY 1),
            ARRAY(SELECT t.id FROM birtutas_search_tokens k JOIN {TERM} t ON t.term = k.term
                  WHERE k.entry_id = e.id AND k.title_position IS NOT NULL
                  ORDER BY k.title_position)
        FROM {ENTRY} e""",
    "DROP TABLE birtutas_search_tokens",
    "DROP INDEX IF EXISTS birtutas_search_match_gin",
    f"ALTER TABLE {ENTRY} DROP COLUMN IF EXISTS match_vector",
    f"ALTER TABLE {ENTRY} DROP COLUMN IF EXISTS title_vector",
]
BACKWARD = [
    f"""ALTER TABLE {ENTRY} ADD COLUMN match_vector tsvector GENERATED ALWAYS AS (
        strip(to_tsvector('simple'::regconfig,
            coalesce(title_terms, '') || ' ' || coalesce(body_terms, '')))
    ) STORED""",
    f"""ALTER TABLE {ENTRY} ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, coalesce(title_terms, ''))
    ) STORED""",
    f"CREATE INDEX birtutas_search_match_gin ON {ENTRY} USING gin (match_vector)",
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

    dependencies = [
        ('birtutas_search', '0005_rebuild_changes'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchMatch',
            fields=[
                ('entry', models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='+', serialize=False, to='birtutas_search.searchentry')),
                ('page_id', models.IntegerField()),
                ('agency', models.CharField(blank=True, max_length=50)),
                ('agency_ancestors', models.CharField(blank=True, max_length=1000)),
                ('language', models.CharField(max_length=5)),
                ('page_type', models.CharField(max_length=50)),
                ('date', models.DateField(null=True)),
                ('year', models.IntegerField(null=True)),
                ('term_ids', search.models.IntArrayField()),
                ('title_ids', search.models.IntArrayField()),
            ],
        ),
        migrations.CreateModel(
            name='SearchTerm',
            fields=[
                ('id', models.AutoField(primary_key=True, serialize=False)),
                ('term', models.TextField(unique=True)),
            ],
        ),
        migrations.RunPython(forward, backward),
    ]
