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
        if agency.is_archived:
            self.stdout.write(f"Agency {agency.slug} is already archived; nothing to do.")
            return
        agency = archive_agency(agency)
        count = len(agency.archived_live_page_ids)
        self.stdout.write(
            self.style.SUCCESS(f"Archived agency {agency.slug}: {count} pages unpublished.")
        )
