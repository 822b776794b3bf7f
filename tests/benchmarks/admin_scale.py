"""Admin views (and the portal home) as the number of agencies grows: part of
`make bench-pages`, or `.venv/bin/python -m tests.benchmarks.admin_scale`.

Builds a scratch platform in a temporary folder (SQLite: migrate, setup_platform), then
brings it to each level of BENCH_ADMIN_LEVELS (default "10,100,1000") agencies: the
first BENCH_ADMIN_PROVISIONED (3) with the real provisioning function (each with one
published news item, an image and a document; the first also gets the measured editor,
moderator and a page awaiting review), the rest as bulk clones of the second
(tests/benchmarks/scale_platform.py: agency, collection, groups and permissions,
workflow, the whole page tree with valid path/depth/numchild/url_path, image,
document, an editor and a moderator; about 2 s per hundred). After each level is
built it takes a snapshot of it (the SQLite file, by SQLite's backup, and the media
folder) in the scratch folder.

Then it measures the snapshots, never the building process: in BENCH_ADMIN_ROUNDS (3)
rounds, the levels in turn (10, 100, 1,000, 10, 100, 1,000, ...), each time in a fresh
child process (`python -m tests.benchmarks.admin_scale --measure FOLDER`) on a fresh
copy of the level's snapshot, so that no level inherits the heap, garbage or warm
caches of the build or of another level, and drift of the machine falls on every level
alike. The child signs the measured users in (found by username), and with the test
client sends per view two warm-up requests, then BENCH_ADMIN_REPEAT (15) timed ones
(the views in turn, one request each, so that a burst of load falls on all of them),
and prints each view's median wall and CPU ms and its queries per request; the views:

* an agency editor's dashboard, a moderator's dashboard with one page awaiting review,
  a superuser's dashboard;
* the editor's page chooser (the tree from the top) and image chooser;
* the portal home, uncached (the page cache off: its directory page comes rendered
  from the chrome cache, as after the first request; its latest news are queried and
  rendered).

It prints, and appends as markdown to $BENCH_OUT (default /tmp/pages_bench.md), per view
and level the median over rounds of each round's median wall and CPU milliseconds and
the queries per request (which must not differ between levels: the table says so if they
do), and the ratio of the largest level's CPU time to the smallest's (issue 14: within
1.2 at 1,000 vs 10 agencies); it also prints that ratio round by round, to show the
spread. About 1.5 minutes at the default levels on a quiet 2-core machine.
Times are in the child process (no gunicorn, no network): they compare levels with each
other, not with the page rows above them. BENCH_ADMIN_LEVELS=10,100 for a quick run;
BENCH_KEEP=1 keeps the scratch folder (with the snapshots).
"""

from __future__ import annotations

import datetime
import gc
import io
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# `--measure FOLDER`: a child measuring one copy of a level's snapshot (see measure_child).
MEASURING = sys.argv[1:2] == ["--measure"]
if MEASURING:
    BENCH_DIR = Path(sys.argv[2])
else:
    BENCH_DIR = Path(tempfile.mkdtemp(prefix="birtutas-admin-bench-"))
os.environ["BENCH_DIR"] = str(BENCH_DIR)
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.benchmarks.pages_settings"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from .scale_platform import add_agency, clone_agencies  # noqa: E402

LEVELS = sorted(
    int(level) for level in os.environ.get("BENCH_ADMIN_LEVELS", "10,100,1000").split(",") if level
)
REPEAT = int(os.environ.get("BENCH_ADMIN_REPEAT", "15"))
ROUNDS = int(os.environ.get("BENCH_ADMIN_ROUNDS", "3"))
# Agencies made by the real provisioning; the rest are bulk clones of number TEMPLATE.
PROVISIONED = int(os.environ.get("BENCH_ADMIN_PROVISIONED", "3"))
TEMPLATE = 2
OUT = Path(os.environ.get("BENCH_OUT") or "/tmp/pages_bench.md")
ROOT = Path(__file__).resolve().parents[2]
Figures = dict[str, tuple[float, float, int]]  # view: wall ms, CPU ms, queries
USERNAMES = {"editor": "scale-editor", "moderator": "scale-moderator", "superuser": "scale-root"}


