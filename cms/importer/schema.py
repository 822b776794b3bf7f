"""The import file's schema, checked in plain Python with precise messages.

A file is `{"agency": "<slug>", "records": [...]}` (optionally `"media": "<folder>"`,
the folder files are looked up in, relative to the JSON file). Each record is checked
on its own by `parse_record`, which returns a `ParsedRecord` or raises
`RecordRejected` with the reason; nothing is written here. README.md ("Importing
content") documents every field.
"""

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from cms.core.languages import LANGUAGE_CODES, REQUIRED

from .errors import RecordRejected
from .html import Body, convert, convert_act_text

LANGS = LANGUAGE_CODES
KINDS = ("news", "legal_act", "page")
# The section a record goes into when it names no parent.
DEFAULT_SECTIONS = {"news": "news", "legal_act": "documents", "page": "about"}
MAX_ID_LENGTH = 255
# Wagtail's default WAGTAILIMAGES_MAX_IMAGE_PIXELS.
DEFAULT_MAX_PIXELS = 128_000_000
_SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,253}[a-z0-9])?$")
_NON_SLUG = re.compile(r"[^a-z0-9]+")

NEWS_CATEGORIES = ("news", "press_release", "announcement")
ACT_TYPES = ("law", "decree", "resolution", "order", "letter", "other")
ACT_STATUSES = ("in_force", "expired", "amended")

COMMON_FIELDS = {"id", "kind", "slug", "section", "parent", "title", "body"}
KIND_FIELDS = {
    "news": {
        "date",
        "intro",
        "category",
        "tags",
        "lead_image",
        "is_priority",
        "related_links",
    },
    "legal_act": {
        "number",
        "act_type",
        "date_signed",
        "signatory",
        "issuing_body",
        "status",
        "files",
        "official_url",
        "text",
        "text_as_of",
        "amends",
    },
    "page": {"intro"},
}


@dataclass
class ParsedRecord:
    index: int  # position in the file, from 1
    id: str
    kind: str
    slug: str
    section: str | None
    parent: str | None
    title: dict[str, str]
    values: dict = field(default_factory=dict)  # plain fields, already converted
    texts: dict[str, dict[str, str]] = field(default_factory=dict)  # translated fields
    bodies: dict[str, Body] = field(default_factory=dict)
    lead_image: dict | None = None  # {"file": Path, "alt": {lang: text}}
    related_links: list[dict] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)  # legal act: language → Path
    paths: dict[str, Path] = field(default_factory=dict)  # every file: reference → Path
    tags: list[str] = field(default_factory=list)
    amends: list[str] = field(default_factory=list)  # legal act: external ids it amends
    checksum: str = ""


def record_label(raw, index: int) -> str:
    """How a record is named in reports: its id, or its position when it has none."""
    if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"].strip():
        return raw["id"].strip()
    return f"#{index}"


# --- Field checks --------------------------------------------------------------------


def _reject_type(name: str, expected):
    return RecordRejected(
        _("The field “%(field)s” must be %(expected)s."), field=name, expected=expected
    )


def _string(raw: dict, name: str, *, required=False, max_length=255) -> str:
    value = raw.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise RecordRejected(_("The field “%(field)s” is required."), field=name)
        return ""
    if not isinstance(value, str):
        raise _reject_type(name, _("a text"))
    value = value.strip()
    if len(value) > max_length:
        raise RecordRejected(
            _("The field “%(field)s” is longer than %(max)s characters."),
            field=name,
            max=max_length,
        )
    return value


def _translated(raw: dict, name: str, *, required=(), max_length=None) -> dict[str, str]:
    value = raw.get(name)
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise _reject_type(name, _("an object with kk, ru and en texts"))
    unknown = sorted(set(value) - set(LANGS))
    if unknown:
        raise RecordRejected(
            _("The field “%(field)s” has an unknown language “%(language)s” (use kk, ru, en)."),
            field=name,
            language=unknown[0],
        )
    texts = {}
    for lang in LANGS:
        text = value.get(lang)
        if text is not None and not isinstance(text, str):
            raise _reject_type(f"{name}.{lang}", _("a text"))
        text = (text or "").strip()
        if max_length and len(text) > max_length:
            raise RecordRejected(
                _("The field “%(field)s” is longer than %(max)s characters."),
                field=f"{name}.{lang}",
                max=max_length,
            )
        texts[lang] = text
    for lang in required:
        if not texts[lang]:
            raise RecordRejected(
                _("The field “%(field)s” has no %(language)s text: it is required."),
                field=name,
                language=lang,
            )
    return texts


