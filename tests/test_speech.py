"""Listen to this page (cms/speech): eSpeak NG speaks a published page, the MP3 is
stored with its duration, the page shows the player, and the audio follows the page
(text changes, unpublishing, privacy, an archived agency). Synthesis is off in the
test settings; this module turns it on (SPEECH_ENGINE=library: the eSpeak NG bundled
by the espeakng-loader package, a dependency, so it never skips)."""

import array
import re

import pytest
from django.core.files.storage import default_storage
from wagtail.models import PageViewRestriction

from cms.core import pagecache
from cms.pages.models import NewsPage
from cms.speech import engine
from cms.speech.audio import encode_mp3, mp3_duration, rms
from cms.speech.generate import sync_page
from cms.speech.models import PageAudio
from cms.speech.normalise import normalise
from cms.speech.tasks import sync_audio_task
from cms.speech.text import raw_text, spoken_text
from cms.tenants.models import Agency
from tests.test_content_pages import section

KAZAKH_SENTENCE = "ҚР Үкіметі 2026 жылы халыққа қызмет көрсетудің жаңа цифрлық жүйесін іске қосты."
AUDIO_URL = re.compile(r'<source src="(/speech/\d+/(\w+)-[0-9a-f]{12}\.mp3)" type="audio/mpeg">')
# eSpeak NG at RATE words a minute, with pauses: a sane duration is between half and
# twice the words' time at that rate.
SILENCE_RMS = 300


@pytest.fixture(autouse=True)
def speech_on(settings):
    settings.SPEECH_ENGINE = "library"


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the transaction's commit (the task, file deletions)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def sane_duration(text: str, seconds: float) -> bool:
    words = len(text.split())
    expected = words / engine.RATE * 60
    return expected / 2 <= seconds <= expected * 2


def add_news_item(agency, slug, commit, *, en=True):
    page = NewsPage(slug=slug)
    page.title_kk = "Жаңа цифрлық қызмет іске қосылды"
    page.title_ru = "Запущена новая цифровая услуга"
    page.intro_kk = "ҚР азаматтары енді ЖСН арқылы анықтаманы онлайн ала алады."
    page.intro_ru = "Граждане РК теперь могут получить справку онлайн по ИИН."
    page.body_kk = [("paragraph", "<p>Қызмет 07.12.2026 бастап ХҚКО-да да көрсетіледі.</p>")]
    page.body_ru = [("paragraph", "<p>С 07.12.2026 услуга оказывается и в ЦОНе.</p>")]
    if en:
        page.title_en = "A new digital service is launched"
        page.intro_en = "Citizens can now get the certificate online."
        page.body_en = [("paragraph", "<p>The service is also available at service centres.</p>")]
    section(agency, "news").add_child(instance=page)
    with commit():
        page.save_revision().publish()
    return page


def player_urls(html: str) -> list[tuple[str, str]]:
    return AUDIO_URL.findall(html)


# --- Synthesis ------------------------------------------------------------------------
def test_a_kazakh_sentence_is_spoken_with_a_sane_duration_and_is_not_silence():
    text = normalise(KAZAKH_SENTENCE, "kk")
    speech = engine.synthesise(text, "kk")
    assert speech.sample_rate == 22050
    assert sane_duration(text, speech.duration), (speech.duration, text)
    assert rms(speech.samples) > SILENCE_RMS
    # The threshold separates speech from silence.
    assert rms(array.array("h", [0] * 1000)) < SILENCE_RMS

    mp3 = encode_mp3(speech)
    # The MP3's own frames give the same duration (the encoder adds a frame or two).
    assert abs(mp3_duration(mp3) - speech.duration) < 0.2
    # 32 kbit/s: about 4 kB a second.
    assert 3000 * speech.duration < len(mp3) < 5000 * speech.duration


def test_every_site_language_has_a_voice():
    from cms.core.languages import LANGUAGE_CODES

    for language in LANGUAGE_CODES:
        speech = engine.synthesise("12", language)
        assert speech.duration > 0.2 and rms(speech.samples) > SILENCE_RMS, language


