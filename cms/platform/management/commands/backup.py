from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.platform.backup import BackupError, create_backup, timestamped_name


class Command(BaseCommand):
    help = (
        "Back up the database and the media files into one .tar.gz archive with a "
        "manifest of row counts and sha256 checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="archive to write (default: birtutas-<UTC time>.tar.gz in the current folder)",
        )

    def handle(self, *args, output=None, **options):
        path = Path(output or timestamped_name())
        try:
            manifest = create_backup(path, log=self.stdout.write)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        counts = manifest.counts
        media = [name for name in manifest.files if name.startswith("media/")]
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {sum(counts.values())} rows of {len(counts)} models "
                f"({summary(counts)}) and {len(media)} media files "
                f"({sum(manifest.files[m]['size'] for m in media)} bytes) to {path}"
            )
        )
        if manifest.data["missing_media"]:
            self.stderr.write(
                self.style.WARNING(
                    f"{len(manifest.data['missing_media'])} files named in the database "
                    "are missing from the storage and are not in the archive: "
                    + ", ".join(manifest.data["missing_media"][:10])
                )
            )


def summary(counts: dict[str, int]) -> str:
    keys = {
        "pages": "wagtailcore.page",
        "revisions": "wagtailcore.revision",
        "agencies": "tenants.agency",
        "images": "wagtailimages.image",
        "documents": "wagtaildocs.document",
        "users": "auth.user",
    }
    return ", ".join(f"{counts.get(label, 0)} {word}" for word, label in keys.items())
