"""Provisioning, idempotence, conflicts and archiving of agencies."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    WorkflowPage,
)

from cms.pages.models import AgencyHomePage, SectionPage
from cms.pages.sections import STANDARD_SECTIONS
from cms.platform.provisioning import (
    AgencyConflict,
    archive_agency,
    provision_agency,
    restore_agency,
)
from cms.tenants.models import Agency

NAMES = {"kk": "Сынақ агенттігі", "ru": "Тестовое агентство", "en": "Test Agency"}


def counts():
    return (
        Agency.objects.count(),
        Page.objects.count(),
        Collection.objects.count(),
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        WorkflowPage.objects.count(),
        Site.objects.count(),
    )


def test_provision_creates_everything(portal):
    result = provision_agency(slug="test-agency", names=NAMES, hostname="Test.Gov.KZ")
    agency = result.agency
    assert result.created
    home = AgencyHomePage.objects.get(agency_record=agency)
    assert home.live and home.get_parent().pk == portal.pk
    assert home.title_kk == NAMES["kk"] and home.title_ru == NAMES["ru"]
    slugs = sorted(home.get_children().values_list("slug", flat=True))
    assert slugs == sorted(section.slug for section in STANDARD_SECTIONS)
    assert all(p.live for p in home.get_children())
    assert agency.collection.get_parent() == Collection.get_first_root_node()
    editor_perms = set(
        GroupPagePermission.objects.filter(group=agency.editors_group, page=home).values_list(
            "permission__codename", flat=True
        )
    )
    # Editors write and submit; moderators publish through the workflow.
    assert editor_perms == {"add_page", "change_page"}
    assert GroupCollectionPermission.objects.filter(
        group=agency.editors_group, collection=agency.collection, permission__codename="add_image"
    ).exists()
    assert WorkflowPage.objects.get(page=home).workflow == agency.workflow
    task = agency.workflow.tasks.get().specific
    assert list(task.groups.all()) == [agency.moderators_group]
    assert agency.site.hostname == "test.gov.kz" and agency.site.root_page_id == home.pk


def test_provision_is_idempotent(portal):
    provision_agency(slug="test-agency", names=NAMES)
    before = counts()
    result = provision_agency(slug="test-agency", names=NAMES)
    assert not result.created and result.changes == []
    assert counts() == before


def test_provision_repairs_a_missing_section(portal):
    agency = provision_agency(slug="test-agency", names=NAMES).agency
    SectionPage.objects.get(slug="vacancies").delete()
    result = provision_agency(slug="test-agency", names=NAMES)
    assert result.changes == ["section vacancies"]
    assert agency.home_page.get_children().filter(slug="vacancies").exists()


def test_same_slug_other_names_is_a_conflict(portal):
    provision_agency(slug="test-agency", names=NAMES)
    before = counts()
    with pytest.raises(AgencyConflict):
        provision_agency(slug="test-agency", names={"kk": "Басқа", "ru": "Другое"})
    assert counts() == before


def test_taken_hostname_rolls_back_everything(portal):
    provision_agency(slug="first", names=NAMES, hostname="shared.gov.kz")
    before = counts()
    with pytest.raises(Exception):  # noqa: B017 - unique hostname, any validation error
        provision_agency(
            slug="second", names={"kk": "Екінші", "ru": "Второе"}, hostname="shared.gov.kz"
        )
    assert counts() == before


@pytest.mark.parametrize("slug", ["Bad Slug", "-edge", "admin", "a" * 60, "кирилл"])
def test_bad_slugs_are_refused(portal, slug):
    with pytest.raises(Exception):  # noqa: B017
        provision_agency(slug=slug, names=NAMES)
    assert not Agency.objects.exists()


def test_archive_and_restore(portal):
    agency = provision_agency(slug="test-agency", names=NAMES).agency
    home = agency.home_page
    about = home.get_children().get(slug="about")
    about.unpublish()  # a draft section must stay a draft after restore
    live_before = set(home.get_descendants(inclusive=True).live().values_list("pk", flat=True))

    archive_agency(agency)
    agency.refresh_from_db()
    assert agency.is_archived
    assert not home.get_descendants(inclusive=True).live().exists()
    assert not GroupPagePermission.objects.filter(group=agency.editors_group).exists()
    assert not agency.editors_group.permissions.exists()
    assert Page.objects.filter(pk=about.pk).exists()  # nothing deleted

    restore_agency(agency)
    agency.refresh_from_db()
    assert not agency.is_archived
    live_after = set(home.get_descendants(inclusive=True).live().values_list("pk", flat=True))
    assert live_after == live_before
    assert GroupPagePermission.objects.filter(group=agency.editors_group).count() == 2


def test_create_agency_command(portal, capsys):
    args = ["--slug", "test-agency", "--name-kk", NAMES["kk"], "--name-ru", NAMES["ru"]]
    call_command("create_agency", *args, "--name-en", NAMES["en"])
    before = counts()
    call_command("create_agency", *args, "--name-en", NAMES["en"])
    assert "nothing to change" in capsys.readouterr().out
    assert counts() == before
    with pytest.raises(CommandError, match="already exists with other names"):
        call_command(
            "create_agency", "--slug", "test-agency", "--name-kk", "Басқа", "--name-ru", "Другое"
        )
    with pytest.raises(CommandError, match="parent"):
        call_command("create_agency", "--slug", "child", *args[2:], "--parent", "missing")
    with pytest.raises(CommandError, match="colour"):
        call_command("create_agency", "--slug", "colourful", *args[2:], "--colour", "red")


def test_archive_agency_command(portal, capsys):
    provision_agency(slug="test-agency", names=NAMES)
    call_command("archive_agency", "test-agency")
    assert Agency.objects.get(slug="test-agency").is_archived
    call_command("archive_agency", "test-agency", "--restore")
    assert not Agency.objects.get(slug="test-agency").is_archived
    with pytest.raises(CommandError):
        call_command("archive_agency", "missing")


def test_create_agency_errors_in_the_chosen_language(portal):
    provision_agency(slug="test-agency", names=NAMES)
    args = ["--slug", "test-agency", "--name-kk", "Басқа", "--name-ru", "Другое"]
    with pytest.raises(CommandError, match="уже существует"):
        call_command("create_agency", *args, "--language", "ru")
    with pytest.raises(CommandError, match="бар"):
        call_command("create_agency", *args, "--language", "kk")
