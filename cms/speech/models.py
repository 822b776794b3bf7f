"""The spoken version of a published page in one language."""

from django.db import models
from django.utils.translation import gettext_lazy as _


def audio_path(instance: "PageAudio", filename: str) -> str:
    # The text's hash is in the name: a new text gets a new address (no stale
    # caches), and the serving view checks it.
    return f"speech/{instance.page_id}/{instance.language}-{instance.text_hash[:12]}.mp3"


class PageAudio(models.Model):
    """An MP3 of the page's main text (title, lead, body) in `language`, made by
    `cms.speech.generate` when the page is published. Only live, public pages have one;
    it is served by `cms.speech.views.serve_audio`, which checks the page again."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="speech_audio"
    )
    language = models.CharField(_("language"), max_length=8)
    file = models.FileField(_("file"), upload_to=audio_path, max_length=255)
    duration = models.FloatField(_("duration (seconds)"))
    size = models.PositiveIntegerField(_("size (bytes)"))
    text_hash = models.CharField(_("hash of the spoken text"), max_length=64)
    voice = models.CharField(_("voice"), max_length=32)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("page audio")
        verbose_name_plural = _("page audio")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="speech_one_per_language")
        ]

    def __str__(self):
        return f"{self.page_id} [{self.language}]"

    @property
    def token(self) -> str:
        return self.text_hash[:12]
