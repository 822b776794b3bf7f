import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from cms.demo import credentials
from cms.tenants.models import Agency


class Command(BaseCommand):
    help = "Print the admin URL and the demo logins (user, password, agency, role)."

    def add_arguments(self, parser):
        # `make run HOST=... PORT=...` passes what runserver will listen on.
        parser.add_argument("--host", default=os.environ.get("HOST") or "127.0.0.1")
        parser.add_argument("--port", default=os.environ.get("PORT") or "8000")

    def handle(self, *args, **options):
        host, port = options["host"], options["port"]
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
                        (
                            username,
                            credentials.AGENCY_PASSWORD,
                            agency.name_en or agency.name_ru,
                            role,
                        )
                    )
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Admin: http://{host}:{port}/admin/"))
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
        for agency in Agency.objects.exclude(hostname=None).exclude(hostname=""):
            self.stdout.write(
                f"{agency.name_en or agency.name_ru} also answers at "
                f"http://{agency.hostname}:{port}/"
            )
        self.stdout.write("Demo passwords are public: never load the demo into production.")
