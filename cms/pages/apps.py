from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "cms.pages"
    label = "pages"
    verbose_name = "Pages"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from . import agency_cache, pagecache, portalnews, privacy, routing, toptasks
        from .models.news import sync_listing_copies

        pagecache.connect()
        privacy.connect()
        toptasks.connect()
        routing.connect()
        agency_cache.connect()
        portalnews.connect()
        page_published.connect(sync_listing_copies, dispatch_uid="news-listing-published")
        page_unpublished.connect(sync_listing_copies, dispatch_uid="news-listing-unpublished")
