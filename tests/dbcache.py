"""Migrations once per database per run (and per code change), not once per process.

`make test` starts several test processes on SQLite: two xdist workers for the main
run, one for the tests that commit, two for the browser run. Each used to migrate its
own in-memory database from scratch (about 30 s of CPU each on the 2-core machine).
Now the first process that needs a database migrates it as before and keeps a copy
(SQLite's online backup API) in `.test-db-cache/`; every other process copies that
file into its in-memory database (well under a second) and then sends the usual
`post_migrate` signal, which finds nothing missing.

The copy is keyed by a hash of everything a migration can read: every migration file
of every installed app (ours and the installed packages'), the project's own Python
sources (data migrations import them), the lock file and the settings module. Change
any of them and the next run migrates afresh. A file lock makes concurrent workers
wait for the first one rather than migrate twice.

On PostgreSQL the same key names a template database (`<test db>_tmpl_<key>`): the
first process migrates its test database and copies it with `CREATE DATABASE ...
TEMPLATE`; the others drop their empty test database and create it from the template
(an advisory lock orders them). Older templates of the same test database are dropped.
"""

import contextlib
import fcntl
import functools
import hashlib
import os
import re
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".test-db-cache"
SOURCES = ("cms", "search", "themes")


@functools.cache
def _key() -> str:
    from django.conf import settings
    from django.db.migrations.loader import MigrationLoader

    digest = hashlib.sha256()
    digest.update(os.environ.get("DJANGO_SETTINGS_MODULE", "").encode())
    digest.update(repr(settings.INSTALLED_APPS).encode())
    digest.update((ROOT / "requirements.lock").read_bytes())
    files = set()
    for migration in MigrationLoader(None, load=True).disk_migrations.values():
        files.add(Path(sys.modules[migration.__module__].__file__))
    for folder in SOURCES:
        files.update((ROOT / folder).rglob("*.py"))
    for path in sorted(files):
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


@contextlib.contextmanager
def _locked(path: Path):
    path.parent.mkdir(exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def install() -> None:
    """Patch `migrate` so that the test database set-up (`create_test_db`: a full
    migrate with `run_syncdb`, once per database and process) copies an in-memory
    SQLite database from the cache, or fills the cache after migrating. Any other
    migrate (a test's own, to a named migration) runs unchanged."""
    from django.core.management.commands import migrate
    from django.core.management.sql import emit_post_migrate_signal
    from django.db import connections

    original = migrate.Command.handle
    done: set[str] = set()

    def handle(self, *args, **options):
        alias = options["database"]
        connection = connections[alias]
        if alias in done or not options.get("run_syncdb") or options.get("app_label"):
            return original(self, *args, **options)
        done.add(alias)
        if connection.vendor == "postgresql":
            _postgres_from_template(connection, lambda: original(self, *args, **options))
            emit_post_migrate_signal(0, False, alias)
            return None
        if connection.vendor != "sqlite" or not connection.is_in_memory_db():
            return original(self, *args, **options)
        connection.ensure_connection()
        cached = CACHE / f"{_key()}.sqlite3"
        with _locked(cached):
            if not cached.exists():
                result = original(self, *args, **options)
                partial = cached.with_suffix(".partial")
                target = sqlite3.connect(partial)
                connection.connection.backup(target)
                target.close()
                partial.replace(cached)
                return result
        source = sqlite3.connect(cached)
        source.backup(connection.connection)
        source.close()
        emit_post_migrate_signal(0, False, options["database"])
        return None

    migrate.Command.handle = handle


LOCK_ID = 7_214_003  # pg_advisory_lock key of this module


def _postgres_from_template(connection, migrate) -> None:
    test_name = connection.settings_dict["NAME"]
    base = re.sub(r"_gw\d+$", "", test_name)
    template = f"{base}_tmpl_{_key()}"[:63]
    quote = connection.ops.quote_name
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK_ID])
        try:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
            if cursor.fetchone() is None:
                migrate()
                connection.close()
                cursor.execute(
                    "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
                    [base.replace("_", "\\_") + "\\_tmpl\\_%", template],
                )
                for (stale,) in cursor.fetchall():
                    cursor.execute(f"DROP DATABASE IF EXISTS {quote(stale)}")
                cursor.execute(f"CREATE DATABASE {quote(template)} TEMPLATE {quote(test_name)}")
            else:
                connection.close()
                cursor.execute(f"DROP DATABASE {quote(test_name)}")
                cursor.execute(f"CREATE DATABASE {quote(test_name)} TEMPLATE {quote(template)}")
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_ID])


# --- The demo platform, loaded once per run -------------------------------------------
# Modules that read the demo (the navigation crawl, compliance on the demo, the
# reorganisation of demo bodies) and the browser run each loaded it, about a minute of
# CPU each. The first of them loads it and keeps a copy; the others copy it in.
DEMO_DATA = ROOT / "static" / "demo_content"


