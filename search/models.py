"""What the search app stores in the project's database.

`SearchEntry` is one index document of the embedded database engine (one page in one
language). Its full-text index is not a Django field: migration 0002 adds, on SQLite,
an FTS5 table kept in sync by triggers and, on PostgreSQL, a generated tsvector column
with a GIN index. Both are built from `title_terms` and `body_terms`, the strings of
terms that `search.analysis.analyze` produced, so the database only splits on spaces.

`IndexOutbox` records, in the transaction of a publish, move or delete, which pages
the engines must update; `search.indexing.drain_outbox` empties it.

`PromotedResult` (an agency's chosen pages for a query, see `search.promotions`) and
`SearchQueryLog` (queries per day, see `search.querylog`) serve the agencies' editors.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.core.languages import LANGUAGE_CODES
from cms.tenants.isolation.logging import AgencyLogEntry


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


class IntArrayField(models.Field):
    """An integer array on PostgreSQL (read and written by the database engine's raw
    SQL only); plain text elsewhere, where the tables it lives in stay empty."""

    def db_type(self, connection):
        return "integer[]" if connection.vendor == "postgresql" else "text"


class SearchTerm(models.Model):
    """PostgreSQL engine: the dictionary of analysed terms (see `SearchMatch`)."""

    id = models.AutoField(primary_key=True)  # integer: the arrays hold these ids
    term = models.TextField(unique=True)

    def __str__(self) -> str:
        return self.term


class SearchMatch(models.Model):
    """PostgreSQL engine: what a search matches, counts and ranks on, one narrow row per
    `SearchEntry` (same id; migration 0006 adds the ON DELETE CASCADE key and the GIN
    index). `term_ids` are the ids of the entry's distinct title and body terms and
    filter tokens, and the negated ids of its title terms; `title_ids` the title's
    terms in order (for title phrases). A common word matches
    tens of thousands of rows: counting them in this table, about a fifth of the width
    of `SearchEntry` and without its large texts and vectors, is what keeps searches
    fast. Empty on SQLite, which matches through FTS5."""

    entry = models.OneToOneField(
        SearchEntry, primary_key=True, on_delete=models.DO_NOTHING, db_constraint=False,
        related_name="+",
    )
    page_id = models.IntegerField()
    agency = models.CharField(max_length=50, blank=True)
    agency_ancestors = models.CharField(max_length=1000, blank=True)
    language = models.CharField(max_length=5)
    page_type = models.CharField(max_length=50)
    date = models.DateField(null=True)
    year = models.IntegerField(null=True)
    term_ids = IntArrayField()
    title_ids = IntArrayField()
    # The ids of the entry's feature tokens (`search.engines.base.feature_tokens`):
    # read only to score candidates, so they stay out of the GIN-indexed `term_ids`
    # that every search scans and counts. NULL: indexed before them (level 1 only).
    feature_ids = IntArrayField(null=True)

    def __str__(self) -> str:
        return f"match {self.entry_id}"


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


class IndexRebuild(models.Model):
    """A `search_index rebuild` of one engine in progress (see `search.indexing`).

    While it runs, every drain records the pages it applied in `IndexRebuildChange`
    (and leaves the database engine alone while that engine is rebuilt); when the new
    index is in place, the rebuild replays those pages, so no change made during the
    rebuild is lost. A rebuild that died stops counting once `heartbeat_at` is older
    than `STALE_AFTER_SECONDS` (the database engine's rebuild, one transaction, can
    only beat when it starts); the next drain, `search_index sync` or rebuild then
    requeues its recorded pages and deletes the marker (`recover_dead_rebuilds`)."""

    STALE_AFTER_SECONDS = 3600

    engine = models.CharField(max_length=20)
    started_at = models.DateTimeField(auto_now_add=True)
    heartbeat_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"rebuild of {self.engine} since {self.started_at}"


class IndexRebuildChange(models.Model):
    rebuild = models.ForeignKey(IndexRebuild, on_delete=models.CASCADE, related_name="changes")
    page_id = models.IntegerField()

    def __str__(self) -> str:
        return f"page {self.page_id} changed during {self.rebuild_id}"


LANGUAGE_ALL = "all"
QUERY_MAX_LENGTH = 255


def promoted_language_choices():
    from django.conf import settings

    return [(LANGUAGE_ALL, _("All languages")), *settings.LANGUAGES]


class PromotedResult(models.Model):
    """A page an agency's editors put first for a query on the agency's search page.

    `query` is what the editor typed; `query_kk`, `query_ru` and `query_en` are its
    normalised keys in each language (`search.analysis.analyze_query`, sorted), so a
    citizen's inflected form or another word order still meets the promotion.
    """

    agency = models.ForeignKey(
        "tenants.Agency",
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        related_name="promoted_results",
    )
    query = models.CharField(
        _("search query"),
        max_length=QUERY_MAX_LENGTH,
        help_text=_("The words citizens type; other word forms of them match too."),
    )
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=promoted_language_choices,
        default=LANGUAGE_ALL,
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)
    query_kk = models.CharField(max_length=QUERY_MAX_LENGTH * 2, blank=True, editable=False)
    query_ru = models.CharField(max_length=QUERY_MAX_LENGTH * 2, blank=True, editable=False)
    query_en = models.CharField(max_length=QUERY_MAX_LENGTH * 2, blank=True, editable=False)

    class Meta:
        verbose_name = _("promoted result")
        verbose_name_plural = _("promoted results")
        ordering = ["agency", "query", "sort_order", "pk"]
        indexes = [
            models.Index(fields=["agency", "query_kk"], name="search_promo_kk"),
            models.Index(fields=["agency", "query_ru"], name="search_promo_ru"),
            models.Index(fields=["agency", "query_en"], name="search_promo_en"),
        ]

    def __str__(self) -> str:
        return f"{self.query} → {self.page_id}"

    def save(self, *args, **kwargs):
        self.query = normalise_query_text(self.query)
        for lang in LANGUAGE_CODES:
            setattr(self, f"query_{lang}", query_key(self.query, lang))
        super().save(*args, **kwargs)

    def clean(self):
        from django.core.exceptions import ValidationError

        from cms.tenants.scoping import agency_home_path

        super().clean()
        self.query = normalise_query_text(self.query)
        errors = {}
        if not any(query_key(self.query, lang) for lang in LANGUAGE_CODES):
            errors["query"] = _("Enter at least one word that can be searched for.")
        if self.agency_id and self.page_id:
            home_path = _agency_home_path(self.agency_id)
            page_path = agency_home_path(self.page)
            if home_path is None or page_path != home_path:
                errors["page"] = _("Choose a page of this agency's site.")
        if errors:
            raise ValidationError(errors)


def _agency_home_path(agency_id: int) -> str | None:
    from cms.pages.models import AgencyHomePage

    return (
        AgencyHomePage.objects.filter(agency_record_id=agency_id)
        .values_list("path", flat=True)
        .first()
    )


class SearchQueryLog(models.Model):
    """How often a query was asked per day, per agency (None: the portal-wide search)
    and language, and how many of those asks found nothing."""

    agency = models.ForeignKey(
        "tenants.Agency",
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="search_queries",
    )
    language = models.CharField(_("language"), max_length=5)
    query = models.CharField(_("search query"), max_length=QUERY_MAX_LENGTH)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("searches"), default=0)
    zero_results = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        verbose_name = _("search query statistic")
        verbose_name_plural = _("search query statistics")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "language", "query", "day"],
                condition=models.Q(agency__isnull=False),
                name="search_querylog_unique_agency",
            ),
            models.UniqueConstraint(
                fields=["language", "query", "day"],
                condition=models.Q(agency__isnull=True),
                name="search_querylog_unique_portal",
            ),
        ]
        indexes = [models.Index(fields=["agency", "day"], name="search_querylog_agency_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.language} {self.query} ×{self.count}"


def normalise_query_text(text: str) -> str:
    """A query as typed, lowercased (NFC, casefolded) with its whitespace collapsed."""
    import unicodedata

    text = unicodedata.normalize("NFC", str(text or "")).casefold()
    return " ".join(text.split())[:QUERY_MAX_LENGTH]


def query_key(text: str, language: str) -> str:
    """The analysed, order-free key of a query in `language` ("" when nothing is searchable)."""
    from search.analysis import analyze_query

    return " ".join(sorted(set(analyze_query(text, language))))[: QUERY_MAX_LENGTH * 2]


SYNONYM_MAX_LENGTH = 1000


def synonym_language_choices():
    return list(settings.LANGUAGES)


def split_expressions(text: str) -> list[str]:
    """The expressions of a synonym list: separated by commas, semicolons or lines."""
    import re

    parts = (" ".join(p.split()) for p in re.split(r"[,;\n]+", str(text or "")))
    return list(dict.fromkeys(p for p in parts if p))


class SynonymBase(models.Model):
    """Words and expressions that mean the same in one language (ЭЦП, электронная
    цифровая подпись): a search for one of them also finds the others. Applied when a
    query is read (`search.engines.base.plan_query`), so no index rebuild is needed."""

    language = models.CharField(_("language"), max_length=5, choices=synonym_language_choices)
    terms = models.TextField(
        _("words and expressions"),
        max_length=SYNONYM_MAX_LENGTH,
        help_text=_(
            "Two or more words or expressions that mean the same, separated by commas, "
            "e.g. ЭЦП, электронная цифровая подпись."
        ),
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return ", ".join(split_expressions(self.terms))

    @property
    def expressions(self) -> list[str]:
        return split_expressions(self.terms)

    def clean(self):
        from django.core.exceptions import ValidationError

        from search.analysis import query_groups

        super().clean()
        expressions = split_expressions(self.terms)
        self.terms = ", ".join(expressions)
        searchable = [e for e in expressions if query_groups(e, self.language or "ru")]
        if len(searchable) < 2:
            raise ValidationError(
                {"terms": _("Enter at least two searchable words or expressions, "
                            "separated by commas.")}
            )


class PlatformSynonym(SynonymBase):
    """Synonyms for every search of the platform (edited by platform admins)."""

    class Meta:
        verbose_name = _("platform-wide search synonym")
        verbose_name_plural = _("platform-wide search synonyms")
        ordering = ["language", "terms"]


class AgencySynonym(SynonymBase):
    """An agency's own synonyms: they apply only to searches within that agency."""

    agency = models.ForeignKey(
        "tenants.Agency",
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        related_name="search_synonyms",
    )

    class Meta:
        verbose_name = _("agency search synonym")
        verbose_name_plural = _("agency search synonyms")
        ordering = ["agency", "language", "terms"]


class PromotedResultLogEntry(AgencyLogEntry):
    """Audit log of promoted results, carrying the agency for scoping."""

    class Meta(AgencyLogEntry.Meta):
        verbose_name = _("promoted result log entry")
        verbose_name_plural = _("promoted result log entries")
