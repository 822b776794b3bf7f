from modeltranslation.translator import TranslationOptions, register

from cms.core.languages import REQUIRED

from .models import (
    AgencyHomePage,
    LegalActIndexPage,
    LegalActPage,
    NewsIndexPage,
    NewsPage,
    PortalHomePage,
    PortalTopTask,
    SectionPage,
    StandardPage,
)


@register(PortalHomePage)
class PortalHomePageTR(TranslationOptions):
    fields = ("intro",)


@register(PortalTopTask)
class PortalTopTaskTR(TranslationOptions):
    fields = ("label",)
    required_languages = REQUIRED


@register(AgencyHomePage)
class AgencyHomePageTR(TranslationOptions):
    fields = ("intro",)


@register(SectionPage)
class SectionPageTR(TranslationOptions):
    fields = ("intro", "body")


# Index pages inherit intro and body (translated) from SectionPage.
@register(NewsIndexPage)
class NewsIndexPageTR(TranslationOptions):
    fields = ()


@register(LegalActIndexPage)
class LegalActIndexPageTR(TranslationOptions):
    fields = ()


@register(StandardPage)
class StandardPageTR(TranslationOptions):
    fields = ("intro", "body")


@register(NewsPage)
class NewsPageTR(TranslationOptions):
    fields = ("intro", "body", "lead_image_alt", "related_links")


@register(LegalActPage)
class LegalActPageTR(TranslationOptions):
    fields = ("signatory", "issuing_body", "body", "text")
