"""Agency branding: the brand colour must carry white text (WCAG AA, 4.5:1), and the
header layout is one of a few choices."""


import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from cms.demo.loader import agencies
from cms.platform.portal import ensure_platform_admins_group
from cms.platform.provisioning import provision_agency, update_agency
from cms.tenants.colours import contrast_ratio, format_ratio, relative_luminance
from cms.tenants.models import Agency
from tests.factories import UserFactory
from tests.test_agency_admin import edit_data, valid_data

ADD = reverse("agencies:add")

# --- The ratio function ------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("#FFFFFF", "#000000", 21.0),
        ("#000000", "#FFFFFF", 21.0),  # order does not matter
        ("#777777", "#FFFFFF", 4.48),
        ("#767676", "#FFFFFF", 4.54),  # the lightest grey that passes on white
        ("#00577B", "#FFFFFF", 7.93),  # the default brand colour
        ("#FF0000", "#FFFFFF", 4.0),
        ("#0000FF", "#FFFFFF", 8.59),
        ("#abcdef", "#ABCDEF", 1.0),
    ],
)
def test_contrast_ratio_of_known_pairs(first, second, expected):
    assert contrast_ratio(first, second) == pytest.approx(expected, abs=0.01)


def test_relative_luminance_ends():
    assert relative_luminance("#000000") == 0.0
    assert relative_luminance("#FFFFFF") == pytest.approx(1.0)
    assert relative_luminance((255, 255, 255)) == pytest.approx(1.0)


@pytest.mark.parametrize("bad", ["red", "#fff", "123456", "", None])
def test_contrast_ratio_rejects_what_is_not_a_colour(bad):
    with pytest.raises(ValueError):
        contrast_ratio(bad, "#FFFFFF")


@pytest.mark.parametrize(
    ("ratio", "shown"), [(4.478, "4.48"), (4.4996, "4.49"), (21.0, "21"), (2.3, "2.3")]
)
def test_format_ratio_never_rounds_up_to_a_pass(ratio, shown):
    assert format_ratio(ratio) == shown


# --- Model validation --------------------------------------------------------------


