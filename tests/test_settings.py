"""Settings read from the environment; production refuses to start without its secrets."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from cms.settings.env import cache_config, env_bool


def _import_settings(module: str, **env) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL"}
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_requires_secret_key():
    result = _import_settings(
        "cms.settings.production", ALLOWED_HOSTS="gov.kz", DATABASE_URL="postgres://x@h/db"
    )
    assert result.returncode != 0 and "SECRET_KEY is required" in result.stderr


def test_production_requires_database_url_and_hosts():
    result = _import_settings(
        "cms.settings.production", SECRET_KEY="x" * 50, ALLOWED_HOSTS="gov.kz"
    )
    assert "DATABASE_URL is required" in result.stderr
    result = _import_settings(
        "cms.settings.production", SECRET_KEY="x" * 50, DATABASE_URL="postgres://x@h/db"
    )
    assert "ALLOWED_HOSTS is required" in result.stderr


def test_production_starts_with_its_variables():
    result = _import_settings(
        "cms.settings.production",
        SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://x@h/db",
        ALLOWED_HOSTS="gov.kz",
        WAGTAILADMIN_BASE_URL="https://gov.kz",
        REDIS_URL="redis://127.0.0.1:6379/0",
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="media",
    )
    assert result.returncode == 0, result.stderr


def test_cache_urls():
    assert cache_config(None)["BACKEND"].endswith("LocMemCache")
    assert cache_config("redis://r:6379/1") == {
        "BACKEND": "cms.core.redis_cache.RedisCache",
        "LOCATION": "redis://r:6379/1",
    }
    with pytest.raises(ImproperlyConfigured):
        cache_config("memcached://x")


def test_redis_cache_keeps_one_client_and_takes_any_key(recwarn):
    from cms.core.redis_cache import RedisCache

    # No server needed: redis-py connects on the first command.
    backend = RedisCache("redis://127.0.0.1:6379/15", {})
    client = backend._cache.get_client(write=False)
    assert backend._cache.get_client(write=True) is client  # one server: one client
    assert client.connection_pool is backend._cache._get_connection_pool(write=True)
    backend.validate_key("pagecache:" + "x" * 300 + " \u00e4")  # memcached would warn
    assert not recwarn.list


def test_env_bool(monkeypatch):
    monkeypatch.setenv("X_FLAG", "yes")
    assert env_bool("X_FLAG") is True
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured):
        env_bool("X_FLAG")


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_env_int(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from cms.settings.env import env_int

    assert env_int("X_COUNT", 1, minimum=1) == 1
    monkeypatch.setenv("X_COUNT", " 4 ")
    assert env_int("X_COUNT", 1, minimum=1) == 4
    for bad in ("four", "0"):
        monkeypatch.setenv("X_COUNT", bad)
        with pytest.raises(ImproperlyConfigured, match="X_COUNT"):
            env_int("X_COUNT", 1, minimum=1)