def test_mp3_duration_refuses_what_is_not_mp3():
    with pytest.raises(ValueError):
        mp3_duration(b"RIFF\x00\x00\x00\x00WAVEfmt ")


# --- The page's text -------------------------------------------------------------------
def test_spoken_text_is_title_lead_and_body_normalised_and_no_chrome(agency_a, commit):
    page = add_news_item(agency_a, "text", commit)
    assert raw_text(page, "kk").split("\n") == [
        "Жаңа цифрлық қызмет іске қосылды.",
        "ҚР азаматтары енді ЖСН арқылы анықтаманы онлайн ала алады.",
        "Қызмет 07.12.2026 бастап ХҚКО-да да көрсетіледі.",
    ]
    spoken = spoken_text(page, "ru")
    assert "Граждане Республики Казахстан" in spoken
    assert "индивидуальному идентификационному номеру" in spoken
    assert "с седьмого декабря две тысячи двадцать шестого года" in spoken.lower()
    assert "в центре обслуживания населения" in spoken
    assert agency_a.name_ru not in spoken  # the site's name, menus: not the page's text


# --- Publishing -------------------------------------------------------------------------
def test_publishing_makes_audio_and_the_page_shows_a_working_player(client, agency_a, commit):
    page = add_news_item(agency_a, "listen", commit)
    audio = {a.language: a for a in PageAudio.objects.filter(page=page)}
    assert set(audio) == {"kk", "ru", "en"}
    for language, row in audio.items():
        text = spoken_text(page, language)
        assert sane_duration(text, row.duration), (language, row.duration, text)
        assert default_storage.exists(row.file.name)

    for language in ("kk", "ru", "en"):
        html = client.get(f"/{language}/agency-a/news/{page.slug}/").content.decode()
        assert 'class="audio-player"' in html, language
        assert "autoplay" not in html
        assert 'preload="none"' in html
        (url, audio_language), = player_urls(html)
        assert audio_language == language
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "audio/mpeg"
        data = b"".join(response.streaming_content)
        assert abs(mp3_duration(data) - audio[language].duration) < 0.2
        download = client.get(url + "?download=1")
        assert download["Content-Disposition"].startswith("attachment")
        assert f"{page.slug}-{language}.mp3" in download["Content-Disposition"]



def test_the_player_is_labelled_in_the_page_language(client, agency_a, commit):
    add_news_item(agency_a, "label", commit)
    html = client.get("/ru/agency-a/news/label/").content.decode()
    label = re.search(r'<span class="audio-player__title">([^<]+)</span>', html).group(1)
    audio = re.search(r"<audio [^>]*>", html).group(0)
    assert f'aria-label="{label}"' in audio and 'preload="none"' in audio
    assert re.search(r'<time datetime="PT\d+(M\d+)?S">', html)


def test_an_english_page_shown_in_russian_plays_the_russian_audio(client, agency_a, commit):
    page = add_news_item(agency_a, "no-english", commit, en=False)
    assert set(PageAudio.objects.filter(page=page).values_list("language", flat=True)) == {
        "kk", "ru"
    }
    html = client.get("/en/agency-a/news/no-english/").content.decode()
    (url, language), = player_urls(html)
    assert language == "ru"
    assert 'lang="ru"' in html.split('class="audio-player"')[1].split("</figure>")[0]


def test_same_text_keeps_the_audio_and_a_new_text_replaces_it(client, agency_a, commit):
    page = add_news_item(agency_a, "change", commit)
    before = PageAudio.objects.get(page=page, language="kk")
    with commit():
        page.save_revision().publish()
    assert PageAudio.objects.get(page=page, language="kk").file.name == before.file.name

    page.intro_kk = "Анықтаманы енді 5 минутта алуға болады."
    with commit():
        page.save_revision().publish()
    after = PageAudio.objects.get(page=page, language="kk")
    assert after.file.name != before.file.name
    assert after.text_hash != before.text_hash
    assert not default_storage.exists(before.file.name)
    old_url = f"/speech/{page.pk}/kk-{before.token}.mp3"
    assert client.get(old_url).status_code == 404
    assert client.get(f"/speech/{page.pk}/kk-{after.token}.mp3").status_code == 200
    # The Russian text did not change: its audio was kept.
    assert PageAudio.objects.get(page=page, language="ru").updated_at <= after.updated_at


