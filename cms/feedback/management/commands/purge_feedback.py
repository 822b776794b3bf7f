from django.core.management.base import BaseCommand, CommandError

from cms.feedback.retention import purge_feedback
from cms.tenants.models import Agency


class Command(BaseCommand):
    help = (
        "Delete page feedback older than each agency's retention period; each agency's "
        "purge is written to its audit log (counts only)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")
        parser.add_argument("--agency", metavar="SLUG", help="only this agency")

    def handle(self, *args, dry_run=False, agency=None, **options):
        agencies = None
        if agency:
            agencies = list(Agency.objects.filter(slug=agency))
            if not agencies:
                raise CommandError(f"No agency with the slug {agency!r}.")
        report = purge_feedback(agencies=agencies, dry_run=dry_run)
        verb = "would delete" if dry_run else "deleted"
        total = sum(item.count for item in report)
        self.stdout.write(
            self.style.SUCCESS(
                f"{'Dry run: ' if dry_run else ''}{total} feedback entries {verb} "
                f"across {len(report)} agencies"
            )
        )
