from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from cms.core.languages import LANGUAGE_CODES
from cms.platform.provisioning import provision_agency
from cms.tenants.models import Agency


def validation_message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
    return " ".join(error.messages)


class Command(BaseCommand):
    help = (
        "Create an agency with its home page, sections, collection, groups, workflow and "
        "(with --hostname) its own site. Running it again with the same names changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--slug", required=True)
        parser.add_argument("--name-kk", required=True)
        parser.add_argument("--name-ru", required=True)
        parser.add_argument("--name-en", default="")
        parser.add_argument("--short-name-kk", default="")
        parser.add_argument("--short-name-ru", default="")
        parser.add_argument("--short-name-en", default="")
        parser.add_argument("--hostname", default="")
        parser.add_argument(
            "--category", default=Agency.Category.OTHER, choices=Agency.Category.values
        )
        parser.add_argument("--parent", default="", help="slug of the parent agency")
        parser.add_argument("--colour", default="", help="brand colour, e.g. #00577B")
        parser.add_argument(
            "--language",
            default="en",
            choices=[code for code, _name in settings.LANGUAGES],
            help="language of the messages (the command's own output is in English)",
        )

    def handle(self, *args, **options):
        parent = None
        if options["parent"]:
            parent = Agency.objects.filter(slug=options["parent"]).first()
            if parent is None:
                raise CommandError(f"No agency with the slug {options['parent']!r} (--parent).")
        try:
            result = provision_agency(
                slug=options["slug"],
                names={lang: options[f"name_{lang}"] for lang in LANGUAGE_CODES},
                short_names={lang: options[f"short_name_{lang}"] for lang in LANGUAGE_CODES},
                category=options["category"],
                parent=parent,
                hostname=options["hostname"] or None,
                brand_colour=options["colour"] or None,
            )
        except ValidationError as error:
            with translation.override(options["language"]):
                raise CommandError(validation_message(error)) from error
        agency = result.agency
        if result.created:
            self.stdout.write(self.style.SUCCESS(f"Created agency {agency.slug}: {agency.name_ru}"))
        elif result.changes:
            self.stdout.write(
                f"Agency {agency.slug} existed; completed: {', '.join(result.changes)}"
            )
        else:
            self.stdout.write(f"Agency {agency.slug} already exists; nothing to change.")
