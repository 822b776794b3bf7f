"""`manage.py compliance_digest [--agency SLUG]`: e-mail each agency's moderators the
latest compliance scores and items to fix, in their own language."""

from django.core.management.base import BaseCommand, CommandError

from cms.compliance.digest import send_digests
from cms.compliance.snapshots import agencies_to_check


class Command(BaseCommand):
    help = "E-mail the weekly compliance digest to each agency's moderators."

    def add_arguments(self, parser):
        parser.add_argument("--agency", metavar="SLUG", help="only this agency")

    def handle(self, *args, **options):
        slug = options["agency"]
        if slug and not agencies_to_check(slug).exists():
            raise CommandError(f"No active agency with the slug {slug!r}.")
        sent = send_digests(agency_slug=slug)
        for agency, username, language in sent:
            self.stdout.write(f"{agency}: {username} ({language})")
        self.stdout.write(f"{len(sent)} digests sent.")
