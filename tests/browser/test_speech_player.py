"""The "Listen to this page" player in Chromium: on a demo news item spoken by eSpeak NG,
in kk, ru and en, at desktop and phone widths, the player passes axe, its label is
its accessible name, it loads nothing before play, and the MP3 plays (Chromium decodes
it and its duration matches the stored one)."""

import pytest

from .conftest import format_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LANGS = ("kk", "ru", "en")
NEWS = "digital/news/rural-broadband-2026/"


@pytest.fixture(scope="module")
def spoken_news(live_site, django_db_blocker):
    """The demo news item with its audio, committed like the demo (a write left open in
    a test's transaction would lock SQLite's shared cache against the server's own
    writes), and removed after this module."""
    from django.test import override_settings

    from cms.pages.models import NewsPage
    from cms.speech.generate import remove, sync_page
    from cms.speech.models import PageAudio

    with django_db_blocker.unblock(), override_settings(SPEECH_ENGINE="library"):
        page = NewsPage.objects.get(slug="rural-broadband-2026")
        done = sync_page(page.pk)
        durations = {a.language: a.duration for a in PageAudio.objects.filter(page=page)}
    assert sorted(done["made"] + done["kept"]) == sorted(durations)
    yield durations
    with django_db_blocker.unblock():
        remove(page.pk, page)


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
@pytest.mark.parametrize("lang", LANGS)
def test_player_passes_axe_and_plays(live_site, tabs, axe, spoken_news, lang, viewport):
    page = tabs(viewport, "normal")
    page.goto(live_site(f"/{lang}/{NEWS}"))
    player = page.locator("figure.audio-player")
    assert player.count() == 1
    audio = page.locator("audio.audio-player__audio")
    assert audio.get_attribute("preload") == "none"
    assert audio.get_attribute("autoplay") is None
    label = page.locator(".audio-player__title").inner_text().strip()
    assert label and audio.get_attribute("aria-label") == label
    violations = run_axe(axe, page)
    assert not violations, format_violations(violations)
    if viewport == "desktop":
        state = page.evaluate(
            """async () => {
                const audio = document.querySelector("audio.audio-player__audio");
                const canPlay = audio.canPlayType("audio/mpeg");
                await audio.play();
                await new Promise((done) => setTimeout(done, 1200));
                audio.pause();
                return {canPlay, time: audio.currentTime, duration: audio.duration,
                        error: audio.error && audio.error.code};
            }"""
        )
        assert state["error"] is None, state
        assert state["canPlay"] in ("probably", "maybe"), state
        assert state["time"] > 0.3, state
        spoken = spoken_news["en" if lang == "en" and "en" in spoken_news else lang]
        assert abs(state["duration"] - spoken) < 0.5, (state, spoken)