def test_unpublishing_removes_the_audio(client, agency_a, commit):
    page = add_news_item(agency_a, "gone", commit)
    rows = list(PageAudio.objects.filter(page=page))
    urls = [f"/speech/{page.pk}/{a.language}-{a.token}.mp3" for a in rows]
    with commit():
        page.unpublish()
    assert not PageAudio.objects.filter(page=page).exists()
    for row, url in zip(rows, urls, strict=True):
        assert not default_storage.exists(row.file.name)
        assert client.get(url).status_code == 404


def test_deleting_the_page_deletes_its_files(agency_a, commit):
    page = add_news_item(agency_a, "deleted", commit)
    names = list(PageAudio.objects.filter(page=page).values_list("file", flat=True))
    with commit():
        page.delete()
    assert names and not any(default_storage.exists(name) for name in names)


# --- Privacy and tenancy ----------------------------------------------------------------
def test_a_page_made_private_loses_its_audio_and_a_private_page_gets_none(
    client, agency_a, commit
):
    page = add_news_item(agency_a, "secret", commit)
    row = PageAudio.objects.get(page=page, language="kk")
    url = f"/speech/{page.pk}/kk-{row.token}.mp3"
    with commit():
        PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    assert not PageAudio.objects.filter(page=page).exists()
    assert client.get(url).status_code == 404

    # Published again while private: no audio is made.
    with commit():
        page.save_revision().publish()
    assert not PageAudio.objects.filter(page=page).exists()
    assert sync_page(page.pk)["made"] == []

    # Public again: the audio comes back.
    with commit():
        PageViewRestriction.objects.filter(page=page).delete()
    assert PageAudio.objects.filter(page=page).count() == 3


def test_a_private_page_audio_row_is_never_served_nor_shown(client, agency_a, commit):
    """Even if a row exists (made before the restriction, by a worker racing it), the
    view and the player check the page's privacy themselves."""
    page = add_news_item(agency_a, "raced", commit)
    row = PageAudio.objects.get(page=page, language="ru")
    url = f"/speech/{page.pk}/ru-{row.token}.mp3"
    PageViewRestriction.objects.bulk_create(  # no signals: the row stays
        [PageViewRestriction(page=page, restriction_type="login")]
    )
    from cms.core import chrome
    from cms.pages.privacy import SCOPE

    chrome.bump(SCOPE)
    assert PageAudio.objects.filter(page=page).exists()
    assert client.get(url).status_code == 404
    from cms.speech.player import audio_for

    assert audio_for(page, "ru") is None


def test_an_archived_agency_audio_follows_its_pages(client, agency_a, commit):
    page = add_news_item(agency_a, "archived", commit)
    row = PageAudio.objects.get(page=page, language="kk")
    url = f"/speech/{page.pk}/kk-{row.token}.mp3"
    assert client.get(url).status_code == 200
    Agency.objects.filter(pk=agency_a.pk).update(status=Agency.Status.ARCHIVED)
    assert client.get(url).status_code == 404
    Agency.objects.filter(pk=agency_a.pk).update(status=Agency.Status.ACTIVE)
    assert client.get(url).status_code == 200


def test_a_wrong_token_or_language_is_a_404(client, agency_a, agency_b, commit):
    page = add_news_item(agency_a, "tokens", commit)
    row = PageAudio.objects.get(page=page, language="kk")
    assert client.get(f"/speech/{page.pk}/kk-{'0' * 12}.mp3").status_code == 404
    assert client.get(f"/speech/{page.pk}/xx-{row.token}.mp3").status_code == 404
    assert client.get(f"/speech/{agency_b.home_page.pk}/kk-{row.token}.mp3").status_code == 404


