"""Import an agency's existing site from a JSON file (see README, "Importing content").

Each record goes in whole or not at all: it is written in its own savepoint, and the
files it stored are deleted again when it fails. Records are identified by their
external id per agency (`ImportedRecord`): an unchanged record is left alone, a changed
one updates its page with a new revision.
"""

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cms.core.languages import REQUIRED
from cms.pages.accessibility import check_page
from cms.pages.languages import LANGUAGE_NAMES, missing_languages
from cms.pages.models import LegalActAmendment, LegalActPage, NewsPage, StandardPage
from cms.tenants.models import Agency

from .errors import RecordRejected
from .html import resolve_document_links
from .media import AgencyMedia
from .models import ImportedRecord
from .schema import LANGS, FileResolver, ParsedRecord, parse_record, record_label

MODELS = {"news": NewsPage, "legal_act": LegalActPage, "page": StandardPage}
CREATED, UPDATED, UNCHANGED, REJECTED = "created", "updated", "unchanged", "rejected"
STATUSES = (CREATED, UPDATED, UNCHANGED, REJECTED)
TOP_LEVEL_KEYS = {"agency", "records", "media"}


class ImportFileError(RecordRejected):
    """The file as a whole cannot be imported (unreadable, malformed, unknown agency)."""


@dataclass
class Outcome:
    id: str
    status: str
    reason: str = ""
    page_id: int | None = None


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    dry_run: bool = False

    @property
    def counts(self) -> Counter:
        counts = Counter({status: 0 for status in STATUSES})
        counts.update(outcome.status for outcome in self.outcomes)
        return counts

    @property
    def rejected(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == REJECTED]


