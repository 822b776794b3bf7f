"""Elasticsearch 8 / OpenSearch 2-3 over HTTP (settings.SEARCH_URL).

One concrete index `<prefix>-pages-<timestamp>` behind the alias `<prefix>-pages`;
`rebuild` loads a new concrete index and swaps the alias in one atomic request.
The *_terms fields hold the terms analysed in Python and use the plain whitespace
analyzer, so this engine matches exactly what the database engine matches; the
score is the same explicit sum of constant scores (see `search.engines.base`).

The Elasticsearch 8 client sends `application/vnd.elasticsearch+json;
compatible-with=8`, which OpenSearch (and osmem-server) reject; `PlainJsonTransport`
sends plain `application/json`, which Elasticsearch 8 accepts as well.

The index is laid out for speed (measured on osmem-server: tests/benchmarks):

* `all_terms` is "<title_terms> | <body_terms>": a term "anywhere" is one term
  lookup instead of two, and a phrase is one `match_phrase`. The "|" token stops a
  phrase from running from the title into the body: query terms always hold a letter
  or digit (`base._usable`), so no phrase matches across it. (One string, not a
  two-value field: osmem-server's phrase query on a multi-valued field costs as much
  as the rest of the search.) `title_terms` stays for the title conditions; there is
  no separate body_terms field.
* Fields only filtered on have no doc values; fields only displayed are neither
  indexed nor have doc values; `body` is not sent at all (the results page reads the
  body for snippets from the database's SearchEntry), and the *_terms are not kept in
  `_source`.
* Numbers are keywords (numeric fields cost several times more to index):
  `date` ("yyyy-mm-dd", which sorts like the date), `year`, `page_id` (only filtered
  on). The tie-break on equal scores (newer first, then the higher page id) is one
  keyword, `sort_key` = "<date or 0000-00-00>|<page id, 20 digits>".
* The page-type and year facets come from one terms aggregation on
  `type_year` = "<page_type>|<year>", summed per value here (one pass over the
  matched set instead of two).

A changed layout bumps MAPPING_VERSION (kept in the index's `_meta`). An index of an
older version keeps taking writes only if its fields allow, and searches refuse it
(SearchEngineError, so `search()` answers from the database engine) until
`search_index rebuild --engine elastic` loads a new concrete index with the current
mapping and swaps the alias, which is the whole migration.
"""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from itertools import islice

from django.conf import settings
from django.utils import timezone
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout, Transport, TransportError
from elasticsearch import ApiError, Elasticsearch, NotFoundError
from elasticsearch.helpers import BulkIndexError, streaming_bulk