def _agency(**kwargs) -> Agency:
    agency = Agency(slug="colour-test", category="other", **kwargs)
    for lang, name in (("kk", "Түс"), ("ru", "Цвет"), ("en", "Colour")):
        setattr(agency, f"name_{lang}", name)
    return agency


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("colour", "ratio"), [("#AABBCC", "1.96"), ("#777777", "4.48"), ("#FFDD00", "1.35")]
)
def test_model_rejects_a_light_brand_colour(colour, ratio):
    with pytest.raises(ValidationError) as raised:
        _agency(brand_colour=colour).full_clean()
    with translation.override("en"):
        messages = raised.value.message_dict["brand_colour"]
    assert messages == [
        f"The colour {colour} gives a contrast of {ratio}:1 with white text; "
        "at least 4.5:1 is needed."
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("colour", ["#00577B", "#767676", "#123ABC", "#000000"])
def test_model_accepts_a_dark_enough_brand_colour(colour):
    _agency(brand_colour=colour).full_clean()


@pytest.mark.django_db
def test_a_bad_format_gets_only_the_format_message():
    with pytest.raises(ValidationError) as raised:
        _agency(brand_colour="#fff").full_clean()
    with translation.override("en"):
        messages = raised.value.message_dict["brand_colour"]
    assert len(messages) == 1 and "six hexadecimal digits" in messages[0]


def test_provision_default_colour_passes():
    default = Agency._meta.get_field("brand_colour").default
    assert contrast_ratio(default, "#FFFFFF") >= 4.5


def _demo_specs():
    for data in agencies():
        yield data["agency"]["slug"], data["agency"]["brand_colour"]


@pytest.mark.parametrize(("module", "colour"), list(_demo_specs()))
def test_demo_agency_colours_pass(module, colour):
    assert contrast_ratio(colour, "#FFFFFF") >= 4.5, (module, colour)


def test_every_demo_agency_has_a_colour():
    assert len(list(_demo_specs())) >= 6


def test_provisioning_refuses_a_light_colour(portal):
    with pytest.raises(ValidationError) as raised:
        provision_agency(slug="pale", names={"kk": "А", "ru": "А"}, brand_colour="#AABBCC")
    assert "1.96:1" in " ".join(raised.value.message_dict["brand_colour"])
    assert not Agency.objects.filter(slug="pale").exists()


def test_update_refuses_a_light_colour(agency_a):
    with pytest.raises(ValidationError):
        update_agency(agency_a, brand_colour="#AABBCC")
    agency_a.refresh_from_db()
    assert agency_a.brand_colour == "#00577B"


def test_a_colour_stored_before_the_rule_does_not_block_provisioning(agency_a):
    """Re-running provisioning (repair) on an old agency keeps working; the admin
    form asks for a better colour the next time someone edits the agency."""
    Agency.objects.filter(pk=agency_a.pk).update(brand_colour="#AABBCC")
    result = provision_agency(slug="agency-a", names={})
    assert not result.created
    update_agency(Agency.objects.get(pk=agency_a.pk), phone="+7 7172 111111")


# --- Header layout -----------------------------------------------------------------


def test_header_layout_choices_and_default(agency_a):
    assert Agency.HeaderLayout.values == ["standard", "centered", "compact"]
    assert agency_a.header_layout == "standard"
    update_agency(agency_a, header_layout="compact")
    agency_a.refresh_from_db()
    assert agency_a.header_layout == "compact"
    with pytest.raises(ValidationError) as raised:
        update_agency(agency_a, header_layout="sideways")
    assert "header_layout" in raised.value.message_dict


# --- The admin form ----------------------------------------------------------------


@pytest.fixture
def admin_client(client, portal):
    from wagtail.users.models import UserProfile

    user = UserFactory(username="platform", groups=[ensure_platform_admins_group()])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the messages below are the English source
    profile.save()
    client.force_login(user)
    return client


def test_create_form_shows_the_contrast_error_and_saves_nothing(admin_client):
    before = Agency.objects.count()
    response = admin_client.post(ADD, valid_data(brand_colour="#AABBCC"))
    assert response.status_code == 200
    # Form errors are lazy: read them in the admin's language (en), as the page did.
    with translation.override("en"):
        errors = list(response.context["form"].errors["brand_colour"])
    assert errors == [
        "The colour #AABBCC gives a contrast of 1.96:1 with white text; at least 4.5:1 is needed."
    ]
    assert "gives a contrast of 1.96:1" in response.content.decode()
    assert Agency.objects.count() == before


def test_edit_form_shows_the_contrast_error_and_saves_nothing(admin_client, agency_a):
    url = reverse("agencies:edit", args=(agency_a.pk,))
    response = admin_client.post(url, edit_data(agency_a, brand_colour="#777777", phone="1"))
    assert response.status_code == 200
    assert "4.48:1" in " ".join(response.context["form"].errors["brand_colour"])
    agency_a.refresh_from_db()
    assert agency_a.brand_colour == "#00577B" and agency_a.phone != "1"


def test_edit_form_asks_to_fix_a_colour_stored_before_the_rule(admin_client, agency_a):
    Agency.objects.filter(pk=agency_a.pk).update(brand_colour="#AABBCC")
    url = reverse("agencies:edit", args=(agency_a.pk,))
    response = admin_client.post(url, edit_data(Agency.objects.get(pk=agency_a.pk)))
    assert response.status_code == 200
    assert "1.96:1" in " ".join(response.context["form"].errors["brand_colour"])


def test_create_form_has_the_header_layout_choice(admin_client):
    html = admin_client.get(ADD).content.decode()
    assert 'name="header_layout"' in html
    for value in ("standard", "centered", "compact"):
        assert f'value="{value}"' in html
    response = admin_client.post(ADD, valid_data(header_layout="centered"))
    assert response.status_code == 302, response.context["form"].errors
    assert Agency.objects.get(slug="new-agency").header_layout == "centered"


def test_edit_form_changes_the_header_layout(admin_client, agency_a):
    url = reverse("agencies:edit", args=(agency_a.pk,))
    response = admin_client.post(url, edit_data(agency_a, header_layout="compact"))
    assert response.status_code == 302, response.context["form"].errors
    agency_a.refresh_from_db()
    assert agency_a.header_layout == "compact"
    # A post without the field (an older form) keeps the layout.
    response = admin_client.post(url, edit_data(agency_a))
    assert response.status_code == 302
    agency_a.refresh_from_db()
    assert agency_a.header_layout == "compact"


def test_edit_form_refuses_an_unknown_header_layout(admin_client, agency_a):
    url = reverse("agencies:edit", args=(agency_a.pk,))
    response = admin_client.post(url, edit_data(agency_a, header_layout="sideways"))
    assert response.status_code == 200
    assert "header_layout" in response.context["form"].errors


@pytest.mark.parametrize("layout", ["standard", "centered", "compact"])
def test_header_layout_reaches_the_page(client, agency_a, layout):
    agency_a.header_layout = layout
    agency_a.save()
    html = client.get("/kk/agency-a/").content.decode()
    assert f'class="site-header site-header--{layout}"' in html
