"""Serializers of the public API.

Every absolute URL (`detail_url`, `html_url`, `download_url`, and those of nested
parents and related objects) is built on the host and port the request came to,
not on WAGTAILAPI_BASE_URL (which Wagtail would use, and which defaults to
127.0.0.1:8000). Pages answer in one language: the requested one, or its fallback
(en → ru) for a page without English content, and say which in `meta`.
"""

from django.conf import settings
from django.urls import NoReverseMatch
from django.utils import translation
from rest_framework.fields import Field, SkipField
from wagtail.api.v2.serializers import (
    PageAliasOfField,
    PageParentField,
    PageSerializer,
    get_serializer_class,
)
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.images.api.v2.serializers import ImageSerializer

from cms.feeds.scope import languages_of, path_on_site
from cms.pages.languages import content_language


class RequestDetailUrlField(Field):
    """`detail_url` on the request's host."""

    def get_attribute(self, instance):
        path = self.context["router"].get_object_detail_urlpath(type(instance), instance.pk)
        if not path:
            raise SkipField
        return self.context["request"].build_absolute_uri(path)

    def to_representation(self, url):
        return url


class RequestHtmlUrlField(Field):
    """A page's `html_url` in the requested language on the host that was asked (a
    page that is not on that host's site: its address on its own site)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        view = self.context["view"]
        site = getattr(view, "site", None)
        language = getattr(view, "requested_language", None) or settings.LANGUAGE_CODE
        path = path_on_site(page, site, language) if site is not None else None
        if path is not None:
            return self.context["request"].build_absolute_uri(path)
        try:
            with translation.override(language):
                return page.full_url
        except NoReverseMatch:
            return None


class RequestDownloadUrlField(Field):
    """A document's `download_url` (the checked /documents/<id>/<name>) on the request's host."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, document):
        return self.context["request"].build_absolute_uri(document.url)


class _NestedPageSerializer(PageSerializer):
    detail_url = RequestDetailUrlField(read_only=True)
    html_url = RequestHtmlUrlField(read_only=True)


class _RequestHostPageLinkMixin:
    def to_representation(self, value):
        serializer_class = get_serializer_class(
            value.__class__,
            ["id", "type", "detail_url", "html_url", "title"],
            meta_fields=["type", "detail_url", "html_url"],
            base=_NestedPageSerializer,
        )
        return serializer_class(context=self.context).to_representation(value)


class RequestHostParentField(_RequestHostPageLinkMixin, PageParentField):
    pass


class RequestHostAliasOfField(_RequestHostPageLinkMixin, PageAliasOfField):
    pass


class RequestHostImageSerializer(ImageSerializer):
    detail_url = RequestDetailUrlField(read_only=True)


class RequestHostDocumentSerializer(DocumentSerializer):
    detail_url = RequestDetailUrlField(read_only=True)
    download_url = RequestDownloadUrlField(read_only=True)


class TranslatedPageSerializer(PageSerializer):
    detail_url = RequestDetailUrlField(read_only=True)
    html_url = RequestHtmlUrlField(read_only=True)
    parent = RequestHostParentField(read_only=True)
    alias_of = RequestHostAliasOfField(read_only=True)

    def to_representation(self, instance):
        view = self.context["view"]
        requested = view.requested_language or settings.LANGUAGE_CODE
        text_lang = content_language(instance, requested)
        with translation.override(text_lang):
            data = super().to_representation(instance)
        meta = data.setdefault("meta", {})
        meta["language"] = requested
        meta["content_language"] = text_lang
        meta["languages"] = languages_of(instance)
        meta["agency"] = view.agency_slug_for(instance)
        return data
