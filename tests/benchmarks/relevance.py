"""Relevance on the judged query set: `make relevance`, or
`.venv/bin/python -m tests.benchmarks.relevance`.

Builds a scratch database (SQLite; PostgreSQL too when DATABASE_URL points at it, as in
`make bench`), runs `setup_platform` and `load_demo` (the demo platform of
static/demo_content/), indexes every page, and runs each query of
search/relevance/queries.json on every engine: the database engine on SQLite, on
PostgreSQL when DATABASE_URL is set, and Elasticsearch on osmem-server when the package
is installed (as the engine tests do). It prints, per engine and per language (and per
Kazakh script):

* nDCG@10 (gain 2^grade - 1, the ideal order from the judged grades);
* MRR (1 / rank of the first page graded 2 in the first 10, else 0);
* answer in top 3 (a page graded 2 among the first three).

Then the queries whose nDCG@10 dropped since the last run, read from
search/relevance/last_run.json, which this run then replaces (RELEVANCE_SAVE=0 keeps
it). Judged pages are named by stable keys, `<agency slug>/<path under the agency's
home>`; the document judged is that page in the query's language. A key that names no
page of the demo is an error: the query set must follow the demo content.

RELEVANCE_ENGINES picks engines ("all", or a comma list of "database", "elastic").
Prints figures and asserts nothing; the scratch databases are dropped.
"""

from __future__ import annotations

import json
import logging
import math
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

os.environ["DJANGO_SETTINGS_MODULE"] = "tests.benchmarks.settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402

from search.documents import iter_documents  # noqa: E402
from search.engines.base import SearchQuery  # noqa: E402
from search.engines.database import DatabaseEngine  # noqa: E402
from search.indexing import rebuild_engine  # noqa: E402

RELEVANCE_DIR = Path(__file__).resolve().parents[2] / "search" / "relevance"
QUERIES = RELEVANCE_DIR / "queries.json"
LAST_RUN = RELEVANCE_DIR / "last_run.json"
TOP = 10
ENGINES = {e.strip() for e in os.environ.get("RELEVANCE_ENGINES", "all").split(",") if e.strip()}
if not ENGINES or "all" in ENGINES:
    ENGINES = {"database", "elastic"}


