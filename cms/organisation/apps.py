"""Leadership, structure and contacts."""

from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "cms.organisation"
    label = "organisation"
