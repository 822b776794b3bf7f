"""Three languages: prefixes, switcher, hreflang, en→ru fallback, kk+ru required to publish."""

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.pages.languages import content_language, missing_languages
from cms.pages.models import NewsPage
from tests.factories import UserFactory


def add_news(section, *, en: bool) -> NewsPage:
    page = NewsPage(slug="tariffs")
    page.title_kk = "Тарифтер туралы хабарлама"
    page.title_ru = "Сообщение о тарифах"
    page.body_kk = [("paragraph", "<p>Қазақша мәтін.</p>")]
    page.body_ru = [("paragraph", "<p>Русский текст.</p>")]
    if en:
        page.title_en = "Notice on tariffs"
        page.body_en = [("paragraph", "<p>English text.</p>")]
    section.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def news_section(agency_a):
    return agency_a.home_page.get_children().get(slug="news").specific


def test_fallback_to_russian_with_notice(client, news_section):
    add_news(news_section, en=False)
    html = client.get("/en/agency-a/news/tariffs/").content.decode()
    assert '<html lang="en">' in html
    assert "has not been translated into English" in html
    assert '<div class="page-content" lang="ru">' in html
    assert "Сообщение о тарифах" in html and "Русский текст." in html


def test_english_page_has_no_notice(client, news_section):
    add_news(news_section, en=True)
    html = client.get("/en/agency-a/news/tariffs/").content.decode()
    assert "Notice on tariffs" in html and "English text." in html
    assert "has not been translated" not in html
    assert 'lang="ru">' not in html.split("<main", 1)[1].split("</main>")[0]


@pytest.mark.parametrize(
    "lang,title", [("kk", "Тарифтер туралы хабарлама"), ("ru", "Сообщение о тарифах")]
)
def test_required_languages_are_shown_as_they_are(client, news_section, lang, title):
    add_news(news_section, en=False)
    html = client.get(f"/{lang}/agency-a/news/tariffs/").content.decode()
    assert f'<html lang="{lang}">' in html and title in html
    assert "has not been translated" not in html


def test_content_language_helpers(news_section):
    page = add_news(news_section, en=False)
    assert content_language(page, "en") == "ru"
    assert content_language(page, "kk") == "kk"
    assert missing_languages(page) == []
    page.title_ru = ""
    assert missing_languages(page) == ["ru"]


def test_switcher_and_hreflang_keep_the_page(client, news_section):
    add_news(news_section, en=True)
    html = client.get("/ru/agency-a/news/tariffs/").content.decode()
    for code in ("kk", "ru", "en"):
        assert f'hreflang="{code}" href="http://testserver/{code}/agency-a/news/tariffs/"' in html
        assert f'href="/{code}/agency-a/news/tariffs/" lang="{code}" hreflang="{code}"' in html
    assert 'hreflang="x-default" href="http://testserver/kk/agency-a/news/tariffs/"' in html


def _news_post(title_kk, title_ru, action):
    data = nested_form_data(
        {
            "title_kk": title_kk,
            "title_ru": title_ru,
            "title_en": "",
            "slug": "new-item",
            "date": "2026-11-20",
            "body_kk": streamfield([("paragraph", rich_text("<p>Мәтін</p>"))]),
            "body_ru": streamfield([("paragraph", rich_text("<p>Текст</p>"))]),
            "body_en": streamfield([]),
            "comment_notifications": "on",
        }
    )
    data[action] = "1"
    return data


@pytest.fixture
def admin_client(client, portal):
    from wagtail.users.models import UserProfile

    user = UserFactory(username="root", is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the admin speaks the user's language
    profile.save()
    client.force_login(user)
    return client


@pytest.mark.parametrize("missing,language_name", [("ru", "Russian"), ("kk", "Kazakh")])
def test_publishing_without_a_required_language_is_refused(
    admin_client, news_section, missing, language_name
):
    titles = {"kk": "Жаңа хабар", "ru": "Новое сообщение"}
    titles[missing] = ""
    url = f"/admin/pages/add/pages/newspage/{news_section.pk}/"
    response = admin_client.post(url, _news_post(titles["kk"], titles["ru"], "action-publish"))
    assert response.status_code == 200
    form = response.context["form"]
    assert f"The {language_name} version is required to publish." in str(form.errors)
    assert not NewsPage.objects.filter(slug="new-item").exists()


def test_draft_without_russian_is_saved(admin_client, news_section):
    url = f"/admin/pages/add/pages/newspage/{news_section.pk}/"
    response = admin_client.post(url, _news_post("Жаңа хабар", "", "action-save-draft"))
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="new-item")
    assert not page.live


