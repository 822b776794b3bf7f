from modeltranslation.translator import TranslationOptions, register

from .models import AgencyHomePage, NewsPage, PortalHomePage, SectionPage


@register(PortalHomePage)
class PortalHomePageTR(TranslationOptions):
    fields = ("intro",)


@register(AgencyHomePage)
class AgencyHomePageTR(TranslationOptions):
    fields = ("intro",)


@register(SectionPage)
class SectionPageTR(TranslationOptions):
    fields = ("intro", "body")


@register(NewsPage)
class NewsPageTR(TranslationOptions):
    fields = ("intro", "body")