from .base import (
    BODY_LEVEL,
    BODY_LEVELS,
    EXACT,
    PRESENCE_FEATURES,
    SCORE_ALL_WORDS,
    SCORE_PHRASE,
    SCORE_TITLE_ALL,
    TIME_BOUND_TYPES,
    W_BODY,
    W_EXACT,
    W_TITLE,
    Hit,
    Plan,
    ProgressCallback,
    SearchEngine,
    SearchEngineError,
    SearchQuery,
    SearchResults,
    Slot,
    empty_results,
    feature_term,
    feature_tokens,
    freshness_since,
    searchable_body_terms,
    sort_date,
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
_clients: dict[tuple[str, float], Elasticsearch] = {}
_COMPAT_MIMETYPE = re.compile(r"application/vnd\.elasticsearch\+([a-z-]+); ?compatible-with=\d+")
# osmem-server spends about half as much per document on bulks of 1,000 documents as
# on bulks of 500 (tests/benchmarks; no further gain beyond ~1,300).
BULK_CHUNK = 1000
# A rebuild gathers the next chunk (documents built from the database) while another
# thread sends the previous one.
REBUILD_THREADS = 2
# Facets list every value of the matched set, as the database engine's do (terms
# aggregations need a bound: far above the agencies and page type x year pairs).
FACET_SIZE = 10000
MAPPING_VERSION = 3
_NO_DATE = "0000-00-00"
# Between the title's and the body's terms in all_terms: a token no query term equals.
_TITLE_BODY_GAP = "|"

_FILTER_ONLY = {"type": "keyword", "doc_values": False}
_DISPLAY_ONLY = {"type": "keyword", "index": False, "doc_values": False}
_TERMS = {"type": "text", "analyzer": "whitespace", "norms": False}
MAPPING = {
    "dynamic": "strict",
    "_meta": {"version": MAPPING_VERSION},
    "_source": {"excludes": ["title_terms", "all_terms"]},
    "properties": {
        "page_id": _FILTER_ONLY,
        "agency": {"type": "keyword"},
        "agency_ancestors": _FILTER_ONLY,
        "agency_name": _DISPLAY_ONLY,
        "language": {"type": "keyword"},
        "page_type": _FILTER_ONLY,
        "title": {"type": "text", "index": False},
        "summary": {"type": "text", "index": False},
        "url": _DISPLAY_ONLY,
        "date": {"type": "keyword"},
        "year": _FILTER_ONLY,
        "sort_key": {"type": "keyword"},
        "type_year": {"type": "keyword"},
        "title_terms": _TERMS,
        "all_terms": _TERMS,
        "tags": _FILTER_ONLY,
    },
}


def index_settings() -> dict:
    """Shards and replicas of a new concrete index (SEARCH_INDEX_SHARDS,
    SEARCH_INDEX_REPLICAS: one and none unless configured)."""
    return {
        "number_of_shards": settings.SEARCH_INDEX_SHARDS,
        "number_of_replicas": settings.SEARCH_INDEX_REPLICAS,
    }


# Mapping versions found current, per (url, concrete index): checked once per process.
_current_indices: set[tuple[str, str]] = set()


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


_NOT_SENT = frozenset(
    ("id", "body", "body_terms", "attachments", "attachment_terms", "attachment_parts")
)


def _source(doc: dict) -> dict:
    """The indexed document: see the module docstring for the derived fields."""
    source = {k: v for k, v in doc.items() if k not in _NOT_SENT}
    day = source.get("date")
    if isinstance(day, date):
        day = source["date"] = day.isoformat()
    tie = sort_date(doc.get("page_type") or "", doc.get("date"))
    source["sort_key"] = f"{(str(tie)[:10] if tie else _NO_DATE)}|{int(doc['page_id']):020d}"
    year = doc.get("year")
    source["type_year"] = f"{doc.get('page_type') or ''}|{year if year is not None else ''}"
    source["all_terms"] = " ".join(
        (
            doc.get("title_terms") or "",
            _TITLE_BODY_GAP,
            searchable_body_terms(doc),
            *feature_tokens(doc),
        )
    )
    return source


def _parse_date(value):
    if not value:
        return None
    return date.fromisoformat(str(value)[:10])


def _client(url: str, timeout: float) -> Elasticsearch:
    """One client (and its pool of kept-alive connections) per URL and timeout for the
    process: every search builds an engine, and a new client would open a new
    connection (and TLS session) each time. The client is thread-safe."""
    key = (url, timeout)
    client = _clients.get(key)
    if client is None:
        client = _clients[key] = Elasticsearch(
            url,
            transport_class=PlainJsonTransport,
            request_timeout=timeout,
            max_retries=0,
            retry_on_timeout=False,
        )
    return client


class ElasticEngine(SearchEngine):
    name = "elastic"

    def __init__(
        self, url: str | None = None, prefix: str | None = None, timeout: float | None = None
    ):
        self.url = url or settings.SEARCH_URL
        self.prefix = prefix or settings.SEARCH_INDEX_PREFIX
        self.timeout = float(timeout if timeout is not None else settings.SEARCH_TIMEOUT)
        self.client = _client(self.url, self.timeout)
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
        self.writer.indices.create(index=name, mappings=MAPPING, settings=index_settings())

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
    def _bulk(
        self,
        actions: Iterable[dict],
        progress_callback=None,
        total: int = 0,
        index: str | None = None,
        threads: int = 1,
    ) -> int:
        """Send `actions` in chunks of BULK_CHUNK. With threads > 1 (a rebuild: every id
        once) one thread sends a chunk while this one gathers the next: `actions` is
        always consumed here, since it may read the database (its connection belongs
        to this thread)."""
        target = index or self.alias

        def send(chunk) -> int:
            sent = 0
            for _ok, _item in streaming_bulk(
                self.writer,
                chunk,
                chunk_size=BULK_CHUNK,
                ignore_status=(404,),
                raise_on_error=True,
                max_retries=0,
            ):
                sent += 1
            return sent

        tagged = ({"_index": target, **action} for action in actions)
        chunks = iter(lambda: list(islice(tagged, BULK_CHUNK)), [])
        done = 0
        if threads > 1:
            with ThreadPoolExecutor(max_workers=threads - 1) as pool:
                in_flight: deque = deque()
                for chunk in chunks:
                    in_flight.append(pool.submit(send, chunk))
                    if len(in_flight) >= threads:
                        done += in_flight.popleft().result()
                        if progress_callback:
                            progress_callback(done, total)
                while in_flight:
                    done += in_flight.popleft().result()
        else:
            for chunk in chunks:
                done += send(chunk)
                if progress_callback:
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
        self._call(
            self.writer.delete_by_query,
            index=self.alias,
            query={"term": {"page_id": page_id}},
            conflicts="proceed",
        )

    def replace_pages(self, page_ids: Iterable[int], docs: Iterable[dict]) -> None:
        from search.documents import all_doc_ids

        docs = list(docs)
        keep = {d["id"] for d in docs}
        stale = [i for pid in set(page_ids) for i in all_doc_ids(pid) if i not in keep]
        self.ensure_index()
        actions = [{"_op_type": "delete", "_id": i} for i in stale]
        actions += [{"_id": d["id"], "_source": _source(d)} for d in docs]
        self._call(self._bulk, actions)

    def rebuild(
        self,
        docs: Iterable[dict],
        progress_callback: ProgressCallback | None = None,
        total: int = 0,
    ) -> int:
        """Load a new concrete index, then point the alias at it and drop the old ones."""

        def run():
            name = self._new_index_name()
            self._create_index(name)
            actions = ({"_id": d["id"], "_source": _source(d)} for d in docs)
            done = self._bulk(
                actions, progress_callback, total, index=name, threads=REBUILD_THREADS
            )
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

    def _query(self, query: SearchQuery, plan: Plan) -> dict:
        # The clauses are those of the score in search.engines.base.
        def const(clause, boost):
            return {"constant_score": {"filter": clause, "boost": boost}}

        def every(clauses):
            return clauses[0] if len(clauses) == 1 else {"bool": {"must": clauses}}

        def some(clauses):
            if len(clauses) == 1:
                return clauses[0]
            return {"bool": {"should": clauses, "minimum_should_match": 1}}

        def slot_q(slot: Slot, field: str = "all_terms", prefix: str = "") -> dict | None:
            alts = [a for a in slot.alternatives if not prefix or all(map(feature_term, a))]
            if not alts:
                return None
            return some([every([{"term": {field: prefix + t}} for t in alt]) for alt in alts])

        n = len(plan.slots)
        should = [
            const(every([slot_q(s) for s in plan.slots]), SCORE_ALL_WORDS * n),
            const(every([slot_q(s, "title_terms") for s in plan.slots]), SCORE_TITLE_ALL),
        ]
        if len(plan.sequence) > 1:
            should.append(
                const({"match_phrase": {"all_terms": " ".join(plan.sequence)}}, SCORE_PHRASE)
            )
        for slot in plan.slots:
            weighted = [(slot_q(slot), W_BODY / BODY_LEVELS)]
            weighted += [
                (slot_q(slot, prefix=f"{BODY_LEVEL}{k}"), W_BODY / BODY_LEVELS)
                for k in range(2, BODY_LEVELS + 1)
            ]
            weighted.append((slot_q(slot, "title_terms"), W_TITLE))
            weighted += [
                (slot_q(slot, prefix=prefix), weight) for prefix, weight in PRESENCE_FEATURES
            ]
            if slot.exact:
                weighted.append(({"term": {"all_terms": EXACT + slot.exact}}, W_EXACT))
            should += [const(clause, boost) for clause, boost in weighted if clause]
        for since, points in freshness_since(plan.today):
            should.append(
                const(
                    {
                        "bool": {
                            "filter": [
                                {"terms": {"page_type": sorted(TIME_BOUND_TYPES)}},
                                {"range": {"date": {"gte": since.isoformat()}}},
                            ]
                        }
                    },
                    points,
                )
            )

        filters: list[dict] = [
            {"term": {"language": query.language}},
            some([slot_q(s) for s in plan.slots]),
        ]
        for phrase in plan.phrases:
            if len(phrase) == 1:
                filters.append({"term": {"all_terms": phrase[0]}})
            else:
                filters.append({"match_phrase": {"all_terms": " ".join(phrase)}})
        if query.agency:
            if query.include_subordinate:
                filters.append(
                    some(
                        [
                            {"term": {"agency": query.agency}},
                            {"term": {"agency_ancestors": query.agency}},
                        ]
                    )
                )
            else:
                filters.append({"term": {"agency": query.agency}})
        if query.page_type:
            filters.append({"term": {"page_type": query.page_type}})
        if query.year:
            filters.append({"term": {"year": str(int(query.year))}})
        query_bool = {"filter": filters, "should": should}
        if query.exclude_pages:
            # Pages hidden now, which this index may still hold (`search.privacy`).
            query_bool["must_not"] = [{"terms": {"page_id": sorted(query.exclude_pages)}}]
        return {"bool": query_bool}

    def _check_mapping(self) -> None:
        """Refuse to search an index laid out by an older MAPPING_VERSION (its fields
        are not the ones queried): the caller falls back to the database engine."""
        mappings = self.client.indices.get_mapping(index=self.alias).body
        for name, body in mappings.items():
            if (self.url, name) in _current_indices:
                continue
            version = (body.get("mappings", {}).get("_meta") or {}).get("version")
            if version != MAPPING_VERSION:
                raise SearchEngineError(
                    f"{self.name}: index {name} has mapping version {version}, this code "
                    f"needs {MAPPING_VERSION}: run `search_index rebuild --engine elastic`"
                )
            _current_indices.add((self.url, name))

    batches = True

    def _body(self, query: SearchQuery, plan: Plan) -> dict:
        """The search request's body (as `_search` and each search of `_msearch` take it)."""
        # sort_key is the sort date (time-bound pages only), then the page id.
        if query.sort == "date":
            sort = [{"date": {"order": "desc", "missing": "_last"}}, "_score", {"sort_key": "desc"}]
        else:
            sort = ["_score", {"sort_key": "desc"}]
        return {
            "query": self._query(query, plan),
            "sort": sort,
            "from": query.offset,
            "size": query.per_page,
            "track_total_hits": True,
            "track_scores": True,
            "aggs": {
                "agency": {"terms": {"field": "agency", "size": FACET_SIZE, "missing": ""}},
                "type_year": {"terms": {"field": "type_year", "size": FACET_SIZE}},
            },
        }

    def _results(self, query: SearchQuery, body: dict) -> SearchResults:
        aggs = body.get("aggregations", {})
        facets = {
            "agency": sort_facet(
                "agency",
                ((b["key"], b["doc_count"]) for b in aggs.get("agency", {}).get("buckets", [])),
            ),
            **_type_year_facets(aggs.get("type_year", {}).get("buckets", [])),
        }
        hits = [self._hit(h) for h in body["hits"]["hits"]]
        return SearchResults(
            total=body["hits"]["total"]["value"], hits=hits, facets=facets, query=query
        )

    def _ensure_current(self) -> None:
        if not any(url == self.url for url, _name in _current_indices):
            self._call(self._check_mapping)

    def search(self, query: SearchQuery) -> SearchResults:
        plan = query.plan()
        if not plan:
            return empty_results(query)
        self._ensure_current()
        body = self._call(self.client.search, index=self.alias, **{
            ("from_" if key == "from" else key): value
            for key, value in self._body(query, plan).items()
        }).body
        return self._results(query, body)

    def search_many(self, queries: Sequence[SearchQuery]) -> list[SearchResults]:
        """Every query in one `_msearch` request (the results page's search, its counts
        in the other languages, the "did you mean" probes). A query that fails inside
        the batch fails the whole call, as a failed single search does."""
        plans = [query.plan() for query in queries]
        asked = [i for i, plan in enumerate(plans) if plan]
        results = [empty_results(query) for query in queries]
        if not asked:
            return results
        self._ensure_current()
        searches = []
        for i in asked:
            searches += [{"index": self.alias}, self._body(queries[i], plans[i])]
        answer = self._call(self.client.msearch, searches=searches).body
        for i, body in zip(asked, answer["responses"], strict=True):
            if "error" in body:
                raise SearchEngineError(f"{self.name} ({self.url}): {body['error']}")
            results[i] = self._results(queries[i], body)
        return results

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


def _type_year_facets(buckets: list[dict]) -> dict[str, list[tuple]]:
    """The page_type and year facets from the "<page_type>|<year>" buckets (documents
    without the field are not counted, as in a terms aggregation on it)."""
    types: dict[str, int] = {}
    years: dict[int, int] = {}
    for bucket in buckets:
        page_type, _, year = bucket["key"].rpartition("|")
        if page_type:
            types[page_type] = types.get(page_type, 0) + bucket["doc_count"]
        if year:
            years[int(year)] = years.get(int(year), 0) + bucket["doc_count"]

    return {
        "page_type": sort_facet("page_type", types.items()),
        "year": sort_facet("year", years.items()),
    }
