"""Accounts (issue 12, item 4): lockout after 10 wrong passwords, the second factor,
session lifetime, POST-only sign-out, password policy, security events, no avatars
from an external service."""

import time

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from cms.accounts.middleware import SESSION_LAST_SEEN, SESSION_STARTED
from cms.accounts.models import TwoFactorPolicy
from cms.accounts.views import LOCKOUT_MSGID, lockout_message
from tests.factories import UserFactory

PASSWORD = "secret-pass-123"


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post("/admin/login/", {"username": username, "password": password}, **extra)


def admin_user(username, **extra):
    """A non-superuser who may use the admin (Wagtail's access_admin permission)."""
    from django.contrib.auth.models import Permission

    group, _created = Group.objects.get_or_create(name="Admin access")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return UserFactory(username=username, is_staff=True, groups=[group], **extra)


def code_for(device) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def actions_for(user) -> list[str]:
    return list(
        ModelLogEntry.objects.filter(object_id=str(user.pk), content_type__model="user")
        .order_by("pk")
        .values_list("action", flat=True)
    )


# --- lockout -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_ten_wrong_passwords_lock_the_account_with_a_message_in_the_language(lang):
    user = UserFactory(username=f"editor-{lang}", is_staff=True)
    client = Client(HTTP_ACCEPT_LANGUAGE=lang, REMOTE_ADDR="10.0.0.1")
    for _attempt in range(10):
        response = sign_in(client, user.username, "wrong-password")
    # The 10th failure locks: the right password is refused from then on.
    response = sign_in(client, user.username, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    with translation.override(lang):
        expected = lockout_message(settings.AXES_COOLOFF_TIME.seconds // 60)
    assert expected in response.content.decode()
    assert 'id="lockout-message"' in response.content.decode()
    # A new address does not help either: the lock is on the account.
    other = Client(HTTP_ACCEPT_LANGUAGE=lang, REMOTE_ADDR="10.0.0.2")
    assert sign_in(other, user.username, PASSWORD).status_code == 429
    assert "accounts.locked_out" in actions_for(user)
    assert actions_for(user).count("accounts.login_failed") >= 10


def test_lockout_message_is_translated_for_kk_and_ru():
    """The message exists in the catalogs (or the pending translations of this branch)."""
    import json
    from pathlib import Path

    import polib

    text = LOCKOUT_MSGID
    pending = Path(settings.BASE_DIR) / "locale" / "pending" / "accounts.json"
    for lang in ("kk", "ru"):
        po = polib.pofile(
            str(Path(settings.BASE_DIR) / "locale" / lang / "LC_MESSAGES" / "django.po")
        )  # noqa: E501
        entry = po.find(text)
        translated = entry.msgstr if entry and entry.msgstr else None
        if translated is None and pending.exists():
            translated = json.loads(pending.read_text(encoding="utf-8")).get(text, {}).get(lang)
        assert translated and "%(minutes)s" in translated and translated != text, lang


@pytest.mark.django_db
def test_wrong_passwords_from_one_address_lock_that_address():
    client = Client(REMOTE_ADDR="10.0.0.9")
    for number in range(10):
        sign_in(client, f"nobody-{number}", "wrong-password")
    user = UserFactory(username="innocent", is_staff=True)
    assert sign_in(client, user.username).status_code == 429
    assert sign_in(Client(REMOTE_ADDR="10.0.0.10"), user.username).status_code == 302


@pytest.mark.django_db
def test_nine_failures_then_the_right_password_signs_in_and_resets_the_count():
    user = UserFactory(username="careful", is_staff=True)
    client = Client(REMOTE_ADDR="10.0.0.3")
    for _attempt in range(9):
        assert sign_in(client, user.username, "wrong-password").status_code == 200
    assert sign_in(client, user.username).status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert "accounts.login" in actions_for(user)


@pytest.mark.django_db
def test_force_login_is_not_an_attempt(client):
    """Tests that sign in with force_login never meet the lockout."""
    user = admin_user("forced")
    for _attempt in range(12):
        client.force_login(user)
    assert client.get("/admin/").status_code == 200


# --- second factor -----------------------------------------------------------------


@pytest.mark.django_db
def test_platform_admin_cannot_reach_the_admin_without_a_second_factor():
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    client = Client()
    assert sign_in(client, "root").status_code == 302
    for url in ("/admin/", "/admin/pages/", "/admin/users/", "/admin/api/main/pages/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/2fa/enrol/"), url

    # Enrolment: the page shows the QR code and the key; a wrong code is refused.
    page = client.get("/admin/2fa/enrol/?next=/admin/pages/")
    assert page.status_code == 200
    assert b"<svg" in page.content and b'id="totp-secret"' in page.content
    device = TOTPDevice.objects.get(user=admin, confirmed=False)
    assert client.post("/admin/2fa/enrol/", {"token": "000000"}).status_code == 200
    assert client.get("/admin/").status_code == 302
    done = client.post("/admin/2fa/enrol/", {"token": code_for(device), "next": "/admin/pages/"})
    assert done.status_code == 200
    codes = done.context["codes"]
    assert len(codes) == settings.ACCOUNTS_RECOVERY_CODES
    assert client.get("/admin/").status_code == 200
    assert "accounts.2fa_enrolled" in actions_for(admin)

    # A new session needs the code; a recovery code works once.
    second = Client()
    sign_in(second, "root")
    response = second.get("/admin/pages/")
    assert response["Location"].startswith("/admin/2fa/verify/")
    assert second.post("/admin/2fa/verify/", {"token": "123456"}).status_code == 200
    assert second.get("/admin/").status_code == 302
    response = second.post("/admin/2fa/verify/", {"token": codes[0], "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert second.get("/admin/").status_code == 200
    assert not StaticToken.objects.filter(token=codes[0]).exists()
    third = Client()
    sign_in(third, "root")
    assert third.post("/admin/2fa/verify/", {"token": codes[0]}).status_code == 200
    assert third.get("/admin/").status_code == 302
    assert "accounts.2fa_failed" in actions_for(admin)


@pytest.mark.django_db
def test_verify_refuses_an_offsite_next():
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    device = TOTPDevice.objects.create(user=admin, name="app", confirmed=True)
    client = Client()
    sign_in(client, "root")
    response = client.post(
        "/admin/2fa/verify/", {"token": code_for(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_an_agency_editor_needs_a_second_factor_only_when_the_group_requires_it(agency_a):
    group = Group.objects.create(name="Agency A security-conscious editors")
    editor = UserFactory(username="editor-2fa", is_staff=True, groups=[group])
    from django.contrib.auth.models import Permission

    group.permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    sign_in(client, "editor-2fa")
    assert client.get("/admin/").status_code == 200
    TwoFactorPolicy.objects.create(group=group, required=True)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/enrol/")
    assert editor.pk


@pytest.mark.django_db
def test_an_unverified_session_cannot_remove_the_second_factor():
    """The 2FA pages are reachable before verification; removing a device is not."""
    user = UserFactory(username="optional", is_staff=True)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()
    sign_in(client, "optional")
    response = client.post("/admin/2fa/", {"action": "remove"})
    assert response.status_code == 302 and "/admin/2fa/verify/" in response["Location"]
    assert TOTPDevice.objects.filter(user=user).exists()


# --- sessions and sign-out -----------------------------------------------------------


@pytest.mark.django_db
def test_get_logout_keeps_the_session(client):
    user = UserFactory(username="editor", is_staff=True)
    client.force_login(user)
    response = client.get("/admin/logout/")
    assert response.status_code == 405
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert client.session.get("_auth_user_id") == str(user.pk)
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_idle_session_ends(client):
    user = admin_user("idle")
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    session = client.session
    session[SESSION_LAST_SEEN] = int(time.time()) - settings.SESSION_IDLE_TIMEOUT - 5
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert "accounts.session_expired" in actions_for(user)


@pytest.mark.django_db
def test_session_ends_after_its_absolute_lifetime_even_when_active(client):
    user = admin_user("busy")
    client.force_login(user)
    session = client.session
    session[SESSION_STARTED] = int(time.time()) - settings.SESSION_ABSOLUTE_LIFETIME - 5
    session[SESSION_LAST_SEEN] = int(time.time())
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_session_settings():
    assert settings.SESSION_IDLE_TIMEOUT == 30 * 60
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_ABSOLUTE_LIFETIME == 12 * 3600


# --- passwords, events, avatars ------------------------------------------------------


@pytest.mark.parametrize(
    "password",
    ["short-Pw1!", "password1234", "123456789012345", "kairat.nurlanov.almaty"],
)
def test_weak_passwords_are_refused(password):
    from django.contrib.auth import get_user_model

    user = get_user_model()(username="kairat.nurlanov", email="kairat.nurlanov@almaty.kz")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_unusual_password_is_accepted():
    validate_password("Тау-бұлақ 7 жұлдыз жарқырайды")


@pytest.mark.django_db
def test_group_and_superuser_changes_are_security_events():
    user = UserFactory(username="promoted", is_staff=True)
    group = Group.objects.create(name="Moderators X")
    user.groups.add(group)
    user.is_superuser = True
    user.save()
    assert actions_for(user).count("accounts.permissions_changed") == 2


@pytest.mark.django_db
def test_admin_html_has_no_gravatar(client):
    user = UserFactory(username="avatar", is_staff=True, is_superuser=True)
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert "gravatar" not in html.lower()
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None


@pytest.mark.django_db
def test_wrong_codes_slow_down_guessing(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 1
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    device = TOTPDevice.objects.create(user=admin, name="app", confirmed=True)
    client = Client()
    sign_in(client, "root")
    client.post("/admin/2fa/verify/", {"token": "000000"})
    # Right after a wrong code, even the right one is refused for a while.
    assert client.post("/admin/2fa/verify/", {"token": code_for(device)}).status_code == 200
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_platform_admin_sets_a_group_policy_and_resets_a_lost_device(client):
    from django.core.management import call_command

    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(root)
    group = Group.objects.create(name="Agency X editors")
    response = client.post(
        "/admin/two_factor_policies/new/", {"group": group.pk, "required": "on"}
    )
    assert response.status_code == 302
    assert TwoFactorPolicy.objects.get(group=group).required
    editor = admin_user("lost-phone")
    TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    call_command("reset_2fa", "lost-phone")
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert "accounts.2fa_removed" in actions_for(editor)
