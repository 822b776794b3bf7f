"""Page benchmark: `make bench-pages`, or `.venv/bin/python -m tests.benchmarks.pages_bench`.

Builds a scratch platform in a temporary folder (SQLite: migrate, setup_platform,
load_demo, then BENCH_AGENCIES (30) extra agencies provisioned by the real
provisioning function, each with BENCH_NEWS (3) published news items), starts
gunicorn (2 sync workers) on loopback three times — the project with the page cache
on, the project with it off (PAGE_CACHE=off), and a minimal Django view — and drives
them on 127.0.0.1 with `wrk` when it is installed (`apt-get install wrk`: a load
generator in C, so that the client takes little of the CPU the servers share), else
with a small thread-based generator in Python (BENCH_LOADGEN=python forces it);
BENCH_CLIENTS (4) connections, BENCH_SECONDS (4) s per URL (the Python generator
also stops at BENCH_REQUESTS (3000) requests). The report names the generator.

It prints, and writes as markdown to $BENCH_OUT (default /tmp/pages_bench.md):

* per page type (portal home, agency home, news item, legal-acts register, standard
  page, search, RSS, sitemap), cached and uncached: req/s, p50/p99 latency, server
  CPU per request (utime+stime of the gunicorn workers from /proc, before/after),
  and queries per request (the test Client in this process, CaptureQueriesContext);
* RSS per worker (/proc/<pid>/status VmRSS) and PSS after the load above and a warm-up
  over every page type in Kazakh, Russian and English (what a production worker
  serves: each language has its own catalogue, pages and cached fragments);
* publish-to-fresh: a news item's new title published through the ORM here, timed
  until the cached agency home served by gunicorn shows it;
* the ratios of issue 14 (cached agency home / minimal view req/s, the median of
  BENCH_RATIO_ROUNDS (3) alternating rounds of the two, since the load of a shared
  machine drifts; uncached agency home CPU ms per request).

BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres runs the same on
PostgreSQL (a scratch database created on that server and dropped on exit; the
production settings' persistent connections): what production workers cost, psycopg
included in their RSS.

The full scale of the issue (300 agencies, ~100k page-language documents) is
BENCH_AGENCIES=300 BENCH_NEWS=110, and takes hours to build. Numbers depend on the
load of the machine; the ratios of one run are what counts. Every process it starts
is stopped on exit, error or Ctrl+C, and the scratch folder removed (BENCH_KEEP=1
keeps it).
"""

from __future__ import annotations

import http.client
import io
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

BENCH_DIR = Path(tempfile.mkdtemp(prefix="birtutas-pages-bench-"))
os.environ["BENCH_DIR"] = str(BENCH_DIR)
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.benchmarks.pages_settings"
os.environ.pop("PAGE_CACHE", None)  # the bench process invalidates: its cache is on
# BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres: the platform on
# PostgreSQL instead, in a scratch database created here and dropped on exit.
PG_URL = os.environ.get("BENCH_DATABASE_URL", "")
if PG_URL:
    os.environ["BENCH_DATABASE_NAME"] = f"birtutas_pages_bench_{os.getpid()}"


def _postgres(statement: str) -> None:
    """Run one statement on the server of BENCH_DATABASE_URL, outside a transaction."""
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as maintenance:
        maintenance.execute(statement)


if PG_URL:
    _postgres(f'CREATE DATABASE "{os.environ["BENCH_DATABASE_NAME"]}"')

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

