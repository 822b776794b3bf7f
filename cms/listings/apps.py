"""Services, vacancies, events, FAQ and galleries."""

from django.apps import AppConfig

SECTION_TYPES = {
    "services": "listings.ServiceIndexPage",
    "vacancies": "listings.VacancyIndexPage",
    "events": "listings.EventIndexPage",
    "faq": "listings.FAQPage",
    "media": "listings.GalleryIndexPage",
}


class ListingsConfig(AppConfig):
    name = "cms.listings"
    label = "listings"

    def ready(self):
        from cms.tenants.services import register_section_type

        for slug, model_label in SECTION_TYPES.items():
            register_section_type(slug, model_label)
