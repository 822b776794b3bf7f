"""Real Chromium (Debian's /usr/bin/chromium through Playwright) against a live server
holding the demo platform.

How the data gets to the server
-------------------------------
pytest-django's `live_server` *fixture* makes every test that uses it transactional,
and a transactional test empties every table when it ends: the demo (about a minute
to load) would have to be loaded again for each of the ~100 page checks, and the
tables the migrations filled (Wagtail's root page, locales) would be gone for any
test that runs afterwards. So the suite starts pytest-django's own `LiveServer`
helper once per session (`live_site`) and loads the demo once, committed:

- on SQLite in memory the server thread shares the test connection (pytest-django and
  Django's LiveServerThread do this for in-memory databases), on PostgreSQL it opens
  its own connection, which is why the data must be committed;
- the browser tests are moved to the end of the run (`pytest_collection_modifyitems`),
  so no other test ever sees the demo; the test database is dropped after the run;
- each browser test is still marked `django_db` (that is how pytest-django knows the
  session needs a test database at all, e.g. under `-m browser`), so it runs inside
  a transaction that is rolled back, on top of the committed demo;
- static files are served by Django's StaticFilesHandler as in `runserver`, plus a
  `Cache-Control: max-age` (`CachedStaticFilesHandler`): the files do not change
  during a run, so each browser context fetches each of them once instead of on
  every page (the server shares this process, and its GIL, with Playwright);
- Playwright's sync API keeps an asyncio loop running in the main thread, and Django
  refuses database calls from a thread with a running loop. The only such calls are
  the per-test transaction's BEGIN/ROLLBACK (requests are served by the server's own
  threads), so DJANGO_ALLOW_ASYNC_UNSAFE is set while the browser runs, and only then.

Missing Chromium or Playwright fails these tests with the command that installs them;
they never skip.
"""

import gc
import os
import shutil
import threading
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tests import dbcache

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 900},
    "mobile": {"width": 375, "height": 812},
    # WCAG 1.4.10 Reflow: 320 CSS px, no horizontal scrolling (test_reflow.py).
    "reflow": {"width": 320, "height": 720},
}
# The visually-impaired combination checked on every page: large text, white on black,
# wide spacing (cookie format of themes/vi.py).
VI_COOKIE = "text:large|contrast:dark|spacing:wide"
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
INSTALL_HINT = (
    "Install Debian's Chromium with `apt-get update && apt-get install -y chromium` "
    "(`make test` does it when run as root) and the test extra with "
    "`.venv/bin/pip install -e '.[test]'`."
)


