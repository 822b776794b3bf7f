"""Leadership, person, structure and contacts pages (cms.organisation).

Tree built by `build_organisation(agency)`:

    agency home
    ├── leadership (LeadershipPage)
    │   ├── deputy-one  (PersonPage, sort_order 10)
    │   ├── the-head    (PersonPage, is_head, sort_order 50, with a photo)
    │   ├── deputy-two  (PersonPage, sort_order 20, no photo)
    │   └── structure   (StructurePage, three departments)
    └── contacts (ContactsPage, reception schedule of two rows)
"""

import io

import pytest
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cms.demo.media import portrait_png
from cms.organisation.models import (
    ContactsPage,
    Department,
    LeadershipPage,
    PersonPage,
    ReceptionSlot,
    StructurePage,
)
from cms.pages.models import SectionPage
from cms.platform.provisioning import archive_agency
from tests.factories import UserFactory, editor_of, make_agency

LANGS = ("kk", "ru", "en")
HEAD = {"kk": "Асқар Нұрланұлы Бекенов", "ru": "Аскар Нурланович Бекенов", "en": "Askar Bekenov"}
DEPUTY_ONE = {"kk": "Гүлмира Сейітқызы Әлиева", "ru": "Гульмира Сеитовна Алиева",
              "en": "Gulmira Aliyeva"}
DEPUTY_TWO = {"kk": "Ерлан Маратұлы Жақсылықов", "ru": "Ерлан Маратович Жаксылыков",
              "en": "Yerlan Zhaksylykov"}
POSITIONS = {"head": {"kk": "Төраға", "ru": "Председатель", "en": "Chair"},
             "deputy": {"kk": "Төрағаның орынбасары", "ru": "Заместитель председателя",
                        "en": "Deputy Chair"}}


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def leadership_of(agency) -> LeadershipPage:
    return LeadershipPage.objects.child_of(agency.home_page).get(slug="leadership")


def contacts_of(agency) -> ContactsPage:
    return ContactsPage.objects.child_of(agency.home_page).get(slug="contacts")


def portrait(agency, title="Портрет"):
    Image = get_image_model()
    data = portrait_png("#00577B", 120, 150)
    image = Image(title=title, collection=agency.collection)
    image.file = ImageFile(io.BytesIO(data), name="portrait.png")
    image.file_size = len(data)
    image.save()
    return image


def add_person(parent, slug, names, kind="deputy", *, is_head=False, sort_order=0, photo=None):
    page = PersonPage(
        slug=slug, is_head=is_head, sort_order=sort_order, photo=photo,
        phone="+7 7172 55 01 10", email=f"{slug}@example.gov.kz",
    )
    for lang in LANGS:
        setattr(page, f"title_{lang}", names[lang])
        setattr(page, f"position_{lang}", POSITIONS[kind][lang])
        setattr(page, f"biography_{lang}", f"<p>{names[lang]}: биография / bio.</p>")
        setattr(page, f"reception_hours_{lang}", f"{lang}: 15:00–18:00, 304")
        setattr(page, f"photo_alt_{lang}", f"{lang}: портрет {names[lang]}")
    parent.add_child(instance=page)
    return publish(page)


def add_structure(parent, departments=3):
    page = StructurePage(slug="structure")
    titles = {"kk": "Құрылым", "ru": "Структура", "en": "Structure"}
    for lang in LANGS:
        setattr(page, f"title_{lang}", titles[lang])
        setattr(page, f"intro_{lang}", f"{lang} intro")
    rows = []
    for index in range(departments):
        row = Department(sort_order=index, phone=f"+7 7172 55 02 0{index}",
                         email=f"dept{index}@example.gov.kz")
        for lang in LANGS:
            setattr(row, f"name_{lang}", f"{lang} департамент {index}")
            setattr(row, f"functions_{lang}", f"{lang} функциялар {index}")
            setattr(row, f"head_name_{lang}", f"{lang} басшы {index}")
        rows.append(row)
    page.departments = rows
    parent.add_child(instance=page)
    return publish(page)