def _date(raw: dict, name: str, *, required=False) -> date | None:
    value = raw.get(name)
    if value is None:
        if required:
            raise RecordRejected(_("The field “%(field)s” is required."), field=name)
        return None
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise RecordRejected(
            _("The field “%(field)s” is not a valid date (YYYY-MM-DD): “%(value)s”."),
            field=name,
            value=str(value)[:40],
        ) from None


def _choice(raw: dict, name: str, choices, default=None, *, required=False) -> str:
    value = raw.get(name)
    if value is None:
        if required:
            raise RecordRejected(_("The field “%(field)s” is required."), field=name)
        return default
    if value not in choices:
        raise RecordRejected(
            _("The field “%(field)s” must be one of %(choices)s, not “%(value)s”."),
            field=name,
            choices=", ".join(choices),
            value=str(value)[:40],
        )
    return value


def _url(value, name: str) -> str:
    if not isinstance(value, str):
        raise _reject_type(name, _("a text"))
    try:
        URLValidator(schemes=["http", "https"])(value.strip())
    except ValidationError:
        raise RecordRejected(
            _("The field “%(field)s” is not a valid http(s) address: “%(value)s”."),
            field=name,
            value=value[:80],
        ) from None
    return value.strip()


class FileResolver:
    """Finds the files a record references, inside the folder of the import file."""

    def __init__(self, base: Path):
        self.base = base.resolve()

    def path(self, reference: str, *, image: bool) -> Path:
        if not isinstance(reference, str) or not reference.strip():
            raise RecordRejected(_("A file reference is empty."))
        reference = reference.strip()
        candidate = (self.base / reference).resolve()
        if self.base not in candidate.parents:
            raise RecordRejected(
                _("The file “%(file)s” is outside the folder of the import file."),
                file=reference,
            )
        if not candidate.is_file():
            raise RecordRejected(_("The file “%(file)s” does not exist."), file=reference)
        extension = candidate.suffix.lower().lstrip(".")
        allowed = settings.WAGTAILIMAGES_EXTENSIONS if image else settings.WAGTAILDOCS_EXTENSIONS
        if extension not in allowed:
            raise RecordRejected(
                _("The file “%(file)s” has a type that is not accepted (allowed: %(allowed)s)."),
                file=reference,
                allowed=", ".join(allowed),
            )
        if image:
            try:
                with PILImage.open(candidate) as picture:
                    picture.verify()
                    width, height = picture.size
            except (UnidentifiedImageError, PILImage.DecompressionBombError, OSError, SyntaxError):
                raise RecordRejected(
                    _("The file “%(file)s” is not a readable image."), file=reference
                ) from None
            # The limit of the admin's image upload form (Wagtail's default: 128 Mpx).
            limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", DEFAULT_MAX_PIXELS)
            if limit and width * height > limit:
                raise RecordRejected(
                    _(
                        "The image “%(file)s” has %(pixels)s megapixels; at most %(limit)s "
                        "are accepted."
                    ),
                    file=reference,
                    pixels=f"{width * height / 1_000_000:.1f}",
                    limit=f"{limit / 1_000_000:g}",
                )
        return candidate


def default_slug(external_id: str) -> str:
    slug = _NON_SLUG.sub("-", external_id.lower()).strip("-")[:200].strip("-")
    return slug or "page"


# --- The record ----------------------------------------------------------------------


def parse_record(raw, index: int, resolver: FileResolver) -> ParsedRecord:
    if not isinstance(raw, dict):
        raise RecordRejected(_("A record must be a JSON object."))
    external_id = _string(raw, "id", required=True, max_length=MAX_ID_LENGTH)
    kind = raw.get("kind")
    if kind not in KINDS:
        raise RecordRejected(
            _("Unknown kind “%(kind)s” (use news, legal_act or page)."), kind=str(kind)[:40]
        )
    unknown = sorted(set(raw) - COMMON_FIELDS - KIND_FIELDS[kind])
    if unknown:
        raise RecordRejected(
            _("Unknown field “%(field)s” for a record of kind %(kind)s."),
            field=unknown[0],
            kind=kind,
        )
    slug = _string(raw, "slug") or default_slug(external_id)
    if not _SLUG.match(slug):
        raise RecordRejected(
            _("The slug “%(slug)s” may hold only lowercase Latin letters, digits and hyphens."),
            slug=slug[:60],
        )
    section = _string(raw, "section", max_length=50) or None
    parent = _string(raw, "parent", max_length=MAX_ID_LENGTH) or None
    if section and parent:
        raise RecordRejected(_("Give either “section” or “parent”, not both."))
    if not section and not parent:
        section = DEFAULT_SECTIONS[kind]
    record = ParsedRecord(
        index=index,
        id=external_id,
        kind=kind,
        slug=slug,
        section=section,
        parent=parent,
        title=_translated(raw, "title", required=REQUIRED, max_length=255),
    )
    body_html = _translated(raw, "body")
    for lang in LANGS:
        body = convert(body_html[lang])
        for reference in body.images():
            record.paths[reference] = resolver.path(reference, image=True)
        for reference in body.documents():
            record.paths[reference] = resolver.path(reference, image=False)
        record.bodies[lang] = body
    if "intro" in KIND_FIELDS[kind]:
        record.texts["intro"] = _translated(raw, "intro")
    getattr(_KIND_PARSERS, kind)(raw, record, resolver)
    record.checksum = checksum(raw, record.paths)
    return record


