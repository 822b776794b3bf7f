"""Shared fixtures.

The agencies most tests need (`agency_a`, `agency_b`) are provisioned once per test
process, not once per test nor per module: provisioning runs the real service (home
page, sections, collection, groups, workflow: over a thousand queries), and ~600 tests
in ~60 modules ask for them. They are committed into a state of the test database of
their own (`tests.dbcache.use_state`: on SQLite a copy switched in with the backup
API, on PostgreSQL a second test database), which a module switches to when one of its
tests first asks for them; every module starts on the database as migrated
(`_clean_database`), so modules that never ask (those that count agencies or need an
empty platform) do not see them. `_module_transaction` then opens a transaction around
the rest of the module and rolls it back after its last test; each test runs in a
savepoint inside it (pytest-django's `db`), like Django's `TestCase.setUpTestData`.
Each test gets a fresh `Agency` instance read from the database, so what one test
changes in Python never reaches the next.

A module that needs committed data (`transactional_db`, a second connection) must not
ask for these fixtures.
"""

import pytest
from django.conf import settings
from django.db import transaction
from django.utils import translation

from cms.platform.portal import ensure_portal
from tests import dbcache

# Migrate once per run: later test processes copy the migrated SQLite database.
dbcache.install()

# Test modules that also run on PostgreSQL in `.ci/run` (marker `both_databases`), and
# why: their code path differs by database. Every other module runs on SQLite only;
# the ORM makes the same SQL-free decisions there. Add a module here when it tests
# raw SQL, locking, transactions across connections, migrations or the search engines.
BOTH_DATABASES = {
    "test_search_engines": "the database engine has a PostgreSQL half (SearchMatch, COPY, GIN)",
    "test_search_indexing": "the outbox drain locks rows (select_for_update skip_locked)",
    "test_search_migration": "migration 0006 fills SearchMatch on PostgreSQL only",
    "test_migrations_squashed": "squashed migrations are read from each database's records",
    "test_search_rebuild": "rebuild markers are locked rows; PostgreSQL rebuilds with COPY",
    "test_search_views": "the search page runs the configured engine's SQL",
    "test_search_promotions": "promotions are merged into engine results",
    "test_search_reports": "query reports aggregate in SQL",
    "test_provisioning": "provisioning locks the agency row (select_for_update)",
    "test_setup_platform": "setup_platform converts pages in place (content types, migrations)",
    "test_import_content": "the importer locks its records and rolls back per record",
    "test_isolation": "security: scoping querysets must hold on the production database",
    "test_content_isolation": "security: scoping querysets must hold on the production database",
    "test_query_budget_core": "query counts differ by backend (savepoints, returning)",
    "test_query_budget_content": "query counts differ by backend (savepoints, returning)",
    "test_editorial_workflow": "workflow state changes lock rows",
    "test_settings": "settings read DATABASE_URL",
    "test_editorial_publish_race": "page actions lock the page row (select_for_update)",
    "test_editorial_publish_race_threads": "two connections race for the page row lock",
    "test_search_privacy": "every engine, PostgreSQL's SQL included, excludes private pages",
    "test_files_scope": "file scoping querysets must hold on the production database",
    "test_scale_flat": "query counts per view differ by backend, and the path-range scoping "
    "(substr/startswith on tree paths) and bulk provisioning (bulk_create returning ids, "
    "ON CONFLICT) are SQL that each backend writes its own way",
    "test_recyclebin": "security: the bins' scoping must hold on the production database, "
    "and the explorer hides the bins with a regex lookup",
    "test_backup": "restore empties tables (TRUNCATE on PostgreSQL), resets sequences, reads a "
    "consistent snapshot (REPEATABLE READ) and rebuilds the engine's tables",
    "test_search_synonyms": "synonyms widen PostgreSQL's SQL; agency scoping must hold there",
    "test_search_attachments": "attachment terms reach PostgreSQL's SearchMatch arrays and "
    "positional vector; the privacy of collections must hold there",
    "test_reorganise": "reorganisations lock agency rows, move subtrees with path SQL "
    "(url_path updates by Concat/Substr) and must roll back whole on the production database",
    "test_compliance_checks": "page ids cast to text to match workflow states and revisions "
    "(Cast), revision dates compared by day in the database's time zone (__date)",
    "test_compliance_admin": "the newest snapshot per agency is a correlated subquery; "
    "isolation of the dashboard and the agency pages must hold on the production database",
    "test_feedback_admin": "security: the feedback listing's scoping must hold on the production "
    "database",
    "test_reorganise_commit": "what runs after a reorganisation commits (on_commit redirect "
    "cleanup, the search drain's row locks) runs on each database's own transactions",
    "test_portal_home": "the front page's query count with 250 agencies differs by backend, "
    "and its generated agencies are bulk inserts that return ids",
    "test_portal_news": "the latest news are a walk of a partial index that each database plans "
    "its own way, and migration 0007 fills the news items' copies with a correlated UPDATE",
    "test_query_budget_search": "the search page runs the configured engine's SQL (its count "
    "differs by backend) and the query log's UPDATE",
    "test_cache_outage": "invalidations lost to a Redis outage are recorded in a savepoint of "
    "the publish's transaction, which must neither break it nor outlive its rollback",
}


