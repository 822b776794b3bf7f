"""A Redis outage (cms.core.redis_cache): the public site renders without the cache,
editors keep publishing, and what they published is what Redis serves once it is back.

Real Redis servers, no mocks: an outage is a port where nothing listens, a server
that accepts and never answers (a hung Redis), or a TCP relay in front of a private
``redis-server`` that is cut and restored (a network partition: the server keeps its
data, and nothing sent during the cut reaches it)."""

import io
import logging
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
import redis
from django.core import signals
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import close_old_connections, transaction
from django.test import Client
from django.utils import timezone

from cms import gunicorn
from cms.core import chrome, pagecache, ratelimit, redis_cache
from cms.core.models import LostInvalidation
from cms.listings.models import VacancyPage
from tests.factories import UserFactory
from tests.test_accounts_security import admin_user, sign_in
from tests.test_feeds import add_news
from tests.test_listings import _vacancy_post, section
from tests.test_page_cache_wsgi import call, header

RETRY = 0.3  # the breaker's retry_after in these tests (seconds)
NEWS = "/kk/agency-a/news/outage/"
PUBLIC = ["/kk/", "/kk/agency-a/", NEWS, "/kk/search/?q=news"]


# --- Servers ------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A private redis-server without persistence, stopped at the end of the test."""

    def __init__(self, tmp_path: Path):
        binary = shutil.which("redis-server")
        assert binary, "redis-server is not installed (apt-get install redis-server)"
        self.port = free_port()
        self.process = subprocess.Popen(  # noqa: S603 - our own arguments
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", str(tmp_path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.client = redis.Redis(port=self.port, socket_timeout=2)
        for _attempt in range(200):
            try:
                self.client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.02)
        else:
            raise AssertionError("redis-server did not start")

    def stop(self) -> None:
        self.client.close()
        self.process.terminate()
        self.process.wait(10)


class Relay:
    """A TCP relay to a Redis server that can be cut (new connections refused, open
    ones closed) and restored: a network partition between the site and Redis."""

    def __init__(self, upstream: int):
        self.upstream = upstream
        self.port = free_port()
        self.sockets: list[socket.socket] = []
        self.listener = None
        self.restore()

    def restore(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self) -> None:
        if self.listener is not None:
            self.listener.shutdown(socket.SHUT_RDWR)  # (wakes the thread in accept())
            self.listener.close()
            self.listener = None
        for sock in self.sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
        self.sockets.clear()

    def _accept(self, listener) -> None:
        while True:
            try:
                inside, _address = listener.accept()
            except OSError:
                return
            outside = socket.create_connection(("127.0.0.1", self.upstream))
            self.sockets += [inside, outside]
            for source, target in ((inside, outside), (outside, inside)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    @staticmethod
    def _pump(source, target) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        for sock in (source, target):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class Silent:
    """A server that accepts connections and never answers (a hung Redis): counts
    the connections the site opens."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.accepted: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                self.accepted.append(self.listener.accept()[0])
            except OSError:
                return

    def close(self) -> None:
        self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for sock in self.accepted:
            sock.close()


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    yield server
    server.stop()


@pytest.fixture
def relay(redis_server):
    relay = Relay(redis_server.port)
    yield relay
    relay.cut()


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_PURGE = ""
    ratelimit._local.clear()


def use_redis(settings, port: int, retry_after: float = RETRY) -> None:
    """The default cache on the Redis at `port`, with short timeouts."""
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.core.redis_cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {
                "socket_connect_timeout": 0.2,
                "socket_timeout": 0.2,
                "retry_after": retry_after,
            },
        }
    }


def outage_warnings(caplog) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == redis_cache.__name__ and record.levelno == logging.WARNING
    ]


# --- Reads ----------------------------------------------------------------------------
def test_a_hit_on_redis_touches_no_database(
    client, agency_a, settings, redis_server, django_assert_num_queries
):
    use_redis(settings, redis_server.port)
    assert client.get("/kk/agency-a/")[pagecache.HEADER] == "miss"
    with django_assert_num_queries(0):
        assert client.get("/kk/agency-a/")[pagecache.HEADER] == "hit"
    assert not redis_cache.out_of_reach(cache)


def test_every_page_renders_without_a_cache_out_of_reach(client, agency_a, settings, caplog):
    add_news(agency_a, "outage")
    use_redis(settings, free_port())  # nothing listens there
    for _round in range(2):
        for url in PUBLIC:
            response = client.get(url)
            assert response.status_code == 200, url
            assert pagecache.HEADER not in response, url  # neither served nor stored
    assert "Жаңалық outage" in client.get(NEWS).content.decode()
    assert "private" in client.get("/kk/agency-a/")["Cache-Control"]  # not for a CDN either
    assert redis_cache.out_of_reach(cache)
    assert not LostInvalidation.objects.exists()  # reading records nothing
    # One warning for the outage, not one per call.
    assert len(outage_warnings(caplog)) == 1
    assert "out of reach" in outage_warnings(caplog)[0]


@pytest.fixture
def django_signals():
    """Django's handler must not close the test's connection between requests."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_the_wsgi_fast_path_renders_without_a_cache_out_of_reach(
    agency_a, settings, django_signals
):
    use_redis(settings, free_port())
    app = pagecache.WSGIFastPath(WSGIHandler())
    for _attempt in range(2):
        answer = call(app)
        assert answer[0] == "200 OK"
        assert header(answer, pagecache.HEADER) is None


