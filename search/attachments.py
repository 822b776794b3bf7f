"""The text of the documents attached to a page, indexed with the page (issue 13, item 7).

A page's attachments in a language are the documents it uses in that language: its
document fields (a legal act's `file_kk`, `file_ru`...; a field without a language
suffix counts in every language) and the documents its StreamFields and rich text
fields of that language link to (document blocks, document links in text). Their text
is extracted here, at indexing time (the drain task, after the publish has committed):

    PDF   pypdf          text of every page (an encrypted file is tried with the empty
                         password, which many "protected" PDFs use; else skipped)
    DOCX  python-docx    paragraphs and table cells
    ODT   odfpy          paragraphs and headings

Bounds: a file over `MAX_FILE_BYTES` (or a DOCX/ODT whose parts unpack to more than
`MAX_UNPACKED_BYTES`) is not read; at most `MAX_TEXT_CHARS` of text are kept per
document and `MAX_PAGE_CHARS` per page and language. A file that cannot be read or
parsed (corrupt, encrypted, another format) is logged and skipped: indexing, and so
publishing, never fails because of an attachment.

Extraction is cached by the hash of the file's bytes (Wagtail's `file_hash`, else
computed here), in the default cache (Redis in production) and in this process, so a
rebuild or a re-publish does not parse a file again. The text depends only on the
bytes, so the key needs no agency: an agency reads it back only for its own documents.

Privacy: only documents of the page's own agency's collection are read (a document of
another agency or of the recycle bin is never indexed), and none in a collection with a
view restriction (a private collection): its text must not reach public search. Pages
under a view restriction are not indexed at all (`search.documents`). Portal pages
(outside every agency) get no attachments.
"""

from __future__ import annotations

import hashlib
import io
import logging
import zipfile
from collections import OrderedDict
from collections.abc import Callable, Iterable

import docx
from django.core.cache import cache
from django.db import models
from odf import teletype
from odf.opendocument import load
from pypdf import PasswordType, PdfReader
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.rich_text import extract_references_from_rich_text

from cms.core.languages import LANGUAGE_CODES
from search.body import PART, Attachment

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_TEXT_CHARS = 200_000
MAX_PAGE_CHARS = 600_000
CACHE_VERSION = 1
CACHE_TIMEOUT = 90 * 24 * 60 * 60
_LOCAL_CACHE_SIZE = 256
_local: OrderedDict[str, str] = OrderedDict()


class UnreadableDocument(Exception):
    """The file cannot be read as its format (corrupt, encrypted, too large)."""


# --- which documents a page uses -------------------------------------------------------
def _language_of(name: str) -> str | None:
    for code in LANGUAGE_CODES:
        if name.endswith(f"_{code}"):
            return code
    return None


def _is_translated_original(field, names: set[str]) -> bool:
    """`body` beside `body_kk`, `body_ru`...: modeltranslation's original field, which
    mirrors the active language; the per-language fields are read instead."""
    return any(f"{field.name}_{code}" in names for code in LANGUAGE_CODES)


def document_ids(page, language: str) -> list[int]:
    """The ids of the documents `page` uses in `language`, in field order, once each."""
    document_model = get_document_model()
    found: list[int] = []
    fields = [f for f in page._meta.concrete_fields if not f.primary_key]
    names = {f.name for f in fields}
    for field in fields:
        if _is_translated_original(field, names):
            continue
        field_language = _language_of(field.name)
        if field_language not in (None, language):
            continue
        if isinstance(field, models.ForeignKey):
            if field.related_model is document_model and getattr(page, field.attname):
                found.append(getattr(page, field.attname))
            continue
        value = getattr(page, field.name, None)
        if not value:
            continue
        if isinstance(field, StreamField):
            references = value.stream_block.extract_references(value)
        elif isinstance(field, RichTextField):
            references = extract_references_from_rich_text(value)
        else:
            continue
        for model, object_id, _path, _content_path in references:
            if model is not None and issubclass(model, document_model):
                try:
                    found.append(int(object_id))
                except (TypeError, ValueError):
                    continue
    return list(dict.fromkeys(found))


def _restricted_paths() -> list[str]:
    return list(
        CollectionViewRestriction.objects.values_list("collection__path", flat=True).distinct()
    )


def allowed_documents(ids: Iterable[int], agency) -> list:
    """The documents of `ids` that may be indexed for a page of `agency`: in the
    agency's collection (or below it) and in no collection with a view restriction."""
    ids = list(ids)
    if not ids or agency is None or agency.collection_id is None:
        return []
    home = Collection.objects.filter(pk=agency.collection_id).values_list("path", flat=True)
    home = next(iter(home), None)
    if home is None:
        return []
    restricted = _restricted_paths()
    documents = get_document_model().objects.filter(
        pk__in=ids, collection__path__startswith=home
    ).select_related("collection")
    by_id = {}
    for document in documents:
        path = document.collection.path
        if any(path.startswith(private) for private in restricted):
            continue
        by_id[document.pk] = document
    return [by_id[pk] for pk in ids if pk in by_id]


