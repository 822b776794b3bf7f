"""The portal's front page for 200+ bodies (issue 16, item 3): search box, top tasks,
bodies by kind under plural headings, regions with their akimats, an A–Z filter that
works without JavaScript, the latest news of every agency; and its cost does not grow
with the number of agencies.

The platform is built once for the module (`platform`):

    portal ── top tasks: «Паспорт» (a service page), «eGov» (an address),
    │                    «Жабық» (a page that is unpublished: not shown)
    ├── fd-ministry  Денсаулық сақтау министрлігі   (ministry; a service, two news)
    ├── fd-committee Фармация комитеті              (committee under fd-ministry)
    ├── fd-region    Жетікөл облысының әкімдігі     (akimat, a region)
    ├── fd-district  Көктерек ауданының әкімдігі    (akimat under fd-region; a news)
    └── fd-archived  (archived: never listed)

measured, then 250 generated agencies are added (tests/portal_helpers.py) and it is
measured again.
"""

import datetime
import re
from html import escape

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from cms.core import pagecache
from cms.core.alphabets import ALPHABETS, sort_key
from cms.core.languages import LANGUAGE_CODES
from cms.listings.models import ServicePage
from cms.pages.directory import filing_letter
from cms.pages.models import NewsPage, PortalHomePage, PortalTopTask
from cms.platform.portal import ensure_portal
from cms.platform.provisioning import archive_agency, provision_agency
from tests.portal_helpers import bulk_agencies

pytestmark = pytest.mark.django_db

BULK = 250
NAMES = {
    "fd-ministry": {
        "kk": "Денсаулық сақтау министрлігі",
        "ru": "Министерство здравоохранения",
        "en": "Ministry of Health",
    },
    "fd-committee": {
        "kk": "Фармация комитеті",
        "ru": "Комитет фармации",
        "en": "Committee for Pharmacy",
    },
    "fd-region": {
        "kk": "Жетікөл облысының әкімдігі",
        "ru": "Акимат Жетикольской области",
        "en": "Akimat of Zhetikol Region",
    },
    "fd-district": {
        "kk": "Көктерек ауданының әкімдігі",
        "ru": "Акимат Коктерекского района",
        # No English name: shown in Russian on English pages, marked lang="ru".
        "en": "",
    },
    "fd-archived": {"kk": "Жабылған орган", "ru": "Закрытый орган", "en": "Closed body"},
}
VIEWS = {
    "portal home kk": "/kk/",
    "portal home ru (A–Z: К)": "/ru/?letter=К",
    "portal home en (A–Z: H)": "/en/?letter=H",
}


def _provision(slug, category, parent=None):
    return provision_agency(slug=slug, names=NAMES[slug], category=category, parent=parent).agency


def _news(agency, slug, day, title):
    section = agency.home_page.get_children().get(slug="news")
    page = NewsPage(slug=slug, date=datetime.date(2026, 3, day))
    page.title_kk, page.title_ru, page.title_en = title, f"{title} ru", f"{title} en"
    page.body_kk = [("paragraph", "<p>Мәтін.</p>")]
    page.body_ru = [("paragraph", "<p>Текст.</p>")]
    section.add_child(instance=page)
    page.save_revision().publish()
    return page


def _service(agency, slug, title):
    section = agency.home_page.get_children().get(slug="services").specific
    page = ServicePage(slug=slug, category="citizens")
    for lang in LANGUAGE_CODES:
        setattr(page, f"title_{lang}", f"{title} {lang}")
        setattr(page, f"summary_{lang}", "Қысқаша")
        setattr(page, f"recipients_{lang}", "Азаматтар")
    section.add_child(instance=page)
    page.save_revision().publish()
    return page


def _task(portal, order, labels, page=None, url=""):
    task = PortalTopTask(page=portal, sort_order=order, link_page=page, link_url=url)
    for lang, label in labels.items():
        setattr(task, f"label_{lang}", label)
    task.save()
    return task


def _measure():
    client = Client()
    counts = {}
    for name, url in VIEWS.items():
        assert client.get(url).status_code == 200, url  # warms per-process caches
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[name] = (len(ctx.captured_queries), response.content.decode())
    return counts