def test_a_hung_server_costs_one_connection_not_one_per_call(client, agency_a, settings, caplog):
    """A server that never answers: the first call waits for the read timeout and opens
    the breaker; then no call of any page opens a connection."""
    add_news(agency_a, "outage")
    silent = Silent()
    try:
        use_redis(settings, silent.port, retry_after=60)
        for _round in range(2):
            for url in PUBLIC:
                assert client.get(url).status_code == 200, url
        assert len(silent.accepted) == 1
        assert len(outage_warnings(caplog)) == 1
    finally:
        silent.close()


def test_the_breaker_tries_again_after_retry_after(settings, caplog):
    silent = Silent()
    try:
        use_redis(settings, silent.port)
        for _call in range(10):
            assert cache.get("a key", "absent") == "absent"
        assert len(silent.accepted) == 1
        time.sleep(RETRY + 0.05)
        for _call in range(10):
            assert cache.get_many(["a key", "another"]) == {}
        assert len(silent.accepted) == 2  # one try, and the breaker is open again
        assert len(outage_warnings(caplog)) == 1
    finally:
        silent.close()


def test_chrome_values_are_built_not_remembered_during_an_outage(agency_a, settings):
    use_redis(settings, free_port())
    built = []
    for _attempt in range(2):
        value = chrome.cached(("outage-test",), (chrome.GLOBAL,), lambda: built.append(1) or 42)
        assert value == 42
    assert built == [1, 1]
    assert chrome.versions(chrome.GLOBAL) is None


# --- Writes, and the recovery ------------------------------------------------------------
def test_a_publish_during_a_partition_is_what_redis_serves_when_it_is_back(
    client, agency_a, settings, redis_server, relay, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.INFO, logger=redis_cache.__name__)
    use_redis(settings, relay.port)
    page = add_news(agency_a, "outage")
    for url in (NEWS, "/kk/agency-a/"):
        assert client.get(url)[pagecache.HEADER] == "miss"
        assert client.get(url)[pagecache.HEADER] == "hit"
    generation = f":1:{pagecache.KEY_PREFIX}:gen:seg:agency-a"
    before = redis_server.client.get(generation)
    assert before

    relay.cut()
    page.title_kk = "Жаңа тақырып"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()  # the editor's action succeeds
    assert page.specific_class.objects.get(pk=page.pk).live
    response = client.get(NEWS)
    assert response.status_code == 200 and pagecache.HEADER not in response
    assert "Жаңа тақырып" in response.content.decode()
    assert LostInvalidation.objects.filter(key=generation).exists()

    relay.restore()
    # Redis kept its data: the old generation and the stored page would be served.
    assert redis_server.client.get(generation) == before
    time.sleep(RETRY + 0.05)
    for url in (NEWS, "/kk/agency-a/"):
        first = client.get(url)
        assert first[pagecache.HEADER] == "miss", url
        assert "Жаңа тақырып" in first.content.decode(), url
        second = client.get(url)
        assert second[pagecache.HEADER] == "hit", url
        assert "Жаңа тақырып" in second.content.decode(), url
    assert redis_server.client.get(generation) != before
    assert not LostInvalidation.objects.exists()
    assert len(outage_warnings(caplog)) == 1  # the outage; its end is an info line
    assert any("reachable again" in record.getMessage() for record in caplog.records)


