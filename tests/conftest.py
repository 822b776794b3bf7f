import pytest

from cms.platform.portal import ensure_portal


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
