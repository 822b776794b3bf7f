from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "cms.pages"
    label = "pages"
    verbose_name = "Pages"

    def ready(self):
        from . import agency_cache, pagecache, privacy, routing, toptasks

        pagecache.connect()
        privacy.connect()
        toptasks.connect()
        routing.connect()
        agency_cache.connect()
