from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "cms.feeds"
    label = "feeds"
    verbose_name = "Feeds, sitemaps and metadata"
