"""The page cache's WSGI fast path (cms.core.pagecache.WSGIFastPath, cms/wsgi.py):
real WSGI calls, as gunicorn makes them, through the fast path in front of Django's
handler and through Django's handler alone (where PageCacheMiddleware answers).

A hit through the fast path runs no part of Django's handler and touches no database,
answers exactly what the middleware answers, and is never given to a request that
the middleware would not have served from the cache."""

from wsgiref.util import setup_testing_defaults

import pytest
from django.core import signals
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections

from cms.core import pagecache
from tests.test_feeds import add_news

URL = "/kk/agency-a/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_PURGE = ""


@pytest.fixture(autouse=True)
def django_signals():
    """The requests Django's handler saw (request_started, request_finished).

    Like Django's test client, the handler must not close the test's connection
    (its transaction) between requests."""
    seen = []

    def started(**kwargs):
        seen.append("started")

    def finished(**kwargs):
        seen.append("finished")

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    signals.request_started.connect(started)
    signals.request_finished.connect(finished)
    yield seen
    signals.request_started.disconnect(started)
    signals.request_finished.disconnect(finished)
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def environ(path=URL, method="GET", query="", host="testserver", **headers):
    """A WSGI environ as a server makes it (the path: its UTF-8 bytes as latin-1)."""
    env = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path.encode().decode("latin-1"),
        "QUERY_STRING": query,
        "HTTP_HOST": host,
        **headers,
    }
    setup_testing_defaults(env)
    return env


