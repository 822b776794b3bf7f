from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "cms.demo"
    label = "demo"
    verbose_name = "Demo platform"
