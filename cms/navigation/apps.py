from django.apps import AppConfig


class NavigationConfig(AppConfig):
    name = "cms.navigation"
    label = "navigation"
    verbose_name = "Navigation"

    def ready(self):
        from cms.tenants.services import register_editor_permissions

        from . import pagecache, signals

        signals.connect()
        pagecache.connect()
        register_editor_permissions("navigation", "add_agencymenu", "change_agencymenu")
