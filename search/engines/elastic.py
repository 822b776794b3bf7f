"""Elasticsearch 8 / OpenSearch 2-3 over HTTP (settings.SEARCH_URL).

One concrete index `<prefix>-pages-<timestamp>` behind the alias `<prefix>-pages`;
`rebuild` loads a new concrete index and swaps the alias in one atomic request.
The *_terms fields hold the terms analysed in Python and use the plain whitespace
analyzer, so this engine matches exactly what the database engine matches; the
score is the same explicit sum of constant scores (see `search.engines.base`).

The Elasticsearch 8 client sends `application/vnd.elasticsearch+json;
compatible-with=8`, which OpenSearch (and osmem-server) reject; `PlainJsonTransport`
sends plain `application/json`, which Elasticsearch 8 accepts as well.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.utils import timezone
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout, Transport, TransportError
from elasticsearch import ApiError, Elasticsearch, NotFoundError
from elasticsearch.helpers import BulkIndexError, streaming_bulk

from .base import (
    SCORE_ALL_TERMS,
    SCORE_ANY_SHARE,
    SCORE_PHRASE,
    SCORE_TITLE_ALL,
    SCORE_TITLE_SHARE,
    Hit,
    ProgressCallback,
    SearchEngine,
    SearchEngineError,
    SearchQuery,
    SearchResults,
    distinct,
    empty_results,
    sort_facet,
)

ENGINE_ERRORS = (TransportError, ApiError, BulkIndexError)
UNREACHABLE_ERRORS = (TransportConnectionError, ConnectionTimeout)
# After a connection failure, calls to the same URL fail at once for this many seconds
# (a search falls back to the database, a drain keeps its rows) instead of each
# waiting for the timeout.
UNREACHABLE_PAUSE = 10.0
WRITE_TIMEOUT = 30.0
_unreachable_until: dict[str, float] = {}
_COMPAT_MIMETYPE = re.compile(r"application/vnd\.elasticsearch\+([a-z-]+); ?compatible-with=\d+")
BULK_CHUNK = 500
FACET_SIZE = 200

MAPPING = {
    "dynamic": "strict",
    "properties": {
        "page_id": {"type": "long"},
        "agency": {"type": "keyword"},
        "agency_ancestors": {"type": "keyword"},
        "agency_name": {"type": "keyword", "index": False},
        "language": {"type": "keyword"},
        "page_type": {"type": "keyword"},
        "title": {"type": "text", "index": False},
        "summary": {"type": "text", "index": False},
        "body": {"type": "text", "index": False},
        "url": {"type": "keyword", "index": False},
        "date": {"type": "date", "format": "yyyy-MM-dd"},
        "year": {"type": "integer"},
        "title_terms": {"type": "text", "analyzer": "whitespace"},
        "body_terms": {"type": "text", "analyzer": "whitespace"},
        "tags": {"type": "keyword"},
    },
}
INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0}


class PlainJsonTransport(Transport):
    """Send application/json (and application/x-ndjson) instead of the ES 8
    compatibility media type."""

    def perform_request(self, method, target, *, headers=None, **kwargs):
        if headers:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                value = headers.get(name)
                if value:
                    headers[name] = _COMPAT_MIMETYPE.sub(r"application/\1", value)
        return super().perform_request(method, target, headers=headers, **kwargs)


def _source(doc: dict) -> dict:
    source = {k: v for k, v in doc.items() if k != "id"}
    if isinstance(source.get("date"), date):
        source["date"] = source["date"].isoformat()
    return source


def _parse_date(value):
    if not value:
        return None
    return date.fromisoformat(str(value)[:10])


class ElasticEngine(SearchEngine):
    name = "elastic"

    def __init__(self, url: str | None = None, prefix: str | None = None,
                 timeout: float | None = None):
        self.url = url or settings.SEARCH_URL
        self.prefix = prefix or settings.SEARCH_INDEX_PREFIX
        self.timeout = float(timeout if timeout is not None else settings.SEARCH_TIMEOUT)
        self.client = Elasticsearch(
            self.url,
            transport_class=PlainJsonTransport,
            request_timeout=self.timeout,
            max_retries=0,
            retry_on_timeout=False,
        )
        # Writes and index management may take longer than a search should.
        self.writer = self.client.options(request_timeout=max(self.timeout, WRITE_TIMEOUT))

    @property
    def alias(self) -> str:
        return f"{self.prefix}-pages"

    def _call(self, fn, *args, **kwargs):
        down_until = _unreachable_until.get(self.url, 0.0)
        if time.monotonic() < down_until:
            raise SearchEngineError(
                f"{self.name} ({self.url}) was unreachable; not retried for "
                f"{down_until - time.monotonic():.0f} s"
            )
        try:
            return fn(*args, **kwargs)
        except UNREACHABLE_ERRORS as exc:
            _unreachable_until[self.url] = time.monotonic() + UNREACHABLE_PAUSE
            raise SearchEngineError(f"{self.name} ({self.url}): {exc}") from exc
        except ENGINE_ERRORS as exc:
            raise SearchEngineError(f"{self.name} ({self.url}): {exc}") from exc

    @classmethod
    def forget_failures(cls) -> None:
        """Retry unreachable engines at once (an operator's explicit sync)."""
        _unreachable_until.clear()

    # --- index management -------------------------------------------------------
    def _new_index_name(self) -> str:
        return f"{self.alias}-{timezone.now().strftime('%Y%m%d%H%M%S%f')}"

    def _create_index(self, name: str) -> None:
        self.writer.indices.create(index=name, mappings=MAPPING, settings=INDEX_SETTINGS)

    def _aliased_indices(self) -> list[str]:
        try:
            return sorted(self.client.indices.get_alias(name=self.alias).body)
        except NotFoundError:
            return []

    def ensure_index(self) -> None:
        """Create the first concrete index and the alias if there is none yet."""

        def ensure():
            if self._aliased_indices():
                return
            name = self._new_index_name()
            self._create_index(name)
            self.writer.indices.update_aliases(
                actions=[{"add": {"index": name, "alias": self.alias}}]
            )

        self._call(ensure)

    # --- writing ----------------------------------------------------------------
    def _bulk(self, actions: Iterable[dict], progress_callback=None, total: int = 0,
              index: str | None = None) -> int:
        target = index or self.alias
        done = 0

        def tagged():
            for action in actions:
                yield {"_index": target, **action}

        for _ok, _item in streaming_bulk(
            self.writer, tagged(), chunk_size=BULK_CHUNK, ignore_status=(404,),
            raise_on_error=True, max_retries=0,
        ):
            done += 1
            if progress_callback and done % BULK_CHUNK == 0:
                progress_callback(done, total)
        if progress_callback:
            progress_callback(done, total)
        return done

    def index(self, docs: Iterable[dict]) -> int:
        self.ensure_index()
        actions = ({"_id": d["id"], "_source": _source(d)} for d in docs)
        return self._call(self._bulk, actions)

    def delete(self, ids: Iterable[str]) -> None:
        self.ensure_index()
        actions = ({"_op_type": "delete", "_id": i} for i in ids)
        self._call(self._bulk, actions)

    def delete_page(self, page_id: int) -> None:
        self.ensure_index()
        self._call(self.writer.delete_by_query, index=self.alias,
                   query={"term": {"page_id": page_id}}, conflicts="proceed")

    def replace_pages(self, page_ids: Iterable[int], docs: Iterable[dict]) -> None:
        from search.documents import all_doc_ids

        docs = list(docs)
        keep = {d["id"] for d in docs}
        stale = [i for pid in set(page_ids) for i in all_doc_ids(pid) if i not in keep]
        self.ensure_index()
        actions = [{"_op_type": "delete", "_id": i} for i in stale]
        actions += [{"_id": d["id"], "_source": _source(d)} for d in docs]
        self._call(self._bulk, actions)

    def rebuild(self, docs: Iterable[dict], progress_callback: ProgressCallback | None = None,
                total: int = 0) -> int:
        """Load a new concrete index, then point the alias at it and drop the old ones."""

        def run():
            name = self._new_index_name()
            self._create_index(name)
            actions = ({"_id": d["id"], "_source": _source(d)} for d in docs)
            done = self._bulk(actions, progress_callback, total, index=name)
            self.writer.indices.refresh(index=name)
            old = self._aliased_indices()
            swap = [{"remove": {"index": o, "alias": self.alias}} for o in old]
            swap.append({"add": {"index": name, "alias": self.alias}})
            self.writer.indices.update_aliases(actions=swap)
            for o in old:
                self.writer.indices.delete(index=o)
            return done

        return self._call(run)

    def refresh(self) -> None:
        self._call(self.writer.indices.refresh, index=self.alias)

    def drop(self) -> None:
        """Delete the alias's indices (tests and teardown)."""

        def run():
            for name in self._aliased_indices():
                self.writer.indices.delete(index=name)

        self._call(run)

    # --- what a rebuild that died left behind -------------------------------------
    def orphan_indices(self) -> list[tuple[str, datetime]]:
        """The concrete indices `<alias>-<timestamp>` the alias does not point at, with
        their creation time: a rebuild loads one, and only a rebuild that died leaves
        it there (or one still running). The strict name pattern spares another
        deployment's indices whose prefix happens to start with ours."""

        def run():
            pattern = re.compile(rf"{re.escape(self.alias)}-(\d{{20}})")
            found = self.client.indices.get_settings(
                index=f"{self.alias}-*", allow_no_indices=True, expand_wildcards="all"
            ).body
            aliased = set(self._aliased_indices())
            orphans = []
            for name, body in sorted(found.items()):
                match = pattern.fullmatch(name)
                if not match or name in aliased:
                    continue
                # The later of the engine's creation date and the name's timestamp
                # (another clock): a young index may be a rebuild in progress.
                created = datetime.strptime(match[1], "%Y%m%d%H%M%S%f").replace(tzinfo=UTC)
                millis = body.get("settings", {}).get("index", {}).get("creation_date")
                if millis:
                    created = max(created, datetime.fromtimestamp(int(millis) / 1000, UTC))
                orphans.append((name, created))
            return orphans

        return self._call(run)

    def delete_orphan_indices(self, older_than: float) -> list[str]:
        """Delete the orphan indices created more than `older_than` seconds ago."""
        limit = timezone.now() - timedelta(seconds=older_than)
        names = [name for name, created in self.orphan_indices() if created < limit]
        for name in names:
            self._call(self.writer.indices.delete, index=name, ignore_unavailable=True)
        return names

    # --- reading ----------------------------------------------------------------
    def ping(self) -> bool:
        try:
            self.client.info()
        except ENGINE_ERRORS:
            return False
        return True

    def counts(self) -> dict[tuple[str, str], int]:
        if not self._call(self._aliased_indices):
            return {}
        body = self._call(
            self.client.search,
            index=self.alias,
            size=0,
            aggs={
                "agency": {
                    "terms": {"field": "agency", "size": 10000, "missing": ""},
                    "aggs": {"language": {"terms": {"field": "language", "size": 10}}},
                }
            },
        ).body
        return {
            (bucket["key"], lang["key"]): lang["doc_count"]
            for bucket in body["aggregations"]["agency"]["buckets"]
            for lang in bucket["language"]["buckets"]
        }

    def _query(self, query: SearchQuery, sequence: list[str], terms: list[str]) -> dict:
        def const(clause, boost):
            return {"constant_score": {"filter": clause, "boost": boost}}

        def anywhere(term):
            return {"bool": {"should": [{"term": {"title_terms": term}},
                                        {"term": {"body_terms": term}}],
                             "minimum_should_match": 1}}

        should = [const({"bool": {"must": [anywhere(t) for t in terms]}}, SCORE_ALL_TERMS)]
        if len(terms) > 1:
            phrase = " ".join(sequence)
            should.append(const({"bool": {"should": [
                {"match_phrase": {"title_terms": phrase}},
                {"match_phrase": {"body_terms": phrase}},
            ], "minimum_should_match": 1}}, SCORE_PHRASE))
        should.append(const({"bool": {"must": [{"term": {"title_terms": t}} for t in terms]}},
                            SCORE_TITLE_ALL))
        should += [const({"term": {"title_terms": t}}, SCORE_TITLE_SHARE / len(terms))
                   for t in terms]
        should += [const(anywhere(t), SCORE_ANY_SHARE / len(terms)) for t in terms]

        filters: list[dict] = [
            {"term": {"language": query.language}},
            {"bool": {"should": [{"terms": {"title_terms": terms}},
                                 {"terms": {"body_terms": terms}}],
                      "minimum_should_match": 1}},
        ]
        if query.agency:
            if query.include_subordinate:
                filters.append({"bool": {"should": [
                    {"term": {"agency": query.agency}},
                    {"term": {"agency_ancestors": query.agency}},
                ], "minimum_should_match": 1}})
            else:
                filters.append({"term": {"agency": query.agency}})
        if query.page_type:
            filters.append({"term": {"page_type": query.page_type}})
        if query.year:
            filters.append({"term": {"year": int(query.year)}})
        return {"bool": {"filter": filters, "should": should}}

    def search(self, query: SearchQuery) -> SearchResults:
        sequence = query.terms()
        terms = distinct(sequence)
        if not terms:
            return empty_results(query)
        if query.sort == "date":
            sort = [{"date": {"order": "desc", "missing": "_last"}}, "_score",
                    {"page_id": "desc"}]
        else:
            sort = ["_score", {"date": {"order": "desc", "missing": "_last"}},
                    {"page_id": "desc"}]
        body = self._call(
            self.client.search,
            index=self.alias,
            query=self._query(query, sequence, terms),
            sort=sort,
            from_=query.offset,
            size=query.per_page,
            track_total_hits=True,
            track_scores=True,
            source_excludes=["body", "title_terms", "body_terms"],
            aggs={
                "agency": {"terms": {"field": "agency", "size": FACET_SIZE, "missing": ""}},
                "page_type": {"terms": {"field": "page_type", "size": FACET_SIZE}},
                "year": {"terms": {"field": "year", "size": FACET_SIZE}},
            },
        ).body
        aggs = body.get("aggregations", {})
        facets = {
            name: sort_facet(
                name,
                ((int(b["key"]) if name == "year" else b["key"], b["doc_count"])
                 for b in aggs.get(name, {}).get("buckets", [])),
            )
            for name in ("agency", "page_type", "year")
        }
        hits = [self._hit(h) for h in body["hits"]["hits"]]
        return SearchResults(total=body["hits"]["total"]["value"], hits=hits, facets=facets,
                             query=query)

    @staticmethod
    def _hit(raw: dict) -> Hit:
        src = raw["_source"]
        return Hit(
            id=raw["_id"],
            page_id=int(src["page_id"]),
            title=src.get("title", ""),
            url=src.get("url", ""),
            summary=src.get("summary", ""),
            date=_parse_date(src.get("date")),
            agency=src.get("agency", ""),
            agency_name=src.get("agency_name", ""),
            language=src.get("language", ""),
            page_type=src.get("page_type", ""),
            score=float(raw.get("_score") or 0.0),
        )

