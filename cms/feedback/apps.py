"""Page trust and feedback: "Was this page useful?", "Report an error", and the
date each language of a page last changed."""

from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "cms.feedback"
    label = "feedback"

    def ready(self):
        from . import updates

        updates.connect()
