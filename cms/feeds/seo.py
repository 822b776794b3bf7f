"""Open Graph properties and JSON-LD (schema.org) of the page being rendered.

`seo_data` builds plain dicts and lists; the `seo_meta` template tag renders them.
JSON-LD: a GovernmentOrganization on an agency's pages, a NewsArticle (published by
that organisation) on a news item.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError

from cms.core.renditions import rendition_url
from cms.pages.languages import content_language
from cms.pages.models import NewsPage

from .scope import (
    OG_LOCALES,
    languages_of,
    path_on_site,
    request_site,
    site_agency,
    translated,
)
from .text import summary, title_of

HEADLINE_LENGTH = 110


def json_ld_dumps(data) -> str:
    """JSON for a <script type="application/ld+json"> block: nothing in it can end
    the script element or open a comment ("</script>", "<!--")."""
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _absolute(request, site, page, language: str) -> str:
    path = path_on_site(page, site, language) if site is not None else None
    if path is not None:
        return request.build_absolute_uri(path)
    with translation.override(language):
        return page.get_full_url(request)


def _image_url(request, image, spec: str) -> str | None:
    if image is None:
        return None
    try:
        url = rendition_url(image, spec)
    except SourceImageIOError:
        return None
    return request.build_absolute_uri(url)


def _name(agency, language: str) -> str:
    return translated(agency, "name", language) or agency.name


def organisation(agency, request, site, language: str, *, nested: bool = False) -> dict:
    """schema.org GovernmentOrganization of an agency, names in `language`."""
    data = {"@type": "GovernmentOrganization", "name": _name(agency, language)}
    if not nested:
        data = {"@context": "https://schema.org", **data}
    short = translated(agency, "short_name", language)
    if short:
        data["alternateName"] = short
    home = getattr(agency, "home_page", None)
    if home is not None and home.live and not agency.is_archived:
        data["url"] = _absolute(request, site, home, language)
    logo = _image_url(request, agency.logo, "max-512x512") if agency.logo_id else None
    if logo:
        data["logo"] = logo
    address = translated(agency, "address", language) or agency.address
    if address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": address,
            "addressCountry": "KZ",
        }
    if agency.phone:
        data["telephone"] = agency.phone
    if agency.email:
        data["email"] = agency.email
    if agency.parent_id and not nested:
        data["parentOrganization"] = organisation(
            agency.parent, request, site, language, nested=True
        )
    return data


def news_article(page, agency, request, site, language: str, text_lang: str, url, image):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title_of(page, text_lang)[:HEADLINE_LENGTH],
        "datePublished": page.date.isoformat(),
        "inLanguage": text_lang,
        "url": url,
        "mainEntityOfPage": url,
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    description = summary(page, text_lang)
    if description:
        data["description"] = description
    if image:
        data["image"] = [image]
    if agency is not None:
        data["publisher"] = organisation(agency, request, site, language, nested=True)
        data["author"] = data["publisher"]
    return data


def _feed_links(agency, site, language: str) -> list[dict]:
    if agency is None or agency.is_archived:
        return []
    on_own_host = site is not None and site_agency(site) == agency
    title = _("News: %(agency)s") % {"agency": _name(agency, language)}
    links = []
    for kind, mime in (("feed", "application/rss+xml"), ("atom", "application/atom+xml")):
        try:
            with translation.override(language):
                if on_own_host:
                    href = reverse(f"host-news-{kind}")
                else:
                    href = reverse(f"agency-news-{kind}", kwargs={"agency_slug": agency.slug})
        except NoReverseMatch:
            continue
        links.append({"type": mime, "title": title, "href": href})
    return links


def seo_data(context) -> dict | None:
    """Everything {% seo_meta %} renders, from the template context of a page."""
    request = context.get("request")
    if request is None:
        return None
    language = get_language()
    site = request_site(request)
    page = context.get("page")
    agency = context.get("agency")
    if page is not None and agency is None:
        agency = getattr(page, "agency", None)
    site_name = _name(agency, language) if agency is not None else context.get("platform_name", "")

    og = {
        "site_name": site_name,
        "locale": OG_LOCALES.get(language, language),
        "locale_alternates": [],
        "type": "website",
        "title": site_name,
        "description": "",
        "url": request.build_absolute_uri(request.path),
        "image": None,
    }
    json_ld = None
    if page is not None and hasattr(page, "url_path"):
        text_lang = context.get("content_lang") or content_language(page, language)
        og["title"] = translated(page, "seo_title", text_lang) or title_of(page, text_lang)
        og["description"] = summary(page, text_lang)
        og["url"] = _absolute(request, site, page, language)
        og["locale_alternates"] = [
            OG_LOCALES.get(code, code) for code in languages_of(page) if code != language
        ]
        lead = getattr(page, "lead_image", None)
        og["image"] = _image_url(request, lead, "fill-1200x630")
        if og["image"] is None and agency is not None and agency.logo_id:
            og["image"] = _image_url(request, agency.logo, "max-1200x1200")
        if isinstance(page, NewsPage):
            og["type"] = "article"
            og["published_time"] = page.date.isoformat()
            json_ld = news_article(
                page, agency, request, site, language, text_lang, og["url"], og["image"]
            )
    if json_ld is None and agency is not None:
        json_ld = organisation(agency, request, site, language)
    return {
        "og": og,
        "feeds": _feed_links(agency, site, language),
        "json_ld": json_ld_dumps(json_ld) if json_ld is not None else "",
    }