# Browser tests that take far longer than a page check (seconds on the loaded 2-core
# machine, roughly): they start first, so that no worker is left running one of them
# while the other has nothing more to do. Matched against the start of the node id
# after "tests/browser/".
LONG_TESTS = {
    "test_approve_and_publish.py::": 40,
    "test_editor_csp.py::": 14,
    "test_reflow.py::": 11,
    "test_pages_axe.py::test_page_passes_axe[catalogue-": 6,
}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Run the browser tests last (they commit the demo platform to the test database),
    their long tests first (`long_tests_first`)."""
    browser = [item for item in items if item.get_closest_marker("browser")]
    if browser:
        others = [item for item in items if not item.get_closest_marker("browser")]
        # Only the browser tests: xdist's first batches (see long_tests_first) are
        # then the browser tests' own.
        workers = 1 if others else xdist_load_workers(config)
        items[:] = others + long_tests_first(browser, workers)


def xdist_load_workers(config) -> int:
    """How many xdist workers share the tests with --dist load (1 if not so). Asked in
    a worker, whose own `dist` option xdist sets to "no": read from the command line
    (`-n N` alone means --dist load)."""
    workerinput = getattr(config, "workerinput", None)
    if workerinput is None:
        return 1
    args = [str(arg) for arg in config.invocation_params.args]
    dist = "load"
    for index, arg in enumerate(args):
        if arg == "--dist" and index + 1 < len(args):
            dist = args[index + 1]
        elif arg.startswith("--dist="):
            dist = arg.split("=", 1)[1]
    return workerinput["workercount"] if dist == "load" else 1


def _weight(item) -> int:
    nodeid = item.nodeid.split("tests/browser/", 1)[-1]
    return next((w for prefix, w in LONG_TESTS.items() if nodeid.startswith(prefix)), 0)


def long_tests_first(items: list, workers: int) -> list:
    """The long tests first, longest first, the others in their order after them.

    With xdist's --dist load, worker k is first sent the k-th run of `chunk` consecutive
    tests (xdist/scheduler/load.py: a quarter of a worker's share) and later ones as it
    runs out. The long tests are dealt into those first runs, each to the run with the
    least seconds so far, and the short ones fill them up: no worker's first batch
    holds all the long tests. Any order runs the same tests; this one only balances.
    """
    long = sorted((item for item in items if _weight(item)), key=_weight, reverse=True)
    short = [item for item in items if not _weight(item)]
    if workers < 2:
        return long + short
    chunk = max(2, len(items) // workers // 4)
    runs, seconds, overflow = [[] for _ in range(workers)], [0] * workers, []
    for item in long:
        open_runs = [k for k in range(workers) if len(runs[k]) < chunk]
        if not open_runs:
            overflow.append(item)
            continue
        k = min(open_runs, key=lambda k: seconds[k])
        runs[k].append(item)
        seconds[k] += _weight(item)
    ordered = []
    for run in runs:
        fill = chunk - len(run)
        ordered += run + short[:fill]
        short = short[fill:]
    return ordered + overflow + short


def cached_static_files_handler():
    """Django's StaticFilesHandler, with a `Cache-Control` on the files it serves.

    Without it every page load asks the live server again for every stylesheet,
    script and font (a heuristic freshness from a fresh checkout's modification times
    is seconds): about 20 requests a public page and 60 an editor page, each served
    in Python next to the tests. What the browser renders is the same bytes.
    """
    from django.contrib.staticfiles.handlers import StaticFilesHandler

    class CachedStaticFilesHandler(StaticFilesHandler):
        def serve(self, request):
            response = super().serve(request)
            if response.status_code == 200:
                response.headers["Cache-Control"] = STATIC_CACHE_CONTROL
            return response

    return CachedStaticFilesHandler


STATIC_CACHE_CONTROL = "max-age=86400"


@dataclass
class LiveSite:
    url: str
    staff_session: str

    def __call__(self, path: str) -> str:
        return self.url + path


@pytest.fixture(scope="session")
def playwright_api(live_site):
    """Playwright's sync API runs an event loop in this thread, and Django refuses
    database calls while one runs: the site (and its data) is set up first."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(f"Playwright is not installed. {INSTALL_HINT}", pytrace=False)
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail(f"{CHROMIUM} is missing. {INSTALL_HINT}", pytrace=False)
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_playwright() as p:
            yield p
    finally:
        close_idle_connections()
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture(scope="session")
def browser(playwright_api):
    browser = playwright_api.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def close_idle_connections():
    """Close every idle database connection of this thread.

    Django keeps connections in context-local storage, and Playwright's sync API runs
    the tests (and their per-test BEGIN/ROLLBACK) under another context than the one
    pytest-django later tears the databases down in: the connections opened there
    are out of Django's reach, and PostgreSQL refuses to drop the test database
    while they are open ("being accessed by other users"). Django reconnects on
    demand, so closing idle ones is safe.
    """
    from django.db.backends.base.base import BaseDatabaseWrapper

    for wrapper in gc.get_objects():
        if (
            isinstance(wrapper, BaseDatabaseWrapper)
            and wrapper.connection is not None
            and wrapper._thread_ident == threading.get_ident()
            and not wrapper.in_atomic_block
        ):
            wrapper.close()


@pytest.fixture(scope="session")
def axe():
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        pytest.fail(f"axe-playwright-python is not installed. {INSTALL_HINT}", pytrace=False)
    return Axe()


# The demo's longest result list is about 35 hits (4 pages); the axe matrix also checks
# page 5+ of the results, so the browser platform gets 45 short bulletins more.
BULLETINS = 45
BULLETIN_WORD = {"kk": "бюллетень", "ru": "бюллетень", "en": "bulletin"}


def add_bulletins():
    """Publish BULLETINS numbered news items in the digital ministry's news section."""
    import datetime

    from cms.pages.models import NewsPage
    from cms.tenants.models import Agency

    news = Agency.objects.get(slug="digital").home_page.get_children().get(slug="news").specific
    for n in range(1, BULLETINS + 1):
        page = NewsPage(slug=f"bulletin-{n}", date=datetime.date(2025, 1 + n % 12, 1 + n % 28))
        page.title_kk = f"Ақпараттық бюллетень №{n}"
        page.title_ru = f"Информационный бюллетень №{n}"
        page.title_en = f"Information bulletin No. {n}"
        page.body_kk = [("paragraph", f"<p>Министрліктің апталық бюллетенінің {n}-шығарылымы.</p>")]
        page.body_ru = [("paragraph", f"<p>Выпуск {n} еженедельного бюллетеня министерства.</p>")]
        page.body_en = [("paragraph", f"<p>Issue {n} of the ministry's weekly bulletin.</p>")]
        news.add_child(instance=page)
        page.save_revision().publish()


@pytest.fixture(scope="session")
def live_site(django_db_setup, django_db_blocker):
    """The demo platform, committed, behind pytest-django's LiveServer (see above)."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        # The run's one load of the demo (tests/dbcache.py), then the platform set-up
        # `make run` also does (it finds the portal and the agencies complete).
        dbcache.load_demo_committed(dbcache.build_demo)
        call_command("setup_platform", stdout=StringIO())
        add_bulletins()
        staff, _created = get_user_model().objects.get_or_create(
            username="browser-staff", defaults={"is_staff": True}
        )
        client = Client()
        client.force_login(staff)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        server = LiveServer("localhost", start=False)
        server.thread.static_handler = cached_static_files_handler()
        server.start()
        try:
            yield LiveSite(url=server.url, staff_session=session)
        finally:
            server.stop()
            # Request threads are daemons the server does not wait for; each closes
            # its database connection when it ends. Let them end, or PostgreSQL
            # refuses to drop the test database while they are still connected.
            for thread in threading.enumerate():
                if "process_request_thread" in thread.name:
                    thread.join(timeout=5)


@pytest.fixture(scope="session")
def contexts(browser, live_site):
    """One browser context per (viewport, mode), shared by the page checks.

    The staff session cookie is scoped to the catalogue's paths only, so every other
    page is seen as an anonymous visitor sees it.
    """
    made = {}

    def get(viewport: str, mode: str, **options):
        key = (viewport, mode, tuple(sorted(options.items())))
        if key not in made:
            context = browser.new_context(
                viewport=VIEWPORTS[viewport], reduced_motion="reduce", **options
            )
            host = live_site.url.split("//", 1)[1].split(":")[0]
            cookies = [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": live_site.staff_session,
                    "domain": host,
                    "path": f"/{lang}/catalogue/",
                }
                for lang in ("kk", "ru", "en")
            ]
            if mode == "vi":
                cookies.append({"name": "vi", "value": VI_COOKIE, "domain": host, "path": "/"})
            context.add_cookies(cookies)
            made[key] = context
        return made[key]

    yield get
    for context in made.values():
        context.close()


@pytest.fixture(scope="session")
def tabs(contexts):
    """One tab per shared context (`tabs(viewport, mode, **options)`), for the checks
    that navigate, read, click and run axe: each such test starts with its own goto.

    A tab opened per test costs a new renderer process, whose scripts (axe's 570 kB
    among them) are compiled cold: about half of a page check's time. Tests that
    change a tab beyond what the next navigation resets (emulated media, listeners,
    dialogs) open their own.
    """
    made = {}

    def get(viewport: str, mode: str, **options):
        key = (viewport, mode, tuple(sorted(options.items())))
        if key not in made or made[key].is_closed():
            made[key] = contexts(viewport, mode, **options).new_page()
        return made[key]

    yield get
    for tab in made.values():
        if not tab.is_closed():
            tab.close()


def format_violations(violations) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['failureSummary']}")
    return "\n".join(lines)


AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}


def run_axe(axe, page) -> list[dict]:
    """axe-core's violations on the page's current document, as `axe.run(page, options=
    AXE_OPTIONS).response["violations"]` of axe_playwright_python gives them (the same
    script, the same `axe.run(options)` call), but axe.min.js is evaluated only if this
    document does not have it yet, and only the violations come back to Python."""
    if not page.evaluate("() => typeof window.axe === 'object' && !!window.axe.run"):
        page.evaluate(axe.axe_script)
    return page.evaluate("options => axe.run(options).then(results => results.violations)",
                         AXE_OPTIONS)
