from modeltranslation.translator import TranslationOptions, register

from .models import QuickLink


@register(QuickLink)
class QuickLinkTR(TranslationOptions):
    fields = ("title",)
    required_languages = ("kk", "ru")