def out(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


# --- the query set ----------------------------------------------------------------------
def load_queries(path: Path = QUERIES) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    queries = data["queries"]
    seen = set()
    for q in queries:
        if q["id"] in seen:
            raise SystemExit(f"{path}: query id {q['id']!r} is repeated")
        seen.add(q["id"])
        if q["lang"] not in ("kk", "ru", "en"):
            raise SystemExit(f"{path}: {q['id']}: unknown language {q['lang']!r}")
        if not any(g == 2 for g in q["grades"].values()):
            raise SystemExit(f"{path}: {q['id']}: no page graded 2 (the answer)")
    return queries


def group_of(query: dict) -> str:
    """kk queries are also reported per script: kk-cyr, kk-lat (2021), kk-ascii."""
    if query["lang"] != "kk":
        return query["lang"]
    return "kk-" + query.get("script", "cyr")


# --- metrics ----------------------------------------------------------------------------
def dcg(gains: list[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains[:TOP]))


def measure(ranked: list[str], grades: dict[str, int]) -> dict:
    """nDCG@10, reciprocal rank and answer-in-top-3 of one ranked list of keys."""
    gains = [grades.get(key, 0) for key in ranked[:TOP]]
    ideal = dcg(sorted(grades.values(), reverse=True))
    rr = 0.0
    for i, g in enumerate(gains):
        if g == 2:
            rr = 1.0 / (i + 1)
            break
    return {
        "ndcg": round(dcg(gains) / ideal, 4) if ideal else 0.0,
        "rr": round(rr, 4),
        "top3": int(2 in gains[:3]),
        "top": ranked[:3],
    }


# --- the scratch platform ---------------------------------------------------------------
def build_platform() -> dict[int, str]:
    """Load the demo platform into the scratch database; {page id: stable key}."""
    from cms.tenants.models import Agency

    logging.disable(logging.WARNING)  # the loader logs every user and page
    call_command("setup_platform", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    keys: dict[int, str] = {}
    for agency in Agency.objects.select_related("home_page"):
        home = agency.home_page
        if home is None:
            continue
        # live pages only: a judged page in moderation (never indexed) is a query-set error
        for page in home.get_descendants(inclusive=True).live().only("id", "url_path"):
            keys[page.pk] = f"{agency.slug}/{page.url_path[len(home.url_path) :]}"
    return keys


def run_engine(engine, queries: list[dict], keys: dict[int, str]) -> dict[str, dict]:
    known = set(keys.values())
    results = {}
    for q in queries:
        missing = [key for key in q["grades"] if key not in known]
        if missing:
            raise SystemExit(f"queries.json: {q['id']}: no demo page {missing}")
        found = engine.search(
            SearchQuery(
                text=q["q"],
                language=q["lang"],
                agency=q.get("agency"),
                include_subordinate=bool(q.get("agency")),
                per_page=TOP,
            )
        )
        ranked = [keys.get(hit.page_id, f"?{hit.page_id}") for hit in found.hits]
        results[q["id"]] = measure(ranked, q["grades"])
    return results


def run_here(queries: list[dict]) -> dict[str, dict[str, dict]]:
    """Every engine this process can run: {engine name: {query id: measures}}."""
    from django.test.utils import setup_test_environment

    setup_test_environment()
    connection = connections["default"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    runs: dict[str, dict[str, dict]] = {}
    try:
        keys = build_platform()
        if "database" in ENGINES:
            engine = DatabaseEngine()
            rebuild_engine(engine, iter_documents())
            runs[f"database/{connection.vendor}"] = run_engine(engine, queries, keys)
        if "elastic" in ENGINES and os.environ.get("RELEVANCE_ONLY_DATABASE") != "1":
            try:
                from osmem_server import OsmemServer
            except ImportError:
                out("osmem-server is not installed: Elasticsearch left out")
            else:
                from search.engines.elastic import ElasticEngine

                with OsmemServer.start() as server:
                    engine = ElasticEngine(url=server.url, prefix="relevance", timeout=30)
                    engine.ensure_index()
                    rebuild_engine(engine, iter_documents())
                    runs["elastic/osmem-server"] = run_engine(engine, queries, keys)
    finally:
        connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)
    return runs


# --- report -----------------------------------------------------------------------------
def table(runs: dict[str, dict[str, dict]], queries: list[dict]) -> list[str]:
    groups = ["kk", "kk-cyr", "kk-lat", "kk-ascii", "ru", "en", "all"]
    lines = [
        "| engine | language | queries | nDCG@10 | MRR | answer in top 3 |",
        "|---|---|---|---|---|---|",
    ]
    for name, results in runs.items():
        by_group: dict[str, list[dict]] = defaultdict(list)
        for q in queries:
            r = results[q["id"]]
            by_group[group_of(q)].append(r)
            if q["lang"] == "kk":
                by_group["kk"].append(r)
            by_group["all"].append(r)
        for g in groups:
            rows = by_group.get(g)
            if not rows:
                continue
            n = len(rows)
            lines.append(
                f"| {name} | {g} | {n} | {sum(r['ndcg'] for r in rows) / n:.3f} | "
                f"{sum(r['rr'] for r in rows) / n:.3f} | "
                f"{100 * sum(r['top3'] for r in rows) / n:.1f} % |"
            )
    return lines


def worse(runs, last, queries) -> list[str]:
    text = {q["id"]: q for q in queries}
    lines = []
    for name, results in runs.items():
        before = last.get(name, {})
        for qid, r in results.items():
            old = before.get(qid)
            if old is not None and r["ndcg"] < old["ndcg"] - 1e-6:
                q = text[qid]
                lines.append(
                    f"  {name} {qid} [{q['lang']}] «{q['q']}»: nDCG {old['ndcg']:.3f} → "
                    f"{r['ndcg']:.3f}, top 3 now {r['top']}"
                )
    return lines


def main() -> None:
    queries = load_queries()
    runs: dict[str, dict[str, dict]] = {}
    child = os.environ.get("RELEVANCE_CHILD_OUT")
    if connections["default"].vendor != "sqlite" and not child and "database" in ENGINES:
        # SQLite in a second process: Wagtail's data migrations write to the default
        # database, so one process cannot migrate both (as in make bench).
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
            path = tmp.name
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env.update(RELEVANCE_CHILD_OUT=path, RELEVANCE_ONLY_DATABASE="1")
        subprocess.run([sys.executable, "-m", "tests.benchmarks.relevance"], env=env, check=True)
        runs.update(json.loads(Path(path).read_text(encoding="utf-8")))
        os.unlink(path)
    runs.update(run_here(queries))
    if child:
        Path(child).write_text(json.dumps(runs), encoding="utf-8")
        return
    out(f"Relevance: {len(queries)} judged queries on the demo platform")
    for line in table(runs, queries):
        out(line)
    last = json.loads(LAST_RUN.read_text(encoding="utf-8")) if LAST_RUN.exists() else {}
    dropped = worse(runs, last, queries)
    out(f"\nQueries worse than the last run ({LAST_RUN.name}): {len(dropped) or 'none'}")
    for line in dropped:
        out(line)
    misses = [
        f"  {name} {q['id']} [{group_of(q)}] «{q['q']}»: top 3 {runs[name][q['id']]['top']}"
        for name in runs
        for q in queries
        if not runs[name][q["id"]]["top3"]
    ]
    out(f"\nAnswer not in the top 3: {len(misses)}")
    for line in misses:
        out(line)
    if os.environ.get("RELEVANCE_SAVE", "1") != "0":
        LAST_RUN.write_text(dump_runs({**last, **runs}), encoding="utf-8")


def dump_runs(runs: dict[str, dict[str, dict]]) -> str:
    """JSON with one line per engine and query, so a diff shows which queries moved."""
    lines = ["{"]
    for i, (name, results) in enumerate(sorted(runs.items())):
        lines.append(f" {json.dumps(name)}: {{")
        items = sorted(results.items())
        for j, (qid, r) in enumerate(items):
            comma = "," if j < len(items) - 1 else ""
            figures = json.dumps(r, ensure_ascii=False, sort_keys=True)
            lines.append(f"  {json.dumps(qid)}: {figures}{comma}")
        lines.append(" }" + ("," if i < len(runs) - 1 else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
