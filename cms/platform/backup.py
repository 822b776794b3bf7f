"""Backup and restore of the whole platform: the database and the media files, in one
archive with a manifest of checksums (`manage.py backup`, `manage.py restore`).

The archive is a gzipped tar:

    manifest.json        format version, created-at, Django/Wagtail versions, the
                         migrations the dump was made at, row counts per model,
                         size and sha256 of every other member
    manifest.sig         HMAC-SHA256 of manifest.json's bytes under a key derived
                         from SECRET_KEY: the checksums prove the members match the
                         manifest, the signature proves this platform wrote the
                         manifest (a dump with an added superuser and a recomputed
                         checksum is refused). A backup restored on an instance with
                         another SECRET_KEY needs `restore --trust-unsigned`.
    db.json              the database: Django's JSON serialization of every model
    media/<name>         every file a FileField of the database names (originals of
                         images, documents, agency logos…), under its storage name

**Why plain primary keys, not natural keys.** A restore *replaces* the database: it
empties every table and loads the dump into a schema at exactly the dump's
migrations (checked before anything is touched). The dump therefore carries the
rows of `contenttypes` and `auth.Permission` too, with their ids, and every row keeps
its primary key: pages, revisions and log entries come back with the same ids,
generic relations (content type + object id) stay right, and nothing is looked up
row by row. Natural keys are needed to *merge* data into a database whose ids differ,
which a restore never does. The JSON is read by Django's deserializers on SQLite and
PostgreSQL alike.

**Left out, rebuilt after a restore**: sessions, the search index tables of the
search app and of Wagtail's admin search, Wagtail's reference index, image
renditions (and their files, made again on demand), queued tasks and editing
sessions.

**Restore** verifies every member against the manifest before it touches anything,
refuses a database with content unless forced, then in one transaction empties the
tables, loads the dump, checks every foreign key and writes the media files; any
failure rolls the database back. The search index and the reference index are
rebuilt afterwards.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
import zlib
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import django
import wagtail
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.tenants.models import Agency

from .maintenance import schedule_daily_maintenance

FORMAT = "birtutas-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SIGNATURE_SALT = "birtutas.backup.manifest"
DB_DUMP = "db.json"
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024

# Derived or transient data: not dumped, emptied by a restore, rebuilt after it.
EXCLUDED_MODELS = (
    "sessions.session",
    "birtutas_search.searchentry",
    "birtutas_search.searchterm",
    "birtutas_search.searchmatch",
    "birtutas_search.indexoutbox",
    "birtutas_search.indexrebuild",
    "birtutas_search.indexrebuildchange",
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",
    "wagtailcore.referenceindex",
    "wagtailcore.uploadedfile",
    "wagtailimages.rendition",
    "wagtailadmin.editingsession",
    "django_tasks_db.dbtaskresult",
)

MUTED_SIGNALS = (pre_save, post_save, m2m_changed, pre_delete, post_delete)


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, for the operator."""


@dataclass
class Manifest:
    data: dict

    @property
    def files(self) -> dict[str, dict]:
        return self.data["files"]

    @property
    def counts(self) -> dict[str, int]:
        return self.data["counts"]


@dataclass
class RestoreResult:
    counts: dict[str, int] = field(default_factory=dict)
    media_files: int = 0
    media_bytes: int = 0
    search_documents: int = 0
    index_error: str = ""


def _sha256_stream(stream) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def _dumped_models() -> list:
    """The models in the dump, content types first: deserializing a child row of a
    multi-table model (a page type, a workflow task) looks its content type up, and
    would create one with a new id if the dump's were not loaded yet."""
    excluded = set(EXCLUDED_MODELS)
    dumped = [
        model
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.managed and model._meta.label_lower not in excluded
    ]
    return sorted(dumped, key=lambda model: model is not ContentType)


