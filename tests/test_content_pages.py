"""The government content model: standard pages, the news archive (filters, pagination,
bad query parameters), legal acts, the agency home page, feeds and search fields."""

import datetime
import re

import feedparser
import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.pages.models import (
    LegalActIndexPage,
    LegalActPage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)

LANGS = ("kk", "ru", "en")


# --- Helpers (also used by the other test_content_* files) ---------------------------


def section(agency, slug):
    return agency.home_page.get_children().get(slug=slug).specific


def publish(page):
    page.save_revision().publish()
    return page


def add_news(
    agency,
    slug,
    *,
    date=datetime.date(2026, 3, 1),
    category=NewsPage.Category.NEWS,
    tags=(),
    priority=False,
    image=None,
    related=None,
):
    parent = section(agency, "news")
    page = NewsPage(slug=slug, date=date, category=category, is_priority=priority)
    for lang in LANGS:
        setattr(page, f"title_{lang}", f"{lang} news {slug}")
        setattr(page, f"intro_{lang}", f"{lang} lead {slug}")
        setattr(page, f"body_{lang}", [("paragraph", f"<p>{lang} text {slug}</p>")])
    if image is not None:
        page.lead_image = image
        page.lead_image_alt_kk = "Суреттің сипаттамасы"
        page.lead_image_alt_ru = "Описание снимка"
        page.lead_image_alt_en = "Description of the photo"
    if related:
        page.related_links_kk = related
        page.related_links_ru = related
        page.related_links_en = related
    parent.add_child(instance=page)
    if tags:
        page.tags.set(list(tags))
    return publish(page)


def add_document(agency, title="Act file", data=b"%PDF-1.4 demo"):
    document = get_document_model()(title=title, collection=agency.collection)
    document.file = ContentFile(data, name=f"{agency.slug}-act.pdf")
    document.file_size = len(data)
    document.save()
    return document


def add_image(agency, title="Photo"):
    return Image.objects.create(
        title=title, file=get_test_image_file(), collection=agency.collection
    )


def add_act(
    agency,
    slug,
    *,
    number="№ 1",
    act_type="order",
    date=datetime.date(2025, 5, 20),
    status="in_force",
    files=None,
):
    parent = section(agency, "documents")
    page = LegalActPage(
        slug=slug,
        number=number,
        act_type=act_type,
        date_signed=date,
        status=status,
        official_url="https://adilet.zan.kz/",
    )
    for lang in LANGS:
        setattr(page, f"title_{lang}", f"{lang} act {slug}")
        setattr(page, f"signatory_{lang}", f"{lang} Minister A. Signer")
        setattr(page, f"issuing_body_{lang}", f"{lang} Ministry")
    for lang, document in (files or {}).items():
        setattr(page, f"file_{lang}", document)
    parent.add_child(instance=page)
    return publish(page)