@pytest.fixture(scope="module")
def platform(_module_transaction, django_db_blocker):
    with django_db_blocker.unblock(), translation.override("kk"):
        portal = ensure_portal()
        ministry = _provision("fd-ministry", "ministry")
        _provision("fd-committee", "committee", ministry)
        region = _provision("fd-region", "akimat")
        district = _provision("fd-district", "akimat", region)
        archived = _provision("fd-archived", "other")
        archive_agency(archived)
        passport = _service(ministry, "passport", "Паспорт")
        closed = _service(ministry, "closed", "Жабық")
        closed.unpublish()
        _news(ministry, "older", 1, "Ескі жаңалық")
        _news(ministry, "newer", 5, "Жаңа жаңалық")
        _news(district, "district-news", 3, "Аудан жаңалығы")
        portal = PortalHomePage.objects.get()
        _task(
            portal,
            0,
            {"kk": "Паспорт алу", "ru": "Получить паспорт", "en": "Get a passport"},
            page=passport,
        )
        _task(
            portal,
            1,
            {"kk": "eGov порталы", "ru": "Портал eGov", "en": "The eGov portal"},
            url="https://egov.kz/cms/kk",
        )
        _task(
            portal, 2, {"kk": "Жабық қызмет", "ru": "Закрытая услуга", "en": "Closed"}, page=closed
        )
        small = _measure()
        bulk = bulk_agencies(BULK)
        large = _measure()
        yield {"small": small, "large": large, "bulk": bulk, "passport": passport}
        cache.clear()


# --- Cost ------------------------------------------------------------------------------
@pytest.mark.parametrize("view", list(VIEWS))
def test_query_count_does_not_grow_with_250_agencies(platform, view):
    small, _html = platform["small"][view]
    large, _html = platform["large"][view]
    assert large <= small, f"{view}: {small} queries with 5 agencies, {large} with {BULK + 5}"


def test_every_body_is_reachable_without_javascript_and_the_home_stays_small(platform, client):
    """The front page shows each kind's first bodies and links to the list of all of
    them (plain links, pages of PER_PAGE): every body is reachable, and the front page
    does not grow with their number (issue 14: 1,000 bodies cost what 10 do)."""
    from cms.pages.directory import PER_PAGE

    _count, html = platform["large"]["portal home kk"]
    assert len(html.encode()) < 120_000, len(html.encode())
    links = re.findall(r'class="directory-group__all-link" href="([^"]+)"', html)
    assert "/kk/?category=ministry#bodies" in links and "/kk/?category=committee#bodies" in links
    listed = html
    for link in links:
        url = link.split("#")[0]
        first = client.get(url).content.decode()
        listed += first
        pages = set(re.findall(r'href="(/kk/\?[^"#]*page=\d+)#bodies"', first))
        for page in pages:
            listed += client.get(page.replace("&amp;", "&")).content.decode()
        assert first.count('class="directory-item"') <= PER_PAGE
    for agency in platform["bulk"]:
        assert f">{agency.name_kk}</a>" in listed, agency.slug


def test_a_warm_portal_home_renders_no_body(platform, client):
    """A page of the directory is cached rendered: a warm front page costs the same
    with 10 bodies or 1,000 (it shows more of the 1,000), and is the same HTML."""
    directory_template = "components/agency_directory/agency_directory.html"

    def bodies(response):
        html = response.content.decode()
        return html.split('id="bodies"', 1)[1].split('class="portal-news"', 1)[0]

    cache.clear()
    cold = client.get("/ru/?letter=Ф")
    warm = client.get("/ru/?letter=Ф")
    assert directory_template in {t.name for t in cold.templates}
    assert directory_template not in {t.name for t in warm.templates}
    assert bodies(warm) == bodies(cold)
    assert NAMES["fd-committee"]["ru"] in bodies(warm)


# --- Structure -------------------------------------------------------------------------
def translated(msgid, lang, plural=None):
    """The UI string as the page shows it in `lang`: the compiled catalog's text once
    the lead has merged locale/pending/frontdoor.json (until then the msgid)."""
    from django.utils.translation import gettext, ngettext

    with translation.override(lang):
        if plural:
            return ngettext(msgid, plural[0], plural[1]) % {"count": plural[1]}
        return gettext(msgid)


PLURAL_HEADINGS = {
    "Ministries": {"kk": "Министрліктер", "ru": "Министерства"},
    "Committees": {"kk": "Комитеттер", "ru": "Комитеты"},
    "Akimats": {"kk": "Әкімдіктер", "ru": "Акиматы"},
    "Embassies": {"kk": "Елшіліктер", "ru": "Посольства"},
}


