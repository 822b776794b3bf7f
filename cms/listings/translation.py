from modeltranslation.translator import TranslationOptions, register

from .models import (
    EventIndexPage,
    EventPage,
    FAQPage,
    GalleryIndexPage,
    GalleryPage,
    ServiceIndexPage,
    ServicePage,
    VacancyIndexPage,
    VacancyPage,
)

# Index pages inherit their translated fields (intro, body) from SectionPage.
for model in (ServiceIndexPage, VacancyIndexPage, EventIndexPage, GalleryIndexPage):
    register(model)(type(f"{model.__name__}TR", (TranslationOptions,), {"fields": ()}))


@register(ServicePage)
class ServicePageTR(TranslationOptions):
    fields = ("summary", "recipients", "cost", "duration", "body")


@register(VacancyPage)
class VacancyPageTR(TranslationOptions):
    fields = ("position", "department", "requirements", "salary")


@register(EventPage)
class EventPageTR(TranslationOptions):
    fields = ("place", "intro", "body")


@register(FAQPage)
class FAQPageTR(TranslationOptions):
    fields = ("questions",)


@register(GalleryPage)
class GalleryPageTR(TranslationOptions):
    fields = ("intro", "videos")
