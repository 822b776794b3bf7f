"""What a web worker loads and keeps to serve public pages (issue 14: at most 100 MB
per worker). Deterministic: module lists and cache bounds, never an RSS threshold
(`python -m tests.benchmarks.memory_profile` measures the RSS).

A fresh process does what gunicorn does with cms/gunicorn.py — imports cms.wsgi, then
what the master preloads (`when_ready`) — and serves the portal home, an agency home,
a news item, the news index, a search and the RSS feed; then it names the modules it
has loaded. The ones public pages never use must not be among them:

* django-ninja and Wagtail's API v3 (cms.core.wagtail_apps: the project serves API v2);
* the document parsers python-docx, pypdf and odfpy (search.attachments, read at
  indexing time only; the results page reads search.body);
* `holidays` (cms.compliance.calendar, imported on the first working-day count);
* the admin's URLconf, its views and what only they import (the second factor's QR
  codes, segno): public requests are resolved with cms.urls_public;
* snowballstemmer's 36 languages (search.analysis.snowball loads Russian and English);
* eSpeak NG, the MP3 encoder and the speech normalisers (imported by the speech task);
* the agency reorganisations and provisioning (the hooks register their log actions
  from cms.platform.log_actions);
* Django REST framework's views, pydantic and REST framework's optional imports
  (django.contrib.postgres with psycopg, pygments): the API v2 URLconf is imported on
  its first use (cms.core.urlconfs.include_on_use), the admin API view sets that
  Wagtail's images and documents wagtail_hooks import on the first construction of the
  admin's API (cms.core.wagtail_apps.defer_admin_api_view_set), this project's scoped
  ones by its hook (cms.tenants.isolation.admin_api);
* the tag libraries no public template loads: Django's engine imports them all when it
  starts, cms.core.template_engine on their first {% load %};
* requests (Wagtail's oEmbed finder: the embed finders are checked by the system
  checks, cms.core.wagtail_apps.EmbedsConfig) and pillow_heif (Willow imports it when it
  is installed; no HEIF image is accepted, so the settings tell Python it is not).

The probe then builds the admin's API, as the admin's URLconf does, and names the view
sets it mounts: the real ones, not the placeholders the hooks held until then.

Two subprocesses (set-up, then the probe), so that this process's imports do not count.
Below them: the public URLconf against the whole one, the middleware that chooses
between them, the gunicorn settings, the bounds of every lru_cache and of search's word
caches in a web worker, and the persistent PostgreSQL connections.
"""

import ast
import gc
import importlib
import inspect
import json
import os
import re
import sqlite3
import subprocess
import sys
from hashlib import sha256
from pathlib import Path

import polib
import pytest
import snowballstemmer
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.test import RequestFactory, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cms import gunicorn
from cms.core import wagtail_apps
from cms.core.middleware import PublicURLConfMiddleware
from cms.core.urlconfs import public_urlconf
from search.analysis import snowball

