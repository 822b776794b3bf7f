from django.core.management.base import BaseCommand, CommandError

from cms.appeals.retention import purge_submissions
from cms.tenants.models import Agency


class Command(BaseCommand):
    help = (
        "Delete form submissions (personal data) older than each agency's retention "
        "period; each agency's purge is written to its audit log (counts only)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")
        parser.add_argument("--agency", metavar="SLUG", help="only this agency")

    def handle(self, *args, dry_run=False, agency=None, **options):
        agencies = None
        if agency:
            agencies = list(Agency.objects.select_related("home_page").filter(slug=agency))
            if not agencies:
                raise CommandError(f"No agency with the slug {agency!r}.")
        report = purge_submissions(agencies=agencies, dry_run=dry_run)
        verb = "would delete" if dry_run else "deleted"
        for item in report:
            if item.count:
                self.stdout.write(
                    f"{item.agency}: {verb} {item.count} submissions sent before "
                    f"{item.cutoff:%Y-%m-%d %H:%M} UTC (kept {item.retention_days} days)"
                )
        total = sum(item.count for item in report)
        self.stdout.write(
            self.style.SUCCESS(
                f"{'Dry run: ' if dry_run else ''}{total} submissions {verb} "
                f"across {len(report)} agencies"
            )
        )
