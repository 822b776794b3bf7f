from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from cms.demo import credentials
from cms.tenants.models import Agency


class Command(BaseCommand):
    help = "Print the admin URL and the demo logins (user, password, agency, role)."

    def handle(self, *args, **options):
        User = get_user_model()
        existing = set(User.objects.values_list("username", flat=True))
        rows = []
        if credentials.ADMIN_USERNAME in existing:
            rows.append((credentials.ADMIN_USERNAME, credentials.ADMIN_PASSWORD, "—", "superuser"))
        for agency in Agency.objects.order_by("slug"):
            for role in credentials.ROLES:
                username = credentials.agency_username(agency.slug, role)
                if username in existing:
                    rows.append(
                        (username, credentials.AGENCY_PASSWORD, agency.name_en or agency.name_ru,
                         role)
                    )
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Admin: {admin_url}"))
        if not rows:
            self.stdout.write("No demo users found: run `manage.py load_demo` first.")
            return
        header = ("user", "password", "agency", "role")
        widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(4)]
        line = "  ".join("{:<%d}" % w for w in widths)
        self.stdout.write(line.format(*header).rstrip())
        self.stdout.write(line.format(*("-" * w for w in widths)).rstrip())
        for row in rows:
            self.stdout.write(line.format(*row).rstrip())
        hosts = [a for a in Agency.objects.exclude(hostname=None).exclude(hostname="")]
        for agency in hosts:
            self.stdout.write(
                f"{agency.name_en or agency.name_ru} also answers at http://{agency.hostname}:8000/"
            )
        self.stdout.write("Demo passwords are public: never load the demo into production.")
