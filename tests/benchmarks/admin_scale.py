"""Admin views (and the portal home) as the number of agencies grows: part of
`make bench-pages`, or `.venv/bin/python -m tests.benchmarks.admin_scale`.

Builds a scratch platform in a temporary folder (SQLite: migrate, setup_platform), then
brings it to each level of BENCH_ADMIN_LEVELS (default "10,100,1000") agencies: the
first BENCH_ADMIN_PROVISIONED (3) with the real provisioning function (each with one
published news item, an image and a document; the first also gets the measured editor,
moderator and a page awaiting review), the rest as bulk clones of the second
(tests/benchmarks/scale_platform.py: agency, collection, groups and permissions,
workflow, the whole page tree with valid path/depth/numchild/url_path, image,
document, an editor and a moderator; about 2 s per hundred). At each level it
requests in this process with the test client (BENCH_ADMIN_REPEAT (15) timed requests
per view after two warm-up requests):

* an agency editor's dashboard, a moderator's dashboard with one page awaiting review,
  a superuser's dashboard;
* the editor's page chooser (the tree from the top) and image chooser;
* the portal home, uncached (the page cache off: its directory page comes rendered
  from the chrome cache, as after the first request; its latest news are queried and
  rendered).

It prints, and appends as markdown to $BENCH_OUT (default /tmp/pages_bench.md), the
median wall and CPU milliseconds and the queries per request at every level, and the
ratio of the largest level's CPU time to the smallest's (issue 14: within 1.2 at
1,000 vs 10 agencies).
Times are in-process (no gunicorn, no network): they compare levels with each other,
not with the page rows above them. BENCH_ADMIN_LEVELS=10,100 for a quick run.
"""

from __future__ import annotations

import datetime
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

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
# Agencies made by the real provisioning; the rest are bulk clones of number TEMPLATE.
PROVISIONED = int(os.environ.get("BENCH_ADMIN_PROVISIONED", "3"))
TEMPLATE = 2
OUT = Path(os.environ.get("BENCH_OUT") or "/tmp/pages_bench.md")


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


def people(first):
    """The measured users of the first agency, and one page of it awaiting review."""
    from django.contrib.auth import get_user_model

    from cms.pages.models import NewsPage

    user_model = get_user_model()
    editor = user_model.objects.create_user("scale-editor", password="bench-pass-123")
    editor.groups.add(first.editors_group)
    moderator = user_model.objects.create_user("scale-moderator", password="bench-pass-123")
    moderator.groups.add(first.moderators_group)
    root = user_model.objects.create_superuser("scale-root", password="bench-pass-123")
    news_index = first.home_page.get_children().get(slug="news")
    pending = NewsPage(slug="awaiting-review", date=datetime.date(2026, 3, 2), live=False)
    pending.title_kk, pending.title_ru = "Қарауды күтеді", "Ждёт проверки"
    pending.body_kk = [("paragraph", "<p>Мәтін.</p>")]
    pending.body_ru = [("paragraph", "<p>Текст.</p>")]
    news_index.add_child(instance=pending)
    pending.save_revision(user=editor)
    first.workflow.start(pending, editor)
    return {
        "editor": signed_in(editor),
        "moderator": signed_in(moderator),
        "superuser": signed_in(root),
        "anonymous": Client(),
    }


VIEWS = [
    ("editor dashboard", "editor", lambda: reverse("wagtailadmin_home")),
    ("moderator dashboard (awaiting review)", "moderator", lambda: reverse("wagtailadmin_home")),
    ("superuser dashboard", "superuser", lambda: reverse("wagtailadmin_home")),
    ("editor's page chooser", "editor", lambda: reverse("wagtailadmin_choose_page")),
    ("editor's image chooser", "editor", lambda: reverse("wagtailimages_chooser:choose")),
    ("portal home (uncached)", "anonymous", lambda: "/kk/"),
]


def measure(client: Client, url: str) -> tuple[float, float, int]:
    """Median wall ms and median CPU ms (this process: the view and SQLite, which runs
    in-process) over REPEAT requests, and the queries of one request. On a shared
    machine the CPU time is the steadier of the two."""
    for _ in range(2):
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
    times, cpu = [], []
    for _ in range(REPEAT):
        t0, c0 = time.perf_counter(), time.process_time()
        client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return statistics.median(times), statistics.median(cpu), len(ctx.captured_queries)


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
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {ratio:.2f} × |")
    return lines


def main() -> None:
    from cms.tenants.models import Agency

    started = time.monotonic()
    out(f"Admin scale benchmark in {BENCH_DIR}: levels {LEVELS}, {REPEAT} requests per view")
    call_command("migrate", verbosity=0, interactive=False, stdout=io.StringIO())
    call_command("setup_platform", stdout=io.StringIO())
    clients = None
    results: dict[int, dict[str, tuple[float, float, int]]] = {}
    provisioning: list[float] = []
    with translation.override("kk"), override_settings(PAGE_CACHE_ENABLED=False):
        for level in LEVELS:
            t0 = time.perf_counter()
            added = 0
            while Agency.objects.count() < min(level, PROVISIONED):
                t1 = time.perf_counter()
                agency = add_agency(Agency.objects.count() + 1)
                provisioning.append(time.perf_counter() - t1)
                added += 1
                if clients is None:
                    clients = people(agency)
            have = Agency.objects.count()
            if have < level:
                template = Agency.objects.get(slug=f"scale-{TEMPLATE:04d}")
                clone_agencies(template, list(range(have + 1, level + 1)))
                added += level - have
            out(f"{level} agencies ({added} added in {time.perf_counter() - t0:.1f} s)")
            cache.clear()
            results[level] = {}
            for name, who, url in VIEWS:
                results[level][name] = measure(clients[who], url())
                ms, cpu_ms, queries = results[level][name]
                out(f"  {name}: {ms:.1f} ms ({cpu_ms:.1f} ms CPU), {queries} queries")
    lines = [
        "",
        f"Admin views by number of agencies, {datetime.date.today()}: SQLite, in-process "
        f"test client, median of {REPEAT} requests (page cache off); agencies beyond "
        f"the first {PROVISIONED} are bulk clones (scale_platform.clone_agencies).",
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
    try:
        main()
    finally:
        if os.environ.get("BENCH_KEEP") != "1":
            shutil.rmtree(BENCH_DIR, ignore_errors=True)
