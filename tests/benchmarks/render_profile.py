"""CPU per uncached render, in process: `.venv/bin/python -m tests.benchmarks.render_profile`.

The page benchmark (pages_bench.py) measures gunicorn workers under load, which a
shared machine makes noisy; this measures the same renders deterministically in one
process: the page cache off (PAGE_CACHE_ENABLED=False), the chrome caches warm (a
warm-up pass first), the test Client on the page benchmark's settings (DEBUG off,
the file cache of the scratch folder). For each page type of pages_bench.pick_urls
(portal home, agency home, news item, legal-acts register, standard page; and, named
in RENDER_PAGES, the listings of RENDERS and the RSS feed) it prints
the median and mean CPU time (time.process_time) of RENDER_REQUESTS (300) requests,
taken in RENDER_ROUNDS (3) rounds that go through the page types in turn, and the
queries of one request.

RENDER_FROM=<folder> reuses a platform built before (its database and media copied,
never changed): build one with RENDER_KEEP=<folder>, which copies the scratch
database and media there after the build (demo platform + BENCH_AGENCIES (5) extra
agencies, as pages_bench builds it).
Comparing two versions of the code on the same machine: run this file from each
checkout on the same RENDER_FROM, in turn, e.g.
`cd <checkout> && PYTHONPATH=. .venv/bin/python <this file>`.

RENDER_PROFILE=<page type> (e.g. "agency home") runs cProfile over that page's
requests and prints the RENDER_TOP (40) functions by own time and by cumulative time
(RENDER_PSTATS=<file> also writes the profile there, for pstats' callers/callees).
RENDER_PAGES="agency home,news item" limits the page types. RENDER_SQL=<n> prints the
first n characters of each query of the counted request.

A machine shared with other work inflates CPU times unevenly; instructions are not
inflated. Under valgrind, RENDER_CALLGRIND=1 counts only the timed requests (it turns
callgrind's instrumentation on and off around them with callgrind_control):
`RENDER_CALLGRIND=1 RENDER_REQUESTS=30 RENDER_ROUNDS=1 RENDER_PAGES="agency home"
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/cg.out
.venv/bin/python -m tests.benchmarks.render_profile`, then the total "Ir" (instructions)
in `callgrind_annotate /tmp/cg.out | head` divided by the requests. Each page type
alone: the total covers all of RENDER_PAGES. The scratch folder is
removed on exit.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("BENCH_AGENCIES", "5")

from tests.benchmarks import pages_bench as bench  # noqa: E402 (sets up Django)

REQUESTS = int(os.environ.get("RENDER_REQUESTS", "300"))
ROUNDS = int(os.environ.get("RENDER_ROUNDS", "3"))
PROFILE = os.environ.get("RENDER_PROFILE", "")
TOP = int(os.environ.get("RENDER_TOP", "40"))
SQL = int(os.environ.get("RENDER_SQL", "0"))
PAGES = [p.strip() for p in os.environ.get("RENDER_PAGES", "").split(",") if p.strip()]
RENDERS = (
    "portal home",
    "agency home",
    "news item",
    "legal-acts register",
    "standard page",
    # The listings (memory_profile.extra_urls): rendered only when RENDER_PAGES names them.
    "news index",
    "services",
    "service",
    "vacancies",
    "vacancy",
    "events",
    "event",
    "galleries",
    "gallery",
    "RSS",
)
DEFAULT_RENDERS = RENDERS[:5]


def platform() -> None:
    from django.db import connection

    kept = ("bench.sqlite3", "media")
    if os.environ.get("RENDER_FROM"):
        source = Path(os.environ["RENDER_FROM"])
        shutil.copyfile(source / kept[0], bench.BENCH_DIR / kept[0])
        shutil.copytree(source / kept[1], bench.BENCH_DIR / kept[1], dirs_exist_ok=True)
        return
    bench.build_platform()
    if os.environ.get("RENDER_KEEP"):
        connection.close()
        target = Path(os.environ["RENDER_KEEP"])
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(bench.BENCH_DIR / kept[0], target / kept[0])
        shutil.copytree(bench.BENCH_DIR / kept[1], target / kept[1], dirs_exist_ok=True)


def callgrind(state: str) -> None:
    if os.environ.get("RENDER_CALLGRIND") == "1":
        subprocess.run(["callgrind_control", "-i", state, str(os.getpid())], check=True)


def main() -> None:
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from cms.pages.models import AgencyHomePage
    from tests.benchmarks.memory_profile import extra_urls

    try:
        platform()
        with translation.override("kk"):
            urls, news = bench.pick_urls()
            urls.update(extra_urls(AgencyHomePage.objects.ancestor_of(news).first()))
        wanted = PAGES or DEFAULT_RENDERS
        urls = {k: v for k, v in urls.items() if k in RENDERS and k in wanted}
        client = Client(HTTP_HOST=bench.HOST)
        times: dict[str, list[float]] = {name: [] for name in urls}
        profiler = cProfile.Profile()
        with override_settings(PAGE_CACHE_ENABLED=False):
            queries = {}
            for name, url in urls.items():
                for _ in range(5):
                    response = client.get(url)
                    if response.status_code != 200:
                        raise SystemExit(f"{name} {url}: HTTP {response.status_code}")
                with CaptureQueriesContext(connection) as ctx:
                    client.get(url)
                queries[name] = len(ctx.captured_queries)
                if SQL:
                    for query in ctx.captured_queries:
                        sys.stdout.write(f"  {name}: {query['sql'][:SQL]}\n")
            per_round = max(1, REQUESTS // ROUNDS)
            callgrind("on")
            for _ in range(ROUNDS):
                for name, url in urls.items():
                    profiling = name == PROFILE
                    for _ in range(per_round):
                        if profiling:
                            profiler.enable()
                        start = time.process_time()
                        client.get(url)
                        times[name].append(time.process_time() - start)
                        if profiling:
                            profiler.disable()
            callgrind("off")
        out = sys.stdout
        out.write(f"CPU per uncached render ({per_round * ROUNDS} requests, page cache off):\n")
        for name, url in urls.items():
            ms = [t * 1000 for t in times[name]]
            out.write(
                f"  {name:<20} median {statistics.median(ms):6.2f} ms  mean "
                f"{statistics.fmean(ms):6.2f} ms  queries {queries[name]}  {url}\n"
            )
        if PROFILE:
            if os.environ.get("RENDER_PSTATS"):
                profiler.dump_stats(os.environ["RENDER_PSTATS"])
            for order in ("tottime", "cumulative"):
                out.write(f"\n--- {PROFILE}: top {TOP} by {order} ---\n")
                pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(TOP)
    finally:
        shutil.rmtree(bench.BENCH_DIR, ignore_errors=True)


if __name__ == "__main__":
    main()