def test_publishing_with_kk_and_ru_works_without_english(admin_client, news_section):
    url = f"/admin/pages/add/pages/newspage/{news_section.pk}/"
    response = admin_client.post(url, _news_post("Жаңа хабар", "Новое сообщение", "action-publish"))
    assert response.status_code == 302
    assert NewsPage.objects.get(slug="new-item").live


# --- The one rule (cms.core.languages), pinned once ----------------------------------
def test_language_list_comes_from_settings_once(settings):
    from cms.core import languages

    assert languages.LANGUAGE_CODES == tuple(code for code, _name in settings.LANGUAGES)
    assert languages.LANGUAGE_CODES == ("kk", "ru", "en")
    assert languages.REQUIRED == ("kk", "ru")
    assert languages.OPTIONAL == ("en",)
    assert languages.FALLBACK == {"en": "ru"}
    assert tuple(settings.MODELTRANSLATION_LANGUAGES) == languages.LANGUAGE_CODES


@pytest.mark.parametrize(
    "values,fields,filled,shown,en_shows",
    [
        # kk and ru only: en is not filled, a request in en shows ru.
        ({"title_kk": "А", "title_ru": "Б", "title_en": ""}, ("title",),
         {"kk": True, "ru": True, "en": False}, ["kk", "ru"], "ru"),
        # All three titles: en is its own version.
        ({"title_kk": "А", "title_ru": "Б", "title_en": "C"}, ("title",),
         {"kk": True, "ru": True, "en": True}, ["kk", "ru", "en"], "en"),
        # A required field with content in some language must have it in en too.
        ({"title_kk": "А", "title_ru": "Б", "title_en": "C",
          "body_kk": "[1]", "body_ru": "[1]", "body_en": "[]"}, ("title", "body"),
         {"kk": True, "ru": True, "en": False}, ["kk", "ru"], "ru"),
        # ...but a body empty in every language lacks no language.
        ({"title_kk": "А", "title_ru": "Б", "title_en": "C",
          "body_kk": None, "body_ru": "", "body_en": "[]"}, ("title", "body"),
         {"kk": True, "ru": True, "en": True}, ["kk", "ru", "en"], "en"),
        # A required language is shown even when not filled (publishing enforces it).
        ({"title_kk": "", "title_ru": "Б", "title_en": "  "}, ("title",),
         {"kk": False, "ru": True, "en": False}, ["kk", "ru"], "ru"),
    ],
)
def test_the_language_rule(values, fields, filled, shown, en_shows):
    from cms.core.languages import filled_languages, shown_language, shown_languages

    status = filled_languages(values, fields)
    assert status == filled
    assert shown_languages(status) == shown
    assert shown_language("en", status) == en_shows
    assert shown_language("kk", status) == "kk"
    assert shown_language("ru", status) == "ru"


@pytest.mark.parametrize("en", [False, True])
def test_pages_search_feeds_and_editorial_agree(news_section, en):
    from cms.editorial.languages import language_status as editorial_status
    from cms.feeds.scope import languages_of
    from cms.pages.languages import language_status, page_languages
    from search.documents import indexed_languages

    page = add_news(news_section, en=en)
    expected = ["kk", "ru", "en"] if en else ["kk", "ru"]
    assert page_languages(page) == expected
    assert indexed_languages(page) == expected
    assert languages_of(page) == expected
    assert editorial_status([page])[page.pk] == language_status(page)
    assert content_language(page, "en") == ("en" if en else "ru")
