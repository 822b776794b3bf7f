"""{% load static_urls %} (themes.templatetags.static_urls): Django's static tags, each
file's URL worked out once per process, forgotten when the static settings change."""

from django.template import engines
from django.templatetags.static import static

TEMPLATE = "{% load static_urls %}{% static 'theme/css/theme.css' %} {% static path as u %}{{ u }}"


def test_static_urls_are_djangos_and_follow_a_settings_change(settings):
    template = engines["django"].from_string(TEMPLATE)
    context = {"path": "theme/js/theme.js"}
    expected = f"{static('theme/css/theme.css')} {static('theme/js/theme.js')}"
    assert template.render(context) == expected
    assert template.render(context) == expected  # remembered: the same
    settings.STATIC_URL = "/assets/"
    assert template.render(context) == "/assets/theme/css/theme.css /assets/theme/js/theme.js"
    # The other tags of Django's library are there too.
    assert engines["django"].from_string(
        "{% load static_urls %}{% get_static_prefix %}"
    ).render({}) == "/assets/"
