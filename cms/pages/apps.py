from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "cms.pages"
    label = "pages"
    verbose_name = "Pages"

    def ready(self):
        from . import agency_cache, pagecache, privacy, routing

        pagecache.connect()
        privacy.connect()
        routing.connect()
        agency_cache.connect()
