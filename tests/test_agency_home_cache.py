"""What an agency's home page shows (news cards, sections, key services, the head of
the agency, quick links, contacts) is cached per agency, language and site under the
chrome versions (cms.pages.agency_cache): a warm home page reads none of it from the
database, and every change that shows on the page is there on the next render.

The page cache is off in the tests (cms/settings/test.py): every request here renders.
"""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms.navigation.models import QuickLink
from cms.pages.models import NewsPage
from tests.test_listings import add_service
from tests.test_organisation import POSITIONS, add_person, leadership_of

# Tables of the home page's content; a warm home page queries none of them.
CONTENT_TABLES = (
    "pages_newspage",
    "pages_sectionpage",
    "listings_servicepage",
    "organisation_personpage",
    "navigation_quicklink",
)


def render(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), [q["sql"] for q in captured.captured_queries]


def content_queries(queries):
    return [q for q in queries if any(table in q for table in CONTENT_TABLES)]


def add_news(agency, slug, titles):
    news_index = Page.objects.child_of(agency.home_page).get(slug="news")
    page = NewsPage(slug=slug, date=datetime.date(2026, 3, 1))
    for lang, title in titles.items():
        setattr(page, f"title_{lang}", title)
        setattr(page, f"body_{lang}", [("paragraph", f"<p>{title}</p>")])
    news_index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_warm_home_page_reads_none_of_its_content(client, agency_a):
    add_news(agency_a, "first", {"kk": "Бірінші жаңалық", "ru": "Первая новость"})
    _, cold = render(client, "/ru/agency-a/")
    assert content_queries(cold), "the first render builds the content"
    html, warm = render(client, "/ru/agency-a/")
    assert content_queries(warm) == []
    assert "Первая новость" in html


def test_a_published_news_item_is_on_the_next_render(client, agency_a):
    render(client, "/kk/agency-a/")
    add_news(agency_a, "fresh", {"kk": "Жаңа хабар", "ru": "Свежая новость"})
    assert "Жаңа хабар" in render(client, "/kk/agency-a/")[0]
    page = NewsPage.objects.get(slug="fresh")
    page.title_kk = "Өзгерген хабар"
    page.save_revision().publish()
    html = render(client, "/kk/agency-a/")[0]
    assert "Өзгерген хабар" in html and "Жаңа хабар" not in html
    page.unpublish()
    assert "Өзгерген хабар" not in render(client, "/kk/agency-a/")[0]


def test_content_is_cached_per_language(client, agency_a):
    add_news(agency_a, "both", {"kk": "Қазақша тақырып", "ru": "Русский заголовок"})
    assert "Русский заголовок" in render(client, "/ru/agency-a/")[0]
    html = render(client, "/kk/agency-a/")[0]
    assert "Қазақша тақырып" in html and "Русский заголовок" not in html


def test_a_new_key_service_and_head_show_at_once(client, agency_a):
    render(client, "/ru/agency-a/")
    add_service(agency_a, "passport", is_key=True, marker="Паспорт")
    names = {"kk": "Асан Асанов", "ru": "Асан Асанов-Главный", "en": "Asan Asanov"}
    add_person(leadership_of(agency_a), "the-head", names, "head", is_head=True)
    html = render(client, "/ru/agency-a/")[0]
    assert "Получение: Паспорт" in html
    assert "Асан Асанов-Главный" in html and POSITIONS["head"]["ru"] in html


def test_quick_links_show_at_once(client, agency_a):
    render(client, "/ru/agency-a/")
    link = QuickLink.objects.create(
        agency=agency_a, title_kk="Егов", title_ru="Портал егов", url="https://egov.kz/"
    )
    assert "Портал егов" in render(client, "/ru/agency-a/")[0]
    link.title_ru = "Электронное правительство"
    link.save()
    html = render(client, "/ru/agency-a/")[0]
    assert "Электронное правительство" in html and "Портал егов" not in html
    link.delete()
    assert "Электронное правительство" not in render(client, "/ru/agency-a/")[0]


def test_changed_contacts_show_at_once(client, agency_a):
    render(client, "/ru/agency-a/")
    agency_a.phone = "+7 7172 99 88 77"
    agency_a.save()
    assert "+7 7172 99 88 77" in render(client, "/ru/agency-a/")[0]


def test_another_agency_never_gets_the_cached_content(client, agency_a, agency_b):
    add_news(agency_a, "only-a", {"kk": "Тек А жаңалығы", "ru": "Только новость А"})
    add_service(agency_a, "a-key", is_key=True, marker="Услуга А")
    QuickLink.objects.create(agency=agency_a, title_ru="Ссылка А", url="https://a.example.kz/")
    assert "Только новость А" in render(client, "/ru/agency-a/")[0]
    html = render(client, "/ru/agency-b/")[0]
    for marker in ("Только новость А", "Услуга А", "Ссылка А"):
        assert marker not in html


def test_an_edited_lead_image_shows_its_new_rendition(client, agency_a):
    """What the admin's image edit does when the focal point moves: the image is saved
    and its renditions deleted; the cached cards must not keep the old one."""
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(
        title="Сурет", file=get_test_image_file(), collection=agency_a.collection
    )
    page = add_news(agency_a, "pictured", {"kk": "Суретті жаңалық", "ru": "Новость с фото"})
    page.lead_image = image
    page.save_revision().publish()
    old = image.get_rendition("fill-480x270").url
    assert old in render(client, "/ru/agency-a/")[0]
    image.focal_point_x, image.focal_point_y = 10, 10
    image.focal_point_width = image.focal_point_height = 5
    image.save()
    image.renditions.all().delete()
    html = render(client, "/ru/agency-a/")[0]
    new = Image.objects.get(pk=image.pk).get_rendition("fill-480x270").url
    assert new != old
    assert new in html and old not in html


# --- The portal's directory -------------------------------------------------------------
def test_a_warm_portal_home_builds_no_agency(client, agency_a, agency_b):
    """The directory's bodies and the latest news come from the cache: a warm render
    reads no agency row. Cold, the latest news name each item's agency in the same
    query (four rows: it does not grow with the number of agencies; asked a second
    time, plainly, when the newest candidates hold fewer than four, as here)."""
    _, cold = render(client, "/ru/")
    html, warm = render(client, "/ru/")
    assert [q for q in warm if '"tenants_agency"' in q] == []
    reading = [q for q in cold if '"tenants_agency"' in q and '"pages_newspage"' in q]
    assert 1 <= len(reading) <= 2
    assert all(q.endswith("LIMIT 4") for q in reading), reading
    assert "Агентство А" in html and "Агентство Б" in html


def test_the_directory_follows_agency_changes_at_once(client, agency_a, agency_b):
    from cms.platform.provisioning import archive_agency, update_agency
    from tests.factories import make_agency

    render(client, "/ru/")
    make_agency("agency-new", names={"kk": "Жаңа орган", "ru": "Новый орган", "en": "New body"})
    assert 'href="/ru/agency-new/"' in render(client, "/ru/")[0]
    update_agency(agency_b, name_ru="Агентство Б переименовано")
    assert "Агентство Б переименовано" in render(client, "/ru/")[0]
    archive_agency(agency_b)
    assert 'href="/ru/agency-b/"' not in render(client, "/ru/")[0]
    agency_a.home_page.specific.unpublish()
    assert 'href="/ru/agency-a/"' not in render(client, "/ru/")[0]
