"""Squashed migrations: a new database runs one migration per squashed app, and a
database migrated before the squash (its django_migrations rows name the old
migrations) still migrates, because each squash `replaces` them."""

from importlib import import_module

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

SQUASHED = {
    ("pages", "0001_squashed_0004_content_models"): [
        "0001_initial",
        "0002_initial",
        "0003_body_table_block_optional_alt",
        "0004_content_models",
    ],
    ("tenants", "0001_squashed_0002_agency_header_layout"): [
        "0001_initial",
        "0002_agency_header_layout",
    ],
    ("listings", "0001_squashed_0002_body_blocks_from_content"): [
        "0001_initial",
        "0002_body_blocks_from_content",
    ],
}


def _plan(executor):
    targets = executor.loader.graph.leaf_nodes()
    return [(m.app_label, m.name) for m, _backwards in executor.migration_plan(targets)]


def test_each_squash_replaces_the_old_migrations_still_shipped():
    for (app, name), old in SQUASHED.items():
        squash = import_module(f"cms.{app}.migrations.{name}").Migration
        assert squash.replaces == [(app, replaced) for replaced in old]
        for replaced in old:  # kept, for databases that applied only some of them
            import_module(f"cms.{app}.migrations.{replaced}")


@pytest.mark.django_db
def test_a_new_database_applies_the_squashes():
    executor = MigrationExecutor(connection)
    assert _plan(executor) == []
    applied = executor.loader.applied_migrations
    for key in SQUASHED:
        assert key in applied


@pytest.mark.django_db
def test_a_database_migrated_before_the_squash_has_nothing_to_apply():
    # As recorded by the old code: the replaced migrations, not the squashes.
    rows = MigrationRecorder.Migration.objects
    for app, name in SQUASHED:
        rows.filter(app=app, name=name).delete()
        assert rows.filter(app=app, name__in=SQUASHED[(app, name)]).count() == len(
            SQUASHED[(app, name)]
        )
    assert _plan(MigrationExecutor(connection)) == []


@pytest.mark.django_db
def test_a_database_between_the_old_migrations_applies_the_rest_of_them():
    # An older database that had applied pages 0001-0003 but not 0004: Django falls
    # back to the old migrations for that app and applies 0004 only.
    rows = MigrationRecorder.Migration.objects
    rows.filter(app="pages", name="0001_squashed_0004_content_models").delete()
    rows.filter(app="pages", name="0004_content_models").delete()
    # Nor the later ones (pages 0006...): had the leaf stayed applied, Django would plan
    # nothing for the app.
    rows.filter(app="pages", name__gt="0004_content_models").delete()
    assert ("pages", "0004_content_models") in _plan(MigrationExecutor(connection))
    assert ("pages", "0001_squashed_0004_content_models") not in _plan(
        MigrationExecutor(connection)
    )
