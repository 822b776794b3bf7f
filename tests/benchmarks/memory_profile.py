"""Memory of one web worker: `.venv/bin/python -m tests.benchmarks.memory_profile`.

Builds the page benchmark's scratch platform (tests/benchmarks/pages_bench.py: demo
platform + BENCH_AGENCIES extra agencies, SQLite, its settings), then starts a fresh
process that does what gunicorn does with the production settings — imports
cms.wsgi:application, then what the master preloads (cms.gunicorn.when_ready: the
public URLconf, every app's Wagtail hooks) — and calls the application directly for
every public page type (portal home, agency home, news index and item, legal-acts
register and act, standard page, the listing pages, search, RSS, sitemap), twice.
That process prints:

* RSS (/proc/self/status VmRSS) and the number of modules in sys.modules after the
  import, after the preload, after the first pass and after the second one;
* the top-level packages by number of modules loaded;
* the MEMORY_TOP (15) modules that cost most (below), and which of the heavy packages
  named in issue 14 are loaded (tests/test_memory.py keeps them out: the APIs' Django
  REST framework views and pydantic, REST framework's optional imports — psycopg through
  django.contrib.postgres, pygments —, requests, pillow_heif, the document parsers...;
  "none" is the expected answer);
* the top-level packages by memory: the RSS growth while each module is created and
  executed (an extension's shared library included), its nested imports left out,
  summed by top-level package. The rest of the growth (the warm-up rows' deltas
  beyond imports) is data: caches, compiled templates, the page cache's entries.

BENCH_AGENCIES defaults to 5 here. The scratch folder is removed on exit (BENCH_KEEP=1
keeps it). Last, it serves the same pages with gunicorn (2 sync workers) with
gunicorn's defaults (no preload), with the production settings (cms/gunicorn.py, as
`make bench-pages` starts it), and with the production settings over the pages in all
three languages (kk, ru, en: what a production worker serves), and prints the master's
RSS and each worker's RSS, PSS and private memory. RSS per worker under load is in
`make bench-pages`' table.
"""

from __future__ import annotations

import importlib.abc
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

CHILD_FLAG = "--worker"
TOP_MODULES = int(os.environ.get("MEMORY_TOP", "15"))
# Packages a worker must not load to serve public pages (tests/test_memory.py).
HEAVY = ("ninja", "pydantic", "rest_framework.views", "pillow_heif", "psycopg", "requests",
         "docx", "pypdf", "odf", "holidays", "pygments", "wagtail.admin.urls", "segno",
         "snowballstemmer", "espeakng_loader", "lameenc")


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def top_package(name: str) -> str:
    return name.split(".", 1)[0]


# --- the worker process --------------------------------------------------------------
def call(application, url: str) -> int:
    """GET `url` through the WSGI application; the status code."""
    from wsgiref.util import setup_testing_defaults

    parts = urlsplit(url)
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": parts.path.encode().decode("latin-1"),
        "QUERY_STRING": parts.query,
        "HTTP_HOST": "127.0.0.1",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
    }
    setup_testing_defaults(environ)
    status = []
    result = application(environ, lambda s, headers, exc_info=None: status.append(s))
    try:
        for _chunk in result:
            pass
    finally:
        if hasattr(result, "close"):
            result.close()
    return int(status[0].split()[0])


class ImportCost(importlib.abc.MetaPathFinder):
    """RSS growth while each module is created and executed, its own imports left out,
    summed by top-level package: what loading each package costs a worker."""

    def __init__(self):
        self.by_package: Counter[str] = Counter()
        self.by_module: Counter[str] = Counter()
        self.stack: list[list] = []  # [package, RSS at start, RSS of nested imports]

    def find_spec(self, name, path, target=None):
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _MeasuredLoader(spec.loader, self, name)
                return spec
        return None

    def start(self, module):
        self.stack.append([module, rss_mb(), 0.0])

    def finish(self):
        module, start, nested = self.stack.pop()
        total = rss_mb() - start
        self.by_module[module] += total - nested
        self.by_package[top_package(module)] += total - nested
        if self.stack:
            self.stack[-1][2] += total


