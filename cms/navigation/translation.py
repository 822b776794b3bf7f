from modeltranslation.translator import TranslationOptions, register

from cms.core.languages import REQUIRED

from .models import QuickLink


@register(QuickLink)
class QuickLinkTR(TranslationOptions):
    fields = ("title",)
    required_languages = REQUIRED
