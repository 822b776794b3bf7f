"""`setup_platform` (run by `make run` on every start) brings an existing database up to
the current provisioning: sections added to the standard list, converted section types."""

from io import StringIO

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from cms.pages.models import SectionPage
from cms.platform.provisioning import archive_agency


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


def test_setup_platform_converts_an_old_plain_news_section_in_place(agency_a):
    """A database from before NewsIndexPage has its news section as a plain SectionPage
    with news under it: the next setup_platform makes it a NewsIndexPage, keeping its
    id, URL, titles, body and children."""
    from wagtail.models import Page

    from cms.pages.models import NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.child_of(agency_a.home_page).get(slug="news")
    item = NewsPage(slug="old-item", title_kk="Ескі жаңалық", title_ru="Старая новость")
    index.add_child(instance=item)
    item.save_revision().publish()
    # Undo the conversion the way an old database has it: only the SectionPage row.
    NewsIndexPage.objects.filter(pk=index.pk)._raw_delete(NewsIndexPage.objects.db)
    Page.objects.filter(pk=index.pk).update(
        content_type=ContentType.objects.get_for_model(SectionPage)
    )
    assert Page.objects.get(pk=index.pk).specific_class is SectionPage

    output = _run()

    assert f"{agency_a.slug}: section news is now a" in output
    converted = Page.objects.get(pk=index.pk).specific
    assert isinstance(converted, NewsIndexPage) and converted.live
    assert converted.title_ru == "Новости" and converted.url_path == index.url_path
    assert list(converted.get_children().values_list("pk", flat=True)) == [item.pk]
