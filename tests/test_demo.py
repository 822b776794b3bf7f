"""The demo platform (`manage.py load_demo`, `manage.py demo_logins`).

Loading the demo publishes about a hundred pages and renders images, so it is done
once per test run (`demo_platform` in tests/conftest.py: the first module that needs
it runs the real `load_demo` and keeps a copy of the database and of what the command
printed; the others copy it in, and copy the database as it was back afterwards). Each
test runs in its own transaction, rolled back, and no other test module ever sees
demo data.
"""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from cms.demo import credentials
from cms.demo.loader import agencies
from cms.pages.models import NewsPage
from cms.tenants.models import Agency

AGENCIES = [data["agency"] for data in agencies()]

LANGS = ("kk", "ru", "en")
FALLBACK_NOTICE = "This page has not been translated into English yet"


def _counts() -> dict[str, int]:
    return {
        "agencies": Agency.objects.count(),
        "pages": Page.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "revisions": Revision.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(demo_platform, django_db_blocker):
    """The demo platform (tests/conftest.py: loaded once per run; `demo_platform` is
    what that real `load_demo` printed) and its counts before any test."""
    with django_db_blocker.unblock():
        return {"output": demo_platform, "counts": _counts()}


@pytest.fixture
def demo_db(demo, db):
    return demo


def _demo_pages():
    """(url path without the language prefix, page) for every page of the demo tree."""
    pages = []
    for spec in AGENCIES:
        home = Agency.objects.get(slug=spec["slug"]).home_page
        for page in home.get_descendants(inclusive=True).live().specific():
            # url_path is /portal/<agency>/<...>/; the portal is served at /<lang>/.
            pages.append((page.url_path.split("/", 2)[2], page))
    return pages


def test_demo_creates_everything_once(demo_db):
    counts = demo_db["counts"]
    assert counts["agencies"] == len(AGENCIES) >= 6
    assert counts["documents"] >= 2 * len(AGENCIES)
    assert counts["images"] >= 2 * len(AGENCIES)
    assert counts["users"] == 2 * len(AGENCIES) + 1
    for spec in AGENCIES:
        assert spec["slug"] in demo_db["output"]

    out = StringIO()
    call_command("load_demo", stdout=out)
    assert _counts() == counts
    assert "nothing created" in out.getvalue()

    out = StringIO()
    call_command("load_demo", "--if-empty", stdout=out)
    assert _counts() == counts
    assert "not loaded" in out.getvalue()


def test_demo_structure(demo_db):
    digital = Agency.objects.get(slug="digital")
    assert Agency.objects.get(slug="infosec").parent == digital
    assert Agency.objects.get(slug="kokterek").parent.slug == "zhetikol"
    city = Agency.objects.get(hostname="akimat.localhost")
    assert city.site is not None and city.site.root_page_id == city.home_page.pk
    for agency in Agency.objects.all():
        assert agency.logo_id and agency.address_kk and agency.address_ru and agency.phone
        news = NewsPage.objects.descendant_of(agency.home_page).live()
        assert news.count() >= 3
        assert len(set(news.values_list("date", flat=True))) >= 3
        assert get_document_model().objects.filter(collection=agency.collection).count() >= 2
        assert get_image_model().objects.filter(collection=agency.collection).count() >= 1
        assert agency.editors_group.user_set.filter(username=f"{agency.slug}-editor").exists()
        assert agency.moderators_group.user_set.filter(username=f"{agency.slug}-moderator").exists()


@pytest.mark.parametrize("lang", LANGS)
def test_every_agency_home_answers(demo_db, client, lang):
    for spec in AGENCIES:
        response = client.get(f"/{lang}/{spec['slug']}/")
        assert response.status_code == 200, spec["slug"]
        assert spec["names"][lang] in response.content.decode()
    city = next(spec for spec in AGENCIES if spec["hostname"])
    response = client.get(f"/{lang}/", HTTP_HOST=city["hostname"])
    assert response.status_code == 200
    assert city["names"][lang] in response.content.decode()


@pytest.mark.parametrize("lang", LANGS)
def test_every_demo_page_answers(demo_db, client, lang):
    pages = _demo_pages()
    assert len(pages) >= 6 * 11
    for path, _page in pages:
        response = client.get(f"/{lang}/{path}")
        assert response.status_code == 200, f"/{lang}/{path}"
    response = client.get(f"/{lang}/news/", HTTP_HOST="akimat.localhost")
    assert response.status_code == 200


def test_documents_and_images_are_linked(demo_db, client):
    html = client.get("/ru/digital/documents/").content.decode()
    documents = get_document_model().objects.filter(
        collection=Agency.objects.get(slug="digital").collection
    )
    for document in documents:
        assert document.url in html
        assert client.get(document.url).status_code == 200
    html = client.get("/kk/digital/news/rural-broadband-2026/").content.decode()
    assert "<img" in html and 'alt="Ауылдық елді мекенге' in html


@pytest.mark.parametrize("path", ["kokterek/vacancies/", "kokterek/news/water-supply-aksu/"])
def test_page_without_english_falls_back_to_russian(demo_db, client, path):
    html = client.get(f"/en/{path}").content.decode()
    assert FALLBACK_NOTICE in html
    assert 'lang="ru"' in html
    # A translated page has neither.
    html = client.get("/en/kokterek/about/").content.decode()
    assert FALLBACK_NOTICE not in html


def test_kazakh_content_has_inflected_forms(demo_db):
    text = " ".join(
        str(getattr(page, field, "") or "")
        for _path, page in _demo_pages()
        for field in ("title_kk", "intro_kk", "body_kk")
    )
    for word in (
        "цифрландыру ",
        "цифрландырудың",
        "цифрландыруға",
        "қызмет ",
        "қызметтер ",
        "қызметтерді",
        "денсаулық сақтау",
    ):
        assert word in text.lower(), word


def test_demo_editor_can_log_in(demo_db, client, monkeypatch):
    # Without --host/--port (nor HOST/PORT in the environment): runserver's default.
    monkeypatch.delenv("HOST", raising=False)
    monkeypatch.delenv("PORT", raising=False)
    username = credentials.agency_username("digital", "editor")
    out = StringIO()
    call_command("demo_logins", stdout=out)
    printed = out.getvalue()
    assert "http://127.0.0.1:8000/admin/" in printed
    row = next(line for line in printed.splitlines() if line.startswith(username + " "))
    password = row.split()[1]
    response = client.post(
        "/admin/login/", {"username": username, "password": password}, follow=True
    )
    assert response.status_code == 200
    assert response.wsgi_request.user.username == username
    assert client.get("/admin/").status_code == 200
    assert client.login(username="admin", password=credentials.ADMIN_PASSWORD)


def test_demo_logins_print_the_host_and_port_make_run_serves(demo_db):
    out = StringIO()
    call_command("demo_logins", "--host", "0.0.0.0", "--port", "8123", stdout=out)
    printed = out.getvalue()
    assert "http://0.0.0.0:8123/admin/" in printed
    assert "http://akimat.localhost:8123/" in printed
    assert ":8000" not in printed


def test_demo_sites_take_the_port_served_on(demo_db, client):
    # From the akimat's own host, the portal's links carry the port make run serves on.
    assert (
        'href="http://localhost/ru/"'
        in client.get("/ru/", HTTP_HOST="akimat.localhost").content.decode()
    )
    call_command("demo_sites", "--port", "8123", stdout=StringIO())
    assert set(Site.objects.values_list("port", flat=True)) == {8123}
    html = client.get("/ru/", HTTP_HOST="akimat.localhost:8123").content.decode()
    assert 'href="http://localhost:8123/ru/"' in html
    assert 'href="http://localhost/ru/"' not in html
    html = client.get("/ru/", HTTP_HOST="localhost:8123").content.decode()
    assert client.get("/ru/", HTTP_HOST="127.0.0.1:8123").status_code == 200
    assert "http://akimat.localhost/" not in html


def test_demo_news_images_differ_and_leaders_show_initials(demo_db, client):
    """Issue 16: one generated emblem on every news item, a grey silhouette for every
    leader. Now each item shows its topic's illustration, and people without a photo
    their initials."""
    news = list(NewsPage.objects.live().select_related("lead_image"))
    assert news and all(page.lead_image_id for page in news)
    hashes = {page.lead_image.file_hash for page in news}
    assert len(hashes) >= len(news) - 2  # an agency's priority item shares its body's picture
    html = client.get("/ru/digital/news/").content.decode()
    assert html.count("<img") >= 3
    html = client.get("/kk/digital/leadership/").content.decode()
    assert html.count('avatar-initials" aria-hidden="true">') >= 3
    assert "person-placeholder" not in html