def test_home_pages_have_no_audio(agency_a, commit):
    with commit():
        agency_a.home_page.save_revision().publish()
    assert not PageAudio.objects.filter(page=agency_a.home_page).exists()


# --- Without eSpeak NG --------------------------------------------------------------------
def test_with_speech_off_publishing_works_and_the_page_has_no_player(
    client, agency_a, commit, settings
):
    settings.SPEECH_ENGINE = "off"
    page = add_news_item(agency_a, "silent", commit)
    assert page.live
    assert not PageAudio.objects.filter(page=page).exists()
    html = client.get("/kk/agency-a/news/silent/").content.decode()
    assert "audio-player" not in html


def test_without_espeak_publishing_works_and_logs_why(client, agency_a, commit, settings, caplog):
    """SPEECH_ENGINE=binary with no such program: eSpeak NG is absent."""
    settings.SPEECH_ENGINE = "binary"
    settings.SPEECH_ESPEAK_PROGRAM = "/nonexistent/espeak-ng"
    assert not engine.available()
    with caplog.at_level("WARNING", logger="cms.speech.generate"):
        page = add_news_item(agency_a, "absent", commit)
    assert page.live
    assert not PageAudio.objects.filter(page=page).exists()
    assert "not available" in caplog.text
    assert "audio-player" not in client.get("/kk/agency-a/news/absent/").content.decode()


def test_text_changed_while_espeak_is_absent_drops_the_old_audio(agency_a, commit, settings):
    page = add_news_item(agency_a, "stale", commit)
    settings.SPEECH_ENGINE = "binary"
    settings.SPEECH_ESPEAK_PROGRAM = "/nonexistent/espeak-ng"
    page.title_kk = "Қызмет тоқтатылды"
    with commit():
        page.save_revision().publish()
    assert not PageAudio.objects.filter(page=page, language="kk").exists()
    assert PageAudio.objects.filter(page=page, language="ru").exists()  # unchanged


