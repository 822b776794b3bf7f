"""Search benchmark: `make bench`, or `.venv/bin/python -m tests.benchmarks.search_bench`.

Builds a synthetic platform of BENCH_DOCS (default 100,000) page-language documents
across BENCH_AGENCIES (300) agencies from a kk/ru/en vocabulary with Zipf-like word
frequencies (documents go straight to the engines, not through Wagtail pages), then
prints, per engine (database on SQLite; database on PostgreSQL when DATABASE_URL
points at it; Elasticsearch on osmem-server):

* bulk indexing throughput (documents/s; the Python text analysis is timed apart);
* p50 / p95 latency of BENCH_QUERIES (500) mixed queries: single words, phrases,
  agency-filtered, Kazakh inflected forms;
* for Elasticsearch, the HTTP requests per results page (one `_msearch`) and that
  request's time relative to a bare term query on the same index;
* publish-to-searchable time: a real Wagtail page published in the scratch database,
  timed until the engine finds it.

BENCH_ATTACHMENTS (default 0) gives that share of the documents the text of an
attached document (400-1,200 words, `attachments`/`attachment_terms`).

BENCH_ENGINES picks the engines: "all" (default), or a comma list of "database"
(SQLite, and PostgreSQL with DATABASE_URL) and "elastic" (osmem-server), e.g.
`BENCH_ENGINES=elastic BENCH_DOCS=20000` to measure only Elasticsearch; the scratch
database is still created (publish-to-searchable needs Wagtail pages).

BENCH_KEEP=1 keeps the scratch database when the run ends (PostgreSQL: the
`test_<name>` database of DATABASE_URL); a later run with BENCH_REUSE=1 searches it as
it is, without indexing again, when it holds exactly the BENCH_DOCS documents this
run generates (same BENCH_DOCS, BENCH_AGENCIES and BENCH_ATTACHMENTS; otherwise it is
rebuilt). Handy to compare query code on one 100k database: building it takes minutes.
(PostgreSQL only: the SQLite scratch file is new on every run.)
BENCH_REUSE implies BENCH_KEEP; drop the database with `dropdb test_<name>` when done.

Latency is wall-clock; beside it, the CPU per query of this process and, when the
PostgreSQL server runs on this machine, of its backend (from /proc): on a shared
machine the wall clock mostly counts other jobs' time.

It prints figures and asserts nothing. Scratch databases are created and dropped
(unless kept, above).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from datetime import date, timedelta

os.environ["DJANGO_SETTINGS_MODULE"] = "tests.benchmarks.settings"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connections  # noqa: E402

from search.analysis import query_groups  # noqa: E402
from search.documents import terms_text  # noqa: E402
from search.engines.base import SearchQuery  # noqa: E402
from search.engines.database import DatabaseEngine  # noqa: E402
from tests.benchmarks.vocabulary import KK_ROOTS, Vocabulary, kk_forms  # noqa: E402

N_DOCS = int(os.environ.get("BENCH_DOCS", "100000"))
N_AGENCIES = int(os.environ.get("BENCH_AGENCIES", "300"))
N_QUERIES = int(os.environ.get("BENCH_QUERIES", "500"))
# Share of documents with an attached document's text (400-1,200 words): 0 by default,
# so that figures stay comparable with earlier runs.
ATTACHMENT_SHARE = float(os.environ.get("BENCH_ATTACHMENTS", "0"))
REUSE = os.environ.get("BENCH_REUSE") == "1"
KEEP = REUSE or os.environ.get("BENCH_KEEP") == "1"
LANG_SHARE = (("kk", 0.45), ("ru", 0.45), ("en", 0.10))
PAGE_TYPES = ("newspage", "sectionpage", "agencyhomepage")
ENGINES = {e.strip() for e in os.environ.get("BENCH_ENGINES", "all").split(",") if e.strip()}
if not ENGINES or "all" in ENGINES:
    ENGINES = {"database", "elastic"}
if ENGINES - {"database", "elastic"}:
    raise SystemExit(f"BENCH_ENGINES: unknown {sorted(ENGINES - {'database', 'elastic'})}; "
                     "use all, database or elastic")


def out(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


# --- documents ----------------------------------------------------------------------
class TermCache:
    """Analysed terms per (word, language), so 100k documents are analysed in seconds.

    For text made of plain words, `terms_text` is exactly the concatenation of each
    word's `analyze` terms followed by the stream of first query terms; this builds it
    from per-word results (checked against `terms_text` on a sample)."""

    def __init__(self):
        self.cache: dict[tuple[str, str], tuple[list[str], list[str]]] = {}

    def word(self, word, lang):
        key = (word, lang)
        if key not in self.cache:
            from search.analysis import analyze

            self.cache[key] = (
                analyze(word, lang),
                [g[0] for g in query_groups(word, lang)],
            )
        return self.cache[key]

    def terms(self, words, lang) -> str:
        terms, stream = [], []
        for w in words:
            t, s = self.word(w, lang)
            terms += t
            stream += s
        if stream and stream != terms:
            terms += stream
        return " ".join(terms)


def make_documents(vocab: Vocabulary, n: int, n_agencies: int, seed: int = 11):
    rng = random.Random(seed)
    cache = TermCache()
    agencies = [f"agency-{i:03d}" for i in range(n_agencies)]
    parents = {a: (agencies[i // 10] if i >= 10 else None) for i, a in enumerate(agencies)}
    langs = [lang for lang, _ in LANG_SHARE]
    weights = [w for _, w in LANG_SHARE]
    start = date(2015, 1, 1)
    docs = []
    attachment_rng = random.Random(seed + 1)  # apart: the other documents stay the same
    for i in range(n):
        lang = rng.choices(langs, weights)[0]
        agency = agencies[rng.randrange(n_agencies)]
        title = vocab.sample(rng, lang, rng.randint(3, 8))
        body = vocab.sample(rng, lang, rng.randint(40, 160))
        day = start + timedelta(days=rng.randrange(4000))
        docs.append({
            "id": f"{i + 1}-{lang}",
            "page_id": i + 1,
            "agency": agency,
            "agency_ancestors": [parents[agency]] if parents[agency] else [],
            "agency_name": agency.replace("-", " ").title(),
            "language": lang,
            "page_type": rng.choices(PAGE_TYPES, (8, 3, 1))[0],
            "title": " ".join(title).capitalize(),
            "summary": " ".join(body[:30]),
            "body": " ".join(body),
            "url": f"/{lang}/{agency}/p{i + 1}/",
            "date": day,
            "year": day.year,
            "title_terms": cache.terms(title, lang),
            "body_terms": cache.terms(body[:30] + body, lang),
            "tags": [],
        })
        if ATTACHMENT_SHARE and attachment_rng.random() < ATTACHMENT_SHARE:
            words = vocab.sample(attachment_rng, lang, attachment_rng.randint(400, 1200))
            docs[-1]["attachments"] = " ".join(words)
            docs[-1]["attachment_terms"] = cache.terms(words, lang)
    return docs


def analysis_throughput(docs, sample=300) -> float:
    """Documents/s of the real `terms_text` (the cost at publish and rebuild time)."""
    picked = docs[:sample]
    t0 = time.perf_counter()
    for d in picked:
        assert terms_text(d["title"], d["language"]) == d["title_terms"]
        terms_text(d["summary"] + "\n" + d["body"], d["language"])
    return len(picked) / (time.perf_counter() - t0)


# --- queries --------------------------------------------------------------------------
def make_queries(vocab: Vocabulary, docs, n: int, seed: int = 5) -> list[tuple[str, SearchQuery]]:
    rng = random.Random(seed)
    queries = []
    kinds = ("word", "phrase", "agency", "kk-inflected")
    for i in range(n):
        kind = kinds[i % len(kinds)]
        doc = docs[rng.randrange(len(docs))]
        lang = doc["language"]
        if kind == "word":
            text = vocab.sample(rng, lang, 1)[0]
            q = SearchQuery(text=text, language=lang)
        elif kind == "phrase":
            words = doc["title"].lower().split()
            at = rng.randrange(max(1, len(words) - 1))
            q = SearchQuery(text=" ".join(words[at : at + rng.choice((2, 3))]), language=lang)
        elif kind == "agency":
            text = " ".join(vocab.sample(rng, lang, rng.choice((1, 2))))
            q = SearchQuery(text=text, language=lang, agency=doc["agency"],
                            include_subordinate=rng.random() < 0.3)
        else:
            root = rng.choice(KK_ROOTS)
            q = SearchQuery(text=rng.choice(kk_forms(root)[1:]), language="kk")
        queries.append((kind, q))
    return queries


def latency(engine, queries) -> dict:
    for _kind, q in queries[:20]:  # warm up caches and connections
        engine.search(q)
    times: dict[str, list[float]] = {}
    totals = []
    using = getattr(engine, "using", None)
    server0, cpu0 = server_cpu(using), time.process_time()
    for kind, q in queries:
        t0 = time.perf_counter()
        results = engine.search(q)
        elapsed = (time.perf_counter() - t0) * 1000
        times.setdefault(kind, []).append(elapsed)
        times.setdefault("all", []).append(elapsed)
        totals.append(results.total)
    cpu = (time.process_time() - cpu0) * 1000 / len(queries)
    server = (server_cpu(using) - server0) * 1000 / len(queries)
    return {"times": times, "matched": statistics.mean(totals), "cpu": cpu, "server": server}


def pct(values, p) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def report_latency(name, result):
    t = result["times"]
    out(f"  {name}: p50 {pct(t['all'], 50):.1f} ms, p95 {pct(t['all'], 95):.1f} ms, "
        f"max {max(t['all']):.1f} ms (mean matched {result['matched']:.0f} docs)")
    line = f"      CPU per query: this process {result['cpu']:.1f} ms"
    if result["server"] == result["server"] and result["server"]:  # measured (not NaN, not 0)
        line += f", database server {result['server']:.1f} ms"
    out(line)
    for kind in ("word", "phrase", "agency", "kk-inflected"):
        if kind in t:
            out(f"      {kind:13s} p50 {pct(t[kind], 50):7.1f} ms   p95 {pct(t[kind], 95):7.1f} ms")


# --- engines -------------------------------------------------------------------------
def bench_engine(name, engine, docs, queries):
    out(f"\n[{name}]")
    using = getattr(engine, "using", None)
    if REUSE and using and sum(engine.counts().values()) == len(docs):
        out(f"  indexing skipped: BENCH_REUSE, the kept database holds the {len(docs)} documents")
        report_latency("latency of %d queries" % len(queries), latency(engine, queries))
        return
    server0 = server_cpu(using)
    t0, cpu0 = time.perf_counter(), time.process_time()
    engine.rebuild(iter(docs), total=len(docs))
    engine.refresh()
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    server = server_cpu(using) - server0
    out(f"  bulk indexing: {len(docs)} docs in {elapsed:.1f} s = {len(docs) / elapsed:,.0f} docs/s")
    # CPU per document: what the figure above would be on an idle machine (the wall
    # clock counts other jobs' time on a shared one). "server": the PostgreSQL
    # backend's CPU, read from /proc when the server runs on this machine.
    line = f"  indexing CPU: this process {cpu * 1000 / len(docs):.3f} ms/doc"
    if server == server:  # not NaN
        line += f", database server {server * 1000 / len(docs):.3f} ms/doc"
        line += f" (idle-machine estimate {len(docs) / (cpu + server):,.0f} docs/s)"
    out(line)
    if hasattr(engine, "analyse_tables"):
        engine.analyse_tables()
    report_latency("latency of %d queries" % len(queries), latency(engine, queries))


def elastic_page_cost(engine, queries, sample: int = 200) -> None:
    """What a results page costs Elasticsearch: its HTTP requests (the search and its
    counts in the other two languages, as `search.presenters.ResultsPage.run` asks
    them) and the time of that request relative to a bare term query for the query's
    first term on the same index, the cheapest search there is (both timed round
    trips on loopback: osmem-server's `took` counts whole milliseconds only)."""
    from dataclasses import replace

    from search.engines.elastic import PlainJsonTransport

    sent = []
    original = PlainJsonTransport.perform_request

    def counting(self, method, target, **kwargs):
        sent.append(target)
        return original(self, method, target, **kwargs)

    page_took, bare_took, requests = [], [], []
    PlainJsonTransport.perform_request = counting
    try:
        for _kind, query in queries[:sample]:
            plan = query.plan()
            if not plan:
                continue
            asked = [query] + [
                replace(query, language=code, page=1, per_page=1, page_type=None, year=None)
                for code in ("kk", "ru", "en") if code != query.language
            ]
            sent.clear()
            engine.search_many(asked)
            requests.append(len(sent))
            searches = []
            for each in asked:
                searches += [{"index": engine.alias}, engine._body(each, each.plan())]
            t0 = time.perf_counter()
            engine.client.msearch(searches=searches)
            page_took.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            engine.client.search(
                index=engine.alias, query={"term": {"all_terms": plan.terms[0]}}, size=10
            )
            bare_took.append((time.perf_counter() - t0) * 1000)
    finally:
        PlainJsonTransport.perform_request = original
    out(f"  results page: {statistics.mean(requests):.2f} HTTP requests per page "
        f"({len(requests)} queries; the search and 2 other-language counts in one _msearch)")
    ratio = statistics.median(page_took) / max(statistics.median(bare_took), 0.001)
    out(f"  round trip: page p50 {pct(page_took, 50):.1f} ms, p95 {pct(page_took, 95):.1f} ms;"
        f" bare term query p50 {pct(bare_took, 50):.1f} ms, p95 {pct(bare_took, 95):.1f} ms;"
        f" page / bare term (medians) {ratio:.1f}x")


def server_cpu(using: str | None) -> float:
    """CPU seconds of the PostgreSQL backend serving `using` (0.0 for SQLite, which runs
    in this process; NaN when its /proc entry cannot be read: another machine)."""
    if using is None or connections[using].vendor != "postgresql":
        return 0.0
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def publish_to_searchable(engines: list[tuple[str, object]]) -> None:
    """Publish a real NewsPage in the scratch database and poll each engine."""
    from django.db import transaction

    from cms.pages.models import NewsPage
    from cms.platform.portal import ensure_portal
    from tests.factories import make_agency

    ensure_portal()
    agency = make_agency("bench-agency", names={"kk": "Бенч", "ru": "Бенч", "en": "Bench"})
    news = agency.home_page.get_children().get(slug="news").specific
    word = "жарияланымбенч"
    for attempt in range(3):
        page = NewsPage(slug=f"bench-{attempt}", date=date.today(), live=False)
        page.title_kk = page.title_ru = f"{word}{attempt} тексеру"
        page.body_kk = [("paragraph", "<p>Бенчмарк мәтіні.</p>")]
        page.body_ru = [("paragraph", "<p>Текст бенчмарка.</p>")]
        news.add_child(instance=page)
        revision = page.save_revision()
        t0 = time.perf_counter()
        with transaction.atomic():
            revision.publish()
        committed = time.perf_counter()
        for name, engine in engines:
            q = SearchQuery(text=f"{word}{attempt}", language="kk")
            while not engine.search(q).total:
                if time.perf_counter() - t0 > 30:
                    out(f"  {name}: not found after 30 s")
                    break
                time.sleep(0.005)
            else:
                found = time.perf_counter()
                out(f"  {name} (try {attempt + 1}): {(found - t0) * 1000:.0f} ms "
                    f"(publish + commit {(committed - t0) * 1000:.0f} ms)")


def main() -> None:
    from django.test.utils import setup_test_environment

    setup_test_environment()
    # The default database is the scratch SQLite file unless DATABASE_URL is PostgreSQL;
    # then the SQLite figures come from a second run of this script without it (Wagtail's
    # data migrations write to the default database, so one process cannot migrate both).
    only_database = os.environ.get("BENCH_ONLY_DATABASE") == "1"
    if (connections["default"].vendor != "sqlite" and not only_database
            and "database" in ENGINES):
        import subprocess

        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        subprocess.run(
            [sys.executable, "-m", "tests.benchmarks.search_bench"],
            env={**env, "BENCH_ONLY_DATABASE": "1"},
            check=True,
        )
    aliases = ["default"]
    for alias in aliases:
        connections[alias].creation.create_test_db(verbosity=0, autoclobber=True, keepdb=REUSE)

    out(f"Search benchmark: {N_DOCS:,} documents, {N_AGENCIES} agencies, "
        f"{N_QUERIES} queries, {os.cpu_count()} CPUs")
    vocab = Vocabulary()
    t0 = time.perf_counter()
    docs = make_documents(vocab, N_DOCS, N_AGENCIES)
    out(f"documents generated in {time.perf_counter() - t0:.1f} s (per-word analysis cache); "
        f"real terms_text: {analysis_throughput(docs):,.0f} docs/s")
    queries = make_queries(vocab, docs, N_QUERIES)

    engines = []
    for alias in aliases if "database" in ENGINES else []:
        name = f"database/{connections[alias].vendor}"
        engine = DatabaseEngine(using=alias)
        bench_engine(name, engine, docs, queries)
        engines.append((name, engine))

    default_db = [(n, e) for n, e in engines if e.using == "default"]
    if only_database:
        _destroy(aliases)
        return
    if "elastic" not in ENGINES:
        out("\n[publish to searchable] (outbox drained on commit by the immediate task backend)")
        publish_to_searchable(default_db)
        _destroy(aliases)
        return
    from osmem_server import OsmemServer

    from search.engines.elastic import ElasticEngine

    with OsmemServer.start() as server:
        elastic = ElasticEngine(url=server.url, prefix="bench", timeout=30)
        bench_engine("elastic/osmem-server", elastic, docs, queries)
        elastic_page_cost(elastic, queries)
        del docs
        out("\n[publish to searchable] (outbox drained on commit by the immediate task backend)")
        settings.SEARCH_URL = server.url
        settings.SEARCH_INDEX_PREFIX = "bench"
        publish_to_searchable(default_db + [("elastic/osmem-server", elastic)])

    _destroy(aliases)


def _destroy(aliases):
    if KEEP:
        names = ", ".join(connections[a].settings_dict["NAME"] for a in aliases)
        out(f"\nkept (BENCH_KEEP / BENCH_REUSE): {names}")
        return
    for alias in aliases:
        connections[alias].creation.destroy_test_db(
            connections[alias].settings_dict["NAME"], verbosity=0
        )


if __name__ == "__main__":
    main()
