"""The page protocol (cms.pages.models.BasePage) and the standard sections table
(cms.pages.sections): what other apps read from pages is declared once, and every
page type's overrides name real fields."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.core.exceptions import FieldDoesNotExist
from wagtail.models import Page, get_page_models

from cms.pages.models import BasePage, LegalActPage, NewsPage, SectionPage, StandardPage
from cms.pages.sections import EDITOR_SNIPPET_PERMISSIONS, SECTION_SLUGS, STANDARD_SECTIONS

PROJECT_PAGE_TYPES = [m for m in get_page_models() if m is not Page]


def field_exists(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def test_every_page_type_follows_the_protocol():
    """Readers call the hooks directly, so every page type must have them."""
    assert PROJECT_PAGE_TYPES
    for model in PROJECT_PAGE_TYPES:
        assert issubclass(model, BasePage), model


def test_the_hooks_are_declared_with_their_defaults():
    assert BasePage.translated_required_fields == ("title",)
    assert BasePage.agency_media_fields == ()
    assert BasePage.fields_kept_when_absent == ()
    assert BasePage.search_date_field == "date"
    for hook in ("search_extra_text", "card", "content_language"):
        assert getattr(BasePage, hook).__doc__ or hook == "content_language", hook
    assert StandardPage(title="x").search_extra_text("kk") == []


@pytest.mark.parametrize("model", PROJECT_PAGE_TYPES, ids=lambda m: m._meta.label)
def test_overrides_name_real_fields(model):
    """A misspelt field in an override would silently do nothing: refuse it here."""
    for name in (
        *model.translated_required_fields,
        *model.agency_media_fields,
        *model.fields_kept_when_absent,
    ):
        assert field_exists(model, name) or hasattr(model, name), f"{model.__name__}.{name}"
    if model.search_date_field != BasePage.search_date_field:
        assert hasattr(model, model.search_date_field), model


@pytest.mark.django_db
def test_overrides_of_the_content_page_types():
    assert LegalActPage.search_date_field == "date_signed"
    assert LegalActPage.agency_media_fields == ("file_kk", "file_ru", "file_en")
    assert NewsPage.agency_media_fields == ("lead_image",)
    act = LegalActPage(title="x", number="15-p", signatory_kk="Қ. Әлиев", signatory="Қ. Әлиев")
    # The act's type in the language (an order by default), then its number and signatory.
    assert act.search_extra_text("kk") == ["Бұйрық", "15-p", "Қ. Әлиев"]


@pytest.mark.django_db
def test_default_card_shows_the_intro_and_the_date():
    import datetime

    card = NewsPage(title="Жаңалық", intro="Қысқаша", date=datetime.date(2024, 5, 7)).card(None)
    assert card == {
        "title": "Жаңалық",
        "url": "",
        "text": "Қысқаша",
        "meta": "07.05.2024",
        "datetime": "2024-05-07",
        "lang": "",  # the title is in the page's language: no lang attribute
    }
    assert StandardPage(title="Бет").card(None)["meta"] == ""


# --- the standard sections table --------------------------------------------------------


def test_standard_sections_are_section_page_types_named_in_every_language():
    assert len(SECTION_SLUGS) == len(set(SECTION_SLUGS)) == len(STANDARD_SECTIONS)
    for section in STANDARD_SECTIONS:
        model = apps.get_model(section.page_type)
        # Conversion of a plain section to its typed index relies on this.
        assert issubclass(model, SectionPage), section.slug
        assert all(section.names.get(lang) for lang in ("kk", "ru", "en")), section.slug


@pytest.mark.django_db
def test_editor_permissions_of_the_table_exist():
    wanted = [*EDITOR_SNIPPET_PERMISSIONS]
    for section in STANDARD_SECTIONS:
        wanted.extend(section.editor_permissions)
    for app_label, codename in wanted:
        assert Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).exists(), (app_label, codename)


def test_no_app_registers_sections_at_run_time():
    """The table is the one source: no AppConfig.ready() registry remains."""
    import cms.platform.provisioning as provisioning

    for name in ("SECTION_TYPES", "EXTRA_EDITOR_PERMISSIONS", "register_section_type"):
        assert not hasattr(provisioning, name), name