class _MeasuredLoader:
    def __init__(self, loader, cost: ImportCost, module: str):
        self._loader, self._cost, self._module = loader, cost, module

    def __getattr__(self, name):
        return getattr(self._loader, name)

    def create_module(self, spec):
        self._cost.start(self._module)
        return self._loader.create_module(spec)

    def exec_module(self, module):
        try:
            self._loader.exec_module(module)
        finally:
            self._cost.finish()


class _Master:
    """What cms.gunicorn.when_ready reads of gunicorn's server."""

    class cfg:  # noqa: N801 - gunicorn's attribute name
        preload_app = True


def worker(urls: dict[str, str]) -> None:
    cost = ImportCost()
    sys.meta_path.insert(0, cost)
    # A fresh page cache: the first pass renders every page, the second one hits.
    shutil.rmtree(Path(os.environ["BENCH_DIR"]) / "cache", ignore_errors=True)
    base = rss_mb(), len(sys.modules)
    from cms import gunicorn
    from cms.wsgi import application

    rows = [("python", *base), ("import cms.wsgi", rss_mb(), len(sys.modules))]
    gunicorn.when_ready(_Master())
    rows.append(("master's preload (cms.gunicorn.when_ready)", rss_mb(), len(sys.modules)))
    for round_ in (1, 2):
        for name, url in urls.items():
            status = call(application, url)
            if status != 200:
                raise SystemExit(f"{name} {url}: HTTP {status}")
        rows.append((f"warm-up pass {round_}", rss_mb(), len(sys.modules)))
    by_count = Counter(top_package(m) for m in sys.modules)
    result = {
        "rows": rows,
        "by_count": by_count.most_common(25),
        "by_memory": [(p, round(mb, 1)) for p, mb in cost.by_package.most_common(25)],
        "by_module": [(m, round(mb, 1)) for m, mb in cost.by_module.most_common(TOP_MODULES)],
        # (None in sys.modules: an import refused, cms/settings/base.py for pillow_heif)
        "heavy": {name: sys.modules.get(name) is not None for name in HEAVY},
    }
    sys.stdout.write(json.dumps(result) + "\n")


# --- the driving process -------------------------------------------------------------
def extra_urls(home) -> dict[str, str]:
    """The page types pages_bench.pick_urls leaves out: news index, legal act, listings."""
    from django.apps import apps
    from wagtail.models import Page

    from tests.benchmarks.pages_bench import page_path

    wanted = {
        "news index": "pages.NewsIndexPage",
        "legal act": "pages.LegalActPage",
        "services": "listings.ServiceIndexPage",
        "service": "listings.ServicePage",
        "vacancies": "listings.VacancyIndexPage",
        "vacancy": "listings.VacancyPage",
        "events": "listings.EventIndexPage",
        "event": "listings.EventPage",
        "FAQ": "listings.FAQPage",
        "galleries": "listings.GalleryIndexPage",
        "gallery": "listings.GalleryPage",
        "leadership": "organisation.LeadershipPage",
        "person": "organisation.PersonPage",
        "structure": "organisation.StructurePage",
        "contacts": "organisation.ContactsPage",
        "form": "appeals.FormPage",
    }
    urls = {}
    for name, label in wanted.items():
        model = apps.get_model(label)
        page = model.objects.live().public().descendant_of(home).first()
        if page is None:
            page = model.objects.live().public().first()
        if page is not None and isinstance(page, Page):
            urls[name] = page_path(page)
    return urls


