"""The kk, ru and en gettext catalogs: complete, compiled, and covering every UI string.

The extraction below is a deliberately simple regex over our own templates and
Python code (GNU gettext is not needed to run it); `make messages` does the real
extraction with makemessages.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

from cms.core.management.commands.compile_catalogs import is_up_to_date

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGS = ("kk", "ru", "en")
SOURCE_DIRS = ("cms", "themes", "search")

TEMPLATE_STRING = re.compile(r"""{%\s*(?:translate|trans)\s+(["'])(.+?)\1""")
PYTHON_STRING = re.compile(
    r"""\b(?:_|gettext|gettext_lazy|gettext_noop)\(\s*(["'])(.+?)(?<!\\)\1\s*[,)]"""
)


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def catalog(lang: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))


def used_msgids() -> dict[str, str]:
    """msgid → first file using it, from {% translate "…" %} and _("…") calls."""
    found: dict[str, str] = {}
    base = Path(settings.BASE_DIR)
    for top in SOURCE_DIRS:
        for path in sorted((base / top).rglob("*")):
            if "migrations" in path.parts or path.suffix not in {".html", ".py", ".txt"}:
                continue
            text = path.read_text(encoding="utf-8")
            pattern = PYTHON_STRING if path.suffix == ".py" else TEMPLATE_STRING
            for match in pattern.finditer(text):
                msgid = match.group(2).replace("\\'", "'").replace('\\"', '"')
                if path.suffix != ".py":
                    # makemessages escapes % in template strings (Django's lookup does too).
                    msgid = msgid.replace("%", "%%")
                found.setdefault(msgid, str(path.relative_to(base)))
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_exists_and_is_compiled(lang):
    po_path = LOCALE / lang / "LC_MESSAGES" / "django.po"
    assert po_path.exists(), f"missing {po_path}"
    assert is_up_to_date(po_path), f"{po_path.with_suffix('.mo')} is stale: run `make messages`"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_empty_or_fuzzy_translation(lang):
    po = catalog(lang)
    empty = [e.msgid for e in po if not e.obsolete and not e.translated()]
    assert not empty, f"{lang}: untranslated strings: {empty}"
    assert not po.fuzzy_entries(), f"{lang}: fuzzy strings: {[e.msgid for e in po.fuzzy_entries()]}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_ui_string_is_in_the_catalog(lang):
    known = {e.msgid for e in catalog(lang) if not e.obsolete}
    missing = {msgid: where for msgid, where in used_msgids().items() if msgid not in known}
    assert not missing, f"{lang}: strings missing from the catalog (run `make messages`): {missing}"


def test_extraction_finds_strings():
    """The extractor itself works: a known string from the skip link is found."""
    assert "Skip to main content" in used_msgids()


def test_placeholders_survive_translation():
    for lang in ("kk", "ru"):
        for entry in catalog(lang).translated_entries():
            wanted = sorted(set(PLACEHOLDER.findall(entry.msgid)))
            translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
            for text in translations:
                got = sorted(set(PLACEHOLDER.findall(text)))
                assert wanted == got, f"{lang}: placeholders differ in {entry.msgid!r}"
