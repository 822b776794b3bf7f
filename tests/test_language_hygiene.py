"""Every piece of text carries the language it is shown in (issue 16, item 5): a menu
item, breadcrumb or card whose English title is missing shows the Russian one with
lang="ru"; a tag (never translated) says the language it is written in."""

import re
from datetime import date

import pytest

from cms.core.languages import fallback_lang, field_language, lang_attribute, text_language
from cms.navigation.models import QuickLink
from cms.pages.models import NewsPage
from tests.test_listings import add_vacancy


@pytest.fixture
def untranslated(agency_a):
    """agency-a's "about" section without its English title, and a news item with a
    Kazakh tag, a Russian tag and an English one, filled in every language."""
    about = agency_a.home_page.get_children().get(slug="about").specific
    about.title_en = ""
    about.save_revision().publish()
    news = agency_a.home_page.get_children().get(slug="news").specific
    page = NewsPage(slug="broadband", date=date(2026, 3, 2))
    page.title_kk, page.title_ru, page.title_en = (
        "Ауылдарға интернет",
        "Интернет в сёлах",
        "Broadband for villages",
    )
    for code, text in (("kk", "Мәтін."), ("ru", "Текст."), ("en", "Text.")):
        setattr(page, f"body_{code}", [("paragraph", f"<p>{text}</p>")])
    news.add_child(instance=page)
    page.tags.add("ауыл шаруашылығы", "связь", "broadband")
    page.save_revision().publish()
    return {"about": about, "news": page}


def tag_html(html, name):
    return re.search(rf'<a class="tag-list__tag"[^>]*>{name}</a>', html).group()


def test_english_menu_marks_the_russian_fallback(client, untranslated):
    html = client.get("/en/agency-a/news/broadband/").content.decode()
    assert '<html lang="en"' in html
    russian = untranslated["about"].title_ru
    link = rf'<a class="main-nav__link" href="/en/agency-a/about/"[^>]*lang="ru">{russian}</a>'
    assert re.search(link, html)
    # Translated items carry no lang of their own.
    assert re.search(r'<a class="main-nav__link" href="/en/agency-a/news/"[^>]*>News</a>', html)
    assert 'href="/en/agency-a/news/" lang=' not in html


def test_tags_say_their_language(client, untranslated):
    html = client.get("/en/agency-a/news/broadband/").content.decode()
    assert 'lang="kk"' in tag_html(html, "ауыл шаруашылығы")
    assert 'lang="ru"' in tag_html(html, "связь")
    assert 'lang="en"' in tag_html(html, "broadband")
    kazakh = client.get("/kk/agency-a/news/broadband/").content.decode()
    assert 'lang="kk"' in tag_html(kazakh, "ауыл шаруашылығы")
    assert 'lang="kk"' in tag_html(kazakh, "связь")  # Cyrillic without a Kazakh letter
    # The archive's topic filter too.
    archive = client.get("/en/agency-a/news/").content.decode()
    assert re.search(r'<option value="[^"]+" lang="kk">ауыл шаруашылығы</option>', archive)
    assert re.search(r'<option value="[^"]+" lang="ru">связь</option>', archive)
    assert re.search(r'<option value="broadband">broadband</option>', archive)


def test_breadcrumbs_and_cards_mark_the_fallback(client, agency_a, untranslated):
    about = untranslated["about"]
    child = NewsPage(slug="history", date=date(2026, 1, 1))
    child.title_kk, child.title_ru = "Тарих", "История"
    child.body_kk = [("paragraph", "<p>Мәтін.</p>")]
    child.body_ru = [("paragraph", "<p>Текст.</p>")]
    about.add_child(instance=child)
    child.save_revision().publish()
    html = client.get("/en/agency-a/about/history/").content.decode()
    assert re.search(
        rf'<a class="breadcrumbs__link" href="/en/agency-a/about/" lang="ru">{about.title_ru}</a>',
        html,
    )
    vacancy = add_vacancy(agency_a)
    vacancy.title_en = ""
    vacancy.save_revision().publish()
    listing = client.get("/en/agency-a/vacancies/").content.decode()
    card = r'<h3 class="card__title" lang="ru"><a class="card__link"[^>]*>Аналитик данных</a>'
    assert re.search(card, listing)


