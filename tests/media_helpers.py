"""Images and documents of an agency, and pages that use them (the uses Wagtail's
ReferenceIndex records, which decide what is published)."""

import datetime

from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.pages.models import NewsPage


def make_image(collection, title):
    return Image.objects.create(
        title=title, file=get_test_image_file(filename=f"{title}.png"), collection=collection
    )


def make_document(collection, title, content=b"text"):
    return Document.objects.create(
        title=title, file=ContentFile(content, name=f"{title}.txt"), collection=collection
    )


def news_using(agency, slug, *, image=None, document=None, live=True):
    """A news item whose lead image is `image` and whose body links `document`."""
    section = agency.home_page.get_children().get(slug="news")
    page = NewsPage(slug=slug, date=datetime.date(2026, 3, 1), lead_image=image)
    page.title_kk = f"Жаңалық {slug}"
    page.title_ru = f"Новость {slug}"
    body = [("paragraph", "<p>Мәтін.</p>")]
    if image is not None:
        body.append(("image", {"image": image, "alt": "Сурет", "caption": ""}))
    if document is not None:
        body.append(("document", {"document": document, "title": "Құжат"}))
    page.body_kk = body
    page.body_ru = [("paragraph", "<p>Текст.</p>")]
    page.live = live
    section.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return page