N_AGENCIES = int(os.environ.get("BENCH_AGENCIES", "30"))
N_NEWS = int(os.environ.get("BENCH_NEWS", "3"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "4"))
MAX_REQUESTS = int(os.environ.get("BENCH_REQUESTS", "3000"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "4"))
RATIO_ROUNDS = int(os.environ.get("BENCH_RATIO_ROUNDS", "3"))
WRK = None if os.environ.get("BENCH_LOADGEN") == "python" else shutil.which("wrk")
LOADGEN = "wrk" if WRK else "Python threads"
# gunicorn's settings: the production ones (cms/gunicorn.py: the app preloaded in the
# master and frozen before the fork); BENCH_GUNICORN_CONFIG="" for gunicorn's defaults.
CONFIG = os.environ.get("BENCH_GUNICORN_CONFIG", "python:cms.gunicorn")
WORKERS = 2
OUT = Path(os.environ.get("BENCH_OUT") or "/tmp/pages_bench.md")
DB_LABEL = (f"PostgreSQL {connection.pg_version // 10000} (persistent connections)"
            if PG_URL else "SQLite")
HOST = "127.0.0.1"
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def out(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


# --- the platform ---------------------------------------------------------------------
def build_platform() -> None:
    from cms.pages.models import NewsPage
    from cms.platform.provisioning import provision_agency

    t0 = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False, stdout=io.StringIO())
    call_command("setup_platform", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    out(f"demo platform built in {time.perf_counter() - t0:.0f} s")
    t0 = time.perf_counter()
    for i in range(N_AGENCIES):
        agency = provision_agency(
            slug=f"bench-{i:03d}",
            names={"kk": f"Бенч агенттігі {i}", "ru": f"Бенч агентство {i}",
                   "en": f"Bench agency {i}"},
        ).agency
        news_index = agency.home_page.get_children().get(slug="news").specific
        for n in range(N_NEWS):
            page = NewsPage(slug=f"news-{n}", date=date.today() - timedelta(days=n), live=False)
            for lang, word in (("kk", "Жаңалық"), ("ru", "Новость"), ("en", "News")):
                setattr(page, f"title_{lang}", f"{word} {i}-{n}")
                setattr(page, f"body_{lang}", [("paragraph", f"<p>{word} {i}-{n}.</p>")])
            news_index.add_child(instance=page)
            page.save_revision().publish()
    out(f"{N_AGENCIES} extra agencies x {N_NEWS} news provisioned in "
        f"{time.perf_counter() - t0:.0f} s")


def page_path(page) -> str:
    """The page's path on the portal's host in Kazakh (/kk/<agency>/...)."""
    from cms.pages.models import PortalHomePage

    portal = PortalHomePage.objects.first()
    rel = page.url_path[len(portal.url_path):]
    return f"/kk/{rel}"


def pick_urls() -> tuple[dict[str, str], object]:
    """One URL per page type, on the demo agency with the most news; and its newest news."""
    from cms.pages.models import LegalActIndexPage, NewsPage, StandardPage
    from cms.tenants.models import Agency

    best = None
    for agency in Agency.objects.exclude(slug__startswith="bench-"):
        count = NewsPage.objects.live().descendant_of(agency.home_page).count()
        if best is None or count > best[0]:
            best = (count, agency)
    agency = best[1]
    home = agency.home_page
    news = NewsPage.objects.live().descendant_of(home).order_by("-date", "-pk").first()
    acts = LegalActIndexPage.objects.live().descendant_of(home).first()
    standard = StandardPage.objects.live().descendant_of(home).first()
    urls = {
        "portal home": "/kk/",
        "agency home": page_path(home),
        "news item": page_path(news),
        "legal-acts register": page_path(acts) if acts else None,
        "standard page": page_path(standard) if standard else None,
        "search": f"/kk/{agency.slug}/search/?q=" + "%D0%B6%D0%B0%D2%A3%D0%B0",
        "RSS": f"/kk/{agency.slug}/news/feed/",
        "sitemap": "/sitemap.xml",
    }
    return {k: v for k, v in urls.items() if v}, news


def count_queries(urls: dict[str, str]) -> dict[tuple[str, bool], int]:
    """Queries per request in this process: uncached (cache off), cached (second hit)."""
    counts = {}
    client = Client(HTTP_HOST=HOST)
    for cached in (False, True):
        with override_settings(PAGE_CACHE_ENABLED=cached):
            for name, url in urls.items():
                client.get(url)
                with CaptureQueriesContext(connection) as ctx:
                    response = client.get(url)
                if response.status_code != 200:
                    raise SystemExit(f"{name} {url}: HTTP {response.status_code}")
                counts[(name, cached)] = len(ctx.captured_queries)
    return counts


# --- servers --------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    """gunicorn with WORKERS sync workers on a loopback port."""

    def __init__(self, name: str, app: str, env: dict[str, str]):
        self.name = name
        self.port = free_port()
        self.log = open(BENCH_DIR / f"{name}.log", "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", app, "--workers", str(WORKERS),
             "--worker-class", "sync", "--bind", f"{HOST}:{self.port}",
             "--log-level", "warning", *(["--config", CONFIG] if CONFIG else [])],
            env={**os.environ, **env}, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, path: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"{self.name}: gunicorn exited; see {self.log.name}")
            try:
                status, _ = get(self.port, path)
                if status == 200 and len(self.workers()) == WORKERS:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise SystemExit(f"{self.name}: not ready after {timeout:.0f} s; see {self.log.name}")

    def workers(self) -> list[int]:
        pids = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.proc.pid:
                    pids.append(int(entry))
        return pids

    def cpu_seconds(self) -> float:
        total = 0
        for pid in self.workers():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / CLK_TCK

    def rss_mb(self) -> list[float]:
        sizes = []
        for pid in self.workers():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return sizes

    def pss_mb(self) -> list[float]:
        """Proportional set size: pages shared with the other worker count half."""
        sizes = []
        for pid in self.workers():
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return sizes

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        self.log.close()


