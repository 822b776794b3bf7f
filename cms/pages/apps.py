from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "cms.pages"
    label = "pages"
    verbose_name = "Pages"

    def ready(self):
        from cms.tenants.services import register_section_type

        register_section_type("news", "pages.NewsIndexPage")
        register_section_type("documents", "pages.LegalActIndexPage")

        from . import pagecache

        pagecache.connect()