def standard_body(link_page=None):
    return [
        ("heading", {"text": "Overview", "level": "h2"}),
        ("paragraph", "<p>Plain text.</p>"),
        ("quote", {"text": "Citizens come first.", "attribution": "The Minister"}),
        (
            "accordion",
            [
                {"title": "How to apply?", "body": "<p>Online or in person.</p>"},
                {"title": "How long?", "body": "<h3>Time limits</h3><p>15 working days.</p>"},
            ],
        ),
        (
            "video",
            {
                "url": "https://www.youtube.com/watch?v=abcdefghijk",
                "title": "How to send an appeal",
                "transcript": "First step.\n\nSecond step.",
            },
        ),
        (
            "call_to_action",
            {
                "text": "Have a question?",
                "link_page": link_page,
                "link_url": "" if link_page else "https://eotinish.kz/",
                "link_text": "Send an appeal",
            },
        ),
        (
            "contact_card",
            {
                "name": "Press office",
                "role": "Media enquiries",
                "phone": "+7 (7172) 55-01-00",
                "email": "press@example.kz",
                "hours": "Mon-Fri 9-18",
            },
        ),
        (
            "table",
            {
                "data": [["Day", "Time"], ["Monday", "10:00"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Reception",
            },
        ),
    ]


def add_standard(agency, slug, *, parent=None, body=None):
    parent = parent or section(agency, "about")
    page = StandardPage(slug=slug)
    for lang in LANGS:
        setattr(page, f"title_{lang}", f"{lang} page {slug}")
        setattr(page, f"intro_{lang}", f"{lang} intro {slug}")
        setattr(page, f"body_{lang}", body if body is not None else standard_body())
    parent.add_child(instance=page)
    return publish(page)


def url(page, lang="en", query=""):
    with translation.override(lang):
        return page.get_url() + query


def html_of(response) -> str:
    return response.content.decode()


# --- Provisioning ----------------------------------------------------------------------


def test_provisioning_makes_news_and_documents_index_pages(agency_a):
    assert isinstance(section(agency_a, "news"), NewsIndexPage)
    assert isinstance(section(agency_a, "documents"), LegalActIndexPage)


# --- Every type renders in every language ------------------------------------------------


@pytest.fixture
def content(agency_a):
    image = add_image(agency_a)
    document = add_document(agency_a)
    news = add_news(
        agency_a,
        "launch",
        category=NewsPage.Category.PRESS_RELEASE,
        tags=["egov", "ауыл"],
        image=image,
        related=[
            ("link", {"page": None, "url": "https://egov.kz/", "text": "The eGov portal"}),
        ],
    )
    act = add_act(agency_a, "order-1", files={"kk": document, "ru": document})
    standard = add_standard(agency_a, "how-we-work")
    return {"news": news, "act": act, "standard": standard, "document": document}


@pytest.mark.parametrize("lang", LANGS)
def test_every_content_type_renders(client, agency_a, content, lang):
    pages = [
        agency_a.home_page,
        section(agency_a, "news"),
        content["news"],
        section(agency_a, "documents"),
        content["act"],
        content["standard"],
    ]
    for page in pages:
        response = client.get(url(page, lang))
        assert response.status_code == 200, (page, lang)
        assert html_of(response).count("<h1") == 1


def test_news_page_shows_category_tags_lead_image_and_related_links(client, agency_a, content):
    html = html_of(client.get(url(content["news"], "en")))
    assert "Press release" in html
    index_url = url(section(agency_a, "news"), "en")
    assert f'href="{index_url}?tag=egov"' in html
    assert f'href="{index_url}?category=press_release"' in html
    assert 'alt="Description of the photo"' in html
    assert '<a class="link-list__link" href="https://egov.kz/">The eGov portal</a>' in html


def test_standard_page_renders_every_block(client, agency_a, content):
    html = html_of(client.get(url(content["standard"], "ru")))
    assert '<blockquote class="quote__text"><p>Citizens come first.</p></blockquote>' in html
    assert html.count('<details class="accordion__item"') == 2
    assert 'src="https://www.youtube-nocookie.com/embed/abcdefghijk"' in html
    assert 'title="How to send an appeal"' in html
    assert '<a class="cta__link" href="https://eotinish.kz/">Send an appeal</a>' in html
    assert 'href="tel:+77172550100"' in html
    assert 'href="mailto:press@example.kz"' in html
    assert '<th scope="col"' in html


def test_call_to_action_links_a_page(client, agency_a):
    target = section(agency_a, "appeals")
    page = add_standard(agency_a, "cta", body=standard_body(link_page=target))
    html = html_of(client.get(url(page, "kk")))
    assert f'<a class="cta__link" href="{url(target, "kk")}">' in html


def test_standard_page_under_standard_page_and_home(client, agency_a, content):
    child = add_standard(agency_a, "child", parent=content["standard"], body=[])
    top = add_standard(agency_a, "top", parent=agency_a.home_page, body=[])
    assert client.get(url(child)).status_code == 200
    assert client.get(url(top)).status_code == 200
    assert "en page child" in html_of(client.get(url(content["standard"])))


def test_legal_act_page_shows_metadata_and_files(client, agency_a, content):
    html = html_of(client.get(url(content["act"], "en")))
    assert re.search(r"<dt>Number</dt><dd>№ 1</dd>", html)
    assert '<time datetime="2025-05-20">20.05.2025</time>' in html
    assert "en Minister A. Signer" in html
    assert "en Ministry" in html
    assert 'href="https://adilet.zan.kz/"' in html
    document = content["document"]
    assert html.count(f'href="{document.url}"') == 2
    assert 'hreflang="kk"' in html and 'hreflang="ru"' in html
    assert "PDF, 13" in html  # type and size


def test_legal_act_search_fields(agency_a, content):
    act = content["act"]
    assert LegalActPage.search_date_field == "date_signed"
    assert act.search_extra_text("ru")[1:] == ["№ 1", "ru Minister A. Signer"]
    with translation.override("ru"):
        assert act.search_extra_text("en")[0] == "Order"  # the type, in that language


# --- News archive --------------------------------------------------------------------


@pytest.fixture
def archive(agency_a):
    for n in range(23):
        add_news(
            agency_a,
            f"item-{n:02d}",
            date=datetime.date(2024 + n % 3, 1 + n % 12, 1 + n),
            category=NewsPage.Category.PRESS_RELEASE if n % 5 == 0 else NewsPage.Category.NEWS,
            tags=["budget"] if n % 4 == 0 else [],
        )
    return section(agency_a, "news")


def titles(html):
    return re.findall(r'class="news-card__link" href="[^"]+">([^<]+)<', html)


def test_archive_pages_by_ten_with_a_real_pagination(client, archive):
    base = url(archive)
    first = html_of(client.get(base))
    assert len(titles(first)) == 10
    assert '<nav class="pagination" aria-label="Pages">' in first
    assert f'href="{base}?page=2" rel="next"' in first
    assert 'aria-current="page"' in first
    assert 'rel="prev"' not in first
    last = client.get(base + "?page=3")
    assert last.status_code == 200
    assert len(titles(html_of(last))) == 3
    assert f'href="{base}?page=2" rel="prev"' in html_of(last)
    assert 'rel="next"' not in html_of(last)
    # Newest first.
    assert titles(first)[0] == "en news item-11"


def test_archive_filters_by_year_category_and_tag(client, archive):
    base = url(archive)
    html = html_of(client.get(base + "?year=2025"))
    assert len(titles(html)) == 8
    assert '<option value="2025" selected>' in html
    html = html_of(client.get(base + "?category=press_release"))
    assert sorted(titles(html)) == [f"en news item-{n:02d}" for n in (0, 5, 10, 15, 20)]
    html = html_of(client.get(base + "?tag=budget"))
    assert len(titles(html)) == 6
    html = html_of(client.get(base + "?tag=budget&year=2024"))
    assert sorted(titles(html)) == ["en news item-00", "en news item-12"]
    assert "Show all news" in html


def test_pagination_keeps_the_filters(client, archive):
    base = url(archive)
    html = html_of(client.get(base + "?category=news"))
    assert f'href="{base}?category=news&amp;page=2" rel="next"' in html


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("?year=abc", 200, "“abc” is not a year. Showing all years."),
        ("?year=99999", 200, "“99999” is not a year."),
        ("?category=gossip", 200, "There is no category “gossip”."),
        ("?tag=nope", 200, "There is no topic “nope” here."),
        ("?page=abc", 200, "“abc” is not a page number. Showing the first page."),
        ("?page=0", 200, "“0” is not a page number."),
        ("?page=999", 404, "There is no page 999: the list has 3 page(s)."),
        ("?year=abc&page=999", 404, "“abc” is not a year."),
    ],
)
def test_bad_query_parameters_give_a_notice_not_an_error(client, archive, query, status, message):
    response = client.get(url(archive) + query)
    assert response.status_code == status
    html = html_of(response)
    assert message in html
    assert 'class="notice notice--warning"' in html