def fill_contacts(page, rows=2):
    page.phones = "+7 7172 55 01 00\n1414"
    page.emails = "info@example.gov.kz"
    page.map_url = "https://www.openstreetmap.org/?mlat=51.12&mlon=71.43"
    for lang in LANGS:
        setattr(page, f"working_hours_{lang}", f"{lang}: 09:00–18:30")
        setattr(page, f"directions_{lang}", f"{lang}: bus 10")
    slots = []
    for index in range(rows):
        slot = ReceptionSlot(sort_order=index, time="15:00–18:00")
        for lang in LANGS:
            setattr(slot, f"day_{lang}", f"{lang} day {index}")
            setattr(slot, f"person_{lang}", f"{lang} person {index}")
            setattr(slot, f"place_{lang}", f"{lang} room {index}")
        slots.append(slot)
    page.reception_slots = slots
    return publish(page)


def build_organisation(agency):
    leadership = leadership_of(agency)
    add_person(leadership, "deputy-one", DEPUTY_ONE, sort_order=10, photo=portrait(agency))
    add_person(leadership, "the-head", HEAD, "head", is_head=True, sort_order=50,
               photo=portrait(agency, "Head"))
    add_person(leadership, "deputy-two", DEPUTY_TWO, sort_order=20)
    add_structure(leadership)
    fill_contacts(contacts_of(agency))
    return leadership


URLS = {
    "leadership": "/{lang}/agency-a/leadership/",
    "person": "/{lang}/agency-a/leadership/the-head/",
    "structure": "/{lang}/agency-a/leadership/structure/",
    "contacts": "/{lang}/agency-a/contacts/",
}


@pytest.fixture
def org(agency_a):
    build_organisation(agency_a)
    return agency_a


