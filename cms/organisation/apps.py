"""Leadership, structure and contacts."""

from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "cms.organisation"
    label = "organisation"

    def ready(self):
        from cms.tenants.services import register_section_type

        register_section_type("leadership", "organisation.LeadershipPage")
        register_section_type("contacts", "organisation.ContactsPage")
