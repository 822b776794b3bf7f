"""The agency admin screen: list, create, edit, archive and restore, for platform
admins only, with every validation error shown on the form and nothing half-saved."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.users.models import UserProfile

from cms.pages.models import AgencyHomePage
from cms.platform.portal import ensure_platform_admins_group
from cms.platform.provisioning import update_agency
from cms.tenants.models import Agency
from tests.factories import UserFactory, editor_of, moderator_of

INDEX = reverse("agencies:index")
ADD = reverse("agencies:add")


def edit_url(agency):
    return reverse("agencies:edit", args=(agency.pk,))


def archive_url(agency):
    return reverse("agencies:archive", args=(agency.pk,))


def restore_url(agency):
    return reverse("agencies:restore", args=(agency.pk,))


def counts():
    return (
        Agency.objects.count(),
        Page.objects.count(),
        Group.objects.count(),
        Site.objects.count(),
    )


def valid_data(**overrides):
    data = {
        "slug": "new-agency",
        "name_kk": "Жаңа агенттік",
        "name_ru": "Новое агентство",
        "name_en": "New Agency",
        "short_name_kk": "ЖА",
        "short_name_ru": "НА",
        "short_name_en": "NA",
        "category": "committee",
        "parent": "",
        "hostname": "",
        "brand_colour": "#123ABC",
        "logo": "",
        "address_kk": "Астана, 1",
        "address_ru": "Астана, 1",
        "address_en": "Astana, 1",
        "phone": "+7 7172 000000",
        "email": "info@new.gov.kz",
    }
    data.update(overrides)
    return data


def edit_data(agency, **overrides):
    data = valid_data()
    del data["slug"]
    for lang in ("kk", "ru", "en"):
        for base in ("name", "short_name", "address"):
            data[f"{base}_{lang}"] = getattr(agency, f"{base}_{lang}") or ""
    data.update(
        category=agency.category,
        parent=agency.parent_id or "",
        hostname=agency.hostname or "",
        brand_colour=agency.brand_colour,
        phone=agency.phone,
        email=agency.email,
    )
    data.update(overrides)
    return data


@pytest.fixture(params=["superuser", "platform_admin"])
def admin_client(request, client, portal):
    if request.param == "superuser":
        user = UserFactory(username="root", is_superuser=True, is_staff=True)
    else:
        user = UserFactory(username="platform", groups=[ensure_platform_admins_group()])
    client.force_login(user)
    client.user = user
    return client


def form_errors(response):
    return response.context["form"].errors


# --- List ------------------------------------------------------------------------


def test_list_shows_agencies(admin_client, agency_a, agency_b):
    response = admin_client.get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    for agency in (agency_a, agency_b):
        assert agency.slug in html
        assert edit_url(agency) in html
        assert archive_url(agency) in html


def test_list_shows_names_in_the_admin_language(admin_client, agency_a):
    profile = UserProfile.get_for_user(admin_client.user)
    profile.preferred_language = "ru"
    profile.save()
    assert "Агентство А" in admin_client.get(INDEX).content.decode()
    profile.preferred_language = "en"
    profile.save()
    assert "Agency A" in admin_client.get(INDEX).content.decode()


def test_list_filters_and_search(admin_client, agency_a, agency_b):
    def slugs(**params):
        response = admin_client.get(INDEX, params)
        assert response.status_code == 200
        return {a.slug for a in response.context["object_list"]}

    assert slugs() == {"agency-a", "agency-b"}
    assert slugs(category="ministry") == {"agency-a"}
    assert slugs(q="agency-b") == {"agency-b"}
    assert slugs(q="Агентство А") == {"agency-a"}
    from cms.platform.provisioning import archive_agency

    archive_agency(agency_b)
    assert slugs(status="archived") == {"agency-b"}
    assert slugs(status="active") == {"agency-a"}


# --- Create ----------------------------------------------------------------------


def test_create_form_renders(admin_client):
    response = admin_client.get(ADD)
    assert response.status_code == 200
    html = response.content.decode()
    for field in ("slug", "name_kk", "name_ru", "name_en", "hostname", "brand_colour", "logo"):
        assert f'name="{field}"' in html


def test_create_provisions_the_agency(admin_client, client, agency_a):
    response = admin_client.post(ADD, valid_data(parent=agency_a.pk, hostname="New.Gov.KZ"))
    assert response.status_code == 302, form_errors(response)
    agency = Agency.objects.get(slug="new-agency")
    assert (agency.name_kk, agency.name_ru, agency.name_en) == (
        "Жаңа агенттік",
        "Новое агентство",
        "New Agency",
    )
    assert agency.parent == agency_a and agency.category == "committee"
    assert agency.address_ru == "Астана, 1" and agency.email == "info@new.gov.kz"
    assert agency.brand_colour == "#123ABC"
    home = AgencyHomePage.objects.get(agency_record=agency)
    assert home.live and home.title_ru == "Новое агентство"
    assert home.get_children().filter(slug="news").exists()
    assert agency.editors_group and agency.moderators_group and agency.workflow
    assert agency.site.hostname == "new.gov.kz"
    response = client.get("/ru/new-agency/")
    assert response.status_code == 200
    assert "Новое агентство" in response.content.decode()


BAD_CREATES = [
    ("slug", {"slug": "agency-a"}),  # duplicate
    ("slug", {"slug": "admin"}),  # reserved
    ("slug", {"slug": "Bad Slug"}),
    ("slug", {"slug": "-edge"}),
    ("slug", {"slug": "кирилл"}),
    ("slug", {"slug": "news-"}),
    ("hostname", {"hostname": "taken.gov.kz"}),  # another agency's
    ("hostname", {"hostname": "localhost"}),  # the portal's Site
    ("hostname", {"hostname": "other-site.kz"}),  # a Site of nobody
    ("hostname", {"hostname": "http://bad host/"}),
    ("hostname", {"hostname": "bad_host.kz"}),
    ("brand_colour", {"brand_colour": "red"}),
    ("brand_colour", {"brand_colour": "#12345G"}),
    ("brand_colour", {"brand_colour": "123456"}),
    ("name_kk", {"name_kk": ""}),
    ("name_ru", {"name_ru": "  "}),
    ("email", {"email": "not-an-email"}),
]


@pytest.mark.parametrize(("field", "overrides"), BAD_CREATES)
def test_create_errors_are_shown_on_the_form(admin_client, agency_a, field, overrides):
    update_agency(agency_a, hostname="taken.gov.kz")
    Site.objects.create(hostname="other-site.kz", port=8080, root_page=agency_a.home_page)
    before = counts()
    response = admin_client.post(ADD, valid_data(**overrides))
    assert response.status_code == 200
    errors = form_errors(response)
    assert field in errors, errors
    assert list(errors) == [field]
    assert (
        'class="error-message"' in response.content.decode()
        or "w-field__errors" in response.content.decode()
    )
    assert counts() == before


def test_duplicate_slug_with_the_same_names_is_still_an_error(admin_client, agency_a):
    """provision_agency would treat this as 'repair'; the form must refuse it."""
    before = counts()
    data = valid_data(
        slug="agency-a", name_kk="А агенттігі", name_ru="Агентство А", name_en="Agency A"
    )
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    assert "slug" in form_errors(response)
    assert counts() == before


def test_error_messages_follow_the_admin_language(admin_client):
    profile = UserProfile.get_for_user(admin_client.user)
    profile.preferred_language = "en"
    profile.save()
    response = admin_client.post(ADD, valid_data(slug="admin", brand_colour="red"))
    # Form errors are lazy: what the admin saw is the rendered page, not a later str().
    html = response.content.decode()
    assert "is reserved by the platform" in html
    assert "six hexadecimal digits" in html
    assert "резервтелген" not in html


def test_a_service_error_is_mapped_to_the_form(admin_client, monkeypatch):
    """A conflict found only by the service (a race) is shown, and rolled back."""
    from cms.platform import provisioning as services

    def conflicting(**kwargs):
        services.Agency.objects.create(slug="half", name_kk="x", name_ru="x")
        raise services.AgencyConflict("taken meanwhile", code="hostname_taken")

    monkeypatch.setattr("cms.platform.admin.views.provision_agency", conflicting)
    before = counts()
    response = admin_client.post(ADD, valid_data(hostname="race.gov.kz"))
    assert response.status_code == 200
    assert form_errors(response)["hostname"] == ["taken meanwhile"]
    assert counts() == before


# --- Edit ------------------------------------------------------------------------


def test_edit_changes_names_and_the_home_page_title(admin_client, client, agency_a):
    response = admin_client.get(edit_url(agency_a))
    assert response.status_code == 200
    assert 'name="slug"' not in response.content.decode()  # read-only
    assert "agency-a" in response.content.decode()
    data = edit_data(agency_a, name_kk="Жаңа атау", name_ru="Новое название", name_en="New title")
    data["slug"] = "hijacked"  # ignored: the slug cannot change
    response = admin_client.post(edit_url(agency_a), data)
    assert response.status_code == 302, form_errors(response)
    agency_a.refresh_from_db()
    assert (agency_a.name_kk, agency_a.name_ru, agency_a.name_en) == (
        "Жаңа атау",
        "Новое название",
        "New title",
    )
    assert agency_a.slug == "agency-a"
    home = AgencyHomePage.objects.get(agency_record=agency_a)
    assert (home.title_kk, home.title_ru, home.title_en) == (
        "Жаңа атау",
        "Новое название",
        "New title",
    )
    assert home.live and not home.has_unpublished_changes
    assert "Новое название" in client.get("/ru/agency-a/").content.decode()


def test_edit_keeps_a_pending_draft_unpublished(admin_client, agency_a):
    home = AgencyHomePage.objects.get(agency_record=agency_a)
    home.intro_ru = "Черновик"
    home.save_revision()
    response = admin_client.post(edit_url(agency_a), edit_data(agency_a, name_ru="Переименовано"))
    assert response.status_code == 302, form_errors(response)
    home = AgencyHomePage.objects.get(pk=home.pk)
    assert home.title_ru == "Переименовано" and home.has_unpublished_changes
    assert home.intro_ru != "Черновик"
    draft = home.get_latest_revision_as_object()
    assert draft.title_ru == "Переименовано" and draft.intro_ru == "Черновик"


def test_edit_syncs_the_site_hostname(admin_client, client, agency_a):
    response = admin_client.post(edit_url(agency_a), edit_data(agency_a, hostname="a.gov.kz"))
    assert response.status_code == 302, form_errors(response)
    agency_a.refresh_from_db()
    assert agency_a.site.hostname == "a.gov.kz"
    assert agency_a.site.root_page_id == agency_a.home_page.pk
    response = admin_client.post(edit_url(agency_a), edit_data(agency_a, hostname="A2.gov.kz"))
    assert response.status_code == 302, form_errors(response)
    agency_a.refresh_from_db()
    assert agency_a.site.hostname == "a2.gov.kz"
    assert not Site.objects.filter(hostname="a.gov.kz").exists()
    assert client.get("/ru/", HTTP_HOST="a2.gov.kz").status_code == 200
    response = admin_client.post(edit_url(agency_a), edit_data(agency_a, hostname=""))
    assert response.status_code == 302, form_errors(response)
    agency_a.refresh_from_db()
    assert agency_a.hostname is None and agency_a.site is None
    assert not Site.objects.filter(hostname="a2.gov.kz").exists()


@pytest.mark.parametrize(
    ("field", "overrides"),
    [
        ("hostname", {"hostname": "b.gov.kz"}),  # agency B's
        ("hostname", {"hostname": "localhost"}),
        ("hostname", {"hostname": "not a host"}),
        ("brand_colour", {"brand_colour": "#fff"}),
        ("name_kk", {"name_kk": ""}),
        ("name_ru", {"name_ru": ""}),
        ("parent", "cycle"),
    ],
)
def test_edit_errors_are_shown_on_the_form(admin_client, agency_a, agency_b, field, overrides):
    update_agency(agency_b, hostname="b.gov.kz", parent=agency_a)
    if overrides == "cycle":
        overrides = {"parent": agency_b.pk}  # B is subordinate to A
    before = counts()
    stored = Agency.objects.values().get(pk=agency_a.pk)
    titles = AgencyHomePage.objects.values("title_kk", "title_ru").get(agency_record=agency_a)
    response = admin_client.post(
        edit_url(agency_a), edit_data(agency_a, **{"name_ru": "Не сохранится", **overrides})
    )
    assert response.status_code == 200
    errors = form_errors(response)
    assert list(errors) == [field], errors
    assert counts() == before
    assert Agency.objects.values().get(pk=agency_a.pk) == stored
    assert (
        AgencyHomePage.objects.values("title_kk", "title_ru").get(agency_record=agency_a) == titles
    )


def test_edit_cannot_make_an_agency_its_own_parent(admin_client, agency_a):
    response = admin_client.post(edit_url(agency_a), edit_data(agency_a, parent=agency_a.pk))
    assert response.status_code == 200
    assert "parent" in form_errors(response)
    agency_a.refresh_from_db()
    assert agency_a.parent_id is None


# --- Archive and restore ---------------------------------------------------------


def test_archive_and_restore(admin_client, client, agency_a):
    assert client.get("/ru/agency-a/").status_code == 200
    response = admin_client.get(archive_url(agency_a))
    assert response.status_code == 200
    assert "Yes, archive" in response.content.decode() or "archive" in response.content.decode()
    agency_a.refresh_from_db()
    assert not agency_a.is_archived  # GET only asks

    response = admin_client.post(archive_url(agency_a))
    assert response.status_code == 302
    agency_a.refresh_from_db()
    assert agency_a.is_archived
    assert client.get("/ru/agency-a/").status_code == 410
    assert restore_url(agency_a) in admin_client.get(INDEX).content.decode()

    assert admin_client.get(restore_url(agency_a)).status_code == 200
    response = admin_client.post(restore_url(agency_a))
    assert response.status_code == 302
    agency_a.refresh_from_db()
    assert not agency_a.is_archived
    assert client.get("/ru/agency-a/").status_code == 200


def test_editing_an_archived_agency_does_not_bring_it_back(admin_client, client, agency_a):
    admin_client.post(archive_url(agency_a))
    response = admin_client.post(edit_url(agency_a), edit_data(agency_a, name_ru="Архивное"))
    assert response.status_code == 302, form_errors(response)
    home = AgencyHomePage.objects.get(agency_record=agency_a)
    assert home.title_ru == "Архивное" and not home.live
    assert client.get("/ru/agency-a/").status_code == 410
    admin_client.post(restore_url(agency_a))
    response = client.get("/ru/agency-a/")
    assert response.status_code == 200 and "Архивное" in response.content.decode()


# --- Who may use it --------------------------------------------------------------


@pytest.fixture(params=["editor", "moderator"])
def agency_user_client(request, client, agency_a):
    user = editor_of(agency_a) if request.param == "editor" else moderator_of(agency_a)
    client.force_login(user)
    return client


# The sidebar menu is rendered from JSON props: look for the item's URL there.
MENU_URL = f'"url": "{INDEX}"'


def test_menu_item_only_for_platform_admins(admin_client, agency_a):
    assert MENU_URL in admin_client.get(reverse("wagtailadmin_home")).content.decode()


def test_menu_item_hidden_from_agency_users(agency_user_client):
    response = agency_user_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert MENU_URL not in response.content.decode()


def _refused(response):
    if response.status_code == 403:
        return True
    return (
        response.status_code == 302
        and response["Location"]
        in {
            reverse("wagtailadmin_home"),
        }
        or response["Location"].startswith(reverse("wagtailadmin_login"))
    )


def test_agency_users_are_refused_everywhere(agency_user_client, agency_a, agency_b):
    before = counts()
    gets = [
        INDEX,
        reverse("agencies:index_results"),
        ADD,
        edit_url(agency_a),
        edit_url(agency_b),
        archive_url(agency_a),
        restore_url(agency_a),
        reverse("agencies:history", args=(agency_a.pk,)),
    ]
    for url in gets:
        response = agency_user_client.get(url)
        assert _refused(response), (url, response.status_code)
        assert "agency-b" not in response.content.decode()
    posts = [
        (ADD, valid_data()),
        (edit_url(agency_a), edit_data(agency_a, name_ru="Взлом")),
        (archive_url(agency_a), {}),
        (archive_url(agency_b), {}),
    ]
    for url, data in posts:
        assert _refused(agency_user_client.post(url, data)), url
    assert counts() == before
    agency_a.refresh_from_db()
    assert agency_a.name_ru == "Агентство А" and not agency_a.is_archived
    assert not Agency.objects.get(pk=agency_b.pk).is_archived


def test_anonymous_is_sent_to_login(client, agency_a):
    response = client.get(INDEX)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_list_and_edit_offer_archive_or_restore(admin_client, agency_a):
    from cms.platform.provisioning import archive_agency

    archive = reverse("agencies:archive", args=(agency_a.pk,))
    restore = reverse("agencies:restore", args=(agency_a.pk,))
    for url in (INDEX, edit_url(agency_a)):
        html = admin_client.get(url).content.decode()
        assert archive in html and restore not in html
    archive_agency(agency_a)
    for url in (INDEX, edit_url(agency_a)):
        html = admin_client.get(url).content.decode()
        assert restore in html and archive not in html
