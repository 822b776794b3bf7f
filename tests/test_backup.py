"""Backup and restore (issue 12, data safety): `manage.py backup` then `manage.py
restore` into an empty database gives back the same pages, revisions, media files and
search results; a damaged or altered archive and a database with content are refused
before anything is touched."""

import datetime
import hashlib
import io
import json
import shutil
import sys
import tarfile

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from cms.pages.models import NewsPage
from cms.platform.backup import database_content, verify_archive
from search.engines import search
from search.engines.base import SearchQuery
from tests.factories import editor_of, make_agency
from tests.media_helpers import make_document, make_image

QUERIES = [("kk", "тұщыландыру"), ("ru", "опреснение"), ("en", "desalination")]


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _news(section, slug, words, revisions=3):
    page = NewsPage(slug=slug, date=datetime.date(2026, 4, 2))
    page.title_kk = f"{words['kk']} жобасы туралы"
    page.title_ru = f"{words['ru']}: о проекте"
    page.title_en = f"{words['en']}: about the project"
    page.body_kk = [("paragraph", f"<p>{words['kk']} зауыты жылына су береді.</p>")]
    page.body_ru = [("paragraph", f"<p>Завод: {words['ru']} воды круглый год.</p>")]
    page.body_en = [("paragraph", f"<p>The plant: {words['en']} of sea water.</p>")]
    section.add_child(instance=page)
    for number in range(revisions):
        page.title_en = f"{words['en']}: about the project, version {number + 1}"
        page.save_revision()
    page.get_latest_revision().publish()
    return page


def _content():
    agency = make_agency(
        "bk-water",
        names={
            "kk": "Су ресурстары комитеті",
            "ru": "Комитет водных ресурсов",
            "en": "Water Resources Committee",
        },
    )
    editor_of(agency)
    news = agency.home_page.get_children().get(slug="news").specific
    _news(news, "desalination", {"kk": "Тұщыландыру", "ru": "Опреснение", "en": "Desalination"})
    _news(news, "irrigation", {"kk": "Суару", "ru": "Орошение", "en": "Irrigation"}, revisions=2)
    draft = NewsPage(slug="draft", date=datetime.date(2026, 4, 3), live=False)
    draft.title_kk, draft.title_ru = "Жоба", "Черновик"
    news.add_child(instance=draft)
    draft.save_revision()
    make_image(agency.collection, "bk-plant")
    make_document(agency.collection, "bk-report", content="Есеп / Отчёт / Report".encode())
    call_command("search_index", "rebuild", stdout=io.StringIO())
    return agency


def _state():
    def checksum(name):
        with default_storage.open(name, "rb") as stream:
            return hashlib.sha256(stream.read()).hexdigest()

    return {
        "pages": sorted(
            Page.objects.values_list("id", "title_kk", "title_ru", "title_en", "live", "path")
        ),
        "revisions": sorted((int(object_id), count) for object_id, count in _revision_counts()),
        "media": sorted(
            [(name, checksum(name)) for name in Image.objects.values_list("file", flat=True)]
            + [(name, checksum(name)) for name in Document.objects.values_list("file", flat=True)]
        ),
        "search": {
            f"{language}:{text}": [
                hit.page_id for hit in search(SearchQuery(text=text, language=language)).hits
            ]
            for language, text in QUERIES
        },
    }


def _revision_counts():
    return (
        Revision.page_revisions.values_list("object_id")
        .annotate(count=Count("id"))
        .values_list("object_id", "count")
    )


def _empty_database():
    """What `flush` leaves: the tables of a migrated database, content types and
    permissions only (no page at all, not even the tree's root)."""
    connection.check_constraints()  # PostgreSQL's TRUNCATE needs no pending checks
    call_command("flush", interactive=False, verbosity=0)


@pytest.mark.django_db
def test_backup_then_restore_into_an_empty_database_loses_nothing(media_root, tmp_path, capsys):
    _content()
    before = _state()
    assert len(before["media"]) == 2
    assert all(before["search"].values()), before["search"]
    archive = tmp_path / "birtutas.tar.gz"
    out = io.StringIO()
    call_command("backup", output=str(archive), stdout=out)
    assert "Phase 1/3" in out.getvalue() and "Backed up" in out.getvalue()
    assert archive.stat().st_mode & 0o077 == 0  # the owner's alone: it holds password hashes

    _empty_database()
    shutil.rmtree(media_root)
    assert Page.objects.count() == 0
    assert database_content() == []

    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)
    printed = out.getvalue()
    for phase in range(1, 6):
        assert f"Phase {phase}/5" in printed
    after = _state()
    assert after["pages"] == before["pages"]
    assert after["revisions"] == before["revisions"]
    assert after["media"] == before["media"]
    assert after["search"] == before["search"]
    summary = printed.strip().splitlines()[-1]
    assert summary.startswith("Restored ")
    with capsys.disabled():
        sys.stdout.write(
            f"\nround trip: {len(after['pages'])} pages, "
            f"{sum(c for _, c in after['revisions'])} revisions, "
            f"{len(after['media'])} media files, "
            f"{sum(len(v) for v in after['search'].values())} search hits "
            f"for {len(QUERIES)} queries\n{summary}\n"
        )


