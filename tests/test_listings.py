"""Services, vacancies, events, FAQ and galleries (cms.listings).

The tree (built per test by provisioning, which turns the standard sections into the
listings index types, see conftest):

    portal
    ├── agency-a (AgencyHomePage)
    │   ├── services  ServiceIndexPage ── passport (ServicePage, key)
    │   ├── vacancies VacancyIndexPage ── analyst (VacancyPage)
    │   ├── events    EventIndexPage   ── forum (upcoming), hackathon (past)
    │   ├── faq       FAQPage
    │   └── media     GalleryIndexPage ── photos (GalleryPage)
    └── agency-b ... the same sections, with its own items in some tests
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.listings.models import (
    EventIndexPage,
    EventPage,
    FAQPage,
    GalleryIndexPage,
    GalleryPage,
    ServiceIndexPage,
    ServicePage,
    VacancyIndexPage,
    VacancyPage,
)
from search.engines.base import SearchQuery
from search.engines.database import DatabaseEngine
from search.models import SearchEntry
from tests.factories import UserFactory, editor_of

LANGS = ("kk", "ru", "en")
ALMATY = ZoneInfo("Asia/Almaty")


def section(agency, slug):
    return agency.home_page.get_children().get(slug=slug).specific


def tri(kk, ru, en):
    return {"kk": kk, "ru": ru, "en": en}


def _fill(page, **fields):
    for name, values in fields.items():
        for lang in LANGS:
            setattr(page, f"{name}_{lang}", values[lang])
    return page


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_service(agency, slug="passport", *, is_key=True, category="citizens", marker="Паспорт"):
    page = ServicePage(slug=slug, is_key=is_key, category=category, egov_url="https://egov.kz/x")
    _fill(
        page,
        title=tri(f"{marker} алу", f"Получение: {marker}", f"Getting {marker}"),
        summary=tri("Қысқаша", "Кратко", "In short"),
        recipients=tri("Азаматтар", "Граждане", "Citizens"),
        cost=tri("Тегін", "Бесплатно", "Free"),
        duration=tri("1 күн", "1 день", "1 day"),
    )
    page.body_kk = [("paragraph", "<p>Мәтін</p>")]
    page.body_ru = [("paragraph", "<p>Текст</p>")]
    return publish(section(agency, "services"), page)


def add_vacancy(agency, slug="analyst", *, closing=None, marker="Аналитик"):
    page = VacancyPage(slug=slug, closing_date=closing or timezone.localdate() + timedelta(30))
    _fill(
        page,
        title=tri(f"{marker} талдаушы", f"{marker} данных", f"{marker} data"),
        position=tri("Талдаушы", "Аналитик", "Analyst"),
        department=tri("Басқарма", "Управление", "Division"),
        salary=tri("300 000 ₸", "300 000 ₸", "300,000 ₸"),
        requirements=tri("<p>Жоғары білім</p>", "<p>Высшее образование</p>", "<p>A degree</p>"),
    )
    return publish(section(agency, "vacancies"), page)


def add_event(agency, slug, *, days, marker="Форум"):
    start = timezone.now() + timedelta(days=days)
    page = EventPage(slug=slug, start=start, end=start + timedelta(hours=3))
    _fill(
        page,
        title=tri(f"{marker} kk", f"{marker} ru", f"{marker} en"),
        place=tri("Астана", "Астана", "Astana"),
        intro=tri("Сипаттама", "Описание", "About"),
    )
    return publish(section(agency, "events"), page)


def fill_faq(agency, count=5):
    page = section(agency, "faq")
    for lang in LANGS:
        setattr(
            page,
            f"questions_{lang}",
            [
                {
                    "type": "item",
                    "value": {"question": f"Сұрақ {lang} {n}?", "answer": f"<p>Жауап {n}</p>"},
                }
                for n in range(count)
            ],
        )
    page.save_revision().publish()
    return FAQPage.objects.get(pk=page.pk)


@pytest.fixture
def image(agency_a):
    from wagtail.images import get_image_model

    return get_image_model().objects.create(
        title="Photo", file=get_test_image_file(size=(640, 480)), collection=agency_a.collection
    )


def add_gallery(agency, image, slug="photos", photos=3):
    page = GalleryPage(
        slug=slug,
        photos=[
            {
                "type": "photo",
                "value": {
                    "image": image.pk,
                    **{f"alt_{lang}": f"Alt {lang} {n}" for lang in LANGS},
                    **{f"caption_{lang}": f"Caption {lang} {n}" for lang in LANGS},
                },
            }
            for n in range(photos)
        ],
    )
    _fill(page, title=tri("Фото", "Фото", "Photos"), intro=tri("Кіріспе", "Вступление", "Intro"))
    for lang in LANGS:
        setattr(
            page,
            f"videos_{lang}",
            [
                {
                    "type": "video",
                    "value": {
                        "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
                        "title": f"Video {lang}",
                        "transcript": f"Transcript {lang}",
                    },
                }
            ],
        )
    return publish(section(agency, "media"), page)


def url(page, lang):
    return f"/{lang}" + page.url_path.split("/", 2)[2].join(["/", ""])


# --- provisioning ------------------------------------------------------------------
def test_provisioning_gives_the_sections_their_listing_types(agency_a):
    types = {p.slug: type(p.specific) for p in agency_a.home_page.get_children()}
    assert types["services"] is ServiceIndexPage
    assert types["vacancies"] is VacancyIndexPage
    assert types["events"] is EventIndexPage
    assert types["faq"] is FAQPage
    assert types["media"] is GalleryIndexPage


# --- rendering ---------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_every_type_renders(client, agency_a, image, lang):
    service = add_service(agency_a)
    vacancy = add_vacancy(agency_a)
    event = add_event(agency_a, "forum", days=10)
    add_event(agency_a, "hackathon", days=-10, marker="Хакатон")
    faq = fill_faq(agency_a)
    gallery = add_gallery(agency_a, image)
    pages = [
        section(agency_a, "services"), service, section(agency_a, "vacancies"), vacancy,
        section(agency_a, "events"), event, faq, section(agency_a, "media"), gallery,
    ]  # fmt: skip
    for page in pages:
        response = client.get(url(page, lang))
        assert response.status_code == 200, (page, lang)
        assert response.content.decode().count("<h1") == 1


def test_service_page_shows_its_details(client, agency_a):
    service = add_service(agency_a)
    html = client.get(url(service, "ru")).content.decode()
    assert 'href="https://egov.kz/x"' in html
    assert "Граждане" in html and "Бесплатно" in html and "1 день" in html


def test_service_index_lists_key_services_and_one_tab_per_category(client, agency_a):
    add_service(agency_a, "passport", is_key=True)
    add_service(agency_a, "pension", is_key=False, marker="Зейнетақы")
    add_service(agency_a, "licence", is_key=False, category="business", marker="Лицензия")
    html = client.get(url(section(agency_a, "services"), "en")).content.decode()
    assert html.count('id="key-services-heading"') == 1
    assert 'id="services-citizens"' in html and 'id="services-business"' in html
    assert 'id="services-organisations"' not in html  # no empty tab
    # Without JavaScript every panel is shown: nothing is hidden but the tab list.
    assert html.count("data-tabs-list") == 1
    assert 'data-tabs-list aria-label="Services by category" hidden' in html
    assert "tabs__panel" in html and 'class="tabs__panel" hidden' not in html


def test_service_index_lists_each_service_once(client, agency_a):
    """Issue 16: the demo's services page showed each key service three times (in the
    section's text, among the key services and again in its category's tab). A key
    service is listed among the key services only; the others in their category."""
    add_service(agency_a, "passport", is_key=True, marker="Паспорт")
    add_service(agency_a, "pension", is_key=False, marker="Зейнетақы")
    add_service(agency_a, "licence", is_key=False, category="business", marker="Лицензия")
    for lang, titles in (
        ("kk", ("Паспорт алу", "Зейнетақы алу", "Лицензия алу")),
        ("ru", ("Получение: Паспорт", "Получение: Зейнетақы", "Получение: Лицензия")),
        ("en", ("Getting Паспорт", "Getting Зейнетақы", "Getting Лицензия")),
    ):
        html = client.get(url(section(agency_a, "services"), lang)).content.decode()
        main = html.split('<main', 1)[1].split("</main>", 1)[0]
        for title in titles:
            assert main.count(f">{title}<") == 1, (lang, title)
    key, tabs = main.split('id="services"', 1)
    assert "Getting Паспорт" in key and "Getting Паспорт" not in tabs
    assert "Getting Зейнетақы" in tabs and "Getting Лицензия" in tabs


def test_demo_services_sections_do_not_repeat_their_services():
    """The demo's services sections introduce the services; listing them is the page's
    job. The old texts named each service again under a heading of its own, so on the
    demo a key service was seen three times."""
    from cms.demo.loader import agencies

    with_services = 0
    for data in agencies():
        types = [page["type"] for page in data["pages"]]
        if "listings.servicepage" not in types:
            continue  # a section without service pages describes them in its text
        with_services += 1
        for page in data["pages"]:
            if page["type"] == "listings.serviceindexpage":
                for lang, blocks in page["fields"].get("body", {}).items():
                    kinds = {block["type"] for block in blocks}
                    assert "heading" not in kinds, (data["agency"]["slug"], lang)
    assert with_services >= 3


def test_event_index_puts_upcoming_first_and_past_in_its_own_panel(client, agency_a):
    add_event(agency_a, "later", days=20, marker="Later")
    add_event(agency_a, "sooner", days=2, marker="Sooner")
    add_event(agency_a, "past", days=-5, marker="Gone")
    html = client.get(url(section(agency_a, "events"), "en")).content.decode()
    upcoming, past = html.split('id="events-past"')
    assert upcoming.index("Sooner en") < upcoming.index("Later en")
    assert "Gone en" in past and "Gone en" not in upcoming


def test_faq_uses_the_accordion(client, agency_a):
    faq = fill_faq(agency_a, count=5)
    html = client.get(url(faq, "kk")).content.decode()
    assert html.count('<details class="accordion__item"') == 5
    assert "Сұрақ kk 4?" in html


def test_gallery_links_each_photo_to_its_full_size_and_embeds_the_video(client, agency_a, image):
    gallery = add_gallery(agency_a, image, photos=2)
    html = client.get(url(gallery, "ru")).content.decode()
    assert html.count('class="gallery__item"') == 2
    assert 'alt="Alt ru 0"' in html and "Caption ru 1" in html
    assert "youtube-nocookie.com/embed/aqz-KE-bpKQ" in html and "Transcript ru" in html


# --- vacancies: expiry ---------------------------------------------------------------
@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def found(text, language="ru"):
    engine = DatabaseEngine()
    engine.refresh()
    return [h.page_id for h in engine.search(SearchQuery(text=text, language=language)).hits]


def test_closing_date_sets_expiry_at_the_end_of_the_day_in_almaty(agency_a):
    closing = timezone.localdate() + timedelta(days=3)
    vacancy = add_vacancy(agency_a, closing=closing)
    expected = datetime.combine(closing + timedelta(days=1), time.min, tzinfo=ALMATY)
    assert vacancy.expire_at == expected
    # Changing the date moves the expiry with it.
    vacancy.closing_date = closing + timedelta(days=10)
    vacancy.save_revision().publish()
    vacancy.refresh_from_db()
    assert vacancy.expire_at == expected + timedelta(days=10)


def test_publish_scheduled_unpublishes_a_closed_vacancy_and_drops_it_from_search(
    client, agency_a, commit, monkeypatch
):
    with commit():
        vacancy = add_vacancy(agency_a, closing=timezone.localdate(), marker="Криптограф")
    index = section(agency_a, "vacancies")
    assert vacancy.pk in found("Криптограф")
    assert "Криптограф" in client.get(url(index, "ru")).content.decode()

    # Before the end of the closing day nothing happens.
    call_command("publish_scheduled", verbosity=0)
    assert VacancyPage.objects.get(pk=vacancy.pk).live

    # A second after the closing day ends (the clock moves, nothing else is faked).
    later = vacancy.expire_at + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: later.astimezone(ALMATY).date())
    with commit():
        call_command("publish_scheduled", verbosity=0)
    vacancy = VacancyPage.objects.get(pk=vacancy.pk)
    assert not vacancy.live and vacancy.expired
    assert not SearchEntry.objects.filter(page_id=vacancy.pk).exists()
    assert vacancy.pk not in found("Криптограф")
    assert "Криптограф" not in client.get(url(index, "ru")).content.decode()
    assert client.get(url(vacancy, "ru")).status_code == 404


def test_vacancy_index_shows_open_vacancies_only(client, agency_a):
    add_vacancy(agency_a, "open", marker="Открытая")
    closed = add_vacancy(agency_a, "closed", marker="Закрытая")
    # A vacancy whose date passed but that was not yet unpublished (cron not run yet).
    VacancyPage.objects.filter(pk=closed.pk).update(
        closing_date=timezone.localdate() - timedelta(days=1)
    )
    html = client.get(url(section(agency_a, "vacancies"), "ru")).content.decode()
    assert "Открытая" in html and "Закрытая" not in html


def test_past_closing_date_is_refused(agency_a):
    page = VacancyPage(slug="late", closing_date=timezone.localdate() - timedelta(days=1))
    _fill(page, title=tri("a", "b", "c"), position=tri("a", "b", "c"))
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        assert error.value.message_dict["closing_date"] == [
            "The closing date cannot be in the past."
        ]


@pytest.fixture
def admin_client(client, portal):
    from wagtail.users.models import UserProfile

    user = UserFactory(username="root", is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ru"
    profile.save()
    client.force_login(user)
    return client


def in_russian(msgid: str) -> str:
    """The Russian message (tests/test_catalogs.py checks that every msgid has one)."""
    with translation.override("ru"):
        return gettext(msgid)


def _vacancy_post(closing_date):
    data = nested_form_data(
        {
            **{f"title_{lang}": f"Вакансия {lang}" for lang in LANGS},
            **{f"position_{lang}": "Эксперт" for lang in LANGS},
            **{f"department_{lang}": "" for lang in LANGS},
            **{f"salary_{lang}": "" for lang in LANGS},
            **{f"requirements_{lang}": rich_text("<p>Опыт</p>") for lang in LANGS},
            "slug": "new-vacancy",
            "closing_date": closing_date.isoformat(),
            "comment_notifications": "on",
        }
    )
    data["action-publish"] = "1"
    return data


def test_admin_refuses_a_past_closing_date_in_the_editors_language(admin_client, agency_a):
    index = section(agency_a, "vacancies")
    add_url = f"/admin/pages/add/listings/vacancypage/{index.pk}/"
    past = timezone.localdate() - timedelta(days=2)
    response = admin_client.post(add_url, _vacancy_post(past))
    assert response.status_code == 200
    errors = response.context["form"].errors["closing_date"]
    assert errors == [in_russian("The closing date cannot be in the past.")]
    assert not VacancyPage.objects.filter(slug="new-vacancy").exists()

    response = admin_client.post(add_url, _vacancy_post(timezone.localdate()))
    assert response.status_code == 302
    assert VacancyPage.objects.get(slug="new-vacancy").live


# --- events: dates -------------------------------------------------------------------
def _event_post(start, end):
    data = nested_form_data(
        {
            **{f"title_{lang}": f"Событие {lang}" for lang in LANGS},
            **{f"place_{lang}": "Астана" for lang in LANGS},
            **{f"intro_{lang}": "" for lang in LANGS},
            **{f"body_{lang}": streamfield([]) for lang in LANGS},
            "slug": "new-event",
            "start": start,
            "end": end,
            "comment_notifications": "on",
        }
    )
    data["action-publish"] = "1"
    return data


def test_admin_refuses_an_event_that_ends_before_it_starts(admin_client, agency_a):
    index = section(agency_a, "events")
    add_url = f"/admin/pages/add/listings/eventpage/{index.pk}/"
    response = admin_client.post(add_url, _event_post("2027-03-10 15:00", "2027-03-10 09:00"))
    assert response.status_code == 200
    errors = response.context["form"].errors["end"]
    assert errors == [in_russian("The end cannot be before the start.")]
    assert not EventPage.objects.filter(slug="new-event").exists()

    response = admin_client.post(add_url, _event_post("2027-03-10 09:00", "2027-03-10 15:00"))
    assert response.status_code == 302
    assert EventPage.objects.get(slug="new-event").live


# --- galleries: alternative text ------------------------------------------------------
def _gallery_post(image, alt_kk, action="action-publish"):
    photo = {"image": image.pk, "alt_kk": alt_kk, "alt_ru": "Фото", "alt_en": ""}
    photo.update({f"caption_{lang}": "" for lang in LANGS})
    data = nested_form_data(
        {
            **{f"title_{lang}": f"Галерея {lang}" for lang in ("kk", "ru")},
            "title_en": "",
            **{f"intro_{lang}": "" for lang in LANGS},
            **{f"videos_{lang}": streamfield([]) for lang in LANGS},
            "photos": streamfield([("photo", photo)]),
            "slug": "new-gallery",
            "date": "2026-11-20",
            "comment_notifications": "on",
        }
    )
    data[action] = "1"
    return data


def test_publishing_a_photo_without_alt_is_refused_but_a_draft_is_saved(
    admin_client, agency_a, image
):
    index = section(agency_a, "media")
    add_url = f"/admin/pages/add/listings/gallerypage/{index.pk}/"
    response = admin_client.post(add_url, _gallery_post(image, ""))
    assert response.status_code == 200
    with translation.override("ru"):
        expected = gettext("Photo %(number)s has no alternative text in %(language)s.") % {
            "number": 1,
            "language": gettext("Kazakh"),
        }
    assert expected in str(response.context["form"].errors["photos"])
    assert not GalleryPage.objects.filter(slug="new-gallery").exists()

    response = admin_client.post(add_url, _gallery_post(image, "", "action-save-draft"))
    assert response.status_code == 302
    assert not GalleryPage.objects.get(slug="new-gallery").live


# --- isolation -----------------------------------------------------------------------
def test_another_agencys_editor_cannot_see_or_edit_listings(client, agency_a, agency_b, image):
    pages = [
        add_service(agency_a),
        add_vacancy(agency_a),
        add_event(agency_a, "forum", days=5),
        fill_faq(agency_a),
        add_gallery(agency_a, image),
    ]
    intruder = editor_of(agency_b)
    client.force_login(intruder)
    for page in pages:
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code in (302, 403, 404), page
        response = client.post(f"/admin/pages/{page.pk}/edit/", {"title_kk": "Hacked"})
        assert response.status_code in (302, 403, 404), page
        assert Page.objects.get(pk=page.pk).title_kk != "Hacked"
        parent = page.get_parent()
        response = client.get(f"/admin/pages/{parent.pk}/")
        assert response.status_code in (302, 403, 404), parent
    # The intruder cannot add items under A's sections either.
    index = section(agency_a, "services")
    response = client.get(f"/admin/pages/add/listings/servicepage/{index.pk}/")
    assert response.status_code in (302, 403, 404)

    # Positive control: A's editor opens the same edit views.
    client.force_login(editor_of(agency_a))
    for page in pages:
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_indexes_list_only_their_own_agencys_items(client, agency_a, agency_b, image):
    add_service(agency_a, marker="AlphaService")
    add_service(agency_b, marker="BetaService")
    add_vacancy(agency_a, marker="AlphaVacancy")
    add_vacancy(agency_b, marker="BetaVacancy")
    add_event(agency_a, "a-event", days=3, marker="AlphaEvent")
    add_event(agency_b, "b-event", days=3, marker="BetaEvent")
    add_gallery(agency_a, image)
    from wagtail.images import get_image_model

    image_b = get_image_model().objects.create(
        title="B", file=get_test_image_file(), collection=agency_b.collection
    )
    gallery_b = add_gallery(agency_b, image_b)
    _fill(gallery_b, title=tri("BetaGallery", "BetaGallery", "BetaGallery"))
    gallery_b.save_revision().publish()
    for slug in ("services", "vacancies", "events", "media"):
        html = client.get(url(section(agency_a, slug), "en")).content.decode()
        assert "Beta" not in html, slug
    assert "AlphaService" in client.get(url(section(agency_a, "services"), "en")).content.decode()


def test_key_services_of_an_agency(agency_a, agency_b):
    """What the agency home page reads (the content helper's query)."""
    add_service(agency_a, "a-key", is_key=True)
    add_service(agency_a, "a-other", is_key=False, marker="Other")
    add_service(agency_b, "b-key", is_key=True)
    keys = ServicePage.objects.descendant_of(agency_a.home_page).live().filter(is_key=True)
    assert [p.slug for p in keys] == ["a-key"]


# --- admin forms -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "section_slug,model",
    [
        ("services", "servicepage"),
        ("vacancies", "vacancypage"),
        ("events", "eventpage"),
        ("media", "gallerypage"),
    ],
)
def test_admin_add_forms_open(admin_client, agency_a, section_slug, model):
    index = section(agency_a, section_slug)
    response = admin_client.get(f"/admin/pages/add/listings/{model}/{index.pk}/")
    assert response.status_code == 200