# The marker makes pytest-django create the test database that the set-up copies.
pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
KEPT_OUT = (
    "ninja", "wagtail.api.v3", "docx", "pypdf", "odf", "holidays",
    # the admin's URLconf and views: public requests use cms.urls_public
    "wagtail.admin.urls", "cms.urls", "cms.accounts.views", "segno",
    "cms.compliance.admin.views", "cms.platform.admin.views",
    # snowballstemmer's package (all its languages): search.analysis.snowball
    "snowballstemmer",
    # speech synthesis: the task imports it
    "cms.speech.generate", "cms.speech.engine", "cms.speech.audio", "espeakng_loader",
    "lameenc",
    # reorganisations and provisioning: the hooks read cms.platform.log_actions
    "cms.platform.reorg", "cms.platform.provisioning",
    # the APIs: REST framework's views, pydantic, REST framework's optional imports
    "cms.api", "wagtail.api.v2.views", "wagtail.images.api", "wagtail.documents.api",
    "cms.tenants.isolation.admin_api_views", "rest_framework.views", "rest_framework.compat",
    "pydantic", "pydantic_core", "django.contrib.postgres", "psycopg", "psycopg_binary",
    "pygments",
    # the oEmbed finder's HTTP client; HEIF images
    "requests", "urllib3", "pillow_heif",
    # tag libraries no public template loads (cms.core.template_engine)
    "rest_framework.templatetags.rest_framework", "django.contrib.admin.templatetags.admin_list",
)

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
from tests.benchmarks.memory_profile import _Master, call
from cms import gunicorn
from cms.wsgi import application
from cms.core import wagtail_apps  # (after the settings, as in a worker)
gunicorn.when_ready(_Master())
urls = json.loads(sys.argv[1])
statuses = {name: call(application, url) for name, url in urls.items()}
modules = sorted(name for name, module in sys.modules.items() if module is not None)
# Then what the admin's URLconf does first: its API, with the hooks' view sets.
import wagtail.documents.wagtail_hooks, wagtail.images.wagtail_hooks
from django.urls import reverse
from wagtail.admin.api.urls import admin_api
reverse("wagtailadmin_api:images:listing")
hooks_view_sets = {
    hooks: getattr(sys.modules[hooks], name).__module__
    for hooks, (views, name) in wagtail_apps.ADMIN_API_VIEW_SETS.items()
}
mounted = {name: view_set.__module__ for name, view_set in admin_api._endpoints.items()}
print()
json.dump({"statuses": statuses, "modules": modules, "admin_api": {
    "hooks": hooks_view_sets, "mounted": mounted,
}}, sys.stdout)
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
    return urls, result["statuses"], set(result["modules"]), result["admin_api"]


def test_public_pages_are_served(worker_modules):
    urls, statuses, _modules, _admin_api = worker_modules
    assert statuses == {name: 200 for name in urls}


@pytest.mark.parametrize("package", KEPT_OUT)
def test_public_pages_do_not_load(worker_modules, package):
    _urls, _statuses, modules, _admin_api = worker_modules
    loaded = sorted(m for m in modules if m == package or m.startswith(package + "."))
    assert not loaded, f"{package} is loaded by a worker serving public pages: {loaded[:5]}"


def test_probe_sees_what_is_loaded(worker_modules):
    """The probe's list is the worker's: what every page needs is in it."""
    _urls, _statuses, modules, _admin_api = worker_modules
    assert {
        "cms.wsgi", "cms.urls_public", "wagtail.images.wagtail_hooks", "search.views",
        "search.body", "search.analysis._snowballstemmer.russian_stemmer",
    } <= modules


def test_admin_api_mounts_the_real_view_sets(worker_modules):
    """After the public pages, the admin's API is built with the real view sets: the
    hooks' placeholders replaced (Wagtail's), this project's scoped ones mounted."""
    _urls, _statuses, _modules, admin_api = worker_modules
    assert admin_api["hooks"] == {
        "wagtail.documents.wagtail_hooks": "wagtail.documents.api.admin.views",
        "wagtail.images.wagtail_hooks": "wagtail.images.api.admin.views",
    }
    assert admin_api["mounted"] == {
        "pages": "wagtail.admin.api.views",
        "images": "cms.tenants.isolation.admin_api_views",
        "documents": "cms.tenants.isolation.admin_api_views",
    }


@pytest.mark.parametrize("hooks_module", sorted(wagtail_apps.ADMIN_API_VIEW_SETS))
def test_wagtail_hooks_use_the_admin_api_view_set_in_construct_admin_api_only(hooks_module):
    """The placeholder is never seen by anything but the hook that
    use_admin_api_view_sets prepares: Wagtail's module reads the name there only."""
    views, name = wagtail_apps.ADMIN_API_VIEW_SETS[hooks_module]
    tree = ast.parse(inspect.getsource(importlib.import_module(hooks_module)))
    readers = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and any(a.name == name for a in node.names):
            assert node.module == views
            continue
        if any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node)):
            readers.append(getattr(node, "name", type(node).__name__))
    assert readers == ["construct_admin_api"]