def applied_migrations(using: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app_label, name in sorted(MigrationRecorder(connections[using]).applied_migrations()):
        applied.setdefault(app_label, []).append(name)
    return applied


def media_names(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Every file name a FileField of a dumped model holds (renditions excluded)."""
    names: set[str] = set()
    for model in _dumped_models():
        for model_field in model._meta.concrete_fields:
            if isinstance(model_field, models.FileField):
                values = (
                    model._base_manager.using(using)
                    .exclude(**{model_field.attname: ""})
                    .exclude(**{f"{model_field.attname}__isnull": True})
                    .values_list(model_field.attname, flat=True)
                )
                names.update(values)
    return sorted(names)


def _safe_member(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and name == str(path)


# --- backup -------------------------------------------------------------------------


def create_backup(output: Path, *, log=print, using: str = DEFAULT_DB_ALIAS) -> Manifest:
    """Write the archive to `output` (a new file, readable by its owner only)."""
    output = Path(output)
    if output.exists():
        raise BackupError(f"{output} already exists; choose another --output.")
    if not output.parent.is_dir():
        raise BackupError(f"The folder {output.parent} does not exist.")
    work = Path(tempfile.mkdtemp(prefix="birtutas-backup-"))
    partial = output.with_name(output.name + ".partial")
    try:
        dump = work / DB_DUMP
        connection = connections[using]
        # One snapshot for the dump and the file list (when this is the outermost
        # transaction; the isolation level must be its first statement).
        outermost = not connection.in_atomic_block
        with transaction.atomic(using=using):
            if connection.vendor == "postgresql" and outermost:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            log("Phase 1/3: dumping the database")
            call_command(
                "dumpdata",
                *[m._meta.label for m in _dumped_models()],
                use_base_manager=True,
                output=str(dump),
                database=using,
                verbosity=0,
            )
            names = media_names(using)
            migrations = applied_migrations(using)
        counts = _count_rows(dump)
        files: dict[str, dict] = {}
        with dump.open("rb") as stream:
            sha, size = _sha256_stream(stream)
        files[DB_DUMP] = {"sha256": sha, "size": size}
        log(f"Phase 2/3: copying {len(names)} media files")
        missing: list[str] = []
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            archive.add(dump, arcname=DB_DUMP)
            for name in names:
                if not default_storage.exists(name):
                    missing.append(name)
                    continue
                with tempfile.TemporaryFile(dir=work) as copy:
                    digest, size = hashlib.sha256(), 0
                    with default_storage.open(name, "rb") as source:
                        while chunk := source.read(CHUNK):
                            digest.update(chunk)
                            size += len(chunk)
                            copy.write(chunk)
                    copy.seek(0)
                    member = MEDIA_PREFIX + name
                    info = tarfile.TarInfo(member)
                    info.size, info.mode, info.mtime = size, 0o600, int(timezone.now().timestamp())
                    archive.addfile(info, copy)
                    files[member] = {"sha256": digest.hexdigest(), "size": size}
            manifest = Manifest(
                {
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "created_at": timezone.now().isoformat(),
                    "django": django.get_version(),
                    "wagtail": wagtail.__version__,
                    "database_vendor": connection.vendor,
                    "migrations": migrations,
                    "counts": counts,
                    "files": files,
                    "missing_media": missing,
                }
            )
            body = json.dumps(manifest.data, indent=2, sort_keys=True).encode()
            for name, data in ((MANIFEST, body), (SIGNATURE, sign_manifest(body).encode())):
                info = tarfile.TarInfo(name)
                info.size, info.mode = len(data), 0o600
                info.mtime = int(timezone.now().timestamp())
                archive.addfile(info, io.BytesIO(data))
        partial.rename(output)
        log(f"Phase 3/3: archive written to {output} ({output.stat().st_size} bytes)")
        return manifest
    finally:
        shutil.rmtree(work, ignore_errors=True)
        partial.unlink(missing_ok=True)


def _count_rows(dump: Path) -> dict[str, int]:
    with dump.open("rb") as stream:
        rows = json.load(stream)
    return dict(sorted(Counter(row["model"] for row in rows).items()))


# --- verification -------------------------------------------------------------------


def _open_archive(path: Path) -> tarfile.TarFile:
    if not path.is_file():
        raise BackupError(f"{path}: no such file.")
    try:
        return tarfile.open(path, mode="r:gz")
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise BackupError(f"{path} is not a backup archive (a .tar.gz): {exc}") from exc


def sign_manifest(body: bytes) -> str:
    return salted_hmac(SIGNATURE_SALT, body, algorithm="sha256").hexdigest()


def read_manifest(path: Path, *, trust_unsigned: bool = False) -> Manifest:
    with _open_archive(path) as archive:
        try:
            body = archive.extractfile(archive.getmember(MANIFEST)).read()
            data = json.loads(body)
        except KeyError as exc:
            raise BackupError(f"{path} has no {MANIFEST}: not a Birtutas backup.") from exc
        except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
            raise BackupError(f"{path}: {MANIFEST} cannot be read: {exc}") from exc
        try:
            signature = archive.extractfile(archive.getmember(SIGNATURE)).read().decode()
        except KeyError:
            signature = ""
        except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
            raise BackupError(f"{path}: {SIGNATURE} cannot be read: {exc}") from exc
    if not trust_unsigned and not constant_time_compare(signature, sign_manifest(body)):
        problem = (
            "its signature does not match this platform's key"
            if signature
            else f"it carries no {SIGNATURE}"
        )
        raise BackupError(
            f"{path}: the manifest was not written by this platform ({problem}; or "
            "SECRET_KEY changed since the backup). Restore it only if you know where it "
            "comes from, with --trust-unsigned."
        )
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError(f"{path}: {MANIFEST} is not a Birtutas backup manifest.")
    if data.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"{path}: backup format version {data.get('format_version')!r}; "
            f"this release reads version {FORMAT_VERSION}."
        )
    files = data.get("files")
    if not isinstance(files, dict) or DB_DUMP not in files:
        raise BackupError(f"{path}: the manifest lists no database dump.")
    for name, entry in files.items():
        if (
            not _safe_member(name)
            or not isinstance(entry, dict)
            or not isinstance(entry.get("sha256"), str)
            or not isinstance(entry.get("size"), int)
        ):
            raise BackupError(f"{path}: the manifest entry for {name!r} is malformed.")
    return Manifest(data)


def verify_archive(path: Path, *, trust_unsigned: bool = False) -> Manifest:
    """Check the manifest's signature, then every member's size and sha256 against the
    manifest; raise BackupError naming the first file that differs, is missing or is
    not listed."""
    path = Path(path)
    manifest = read_manifest(path, trust_unsigned=trust_unsigned)
    expected = manifest.files
    seen: set[str] = set()
    try:
        with _open_archive(path) as archive:
            for member in archive:
                if member.name in (MANIFEST, SIGNATURE):
                    continue
                if member.name not in expected:
                    raise BackupError(
                        f"{path}: {member.name} is in the archive but not in the manifest."
                    )
                if not member.isfile():
                    raise BackupError(f"{path}: {member.name} is not a regular file.")
                sha, size = _sha256_stream(archive.extractfile(member))
                entry = expected[member.name]
                if sha != entry["sha256"] or size != entry["size"]:
                    raise BackupError(
                        f"{path}: checksum mismatch for {member.name} "
                        f"(expected sha256 {entry['sha256']}, {entry['size']} bytes; "
                        f"found {sha}, {size} bytes). The archive is damaged or was altered."
                    )
                seen.add(member.name)
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        raise BackupError(f"{path}: the archive is damaged: {exc}") from exc
    missing = sorted(set(expected) - seen)
    if missing:
        raise BackupError(f"{path}: {missing[0]} is listed in the manifest but missing.")
    return manifest


# --- restore ------------------------------------------------------------------------


def database_content(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """What makes the database non-empty (beyond what migrations create)."""
    found = []
    checks = [
        ("agencies", Agency.objects.using(using)),
        ("users", get_user_model()._base_manager.using(using)),
        ("images", get_image_model()._base_manager.using(using)),
        ("documents", get_document_model()._base_manager.using(using)),
    ]
    for label, queryset in checks:
        count = queryset.count()
        if count:
            found.append(f"{count} {label}")
    # Migrations create the tree's root and Wagtail's welcome page.
    pages = Page._base_manager.using(using).filter(depth__gt=2).count()
    if pages:
        found.append(f"{pages} pages")
    return found


def _check_migrations(manifest: Manifest, using: str) -> None:
    here = applied_migrations(using)
    there = manifest.data.get("migrations", {})
    for app_label in sorted(set(here) | set(there)):
        if here.get(app_label, []) != there.get(app_label, []):
            raise BackupError(
                f"The backup was made at other migrations of {app_label!r} than this "
                f"database has ({(there.get(app_label) or ['none'])[-1]} in the backup, "
                f"{(here.get(app_label) or ['none'])[-1]} here). Restore with the release "
                "that made it (same code, `migrate`), then upgrade."
            )


def _empty_tables(using: str) -> None:
    connection = connections[using]
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    if connection.vendor == "postgresql":
        # TRUNCATE refuses tables with pending deferred constraint checks in this
        # transaction: run them now.
        connection.check_constraints()
    statements = connection.ops.sql_flush(
        no_style(), tables, reset_sequences=False, allow_cascade=False
    )
    connection.ops.execute_sql_flush(statements)


def restore_backup(
    path: Path,
    *,
    force: bool = False,
    trust_unsigned: bool = False,
    log=print,
    using: str = DEFAULT_DB_ALIAS,
) -> RestoreResult:
    path = Path(path)
    log(f"Phase 1/5: verifying {path}")
    manifest = verify_archive(path, trust_unsigned=trust_unsigned)
    log(
        f"  {len(manifest.files)} files verified (sha256), backup of "
        f"{manifest.data.get('created_at')}, Django {manifest.data.get('django')}, "
        f"Wagtail {manifest.data.get('wagtail')}"
    )
    log("Phase 2/5: checking the target database")
    _check_migrations(manifest, using)
    content = database_content(using)
    if content and not force:
        raise BackupError(
            "The database is not empty (" + ", ".join(content) + "). Restore into an "
            "empty, migrated database, or pass --force to replace everything in it."
        )
    if content:
        log(f"  replacing {', '.join(content)} (--force)")
    result = RestoreResult(counts=dict(manifest.counts))
    work = Path(tempfile.mkdtemp(prefix="birtutas-restore-"))
    try:
        with _open_archive(path) as archive:
            dump = work / DB_DUMP
            with archive.extractfile(DB_DUMP) as source, dump.open("wb") as target:
                shutil.copyfileobj(source, target, CHUNK)
            media = [m for m in manifest.files if m.startswith(MEDIA_PREFIX)]
            log(
                f"Phase 3/5: loading {sum(manifest.counts.values())} rows of "
                f"{len(manifest.counts)} models in one transaction"
            )
            try:
                with transaction.atomic(using=using):
                    _empty_tables(using)
                    ContentType.objects.clear_cache()
                    with _muted(*MUTED_SIGNALS):
                        call_command("loaddata", str(dump), database=using, verbosity=0)
                    _check_counts(manifest, using)
                    log(f"Phase 4/5: restoring {len(media)} media files")
                    for member in media:
                        name = member[len(MEDIA_PREFIX) :]
                        with archive.extractfile(member) as source:
                            _write_media(name, source)
                        result.media_files += 1
                        result.media_bytes += manifest.files[member]["size"]
            except (DatabaseError, DeserializationError, LookupError, OSError) as exc:
                raise BackupError(f"loading failed, the database was rolled back: {exc}") from exc
            finally:
                ContentType.objects.clear_cache()
        _clear_caches()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    log("Phase 5/5: rebuilding the search index and the reference index")
    try:
        result.search_documents = _rebuild_indexes(log)
    except CommandError as exc:
        # The data is restored and committed; only the derived index is behind.
        result.index_error = str(exc)
        log(f"  the index could not be rebuilt ({exc}); run `manage.py search_index rebuild`")
    # Queued tasks are not restored: queue the daily purges again (database backend).
    schedule_daily_maintenance()
    return result


@contextmanager
def _muted(*signals):
    """The load writes the exact rows of the dump: no receiver may add or change any
    (an audit entry for a restored group membership, a cache or index update)."""
    saved = [(signal, signal.receivers, signal.sender_receivers_cache) for signal in signals]
    try:
        for signal in signals:
            signal.receivers = []
            signal.sender_receivers_cache = {}
        yield
    finally:
        for signal, receivers, cache in saved:
            signal.receivers = receivers
            signal.sender_receivers_cache = cache


def _check_counts(manifest: Manifest, using: str) -> None:
    for label, expected in manifest.counts.items():
        model = apps.get_model(label)
        found = model._base_manager.using(using).count()
        if found != expected:
            raise BackupError(f"{label}: {found} rows after loading, the manifest says {expected}.")


def _write_media(name: str, source) -> None:
    if default_storage.exists(name):
        default_storage.delete(name)
    saved = default_storage.save(name, File(source, name=os.path.basename(name)))
    if saved != name:
        raise BackupError(f"The storage saved {name} as {saved}: the file name is not usable.")


def _clear_caches() -> None:
    ContentType.objects.clear_cache()
    for alias in caches:
        caches[alias].clear()


def _rebuild_indexes(log) -> int:
    output = io.StringIO()
    call_command("rebuild_references_index", stdout=output, stderr=output, verbosity=0)
    call_command("update_index", stdout=output, stderr=output, verbosity=0)
    output = io.StringIO()
    call_command("search_index", "rebuild", stdout=output)
    documents = 0
    for line in output.getvalue().splitlines():
        if line.endswith("documents indexed"):
            log(f"  {line.strip()}")
            documents += int(line.split(":")[1].split()[0])
    return documents


def timestamped_name() -> str:
    return "birtutas-" + datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ") + ".tar.gz"
