from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cms.platform.provisioning import archive_agency, restore_agency
from cms.tenants.models import Agency


class Command(BaseCommand):
    help = "Archive an agency (unpublish its site, withdraw its groups' rights, keep all data)."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument(
            "--restore", action="store_true", help="un-archive: republish and restore rights"
        )
        parser.add_argument(
            "--successor",
            metavar="SLUG",
            help="the agency that continues this one's work: its old addresses answer 410 "
            "with a page that names and links to it (may be given to an archived agency)",
        )

    def handle(self, *args, **options):
        agency = Agency.objects.filter(slug=options["slug"]).first()
        if agency is None:
            raise CommandError(f"No agency with the slug {options['slug']!r}.")
        if options["restore"]:
            if not agency.is_archived:
                self.stdout.write(f"Agency {agency.slug} is not archived; nothing to do.")
                return
            restore_agency(agency)
            self.stdout.write(self.style.SUCCESS(f"Restored agency {agency.slug}."))
            return
        successor = None
        if options["successor"]:
            successor = Agency.objects.filter(slug=options["successor"]).first()
            if successor is None:
                raise CommandError(f"No agency with the slug {options['successor']!r}.")
        if agency.is_archived:
            if successor is not None and agency.successor_id != successor.pk:
                self._archive(agency, successor)
                self.stdout.write(
                    self.style.SUCCESS(f"Agency {agency.slug}: successor {successor.slug}.")
                )
                return
            self.stdout.write(f"Agency {agency.slug} is already archived; nothing to do.")
            return
        agency = self._archive(agency, successor)
        count = len(agency.archived_live_page_ids)
        self.stdout.write(
            self.style.SUCCESS(
                f"Archived agency {agency.slug}: {count} pages unpublished"
                + (f", successor {successor.slug}." if successor else ".")
            )
        )

    def _archive(self, agency, successor):
        try:
            return archive_agency(agency, successor=successor)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
