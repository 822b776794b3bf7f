"""Reorganising agencies (issue 15, item 5): rename, move, merge, split.

The platform is built once for the module (`platform`, rolled back at the end); each
test runs in a savepoint, so a rename or a merge in one test is gone in the next::

    portal
    ├── health    (ministry)   news/vaccination, documents/order-5,
    │                          about/history/1990s, own host health.example.kz
    ├── digital   (ministry)   news/shared-slug, documents/order-1
    └── infosec   (committee under digital)
                               news/cyber-week, news/shared-slug,
                               documents/order-1 (a file), documents/order-2,
                               about/mission; an editor, a moderator, an editor
                               who also edits health
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.models import Collection, ModelLogEntry, Page, PageLogEntry, Revision

from cms.pages.models import LegalActPage, NewsPage, StandardPage
from cms.platform import reorg
from cms.tenants.models import Agency, AgencyHostRedirect, AgencyPathRedirect
from cms.tenants.scoping import agencies_for_user
from search.models import IndexOutbox
from tests.factories import UserFactory, make_agency

pytestmark = pytest.mark.django_db

LANGS = ("kk", "ru", "en")
HEALTH_HOST = "health.example.kz"


def _names(kk, ru, en):
    return {"kk": kk, "ru": ru, "en": en}


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _news(section, slug):
    page = NewsPage(slug=slug, date=datetime.date(2026, 11, 2))
    page.title_kk, page.title_ru, page.title_en = f"Жаңалық {slug}", f"Новость {slug}", slug
    page.body_kk = [("paragraph", "<p>Мәтін.</p>")]
    page.body_ru = [("paragraph", "<p>Текст.</p>")]
    return _publish(section, page)


def _act(section, slug, number, document=None):
    act = LegalActPage(slug=slug, number=number, signatory="А. Қол", file_kk=document)
    act.title_kk, act.title_ru, act.title_en = f"Бұйрық {number}", f"Приказ {number}", number
    return _publish(section, act)


def _standard(parent, slug):
    page = StandardPage(slug=slug)
    page.title_kk, page.title_ru, page.title_en = f"Бет {slug}", f"Страница {slug}", slug
    page.body_kk = [("paragraph", "<p>Мәтін.</p>")]
    page.body_ru = [("paragraph", "<p>Текст.</p>")]
    return _publish(parent, page)


def _section(agency, slug):
    return agency.home_page.get_children().get(slug=slug)


@pytest.fixture(scope="module")
def platform(_module_transaction, django_db_blocker):
    with django_db_blocker.unblock(), translation.override("kk"):
        from cms.platform.portal import ensure_portal

        ensure_portal()
        digital = make_agency(
            "digital",
            names=_names(
                "Цифрлық даму министрлігі",
                "Министерство цифрового развития",
                "Ministry of Digital Development",
            ),
            category="ministry",
        )
        health = make_agency(
            "health",
            names=_names(
                "Денсаулық сақтау министрлігі", "Министерство здравоохранения", "Ministry of Health"
            ),
            category="ministry",
            hostname=HEALTH_HOST,
        )
        infosec = make_agency(
            "infosec",
            names=_names(
                "Ақпараттық қауіпсіздік комитеті",
                "Комитет информационной безопасности",
                "Information Security Committee",
            ),
            category="committee",
            parent=digital,
        )
        _news(_section(health, "news"), "vaccination")
        _act(_section(health, "documents"), "order-5", "№ 5")
        history = _standard(_section(health, "about"), "history")
        _standard(history, "1990s")
        _news(_section(digital, "news"), "shared-slug")
        _act(_section(digital, "documents"), "order-1", "№ 1")
        document = Document(title="Бұйрық № 1 мәтіні", collection=infosec.collection)
        document.file.save("infosec-order-1.txt", ContentFile(b"order one"), save=False)
        document.save()
        _news(_section(infosec, "news"), "cyber-week")
        _news(_section(infosec, "news"), "shared-slug")
        _act(_section(infosec, "documents"), "order-1", "№ 1", document)
        _act(_section(infosec, "documents"), "order-2", "№ 2")
        _standard(_section(infosec, "about"), "mission")
        UserFactory(username="infosec-editor", groups=[infosec.editors_group])
        UserFactory(username="infosec-moderator", groups=[infosec.moderators_group])
        UserFactory(
            username="infosec-and-health", groups=[infosec.editors_group, health.editors_group]
        )
        return {"digital": digital.pk, "health": health.pk, "infosec": infosec.pk}


@pytest.fixture
def agencies(platform):
    return {slug: Agency.objects.get(pk=pk) for slug, pk in platform.items()}


def _counts() -> dict:
    User = get_user_model()
    return {
        "agencies": Agency.objects.count(),
        "archived": Agency.objects.filter(status=Agency.Status.ARCHIVED).count(),
        "pages": Page.objects.count(),
        "paths": sorted(Page.objects.values_list("url_path", flat=True)),
        "revisions": Revision.objects.count(),
        "redirects": AgencyPathRedirect.objects.count(),
        "hosts": AgencyHostRedirect.objects.count(),
        "memberships": User.groups.through.objects.count(),
        "active users": User.objects.filter(is_active=True).count(),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "documents": sorted(Document.objects.values_list("pk", "collection_id")),
        "log": ModelLogEntry.objects.count() + PageLogEntry.objects.count(),
        "outbox": IndexOutbox.objects.count(),
        "agency rows": sorted(
            Agency.objects.values_list("slug", "parent_id", "hostname", "status")
        ),
    }


# --- rename ------------------------------------------------------------------------------
OLD_PATHS = ("", "news/", "news/vaccination/", "about/history/1990s/", "documents/order-5/")


@pytest.mark.parametrize("lang", LANGS)
def test_rename_address_redirects_every_old_url(client, agencies, lang):
    plan = reorg.rename_agency(agencies["health"], slug="health-care")
    assert plan.redirects == {"health/": "health-care/"}
    for path in OLD_PATHS:
        response = client.get(f"/{lang}/health/{path}")
        assert response.status_code == 301, path
        assert response["Location"] == f"/{lang}/health-care/{path}", path
        assert client.get(f"/{lang}/health-care/{path}").status_code == 200, path
    # The query string is kept; an address that never existed still ends in a 404.
    query = "page=2&q=%D0%B2%D0%B0%D0%BA%D1%86%D0%B8%D0%BD%D0%B0"  # вакцина
    response = client.get(f"/{lang}/health/news/?{query}")
    assert response.status_code == 301
    assert response["Location"] == f"/{lang}/health-care/news/?{query}"
    assert client.get(response["Location"].split("?")[0]).status_code == 200
    assert client.get(f"/{lang}/health/no-such-page/").status_code == 301
    assert client.get(f"/{lang}/health-care/no-such-page/").status_code == 404


def test_rename_moves_urls_with_wagtail_and_reindexes(agencies):
    health = agencies["health"]
    ids = list(
        Page.objects.descendant_of(health.home_page, inclusive=True).values_list("pk", flat=True)
    )
    IndexOutbox.objects.all().delete()
    reorg.rename_agency(health, slug="health-care")
    health.refresh_from_db()
    assert health.slug == "health-care"
    home = health.home_page
    home.refresh_from_db()
    assert (
        home.slug == "health-care" and home.get_latest_revision().content["slug"] == "health-care"
    )
    paths = Page.objects.filter(pk__in=ids).values_list("url_path", flat=True)
    assert all("/health-care/" in path for path in paths)
    assert set(IndexOutbox.objects.values_list("page_id", flat=True)) >= set(ids)
    assert health.editors_group.name == "health-care: editors"
    assert health.collection.name.startswith("health-care: ")
    entry = ModelLogEntry.objects.filter(action="birtutas.agency.rename").get()
    assert entry.data["redirects"] == {"health/": "health-care/"}


def test_rename_names_and_host(client, agencies):
    # Served on its host before: the cached list of old host names must follow.
    assert client.get("/kk/news/vaccination/", HTTP_HOST=HEALTH_HOST).status_code == 200
    plan = reorg.rename_agency(
        agencies["health"],
        names={"ru": "Министерство здравоохранения и соцзащиты", "kk": ""},
        hostname="health-care.example.kz",
    )
    assert plan.hosts == {HEALTH_HOST: "health-care.example.kz"}
    health = Agency.objects.get(slug="health")
    assert health.name_ru == "Министерство здравоохранения и соцзащиты"
    assert health.name_kk == "Денсаулық сақтау министрлігі"  # empty: unchanged
    assert health.home_page.title_ru == health.name_ru
    response = client.get("/kk/news/vaccination/?a=1", HTTP_HOST=HEALTH_HOST)
    assert response.status_code == 301
    assert response["Location"] == "http://health-care.example.kz/kk/news/vaccination/?a=1"
    assert (
        client.get("/kk/news/vaccination/", HTTP_HOST="health-care.example.kz").status_code == 200
    )


def test_page_cache_chrome_and_sitemap_follow_a_rename(client, settings, agencies):
    settings.PAGE_CACHE_ENABLED = True
    for _ in range(2):  # stored, then served from the cache
        page = client.get("/ru/health/news/vaccination/")
        index = client.get("/sitemap.xml")
    assert page.status_code == 200 and page["X-Page-Cache"] == "hit"
    assert index["X-Page-Cache"] == "hit" and b"/ru/health/sitemap.xml" in index.content
    reorg.rename_agency(
        agencies["health"], slug="health-care", names={"ru": "Министерство здоровья"}
    )
    response = client.get("/ru/health/news/vaccination/")
    assert response.status_code == 301
    html = client.get("/ru/health-care/news/vaccination/").content.decode()
    assert "Министерство здоровья" in html  # the header's agency name (chrome cache)
    index = client.get("/sitemap.xml").content.decode()
    assert "/ru/health-care/sitemap.xml" in index and "/ru/health/sitemap.xml" not in index
    urls = client.get("/ru/health-care/sitemap.xml").content.decode()
    assert "/ru/health-care/news/vaccination/" in urls and "/ru/health/" not in urls


def test_renames_in_a_row_redirect_in_one_hop_and_can_come_back(client, agencies):
    reorg.rename_agency(agencies["health"], slug="health-care")
    reorg.rename_agency(Agency.objects.get(slug="health-care"), slug="health-services")
    response = client.get("/ru/health/news/vaccination/")
    assert response["Location"] == "/ru/health-services/news/vaccination/"
    assert client.get("/ru/health-care/news/").status_code == 301
    reorg.rename_agency(Agency.objects.get(slug="health-services"), slug="health")
    assert client.get("/ru/health/news/vaccination/").status_code == 200
    assert client.get("/ru/health/no-such-page/").status_code == 404  # no loop
    assert client.get("/ru/health-care/news/")["Location"] == "/ru/health/news/"


def test_a_rename_then_a_merge_lead_old_addresses_to_the_end_of_the_chain(client, agencies):
    reorg.rename_agency(agencies["infosec"], slug="cybersec")
    reorg.merge_agencies(Agency.objects.get(slug="cybersec"), agencies["digital"])
    for old, new in (
        ("infosec/news/cyber-week/", "digital/news/cyber-week/"),
        ("cybersec/news/cyber-week/", "digital/news/cyber-week/"),
        ("infosec/about/mission/", "digital/cybersec/about/mission/"),
        ("infosec/", "digital/cybersec/"),
    ):
        response = client.get(f"/kk/{old}")
        assert response.status_code == 301 and response["Location"] == f"/kk/{new}", old
        assert client.get(response["Location"]).status_code == 200


# --- move --------------------------------------------------------------------------------
def test_move_under_another_parent(client, agencies):
    plan = reorg.move_agency(agencies["infosec"], agencies["health"])
    assert plan.moves == [] and plan.redirects == {}
    infosec = Agency.objects.get(slug="infosec")
    assert infosec.parent.slug == "health"
    assert client.get("/ru/infosec/news/cyber-week/").status_code == 200
    assert ModelLogEntry.objects.filter(action="birtutas.agency.move").count() == 2


# --- merge -------------------------------------------------------------------------------
INFOSEC_PAGES = {
    # old address below /<lang>/ → where it goes
    "infosec/news/cyber-week/": "digital/news/cyber-week/",
    "infosec/news/shared-slug/": "digital/news/shared-slug-infosec/",
    "infosec/documents/order-1/": "digital/documents/order-1-infosec/",
    "infosec/documents/order-2/": "digital/documents/order-2/",
    "infosec/about/mission/": "digital/infosec/about/mission/",
    "infosec/news/": "digital/news/",
    "infosec/": "digital/infosec/",
}


@pytest.mark.parametrize("lang", LANGS)
def test_merge_keeps_every_news_item_and_act_reachable(client, agencies, lang):
    reorg.merge_agencies(agencies["infosec"], agencies["digital"])
    for old, new in INFOSEC_PAGES.items():
        response = client.get(f"/{lang}/{old}")
        assert response.status_code == 301, old
        assert response["Location"] == f"/{lang}/{new}", old
        assert client.get(f"/{lang}/{new}").status_code == 200, new
    # B's own pages are untouched.
    assert client.get(f"/{lang}/digital/news/shared-slug/").status_code == 200
    assert client.get(f"/{lang}/digital/documents/order-1/").status_code == 200
    # Anything of A's that went nowhere: 410 naming B.
    assert client.get(f"/{lang}/infosec/news/feed/").status_code == 301


def test_merge_archives_moves_files_and_reindexes(client, agencies):
    infosec, digital = agencies["infosec"], agencies["digital"]
    document = Document.objects.get(collection=infosec.collection)
    news_ids = list(
        Page.objects.descendant_of(_section(infosec, "news")).values_list("pk", flat=True)
    )
    # A news item waits for infosec's moderators, who will not be its approvers.
    waiting = NewsPage.objects.get(slug="cyber-week")
    waiting.save_revision()
    state = infosec.workflow.start(waiting, get_user_model().objects.get(username="infosec-editor"))
    IndexOutbox.objects.all().delete()
    plan = reorg.merge_agencies(infosec, digital)
    state.refresh_from_db()
    assert state.status == state.STATUS_CANCELLED
    infosec.refresh_from_db()
    assert infosec.is_archived and infosec.successor_id == digital.pk
    document.refresh_from_db()
    assert document.collection_id == digital.collection_id
    assert client.get(document.url).status_code == 200  # its act is live, under digital
    assert set(news_ids) <= set(IndexOutbox.objects.values_list("page_id", flat=True))
    assert NewsPage.objects.child_of(_section(digital, "news")).count() == 3
    assert plan.pages_moved == 14  # 2 news, 2 acts, 9 other sections and their 1 page
    # A's pages are all gone from A's site; A's groups keep no rights.
    assert not Page.objects.descendant_of(infosec.home_page, inclusive=True).live().exists()
    assert not infosec.editors_group.permissions.exists()
    entry = ModelLogEntry.objects.filter(action="birtutas.agency.merge").first()
    assert entry.data["target"] == "digital" and entry.data["done"]


def test_merge_with_followers_gives_them_b_only(client, agencies):
    infosec, digital = agencies["infosec"], agencies["digital"]
    reorg.merge_agencies(infosec, digital, users=reorg.FOLLOW)
    User = get_user_model()
    editor = User.objects.get(username="infosec-editor")
    moderator = User.objects.get(username="infosec-moderator")
    assert list(agencies_for_user(editor)) == [digital]
    assert list(agencies_for_user(moderator)) == [digital]
    assert editor.groups.get() == digital.editors_group
    client.force_login(editor)
    moved = NewsPage.objects.get(slug="cyber-week")
    assert client.get(f"/admin/pages/{moved.pk}/edit/").status_code == 200
    left = Page.objects.get(pk=infosec.home_page.pk)
    assert client.get(f"/admin/pages/{left.pk}/edit/").status_code in (302, 403, 404)
    health_news = NewsPage.objects.get(slug="vaccination")
    assert client.get(f"/admin/pages/{health_news.pk}/edit/").status_code in (302, 403, 404)


def test_merge_with_retirement_deactivates_only_those_who_have_nothing_else(client, agencies):
    reorg.merge_agencies(agencies["infosec"], agencies["digital"], users=reorg.RETIRE)
    User = get_user_model()
    for username in ("infosec-editor", "infosec-moderator"):
        user = User.objects.get(username=username)
        assert not user.is_active and not user.groups.exists()
        assert not client.login(username=username, password="secret-pass-123")
    both = User.objects.get(username="infosec-and-health")
    assert both.is_active
    assert list(agencies_for_user(both)) == [agencies["health"]]


def test_merge_of_an_agency_with_only_news_and_acts_leads_home_to_b(client, agencies):
    infosec = agencies["infosec"]
    for page in infosec.home_page.get_children().exclude(slug__in=["news", "documents"]):
        page.delete()
    plan = reorg.merge_agencies(Agency.objects.get(pk=infosec.pk), agencies["digital"])
    assert plan.redirects["infosec/"] == "digital/"
    assert not Page.objects.filter(url_path__contains="/digital/infosec/").exists()
    assert client.get("/ru/infosec/")["Location"] == "/ru/digital/"
    assert client.get("/ru/infosec/news/cyber-week/")["Location"] == "/ru/digital/news/cyber-week/"


def test_merging_a_parent_into_its_child(agencies):
    reorg.merge_agencies(agencies["digital"], agencies["infosec"])
    infosec = Agency.objects.get(slug="infosec")
    assert infosec.parent is None
    assert NewsPage.objects.child_of(_section(infosec, "news")).count() == 3


def test_merge_of_an_agency_with_its_own_host(client, agencies):
    reorg.merge_agencies(agencies["health"], agencies["digital"])
    response = client.get("/ru/news/vaccination/", HTTP_HOST=HEALTH_HOST)
    assert response.status_code == 301
    assert response["Location"].endswith("/ru/digital/news/vaccination/")
    health = Agency.objects.get(slug="health")
    assert health.hostname is None and health.site is None


# --- split -------------------------------------------------------------------------------
def test_split_sections_into_a_new_agency(client, agencies):
    plan = reorg.split_agency(
        agencies["health"],
        sections=["about", "documents"],
        slug="sanitary",
        names=_names("Санитарлық комитет", "Санитарный комитет", "Sanitary Committee"),
        category="committee",
        parent=agencies["health"],
    )
    assert plan.redirects == {
        "health/about/": "sanitary/about/",
        "health/documents/": "sanitary/documents/",
    }
    sanitary = Agency.objects.get(slug="sanitary")
    assert sanitary.parent.slug == "health" and sanitary.editors_group is not None
    for lang in LANGS:
        for path in ("about/history/1990s/", "documents/order-5/"):
            response = client.get(f"/{lang}/health/{path}")
            assert response.status_code == 301
            assert response["Location"] == f"/{lang}/sanitary/{path}"
            assert client.get(response["Location"]).status_code == 200
        assert client.get(f"/{lang}/sanitary/news/").status_code == 200  # provisioned
        assert client.get(f"/{lang}/health/news/vaccination/").status_code == 200  # stayed
    slugs = list(sanitary.home_page.get_children().values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs))


# --- dry runs, failures, bad input -------------------------------------------------------
DRY_RUNS = {
    "rename": lambda a: reorg.rename_agency(
        a["health"],
        slug="health-care",
        names={"ru": "Новое имя"},
        hostname="new.example.kz",
        dry_run=True,
    ),
    "move": lambda a: reorg.move_agency(a["infosec"], a["health"], dry_run=True),
    "merge": lambda a: reorg.merge_agencies(
        a["infosec"], a["digital"], users=reorg.RETIRE, dry_run=True
    ),
    "split": lambda a: reorg.split_agency(
        a["health"], sections=["about"], slug="sanitary", names=_names("С", "С", "S"), dry_run=True
    ),
}


@pytest.mark.parametrize("operation", DRY_RUNS)
def test_dry_run_changes_nothing(agencies, operation):
    before = _counts()
    plan = DRY_RUNS[operation](agencies)
    assert _counts() == before
    assert plan.operation == operation and not plan.done and plan.lines()


def test_dry_run_plan_is_what_the_run_does(agencies):
    dry = reorg.merge_agencies(agencies["infosec"], agencies["digital"], dry_run=True)
    assert {m.old_path: m.new_path for m in dry.moves} == {
        "infosec/news/cyber-week/": "digital/news/cyber-week/",
        "infosec/news/shared-slug/": "digital/news/shared-slug-infosec/",
        "infosec/documents/order-1/": "digital/documents/order-1-infosec/",
        "infosec/documents/order-2/": "digital/documents/order-2/",
        **{
            f"infosec/{slug}/": f"digital/infosec/{slug}/"
            for slug in _section(agencies["infosec"], "news")
            .get_siblings()
            .exclude(slug__in=["news", "documents"])
            .values_list("slug", flat=True)
        },
    }
    assert {c.name for c in dry.users} == {
        "infosec-editor",
        "infosec-moderator",
        "infosec-and-health",
    }
    done = reorg.merge_agencies(agencies["infosec"], agencies["digital"])
    assert done.digest() == dry.digest()


def test_a_failure_mid_way_rolls_everything_back(agencies, monkeypatch):
    """The last step of a merge fails (after every page moved, the files, users and
    redirects changed): nothing of it stays."""
    from cms.platform.reorg import merge

    def fail(*args, **kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(merge, "archive_agency", fail)
    before = _counts()
    with pytest.raises(RuntimeError):
        reorg.merge_agencies(agencies["infosec"], agencies["digital"], users=reorg.RETIRE)
    assert _counts() == before


BAD_INPUT = {
    "slug taken": (
        lambda a: reorg.rename_agency(a["health"], slug="digital"),
        "The address “%(slug)s” is already taken by another agency.",
    ),
    "reserved slug": (
        lambda a: reorg.rename_agency(a["health"], slug="admin"),
        "The address “%(slug)s” is reserved by the platform.",
    ),
    "merge into itself": (
        lambda a: reorg.merge_agencies(a["digital"], a["digital"]),
        "An agency cannot be merged into itself.",
    ),
    "move under own child": (
        lambda a: reorg.move_agency(a["digital"], a["infosec"]),
        "An agency cannot be moved under itself or under a body subordinate to it.",
    ),
    "split without sections": (
        lambda a: reorg.split_agency(
            a["health"], sections=[], slug="x-new", names=_names("Х", "Х", "X")
        ),
        "Choose at least one section to split off.",
    ),
    "nothing to rename": (
        lambda a: reorg.rename_agency(a["health"], slug="health"),
        "Nothing to change: give a new name, address or host name.",
    ),
}


def _messages(call, agencies, lang) -> str:
    with translation.override(lang):
        with pytest.raises(ValidationError) as raised:
            call(agencies)
        return " ".join(raised.value.messages)


@pytest.mark.parametrize("case", BAD_INPUT)
def test_bad_input_is_refused_with_a_message_in_each_language(agencies, case):
    call, msgid = BAD_INPUT[case]
    before = _counts()
    english = _messages(call, agencies, "en")
    assert msgid.split("%(")[0].split("“")[0] in english
    for lang in ("kk", "ru"):
        text = _messages(call, agencies, lang)
        assert text != english, (lang, text)  # translated by the catalogs
    assert _counts() == before


def test_archived_agencies_cannot_be_reorganised(agencies):
    reorg.merge_agencies(agencies["infosec"], agencies["digital"])
    infosec = Agency.objects.get(slug="infosec")
    with translation.override("en"), pytest.raises(ValidationError, match="archived"):
        reorg.rename_agency(infosec, slug="infosec-2")
    with translation.override("en"), pytest.raises(ValidationError, match="archived"):
        reorg.merge_agencies(agencies["health"], infosec)


def test_a_former_address_given_to_a_new_agency_serves_it(client, agencies):
    """The moved address gives way to live content: the new agency's pages answer;
    only what it does not have still leads to the renamed agency."""
    reorg.rename_agency(agencies["health"], slug="health-care")
    make_agency("health", names=_names("Жаңа", "Новое", "New"))
    assert client.get("/ru/health/news/").status_code == 200
    response = client.get("/ru/health/news/vaccination/")
    assert response["Location"] == "/ru/health-care/news/vaccination/"
