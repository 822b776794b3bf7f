from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "birtutas_search"
    verbose_name = "Central search"

    def ready(self):
        from . import synonyms
        from .outbox import connect_signals

        connect_signals()
        synonyms.connect()
