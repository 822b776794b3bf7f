import os

from django.core.management.base import BaseCommand
from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Give the local sites (localhost and *.localhost: the portal and the demo's own "
        "hosts) the port the development server listens on, so that links between them "
        "(the portal from the akimat's own host, and back) keep that port."
    )

    def add_arguments(self, parser):
        # `make run PORT=...` passes what runserver will listen on.
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT") or 8000))

    def handle(self, *args, **options):
        port = options["port"]
        changed = 0
        for site in Site.objects.exclude(port=port):
            if site.hostname == "localhost" or site.hostname.endswith(".localhost"):
                site.port = port
                site.save(update_fields=["port"])
                changed += 1
                self.stdout.write(f"{site.hostname} now on port {port}")
        if not changed:
            self.stdout.write(f"Every local site is on port {port} already.")
