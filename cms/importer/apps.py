"""Import of an agency's existing site from JSON."""

from django.apps import AppConfig


class ImporterConfig(AppConfig):
    name = "cms.importer"
    label = "importer"
