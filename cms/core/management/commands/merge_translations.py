"""Fill the kk and ru catalogs from JSON files of translations, then compile them.

Work done in parallel (one branch per feature) brings its new UI strings as
`locale/pending/<name>.json`: `{"English msgid": {"kk": "…", "ru": "…"}}` (a list of
forms for a plural msgid; a msgid with a context is keyed "context\u0004msgid").
Editing the .po files on every branch would conflict at every merge; this command
is the one place they meet. Run it after `makemessages` (`make messages` does both);
merged files are removed unless `--keep` is given.
"""

import json
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from cms.core.languages import UI_CATALOGS

LANGS = UI_CATALOGS


class Command(BaseCommand):
    help = "Merge locale/pending/*.json translations into the kk and ru catalogs."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", help="JSON files (default: locale/pending/*.json)")
        parser.add_argument("--keep", action="store_true", help="do not delete merged files")

    def handle(self, *args, files, keep, **options):
        locale = Path(settings.BASE_DIR) / "locale"
        paths = [Path(f) for f in files] or sorted((locale / "pending").glob("*.json"))
        pending: dict[str, dict] = {}
        for path in paths:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                raise CommandError(f"{path}: {error}") from error
            for msgid, values in data.items():
                pending[msgid] = values
        filled = {lang: 0 for lang in LANGS}
        for lang in LANGS:
            po_path = locale / lang / "LC_MESSAGES" / "django.po"
            po = polib.pofile(str(po_path))
            for entry in po:
                if entry.obsolete or entry.translated():
                    continue
                # A msgid with a context (pgettext) is keyed "context\u0004msgid",
                # as in compiled catalogs; a plain key fills it only when no keyed one.
                keyed = pending.get(f"{entry.msgctxt}\x04{entry.msgid}") if entry.msgctxt else None
                text = (keyed or pending.get(entry.msgid) or {}).get(lang)
                if not text:
                    continue
                if entry.msgid_plural:
                    forms = text if isinstance(text, list) else [text]
                    for index in entry.msgstr_plural or {0: ""}:
                        entry.msgstr_plural[index] = forms[min(index, len(forms) - 1)]
                else:
                    entry.msgstr = text if isinstance(text, str) else text[0]
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
                filled[lang] += 1
            po.save(str(po_path))
            missing = [e.msgid for e in po if not e.obsolete and not e.translated()]
            if missing:
                self.stderr.write(f"{lang}: still untranslated: {missing}")
        self.stdout.write(f"filled: {filled}")
        call_command("compile_catalogs")
        if not keep:
            for path in paths:
                path.unlink()
