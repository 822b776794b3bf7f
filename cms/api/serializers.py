"""Page serializer that answers in one language: the requested one, or its fallback
(en → ru) for a page without English content, and says which in `meta`."""

from django.conf import settings
from django.utils import translation
from wagtail.api.v2.serializers import PageSerializer

from cms.feeds.scope import languages_of, path_on_site
from cms.pages.languages import content_language


class TranslatedPageSerializer(PageSerializer):
    def to_representation(self, instance):
        view = self.context["view"]
        request = self.context["request"]
        requested = view.requested_language or settings.LANGUAGE_CODE
        text_lang = content_language(instance, requested)
        with translation.override(text_lang):
            data = super().to_representation(instance)
        meta = data.setdefault("meta", {})
        meta["language"] = requested
        meta["content_language"] = text_lang
        meta["languages"] = languages_of(instance)
        meta["agency"] = view.agency_slug_for(instance)
        if "html_url" in meta:
            path = path_on_site(instance, view.site, requested) if view.site else None
            if path is not None:
                meta["html_url"] = request.build_absolute_uri(path)
        return data
