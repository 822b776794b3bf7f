from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "birtutas_search"
    verbose_name = "Central search"