# The longest modules, longest first (worker seconds of a whole run, 2026-12). With
# `--dist loadfile` a module runs whole on one worker; one of these started near the
# end leaves the other worker idle for as long as it lasts. So they start first, then
# the other modules by their number of tests (what xdist itself does by default:
# `pytest_configure` below turns its reordering off so that this order holds).
LONGEST_FIRST = (
    "test_isolation",
    "test_scale_flat",
    "test_admin_fuzz",
    "test_demo",
    "test_content_pages",
    "test_organisation",
    "test_reorganise",
    "test_import_content",
    "test_search_views",
    "test_theme",
    "test_portal_home",
    "test_editorial_revisions",
    "test_search_engines",
    "test_navigation_crawl",
    "test_reorganise_demo",
    "test_page_cache",
    "test_memory",
)


def _module_name(item) -> str:
    return item.module.__name__.rsplit(".", 1)[-1]


def pytest_configure(config):
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False


def pytest_collection_modifyitems(config, items):
    sizes: dict[str, int] = {}
    for item in items:
        name = _module_name(item)
        sizes[name] = sizes.get(name, 0) + 1
        if name in BOTH_DATABASES:
            item.add_marker(pytest.mark.both_databases)
    rank = {name: index for index, name in enumerate(LONGEST_FIRST)}
    # Stable: each module's tests keep their order.
    items.sort(
        key=lambda item: (rank.get(_module_name(item), len(rank)), -sizes[_module_name(item)])
    )


AGENCY_A = {
    "slug": "agency-a",
    "names": {"kk": "А агенттігі", "ru": "Агентство А", "en": "Agency A"},
    "category": "ministry",
}
AGENCY_B = {
    "slug": "agency-b",
    "names": {"kk": "Б агенттігі", "ru": "Агентство Б", "en": "Agency B"},
    "category": "committee",
}


@pytest.fixture(scope="module")
def demo_platform(django_db_setup, django_db_blocker):
    """The demo platform for the module's tests (each test still rolls back its own
    changes), and what `load_demo` printed. On SQLite it is copied in, committed, from
    the run's one load (`tests.dbcache.load_demo_committed`) and the database as it
    was is copied back after the module; elsewhere it is loaded in a transaction rolled
    back afterwards."""
    with django_db_blocker.unblock():
        if dbcache.restorable():
            with dbcache.demo_for_a_while(dbcache.build_demo) as output:
                yield output
        else:
            with transaction.atomic():
                output = dbcache.build_demo()
                yield output
                transaction.set_rollback(True)