def run_worker(urls: dict[str, str]) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.memory_profile", CHILD_FLAG],
        input=json.dumps(urls), capture_output=True, text=True, check=False,
    )
    if proc.returncode:
        raise SystemExit(f"worker process failed:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    os.environ.setdefault("BENCH_AGENCIES", "5")
    from django.utils import translation

    from tests.benchmarks import pages_bench as bench

    bench.build_platform()
    with translation.override("kk"):
        urls, news = bench.pick_urls()
        home = news.get_parent().get_parent().specific
        urls.update(extra_urls(home))
    bench.out(f"{len(urls)} page types:")
    for name, url in urls.items():
        bench.out(f"  {name}: {url}")
    (bench.BENCH_DIR / "urls.json").write_text(json.dumps(urls))  # to rerun a worker
    result = run_worker(urls)
    bench.out("\n| worker state | RSS (MB) | modules |\n|---|---:|---:|")
    for label, rss, modules in result["rows"]:
        bench.out(f"| {label} | {rss:.1f} | {modules} |")
    bench.out("\nTop packages by modules: " + ", ".join(f"{p} {n}" for p, n in result["by_count"]))
    bench.out("Modules: " + ", ".join(f"{m} {mb}" for m, mb in result["by_module"]))
    bench.out("Heavy packages loaded: " + (", ".join(p for p, on in result["heavy"].items() if on)
                                           or "none"))
    bench.out("RSS growth while importing each package, its imports of other packages "
              "left out (MB): " + ", ".join(f"{p} {mb}" for p, mb in result["by_memory"]))
    compare_gunicorn(bench, urls)


def uss_mb(pid: int) -> float:
    """Unique set size: the pages only this process holds."""
    total = 0
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith(("Private_Clean:", "Private_Dirty:")):
            total += int(line.split()[1])
    return total / 1024


def compare_gunicorn(bench, urls: dict[str, str]) -> None:
    """gunicorn with its defaults, and with the production settings (cms/gunicorn.py:
    the app, the public URLconf and the hooks preloaded, gc.freeze in the master), over
    the kk pages and over the pages in every language."""
    bench.out("\n| gunicorn, 2 workers, 4 rounds over every page type | master RSS (MB) "
              "| RSS per worker | PSS per worker | private (USS) per worker |")
    bench.out("|---|---:|---:|---:|---:|")
    runs = (
        ("gunicorn's defaults, kk", "", ("kk",)),
        ("-c python:cms.gunicorn, kk", "python:cms.gunicorn", ("kk",)),
        ("-c python:cms.gunicorn, kk ru en", "python:cms.gunicorn", ("kk", "ru", "en")),
    )
    for label, config, languages in runs:
        shutil.rmtree(bench.BENCH_DIR / "cache", ignore_errors=True)
        bench.CONFIG = config  # read by bench.Server
        server = bench.Server("memory", "cms.wsgi:application", {})
        try:
            server.wait_ready("/healthz")
            failed = set()
            for _ in range(4):
                for language in languages:
                    for url in urls.values():
                        url_in_language = bench.in_language(url, language)
                        status, _body = bench.get(server.port, url_in_language)
                        if status != 200:
                            failed.add(f"{url_in_language} ({status})")
            if failed:
                bench.out(f"({label}: not 200: {', '.join(sorted(failed))})")
            master = rss_mb(server.proc.pid)
            workers = server.workers()
            bench.out(f"| {label} | {master:.0f} "
                      f"| {', '.join(f'{mb:.0f}' for mb in server.rss_mb())} "
                      f"| {', '.join(f'{mb:.0f}' for mb in server.pss_mb())} "
                      f"| {', '.join(f'{uss_mb(pid):.0f}' for pid in workers)} |")
        finally:
            server.stop()


if __name__ == "__main__":
    if CHILD_FLAG in sys.argv:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.benchmarks.pages_settings")
        worker(json.loads(sys.stdin.read()))
    else:
        try:
            main()
        finally:
            if os.environ.get("BENCH_KEEP") != "1" and os.environ.get("BENCH_DIR"):
                shutil.rmtree(os.environ["BENCH_DIR"], ignore_errors=True)