class _KIND_PARSERS:  # noqa: N801 - a namespace of the per-kind parsers
    @staticmethod
    def news(raw, record: ParsedRecord, resolver: FileResolver) -> None:
        record.values["date"] = _date(raw, "date", required=True)
        record.values["category"] = _choice(raw, "category", NEWS_CATEGORIES, "news")
        priority = raw.get("is_priority", False)
        if not isinstance(priority, bool):
            raise _reject_type("is_priority", _("true or false"))
        record.values["is_priority"] = priority
        tags = raw.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) and t.strip() for t in tags):
            raise _reject_type("tags", _("a list of texts"))
        record.tags = [t.strip()[:100] for t in tags]
        lead = raw.get("lead_image")
        if lead is not None:
            if not isinstance(lead, dict) or set(lead) - {"file", "alt"}:
                raise _reject_type("lead_image", _("an object with “file” and “alt”"))
            reference = lead.get("file")
            record.paths[str(reference)] = resolver.path(reference, image=True)
            record.lead_image = {
                "file": str(reference),
                "alt": _translated(lead, "alt", max_length=250),
            }
        links = raw.get("related_links", [])
        if not isinstance(links, list):
            raise _reject_type("related_links", _("a list of links"))
        for position, link in enumerate(links, start=1):
            name = f"related_links[{position}]"
            if not isinstance(link, dict) or set(link) - {"url", "text"}:
                raise _reject_type(name, _("an object with “url” and “text”"))
            record.related_links.append(
                {
                    "url": _url(link.get("url"), f"{name}.url"),
                    "text": _translated(link, "text", max_length=255),
                }
            )

    @staticmethod
    def legal_act(raw, record: ParsedRecord, resolver: FileResolver) -> None:
        record.values["number"] = _string(raw, "number", required=True, max_length=64)
        record.values["act_type"] = _choice(raw, "act_type", ACT_TYPES, required=True)
        record.values["date_signed"] = _date(raw, "date_signed", required=True)
        record.values["status"] = _choice(raw, "status", ACT_STATUSES, "in_force")
        url = raw.get("official_url")
        record.values["official_url"] = _url(url, "official_url") if url else ""
        record.texts["signatory"] = _translated(raw, "signatory", max_length=255)
        record.texts["issuing_body"] = _translated(raw, "issuing_body", max_length=255)
        texts = _translated(raw, "text")
        record.texts["text"] = {
            lang: convert_act_text(texts[lang], f"text.{lang}") for lang in LANGS
        }
        record.values["text_as_of"] = _date(raw, "text_as_of")
        if record.values["text_as_of"] and record.values["text_as_of"] < record.values[
            "date_signed"
        ]:
            raise RecordRejected(
                _("The act's text cannot be as amended on %(date)s, before it was signed."),
                date=record.values["text_as_of"].isoformat(),
            )
        amends = raw.get("amends", [])
        if not isinstance(amends, list) or not all(
            isinstance(a, str) and a.strip() for a in amends
        ):
            raise _reject_type("amends", _("a list of ids of other legal acts"))
        record.amends = list(dict.fromkeys(a.strip() for a in amends))
        if record.id in record.amends:
            raise RecordRejected(_("An act cannot amend itself."))
        files = raw.get("files", {})
        if not isinstance(files, dict) or set(files) - set(LANGS):
            raise _reject_type("files", _("an object with kk, ru and en file paths"))
        for lang, reference in files.items():
            if reference:
                record.files[lang] = resolver.path(reference, image=False)
                record.paths[reference] = record.files[lang]

    @staticmethod
    def page(raw, record: ParsedRecord, resolver: FileResolver) -> None:
        return None


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(65536), b""):
            digest.update(chunk)
    return digest.hexdigest()


def checksum(raw: dict, paths: dict[str, Path]) -> str:
    """The record's JSON and the bytes of every file it references."""
    digest = hashlib.sha256(json.dumps(raw, sort_keys=True, ensure_ascii=False).encode())
    for reference in sorted(paths):
        digest.update(f"\0{reference}\0{file_digest(paths[reference])}".encode())
    return digest.hexdigest()