def test_plural_headings_are_translated():
    """The headings are plural in every language (the old portal said «Министрлік»).
    Checked in the compiled catalogs, or in the pending file before the merge."""
    import json
    from pathlib import Path

    pending = Path(__file__).resolve().parents[1] / "locale" / "pending" / "frontdoor.json"
    texts = json.loads(pending.read_text(encoding="utf-8")) if pending.exists() else {}
    for msgid, expected in PLURAL_HEADINGS.items():
        for lang, text in expected.items():
            assert text in (texts.get(msgid, {}).get(lang), translated(msgid, lang)), msgid


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_bodies_are_grouped_under_plural_headings(platform, client, lang):
    html = client.get(f"/{lang}/").content.decode()
    kinds = (
        ("ministry", "Ministries"),
        ("committee", "Committees"),
        ("akimat", "Akimats"),
        ("embassy", "Embassies"),
    )
    positions = [
        html.index(f'id="bodies-{category}">{translated(msgid, lang)} ')
        for category, msgid in kinds
    ]
    assert positions == sorted(positions)
    # The search box stays, above everything else.
    assert html.index('id="home-search-q"') < html.index('class="top-tasks"') < positions[0]


def test_long_groups_show_their_first_bodies_and_link_to_all(platform):
    """Readable with 250 bodies: a kind shows its first twelve and links to the list
    of all of them, which says how many; a region's akimats fold under it."""
    _count, html = platform["large"]["portal home kk"]
    ministries = html.split('id="bodies-ministry"', 1)[1].split("</section>", 1)[0]
    assert ministries.count('class="directory-item"') == 12
    assert "<details" not in ministries
    label = translated("All %(count)s ministry", "kk", plural=("All %(count)s ministries", 21))
    link = '<a class="directory-group__all-link" href="/kk/?category=ministry#bodies">'
    assert f"{link}{label}</a>" in ministries  # 20 generated, fd-ministry
    akimats = html.split('id="bodies-akimat"', 1)[1].split("</section>", 1)[0]
    regions = akimats.count("directory-item--region")
    # Every region shows (up to twenty), each folding its district and city akimats.
    assert regions >= 16 and akimats.count("<details") == regions
    assert "directory-group__more" not in akimats


def test_a_kind_lists_all_its_bodies_on_pages(platform, client):
    html = client.get("/ru/?category=committee").content.decode()
    main = html.split("<main", 1)[1]
    assert main.count('class="directory-item"') == 61  # 60 generated, fd-committee
    assert NAMES["fd-committee"]["ru"] in main and NAMES["fd-ministry"]["ru"] in main  # meta
    assert 'id="bodies-ministry"' not in main
    heading = translated("Committees", "ru")
    assert f"{heading}: " in main and 'href="/ru/#bodies"' in main
    # Letters narrow the kind: the letter links keep it.
    assert 'href="/ru/?category=committee&amp;letter=%D0%A4#bodies">Ф</a>' in main
    narrowed = client.get("/ru/?category=committee&letter=Ф").content.decode()
    assert NAMES["fd-committee"]["ru"] in narrowed
    assert narrowed.split("<main", 1)[1].count('class="directory-item"') < 61


def test_a_long_kind_is_paginated(platform, client, settings, monkeypatch):
    from cms.pages import directory

    monkeypatch.setattr(directory, "PER_PAGE", 25)
    cache.clear()
    first = client.get("/kk/?category=committee").content.decode()
    assert first.split("<main", 1)[1].count('class="directory-item"') == 25
    assert 'href="/kk/?category=committee&amp;page=3#bodies"' in first
    last = client.get("/kk/?category=committee&page=3")
    assert last.status_code == 200
    assert last.content.decode().split("<main", 1)[1].count('class="directory-item"') == 11
    past = client.get("/kk/?category=committee&page=4")
    assert past.status_code == 404  # never stored by the page cache
    cache.clear()


def test_a_bad_kind_says_so_and_shows_every_body(platform, client):
    response = client.get("/ru/", {"category": "<b>"})
    assert response.status_code == 404
    html = response.content.decode()
    assert 'id="bodies-ministry"' in html and 'id="bodies-committee"' in html
    assert "<b>" not in html.split("<main", 1)[1]


