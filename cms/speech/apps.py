"""Listen to this page: published pages spoken by eSpeak NG, stored as MP3 files."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpeechConfig(AppConfig):
    name = "cms.speech"
    label = "speech"
    verbose_name = _("Listen to this page")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
