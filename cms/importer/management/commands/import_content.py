"""python manage.py import_content FILE.json [--dry-run] [--draft] [--language kk|ru|en]"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.importer.service import CREATED, REJECTED, UNCHANGED, UPDATED, Importer, ImportFileError

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Import an agency's existing site (news, legal acts, standard pages with their images "
        "and files) from a JSON file; see README.md, 'Importing content'. Records are matched "
        "by their external id: running it again creates nothing new and updates only changed "
        "records. Exit code 1 when a record was rejected, 2 when the file cannot be read."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the JSON file; its files are looked up beside it")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="check every record (including the publishing checks) and report, writing nothing",
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="save imported pages as drafts instead of publishing them",
        )
        parser.add_argument(
            "--language",
            default="en",
            choices=[code for code, _name in settings.LANGUAGES],
            help="language of the messages and of the reasons of rejection",
        )

    def handle(self, *args, **options):
        language = options["language"]
        self._progress_shown = False
        importer = Importer(
            options["file"],
            dry_run=options["dry_run"],
            draft=options["draft"],
            language=language,
            progress=self.progress,
        )
        try:
            report = importer.run()
        except ImportFileError as error:
            raise CommandError(error.render(language), returncode=2) from None
        if self._progress_shown:
            self.stderr.write("")
        with translation.override(language):
            self.summary(report)
            if report.rejected:
                count = len(report.rejected)
                raise CommandError(
                    ngettext(
                        "%(count)s record was rejected.",
                        "%(count)s records were rejected.",
                        count,
                    )
                    % {"count": count},
                    returncode=1,
                )

    def progress(self, done: int, total: int, record_id: str) -> None:
        """One line on stderr, redrawn in place: [#####.....] 5/10 news-0005"""
        filled = BAR_WIDTH * done // max(total, 1)
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.stderr.write(f"\r[{bar}] {done}/{total} {record_id[:40]:<40}", ending="")
        self.stderr.flush()
        self._progress_shown = True

    def summary(self, report) -> None:
        counts = report.counts
        if report.dry_run:
            self.stdout.write(_("Dry run: nothing was written."))
        self.stdout.write(
            _(
                "Created: %(created)s, updated: %(updated)s, unchanged: %(unchanged)s, "
                "rejected: %(rejected)s."
            )
            % {
                "created": counts[CREATED],
                "updated": counts[UPDATED],
                "unchanged": counts[UNCHANGED],
                "rejected": counts[REJECTED],
            }
        )
        if report.rejected:
            self.stdout.write(_("Rejected records:"))
            for outcome in report.rejected:
                self.stdout.write(f"  {outcome.id}: {outcome.reason}")
