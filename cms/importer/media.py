"""Images and documents of a record, stored in the agency's collection.

A file whose bytes are already in the agency's collection (same hash) is reused, so a
re-import or two records sharing a picture make one image. Files written to storage
during a record that is then rolled back are deleted again (`discard`): the database
savepoint does not cover the storage.
"""

import io
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike


class AgencyMedia:
    def __init__(self, agency):
        self.agency = agency
        self.collection = agency.collection
        self.stored: list = []  # files written for the current record

    def _hash(self, data: bytes) -> str:
        return hash_filelike(io.BytesIO(data))

    def image(self, path: Path, title: str):
        Image = get_image_model()
        data = path.read_bytes()
        file_hash = self._hash(data)
        existing = Image.objects.filter(collection=self.collection, file_hash=file_hash).first()
        if existing is not None:
            return existing
        image = Image(title=(title or path.name)[:255], collection=self.collection)
        image.file = ImageFile(io.BytesIO(data), name=f"{self.agency.slug}-{path.name}")
        image.file_size = len(data)
        image.file_hash = file_hash
        image.save()
        self.stored.append(image.file)
        return image

    def document(self, path: Path, title: str):
        Document = get_document_model()
        data = path.read_bytes()
        file_hash = self._hash(data)
        existing = Document.objects.filter(collection=self.collection, file_hash=file_hash).first()
        if existing is not None:
            return existing
        document = Document(title=(title or path.name)[:255], collection=self.collection)
        document.file = ContentFile(data, name=f"{self.agency.slug}-{path.name}")
        document.file_size = len(data)
        document.file_hash = file_hash
        document.save()
        self.stored.append(document.file)
        return document

    def commit(self) -> None:
        self.stored = []

    def discard(self) -> None:
        """Delete the files written for a record that did not go in."""
        for stored in self.stored:
            stored.storage.delete(stored.name)
        self.stored = []
