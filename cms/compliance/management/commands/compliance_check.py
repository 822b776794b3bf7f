"""`manage.py compliance_check [--agency SLUG] [--date YYYY-MM-DD]`: run every
compliance check on the active agencies and store today's snapshots.

Progress goes to stderr: a bar redrawn in place on a terminal, one line per agency
otherwise (logs, cron mail). The summary goes to stdout.
"""

import datetime
import time

from django.core.management.base import BaseCommand, CommandError

from cms.compliance.snapshots import agencies_to_check, check_agency
from cms.compliance.tasks import schedule_daily_compliance

BAR_WIDTH = 30


class Progress:
    """A progress bar on a terminal, one line per step elsewhere (`stream`: a file or
    the command's OutputWrapper)."""

    def __init__(self, stream, total: int):
        self.stream = getattr(stream, "_out", stream)  # the wrapper adds line endings
        self.total, self.done = total, 0
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def step(self, label: str) -> None:
        self.done += 1
        if self.tty:
            filled = BAR_WIDTH * self.done // max(self.total, 1)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total} {label[:40]:<40}")
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(f"[{self.done}/{self.total}] {label}\n")
        self.stream.flush()


class Command(BaseCommand):
    help = "Run the compliance checks (Order 124-НҚ) and store today's snapshot per agency."

    def add_arguments(self, parser):
        parser.add_argument("--agency", metavar="SLUG", help="check only this agency")
        parser.add_argument(
            "--date",
            metavar="YYYY-MM-DD",
            help="the day to check as (default: today); due dates are compared with it",
        )
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="also queue the daily check on the task worker (database task backend)",
        )

    def handle(self, *args, **options):
        today = None
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError(f"--date: {options['date']!r} is not YYYY-MM-DD.") from error
        agencies = list(agencies_to_check(options["agency"]))
        if options["agency"] and not agencies:
            raise CommandError(f"No active agency with the slug {options['agency']!r}.")
        progress = Progress(self.stderr, len(agencies))
        started = time.monotonic()
        rows = []
        for agency in agencies:
            snapshot = check_agency(agency, today)
            rows.append(snapshot)
            progress.step(agency.slug)
        for snapshot in rows:
            self.stdout.write(
                f"{snapshot.agency.slug:<24} overall {snapshot.overall:>3}  "
                f"freshness {snapshot.freshness:>3}  content {snapshot.content:>3}  "
                f"depth {snapshot.depth:>3}  links {snapshot.links:>3}  "
                f"accessibility {snapshot.accessibility:>3}  "
                f"translation {snapshot.translation:>3}  moderation {snapshot.moderation:>3}"
            )
        self.stdout.write(
            f"{len(rows)} agencies checked in {time.monotonic() - started:.1f} s; "
            f"snapshots of {rows[0].date if rows else today} stored."
        )
        if options["schedule"]:
            when = schedule_daily_compliance()
            self.stdout.write(
                f"Daily check queued for {when:%Y-%m-%d %H:%M} UTC." if when
                else "Daily check not queued (in-process task backend, or already queued)."
            )
