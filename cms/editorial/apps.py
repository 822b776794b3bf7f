"""Editorial workflow, audit and language reports."""

from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "cms.editorial"
    label = "editorial"

    def ready(self):
        from .exports import install as install_export_audit
        from .languages import install_explorer_column

        install_explorer_column()
        install_export_audit()
