"""What a web worker loads to serve public pages (issue 14: at most 100 MB per worker).

A fresh process, like a gunicorn worker, imports cms.wsgi and serves the portal home,
an agency home, a news item, the news index, a search and the RSS feed; then it names
the packages it has loaded. The ones public pages never use must not be among them:

* django-ninja and Wagtail's API v3 (cms.core.wagtail_apps: the project serves API v2);
* the document parsers python-docx, pypdf and odfpy (search.attachments, read at
  indexing time only; the results page reads search.body);
* `holidays` (cms.compliance.calendar, imported on the first working-day count).

Not asserted, because Wagtail itself loads them into every worker: Django REST
framework and pydantic (the admin API's views, imported by wagtail.admin.urls and by
the images' and documents' wagtail_hooks), and through REST framework's optional
imports psycopg, requests and pygments; pillow_heif (Willow imports it whenever it is
installed, and Wagtail requires Willow[heif]).

The API v2, which is now imported on its first request, is tested in tests/test_api.py.
Two subprocesses (set-up, then the probe), so that this process's imports do not count.
`python -m tests.benchmarks.memory_profile` measures the RSS.
"""

import gc
import inspect
import json
import os
import sqlite3
import subprocess
import sys
from hashlib import sha256
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse

# The marker makes pytest-django create the test database that the set-up copies.
pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
KEPT_OUT = ("ninja", "wagtail.api.v3", "docx", "pypdf", "odf", "holidays")

SET_UP = """
import json, sys
from datetime import date
import django
django.setup()
from django.core.management import call_command
from django.db import connection
migrated = "wagtailcore_page" not in connection.introspection.table_names()
if migrated:
    call_command("migrate", verbosity=0, interactive=False)
from cms.pages.models import NewsPage
from cms.platform.portal import ensure_portal
from cms.platform.provisioning import provision_agency
ensure_portal()
agency = provision_agency(
    slug="memory", names={"kk": "Жад", "ru": "Память", "en": "Memory"}
).agency
news_index = agency.home_page.get_children().get(slug="news").specific
page = NewsPage(slug="first", date=date.today(), live=False)
for lang in ("kk", "ru", "en"):
    setattr(page, f"title_{lang}", f"Жаңалық {lang}")
    setattr(page, f"body_{lang}", [("paragraph", "<p>Жаңалық мәтіні.</p>")])
news_index.add_child(instance=page)
page.save_revision().publish()
print()
json.dump({"migrated": migrated, "urls": {
    "portal home": "/kk/",
    "agency home": "/kk/memory/",
    "news index": "/kk/memory/news/",
    "news item": "/kk/memory/news/first/",
    "search": "/kk/memory/search/?q=%D0%B6%D0%B0%D2%A3%D0%B0%D0%BB%D1%8B%D2%9B",
    "RSS": "/kk/memory/news/feed/",
}}, sys.stdout)
"""

PROBE = """
import json, sys
from tests.benchmarks.memory_profile import call
from cms.wsgi import application
urls = json.loads(sys.argv[1])
statuses = {name: call(application, url) for name, url in urls.items()}
print()
json.dump({"statuses": statuses, "modules": sorted(sys.modules)}, sys.stdout)
"""


def _run(script: str, env: dict, *args: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", script, *args], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=600, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])  # the last line: the rest is logs


@pytest.fixture(scope="module")
def worker_modules(tmp_path_factory, django_db_setup, django_db_blocker):
    """The modules of a fresh worker process after serving public pages."""
    database = tmp_path_factory.mktemp("memory") / "db.sqlite3"
    # A copy of this process's migrated (and still empty) SQLite test database;
    # on another database the set-up process migrates its file itself.
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            target = sqlite3.connect(database)
            connection.connection.backup(target)
            target.close()
    env = {
        key: value for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "PAGE_CACHE", "CACHE_URL", "REDIS_URL")
    }
    env.update({
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
        "PYTHONPATH": str(ROOT),
    })
    set_up = _run(SET_UP, env)
    assert set_up["migrated"] == (connection.vendor != "sqlite")  # the copy was used
    urls = set_up["urls"]
    result = _run(PROBE, env, json.dumps(urls))
    return urls, result["statuses"], set(result["modules"])


def test_public_pages_are_served(worker_modules):
    urls, statuses, _modules = worker_modules
    assert statuses == {name: 200 for name in urls}


@pytest.mark.parametrize("package", KEPT_OUT)
def test_public_pages_do_not_load(worker_modules, package):
    _urls, _statuses, modules = worker_modules
    loaded = sorted(m for m in modules if m == package or m.startswith(package + "."))
    assert not loaded, f"{package} is loaded by a worker serving public pages: {loaded[:5]}"


def test_probe_sees_what_is_loaded(worker_modules):
    """The probe's list is the worker's: what every page needs is in it."""
    _urls, _statuses, modules = worker_modules
    assert {"cms.wsgi", "wagtail.admin.urls", "search.views", "search.body"} <= modules


# --- the app configs of cms.core.wagtail_apps ----------------------------------------
# Each repeats Wagtail's ready() up to its API v3 block. When Wagtail's ready() changes
# (an upgrade), compare it with the copy in cms/core/wagtail_apps.py, then record the
# new fingerprint here.
WAGTAIL_READY = {
    "wagtailredirects": "19d1a78049d8",
    "wagtailsnippets": "1ac35b5ed403",
    "wagtaildocs": "4cdf87a46dbf",
    "wagtailimages": "52e409385bb1",
}


@pytest.mark.parametrize("label", sorted(WAGTAIL_READY))
def test_wagtail_ready_is_the_one_copied(label):
    config = apps.get_app_config(label)
    assert type(config).__module__ == "cms.core.wagtail_apps"
    wagtails = type(config).__mro__[1]
    source = inspect.getsource(wagtails.ready)
    assert sha256(source.encode()).hexdigest()[:12] == WAGTAIL_READY[label], (
        f"Wagtail's {wagtails.__qualname__}.ready() changed: compare it with "
        f"cms/core/wagtail_apps.py, then update WAGTAIL_READY"
    )


def test_api_v2_urls_resolve_lazily():
    assert reverse("wagtailapi:pages:listing") == "/api/v2/pages/"


# --- cms/gunicorn.py: the production settings ----------------------------------------
class _Server:
    class cfg:  # noqa: N801 - gunicorn's attribute name
        preload_app = True


def test_gunicorn_master_freezes_after_loading_the_urlconfs(monkeypatch):
    from django.db import connections
    from django.urls import clear_url_caches, get_resolver

    from cms import gunicorn

    closed = []
    monkeypatch.setattr(connections, "close_all", lambda: closed.append("db"))
    clear_url_caches()
    assert not get_resolver()._populated
    assert gunicorn.preload_app is True
    try:
        gunicorn.when_ready(_Server())
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert closed == ["db"]  # the workers open their own connections
    assert "admin" in {p.pattern.regex.pattern.strip("^/") for p in get_resolver().url_patterns}
    assert get_resolver()._populated  # the reverse map is the master's, shared by the workers