def test_bad_query_notice_is_in_the_page_language(client, archive):
    response = client.get(url(archive, "ru") + "?year=abc")
    assert response.status_code == 200
    html = html_of(response)
    assert 'class="notice notice--warning"' in html
    assert '<html lang="ru"' in html


def test_archive_links_to_its_feeds(client, agency_a, archive):
    html = html_of(client.get(url(archive, "kk")))
    assert f'href="/kk/{agency_a.slug}/news/feed/"' in html
    assert f'href="/kk/{agency_a.slug}/news/atom/"' in html


def test_empty_archive(client, agency_a):
    html = html_of(client.get(url(section(agency_a, "news"))))
    assert "No news yet." in html
    assert 'class="pagination"' not in html


# --- Legal acts register ------------------------------------------------------------


@pytest.fixture
def acts(agency_a):
    document = add_document(agency_a)
    add_act(agency_a, "a1", number="№ 10", act_type="order", date=datetime.date(2024, 2, 1))
    add_act(
        agency_a,
        "a2",
        number="№ 11",
        act_type="resolution",
        date=datetime.date(2025, 3, 1),
        status="expired",
        files={"ru": document},
    )
    add_act(agency_a, "a3", number="№ 12", act_type="order", date=datetime.date(2025, 6, 1))
    return section(agency_a, "documents")