def test_admin_edit_forms_open(admin_client, agency_a, image):
    pages = [
        add_service(agency_a),
        add_vacancy(agency_a),
        add_event(agency_a, "forum", days=5),
        fill_faq(agency_a),
        add_gallery(agency_a, image),
        section(agency_a, "services"),
    ]
    for page in pages:
        assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200, page


def test_items_can_only_be_created_under_their_own_index(agency_a):
    assert ServicePage.allowed_parent_page_models() == [ServiceIndexPage]
    assert VacancyPage.allowed_parent_page_models() == [VacancyIndexPage]
    assert EventPage.allowed_parent_page_models() == [EventIndexPage]
    assert GalleryPage.allowed_parent_page_models() == [GalleryIndexPage]
    assert not FAQPage.allowed_subpage_models()


# --- search ------------------------------------------------------------------------
def test_listing_fields_are_searchable(agency_a, commit, image):
    with commit():
        service = add_service(agency_a, marker="Паспорт")
        faq = fill_faq(agency_a)
        event = add_event(agency_a, "forum", days=3, marker="Форум")
        vacancy = add_vacancy(agency_a)
        gallery = add_gallery(agency_a, image)
    for page, language, needle in (
        (service, "ru", "Кратко"),  # the summary
        (faq, "kk", "Сұрақ kk 3?\nЖауап 3"),  # a question and its answer
        (event, "en", "Astana"),  # the place
        (vacancy, "ru", "Высшее образование"),  # the requirements
        (gallery, "ru", "Caption ru 1"),  # a caption
        (gallery, "en", "Transcript en"),  # a video transcript
    ):
        text = SearchEntry.objects.get(page_id=page.pk, language=language).body
        assert needle in text, (page, language)
    entry = SearchEntry.objects.get(page_id=event.pk, language="ru")
    assert entry.date == timezone.localtime(event.start).date()
