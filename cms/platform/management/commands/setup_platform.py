from django.core.management.base import BaseCommand

from cms.platform.maintenance import schedule_daily_maintenance
from cms.platform.portal import ensure_portal
from cms.platform.provisioning import provision_agency
from cms.tenants.models import Agency


class Command(BaseCommand):
    help = (
        "Create the portal home page, the default Site and the platform admins group, "
        "and bring every active agency up to the current provisioning (new standard "
        "sections, section page types, permissions, workflow)."
    )

    def handle(self, *args, **options):
        portal = ensure_portal()
        self.stdout.write(self.style.SUCCESS(f"Portal ready: page #{portal.pk}"))
        # provision_agency is idempotent: with no names given it only repairs what is
        # missing or out of date, so an upgraded database gets what new code provisions.
        for agency in Agency.objects.filter(status=Agency.Status.ACTIVE).order_by("slug"):
            result = provision_agency(slug=agency.slug, names={})
            if result.changes:
                self.stdout.write(f"  {agency.slug}: " + ", ".join(result.changes))
        when = schedule_daily_maintenance()
        if when is not None:
            self.stdout.write(f"Daily maintenance (purges) queued for {when:%Y-%m-%d %H:%M} UTC")
