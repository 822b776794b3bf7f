"""The sitemap at national scale: part of `make bench-pages`, or
`.venv/bin/python -m tests.benchmarks.sitemap_scale`.

Builds a scratch platform in a temporary folder (SQLite: migrate, setup_platform):
BENCH_SITEMAP_PROVISIONED (3) agencies by the real provisioning, the second grown to
about BENCH_SITEMAP_PAGES / BENCH_SITEMAP_AGENCIES pages with bulk copies of its
news item, then cloned up to BENCH_SITEMAP_AGENCIES (300) agencies
(tests/benchmarks/scale_platform.py): by default 300 agencies and about 100,000
live pages (each in kk and ru, most also in en). BENCH_SITEMAP_AGENCIES=30
BENCH_SITEMAP_PAGES=3000 for a quick run.

It then requests in this process with the test client (BENCH_SITEMAP_REPEAT (9)
timed requests after a warm-up), each with the page cache off (every request renders)
and on (a hit: the entry stored by the warm-up):

* ``/sitemap.xml``, the portal host's index: one row per agency and language;
* ``/kk/scale-0100/sitemap.xml``, one agency's child sitemap (its pages in Kazakh);
* ``/ru/sitemap.xml``, the portal's own pages.

It prints, and appends as markdown to $BENCH_OUT (default /tmp/pages_bench.md), the
median wall and CPU milliseconds, the queries of an uncached request, the size and
the number of rows. Issue 14: `/sitemap.xml` with 300 agencies under 50 ms.
"""

from __future__ import annotations

import datetime
import io
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(tempfile.mkdtemp(prefix="birtutas-sitemap-bench-"))
os.environ["BENCH_DIR"] = str(BENCH_DIR)
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.benchmarks.pages_settings"
os.environ.pop("PAGE_CACHE", None)

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

from .scale_platform import add_agency, add_news_copies, clone_agencies  # noqa: E402

AGENCIES = int(os.environ.get("BENCH_SITEMAP_AGENCIES", "300"))
PAGES = int(os.environ.get("BENCH_SITEMAP_PAGES", "100000"))
PROVISIONED = int(os.environ.get("BENCH_SITEMAP_PROVISIONED", "3"))
REPEAT = int(os.environ.get("BENCH_SITEMAP_REPEAT", "9"))
OUT = Path(os.environ.get("BENCH_OUT") or "/tmp/pages_bench.md")
TEMPLATE = 2


def out(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def build() -> None:
    from wagtail.models import Page

    from cms.tenants.models import Agency

    call_command("migrate", verbosity=0, interactive=False, stdout=io.StringIO())
    call_command("setup_platform", stdout=io.StringIO())
    with translation.override("kk"):
        t0 = time.perf_counter()
        for n in range(1, PROVISIONED + 1):
            add_agency(n)
        template = Agency.objects.get(slug=f"scale-{TEMPLATE:04d}")
        per_agency = max(PAGES // AGENCIES, 1)
        have = template.home_page.get_descendants(inclusive=True).count()
        if per_agency > have:
            add_news_copies(template, per_agency - have)
        out(
            f"{PROVISIONED} agencies provisioned, the template has {per_agency} pages "
            f"({time.perf_counter() - t0:.0f} s)"
        )
        t0 = time.perf_counter()
        clone_agencies(template, list(range(PROVISIONED + 1, AGENCIES + 1)))
        out(
            f"{AGENCIES} agencies, {Page.objects.live().count():,} live pages "
            f"({time.perf_counter() - t0:.0f} s to clone)"
        )
    cache.clear()


def measure(client: Client, url: str, cached: bool) -> dict:
    with override_settings(PAGE_CACHE_ENABLED=cached):
        cache.clear()
        first = client.get(url)
        if first.status_code != 200:
            raise SystemExit(f"{url}: HTTP {first.status_code}")
        times, cpu = [], []
        for _ in range(REPEAT):
            t0, c0 = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
    body = response.content
    return {
        "ms": statistics.median(times),
        "cpu": statistics.median(cpu),
        "queries": len(ctx.captured_queries),
        "bytes": len(body),
        "rows": len(re.findall(rb"<(?:sitemap|url)>", body)),
        "hit": response.get("X-Page-Cache", ""),
    }


URLS = [
    ("index `/sitemap.xml`", "/sitemap.xml"),
    ("one agency's child `/kk/scale-0100/sitemap.xml`", "/kk/scale-0100/sitemap.xml"),
    ("the portal's own pages `/ru/sitemap.xml`", "/ru/sitemap.xml"),
]


def main() -> None:
    from wagtail.models import Page

    started = time.monotonic()
    out(f"Sitemap scale benchmark in {BENCH_DIR}: {AGENCIES} agencies, ~{PAGES:,} pages")
    build()
    pages = Page.objects.live().count()
    client = Client()
    rows = []
    for name, url in URLS:
        if "scale-0100" in url and AGENCIES < 100:
            url = url.replace("scale-0100", f"scale-{AGENCIES:04d}")
            name = name.replace("scale-0100", f"scale-{AGENCIES:04d}")
        for cached in (False, True):
            result = measure(client, url, cached)
            rows.append((name, cached, result))
            out(
                f"  {name} {'cached' if cached else 'uncached'}: {result['ms']:.1f} ms "
                f"({result['cpu']:.1f} ms CPU), {result['queries']} queries, "
                f"{result['bytes']:,} bytes, {result['rows']:,} rows {result['hit']}"
            )
    lines = [
        "",
        f"Sitemaps with {AGENCIES:,} agencies and {pages:,} live pages, "
        f"{datetime.date.today()}: SQLite, in-process test client, median of {REPEAT} "
        "requests; uncached = page cache off (every request renders), cached = a page "
        "cache hit.",
        "",
        "| document | page cache | ms wall / ms CPU | queries | size | rows |",
        "|---|---|---:|---:|---:|---:|",
        *(
            f"| {name} | {'hit' if cached else 'off'} | {r['ms']:.1f} / {r['cpu']:.1f} | "
            f"{r['queries']} | {r['bytes'] / 1024:,.0f} KB | {r['rows']:,} |"
            for name, cached, r in rows
        ),
        "",
    ]
    text = "\n".join(lines)
    out(text)
    with OUT.open("a") as handle:
        handle.write(text)
    out(f"appended to {OUT}; total {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    try:
        main()
    finally:
        if os.environ.get("BENCH_KEEP") != "1":
            shutil.rmtree(BENCH_DIR, ignore_errors=True)