# --- load -----------------------------------------------------------------------------
def get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request("GET", path, headers={"Host": HOST})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


_WRK_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _wrk_ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)([a-z]+)", text).groups()
    return float(number) * _WRK_UNITS[unit]


def load(server: Server, path: str) -> dict:
    """GET `path` with CLIENTS connections for SECONDS: wrk if installed, else threads."""
    for _ in range(2 * WORKERS):  # warm every worker
        get(server.port, path)
    if WRK:
        return load_wrk(server, path)
    return load_threads(server, path)


def load_wrk(server: Server, path: str) -> dict:
    cpu0 = server.cpu_seconds()
    result = subprocess.run(
        [WRK, "--threads", "1", "--connections", str(CLIENTS), "--duration", f"{SECONDS:g}s",
         "--latency", "--header", f"Host: {HOST}", f"http://{HOST}:{server.port}{path}"],
        capture_output=True, text=True, check=True,
    )
    cpu = server.cpu_seconds() - cpu0
    text = result.stdout
    n = int(re.search(r"(\d+) requests in", text).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    sockets = re.search(r"Socket errors: (.*)", text)
    socket_errors = sum(int(x) for x in re.findall(r"\d+", sockets.group(1))) if sockets else 0
    percentiles = dict(re.findall(r"^\s+(\d+)%\s+(\S+)", text, re.MULTILINE))
    return {
        "n": n,
        "errors": (int(errors.group(1)) if errors else 0) + socket_errors,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        "p50": _wrk_ms(percentiles["50"]),
        "p99": _wrk_ms(percentiles["99"]),
        "cpu_ms": cpu * 1000 / n if n else 0.0,
    }


def load_threads(server: Server, path: str) -> dict:
    """CLIENTS threads GET `path` until SECONDS pass or MAX_REQUESTS are sent."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    budget = [MAX_REQUESTS]

    def worker():
        while time.monotonic() < deadline:
            with lock:
                if budget[0] <= 0:
                    return
                budget[0] -= 1
            t0 = time.perf_counter()
            try:
                status, _ = get(server.port, path)
            except OSError:
                status = 0
            elapsed = time.perf_counter() - t0
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    errors[0] += 1

    deadline = time.monotonic() + SECONDS
    cpu0 = server.cpu_seconds()
    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    cpu = server.cpu_seconds() - cpu0
    n = len(latencies)
    latencies.sort()
    return {
        "n": n,
        "errors": errors[0],
        "rps": n / wall if wall else 0.0,
        "p50": latencies[n // 2] * 1000 if n else 0.0,
        "p99": latencies[min(n - 1, int(n * 0.99))] * 1000 if n else 0.0,
        "cpu_ms": cpu * 1000 / n if n else 0.0,
    }


# --- publish to fresh -----------------------------------------------------------------
def in_language(url: str, language: str) -> str:
    """The Kazakh URL `url` (/kk/...) in `language`; a URL without a language as it is."""
    return url.replace("/kk/", f"/{language}/", 1)


def warm_languages(server: Server, urls: dict[str, str]) -> None:
    """Every page type in kk, ru and en, twice (each worker serves some of them)."""
    for _ in range(WORKERS):
        for language in ("kk", "ru", "en"):
            for url in urls.values():
                status, _body = get(server.port, in_language(url, language))
                if status != 200:
                    raise SystemExit(f"{server.name}: {in_language(url, language)}: {status}")


def publish_to_fresh(server: Server, news, home_path: str, tries: int = 3):
    """Milliseconds from publish() to the new title on the cached page, and of the
    publish and commit alone."""
    from cms.pages.models import NewsPage

    times, commits = [], []
    for attempt in range(tries):
        status, body = get(server.port, home_path)
        page = NewsPage.objects.get(pk=news.pk)
        if status != 200 or page.title_kk.encode() not in body:
            raise SystemExit(f"publish-to-fresh: {page.title_kk!r} is not on {home_path}")
        title = f"Жаңа тақырып {attempt} {time.time_ns()}"
        page.title_kk = title
        revision = page.save_revision()
        t0 = time.perf_counter()
        with transaction.atomic():
            revision.publish()
        commits.append((time.perf_counter() - t0) * 1000)
        while True:
            _, body = get(server.port, home_path)
            if title.encode() in body:
                times.append((time.perf_counter() - t0) * 1000)
                break
            if time.perf_counter() - t0 > 30:
                out(f"  publish-to-fresh: {title!r} not shown after 30 s")
                break
            time.sleep(0.005)
    return times, commits


# --- report ---------------------------------------------------------------------------
def table(rows: list[dict], queries: dict) -> list[str]:
    lines = [
        "| page | cache | req/s | p50 ms | p99 ms | server CPU ms/req | queries/req "
        "| requests (errors) |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        q = queries.get((r["page"], r["cached"]), "–") if r["cached"] is not None else "–"
        cache = {True: "on, warm", False: "off", None: "–"}[r["cached"]]
        lines.append(
            f"| {r['page']} | {cache} | {r['rps']:,.1f} | {r['p50']:.1f} | {r['p99']:.1f} "
            f"| {r['cpu_ms']:.2f} | {q} | {r['n']} ({r['errors']}) |"
        )
    return lines


def main() -> None:
    started = time.monotonic()
    servers: list[Server] = []
    try:
        out(f"Page benchmark in {BENCH_DIR}: {N_AGENCIES} extra agencies, {os.cpu_count()} CPUs, "
            f"load generator {LOADGEN}, {CLIENTS} clients, {SECONDS:g} s per URL")
        build_platform()
        with translation.override("kk"):
            urls, news = pick_urls()
        for name, url in urls.items():
            out(f"  {name}: {url}")
        queries = count_queries(urls)

        minimal = Server("minimal", "tests.benchmarks.minimal_wsgi:application", {})
        cached = Server("cached", "cms.wsgi:application", {"PAGE_CACHE": "on"})
        uncached = Server("uncached", "cms.wsgi:application", {"PAGE_CACHE": "off"})
        servers += [minimal, cached, uncached]
        for server in servers:
            server.wait_ready("/" if server is minimal else "/healthz")

        rows = [{"page": "minimal Django view", "cached": None, **load(minimal, "/")}]
        for name, url in urls.items():
            for server, is_cached in ((cached, True), (uncached, False)):
                rows.append({"page": name, "cached": is_cached, **load(server, url)})
                out(f"  {name} ({server.name}): {rows[-1]['rps']:.1f} req/s")
        # The ratio of issue 14 from alternating rounds: the machine's load drifts
        # (other processes share the cores), one row of each would compare two moments.
        rounds = []
        for _ in range(RATIO_ROUNDS):
            base = load(minimal, "/")
            home = load(cached, urls["agency home"])
            rounds.append((home["rps"] / base["rps"], home["cpu_ms"], base["cpu_ms"]))
            out(f"  ratio round: {rounds[-1][0]:.2f}")
        for server in (cached, uncached):
            warm_languages(server, urls)
        memory = {s.name: s.rss_mb() for s in servers}
        shared = {s.name: s.pss_mb() for s in servers}
        fresh, commits = publish_to_fresh(cached, news, urls["agency home"])
    finally:
        for server in servers:
            server.stop()

    lines = [
        f"Page benchmark, {date.today()}: demo platform + {N_AGENCIES} agencies "
        f"({N_NEWS} news each), {DB_LABEL}, gunicorn {WORKERS} sync workers, "
        f"{os.cpu_count()} CPUs, "
        f"{CLIENTS} loopback connections, load generator {LOADGEN}, gunicorn settings "
        f"{CONFIG or 'default'}, {SECONDS:g} s"
        + ("" if WRK else f" or {MAX_REQUESTS} requests") + " per row.",
        "",
        *table(rows, queries),
        "",
        "Search results are never stored by the page cache: both search rows are renders.",
        "",
        "| gunicorn | RSS per worker (MB) after the load and a warm-up over every page type "
        "in kk, ru, en | PSS (MB) |",
        "|---|---|---|",
        *(f"| {name} | {', '.join(f'{mb:.0f}' for mb in sizes)} "
          f"| {', '.join(f'{mb:.0f}' for mb in shared[name])} |"
          for name, sizes in memory.items()),
        "",
    ]
    by = {(r["page"], r["cached"]): r for r in rows}
    home_cached, home_uncached = by[("agency home", True)], by[("agency home", False)]
    ratio = home_cached["rps"] / by[("minimal Django view", None)]["rps"]
    if rounds:
        ratio = statistics.median(r[0] for r in rounds)
    if fresh:
        lines.append(
            f"Publish-to-fresh (cached agency home): median {statistics.median(fresh):.0f} ms "
            f"(tries: {', '.join(f'{t:.0f}' for t in fresh)} ms, of which publish and commit "
            f"{', '.join(f'{t:.0f}' for t in commits)} ms; target ≤ 1000 ms)"
        )
    lines += [
        f"Cached agency home / minimal view req/s: {ratio:.2f} (target ≥ 0.85; "
        + (f"median of {len(rounds)} alternating rounds: "
           + ", ".join(f"{r[0]:.2f} ({r[1]:.2f} vs {r[2]:.2f} ms CPU/req)" for r in rounds)
           if rounds else "the two rows above")
        + ")",
        f"Uncached agency home: {home_uncached['cpu_ms']:.1f} ms server CPU per request "
        f"(target ≤ 8 ms), {queries[('agency home', False)]} queries",
        f"Max RSS per worker: {max(mb for sizes in memory.values() for mb in sizes):.0f} MB "
        f"(target ≤ 100 MB)",
    ]
    text = "\n".join(lines) + "\n"
    out()
    out(text)
    OUT.write_text(text)
    out(f"written to {OUT}; total {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    try:
        main()
    finally:
        if os.environ.get("BENCH_KEEP") != "1":
            shutil.rmtree(BENCH_DIR, ignore_errors=True)
            if PG_URL:
                connection.close()
                _postgres(f'DROP DATABASE IF EXISTS "{os.environ["BENCH_DATABASE_NAME"]}" '
                          "WITH (FORCE)")
