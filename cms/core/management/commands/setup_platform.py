from django.core.management.base import BaseCommand

from cms.pages.portal import ensure_portal


class Command(BaseCommand):
    help = "Create the portal home page, the default Site and the platform admins group."

    def handle(self, *args, **options):
        portal = ensure_portal()
        self.stdout.write(self.style.SUCCESS(f"Portal ready: page #{portal.pk}"))