def test_regions_list_their_akimats(platform, client):
    html = client.get("/ru/").content.decode()
    akimats = html.split('id="bodies-akimat"', 1)[1].split("</section>", 1)[0]
    region, rest = akimats.split(NAMES["fd-region"]["ru"], 1)
    # The district is folded under its region, not listed beside it.
    folded = rest.split("</details>", 1)[0]
    assert NAMES["fd-district"]["ru"] in folded
    assert "directory-item__summary" in folded
    assert akimats.count(NAMES["fd-district"]["ru"]) == 1


def test_a_committee_names_its_ministry(platform, client):
    html = client.get("/en/?category=committee").content.decode()
    item = html.split(NAMES["fd-committee"]["en"], 1)[1].split("</li>", 1)[0]
    assert f'<span class="directory-item__meta">{NAMES["fd-ministry"]["en"]}</span>' in item


def test_an_english_page_marks_russian_names(platform, client):
    html = client.get("/en/").content.decode()
    assert f'lang="ru">{NAMES["fd-district"]["ru"]}</a>' in html


def test_archived_agencies_are_not_listed(platform, client):
    for lang in LANGUAGE_CODES:
        assert NAMES["fd-archived"][lang] not in client.get(f"/{lang}/").content.decode()


# --- A–Z filter ------------------------------------------------------------------------
def test_the_letter_filter_works_without_javascript(platform, client):
    html = client.get("/ru/?letter=З").content.decode()
    main = html.split("<main", 1)[1]
    assert NAMES["fd-ministry"]["ru"] in main  # «Министерство здравоохранения»: З
    assert NAMES["fd-region"]["ru"] not in main  # «Акимат Жетикольской области»: Ж
    assert NAMES["fd-committee"]["ru"] not in main  # «Комитет фармации»: Ф
    current = 'href="/ru/?letter=%D0%97#bodies" aria-current="page">З</a>'
    assert f'<a class="letter-index__link" {current}' in main
    assert f'<a class="letter-index__link" href="/ru/#bodies">{translated("All", "ru")}</a>' in main
    assert "<script" not in main.split('class="letter-index"', 1)[1].split("</section>", 1)[0]


def test_letters_are_the_page_alphabet(platform, client):
    for lang in LANGUAGE_CODES:
        html = client.get(f"/{lang}/").content.decode()
        index = html.split('class="letter-index"', 1)[1].split("</nav>", 1)[0]
        for letter in ALPHABETS[lang]:
            assert f">{letter}</" in index, (lang, letter)
    assert len(ALPHABETS["kk"]) == 40 and "Ә" in ALPHABETS["kk"] and "Ъ" not in ALPHABETS["kk"]
    assert len(ALPHABETS["ru"]) == 31 and len(ALPHABETS["en"]) == 26


def test_a_letter_without_bodies_is_not_a_link(platform, client):
    html = client.get("/kk/").content.decode()
    assert '<span class="letter-index__empty">Ъ</span>' not in html  # not in the alphabet
    assert '<span class="letter-index__empty">Ң</span>' in html
    assert 'href="/kk/?letter=%D0%94#bodies">Д</a>' in html  # Денсаулық сақтау...


def test_a_lowercase_letter_is_accepted(platform, client):
    response = client.get("/ru/?letter=ф")
    assert response.status_code == 200
    assert NAMES["fd-committee"]["ru"] in response.content.decode()


@pytest.mark.parametrize("value", ["Q", "АБ", "1", "<b>"])
def test_a_bad_letter_says_so_and_shows_every_body(platform, client, value):
    response = client.get("/ru/", {"letter": value})
    assert response.status_code == 404  # never stored by the page cache
    html = response.content.decode()
    notice = translated("“%(value)s” is not a letter of this alphabet. Showing every body.", "ru")
    assert notice.split("%(value)s")[1].replace("“", "").strip() in html
    # Every kind, each with its first bodies and a link to all of them.
    assert 'id="bodies-ministry"' in html and 'id="bodies-committee"' in html
    assert 'href="/ru/?category=committee#bodies"' in html
    assert "<b>" not in html.split("<main", 1)[1]


def test_an_empty_letter_says_so(platform, client):
    html = client.get("/ru/?letter=Щ").content.decode()
    expected = translated("No body's name begins with «%(letter)s».", "ru") % {"letter": "Щ"}
    assert f'<p class="directory-group__empty">{escape(expected)}</p>' in html


