"""`manage.py speak_pages [--missing] [--agency SLUG]`: make the audio of published
pages now (after turning speech on for a platform that has pages, after a bulk load
such as the demo, or after changing the normalisation). Pages whose text hash is
unchanged keep their audio; `--missing` looks only at pages without any."""

import time

from django.core.management.base import BaseCommand, CommandError

from cms.tenants.media import published_pages
from cms.tenants.models import Agency
from cms.tenants.scoping import AGENCY_HOME_DEPTH

from ... import engine
from ...generate import sync_pages
from ...models import PageAudio


class Command(BaseCommand):
    help = "Make the audio of published pages (Listen to this page)."

    def add_arguments(self, parser):
        parser.add_argument("--missing", action="store_true", help="Only pages without audio.")
        parser.add_argument("--agency", help="Only this agency's pages (its slug).")

    def handle(self, *args, **options):
        if not engine.available():
            self.stdout.write("eSpeak NG is not available (SPEECH_ENGINE): no audio made.")
            return
        pages = published_pages().filter(depth__gt=AGENCY_HOME_DEPTH)
        if options["agency"]:
            agency = Agency.objects.filter(slug=options["agency"]).select_related("home_page")
            agency = agency.first()
            if agency is None or agency.home_page is None:
                raise CommandError(f"No agency {options['agency']!r}.")
            pages = pages.filter(path__startswith=agency.home_page.path)
        if options["missing"]:
            pages = pages.exclude(pk__in=PageAudio.objects.values("page_id"))
        ids = list(pages.order_by("path").values_list("pk", flat=True))
        started = time.monotonic()
        made = failed = 0
        for result in sync_pages(ids):
            made += len(result["made"])
            failed += len(result["failed"])
        self.stdout.write(
            f"{len(ids)} pages looked at, {made} recordings made, {failed} failed "
            f"({time.monotonic() - started:.1f} s)."
        )