def out(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def signed_in(user) -> Client:
    """A client with `user` signed in and its second factor verified (as after a code)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def people(first) -> None:
    """The measured users of the first agency (USERNAMES), and one page of it awaiting
    review."""
    from django.contrib.auth import get_user_model

    from cms.pages.models import NewsPage

    user_model = get_user_model()
    editor = user_model.objects.create_user(USERNAMES["editor"], password="bench-pass-123")
    editor.groups.add(first.editors_group)
    moderator = user_model.objects.create_user(USERNAMES["moderator"], password="bench-pass-123")
    moderator.groups.add(first.moderators_group)
    user_model.objects.create_superuser(USERNAMES["superuser"], password="bench-pass-123")
    news_index = first.home_page.get_children().get(slug="news")
    pending = NewsPage(slug="awaiting-review", date=datetime.date(2026, 3, 2), live=False)
    pending.title_kk, pending.title_ru = "Қарауды күтеді", "Ждёт проверки"
    pending.body_kk = [("paragraph", "<p>Мәтін.</p>")]
    pending.body_ru = [("paragraph", "<p>Текст.</p>")]
    news_index.add_child(instance=pending)
    pending.save_revision(user=editor)
    first.workflow.start(pending, editor)


def clients() -> dict[str, Client]:
    """A signed-in client per measured user (found by username), and an anonymous one."""
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    users = {who: user_model.objects.get(username=name) for who, name in USERNAMES.items()}
    return {**{who: signed_in(user) for who, user in users.items()}, "anonymous": Client()}


VIEWS = [
    ("editor dashboard", "editor", lambda: reverse("wagtailadmin_home")),
    ("moderator dashboard (awaiting review)", "moderator", lambda: reverse("wagtailadmin_home")),
    ("superuser dashboard", "superuser", lambda: reverse("wagtailadmin_home")),
    ("editor's page chooser", "editor", lambda: reverse("wagtailadmin_choose_page")),
    ("editor's image chooser", "editor", lambda: reverse("wagtailimages_chooser:choose")),
    ("portal home (uncached)", "anonymous", lambda: "/kk/"),
]


def measure(requests: dict[str, tuple[Client, str]]) -> Figures:
    """Per view: median wall ms and median CPU ms (this process: the view and SQLite,
    which runs in-process) over REPEAT requests after two warm-up requests, and the
    queries of one request. The timed requests go to the views in turn (one each, REPEAT
    times), so that a burst of load on the machine falls on all views rather than on
    one view's requests. On a shared machine the CPU time is the steadier of the two."""
    for name, (client, url) in requests.items():
        for _ in range(2):
            response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{name}, {url}: HTTP {response.status_code}")
    gc.collect()
    times: dict[str, list[float]] = {name: [] for name in requests}
    cpu: dict[str, list[float]] = {name: [] for name in requests}
    for _ in range(REPEAT):
        for name, (client, url) in requests.items():
            t0, c0 = time.perf_counter(), time.process_time()
            client.get(url)
            times[name].append((time.perf_counter() - t0) * 1000)
            cpu[name].append((time.process_time() - c0) * 1000)
    results = {}
    for name, (client, url) in requests.items():
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        results[name] = (
            statistics.median(times[name]),
            statistics.median(cpu[name]),
            len(ctx.captured_queries),
        )
    return results


def measure_child() -> None:
    """In a fresh process on a copy of one level's snapshot (BENCH_DIR): sign the users
    in, measure every view, print the figures as one JSON line."""
    cache.clear()
    with translation.override("kk"), override_settings(PAGE_CACHE_ENABLED=False):
        people_clients = clients()
        results = measure({name: (people_clients[who], url()) for name, who, url in VIEWS})
    sys.stdout.write("RESULT " + json.dumps(results) + "\n")


def snapshot(level: int) -> Path:
    """Copy the database (SQLite's backup, so the copy is whole) and media folder as they
    are at `level` agencies."""
    folder = BENCH_DIR / f"level-{level:05d}"
    folder.mkdir()
    connection.close()
    source = sqlite3.connect(BENCH_DIR / "bench.sqlite3")
    target = sqlite3.connect(folder / "bench.sqlite3")
    with target:
        source.backup(target)
    source.close()
    target.close()
    if (BENCH_DIR / "media").exists():
        shutil.copytree(BENCH_DIR / "media", folder / "media")
    return folder


def measure_level(folder: Path) -> Figures:
    """Measure a fresh copy of a snapshot in a child process (the copy: every round
    starts from the same files, though signing in and renditions write to them)."""
    run = BENCH_DIR / "run"
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir()
    shutil.copy2(folder / "bench.sqlite3", run / "bench.sqlite3")
    if (folder / "media").exists():
        shutil.copytree(folder / "media", run / "media")
    child = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.admin_scale", "--measure", str(run)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "BENCH_DIR": str(run), "BENCH_KEEP": "1"},
    )
    shutil.rmtree(run, ignore_errors=True)
    lines = [line for line in child.stdout.splitlines() if line.startswith("RESULT ")]
    if child.returncode or not lines:
        sys.stderr.write(child.stdout + child.stderr)
        raise SystemExit(f"measuring {folder.name} failed (exit {child.returncode})")
    return {name: tuple(figures) for name, figures in json.loads(lines[-1][7:]).items()}


