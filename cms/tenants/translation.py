from modeltranslation.translator import TranslationOptions, register

from cms.core.languages import REQUIRED

from .models import Agency


@register(Agency)
class AgencyTR(TranslationOptions):
    fields = ("name", "short_name", "address")
    required_languages = REQUIRED
