import time

from django.core.management.base import BaseCommand

from cms.demo.loader import load_demo
from cms.tenants.models import Agency


class Command(BaseCommand):
    help = (
        "Load the demo platform: six agencies with trilingual pages, news, documents, "
        "images and demo users. Safe to run again: it only adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when any agency already exists (used by `make run`).",
        )

    def handle(self, *args, **options):
        if options["if_empty"] and Agency.objects.exists():
            self.stdout.write("Agencies already exist: the demo is not loaded (--if-empty).")
            return
        started = time.monotonic()
        self.stdout.write("Loading the demo platform…")
        created = load_demo(log=self.stdout.write)
        elapsed = time.monotonic() - started
        if created:
            summary = ", ".join(f"{count} × {kind}" for kind, count in sorted(created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo loaded in {elapsed:.1f} s: {summary}."))
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Demo already complete ({elapsed:.1f} s): nothing created.")
            )
        self.stdout.write("Run `manage.py demo_logins` for the demo users and passwords.")