def _validation_text(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


class Importer:
    def __init__(
        self,
        path,
        *,
        dry_run: bool = False,
        draft: bool = False,
        language: str = "en",
        progress: Callable[[int, int, str], None] | None = None,
    ):
        self.path = Path(path)
        self.dry_run = dry_run
        self.draft = draft
        self.language = language
        self.progress = progress or (lambda done, total, record_id: None)

    # --- the file ----------------------------------------------------------------------
    def load(self) -> tuple[Agency, list, FileResolver]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except OSError as error:
            raise ImportFileError(
                _("Cannot read %(file)s: %(error)s"), file=str(self.path), error=error.strerror
            ) from None
        except UnicodeDecodeError:
            raise ImportFileError(_("%(file)s is not UTF-8 text."), file=str(self.path)) from None
        except RecursionError:
            raise ImportFileError(
                _("%(file)s is nested too deeply to be an import file."), file=str(self.path)
            ) from None
        except json.JSONDecodeError as error:
            raise ImportFileError(
                _("%(file)s is not valid JSON: %(error)s at line %(line)s, column %(column)s."),
                file=str(self.path),
                error=error.msg,
                line=error.lineno,
                column=error.colno,
            ) from None
        if not isinstance(data, dict) or not isinstance(data.get("records"), list):
            raise ImportFileError(
                _("%(file)s must be an object with “agency” and a list of “records”."),
                file=str(self.path),
            )
        unknown = sorted(set(data) - TOP_LEVEL_KEYS)
        if unknown:
            raise ImportFileError(
                _("Unknown top-level field “%(field)s” (allowed: agency, records, media)."),
                field=unknown[0],
            )
        slug = data.get("agency")
        agency = (
            Agency.objects.select_related("collection", "home_page").filter(slug=slug).first()
            if isinstance(slug, str)
            else None
        )
        if agency is None:
            raise ImportFileError(_("No agency with the address “%(slug)s”."), slug=str(slug))
        if agency.is_archived:
            raise ImportFileError(
                _("The agency “%(slug)s” is archived: restore it before importing."),
                slug=agency.slug,
            )
        if agency.collection is None or not hasattr(agency, "home_page"):
            raise ImportFileError(
                _("The agency “%(slug)s” is not fully provisioned: run create_agency again."),
                slug=agency.slug,
            )
        return agency, data["records"], FileResolver(self._media_folder(data.get("media")))

    def _media_folder(self, media) -> Path:
        """The "media" folder: the import file's folder or a folder inside it. A path
        that leaves it ("../x", "/", a symbolic link pointing elsewhere) is refused, so
        that an import file cannot publish any file the server can read."""
        if media is None or media == "":
            media = "."
        if not isinstance(media, str):
            raise ImportFileError(_("“media” must be the name of a folder."))
        base = self.path.parent.resolve()
        folder = (base / media).resolve()
        if Path(media).is_absolute() or (folder != base and base not in folder.parents):
            raise ImportFileError(
                _(
                    "The media folder “%(folder)s” is outside the folder of the import "
                    "file; give a folder beside the file, such as “media”."
                ),
                folder=media,
            )
        if not folder.is_dir():
            raise ImportFileError(
                _("The media folder “%(folder)s” does not exist."), folder=media
            )
        return folder

    # --- the run -----------------------------------------------------------------------
    def run(self) -> Report:
        agency, raw_records, resolver = self.load()
        self.agency = agency
        self.media = AgencyMedia(agency)
        self.report = Report(dry_run=self.dry_run)
        self.imported_ids: set[str] = set()
        self.total = len(raw_records)
        # Plain attribute access (page.title, slug lookups) uses the default language.
        with translation.override("kk"):
            if self.dry_run:
                with transaction.atomic():
                    self._import_all(raw_records, resolver)
                    transaction.set_rollback(True)
                self.media.discard()
            else:
                self._import_all(raw_records, resolver)
        return self.report

    def _done(self, record_id: str, status: str, reason: str = "", page_id=None) -> None:
        self.report.outcomes.append(Outcome(record_id, status, reason, page_id))
        if status != REJECTED:
            self.imported_ids.add(record_id)
        self.progress(len(self.report.outcomes), self.total, record_id)

    def _reject(self, record_id: str, error: RecordRejected) -> None:
        self._done(record_id, REJECTED, error.render(self.language))

    def _import_all(self, raw_records: list, resolver: FileResolver) -> None:
        labels = [record_label(raw, index) for index, raw in enumerate(raw_records, start=1)]
        repeated = {label for label, count in Counter(labels).items() if count > 1}
        parsed: dict[str, ParsedRecord] = {}
        for index, (raw, label) in enumerate(zip(raw_records, labels, strict=True), start=1):
            if label in repeated:
                self._reject(
                    label,
                    RecordRejected(
                        _("The id “%(id)s” is used by %(count)s records of the file."),
                        id=label,
                        count=labels.count(label),
                    ),
                )
                continue
            try:
                parsed[label] = parse_record(raw, index, resolver)
            except RecordRejected as error:
                self._reject(label, error)
        in_file = set(labels)
        for record in self._in_parent_order(parsed):
            self._import_one(record, in_file)

    def _in_parent_order(self, parsed: dict[str, ParsedRecord]) -> list[ParsedRecord]:
        """File order, except that a parent in the same file comes before its children."""
        ordered: list[ParsedRecord] = []
        placed: set[str] = set()
        for record in parsed.values():
            chain = []
            node = record
            while node is not None and node.id not in placed and node not in chain:
                chain.append(node)
                node = parsed.get(node.parent) if node.parent else None
            for item in reversed(chain):
                placed.add(item.id)
                ordered.append(item)
        return ordered

    def _import_one(self, record: ParsedRecord, in_file: set[str]) -> None:
        if record.parent in in_file and record.parent not in self.imported_ids:
            self._reject(
                record.id,
                RecordRejected(
                    _("Its parent “%(parent)s” was not imported."), parent=record.parent
                ),
            )
            return
        try:
            with transaction.atomic():
                status, page_id = self._write(record)
        except RecordRejected as error:
            self.media.discard()
            self._reject(record.id, error)
        except ValidationError as error:
            self.media.discard()
            with translation.override(self.language):
                self._reject(record.id, RecordRejected(_validation_text(error)))
        except (DatabaseError, OSError) as error:
            self.media.discard()
            self._reject(
                record.id,
                RecordRejected(_("It could not be saved: %(error)s"), error=str(error)[:200]),
            )
        else:
            if not self.dry_run:
                self.media.commit()
            self._done(record.id, status, page_id=page_id)

    # --- one record --------------------------------------------------------------------
    def _parent(self, record: ParsedRecord):
        home = self.agency.home_page
        if record.section:
            parent = home.get_children().filter(slug=record.section).first()
            if parent is None:
                raise RecordRejected(
                    _("The agency has no section “%(section)s”."), section=record.section
                )
            return parent.specific
        mapping = (
            ImportedRecord.objects.filter(agency=self.agency, external_id=record.parent)
            .select_related("page")
            .first()
        )
        if mapping is None:
            raise RecordRejected(
                _("The parent “%(parent)s” is neither in the file nor imported before."),
                parent=record.parent,
            )
        return mapping.page.specific

    def _write(self, record: ParsedRecord) -> tuple[str, int]:
        mapping = (
            ImportedRecord.objects.select_for_update()
            .filter(agency=self.agency, external_id=record.id)
            .select_related("page")
            .first()
        )
        if mapping is not None and mapping.kind != record.kind:
            raise RecordRejected(
                _(
                    "The id “%(id)s” was imported as %(old)s and cannot become %(new)s: "
                    "delete that page first."
                ),
                id=record.id,
                old=mapping.kind,
                new=record.kind,
            )
        # Unchanged, unless it was imported as a draft and is now to be published (a
        # page an editor unpublished after its first publication stays unpublished).
        never_published = mapping is not None and mapping.page.first_published_at is None
        if mapping is not None and mapping.checksum == record.checksum:
            if self.draft or not never_published:
                return UNCHANGED, mapping.page_id
        model = MODELS[record.kind]
        parent = self._parent(record)
        if not model.can_exist_under(parent):
            raise RecordRejected(
                _("A page of type “%(type)s” cannot be placed under “%(parent)s”."),
                type=model._meta.verbose_name,
                parent=parent.title,
            )
        page = mapping.page.specific if mapping is not None else model()
        siblings = parent.get_children().filter(slug=record.slug)
        if page.pk:
            siblings = siblings.exclude(pk=page.pk)
        if siblings.exists():
            raise RecordRejected(
                _("The address “%(slug)s” is already used by another page in “%(parent)s”."),
                slug=record.slug,
                parent=parent.title,
            )
        if page.pk and page.get_parent().pk != parent.pk:
            page.move(parent, pos="last-child")
            page = type(page).objects.get(pk=page.pk)
        self._fill(page, record)
        if not self.draft:
            self._check_publishable(page)
        if page.pk is None:
            page.live = not self.draft
            parent.add_child(instance=page)
            status = CREATED
        else:
            status = UPDATED
        revision = page.save_revision(log_action=True)
        if not self.draft:
            revision.publish()
        ImportedRecord.objects.update_or_create(
            agency=self.agency,
            external_id=record.id,
            defaults={"kind": record.kind, "page": page, "checksum": record.checksum},
        )
        return status, page.pk

    def _fill(self, page, record: ParsedRecord) -> None:
        page.slug = record.slug
        for lang in LANGS:
            setattr(page, f"title_{lang}", record.title[lang])
            setattr(page, f"body_{lang}", self._body(record, lang))
            for name, texts in record.texts.items():
                setattr(page, f"{name}_{lang}", texts[lang])
        for name, value in record.values.items():
            setattr(page, name, value)
        if record.kind == "news":
            self._fill_news(page, record)
        elif record.kind == "legal_act":
            for lang in LANGS:
                path = record.files.get(lang)
                title = record.title[lang] or record.title["ru"]
                setattr(page, f"file_{lang}", self.media.document(path, title) if path else None)
            page.amends_links = [
                LegalActAmendment(amended_act=act) for act in self._amended_acts(record)
            ]

    def _amended_acts(self, record: ParsedRecord) -> list:
        """The legal acts `record` amends, by their external ids (imported before)."""
        mappings = {
            m.external_id: m
            for m in ImportedRecord.objects.filter(
                agency=self.agency, external_id__in=record.amends
            ).select_related("page")
        }
        acts = []
        for external_id in record.amends:
            mapping = mappings.get(external_id)
            if mapping is None or mapping.kind != "legal_act":
                raise RecordRejected(
                    _(
                        "The act “%(id)s” named in “amends” is not a legal act in the file "
                        "before this one nor imported before."
                    ),
                    id=external_id[:80],
                )
            acts.append(mapping.page.specific)
        return acts

    def _fill_news(self, page, record: ParsedRecord) -> None:
        lead = record.lead_image
        page.lead_image = (
            self.media.image(record.paths[lead["file"]], lead["alt"]["kk"]) if lead else None
        )
        for lang in LANGS:
            setattr(page, f"lead_image_alt_{lang}", lead["alt"][lang] if lead else "")
            links = [
                {"type": "link", "value": {"page": None, "url": link["url"], "text": text}}
                for link in record.related_links
                for text in [link["text"][lang]]
                if text or not any(link["text"].values())
            ]
            setattr(page, f"related_links_{lang}", links)
        page.tags.set(record.tags)

    def _body(self, record: ParsedRecord, lang: str) -> list[dict]:
        body = record.bodies[lang]
        linked = [
            self.media.document(record.paths[reference], Path(reference).name).pk
            for reference in body.linked_files
        ]
        blocks = []
        for block in body.blocks:
            kind, value = block["type"], block["value"]
            if kind == "paragraph":
                value = resolve_document_links(value, linked)
            elif kind == "image":
                image = self.media.image(record.paths[value["file"]], value["alt"])
                value = {"image": image.pk, "alt": value["alt"], "caption": value["caption"]}
            elif kind == "document":
                document = self.media.document(record.paths[value["file"]], value["title"])
                value = {"document": document.pk, "title": value["title"]}
            blocks.append({"type": kind, "value": value})
        return blocks

    def _check_publishable(self, page) -> None:
        """The checks an editor's publish goes through: kk and ru, then accessibility."""
        for lang in missing_languages(page):
            raise RecordRejected(
                _("This page cannot be published without its %(language)s version."),
                language=LANGUAGE_NAMES[lang],
            )
        if isinstance(page, NewsPage) and page.lead_image is not None:
            for lang in REQUIRED:
                if not getattr(page, f"lead_image_alt_{lang}"):
                    raise RecordRejected(
                        _("Image “%(image)s” has no alternative text in %(language)s."),
                        image=page.lead_image.title,
                        language=LANGUAGE_NAMES[lang],
                    )
        with translation.override(self.language):
            problems = check_page(page)
            if problems:
                raise RecordRejected(" ".join(problem.message for problem in problems))
