from django.apps import AppConfig


class NavigationConfig(AppConfig):
    name = "cms.navigation"
    label = "navigation"
    verbose_name = "Navigation"

    def ready(self):
        from . import pagecache, signals

        signals.connect()
        pagecache.connect()
