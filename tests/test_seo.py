"""{% seo_meta %}: Open Graph properties and JSON-LD of agency pages and news."""

import html
import json
import re

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.platform.provisioning import update_agency
from tests.test_feeds import add_news

TEMPLATE = "{% load seo_tags %}{% seo_meta %}"
LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def render(page, lang, *, host="testserver", path=None, **context):
    request = RequestFactory().get(path or f"/{lang}/", HTTP_HOST=host)
    with translation.override(lang):
        agency = getattr(page, "agency", None)
        context = {"request": request, "page": page, "agency": agency, **context}
        context.setdefault("content_lang", page.content_language(lang) if page else lang)
        return engines["django"].from_string(TEMPLATE).render(context)


def og(output) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for prop, content in re.findall(r'<meta property="([^"]+)" content="([^"]*)">', output):
        found.setdefault(prop, []).append(html.unescape(content))
    return found


def json_ld(output) -> dict:
    blocks = LD_JSON.findall(output)
    assert len(blocks) == 1, output
    return json.loads(blocks[0])


@pytest.fixture
def agency(agency_a, agency_b):
    logo = Image.objects.create(
        title="logo", file=get_test_image_file(), collection=agency_a.collection
    )
    return update_agency(
        agency_a,
        parent=agency_b,
        logo=logo,
        phone="+7 7172 00 00 00",
        email="info@agency-a.gov.kz",
        address_kk="Астана, Мәңгілік Ел 8",
        address_ru="Астана, Мангилик Ел 8",
    )


def test_news_item_is_an_article(agency):
    page = add_news(agency, "tariffs", day=4)
    output = render(page, "ru")
    props = og(output)
    assert props["og:type"] == ["article"]
    assert props["og:title"] == ["Новость tariffs"]
    assert props["og:description"] == ["Кратко tariffs"]
    assert props["og:url"] == ["http://testserver/ru/agency-a/news/tariffs/"]
    assert props["og:locale"] == ["ru_RU"]
    assert set(props["og:locale:alternate"]) == {"kk_KZ", "en_US"}
    assert props["og:site_name"] == ["Агентство А"]
    assert props["og:image"][0].startswith("http://testserver/")
    data = json_ld(output)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Новость tariffs"
    assert data["datePublished"] == "2026-03-04"
    assert data["inLanguage"] == "ru"
    assert data["publisher"]["@type"] == "GovernmentOrganization"
    assert data["publisher"]["name"] == "Агентство А"
    # Feed autodiscovery links for the agency.
    assert 'type="application/rss+xml"' in output and 'href="/ru/agency-a/news/feed/"' in output


def test_english_fallback_article_declares_russian(agency):
    page = add_news(agency, "tariffs", en=False)
    output = render(page, "en")
    assert og(output)["og:locale"] == ["en_US"]
    assert og(output)["og:title"] == ["Новость tariffs"]
    data = json_ld(output)
    assert data["inLanguage"] == "ru" and data["headline"] == "Новость tariffs"


@pytest.mark.parametrize(
    "lang,name", [("kk", "А агенттігі"), ("ru", "Агентство А"), ("en", "Agency A")]
)
def test_agency_page_is_a_government_organization(agency, lang, name):
    output = render(agency.home_page.specific, lang)
    assert og(output)["og:type"] == ["website"]
    data = json_ld(output)
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == name
    assert data["url"] == f"http://testserver/{lang}/agency-a/"
    assert data["logo"].startswith("http://testserver/")
    assert data["telephone"] == "+7 7172 00 00 00"
    assert data["email"] == "info@agency-a.gov.kz"
    assert data["address"]["@type"] == "PostalAddress"
    assert data["address"]["streetAddress"].startswith("Астана")
    parent = data["parentOrganization"]
    assert parent["@type"] == "GovernmentOrganization"
    assert parent["url"] == f"http://testserver/{lang}/agency-b/"


def test_json_cannot_close_the_script_element(agency):
    agency = update_agency(agency, name_ru="Агентство </script><!-- & <b>")
    home = agency.home_page.specific
    home.agency_record = agency
    output = render(home, "ru")
    block = LD_JSON.findall(output)[0]
    assert "<" not in block and ">" not in block
    assert json_ld(output)["name"] == "Агентство </script><!-- & <b>"


def test_portal_page_has_no_organization(portal):
    output = render(portal, "kk", platform_name="Бірыңғай платформа")
    assert og(output)["og:site_name"] == ["Бірыңғай платформа"]
    assert og(output)["og:locale"] == ["kk_KZ"]
    assert not LD_JSON.findall(output)


def test_without_a_page(agency):
    output = render(None, "ru", agency=agency, path="/ru/agency-a/search/")
    assert og(output)["og:url"] == ["http://testserver/ru/agency-a/search/"]
    assert json_ld(output)["@type"] == "GovernmentOrganization"