@pytest.mark.parametrize(
    "name,lang,letter",
    [
        ("Министерство здравоохранения", "ru", "З"),
        ("Акимат города Сарыозен", "ru", "С"),
        ("Комитет по делам спорта", "ru", "Д"),
        ("Посольство Республики Казахстан в Германии", "ru", "Г"),
        ("Денсаулық сақтау министрлігі", "kk", "Д"),
        ("Қазақстан Республикасының Германиядағы елшілігі", "kk", "Г"),
        ("«Әділет» орталығы", "kk", "Ә"),
        ("Ministry of Health", "en", "H"),
        ("Akimat of the City of Almaty", "en", "A"),
        ("Embassy of Kazakhstan in Japan", "en", "J"),
        ("Министерство", "ru", "М"),
    ],
)
def test_filing_letter(name, lang, letter):
    assert filing_letter(name, lang) == letter


def test_names_sort_by_the_kazakh_alphabet():
    names = ["Ұлытау", "Абай", "Үржар", "Қостанай", "Ақтөбе", "Ірі", "Ява", "Кентау"]
    ordered = sorted(names, key=lambda n: sort_key(n, "kk"))
    assert ordered == ["Абай", "Ақтөбе", "Кентау", "Қостанай", "Ұлытау", "Үржар", "Ірі", "Ява"]


def test_numbers_in_names_sort_by_value():
    names = ["Комитет 102", "Комитет 62", "Комитет 7", "Комитет"]
    ordered = sorted(names, key=lambda n: sort_key(n, "ru"))
    assert ordered == ["Комитет", "Комитет 7", "Комитет 62", "Комитет 102"]


def test_every_language_has_an_alphabet():
    assert set(ALPHABETS) == set(LANGUAGE_CODES)


# --- Top tasks -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "lang,first,second",
    [
        ("kk", "Паспорт алу", "eGov порталы"),
        ("ru", "Получить паспорт", "Портал eGov"),
        ("en", "Get a passport", "The eGov portal"),
    ],
)
def test_top_tasks_in_order_and_language(platform, client, lang, first, second):
    html = client.get(f"/{lang}/").content.decode()
    tasks = html.split('class="top-tasks"', 1)[1].split("</section>", 1)[0]
    assert tasks.index(first) < tasks.index(second)
    assert f'href="/{lang}/fd-ministry/services/passport/">{first}</a>' in tasks
    assert 'href="https://egov.kz/cms/kk">' in tasks
    assert tasks.count('class="top-tasks__external"') == 1
    # A task whose page is unpublished leads nowhere: left out.
    assert "Жабық" not in tasks and "Закрытая" not in tasks and "Closed" not in tasks


def test_a_top_task_without_english_shows_its_russian_label_marked(platform, client):
    portal = PortalHomePage.objects.get()
    _task(portal, 3, {"kk": "Жұмыс іздеу", "ru": "Поиск работы", "en": ""}, url="https://enbek.kz/")
    html = client.get("/en/").content.decode()
    assert '<span lang="ru">Поиск работы</span>' in html
    assert "Жұмыс іздеу" not in html


def test_a_preview_shows_the_unsaved_top_tasks(platform, rf):
    """The admin's preview renders the tasks being edited (in memory), not the cached
    live ones."""
    from cms.pages.models.portal import top_tasks

    portal = PortalHomePage.objects.get()
    live_request = rf.get("/ru/")
    with translation.override("ru"):
        assert "Новая задача" not in str(top_tasks(portal, live_request))
        draft = PortalTopTask(sort_order=9, link_url="https://egov.kz/new")
        draft.label_kk, draft.label_ru = "Жаңа міндет", "Новая задача"
        portal.top_tasks.add(draft)
        preview = rf.get("/ru/")
        preview.is_preview = True
        labels = [task["label"] for task in top_tasks(portal, preview)["tasks"]]
        assert labels[-1] == "Новая задача"
        # The live page's cached tasks are untouched by the preview.
        assert "Новая задача" not in str(top_tasks(PortalHomePage.objects.get(), live_request))
    assert not PortalTopTask.objects.filter(label_ru="Новая задача").exists()


@pytest.mark.parametrize("page,url", [(False, ""), (True, "https://egov.kz/")])
def test_a_top_task_needs_a_page_or_an_address_not_both(platform, page, url):
    task = PortalTopTask(
        page=PortalHomePage.objects.get(),
        label_kk="Қызмет",
        label_ru="Услуга",
        link_page=platform["passport"] if page else None,
        link_url=url,
    )
    with pytest.raises(ValidationError) as error:
        task.full_clean()
    assert set(error.value.message_dict) == {"link_page", "link_url"}


