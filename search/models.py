"""What the search app stores in the project's database.

`SearchEntry` is one index document of the embedded database engine (one page in one
language). Its full-text index is not a Django field: migration 0002 adds, on SQLite,
an FTS5 table kept in sync by triggers and, on PostgreSQL, a generated tsvector column
with a GIN index. Both are built from `title_terms` and `body_terms`, the strings of
terms that `search.analysis.analyze` produced, so the database only splits on spaces.

`IndexOutbox` records, in the transaction of a publish, move or delete, which pages
the engines must update; `search.indexing.drain_outbox` empties it.
"""

from django.db import models


class SearchEntry(models.Model):
    doc_id = models.CharField(max_length=40, unique=True)
    page_id = models.IntegerField(db_index=True)
    agency = models.CharField(max_length=50, blank=True)
    # Slugs of the agency's parent bodies, space-separated with a space at each end
    # (" ministry-x committee-y ") so that one slug is matched whole.
    agency_ancestors = models.CharField(max_length=1000, blank=True)
    agency_name = models.CharField(max_length=255, blank=True)
    language = models.CharField(max_length=5)
    page_type = models.CharField(max_length=50)
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=1000)
    date = models.DateField(null=True)
    year = models.IntegerField(null=True)
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    tags = models.TextField(blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["language", "agency"], name="search_entry_lang_agency"),
            models.Index(fields=["language", "date"], name="search_entry_lang_date"),
        ]

    def __str__(self) -> str:
        return self.doc_id


class IndexOutbox(models.Model):
    class Action(models.TextChoices):
        UPSERT = "upsert", "upsert"
        DELETE = "delete", "delete"

    page_id = models.IntegerField()
    action = models.CharField(max_length=10, choices=Action.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.action} page {self.page_id}"
