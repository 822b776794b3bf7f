import pytest

from cms.pages.portal import ensure_portal


@pytest.fixture
def portal(db):
    return ensure_portal()


@pytest.fixture
def agency_a(portal):
    from tests.factories import make_agency

    return make_agency(
        "agency-a",
        names={"kk": "А агенттігі", "ru": "Агентство А", "en": "Agency A"},
        category="ministry",
    )


@pytest.fixture
def agency_b(portal):
    from tests.factories import make_agency

    return make_agency(
        "agency-b",
        names={"kk": "Б агенттігі", "ru": "Агентство Б", "en": "Agency B"},
        category="committee",
    )


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches site root paths; a test must not see another test's sites."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request or an admin view activates
    the user's language in this thread, and with modeltranslation a plain
    `page.title = ...` writes the active language's column."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def verify_second_factor(client, user):
    """Mark `client`'s session as having passed the second factor (django-otp's own
    session key, with a confirmed TOTP device of the user), as a real verification
    would. For users who need a second factor (platform admins, policy groups)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from cms.accounts import twofactor

    if not twofactor.is_required(user):
        return
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture(autouse=True)
def _second_factor_on_force_login(monkeypatch):
    """The second factor is enforced in tests too (settings.ACCOUNTS_2FA_ENFORCED);
    a test that signs in with Client.force_login is a verified session, as if the
    user had entered a code. Tests of the second factor sign in through the login
    form (tests/test_accounts_security.py), which this does not touch."""
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        verify_second_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)