def act_numbers(html):
    return re.findall(r'<td class="document-table__number">([^<]+)</td>', html)


def test_register_lists_acts_in_a_document_table(client, acts):
    html = html_of(client.get(url(acts)))
    assert act_numbers(html) == ["№ 12", "№ 11", "№ 10"]
    assert "<caption" in html and '<th scope="col">' in html
    assert "No file" in html
    assert 'hreflang="ru"' in html


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ("?type=order", ["№ 12", "№ 10"]),
        ("?year=2025", ["№ 12", "№ 11"]),
        ("?status=expired", ["№ 11"]),
        ("?type=order&year=2025&status=in_force", ["№ 12"]),
    ],
)
def test_register_filters(client, acts, query, numbers):
    assert act_numbers(html_of(client.get(url(acts) + query))) == numbers


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("?type=edict", 200, "There is no type of act “edict”."),
        ("?status=void", 200, "There is no status “void”."),
        ("?year=1800", 200, "“1800” is not a year."),
        ("?page=5", 404, "There is no page 5"),
    ],
)
def test_register_bad_parameters(client, acts, query, status, message):
    response = client.get(url(acts) + query)
    assert response.status_code == status
    assert message in html_of(response)


# --- Agency home page -----------------------------------------------------------------


def test_agency_home_shows_priority_news_first_and_contacts(client, agency_a):
    from cms.navigation.models import QuickLink

    add_news(agency_a, "older-priority", date=datetime.date(2025, 1, 1), priority=True)
    add_news(agency_a, "newest", date=datetime.date(2026, 5, 1))
    agency_a.address_en = "1 Test Street, Astana"
    agency_a.phone = "+7 7172 00 00 00"
    agency_a.email = "info@agency-a.kz"
    agency_a.save()
    QuickLink.objects.create(agency=agency_a, title="eGov", url="https://egov.kz/")
    html = html_of(client.get(url(agency_a.home_page)))
    assert titles(html)[:2] == ["en news older-priority", "en news newest"]
    assert "1 Test Street, Astana" in html
    assert 'href="tel:+77172000000"' in html
    assert 'href="mailto:info@agency-a.kz"' in html
    assert '<a class="link-list__link" href="https://egov.kz/">eGov</a>' in html
    assert f'href="{url(section(agency_a, "news"))}"' in html


def test_agency_home_without_head_key_services_or_quick_links(client, agency_a):
    """The head, key services and quick links come from other apps' template tags
    (the pages floor imports none of them); an agency with none of them gets a home
    page without those sections, not empty headings."""
    response = client.get(url(agency_a.home_page))
    assert response.status_code == 200
    html = html_of(response)
    for heading in ("agency-head", "key-services", "quick-links"):
        assert f'id="{heading}"' not in html
    assert 'id="latest-news"' in html


# --- Feeds and SEO --------------------------------------------------------------------


def test_feed_items_carry_category_and_lead_image(client, agency_a):
    add_news(
        agency_a,
        "with-image",
        category=NewsPage.Category.PRESS_RELEASE,
        image=add_image(agency_a),
    )
    response = client.get(f"/en/{agency_a.slug}/news/feed/")
    feed = feedparser.parse(response.content)
    entry = feed.entries[0]
    assert [t.term for t in entry.tags] == ["Press release"]
    assert entry.enclosures[0].type == "image/jpeg"
    assert int(entry.enclosures[0].length) > 0


def test_news_article_json_ld_has_the_lead_image(client, agency_a):
    page = add_news(agency_a, "ld", image=add_image(agency_a))
    html = html_of(client.get(url(page)))
    data = re.search(r'"@type":"NewsArticle".*?"image":\["([^"]+)"\]', html, re.S)
    assert data and data.group(1).startswith("http://testserver/")
