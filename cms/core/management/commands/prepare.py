"""`manage.py prepare`: everything `make run` does before it serves, in one process.

Each step used to be its own `manage.py` call, and each paid Django's start-up again
(5-7 s on the 2-core machine); their output (pip notices, a line per migration, the
translation library's ALTER TABLE blocks) buried the one thing a newcomer needs: the
logins and the links. Here every step is a phase: one line with its time on the
terminal, its output in a log file, and the log's tail when a phase fails.

Steps are management commands called by name, so this module imports no app: a step
whose app is not installed (the demo, outside development) is skipped and says so.

`--serve HOST:PORT` then serves in the same process (runserver with its autoreloader),
instead of a second `manage.py` that pays the start-up again; runserver's banner and
the autoreloader's notices go to the log too, its request lines stay on the terminal.
"""

import contextlib
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

# (label, command, arguments, app that must be installed or None)
STEPS = [
    ("Compiling the translation catalogs", "compile_catalogs", [], None),
    ("Applying database migrations", "migrate", ["--noinput"], None),
    ("Setting up the portal and the agencies' standard sections", "setup_platform", [], None),
    (
        "Loading the demo platform (only into an empty database)",
        "load_demo",
        ["--if-empty"],
        "cms.demo",
    ),
    ("Giving the local sites the port served on", "demo_sites", [], "cms.demo"),
    ("Publishing and unpublishing what is due", "publish_scheduled", [], None),
]
TAIL_LINES = 30


@contextlib.contextmanager
def _logging_to(stream):
    """Log records (signals log each permission change, for instance) go to `stream`:
    handlers hold the terminal's stream itself, which redirect_stderr does not reach."""
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    moved = []
    for logger in loggers:
        for handler in getattr(logger, "handlers", []):
            if type(handler) is logging.StreamHandler and handler not in [h for h, _ in moved]:
                moved.append((handler, handler.stream))
                handler.setStream(stream)
    try:
        yield
    finally:
        for handler, previous in moved:
            handler.setStream(previous)


class Command(BaseCommand):
    help = "Compile catalogs, migrate, set up the platform, load the demo when empty."
    # Checked once below, not again in the autoreloader's server process.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--log", default="run.log", help="File that receives each step's output."
        )
        parser.add_argument(
            "--serve",
            metavar="HOST:PORT",
            help="Then serve there (runserver with its autoreloader) in this process.",
        )

    def handle(self, *args, **options):
        address = options["serve"]
        if address and os.environ.get("RUN_MAIN") == "true":
            # The autoreloader's server process: its parent has prepared everything.
            self._serve(address, Path(options["log"]))
            return
        self.check()
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
        if address:
            self._speak_in_background(log_path)
            url = f"http://{address}/"
            self.stdout.write(f"  Serving {url} (admin: {url}admin/); Ctrl+C stops")
            self._serve(address, log_path)

    def _speak_in_background(self, log_path):
        """Listen to this page (cms.speech): published pages without audio (the demo's,
        loaded without it) are spoken by a low-priority process beside the server, so
        serving starts at once; its summary goes to the log."""
        if (
            not apps.is_installed("cms.speech")
            or settings.SPEECH_ENGINE == "off"
            or Path(sys.argv[0]).name != "manage.py"
        ):
            return
        log = log_path.open("a", encoding="utf-8")
        log.write("\n===== speak_pages --missing (in the background)\n")
        log.flush()
        subprocess.Popen(  # noqa: S603 - this project's own manage.py
            [sys.executable, sys.argv[0], "speak_pages", "--missing"],
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=lambda: os.nice(10),  # noqa: PLW1509 - no threads started yet
        )
        log.close()
        self.stdout.write("  Speaking published pages without audio in the background")

    def _serve(self, address, log_path):
        os.environ.setdefault("DJANGO_RUNSERVER_HIDE_WARNING", "true")
        logging.getLogger("django.utils.autoreload").setLevel(logging.WARNING)
        with log_path.open("a", encoding="utf-8") as log:
            # The banner ("Starting development server...") is said above; errors such
            # as a port in use still reach the terminal through stderr.
            call_command("runserver", address, skip_checks=True, stdout=log)

    def _run(self, label, command, arguments, log, log_path):
        self.stdout.write(f"  {label}...", ending="")
        self.stdout.flush()
        started = time.monotonic()
        log.write(f"\n===== {command} {' '.join(arguments)}\n")
        log.flush()
        try:
            # Some libraries print instead of writing to the command's stdout.
            with contextlib.redirect_stdout(log), contextlib.redirect_stderr(log), _logging_to(log):
                call_command(command, *arguments, stdout=log, stderr=log)
        except Exception as error:  # noqa: BLE001 - reported with the log's tail, then re-raised
            log.flush()
            self.stdout.write(" failed")
            tail = log_path.read_text(encoding="utf-8").splitlines()[-TAIL_LINES:]
            self.stderr.write("\n".join(tail))
            raise CommandError(f"{command} failed: {error} (full output in {log_path})") from error
        self.stdout.write(f" {time.monotonic() - started:.1f} s")
