from django.apps import AppConfig


class NavigationConfig(AppConfig):
    name = "cms.navigation"
    label = "navigation"
    verbose_name = "Navigation"

    def ready(self):
        from . import signals

        signals.connect()
