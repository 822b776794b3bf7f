from django.core.management.base import BaseCommand

from cms.recyclebin.models import KEEP_DAYS
from cms.recyclebin.service import purge


class Command(BaseCommand):
    help = f"Delete permanently what has been in the recycle bins for more than {KEEP_DAYS} days."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")

    def handle(self, *args, dry_run=False, **options):
        counts = purge(dry_run=dry_run)
        verb = "would delete" if dry_run else "deleted"
        self.stdout.write(
            self.style.SUCCESS(
                f"{'Dry run: ' if dry_run else ''}{verb} {counts['pages']} pages (with their "
                f"sub-pages) and {counts['documents']} documents older than {KEEP_DAYS} days"
            )
        )
