"""`setup_platform` (run by `make run` on every start) brings an existing database up to
the current provisioning: sections added to the standard list, converted section types."""

from io import StringIO

from django.core.management import call_command

from cms.pages.models import SectionPage
from cms.tenants.services import archive_agency


def _run() -> str:
    out = StringIO()
    call_command("setup_platform", stdout=out)
    return out.getvalue()


def test_setup_platform_repairs_active_agencies_only(agency_a, agency_b):
    SectionPage.objects.child_of(agency_a.home_page).get(slug="faq").delete()
    archive_agency(agency_b)
    SectionPage.objects.child_of(agency_b.home_page).get(slug="faq").delete()

    output = _run()

    assert f"{agency_a.slug}: section faq" in output
    assert SectionPage.objects.child_of(agency_a.home_page).filter(slug="faq", live=True).exists()
    # An archived agency stays as it was archived: nothing is published under it.
    assert agency_b.slug not in output
    assert not SectionPage.objects.child_of(agency_b.home_page).filter(slug="faq").exists()


def test_setup_platform_twice_changes_nothing(agency_a):
    _run()
    assert agency_a.slug not in _run()
