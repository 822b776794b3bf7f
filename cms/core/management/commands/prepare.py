"""`manage.py prepare`: everything `make run` does before it serves, in one process.

Each step used to be its own `manage.py` call, and each paid Django's start-up again
(5-7 s on the 2-core machine); their output (pip notices, a line per migration, the
translation library's ALTER TABLE blocks) buried the one thing a newcomer needs: the
logins and the links. Here every step is a phase: one line with its time on the
terminal, its output in a log file, and the log's tail when a phase fails.

Steps are management commands called by name, so this module imports no app: a step
whose app is not installed (the demo, outside development) is skipped and says so.
"""

import contextlib
import time
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

# (label, command, arguments, app that must be installed or None)
STEPS = [
    ("Compiling the translation catalogs", "compile_catalogs", [], None),
    ("Applying database migrations", "migrate", ["--noinput"], None),
    ("Setting up the portal and the agencies' standard sections", "setup_platform", [], None),
    ("Loading the demo platform (only into an empty database)", "load_demo", ["--if-empty"],
     "cms.demo"),
    ("Publishing and unpublishing what is due", "publish_scheduled", [], None),
]
TAIL_LINES = 30


class Command(BaseCommand):
    help = "Compile catalogs, migrate, set up the platform, load the demo when empty."

    def add_arguments(self, parser):
        parser.add_argument(
            "--log", default="run.log", help="File that receives each step's output."
        )

    def handle(self, *args, **options):
        log_path = Path(options["log"])
        total = time.monotonic()
        with log_path.open("w", encoding="utf-8") as log:
            for label, command, arguments, app in STEPS:
                if app and not apps.is_installed(app):
                    self.stdout.write(f"  {label}: skipped ({app} is not installed)")
                    continue
                self._run(label, command, arguments, log, log_path)
        if apps.is_installed("cms.demo"):
            call_command("demo_logins", stdout=self.stdout)
        self.stdout.write(
            f"  Ready in {time.monotonic() - total:.1f} s (step output in {log_path})"
        )

    def _run(self, label, command, arguments, log, log_path):
        self.stdout.write(f"  {label}...", ending="")
        self.stdout.flush()
        started = time.monotonic()
        log.write(f"\n===== {command} {' '.join(arguments)}\n")
        log.flush()
        try:
            # Some libraries print instead of writing to the command's stdout.
            with contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
                call_command(command, *arguments, stdout=log, stderr=log)
        except Exception as error:  # noqa: BLE001 - reported with the log's tail, then re-raised
            log.flush()
            self.stdout.write(" failed")
            tail = log_path.read_text(encoding="utf-8").splitlines()[-TAIL_LINES:]
            self.stderr.write("\n".join(tail))
            raise CommandError(f"{command} failed: {error} (full output in {log_path})") from error
        self.stdout.write(f" {time.monotonic() - started:.1f} s")