def test_an_editor_publishes_in_the_admin_during_an_outage(client, agency_a, settings):
    use_redis(settings, free_port())
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    index = section(agency_a, "vacancies")
    response = client.post(
        f"/admin/pages/add/listings/vacancypage/{index.pk}/", _vacancy_post(timezone.localdate())
    )
    assert response.status_code == 302
    assert VacancyPage.objects.get(slug="new-vacancy").live
    assert LostInvalidation.objects.exists()  # the retired generations, for the replay
    anonymous = Client()
    assert anonymous.get("/kk/agency-a/vacancies/new-vacancy/").status_code == 200


def test_a_rolled_back_change_leaves_no_record(agency_a, settings):
    use_redis(settings, free_port())
    with transaction.atomic():
        pagecache.invalidate(segments=["agency-a"])
        assert LostInvalidation.objects.count() == 1
        transaction.set_rollback(True)
    assert not LostInvalidation.objects.exists()


def lose_a_delete(settings, relay) -> None:
    """A value in Redis, then its delete made while the relay is cut (recorded)."""
    use_redis(settings, relay.port)
    cache.set("some:value", "old")
    relay.cut()
    cache.delete("some:value")


def test_the_command_replays_what_was_recorded(db, settings, redis_server, relay):
    lose_a_delete(settings, relay)
    chrome.bump(chrome.GLOBAL)
    assert LostInvalidation.objects.count() == 2
    output = io.StringIO()
    with pytest.raises(CommandError, match="default"):
        call_command("replay_cache_invalidations", stdout=output)
    relay.restore()
    assert redis_server.client.get(":1:some:value")  # what a partition leaves
    call_command("replay_cache_invalidations", stdout=output)
    assert "default: 2 lost invalidations replayed." in output.getvalue()
    assert not redis_server.client.get(":1:some:value")
    assert not LostInvalidation.objects.exists()


def test_a_restarted_master_replays_before_the_workers_serve(db, settings, redis_server, relay):
    """cms/gunicorn.py's when_ready: a restart after an outage replays what was lost."""
    lose_a_delete(settings, relay)
    relay.restore()
    assert LostInvalidation.objects.count() == 1
    gunicorn.replay_lost_invalidations()
    assert not redis_server.client.get(":1:some:value")
    assert not LostInvalidation.objects.exists()


# --- Rate limits and sign-in ----------------------------------------------------------
def test_form_rate_limits_count_in_memory_during_an_outage(settings):
    use_redis(settings, free_port())
    attempts = [ratelimit.over_limit("appeals:1", "10.0.0.1", limit=3, window=60) for _ in range(4)]
    assert attempts == [False, False, False, True]
    assert not ratelimit.over_limit("appeals:1", "10.0.0.2", limit=3, window=60)
    assert ratelimit.use_once("feedback:token-used:1", 60)
    assert not ratelimit.use_once("feedback:token-used:1", 60)  # a replay
    assert redis_cache.out_of_reach(cache)


def test_form_rate_limits_count_in_redis_when_it_answers(settings, redis_server):
    use_redis(settings, redis_server.port)
    attempts = [ratelimit.over_limit("appeals:1", "10.0.0.1", limit=2, window=60) for _ in range(3)]
    assert attempts == [False, False, True]
    assert not ratelimit._local.entries  # nothing counted in memory
    assert ratelimit.use_once("feedback:token-used:1", 60)
    assert not ratelimit.use_once("feedback:token-used:1", 60)


@pytest.mark.django_db
def test_sign_in_and_its_lockout_work_during_an_outage(settings):
    """Sessions and the lockout's counts live in the database: neither fails open
    nor locks everyone out while the cache is out of reach."""
    use_redis(settings, free_port())
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    assert cache.get("any key") is None and redis_cache.out_of_reach(cache)
    admin_user("editor")
    client = Client(REMOTE_ADDR="10.0.0.5")
    assert sign_in(client, "editor").status_code == 302
    assert client.get("/admin/").status_code == 200
    attacker = Client(REMOTE_ADDR="10.0.0.6")
    for _attempt in range(9):
        assert sign_in(attacker, "editor", "wrong-password").status_code == 200
    assert sign_in(attacker, "editor", "wrong-password").status_code == 429  # the 10th locks
    assert sign_in(attacker, "editor").status_code == 429