def test_deferred_module_gives_the_placeholder_to_its_hooks_module_only(tmp_path, monkeypatch):
    (tmp_path / "deferred_target.py").write_text("class ViewSet:\n    pass\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "deferred_target", raising=False)
    deferred = wagtail_apps._DeferredModule("deferred_target", "fake.hooks", "ViewSet")
    monkeypatch.setitem(sys.modules, "deferred_target", deferred)
    hooks_globals = {"__name__": "fake.hooks"}
    exec("from deferred_target import ViewSet", hooks_globals)  # noqa: S102
    assert isinstance(hooks_globals["ViewSet"], wagtail_apps.NotImportedYet)
    assert "deferred_target" not in sys.modules  # it left: the next import is the real one
    monkeypatch.setitem(sys.modules, "deferred_target", deferred)
    other = {"__name__": "somebody.else"}
    exec("from deferred_target import ViewSet", other)  # noqa: S102
    assert isinstance(other["ViewSet"], type)
    assert sys.modules["deferred_target"].ViewSet is other["ViewSet"]


def test_embed_finders_are_checked_by_the_system_checks():
    from django.core import checks
    from django.core.checks.registry import registry
    from wagtail.embeds.finders import get_finders

    assert wagtail_apps.embed_finders_check in registry.registered_checks
    with override_settings(WAGTAILEMBEDS_FINDERS=[{"class": "no.such.finder"}]):
        get_finders.cache_clear()
        with pytest.raises(ImportError):
            checks.run_checks()
    get_finders.cache_clear()
    assert wagtail_apps.embed_finders_check(None) == []  # the project's finders start


# --- cms.core.template_engine: tag libraries imported on their first {% load %} ----------
# Its DjangoTemplates.__init__ repeats Django's; its listing, Django's without the imports.
# When Django changes them (an upgrade), compare, then record the new fingerprints here.
ENGINE_SOURCES = {
    "DjangoTemplates.__init__": "5daa7eae3a53",
    "get_template_tag_modules": "78759b19db5d",
    "get_package_libraries": "9d6a49a4fe86",
}


@pytest.mark.parametrize("name", sorted(ENGINE_SOURCES))
def test_django_template_engine_set_up_is_the_one_copied(name):
    from django.template.backends import django as django_backend

    function = django_backend
    for part in name.split("."):
        function = getattr(function, part)
    source = inspect.getsource(function)
    assert sha256(source.encode()).hexdigest()[:12] == ENGINE_SOURCES[name], (
        f"Django's {name} changed: compare it with cms/core/template_engine.py, "
        f"then update ENGINE_SOURCES"
    )


def test_template_engine_offers_django_s_libraries_on_use():
    from django.template import engines
    from django.template.backends.django import get_installed_libraries
    from django.template.library import import_library

    from cms.core.template_engine import DjangoTemplates

    backend = engines["django"]
    assert isinstance(backend, DjangoTemplates)
    expected = get_installed_libraries()  # Django's: imports each module
    assert len(expected) > 20
    libraries = backend.engine.template_libraries
    assert {name: libraries[name] for name in expected} == {
        name: import_library(path) for name, path in expected.items()
    }
    for name in set(libraries) - set(expected):  # listed, but no module of that name is one
        with pytest.raises(KeyError):
            libraries[name]
    assert set(libraries) == set(expected)


@pytest.mark.parametrize("name", ["no_such_library", "base"])  # admin's base: no register
def test_template_engine_refuses_what_is_no_library(name):
    from django.template import TemplateSyntaxError, engines

    with pytest.raises(TemplateSyntaxError, match="is not a registered tag library"):
        engines["django"].from_string(f"{{% load {name} %}}")


# --- the app configs of cms.core.wagtail_apps ----------------------------------------
# Each repeats Wagtail's ready() up to its API v3 block. When Wagtail's ready() changes
# (an upgrade), compare it with the copy in cms/core/wagtail_apps.py, then record the
# new fingerprint here.
WAGTAIL_READY = {
    "wagtailembeds": "5f7f4ae836b1",
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


# --- cms/gunicorn.py: the production settings ----------------------------------------
class _Server:
    class cfg:  # noqa: N801 - gunicorn's attribute name
        preload_app = True


def test_gunicorn_master_preloads_the_public_urlconf_and_the_hooks(monkeypatch):
    from django.db import connections
    from django.urls import clear_url_caches
    from wagtail import hooks

    closed = []
    monkeypatch.setattr(connections, "close_all", lambda: closed.append("db"))
    monkeypatch.setattr(hooks, "search_for_hooks", lambda: closed.append("hooks"))
    clear_url_caches()
    assert not get_resolver(public_urlconf())._populated
    assert gunicorn.preload_app is True
    try:
        gunicorn.when_ready(_Server())
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert closed == ["hooks", "db"]  # the workers open their own connections
    public = get_resolver(public_urlconf())
    assert public._populated  # the reverse map is the master's, shared by the workers
    assert not get_resolver()._populated  # the admin's is not preloaded


# --- the public URLconf and the middleware that chooses it ------------------------------
def _routes(patterns, prefix=""):
    """{(route, name)} of every URL pattern below `patterns`, includes flattened."""
    out = set()
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            out |= _routes(pattern.url_patterns, route)
        else:
            assert isinstance(pattern, URLPattern)
            out.add((route, pattern.name))
    return out


def test_public_urlconf_is_the_whole_one_without_the_admin():
    whole = _routes(get_resolver("cms.urls").url_patterns)
    public = _routes(get_resolver(public_urlconf()).url_patterns)
    assert public <= whole
    assert public, "the public URLconf has routes"
    assert {route for route, _name in whole - public} == {
        route for route, _name in whole if route.startswith("admin/")
    }
    assert not any(route.startswith("admin") for route, _name in public)
    import cms.urls
    import cms.urls_public

    for code in (403, 404, 500):
        assert getattr(cms.urls, f"handler{code}") == getattr(cms.urls_public, f"handler{code}")


@pytest.mark.parametrize(
    ("path", "cookies", "public"),
    [
        ("/kk/", {}, True),
        ("/kk/some-agency/news/", {"csrftoken": "x"}, True),
        ("/documents/1/a.pdf", {}, True),
        ("/api/v2/pages/", {}, True),
        ("/admin/", {}, False),
        ("/admin", {}, False),  # CommonMiddleware's slash redirect needs the admin's routes
        ("/admin/pages/3/edit/", {}, False),
        ("/kk/", {settings.SESSION_COOKIE_NAME: "x"}, False),  # the user bar names admin URLs
    ],
)
def test_public_requests_get_the_public_urlconf(path, cookies, public):
    from django.urls import get_urlconf, set_urlconf

    request = RequestFactory().get(path)
    request.COOKIES.update(cookies)
    seen = {}

    def view(request):
        seen["request"] = getattr(request, "urlconf", None)
        seen["thread"] = get_urlconf()
        return None

    try:
        PublicURLConfMiddleware(view)(request)
    finally:
        set_urlconf(None)
    expected = public_urlconf() if public else None
    assert seen == {"request": expected, "thread": expected}


@pytest.mark.parametrize(
    "override",
    [{"PUBLIC_URLCONFS": {}}, {"ROOT_URLCONF": "tests.test_memory"}],  # a test's own routes
)
def test_a_root_urlconf_without_public_part_serves_every_request(override):
    with override_settings(**override):
        request = RequestFactory().get("/kk/")
        PublicURLConfMiddleware(lambda request: request)(request)
    assert not hasattr(request, "urlconf")


def test_public_page_and_admin_are_served_side_by_side(client, agency_a, django_user_model):
    """A public page resolves without the admin's routes; a signed-in editor's request
    and the admin itself still get them."""
    response = client.get(f"/kk/{agency_a.slug}/")
    assert response.status_code == 200
    assert response.wsgi_request.urlconf == public_urlconf()
    admin = django_user_model.objects.create_superuser("memory-admin", "m@example.org", "x")
    client.force_login(admin)
    response = client.get(f"/kk/{agency_a.slug}/")
    assert response.status_code == 200
    assert getattr(response.wsgi_request, "urlconf", None) is None
    response = client.get("/admin/")
    assert response.status_code == 200
    assert getattr(response.wsgi_request, "urlconf", None) is None


def test_api_v2_urls_resolve_lazily():
    assert reverse("wagtailapi:pages:listing") == "/api/v2/pages/"
    assert reverse("wagtailapi:pages:listing", urlconf=public_urlconf()) == (
        "/api/v2/pages/"
    )


# --- search's stemmers: snowballstemmer's files, not its package ---------------------------
def _catalogue_words(language: str) -> list[str]:
    """Every word of this project's catalogue in `language` (msgstr for ru, msgid for en)."""
    entries = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    texts = [e.msgstr if language == "ru" else e.msgid for e in entries]
    return sorted({w.lower() for t in texts for w in re.findall(r"[^\W\d_]+", t)})


@pytest.mark.parametrize("language", ["russian", "english"])
def test_snowball_stemmers_are_snowballstemmers(language):
    words = _catalogue_words("ru" if language == "russian" else "en")
    assert len(words) > 300
    ours, theirs = snowball.stemmer(language), snowballstemmer.stemmer(language)
    assert [ours.stemWord(w) for w in words] == [theirs.stemWord(w) for w in words]


# --- caches: bounded --------------------------------------------------------------------
def _module_name(path: Path) -> str:
    return path.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".").removesuffix(
        ".__init__"
    )


def _lru_caches(path: Path):
    """(module.function, maxsize) of every function a functools cache decorates in a
    source file: maxsize None for @cache and @lru_cache(maxsize=None)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        for decorator in getattr(node, "decorator_list", ()):
            target = decorator.func if isinstance(decorator, ast.Call) else decorator
            kind = getattr(target, "id", getattr(target, "attr", None))
            where = f"{_module_name(path)}.{node.name}"
            if kind == "cache":
                yield where, None
            elif kind == "lru_cache":
                size = 128  # lru_cache's default
                if isinstance(decorator, ast.Call):
                    given = [*decorator.args, *(k.value for k in decorator.keywords)]
                    size = ast.literal_eval(given[0]) if given else 128
                yield where, size


def _project_caches() -> dict:
    found = {}
    for package in ("cms", "search", "themes"):
        for path in sorted((ROOT / package).rglob("*.py")):
            found.update(_lru_caches(path))
    return found


def test_every_lru_cache_of_the_project_is_bounded():
    found = _project_caches()
    assert len(found) > 10  # the scan sees the project's caches
    unbounded = sorted(where for where, size in found.items() if size is None)
    assert not unbounded, f"caches without a bound (give them a maxsize): {unbounded}"


def test_gunicorn_finds_every_word_cache_of_search():
    """The web worker's budget covers every lru_cache of the search modules loaded."""
    for module in ("search.views", "search.engines.database", "search.highlight"):
        importlib.import_module(module)
    declared = {
        where for where in _project_caches()
        if where.startswith("search") and where.rsplit(".", 1)[0] in sys.modules
    }
    found = {f"{cache.__module__}.{cache.__qualname__}" for cache in gunicorn.word_caches()}
    assert len(declared) > 5
    assert declared == found


def test_gunicorn_empties_search_word_caches_above_their_budget(monkeypatch):
    from search.analysis import analyze

    caches = gunicorn.word_caches()
    for cache in caches:
        cache.cache_clear()
    analyze("жаңалықтар министрлігі цифрландыру", "kk")
    entries = sum(cache.cache_info().currsize for cache in caches)
    assert entries > 0
    monkeypatch.setattr(gunicorn, "WORD_CACHE_ENTRIES", entries)
    gunicorn.post_request(None, None, {}, None)  # at the budget: kept
    assert sum(cache.cache_info().currsize for cache in caches) == entries
    analyze("ақпарат", "kk")
    gunicorn.post_request(None, None, {}, None)  # above it: emptied
    assert sum(cache.cache_info().currsize for cache in caches) == 0


# --- persistent database connections (issue 14) ------------------------------------------
@pytest.mark.parametrize(
    ("url", "max_age"),
    [("postgres://u@db.example:5432/birtutas", 60), ("sqlite:////tmp/x.sqlite3", 0)],
)
def test_postgresql_connections_persist_and_are_checked(monkeypatch, url, max_age):
    """PostgreSQL keeps a worker's connection 60 s (DATABASE_CONN_MAX_AGE), checked
    before reuse; SQLite opens its file per request."""
    import cms.settings.base as base

    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv("DATABASE_CONN_MAX_AGE", raising=False)
    try:
        database = importlib.reload(base).DATABASES["default"]
        assert database["CONN_MAX_AGE"] == max_age
        assert database["CONN_HEALTH_CHECKS"] is True
        monkeypatch.setenv("DATABASE_CONN_MAX_AGE", "300")
        assert importlib.reload(base).DATABASES["default"]["CONN_MAX_AGE"] == 300
    finally:
        monkeypatch.undo()
        importlib.reload(base)