def attachments_for(page, language: str, agency) -> list[Attachment]:
    """The attachments of `page` in `language` with their text (those without any text
    left out), at most `MAX_PAGE_CHARS` of text in all."""
    result, budget = [], MAX_PAGE_CHARS
    for document in allowed_documents(document_ids(page, language), agency):
        if budget <= 0:
            break
        text = extract_text(document)[:budget]
        if not text:
            continue
        budget -= len(text)
        result.append(Attachment(document.pk, document.title, document.url, text))
    return result


# --- extraction -------------------------------------------------------------------------
def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise UnreadableDocument("encrypted PDF (a password is needed)")
    texts, size = [], 0
    for page in reader.pages:
        text = page.extract_text() or ""
        texts.append(text)
        size += len(text)
        if size >= MAX_TEXT_CHARS:
            break
    return "\n".join(texts)


def _check_zip(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise UnreadableDocument("the archive unpacks to more than the limit")


def _docx_text(data: bytes) -> str:
    _check_zip(data)
    document = docx.Document(io.BytesIO(data))
    texts, size = [], 0
    blocks = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            blocks.extend(cell.text for cell in row.cells)
    for text in blocks:
        texts.append(text)
        size += len(text)
        if size >= MAX_TEXT_CHARS:
            break
    return "\n".join(texts)


def _odt_text(data: bytes) -> str:
    _check_zip(data)
    document = load(io.BytesIO(data))
    texts: list[str] = []
    size = 0
    stack = [document.text]
    while stack and size < MAX_TEXT_CHARS:
        node = stack.pop()
        if getattr(node, "qname", None) in _ODT_BLOCKS:
            text = teletype.extractText(node)
            texts.append(text)
            size += len(text)
            continue
        stack.extend(reversed(getattr(node, "childNodes", []) or []))
    return "\n".join(texts)


_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ODT_BLOCKS = {(_TEXT_NS, "p"), (_TEXT_NS, "h")}

EXTRACTORS: dict[str, Callable[[bytes], str]] = {
    "pdf": _pdf_text,
    "docx": _docx_text,
    "odt": _odt_text,
}


def _extension(document) -> str:
    return (document.file_extension or "").lower().lstrip(".")


def _read(document) -> bytes | None:
    """The file's bytes, or None when it is missing, unreadable or too large."""
    try:
        size = document.file.size
        if size > MAX_FILE_BYTES:
            logger.warning("Attachment %s not indexed: %d bytes is over the limit",
                           document.pk, size)
            return None
        with document.file.open("rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as error:
        logger.warning("Attachment %s not indexed: the file cannot be read (%s)",
                       document.pk, error)
        return None


def _clean(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.replace(PART, " ").splitlines())
    return "\n".join(line for line in lines if line)[:MAX_TEXT_CHARS]


def parse(data: bytes, extension: str, label: str = "") -> str:
    """The text of a file's bytes ("" when the format is not read here or the file
    cannot be parsed: logged, never raised)."""
    extractor = EXTRACTORS.get(extension)
    if extractor is None:
        return ""
    try:
        return _clean(extractor(data))
    except UnreadableDocument as error:
        logger.warning("Attachment %s not indexed: %s", label, error)
    except Exception:  # noqa: BLE001 - a malformed file may fail anywhere in a parser
        logger.warning("Attachment %s not indexed: its %s cannot be parsed", label,
                       extension.upper(), exc_info=True)
    return ""


def cache_key(file_hash: str, extension: str) -> str:
    return f"search:attachment-text:{CACHE_VERSION}:{extension}:{file_hash}"


def _remember(key: str, text: str) -> None:
    _local[key] = text
    _local.move_to_end(key)
    while len(_local) > _LOCAL_CACHE_SIZE:
        _local.popitem(last=False)


def extract_text(document) -> str:
    """The text of `document` (cleaned and bounded), "" when it has none or cannot be
    read; cached by the hash of its bytes."""
    extension = _extension(document)
    if extension not in EXTRACTORS:
        return ""
    data = None
    file_hash = document.file_hash
    if not file_hash:
        data = _read(document)
        if data is None:
            return ""
        file_hash = hashlib.sha1(data).hexdigest()  # noqa: S324 - a content key, as Wagtail's
    key = cache_key(file_hash, extension)
    if key in _local:
        return _local[key]
    text = cache.get(key)
    if text is None:
        if data is None:
            data = _read(document)
            if data is None:
                return ""
        text = parse(data, extension, f"{document.pk} ({document.title})")
        cache.set(key, text, CACHE_TIMEOUT)
    _remember(key, text)
    return text


def forget_cached_texts() -> None:
    """Empty this process's cache of extracted texts (tests)."""
    _local.clear()