def _rewrite(archive, target, change):
    """Copy `archive` to `target`, passing each member's bytes through change(name, data)."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(target, "w:gz") as copy:
        for member in source:
            data = change(member.name, source.extractfile(member).read())
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))


@pytest.fixture
def archive(agency_a, media_root, tmp_path):
    make_document(agency_a.collection, "bk-minutes", content=b"Minutes of the board")
    path = tmp_path / "backup.tar.gz"
    call_command("backup", output=str(path), stdout=io.StringIO())
    return path


def _title(page_id):
    return Page.objects.get(pk=page_id).title_kk


@pytest.mark.django_db
def test_a_tampered_media_file_is_refused_naming_it_and_nothing_changes(
    archive, agency_a, tmp_path
):
    tampered = tmp_path / "tampered.tar.gz"
    changed = []

    def change(name, data):
        if name.startswith("media/documents/") and not changed:
            changed.append(name)
            return data + b" (altered)"
        return data

    _rewrite(archive, tampered, change)
    pages, documents = Page.objects.count(), Document.objects.count()
    home_title = _title(agency_a.home_page.pk)
    with pytest.raises(CommandError) as error:
        call_command("restore", str(tampered), force=True, stdout=io.StringIO())
    message = str(error.value)
    assert "checksum mismatch" in message and changed[0] in message
    assert "Nothing was restored" in message
    assert (Page.objects.count(), Document.objects.count()) == (pages, documents)
    assert _title(agency_a.home_page.pk) == home_title


@pytest.mark.django_db
def test_a_tampered_database_dump_is_refused(archive, tmp_path):
    tampered = tmp_path / "tampered.tar.gz"

    def change(name, data):
        if name == "db.json":
            rows = json.loads(data)
            rows.append({"model": "auth.user", "pk": 999, "fields": {"username": "intruder"}})
            return json.dumps(rows).encode()
        return data

    _rewrite(archive, tampered, change)
    with pytest.raises(CommandError, match="checksum mismatch for db.json"):
        call_command("restore", str(tampered), force=True, stdout=io.StringIO())


@pytest.mark.django_db
def test_a_dump_with_a_recomputed_checksum_is_refused_by_the_signature(archive, tmp_path):
    """An attacker who adds a superuser to db.json and writes its new checksum into
    the manifest passes the checksums, not the manifest's signature (SECRET_KEY)."""
    forged = tmp_path / "forged.tar.gz"
    new_dump = {}

    def change(name, data):
        if name == "db.json":
            rows = json.loads(data)
            rows.append({"model": "auth.user", "pk": 999, "fields": {"username": "intruder"}})
            new_dump["bytes"] = json.dumps(rows).encode()
            return new_dump["bytes"]
        if name == "manifest.json":
            manifest = json.loads(data)
            manifest["files"]["db.json"] = {
                "sha256": hashlib.sha256(new_dump["bytes"]).hexdigest(),
                "size": len(new_dump["bytes"]),
            }
            return json.dumps(manifest).encode()
        return data

    _rewrite(archive, forged, change)  # db.json comes before the manifest in the archive
    with pytest.raises(CommandError, match="not written by this platform.*signature"):
        call_command("restore", str(forged), force=True, stdout=io.StringIO())
    unsigned = tmp_path / "unsigned.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(unsigned, "w:gz") as copy:
        for member in source:
            if member.name != "manifest.sig":
                copy.addfile(member, source.extractfile(member))
    with pytest.raises(CommandError, match="carries no manifest.sig"):
        call_command("restore", str(unsigned), force=True, stdout=io.StringIO())
    # The operator's way out for a backup of another instance; and the proof that the
    # forged archive's checksums hold, so only the signature stopped it.
    assert verify_archive(unsigned, trust_unsigned=True).files
    assert verify_archive(forged, trust_unsigned=True).files["db.json"]["size"] == len(
        new_dump["bytes"]
    )


@pytest.mark.django_db
def test_damaged_or_foreign_archives_get_a_clear_message(archive, tmp_path):
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    not_tar = tmp_path / "notes.tar.gz"
    not_tar.write_bytes(b"not an archive at all")
    foreign = tmp_path / "foreign.tar.gz"
    with tarfile.open(foreign, "w:gz") as tar:
        info = tarfile.TarInfo("readme.txt")
        info.size = 2
        tar.addfile(info, io.BytesIO(b"hi"))
    cases = {
        truncated: "damaged",
        not_tar: "not a backup archive",
        foreign: "no manifest.json",
        tmp_path / "missing.tar.gz": "no such file",
    }
    for path, expected in cases.items():
        with pytest.raises(CommandError, match=expected):
            call_command("restore", str(path), force=True, stdout=io.StringIO())


@pytest.mark.django_db
def test_a_database_with_content_is_refused_without_force(archive, agency_a):
    home = agency_a.home_page
    original = home.title_kk
    with pytest.raises(CommandError) as error:
        call_command("restore", str(archive), stdout=io.StringIO())
    assert "not empty" in str(error.value) and "--force" in str(error.value)
    assert "agencies" in str(error.value)

    # --force replaces what is there by the archive's content.
    Page.objects.filter(pk=home.pk).update(title_kk="Өзгертілген атау")
    out = io.StringIO()
    call_command("restore", str(archive), force=True, stdout=out)
    assert "(--force)" in out.getvalue()
    assert _title(home.pk) == original


@pytest.mark.django_db
def test_backup_refuses_to_overwrite_a_file(archive):
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", output=str(archive), stdout=io.StringIO())
