from django.core.management.base import BaseCommand, CommandError

from cms.platform.backup import BackupError, restore_backup

from .backup import summary


class Command(BaseCommand):
    help = (
        "Restore a backup archive made by `manage.py backup` into an empty, migrated "
        "database: checksums first, then the database in one transaction, the media "
        "files, and the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar.gz made by `manage.py backup`")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database that already has content (everything in it is lost)",
        )
        parser.add_argument(
            "--trust-unsigned",
            action="store_true",
            help="accept a manifest this platform's SECRET_KEY did not sign (a backup "
            "from another instance): only for an archive whose origin you know",
        )

    def handle(self, *args, archive, force=False, trust_unsigned=False, **options):
        try:
            result = restore_backup(
                archive, force=force, trust_unsigned=trust_unsigned, log=self.stdout.write
            )
        except BackupError as exc:
            raise CommandError(f"Nothing was restored: {exc}") from exc
        counts = result.counts
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {sum(counts.values())} rows of {len(counts)} models "
                f"({summary(counts)}), {result.media_files} media files "
                f"({result.media_bytes} bytes) and {result.search_documents} search documents"
            )
        )