@pytest.fixture(scope="session")
def _database_states(django_db_setup, django_db_blocker):
    """Committed states of the test database (`tests.dbcache.use_state`), dropped
    before the test database itself is torn down."""
    yield
    with django_db_blocker.unblock():
        dbcache.drop_states()


@pytest.fixture(scope="module", autouse=True)
def _clean_database(request):
    """Every module starts on the test database as migrated, whatever state (the
    standard agencies) the module before it switched to."""
    if dbcache.current_state() != dbcache.CLEAN:
        with request.getfixturevalue("django_db_blocker").unblock():
            dbcache.back_to_clean()


def _wanted_agencies(request) -> set[str]:
    """Which of `_agency_a_pk`, `_agency_b_pk` the module's tests ask for."""
    return {
        name
        for item in request.session.items
        if item.module is request.module
        for name in item.fixturenames
        if name in ("_agency_a_pk", "_agency_b_pk")
    }


@pytest.fixture(scope="module")
def _module_transaction(request, django_db_setup, django_db_blocker):
    """One transaction for the module's shared data, rolled back after its last test.
    When the module asks for the standard agencies, the database switches to them
    first (that is done outside any transaction), whichever fixture asks first."""
    if _wanted_agencies(request):
        request.getfixturevalue("_standard_agencies")
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


def _provisioner(specs):
    def provision():
        from tests.factories import make_agency

        with translation.override(settings.LANGUAGE_CODE):
            ensure_portal()
            return {
                spec["slug"]: make_agency(
                    spec["slug"], names=spec["names"], category=spec["category"]
                ).pk
                for spec in specs
            }

    return provision


@pytest.fixture(scope="module")
def _standard_agencies(request, _database_states, django_db_blocker):
    """{slug: pk} of the standard agencies the module's tests ask for (A, B or both, as
    when each was provisioned in the module's transaction), committed once per process;
    the module's shared transaction opens after them."""
    wanted = _wanted_agencies(request)
    specs = [
        spec
        for spec, name in ((AGENCY_A, "_agency_a_pk"), (AGENCY_B, "_agency_b_pk"))
        if name in wanted
    ]
    state = "agencies_" + "_".join(spec["slug"][-1] for spec in specs)
    with django_db_blocker.unblock():
        return dbcache.use_state(state, _provisioner(specs))


@pytest.fixture(scope="module")
def _agency_a_pk(_standard_agencies, _module_transaction):
    return _standard_agencies[AGENCY_A["slug"]]


@pytest.fixture(scope="module")
def _agency_b_pk(_standard_agencies, _module_transaction):
    return _standard_agencies[AGENCY_B["slug"]]


@pytest.fixture
def portal(db):
    return ensure_portal()


@pytest.fixture
def agency_a(_agency_a_pk, portal):
    from cms.tenants.models import Agency

    return Agency.objects.get(pk=_agency_a_pk)


@pytest.fixture
def agency_b(_agency_b_pk, portal):
    from cms.tenants.models import Agency

    return Agency.objects.get(pk=_agency_b_pk)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches site root paths; a test must not see another test's sites."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request or an admin view activates
    the user's language in this thread, and with modeltranslation a plain
    `page.title = ...` writes the active language's column."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def verify_second_factor(client, user):
    """Mark `client`'s session as having passed the second factor (django-otp's own
    session key, with a confirmed TOTP device of the user), as a real verification
    would. For users who need a second factor (platform admins, policy groups)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from cms.accounts import twofactor

    if not twofactor.is_required(user):
        return
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture(autouse=True)
def _second_factor_on_force_login(monkeypatch):
    """The second factor is enforced in tests too (settings.ACCOUNTS_2FA_ENFORCED);
    a test that signs in with Client.force_login is a verified session, as if the
    user had entered a code. Tests of the second factor sign in through the login
    form (tests/test_accounts_security.py), which this does not touch."""
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        verify_second_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)