def test_kazakh_and_russian_pages_mark_nothing_needlessly(client, untranslated):
    for lang in ("kk", "ru"):
        html = client.get(f"/{lang}/agency-a/news/broadband/").content.decode()
        nav = html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
        assert " lang=" not in nav, lang


@pytest.mark.parametrize(
    ("text", "page", "expected"),
    [
        ("ауыл шаруашылығы", "ru", "kk"),
        ("ауыл шаруашылығы", "en", "kk"),
        ("связь", "en", "ru"),
        ("ауыл", "en", "kk"),
        ("цифрландыру", "ru", "kk"),
        ("интернет", "en", "ru"),
        ("аудит", "en", "ru"),
        ("связь", "kk", "kk"),  # no letter tells Kazakh from Russian: the page's
        ("broadband", "kk", "en"),
        ("broadband", "en", "en"),
        ("2026", "ru", "ru"),
    ],
)
def test_text_language(text, page, expected):
    assert text_language(text, page) == expected


def test_field_language_follows_the_fallback_chain():
    class Row:
        title_kk, title_ru, title_en = "Бос орындар", "Вакансии", ""

    assert field_language(Row, "title", "en") == "ru"
    assert field_language(Row, "title", "kk") == "kk"
    assert lang_attribute("ru", "en") == "ru" and lang_attribute("en", "en") == ""
    assert fallback_lang(Row, "title", "en") == "ru"
    assert fallback_lang(Row, "title", "ru") == ""

    class Brand:
        title_kk, title_ru, title_en = "eGov", "", ""

    # Filled only in Kazakh, but not Kazakh: judged by its letters.
    assert field_language(Brand, "title", "en") == "kk"
    assert fallback_lang(Brand, "title", "en") == ""
    assert fallback_lang(Brand, "title", "ru") == "en"


def test_agency_home_lists_mark_the_fallback(client, agency_a, untranslated):
    QuickLink.objects.create(
        agency=agency_a,
        title_kk="Электрондық үкімет",
        title_ru="Электронное правительство",
        title_en="",
        url="https://egov.kz/",
    )
    QuickLink.objects.create(
        agency=agency_a,
        title_kk="Ашық деректер",
        title_ru="Открытые данные",
        title_en="Open data",
        url="https://data.egov.kz/",
        sort_order=1,
    )
    html = client.get("/en/agency-a/").content.decode()
    about = untranslated["about"].title_ru
    assert re.search(
        rf'<a class="link-list__link" href="/en/agency-a/about/" lang="ru">{about}</a>', html
    )
    assert (
        '<a class="link-list__link" href="https://egov.kz/" lang="ru">Электронное правительство</a>'
        in html
    )
    assert '<a class="link-list__link" href="https://data.egov.kz/">Open data</a>' in html


def test_person_cards_mark_a_fallback_name_and_position(client, agency_a):
    """A leader whose English name and position are missing is shown in Russian on the
    English leadership page: both say so; a Russian page marks nothing."""
    from tests.test_organisation import add_person, leadership_of

    names = {"kk": "Әсел Нұрланқызы", "ru": "Асель Нурлановна", "en": "Asel Nurlanovna"}
    person = add_person(leadership_of(agency_a), "asel", names)
    person.title_en, person.position_en = "", ""
    person.save_revision().publish()
    html = client.get("/en/agency-a/leadership/").content.decode()
    assert re.search(r'<h3 class="person-card__name" lang="ru"><a[^>]*>Асель Нурлановна</a>', html)
    assert re.search(r'<p class="person-card__position" lang="ru">', html)
    russian = client.get("/ru/agency-a/leadership/").content.decode()
    assert 'class="person-card__name" lang=' not in russian
