"""`manage.py reorganise rename|move|merge|split … [--dry-run]` (issue 15, item 5).

Prints the plan (what moves, which addresses redirect, which users and groups
change); without --dry-run it then carries it out in one transaction. A refused
request (a taken address, a merge into itself…) exits non-zero with the reason.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cms.core.languages import LANGUAGE_CODES
from cms.platform import reorg
from cms.tenants.models import Agency


def _agency(slug: str) -> Agency:
    agency = Agency.objects.filter(slug=slug).first()
    if agency is None:
        raise CommandError(f"No agency with the slug {slug!r}.")
    return agency


def _names(options) -> dict[str, str]:
    return {lang: options.get(f"name_{lang}") or "" for lang in LANGUAGE_CODES}


class Command(BaseCommand):
    help = "Rename, move, merge or split agencies; old addresses answer 301."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="operation", required=True)

        def sub(name, help_text):
            command = commands.add_parser(name, help=help_text)
            command.add_argument("slug", help="the agency reorganised")
            command.add_argument(
                "--dry-run", action="store_true", help="print the plan, change nothing"
            )
            return command

        def names(command):
            for lang in LANGUAGE_CODES:
                command.add_argument(f"--name-{lang}", metavar="NAME")

        rename = sub("rename", "new names, address (slug) or host name")
        names(rename)
        rename.add_argument("--new-slug", metavar="SLUG", help="the new address")
        host = rename.add_mutually_exclusive_group()
        host.add_argument("--hostname", help="the new own host name")
        host.add_argument("--no-hostname", action="store_true", help="give up the own host")

        move = sub("move", "put the agency under another parent body")
        parent = move.add_mutually_exclusive_group(required=True)
        parent.add_argument("--parent", metavar="SLUG")
        parent.add_argument("--top-level", action="store_true", help="no parent body")

        merge = sub("merge", "merge the agency into another one and archive it")
        merge.add_argument("--into", required=True, metavar="SLUG")
        merge.add_argument(
            "--users",
            choices=reorg.USER_OPTIONS,
            default=reorg.FOLLOW,
            help="editors and moderators follow (join the other agency's groups) or are "
            "retired (deactivated); default: follow",
        )

        split = sub("split", "make chosen sections a new agency")
        split.add_argument(
            "--sections", required=True, help="comma-separated section slugs, e.g. about,faq"
        )
        split.add_argument("--new-slug", required=True, metavar="SLUG")
        names(split)
        split.add_argument("--category", choices=Agency.Category.values)
        split.add_argument("--parent", metavar="SLUG")

    def handle(self, *args, **options):
        operation = options["operation"]
        agency = _agency(options["slug"])
        dry_run = options["dry_run"]
        try:
            plan = getattr(self, f"_{operation}")(agency, options, dry_run)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(("Plan (dry run, nothing changed):" if dry_run else "Done:"))
        for line in plan.lines():
            self.stdout.write(line)
        if not dry_run:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{operation}: {plan.pages_moved} pages moved, "
                    f"{len(plan.redirects)} address prefixes redirected."
                )
            )

    def _rename(self, agency, options, dry_run):
        hostname = reorg.UNCHANGED
        if options["no_hostname"]:
            hostname = None
        elif options["hostname"]:
            hostname = options["hostname"]
        return reorg.rename_agency(
            agency,
            names=_names(options),
            slug=options["new_slug"],
            hostname=hostname,
            dry_run=dry_run,
        )

    def _move(self, agency, options, dry_run):
        parent = None if options["top_level"] else _agency(options["parent"])
        return reorg.move_agency(agency, parent, dry_run=dry_run)

    def _merge(self, agency, options, dry_run):
        return reorg.merge_agencies(
            agency, _agency(options["into"]), users=options["users"], dry_run=dry_run
        )

    def _split(self, agency, options, dry_run):
        return reorg.split_agency(
            agency,
            sections=options["sections"].split(","),
            slug=options["new_slug"],
            names=_names(options),
            category=options["category"],
            parent=_agency(options["parent"]) if options["parent"] else None,
            dry_run=dry_run,
        )
