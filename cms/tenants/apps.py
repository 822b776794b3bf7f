from django.apps import AppConfig


class TenantsConfig(AppConfig):
    name = "cms.tenants"
    label = "tenants"
    verbose_name = "Agencies"

    def ready(self):
        from . import pagecache, signals, sites

        pagecache.connect()
        signals.connect()
        sites.install()