def combine(rounds: list[Figures]) -> Figures:
    """Per view: the median over rounds of each round's median wall and CPU ms, and the
    queries (the same in every round, else the largest)."""
    return {
        name: (
            statistics.median(r[name][0] for r in rounds),
            statistics.median(r[name][1] for r in rounds),
            max(r[name][2] for r in rounds),
        )
        for name, _who, _url in VIEWS
    }


def table(results: dict[int, dict[str, tuple[float, float, int]]]) -> list[str]:
    levels = sorted(results)
    lines = [
        "| view | "
        + " | ".join(f"{n:,} agencies: ms wall / ms CPU (queries)" for n in levels)
        + f" | CPU {levels[-1]:,} / {levels[0]:,} |",
        "|---|" + "---:|" * (len(levels) + 1),
    ]
    for name, _who, _url in VIEWS:
        cells = [
            f"{results[n][name][0]:.1f} / {results[n][name][1]:.1f} ({results[n][name][2]})"
            for n in levels
        ]
        ratio = results[levels[-1]][name][1] / results[levels[0]][name][1]
        flat = len({results[n][name][2] for n in levels}) == 1
        warning = "" if flat else " (queries differ!)"
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {ratio:.2f} ×{warning} |")
    return lines


def main() -> None:
    from cms.tenants.models import Agency

    started = time.monotonic()
    out(
        f"Admin scale benchmark in {BENCH_DIR}: levels {LEVELS}, {ROUNDS} rounds of "
        f"{REPEAT} requests per view"
    )
    call_command("migrate", verbosity=0, interactive=False, stdout=io.StringIO())
    call_command("setup_platform", stdout=io.StringIO())
    snapshots: dict[int, Path] = {}
    provisioning: list[float] = []
    with translation.override("kk"):
        for level in LEVELS:
            t0 = time.perf_counter()
            added = 0
            while Agency.objects.count() < min(level, PROVISIONED):
                t1 = time.perf_counter()
                agency = add_agency(Agency.objects.count() + 1)
                provisioning.append(time.perf_counter() - t1)
                added += 1
                if agency.slug == "scale-0001":
                    people(agency)
            have = Agency.objects.count()
            if have < level:
                template = Agency.objects.get(slug=f"scale-{TEMPLATE:04d}")
                clone_agencies(template, list(range(have + 1, level + 1)))
                added += level - have
            snapshots[level] = snapshot(level)
            took = time.perf_counter() - t0
            out(f"{level} agencies ({added} added in {took:.1f} s), snapshot taken")
    rounds: dict[int, list[Figures]] = {level: [] for level in LEVELS}
    for number in range(1, ROUNDS + 1):
        for level in LEVELS:
            rounds[level].append(measure_level(snapshots[level]))
            out(
                f"  round {number}, {level} agencies: "
                + ", ".join(f"{name} {cpu:.1f}" for name, (_, cpu, _) in rounds[level][-1].items())
                + " ms CPU"
            )
    results = {level: combine(rounds[level]) for level in LEVELS}
    for name, _who, _url in VIEWS:
        ratios = [
            rounds[LEVELS[-1]][i][name][1] / rounds[LEVELS[0]][i][name][1] for i in range(ROUNDS)
        ]
        out(f"  {name}: CPU ratio per round " + ", ".join(f"{r:.2f}" for r in ratios))
    lines = [
        "",
        f"Admin views by number of agencies, {datetime.date.today()}: SQLite, test client "
        f"in a fresh process per level and round on a snapshot of that level, levels "
        f"alternating for {ROUNDS} rounds; median over rounds of each round's median of "
        f"{REPEAT} requests (page cache off); agencies beyond the first {PROVISIONED} are "
        f"bulk clones (scale_platform.clone_agencies).",
        "",
        *table(results),
        "",
        f"Provisioning an agency (with its news item, image and document): median "
        f"{statistics.median(provisioning) * 1000:.0f} ms over {len(provisioning)} agencies.",
        "",
    ]
    text = "\n".join(lines)
    out(text)
    with OUT.open("a") as handle:
        handle.write(text)
    out(f"appended to {OUT}; total {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    if MEASURING:
        measure_child()
    else:
        try:
            main()
        finally:
            if os.environ.get("BENCH_KEEP") != "1":
                shutil.rmtree(BENCH_DIR, ignore_errors=True)
