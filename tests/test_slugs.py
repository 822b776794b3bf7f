"""Page slugs made from Kazakh and Russian titles: the one shared table
(cms.core.translit), server-side and in the admin's slug field."""

import re

import pytest
from django.utils.text import slugify

from cms.core import translit
from cms.core.translit import CYRILLIC_TO_ASCII, KAZAKH_ALPHABET, slug_from_title
from cms.pages.forms import TranslatedPageForm
from cms.pages.models import StandardPage
from cms.pages.widgets import transliterating_slug_input
from search.analysis import translit as search_translit

# ъ and ь are silent in the 2021 alphabet and in every romanisation of Russian.
SILENT = set("ъь")


def test_alphabet_has_the_42_kazakh_letters():
    assert len(KAZAKH_ALPHABET) == 42
    assert len(set(KAZAKH_ALPHABET)) == 42
    assert set("әғқңөұүһі") <= set(KAZAKH_ALPHABET)


@pytest.mark.parametrize("letter", list(KAZAKH_ALPHABET))
def test_every_letter_has_an_ascii_spelling(letter):
    spelling = CYRILLIC_TO_ASCII[letter]
    if letter in SILENT:
        assert spelling == ""
    else:
        assert re.fullmatch(r"[a-z]+", spelling), (letter, spelling)
        # Upper case too, through the slug.
        assert slug_from_title(letter.upper()) == spelling


def test_the_kazakh_letters_keep_their_sound():
    assert [CYRILLIC_TO_ASCII[c] for c in "әғқңөұүһіжш"] == [
        "a", "g", "q", "n", "o", "u", "u", "h", "i", "zh", "sh",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("жаңа цифрлық қызмет", "zhana-tsifrlyq-qyzmet"),
        ("Жаңа цифрлық қызмет", "zhana-tsifrlyq-qyzmet"),
        ("Өтініш беру тәртібі", "otinish-beru-tartibi"),
        ("Ғылым және білім: 2026 жылғы жоспар", "gylym-zhane-bilim-2026-zhylgy-zhospar"),
        ("Үкімет қаулысы, 15-бап", "ukimet-qaulysy-15-bap"),
        ("Құқықтық актілер", "quqyqtyq-aktiler"),
        ("Һижра күнтізбесі", "hizhra-kuntizbesi"),
        ("Новости и объявления", "novosti-i-obiavleniia"),
        ("Щит и съезд", "shchit-i-sezd"),
        ("Digital services", "digital-services"),
    ],
)
def test_real_titles(title, slug):
    assert slug_from_title(title) == slug


def test_search_reads_the_same_table():
    assert search_translit.cyrillic_to_latin is translit.cyrillic_to_latin
    assert search_translit.cyrillic_to_latin("цифрлық қызмет") == "tsifrlyq qyzmet"


def _apply_formatters(widget, text):
    """What the admin's slug controller does with the widget's formatters before its
    own urlify: each regex replaced in turn (JavaScript flags "gu" ≈ Python re)."""
    import json

    for (pattern, _flags), replacement in json.loads(widget.attrs["data-w-slug-formatters-value"]):
        text = re.sub(pattern, replacement, text)
    return text


def test_admin_slug_field_transliterates_like_the_server():
    widget = transliterating_slug_input()
    for title in ("Жаңа цифрлық қызмет", "ӘҒҚҢӨҰҮҺІ әғқңөұүһі", "Объявления ЦОН"):
        # The admin's urlify on ASCII text is Django's slugify.
        assert slugify(_apply_formatters(widget, title)) == slug_from_title(title)


@pytest.mark.django_db
def test_page_form_uses_the_transliterating_slug_field():
    form_class = StandardPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, TranslatedPageForm)
    form = form_class(instance=StandardPage(), for_user=None)
    widget = form.fields["slug"].widget
    assert _apply_formatters(widget, "Қызмет") == "qyzmet"


@pytest.mark.django_db
def test_a_page_saved_without_slug_gets_the_transliterated_one(agency_a):
    parent = agency_a.home_page.get_children().get(slug="about").specific
    first = StandardPage(title_kk="Жаңа цифрлық қызмет", title_ru="Новая цифровая услуга")
    parent.add_child(instance=first)
    assert first.slug == "zhana-tsifrlyq-qyzmet"
    second = StandardPage(title_kk="Жаңа цифрлық қызмет", title_ru="Новая цифровая услуга")
    parent.add_child(instance=second)
    assert second.slug == "zhana-tsifrlyq-qyzmet-2"