def call(app, *args, **kwargs):
    """(status, headers, body) of one WSGI call."""
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, list(headers)

    result = app(environ(*args, **kwargs), start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return answer["status"], answer["headers"], body


def header(answer, name):
    values = [value for key, value in answer[1] if key.lower() == name.lower()]
    return values[0] if values else None


@pytest.fixture
def django_app(page_cache_on):
    """Django's handler alone: the middleware serves hits."""
    return WSGIHandler()


@pytest.fixture
def app(django_app):
    """cms/wsgi.py's application: the fast path in front of Django's handler."""
    return pagecache.WSGIFastPath(django_app)


@pytest.fixture
def stored(app, agency_a, django_signals):
    """The agency home stored by a first request (a miss: Django rendered it)."""
    first = call(app)
    assert first[0] == "200 OK" and header(first, pagecache.HEADER) == "miss"
    django_signals.clear()
    return first


def test_a_hit_runs_nothing_of_django_and_no_query(
    app, stored, django_signals, django_assert_num_queries
):
    with django_assert_num_queries(0):
        hit = call(app)
    assert hit[0] == "200 OK" and header(hit, pagecache.HEADER) == "hit"
    assert hit[2] == stored[2]
    assert header(hit, "Content-Length") == str(len(stored[2]))
    assert header(hit, "ETag") == header(stored, "ETag")
    assert header(hit, "Content-Security-Policy") == header(stored, "Content-Security-Policy")
    # Django's handler sends request_started before its middleware: it never ran.
    assert django_signals == []
    # The same request through Django alone is a hit of the middleware.
    assert header(call(WSGIHandler()), pagecache.HEADER) == "hit"
    assert django_signals == ["started", "finished"]


CONDITIONAL_CASES = {
    "GET": {},
    "HEAD": {"method": "HEAD"},
    "If-None-Match": {"HTTP_IF_NONE_MATCH": None},
    "If-Modified-Since": {"HTTP_IF_MODIFIED_SINCE": None},
    "If-None-Match, other ETag": {"HTTP_IF_NONE_MATCH": '"other"'},
    "HEAD If-None-Match": {"method": "HEAD", "HTTP_IF_NONE_MATCH": None},
    "If-Match, other ETag": {"HTTP_IF_MATCH": '"other"'},
}


@pytest.mark.parametrize("case", CONDITIONAL_CASES)
def test_the_fast_path_answers_exactly_what_the_middleware_answers(
    app, django_app, stored, case, django_signals
):
    kwargs = dict(CONDITIONAL_CASES[case])
    if kwargs.get("HTTP_IF_NONE_MATCH", "") is None:
        kwargs["HTTP_IF_NONE_MATCH"] = header(stored, "ETag")
    if kwargs.get("HTTP_IF_MODIFIED_SINCE", "") is None:
        kwargs["HTTP_IF_MODIFIED_SINCE"] = header(stored, "Last-Modified")
    fast = call(app, **kwargs)
    assert django_signals == ([] if case != "If-Match, other ETag" else ["started", "finished"])
    assert fast == call(django_app, **kwargs)
    status = {"If-None-Match": "304", "If-Modified-Since": "304", "HEAD If-None-Match": "304",
              "If-Match, other ETag": "412"}.get(case, "200")
    assert fast[0].startswith(status)
    if status == "200":
        assert header(fast, pagecache.HEADER) == "hit"
        assert header(fast, "Content-Length") == str(len(stored[2]))
        assert fast[2] == (b"" if case == "HEAD" else stored[2])
    else:
        assert fast[2] == b""


BYPASSES = {
    "session cookie": {"HTTP_COOKIE": "sessionid=abc"},
    "messages cookie": {"HTTP_COOKIE": "theme=x; messages=abc"},
    "Authorization": {"HTTP_AUTHORIZATION": "Basic dXNlcjpwYXNz"},
    "POST": {"method": "POST"},
    "other query parameter": {"query": "utm_source=x"},
}


@pytest.mark.parametrize("case", BYPASSES)
def test_what_the_middleware_would_not_serve_is_not_served(app, stored, case, django_signals):
    answer = call(app, **BYPASSES[case])
    assert header(answer, pagecache.HEADER) is None
    assert django_signals == ["started", "finished"]


def test_skip_prefixes_and_a_disabled_cache_are_honoured(app, stored, settings, django_signals):
    assert header(call(app), pagecache.HEADER) == "hit"
    settings.PAGE_CACHE_SKIP_PREFIXES = (*pagecache.DEFAULT_SKIP_PREFIXES, "/kk/agency-a/")
    assert header(call(app), pagecache.HEADER) is None
    assert django_signals == ["started", "finished"]
    settings.PAGE_CACHE_SKIP_PREFIXES = pagecache.DEFAULT_SKIP_PREFIXES
    assert header(call(app), pagecache.HEADER) == "hit"
    settings.PAGE_CACHE_ENABLED = False
    assert header(call(app), pagecache.HEADER) is None


def test_a_stale_or_lost_generation_is_not_served(app, stored):
    assert header(call(app), pagecache.HEADER) == "hit"
    pagecache.invalidate(segments=["agency-a"])
    assert header(call(app), pagecache.HEADER) == "miss"
    assert header(call(app), pagecache.HEADER) == "hit"
    cache.delete(f"{pagecache.KEY_PREFIX}:gen:host:testserver")
    assert header(call(app), pagecache.HEADER) == "miss"


def test_the_key_is_the_middlewares(app, django_app, stored):
    """Host (case aside), scheme, query and visually-impaired version, as stored."""
    assert header(call(app, host="TestServer"), pagecache.HEADER) == "hit"
    assert header(call(app, host="other.example"), pagecache.HEADER) == "miss"
    assert header(call(app, HTTP_COOKIE="vi=text:large"), pagecache.HEADER) == "miss"
    large = call(app, HTTP_COOKIE="vi=text:large")
    assert header(large, pagecache.HEADER) == "hit" and b"vi-text-large" in large[2]
    assert call(django_app, HTTP_COOKIE="vi=text:large") == large
    # An unknown setting is the normal version.
    assert call(app, HTTP_COOKIE="vi=text:huge")[2] == stored[2]
    assert header(call(app, query="page=1"), pagecache.HEADER) == "miss"
    assert header(call(django_app, query="page=1"), pagecache.HEADER) == "hit"


def test_https_behind_a_proxy_is_its_own_entry(app, agency_a, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    app = pagecache.WSGIFastPath(WSGIHandler())
    https = {"HTTP_X_FORWARDED_PROTO": "https"}
    assert header(call(app, **https), pagecache.HEADER) == "miss"
    assert header(call(app, **https), pagecache.HEADER) == "hit"
    assert header(call(app), pagecache.HEADER) == "miss"
    # The header names the scheme only where the setting says so.
    settings.SECURE_PROXY_SSL_HEADER = None
    app = pagecache.WSGIFastPath(WSGIHandler())
    assert header(call(app), pagecache.HEADER) == "miss"
    assert header(call(app, **https), pagecache.HEADER) == "hit"


def test_a_host_django_refuses_is_refused(app, stored, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    assert call(app, host="evil.example")[0].startswith("400")
    assert header(call(app), pagecache.HEADER) == "hit"


def test_it_stands_aside_when_the_page_cache_is_not_first(agency_a, settings, django_signals):
    settings.MIDDLEWARE = ["tests.test_page_cache_wsgi.Recorder", *settings.MIDDLEWARE]
    app = pagecache.WSGIFastPath(WSGIHandler())
    Recorder.seen.clear()
    for expected in ("miss", "hit"):  # the hit comes from the middleware, after Recorder
        assert header(call(app), pagecache.HEADER) == expected
    assert Recorder.seen == [URL, URL]


class Recorder:
    seen: list[str] = []

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        self.seen.append(request.path)
        return self.get_response(request)


def test_a_path_outside_ascii_is_read_as_django_reads_it(app, agency_a, django_signals):
    add_news(agency_a, "жаңалық")
    path = "/kk/agency-a/news/жаңалық/"
    first = call(app, path)
    assert first[0] == "200 OK" and header(first, pagecache.HEADER) == "miss"
    hit = call(app, path)
    assert header(hit, pagecache.HEADER) == "hit" and hit[2] == first[2]
    assert call(app, "/kk/agency-a/news/жоқ/")[0].startswith("404")


class CountingCache(LocMemCache):
    """The local-memory cache, recording the page entries read (its get_many calls
    get for each key)."""

    page_reads: list[list[str]] = []

    def get(self, key, default=None, version=None):
        if ":page:" in key:
            self.page_reads.append([key])
        return super().get(key, default, version)


@pytest.fixture
def counted(agency_a, settings):
    """The fast path on a cache that records the page entries read."""
    settings.CACHES = {"default": {"BACKEND": "tests.test_page_cache_wsgi.CountingCache"}}
    CountingCache.page_reads.clear()
    return pagecache.WSGIFastPath(WSGIHandler())


def test_a_miss_reads_the_cache_once_and_a_hit_reads_only_generations(counted):
    assert header(call(counted), pagecache.HEADER) == "miss"
    assert len(CountingCache.page_reads) == 1
    # This process keeps a copy of what it stored: a hit reads the generations only.
    for _ in range(2):
        assert header(call(counted), pagecache.HEADER) == "hit"
    assert len(CountingCache.page_reads) == 1


def test_a_copy_is_served_only_while_the_shared_entry_would_be(counted, settings):
    first = call(counted)
    (key,) = CountingCache.page_reads[0]
    copy = pagecache._copies.get(key)
    assert copy["content"] == first[2]
    # Retired: the copy is dropped, the page rendered and stored anew.
    pagecache.invalidate(segments=["agency-a"])
    assert header(call(counted), pagecache.HEADER) == "miss"
    assert pagecache._copies.get(key) is not copy
    # A stale copy while another process stored the page anew: the shared entry.
    fresh = pagecache._copies.get(key)
    pagecache._copies.keep(key, copy)
    reads = len(CountingCache.page_reads)
    hit = call(counted)
    assert header(hit, pagecache.HEADER) == "hit" and header(hit, "ETag") == fresh["etag"]
    assert len(CountingCache.page_reads) == reads + 1
    assert pagecache._copies.get(key)["etag"] == fresh["etag"]
    # A copy past the shared entry's end (the timeout, local midnight) is not served.
    pagecache._copies.get(key)["expires"] = 0
    assert header(call(counted), pagecache.HEADER) == "hit"
    assert len(CountingCache.page_reads) == reads + 2
    # No copies at all.
    settings.PAGE_CACHE_LOCAL_BYTES = 0
    for n in (3, 4):
        assert header(call(counted), pagecache.HEADER) == "hit"
        assert len(CountingCache.page_reads) == reads + n


def test_copies_stay_within_their_budget_least_recently_used_out(settings):
    settings.PAGE_CACHE_LOCAL_BYTES = 400
    copies = pagecache._Copies()
    entry = {"content": b"x" * 100, "expires": float("inf")}
    for key in "abcd":
        copies.keep(key, dict(entry))
    copies.touch("a")
    copies.keep("e", dict(entry))
    assert list(copies.entries) == ["c", "d", "a", "e"] and copies.size == 400
    copies.keep("big", {"content": b"x" * 101, "expires": float("inf")})  # over a quarter
    copies.keep("old", {"content": b"x"})  # stored before copies had an end
    assert list(copies.entries) == ["c", "d", "a", "e"]
