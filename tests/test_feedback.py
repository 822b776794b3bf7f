"""Page trust and feedback (cms.feedback): the foot of every page (last updated,
share links, "Was this page useful?"), the feedback page that stores answers, and
what it refuses.

The page carrying the block is stored by the page cache and is the same for every
visitor: these tests post from a page that was served from the cache (`X-Page-Cache:
hit`), with and without the token the block's script fetches.
"""

import json
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone, translation

from cms.core import pagecache
from cms.core.components.page_updated import long_date
from cms.feedback.forms import new_token
from cms.feedback.models import MESSAGE_MAX_LENGTH, Feedback, LanguageUpdate
from cms.feedback.updates import last_updated
from tests.test_content_pages import add_standard, publish, url

pytestmark = pytest.mark.django_db
LANGS = [code for code, _name in settings.LANGUAGES]
TOKEN = re.compile(r'name="token" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_PURGE = ""


@pytest.fixture
def page(agency_a):
    return add_standard(agency_a, "trust")


def feedback_url(page, lang):
    return f"/{lang}/feedback/{page.pk}/"


def cached_html(client, path) -> str:
    """The page as a second visitor gets it: from the page cache."""
    assert client.get(path).status_code == 200
    response = client.get(path)
    assert response[pagecache.HEADER] == "hit"
    return response.content.decode()


def fresh_token(client, page, lang) -> str:
    """What the block's script does: fetch a token."""
    response = client.get(f"/{lang}/feedback/{page.pk}/token/")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    return response.json()["token"]


def msgstr(text: str, lang: str, context: str = "") -> str | None:
    """The translation in the catalog, else in this branch's pending file."""
    po = polib.pofile(str(Path(settings.BASE_DIR) / "locale" / lang / "LC_MESSAGES" / "django.po"))
    entry = po.find(text, msgctxt=context or False) if context else po.find(text)
    if entry and entry.msgstr:
        return entry.msgstr
    pending = Path(settings.BASE_DIR) / "locale" / "pending" / "feedback.json"
    key = f"{context}\x04{text}" if context else text
    return json.loads(pending.read_text(encoding="utf-8")).get(key, {}).get(lang)


# --- The foot of a page ------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_every_page_shows_when_its_language_last_changed(client, page, lang):
    html = client.get(url(page, lang)).content.decode()
    day = timezone.localtime(page.last_published_at).date()
    with translation.override(lang):
        written = long_date(day)
    assert f'<time datetime="{day.isoformat()}">{written}</time>' in html
    assert 'class="page-updated"' in html


def test_a_language_keeps_its_date_when_only_another_language_changes(page):
    page.refresh_from_db()
    first = page.last_published_at
    before = {row.language: row.updated for row in LanguageUpdate.objects.filter(page=page)}
    assert set(before) == set(LANGS)
    page.refresh_from_db()
    page.intro_ru = "Исправленное введение"
    publish(page)
    page.refresh_from_db()
    assert page.last_published_at > first
    after = {row.language: row.updated for row in LanguageUpdate.objects.filter(page=page)}
    assert after["ru"] == page.last_published_at
    assert after["kk"] == before["kk"] and after["en"] == before["en"]
    assert last_updated(page, "kk") == before["kk"]
    assert last_updated(page, "ru") == page.last_published_at


def test_written_dates_are_translated_for_kk_and_ru():
    """The month names and the date pattern of each language are in the catalogs (or
    this branch's pending translations): "2026 жылғы 7 желтоқсан", "7 декабря 2026 г."."""
    for lang in ("kk", "ru"):
        pattern = msgstr("%(day)s %(month)s %(year)s", lang, "a written date")
        assert pattern and "%(year)s" in pattern and pattern != "%(day)s %(month)s %(year)s"
        december = msgstr("December", lang, "in a date")
        assert december and december != "December"
    assert msgstr("December", "ru", "in a date") == "декабря"
    assert msgstr("%(day)s %(month)s %(year)s", "kk", "a written date").startswith("%(year)s")


def test_share_links_are_plain_links_with_the_page_address(client, page):
    html = cached_html(client, url(page, "ru"))
    address = f"http://testserver{url(page, 'ru')}"
    from urllib.parse import quote

    assert f'href="https://t.me/share/url?url={quote(address, safe="")}' in html
    assert 'href="https://wa.me/?text=' in html
    assert 'href="mailto:?subject=' in html
    assert html.count('aria-label="') >= 3
    # No script or frame of the services.
    assert "telegram.org" not in html and "whatsapp.com" not in html
    assert not re.search(r"<(script|iframe)[^>]+(t\.me|wa\.me|whatsapp)", html)


def test_the_block_holds_no_per_visitor_token_and_the_page_stays_cached(client, page):
    html = cached_html(client, url(page, "kk"))
    assert f'action="{feedback_url(page, "kk")}"' in html
    assert 'name="token" value=""' in html
    assert "csrfmiddlewaretoken" not in html
    assert Client().get(url(page, "kk"))[pagecache.HEADER] == "hit"


# --- Answering ---------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_a_cached_page_accepts_an_answer_with_a_fetched_token(client, page, agency_a, lang):
    cached_html(client, url(page, lang))
    response = client.post(
        feedback_url(page, lang), {"useful": "yes", "token": fresh_token(client, page, lang)}
    )
    assert response.status_code == 303
    stored = Feedback.objects.get()
    assert (stored.agency_id, stored.page_id, stored.language, stored.useful) == (
        agency_a.pk,
        page.pk,
        lang,
        True,
    )
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    html = thanks.content.decode()
    assert f'<html lang="{lang}"' in html
    with translation.override(lang):
        assert translation.gettext("Thank you for your feedback") in html
    assert "no-cache" in thanks["Cache-Control"]


def test_without_javascript_the_answer_is_confirmed_then_stored(client, page):
    """The block posts without a token: nothing is stored, the feedback page asks to
    confirm with the answer kept and a fresh token; the second post is stored."""
    cached_html(client, url(page, "ru"))
    first = client.post(feedback_url(page, "ru"), {"useful": "no", "token": "", "website_url": ""})
    assert first.status_code == 200
    assert not Feedback.objects.exists()
    html = first.content.decode()
    assert re.search(r'value="no" checked', html)
    token = TOKEN.search(html).group(1)
    second = client.post(
        feedback_url(page, "ru"),
        {"useful": "no", "message": "Телефон приёмной устарел.", "token": token, "website_url": ""},
    )
    assert second.status_code == 303
    stored = Feedback.objects.get()
    assert stored.useful is False and stored.message == "Телефон приёмной устарел."


def test_report_an_error_without_an_answer(client, page):
    form = client.get(feedback_url(page, "en"))
    token = TOKEN.search(form.content.decode()).group(1)
    response = client.post(
        feedback_url(page, "en"), {"message": "The phone number is wrong.", "token": token}
    )
    assert response.status_code == 303
    assert Feedback.objects.get().useful is None


# --- Refusals -----------------------------------------------------------------------
def _messages(lang, *msgids):
    with translation.override(lang):
        return [translation.gettext(m) for m in msgids]


@pytest.mark.parametrize("lang", LANGS)
def test_empty_and_too_long_are_refused_with_a_message(client, page, lang):
    token = fresh_token(client, page, lang)
    empty = client.post(feedback_url(page, lang), {"token": token, "message": "   "})
    assert empty.status_code == 400
    (expected,) = _messages(lang, "Choose “Yes” or “No”, or describe the error on the page.")
    assert expected in empty.content.decode()
    too_long = client.post(
        feedback_url(page, lang), {"token": token, "message": "я" * (MESSAGE_MAX_LENGTH + 1)}
    )
    assert too_long.status_code == 400
    assert str(MESSAGE_MAX_LENGTH) in too_long.content.decode()
    bad_choice = client.post(feedback_url(page, lang), {"token": token, "useful": "maybe"})
    assert bad_choice.status_code == 400
    assert not Feedback.objects.exists()


def test_wrong_replayed_and_foreign_tokens_are_refused(client, page, agency_a):
    other = add_standard(agency_a, "other")
    for token in ("forged", new_token(other.pk)):
        response = client.post(feedback_url(page, "kk"), {"useful": "yes", "token": token})
        assert response.status_code == 400
        (expected,) = _messages(
            "kk", "The form has expired. Please check your answer and send it again."
        )
        assert expected in response.content.decode()
    token = fresh_token(client, page, "kk")
    assert (
        client.post(feedback_url(page, "kk"), {"useful": "yes", "token": token}).status_code == 303
    )
    replay = client.post(feedback_url(page, "kk"), {"useful": "yes", "token": token})
    assert replay.status_code == 400
    assert Feedback.objects.count() == 1


def test_honeypot_gets_a_thank_you_and_stores_nothing(client, page):
    response = client.post(
        feedback_url(page, "ru"),
        {"useful": "yes", "token": fresh_token(client, page, "ru"), "website_url": "http://spam"},
    )
    assert response.status_code == 303
    assert client.get(response["Location"]).status_code == 200
    assert not Feedback.objects.exists()


def test_too_many_posts_from_one_address_get_429_in_the_page_language(settings, page):
    settings.FEEDBACK_RATE_LIMIT = 2
    client = Client(REMOTE_ADDR="10.9.9.9")
    for _n in range(2):
        token = fresh_token(client, page, "kk")
        assert (
            client.post(feedback_url(page, "kk"), {"useful": "yes", "token": token}).status_code
            == 303
        )
    token = fresh_token(client, page, "kk")
    response = client.post(feedback_url(page, "kk"), {"useful": "yes", "token": token})
    assert response.status_code == 429
    assert response["Retry-After"]
    (expected,) = _messages(
        "kk",
        "You have sent a lot of feedback about this page. Please wait a few minutes and try again.",
    )
    assert expected in response.content.decode()
    # Another address, or the same address on another page, is not limited.
    other = Client(REMOTE_ADDR="10.9.9.10")
    assert (
        other.post(
            feedback_url(page, "kk"), {"useful": "no", "token": fresh_token(other, page, "kk")}
        ).status_code
        == 303
    )
    assert Feedback.objects.count() == 3


def test_no_address_is_stored():
    names = {field.name for field in Feedback._meta.get_fields()}
    assert not names & {"ip", "ip_address", "address", "remote_addr", "user_agent"}


@pytest.mark.parametrize(
    "path",
    ["/kk/feedback/999999/", "/kk/feedback/abc/"],
)
def test_unknown_pages_are_404(client, path):
    assert client.get(path).status_code == 404
    assert client.post(path, {"useful": "yes"}).status_code == 404


def test_portal_pages_and_drafts_take_no_feedback(client, page, portal):
    assert client.get(f"/kk/feedback/{portal.pk}/").status_code == 404
    page.unpublish()
    assert client.post(feedback_url(page, "kk"), {"useful": "yes"}).status_code == 404


def test_get_preselects_the_answer_and_is_never_cached(client, page):
    response = client.get(feedback_url(page, "en") + "?useful=no")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    assert pagecache.HEADER not in response
    assert re.search(r'value="no" checked', response.content.decode())
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_feedback_is_a_reserved_slug():
    from cms.tenants.models import RESERVED_SLUGS

    assert "feedback" in RESERVED_SLUGS


def test_publishing_a_language_redates_it_on_the_cached_page(client, page):
    cached_html(client, url(page, "ru"))
    page.refresh_from_db()
    page.title_ru = "Обновлённая страница"
    publish(page)
    page.refresh_from_db()
    html = client.get(url(page, "ru")).content.decode()
    assert "Обновлённая страница" in html
    day = timezone.localtime(page.last_published_at).date()
    assert f'<time datetime="{day.isoformat()}">' in html
    assert last_updated(page, "ru") == page.last_published_at


def test_portal_pages_show_the_date_and_share_links_but_take_no_feedback(client, portal):
    """The portal's own pages (no agency) have no editors to read feedback."""
    response = client.get("/ru/about-platform/")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'class="page-updated"' in text and 'class="share-links"' in text
    assert "page-feedback" not in text
