"""What the checks read of one agency's site, loaded once in a few bounded queries:
its live public pages (plain `Page` rows, no StreamField decoded), the sections, and
the references between pages (Wagtail's reference index)."""

import datetime
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import Page

from cms.pages.privacy import public
from cms.tenants.models import Agency

from ..rules import RuleBook


def local_date(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(moment) if moment is not None else None


class AgencySite:
    """One agency's site as the checks see it, on day `today`."""

    def __init__(self, agency: Agency, today: datetime.date):
        self.agency = agency
        self.today = today
        self.rules = RuleBook(agency.category)
        self.home = agency.home_page
        pages = public(Page.objects.live().filter(path__startswith=self.home.path)).order_by(
            "path"
        )
        self.pages: list[Page] = list(pages)
        self.by_id = {page.pk: page for page in self.pages}
        self.page_ct = ContentType.objects.get_for_model(Page)

    @cached_property
    def sections(self) -> list[Page]:
        """The live top-level sections (children of the home page)."""
        return [page for page in self.pages if page.depth == self.home.depth + 1]

    def section_of(self, page: Page) -> Page | None:
        if page.depth <= self.home.depth:
            return None
        path = page.path[: (self.home.depth + 1) * Page.steplen]
        return next((s for s in self.sections if s.path == path), None)

    def descendants(self, page: Page) -> list[Page]:
        return [p for p in self.pages if p.path.startswith(page.path) and p.pk != page.pk]

    @cached_property
    def drafts(self) -> list[Page]:
        """Pages of the agency never published yet (not live), in its tree."""
        return list(
            Page.objects.filter(
                path__startswith=self.home.path, live=False, first_published_at__isnull=True
            )
        )

    @cached_property
    def specific_pages(self) -> list[Page]:
        """The live pages as their own types (one query per page type)."""
        return list(Page.objects.filter(pk__in=list(self.by_id)).specific().order_by("path"))

    @cached_property
    def references(self) -> list[tuple[int, type, str, str]]:
        """(source page id, target model, target id, field name) of every object the
        live pages' content refers to: rich text links, page and document choosers.

        Read from the content itself with each field's `extract_references` (the
        public half of Wagtail's reference index), not from the index's rows: Wagtail
        deletes the rows pointing to a page when the page is deleted, which would hide
        exactly the links that are broken."""
        found = []
        for page in self.specific_pages:
            for field in page._meta.get_fields():
                extract = getattr(field, "extract_references", None)
                if extract is None or not hasattr(field, "value_from_object"):
                    continue
                value = field.value_from_object(page)
                if not value:
                    continue
                for to_model, to_id, _model_path, _content_path in extract(value):
                    found.append((page.pk, to_model, str(to_id), field.name))
        return found

    @cached_property
    def page_links(self) -> dict[int, set[int]]:
        """{live page id: ids of the pages it links to}."""
        links: dict[int, set[int]] = {}
        for source, to_model, to_id, _field in self.references:
            if issubclass(to_model, Page) and to_id.isdigit():
                links.setdefault(source, set()).add(int(to_id))
        return links

    @staticmethod
    def string_pks(queryset):
        return queryset.annotate(key=Cast("pk", CharField())).values("key")