# --- Page cache ------------------------------------------------------------------------------
def test_audio_appearing_retires_the_cached_page(client, agency_a, commit, settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_PURGE = ""
    settings.SPEECH_ENGINE = "off"
    page = add_news_item(agency_a, "cached", commit)
    path = "/kk/agency-a/news/cached/"
    assert "audio-player" not in client.get(path).content.decode()
    assert client.get(path)[pagecache.HEADER] == "hit"

    settings.SPEECH_ENGINE = "library"
    with commit():
        sync_audio_task.enqueue([page.pk])
    response = client.get(path)
    assert response[pagecache.HEADER] == "miss"
    assert 'class="audio-player"' in response.content.decode()

    with commit():
        page.unpublish()
    # The page itself is gone (404); its audio too.
    assert not PageAudio.objects.filter(page=page).exists()


# --- The espeak-ng program (Debian's package) --------------------------------------------
PROGRAM = '''#!{python}
"""Stand-in for Debian's espeak-ng with the options cms.speech.engine passes
(-v VOICE -s RATE -b 1 --stdout, text on stdin): real speech, from the bundled
library, written as a WAV file on stdout."""
import io, sys, wave
sys.path.insert(0, {root!r})
import espeakng_loader
from cms.speech.engine import _Library
args = sys.argv[1:]
assert {{"-b", "--stdout"}} <= set(args) and args[args.index("-b") + 1] == "1", args
library = _Library(espeakng_loader.get_library_path(), espeakng_loader.get_data_path())
speech = library.synthesise(sys.stdin.buffer.read().decode("utf-8"), args[args.index("-v") + 1])
buffer = io.BytesIO()
with wave.open(buffer, "wb") as out:
    out.setnchannels(1)
    out.setsampwidth(2)
    out.setframerate(speech.sample_rate)
    out.writeframes(speech.samples.tobytes())
sys.stdout.buffer.write(buffer.getvalue())
'''


def test_the_espeak_ng_program_is_used_when_chosen(tmp_path, settings):
    import sys
    from pathlib import Path

    program = tmp_path / "espeak-ng"
    program.write_text(
        PROGRAM.format(python=sys.executable, root=str(Path(__file__).resolve().parent.parent))
    )
    program.chmod(0o755)
    settings.SPEECH_ENGINE = "binary"
    settings.SPEECH_ESPEAK_PROGRAM = str(program)
    assert type(engine.engine()).__name__ == "_Program"
    text = normalise(KAZAKH_SENTENCE, "kk")
    speech = engine.synthesise(text, "kk")
    assert sane_duration(text, speech.duration)
    assert rms(speech.samples) > SILENCE_RMS


# --- Bulk loads --------------------------------------------------------------------------
def test_a_bulk_load_defers_speech_and_speak_pages_makes_it(agency_a, commit, settings):
    from io import StringIO

    from django.core.management import call_command

    from cms.speech.signals import deferred

    with deferred():
        page = add_news_item(agency_a, "bulk", commit)
    assert not PageAudio.objects.filter(page=page).exists()

    settings.SPEECH_ENGINE = "off"
    out = StringIO()
    call_command("speak_pages", "--missing", stdout=out)
    assert "not available" in out.getvalue()
    assert not PageAudio.objects.filter(page=page).exists()

    settings.SPEECH_ENGINE = "library"
    out = StringIO()
    with commit():
        call_command("speak_pages", "--missing", "--agency", "agency-a", stdout=out)
    assert PageAudio.objects.filter(page=page).count() == 3
    assert "recordings made, 0 failed" in out.getvalue()
    # Nothing left to do (pages with hardly any text are looked at, and left silent).
    out = StringIO()
    call_command("speak_pages", "--missing", "--agency", "agency-a", stdout=out)
    assert " 0 recordings made, 0 failed" in out.getvalue()


# --- Query budget -------------------------------------------------------------------------
def test_the_player_costs_no_query_once_warm(client, agency_a, commit, settings):
    """The page with a player renders with as many queries as the same page type
    without one (the lookup is cached per page: tests/test_query_budget_content.py's
    budgets hold)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    add_news_item(agency_a, "with-audio", commit)
    settings.SPEECH_ENGINE = "off"
    add_news_item(agency_a, "without-audio", commit)
    counts = {}
    for slug in ("with-audio", "without-audio"):
        path = f"/kk/agency-a/news/{slug}/"
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            html = client.get(path).content.decode()
        counts[slug] = len(queries)
        assert ('class="audio-player"' in html) == (slug == "with-audio")
    assert counts["with-audio"] == counts["without-audio"], counts


def test_the_audio_answers_byte_ranges_for_seeking(client, agency_a, commit):
    page = add_news_item(agency_a, "ranges", commit)
    row = PageAudio.objects.get(page=page, language="kk")
    url = f"/speech/{page.pk}/kk-{row.token}.mp3"
    whole = b"".join(client.get(url).streaming_content)
    assert client.get(url)["Accept-Ranges"] == "bytes"
    part = client.get(url, HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 100-199/{len(whole)}"
    assert part.content == whole[100:200]
    tail = client.get(url, HTTP_RANGE="bytes=-50")
    assert tail.content == whole[-50:]
    assert client.get(url, HTTP_RANGE=f"bytes={len(whole)}-").status_code == 416


def test_a_page_with_hardly_any_text_gets_no_recording(agency_a, commit):
    page = NewsPage(slug="short", title_kk="Хабарландыру", title_ru="Объявление")
    section(agency_a, "news").add_child(instance=page)
    with commit():
        page.save_revision().publish()
    assert spoken_text(page, "kk") == ""
    assert not PageAudio.objects.filter(page=page).exists()


def test_a_page_sent_to_the_recycle_bin_loses_its_audio(client, agency_a, commit):
    from cms.recyclebin.service import recycle_page

    page = add_news_item(agency_a, "recycled", commit)
    row = PageAudio.objects.get(page=page, language="kk")
    with commit():
        recycle_page(page)
    assert not PageAudio.objects.filter(page=page).exists()
    assert client.get(f"/speech/{page.pk}/kk-{row.token}.mp3").status_code == 404
