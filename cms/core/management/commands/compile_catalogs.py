"""Compile locale/*/LC_MESSAGES/*.po into .mo with polib: no GNU gettext needed."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def catalogs() -> list[Path]:
    found = []
    for base in settings.LOCALE_PATHS:
        found.extend(sorted(Path(base).glob("*/LC_MESSAGES/*.po")))
    return found


def is_up_to_date(po_path: Path) -> bool:
    """The .mo beside `po_path` holds exactly the translations of the .po."""
    mo_path = po_path.with_suffix(".mo")
    if not mo_path.exists():
        return False
    expected = {
        (e.msgctxt, e.msgid, e.msgid_plural): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in polib.pofile(str(po_path)).translated_entries()
    }
    actual = {
        (e.msgctxt, e.msgid, e.msgid_plural): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in polib.mofile(str(mo_path))
        if e.msgid
    }
    return expected == actual


class Command(BaseCommand):
    help = "Compile the gettext catalogs with polib (GNU gettext is not required)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="fail if a .mo is missing or out of date"
        )

    def handle(self, *args, **options):
        stale = []
        for po_path in catalogs():
            if options["check"]:
                if not is_up_to_date(po_path):
                    stale.append(str(po_path))
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
            self.stdout.write(f"compiled {po_path}")
        if stale:
            raise CommandError("Out-of-date catalogs (run `make messages`): " + ", ".join(stale))