@functools.cache
def _demo_key() -> str:
    digest = hashlib.sha256(_key().encode())
    for path in sorted(p for p in DEMO_DATA.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def _in_memory_sqlite():
    from django.db import connection

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        connection.ensure_connection()
        assert not connection.in_atomic_block, "the demo is committed outside a transaction"
        return connection
    return None


def _copy_into(path: Path, connection) -> None:
    source = sqlite3.connect(path)
    source.backup(connection.connection)
    source.close()


def build_demo() -> str:
    """`manage.py load_demo`; what it printed."""
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def restorable() -> bool:
    """Whether the test database is one that `load_demo_committed` copies in and
    `demo_for_a_while` copies back (SQLite in memory)."""
    return _in_memory_sqlite() is not None


def load_demo_committed(build) -> str:
    """Put the demo platform into this process's test database, committed: on SQLite in
    memory a copy kept by the first process that built it with `build()` (keyed by the
    migrations' key and every demo data file: the loader's code is in `_key`), else
    `build()`. Returns what the build printed (kept beside the copy). The media files
    it refers to are in the shared test MEDIA_ROOT."""
    connection = _in_memory_sqlite()
    if connection is None:
        return build()
    cached = CACHE / f"demo-{_demo_key()}.sqlite3"
    printed = cached.with_suffix(".out")
    # Locked: a second process that needs it meanwhile waits for the copy rather than
    # building it too (on two cores, two builds at once take as long as one after the
    # other, and the copy is ready after the first).
    with _locked(cached):
        if cached.exists() and printed.exists():
            _copy_into(cached, connection)
            return printed.read_text(encoding="utf-8")
        output = build()
        partial = cached.with_name(f"{cached.name}.{os.getpid()}.partial")
        target = sqlite3.connect(partial)
        connection.connection.backup(target)
        target.close()
        printed.write_text(output, encoding="utf-8")
        partial.replace(cached)
    return output


@contextlib.contextmanager
def demo_for_a_while(build):
    """The demo platform (`load_demo_committed`) inside the block, what it printed as
    the value, and the database exactly as it was before, copied back, after it."""
    connection = _in_memory_sqlite()
    if connection is None:
        raise RuntimeError("demo_for_a_while is for the in-memory SQLite test database")
    before = sqlite3.connect(":memory:")
    connection.connection.backup(before)
    try:
        yield load_demo_committed(build)
    finally:
        connection = _in_memory_sqlite()
        before.backup(connection.connection)
        before.close()


# --- Committed states of the test database, switched per module -------------------------
# Most modules ask for the two standard agencies (tests/conftest.py). Provisioning them
# is over a thousand queries; it used to run once per module, inside the module's
# transaction. Now each process provisions them once, commits them, and keeps the
# result as a state of its test database beside the database as migrated ("clean"):
# on SQLite in memory, two in-memory copies switched with the backup API (a couple of
# megabytes, milliseconds); on PostgreSQL, a second test database (a copy of the first,
# `CREATE DATABASE ... TEMPLATE`) that the connection is pointed at. No test commits
# (those that do run in processes of their own), so each state stays as built.
CLEAN = "clean"
_states: dict[str, object] = {}  # name -> what its build returned
_copies: dict[str, sqlite3.Connection] = {}  # SQLite: name -> in-memory copy
_current = CLEAN
_postgres_base: str | None = None  # PostgreSQL: the name of the clean test database


def current_state() -> str:
    return _current


def _connection():
    from django.db import connection

    connection.ensure_connection()
    if connection.in_atomic_block:
        raise RuntimeError(
            "the test database changes state outside any transaction: ask for the state's "
            "fixture (e.g. _agency_a_pk) before _module_transaction"
        )
    return connection


def _sqlite_copy(connection) -> sqlite3.Connection:
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copy)
    return copy


def _postgres_database(name: str) -> str:
    return _postgres_base if name == CLEAN else f"{_postgres_base}_{name}"[:63]


def _switch(connection, name: str) -> None:
    """Point the connection at the state `name`, which exists."""
    global _current
    if connection.vendor == "postgresql":
        connection.close()
        connection.settings_dict["NAME"] = _postgres_database(name)
    else:
        _copies[name].backup(connection.connection)
    _current = name


def use_state(name: str, build):
    """Make the test database the clean one plus what `build()` commits (built once per
    process, the first time it is asked for; its on_commit callbacks are dropped, as
    the rolled-back module transaction it replaces dropped them), and return what
    `build()` returned. Call it outside any transaction."""
    global _current, _postgres_base
    from django.db import transaction

    connection = _connection()
    if _current == name:
        return _states[name]
    if name in _states:
        _switch(connection, name)
        return _states[name]
    if _current != CLEAN:
        _switch(connection, CLEAN)
        connection = _connection()
    if connection.vendor == "postgresql":
        _postgres_base = _postgres_base or connection.settings_dict["NAME"]
        target = _postgres_database(name)
        quote = connection.ops.quote_name
        connection.close()
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(target)}")
            cursor.execute(f"CREATE DATABASE {quote(target)} TEMPLATE {quote(_postgres_base)}")
        connection.settings_dict["NAME"] = target
    elif connection.vendor == "sqlite" and connection.is_in_memory_db():
        _copies.setdefault(CLEAN, _sqlite_copy(connection))
    else:
        raise RuntimeError(f"no committed states of {connection.settings_dict['NAME']}")
    _current = name
    with transaction.atomic():
        _states[name] = build()
        connection.run_on_commit.clear()
    if connection.vendor == "sqlite":
        _copies[name] = _sqlite_copy(connection)
    return _states[name]


def back_to_clean() -> None:
    """The test database as migrated (a no-op when it is)."""
    if _current != CLEAN:
        _switch(_connection(), CLEAN)


def drop_states() -> None:
    """Back to the clean database; on PostgreSQL drop the other states' databases (the
    test database's own teardown drops the clean one)."""
    from django.db import connection

    back_to_clean()
    if connection.vendor == "postgresql" and _postgres_base:
        quote = connection.ops.quote_name
        connection.close()
        with connection._nodb_cursor() as cursor:
            for name in list(_states):
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(_postgres_database(name))}")
    _states.clear()
    _copies.clear()
