"""`manage.py merge_translations` fills the kk and ru catalogs from locale/pending/*.json,
a msgid with a context (pgettext) from its own "context\\u0004msgid" key."""

import io
import json

import polib
from django.core.management import call_command


def _catalog(path, entries):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for msgctxt, msgid in entries:
        po.append(polib.POEntry(msgctxt=msgctxt, msgid=msgid, msgstr=""))
    path.parent.mkdir(parents=True)
    po.save(str(path))


def test_context_keys_fill_their_own_entry(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    entries = [(None, "Order"), ("type of legal act", "Order"), (None, "Letter")]
    for lang in ("kk", "ru"):
        _catalog(tmp_path / "locale" / lang / "LC_MESSAGES" / "django.po", entries)
    pending = tmp_path / "locale" / "pending" / "x.json"
    pending.parent.mkdir()
    pending.write_text(
        json.dumps(
            {
                "Order": {"kk": "Реті", "ru": "Порядок"},
                "type of legal act\u0004Order": {"kk": "Бұйрық", "ru": "Приказ"},
                "Letter": {"kk": "Хат", "ru": "Письмо"},
            }
        ),
        encoding="utf-8",
    )

    call_command("merge_translations", stdout=io.StringIO())

    po = polib.pofile(str(tmp_path / "locale" / "ru" / "LC_MESSAGES" / "django.po"))
    assert po.find("Order").msgstr == "Порядок"
    assert po.find("Order", msgctxt="type of legal act").msgstr == "Приказ"
    assert po.find("Letter").msgstr == "Письмо"
    assert not pending.exists()
