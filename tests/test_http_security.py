"""HTTP (issue 12, item 5): the admin's CSP, production hardening and `check --deploy`,
security.txt, and error pages (404, 410, 500, 503) in the request's language that
need no database."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import Client, RequestFactory
from django.urls import path
from django.utils import translation

from cms.core import errors
from cms.core.middleware import ADMIN_CONTENT_SECURITY_POLICY
from tests.factories import UserFactory, editor_of

BASE_DIR = Path(settings.BASE_DIR)
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "k3J9x!vQ2mZ8pL5wR7tY1uI4oP6aS0dF-gH2jK8lZ4xC6vB9nM3qW5eR7tY1uI0o",
    "ALLOWED_HOSTS": "gov.kz,.gov.kz",
    "DATABASE_URL": "sqlite:///:memory:",
    "WAGTAILADMIN_BASE_URL": "https://gov.kz",
}


def _production(*args, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL"}
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, *args], env=clean, capture_output=True, text=True, cwd=BASE_DIR,
        check=False, timeout=300,
    )


def test_check_deploy_is_clean():
    result = _production("manage.py", "check", "--deploy", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert "WARNING" not in output and "security.W" not in output, output
    assert "System check identified no issues" in output


@pytest.mark.parametrize("missing", ["WAGTAILADMIN_BASE_URL", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _production("-c", "import cms.settings.production", **env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_settings_values():
    code = (
        "import cms.settings.production as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS >= 31536000,"
        " s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_REFERRER_POLICY)"
    )
    result = _production("-c", code, **PRODUCTION_ENV)
    assert result.stdout.split() == [
        "True", "True", "True", "True", "strict-origin-when-cross-origin"
    ], result.stderr


@pytest.mark.django_db
def test_admin_sends_its_csp_and_the_public_site_keeps_its_own(client, portal):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    response = client.get("/admin/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert csp == ADMIN_CONTENT_SECURITY_POLICY
    assert "object-src 'none'" in csp and "unsafe-eval" not in csp and "http" not in csp
    assert response["Permissions-Policy"].startswith("accelerometer=()")
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    public = Client().get("/kk/")
    assert "unsafe-inline" not in public["Content-Security-Policy"]
    login = Client().get("/admin/login/")
    assert login["Content-Security-Policy"] == ADMIN_CONTENT_SECURITY_POLICY


def test_security_txt(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Contact: " in text and "Expires: " in text
    assert "Preferred-Languages: kk, ru, en" in text


# --- error pages -----------------------------------------------------------------------


def _title(lang, status):
    with translation.override(lang):
        return errors._titles()[status]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_404_in_the_language_of_the_prefix(client, portal, lang):
    response = client.get(f"/{lang}/no-such-agency/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    assert _title(lang, 404) in html
    assert "theme/css/theme.css" in html  # the platform's look
    assert settings.PLATFORM_NAME[lang] in html


def test_404_without_a_prefix_is_in_kazakh(client, db):
    response = client.get("/documents/999999/nothing.pdf")
    assert response.status_code == 404
    assert _title("kk", 404) in response.content.decode()


@pytest.mark.parametrize("status", [403, 404, 410, 500, 503])
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_error_pages_need_no_database(django_assert_num_queries, lang, status):
    """Rendered with database access blocked (pytest-django refuses any query here)."""
    request = RequestFactory().get(f"/{lang}/some/page/")
    response = errors.render_error(request, status)
    assert response.status_code == status
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html and _title(lang, status) in html
    assert response["Content-Language"] == lang
    if status == 503:
        assert response["Retry-After"]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_admin_refusal_is_the_platforms_403_page_in_the_editors_language(client, agency_a, lang):
    """The workflow screens refuse an agency editor (tests/test_admin_fuzz.py): the
    answer is the platform's page in the language the admin is shown in, not
    Django's bare English "403 Forbidden"."""
    client.force_login(editor_of(agency_a))
    client.cookies["django_language"] = lang
    response = client.get("/admin/workflows/task_chooser/")
    assert response.status_code == 403
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html and _title(lang, 403) in html
    assert "theme/css/theme.css" in html


def test_500_handler_answers_503_for_a_database_error():
    request = RequestFactory().get("/ru/x/")
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = errors.server_error(request)
    assert response.status_code == 503
    try:
        raise ValueError("bug")
    except ValueError:
        response = errors.server_error(request)
    assert response.status_code == 500
    assert _title("ru", 500) in response.content.decode()


def _database_down(request, lang):
    raise OperationalError("could not connect to server: Connection refused")


urlpatterns = [path("<str:lang>/down/", _database_down)]


@pytest.mark.urls("tests.test_http_security")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_database_outage_gives_the_503_page(client, lang):
    response = client.get(f"/{lang}/down/")
    assert response.status_code == 503
    html = response.content.decode()
    assert _title(lang, 503) in html and "Traceback" not in html