@pytest.fixture
def superuser_client(client):
    from tests.factories import UserFactory, admin_language

    user = UserFactory(username="fd-root", is_superuser=True, is_staff=True)
    admin_language(user, "en")
    client.force_login(user)
    return client


def test_top_tasks_are_edited_on_the_portal_page_in_the_admin(platform, superuser_client):
    portal = PortalHomePage.objects.get()
    response = superuser_client.get(f"/admin/pages/{portal.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    for lang in LANGUAGE_CODES:
        assert 'name="top_tasks-0-label_%s"' % lang in html, lang
    assert 'name="top_tasks-0-link_page"' in html and 'name="top_tasks-0-link_url"' in html
    assert "Паспорт алу" in html


def test_an_agency_editor_cannot_edit_the_portal_page(platform, client):
    from cms.tenants.models import Agency
    from tests.factories import editor_of

    client.force_login(editor_of(Agency.objects.get(slug="fd-ministry")))
    portal = PortalHomePage.objects.get()
    response = client.get(f"/admin/pages/{portal.pk}/edit/")
    assert response.status_code in (302, 403)


# --- Latest news -----------------------------------------------------------------------
def test_latest_news_of_every_agency_newest_first(platform, client):
    html = client.get("/kk/").content.decode()
    news = html.split('class="portal-news"', 1)[1].split("</section>", 1)[0]
    assert news.index("Жаңа жаңалық") < news.index("Аудан жаңалығы") < news.index("Ескі жаңалық")
    # Each item names the body that published it.
    item = news.split("Аудан жаңалығы", 1)[0].rsplit("<article", 1)[1]
    assert f'<p class="news-card__source">{NAMES["fd-district"]["kk"]}</p>' in item


# --- Page cache ------------------------------------------------------------------------
@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_PURGE = ""


def _hit(client, url):
    client.get(url)
    return client.get(url)[pagecache.HEADER]


def test_each_letter_is_cached(platform, client, page_cache_on):
    assert _hit(client, "/ru/?letter=З") == "hit"
    assert client.get("/ru/?letter=Ф")[pagecache.HEADER] == "miss"  # its own entry
    assert _hit(client, "/ru/?letter=Ж") == "hit"


def test_editing_top_tasks_retires_the_portal(platform, client, page_cache_on):
    assert _hit(client, "/ru/") == "hit"
    portal = PortalHomePage.objects.get()
    task = portal.top_tasks.get(sort_order=1)
    task.label_ru = "Портал электронного правительства"
    task.save()
    portal.save_revision().publish()
    response = client.get("/ru/")
    assert response[pagecache.HEADER] == "miss"
    assert "Портал электронного правительства" in response.content.decode()


def test_unpublishing_a_top_tasks_page_retires_the_portal(platform, client, page_cache_on):
    assert _hit(client, "/kk/") == "hit"
    assert _hit(client, "/kk/fd-region/") == "hit"
    ServicePage.objects.get(pk=platform["passport"].pk).unpublish()
    response = client.get("/kk/")
    assert response[pagecache.HEADER] == "miss"
    assert "Паспорт алу" not in response.content.decode()
    # Another agency's pages stay stored.
    assert client.get("/kk/fd-region/")[pagecache.HEADER] == "hit"


def test_deleting_a_top_tasks_page_retires_the_portal(platform, client, page_cache_on):
    assert _hit(client, "/en/") == "hit"
    ServicePage.objects.get(pk=platform["passport"].pk).delete()
    response = client.get("/en/")
    assert response[pagecache.HEADER] == "miss"
    assert "Get a passport" not in response.content.decode()


def test_a_new_agency_and_new_news_retire_the_portal(platform, client, page_cache_on):
    from cms.tenants.models import Agency

    assert _hit(client, "/kk/?letter=Ж") == "hit"
    _news(Agency.objects.get(slug="fd-region"), "fresh", 9, "Облыс жаңалығы")
    response = client.get("/kk/?letter=Ж")
    assert response[pagecache.HEADER] == "miss" and "Облыс жаңалығы" in response.content.decode()
    assert _hit(client, "/kk/?letter=Ж") == "hit"
    provision_agency(
        slug="fd-new", names={"kk": "Жаңа орган", "ru": "Новый орган", "en": "New body"}
    )
    response = client.get("/kk/?letter=Ж")
    assert response[pagecache.HEADER] == "miss" and "Жаңа орган" in response.content.decode()
