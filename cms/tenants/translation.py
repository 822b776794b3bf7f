from modeltranslation.translator import TranslationOptions, register

from .models import Agency


@register(Agency)
class AgencyTR(TranslationOptions):
    fields = ("name", "short_name", "address")
    required_languages = ("kk", "ru")