@pytest.fixture
def superuser_client(client, portal):
    from wagtail.users.models import UserProfile

    user = UserFactory(username="root", is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


# --- Types and rendering --------------------------------------------------------------


def test_provisioning_creates_the_specific_section_types(agency_a):
    home = agency_a.home_page
    assert home.get_children().get(slug="leadership").specific_class is LeadershipPage
    assert home.get_children().get(slug="contacts").specific_class is ContactsPage


def test_plain_sections_are_converted_in_place(agency_a):
    """An agency provisioned before this app existed keeps its sections' ids and titles."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Page

    from cms.platform.provisioning import provision_agency

    section = leadership_of(agency_a)
    pk = section.pk
    # Turn it back into a plain SectionPage, as it was before the app registered its type.
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {LeadershipPage._meta.db_table} WHERE sectionpage_ptr_id = %s", [pk]
        )
    Page.objects.filter(pk=pk).update(content_type=ContentType.objects.get_for_model(SectionPage))
    provision_agency(slug="agency-a", names={"kk": "А агенттігі", "ru": "Агентство А",
                                             "en": "Agency A"})
    converted = LeadershipPage.objects.get(pk=pk)
    assert converted.title_ru == "Руководство"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", list(URLS))
def test_every_type_renders_in_every_language(client, org, kind, lang):
    response = client.get(URLS[kind].format(lang=lang))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert HEAD[lang] in html or kind in ("structure", "contacts")


def test_head_comes_first_then_sort_order(client, org):
    html = client.get("/ru/agency-a/leadership/").content.decode()
    head, one, two = (html.index(names["ru"]) for names in (HEAD, DEPUTY_ONE, DEPUTY_TWO))
    assert head < one < two
    assert "person-card--head" in html


def test_person_cards_show_photo_with_alt_or_the_initials(client, org):
    html = client.get("/kk/agency-a/leadership/").content.decode()
    assert f'alt="kk: портрет {HEAD["kk"]}"' in html
    # Deputy two has no photo: the initials (Ерлан Маратұлы Жақсылықов), decorative.
    initials = '<span class="person-card__initials avatar-initials" aria-hidden="true">ЕЖ</span>'
    assert initials in html
    assert "person-placeholder" not in html
    assert "kk: 15:00–18:00, 304" in html


def test_person_page_without_photo_shows_the_initials(client, org):
    html = client.get("/ru/agency-a/leadership/deputy-two/").content.decode()
    assert '<span class="person__initials avatar-initials" aria-hidden="true">ЕЖ</span>' in html
    # The initials are decorative: the name is the page's heading.
    assert f'<h1 class="person__name">{DEPUTY_TWO["ru"]}</h1>' in html


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Даурен Серикович Алимжанов", "ДА"),
        ("Ержан Болатұлы Сейітқалиев", "ЕС"),
        ("Әлия Ғабитқызы Өмірбекова", "ӘӨ"),
        ("ұлан ілиясов", "ҰІ"),
        ("Daulet Serikuly Omarov", "DO"),
        ("Д. С. Алимжанов", "ДА"),
        ("«Нұрлан»", "Н"),
        ("Мадина", "М"),
        ("  ", ""),
        ("— 12", ""),
    ],
)
def test_initials_of_a_name(name, expected):
    from cms.core.components.person_card import initials, person_card

    assert initials(name) == expected
    # With a photo, no initials are drawn.
    assert person_card(name, photo_url="/p.jpg", photo_alt="Фото")["initials"] == ""
    assert person_card(name)["initials"] == expected


def test_leadership_lists_only_live_people(client, org):
    PersonPage.objects.get(slug="deputy-two").unpublish()
    html = client.get("/ru/agency-a/leadership/").content.decode()
    assert DEPUTY_TWO["ru"] not in html


def test_person_page_has_contacts_and_biography(client, org):
    html = client.get("/en/agency-a/leadership/the-head/").content.decode()
    assert 'href="tel:+77172550110"' in html
    assert 'href="mailto:the-head@example.gov.kz"' in html
    assert "Askar Bekenov: биография / bio." in html


def test_person_search_text_includes_the_position(org):
    head = PersonPage.objects.get(slug="the-head")
    assert "Председатель" in head.search_extra_text("ru")
    from search.documents import body_text

    assert "Председатель" in body_text(head, "ru").splitlines()


def test_structure_lists_departments_in_order(client, org):
    html = client.get("/kk/agency-a/leadership/structure/").content.decode()
    assert html.index("kk департамент 0") < html.index("kk департамент 2")
    assert "kk басшы 1" in html
    assert 'href="mailto:dept1@example.gov.kz"' in html


def test_contacts_page_shows_schedule_table_with_headers(client, org):
    html = client.get("/ru/agency-a/contacts/").content.decode()
    assert html.count('<th scope="col">') == 4
    assert '<th scope="row">ru day 0</th>' in html
    assert 'href="tel:1414"' in html
    assert 'href="mailto:info@example.gov.kz"' in html
    assert "ru: bus 10" in html


def test_contacts_fall_back_to_the_agency(client, agency_a):
    agency_a.address_ru = "Астана, ул. Бейбитшилик, 1"
    agency_a.phone = "+7 7172 11 22 33"
    agency_a.email = "office@agency-a.example.kz"
    agency_a.save()
    html = client.get("/ru/agency-a/contacts/").content.decode()
    assert "Астана, ул. Бейбитшилик, 1" in html
    assert 'href="tel:+77172112233"' in html
    assert 'href="mailto:office@agency-a.example.kz"' in html


def test_structure_can_be_created_under_leadership_or_about_only(agency_a):
    home = agency_a.home_page
    assert StructurePage.can_create_at(leadership_of(agency_a))
    assert StructurePage.can_create_at(home.get_children().get(slug="about").specific)
    assert not StructurePage.can_create_at(home.get_children().get(slug="news").specific)
    assert not StructurePage.can_create_at(home)
    assert not PersonPage.can_create_at(home.get_children().get(slug="about").specific)


# --- Subordinate bodies come from the agency tree ------------------------------------


def test_subordinates_are_active_children_only(client, org, agency_b):
    child = make_agency("child-live", names={"kk": "Бағынысты А1", "ru": "Подведомственная А1",
                                             "en": "Subordinate A1"}, parent=org)
    gone = make_agency("child-gone", names={"kk": "Жабылған А2", "ru": "Закрытая А2",
                                            "en": "Closed A2"}, parent=org)
    make_agency("grandchild", names={"kk": "Немере", "ru": "Внучатая А3", "en": "Grandchild"},
                parent=child)
    archive_agency(gone)
    html = client.get("/ru/agency-a/leadership/structure/").content.decode()
    assert 'href="/ru/child-live/"' in html
    assert "Подведомственная А1" in html
    assert "Закрытая А2" not in html
    assert "Внучатая А3" not in html  # children only, not the whole subtree
    assert "Агентство Б" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_other_agencys_structure_lists_only_its_own_children(client, org, agency_b):
    make_agency("child-live", names={"kk": "Бағынысты А1", "ru": "Подведомственная А1",
                                     "en": "Subordinate A1"}, parent=org)
    add_structure(leadership_of(agency_b))
    html = client.get("/ru/agency-b/leadership/structure/").content.decode()
    assert "Подведомственная А1" not in html


# --- Isolation in the admin --------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pages/{person}/edit/",
        "/admin/pages/{structure}/edit/",
        "/admin/pages/{contacts}/edit/",
        "/admin/pages/{leadership}/",
        "/admin/pages/add/organisation/personpage/{leadership}/",
        "/admin/pages/add/organisation/structurepage/{leadership}/",
    ],
)
def test_other_agencys_editor_cannot_open_or_add(client, org, agency_b, url):
    client.force_login(editor_of(agency_b))
    ids = {
        "person": PersonPage.objects.get(slug="the-head").pk,
        "structure": StructurePage.objects.get(slug="structure").pk,
        "contacts": contacts_of(org).pk,
        "leadership": leadership_of(org).pk,
    }
    response = client.get(url.format(**ids), follow=True)
    assert response.status_code in (200, 403, 404)
    # Refused outright, or sent back to B's own pages.
    assert HEAD["kk"] not in response.content.decode()
    if response.status_code == 200:
        assert response.redirect_chain


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pages/search/?q=Bekenov",
        "/admin/choose-page/search/?q=Bekenov",
        "/admin/api/main/pages/?search=Bekenov",
    ],
)
def test_other_agencys_editor_does_not_find_the_people(client, org, agency_b, url):
    client.force_login(editor_of(agency_b))
    response = client.get(url)
    assert response.status_code < 500
    assert "Askar Bekenov" not in response.content.decode()


def test_own_editor_can_open_and_add(client, org):
    client.force_login(editor_of(org))
    head = PersonPage.objects.get(slug="the-head")
    response = client.get(f"/admin/pages/{head.pk}/edit/")
    assert response.status_code == 200
    assert HEAD["kk"] in response.content.decode()
    leadership = leadership_of(org)
    assert client.get(
        f"/admin/pages/add/organisation/personpage/{leadership.pk}/"
    ).status_code == 200


def test_photo_chooser_offers_only_own_agencys_images(client, org, agency_b):
    portrait(agency_b, "Foreign portrait")
    client.force_login(editor_of(org))
    html = client.get("/admin/images/chooser/").content.decode()
    assert "Foreign portrait" not in html
    assert "Head" in html


# --- Bad input in the admin forms -----------------------------------------------------


def _person_form(**overrides):
    data = {
        "title_kk": "Жаңа орынбасар", "title_ru": "Новый заместитель", "title_en": "",
        "slug": "new-deputy",
        "position_kk": "Орынбасар", "position_ru": "Заместитель", "position_en": "",
        "photo_alt_kk": "", "photo_alt_ru": "", "photo_alt_en": "",
        "biography_kk": rich_text("<p>Өмірбаяны</p>"),
        "biography_ru": rich_text("<p>Биография</p>"),
        "biography_en": rich_text(""),
        "reception_hours_kk": "", "reception_hours_ru": "", "reception_hours_en": "",
        "phone": "+7 7172 55 01 99", "email": "deputy@example.gov.kz",
        "sort_order": "10",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_invalid_email_and_phone_give_form_errors(superuser_client, org):
    leadership = leadership_of(org)
    data = _person_form(email="not-an-email", phone="call us")
    data["action-publish"] = "1"
    response = superuser_client.post(
        f"/admin/pages/add/organisation/personpage/{leadership.pk}/", data
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "email" in errors and "phone" in errors
    assert not PersonPage.objects.filter(slug="new-deputy").exists()


def test_person_without_russian_position_cannot_be_published(superuser_client, org):
    data = _person_form(position_ru="")
    data["action-publish"] = "1"
    response = superuser_client.post(
        f"/admin/pages/add/organisation/personpage/{leadership_of(org).pk}/", data
    )
    assert response.status_code == 200
    assert "position_ru" in response.context["form"].errors
    assert not PersonPage.objects.filter(slug="new-deputy").exists()


def test_valid_person_is_published_by_superuser(superuser_client, org):
    data = _person_form()
    data["action-publish"] = "1"
    response = superuser_client.post(
        f"/admin/pages/add/organisation/personpage/{leadership_of(org).pk}/", data
    )
    assert response.status_code == 302, response.context["form"].errors
    assert PersonPage.objects.get(slug="new-deputy").live


def _contacts_form(page, **overrides):
    data = {
        "title_kk": page.title_kk, "title_ru": page.title_ru, "title_en": page.title_en,
        "slug": page.slug,
        "intro_kk": "", "intro_ru": "", "intro_en": "",
        "body_kk": nested_form_data({"count": 0}) and {"count": 0},
        "address_kk": "", "address_ru": "", "address_en": "",
        "phones": "+7 7172 55 01 00", "emails": "info@example.gov.kz",
        "working_hours_kk": "", "working_hours_ru": "", "working_hours_en": "",
        "map_url": "", "directions_kk": "", "directions_ru": "", "directions_en": "",
        "reception_slots": inline_formset([
            *({"id": slot.pk, "DELETE": "1", "time": slot.time}
              for slot in page.reception_slots.all()),
            {"day_kk": "Сейсенбі", "day_ru": "Вторник", "day_en": "", "time": "10:00",
             "person_kk": "Төраға", "person_ru": "Председатель", "person_en": "",
             "place_kk": "", "place_ru": "", "place_en": ""},
        ], initial=page.reception_slots.count()),
    }
    for lang in LANGS:
        data[f"body_{lang}"] = {"count": 0}
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.parametrize(
    ("field", "value"),
    [("emails", "info@example.gov.kz\nnot an email"), ("phones", "+7 7172 55 01 00\nask Bob"),
     ("map_url", "javascript:alert(1)")],
)
def test_bad_contacts_input_gives_form_error_and_saves_nothing(superuser_client, org, field,
                                                              value):
    page = contacts_of(org)
    before = (page.phones, page.emails, page.reception_slots.count())
    data = _contacts_form(page, **{field: value})
    data["action-publish"] = "1"
    response = superuser_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    page = ContactsPage.objects.get(pk=page.pk)
    assert (page.phones, page.emails, page.reception_slots.count()) == before
    assert page.get_latest_revision().content["phones"] == before[0]


def test_good_contacts_input_is_saved(superuser_client, org):
    page = contacts_of(org)
    data = _contacts_form(page, phones="+7 7172 55 01 00\n+7 (7172) 55-01-01")
    data["action-publish"] = "1"
    response = superuser_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    page = ContactsPage.objects.get(pk=page.pk)
    assert page.phones.endswith("55-01-01")
    assert [s.day_ru for s in page.reception_slots.all()] == ["Вторник"]


def test_department_with_bad_email_gives_form_error(superuser_client, org):
    page = StructurePage.objects.get(slug="structure")
    data = nested_form_data({
        "title_kk": "Құрылым", "title_ru": "Структура", "title_en": "Structure",
        "slug": "structure", "intro_kk": "", "intro_ru": "", "intro_en": "",
        "departments": inline_formset([
            {"name_kk": "Бөлім", "name_ru": "Отдел", "name_en": "", "functions_kk": "",
             "functions_ru": "", "functions_en": "", "head_name_kk": "", "head_name_ru": "",
             "head_name_en": "", "phone": "", "email": "dept@@bad"},
        ]),
        "action-publish": "1",
    })
    response = superuser_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    formset = response.context["form"].formsets["departments"]
    assert any("email" in form.errors for form in formset.forms)
    assert StructurePage.objects.get(pk=page.pk).departments.count() == 3


def test_photo_without_description_cannot_be_published(superuser_client, org):
    data = _person_form(photo=str(portrait(org, "New").pk), photo_alt_kk="Портрет")
    data["action-publish"] = "1"
    response = superuser_client.post(
        f"/admin/pages/add/organisation/personpage/{leadership_of(org).pk}/", data
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "photo_alt_ru" in errors and "photo_alt_kk" not in errors
    assert not PersonPage.objects.filter(slug="new-deputy").exists()


@pytest.mark.parametrize("slug", ["the-head", "structure", "contacts", "leadership"])
def test_admin_edit_forms_open(superuser_client, org, slug):
    from wagtail.models import Page

    page = Page.objects.descendant_of(org.home_page).get(slug=slug)
    response = superuser_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    if slug == "structure":
        assert 'name="departments-0-name_ru"' in html
    if slug == "contacts":
        assert 'name="reception_slots-0-day_kk"' in html
