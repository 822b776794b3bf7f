"""import_content: the example files, every reason of rejection, atomicity, idempotence,
isolation between agencies, malformed files, dry run and progress.

Every test provisions its agencies through the real service and runs the real command
(call_command) on real JSON and media files; MEDIA_ROOT is a temporary folder so that
the tests can see which files were stored.
"""

import copy
import json
import os
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from cms.importer.html import convert
from cms.importer.models import ImportedRecord
from cms.pages.models import LegalActPage, NewsPage, StandardPage
from tests.factories import make_agency

EXAMPLES = Path(__file__).resolve().parent.parent / "cms" / "importer" / "examples"
Image = get_image_model()
Document = get_document_model()
GOOD_IDS = [
    "mddi-news-2025-0412",
    "mddi-press-2025-0415",
    "mddi-announce-2025-0420",
    "mddi-act-order-118",
    "mddi-act-resolution-7",
    "mddi-page-service-centres",
    "mddi-page-digital-signature",
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media-root"
    return settings.MEDIA_ROOT


@pytest.fixture(scope="module")
def _digital_pk(_module_transaction, django_db_blocker):
    """The ministry the examples import into, provisioned once per module inside its
    transaction (tests/conftest.py); each test runs in a savepoint of it."""
    from cms.platform.portal import ensure_portal

    with django_db_blocker.unblock():
        ensure_portal()
        return make_agency(
            "digital",
            names={
                "kk": "Цифрлық даму және инновациялар министрлігі",
                "ru": "Министерство цифрового развития и инноваций",
                "en": "Ministry of Digital Development and Innovation",
            },
            category="ministry",
        ).pk


@pytest.fixture
def digital(_digital_pk, portal):
    from cms.tenants.models import Agency

    return Agency.objects.get(pk=_digital_pk)


def run(path, *args) -> tuple[int, str, str]:
    """Run the command; returns (exit code, stdout, stderr)."""
    out, err = StringIO(), StringIO()
    try:
        call_command("import_content", str(path), *args, stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, out.getvalue(), err.getvalue() + str(error)
    return 0, out.getvalue(), err.getvalue()


def example_records() -> list[dict]:
    return json.loads((EXAMPLES / "digital.json").read_text(encoding="utf-8"))["records"]


def write_import(folder: Path, agency: str, records: list[dict], name="import.json") -> Path:
    """An import file in `folder` with a copy of the example media beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "media").exists():
        shutil.copytree(EXAMPLES / "media", folder / "media")
    path = folder / name
    data = {"agency": agency, "media": "media", "records": records}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def news(record_id="n-1", **fields) -> dict:
    record = {
        "id": record_id,
        "kind": "news",
        "date": "2025-05-01",
        "title": {"kk": "Жаңалық", "ru": "Новость", "en": "News item"},
        "body": {"kk": "<p>Мәтін.</p>", "ru": "<p>Текст.</p>"},
    }
    record.update(fields)
    return record


def stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def counts(agency=None) -> dict:
    return {
        "pages": Page.objects.count(),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
        "records": ImportedRecord.objects.count(),
        "revisions": Revision.objects.count(),
    }


# --- Done when: the example files ----------------------------------------------------


def test_example_imported_twice_creates_each_record_once(digital, media_root):
    code, out, err = run(EXAMPLES / "digital.json")
    assert code == 0, out + err
    assert "Created: 7, updated: 0, unchanged: 0, rejected: 0." in out
    assert sorted(
        ImportedRecord.objects.filter(agency=digital).values_list("external_id", flat=True)
    ) == sorted(GOOD_IDS)
    after_first = counts()
    files_after_first = stored_files(media_root)

    code, out, err = run(EXAMPLES / "digital.json")
    assert code == 0, out + err
    assert "Created: 0, updated: 0, unchanged: 7, rejected: 0." in out
    assert counts() == after_first  # not even a revision
    assert stored_files(media_root) == files_after_first
    home = digital.home_page
    assert NewsPage.objects.descendant_of(home).filter(slug__startswith="mddi-").count() == 3
    assert LegalActPage.objects.descendant_of(home).count() == 2
    assert StandardPage.objects.descendant_of(home).count() == 2


def test_example_with_one_bad_record_imports_the_good_ones(digital):
    code, out, err = run(EXAMPLES / "digital-one-bad.json")
    assert code == 1
    assert "Created: 7, updated: 0, unchanged: 0, rejected: 1." in out
    reason = "The field “date” is not a valid date (YYYY-MM-DD): “2025-02-30”."
    assert f"mddi-news-bad-date: {reason}" in out
    assert "1 record was rejected." in err
    assert ImportedRecord.objects.filter(agency=digital).count() == 7
    assert not Page.objects.filter(slug="mddi-news-bad-date").exists()


def test_example_content_lands_in_the_right_fields(digital):
    assert run(EXAMPLES / "digital.json")[0] == 0
    collection = digital.collection
    press = NewsPage.objects.get(slug="mddi-press-2025-0415")
    assert press.live and press.category == "press_release" and press.is_priority
    assert press.get_parent().specific_class.__name__ == "NewsIndexPage"
    assert press.lead_image.collection == collection
    assert press.lead_image_alt_kk.startswith("Министр мен министрлік")
    assert sorted(t.name for t in press.tags.all()) == ["eGov", "мемлекеттік қызметтер"]
    assert [b.block_type for b in press.body_ru] == ["paragraph", "quote", "heading", "paragraph"]
    assert press.related_links_en[0].value["text"] == "E-government portal"

    order = LegalActPage.objects.get(number="118")
    assert (order.act_type, str(order.date_signed), order.status) == (
        "order",
        "2025-03-03",
        "in_force",
    )
    assert order.signatory_ru == "Министр Е. К. Жумабеков"
    assert {order.file_kk.collection, order.file_ru.collection, order.file_en.collection} == {
        collection
    }
    resolution = LegalActPage.objects.get(number="7")
    assert resolution.file_en is None and resolution.status == "amended"

    centres = StandardPage.objects.get(slug="service-centres")
    assert centres.get_parent().slug == "about"
    blocks = [b.block_type for b in centres.body_kk]
    assert blocks == ["paragraph", "image", "heading", "table"]
    image_block = centres.body_en[1].value
    assert image_block["image"].collection == collection
    assert image_block["caption"] == "Centre No. 1 in Astana"
    table = centres.body_ru[3].value
    assert table["first_row_is_table_header"] and table["table_caption"] == "Время работы центров"
    signature = StandardPage.objects.get(slug="digital-signature")
    assert signature.get_parent().pk == centres.pk
    document = [b for b in signature.body_kk if b.block_type == "document"][0].value
    assert document["document"].collection == collection
    # One picture used in three languages is stored once.
    assert Image.objects.filter(collection=collection).count() == 2


# --- Every reason of rejection -------------------------------------------------------


IMG = '<p><img src="service-centre.png" alt="{alt}"></p>'
REJECTIONS = [
    ("missing ru title", news(title={"kk": "Жаңалық", "en": "News"}), "has no ru text"),
    ("bad date", news(date="01.05.2025"), "is not a valid date"),
    ("unknown kind", news(kind="article"), "Unknown kind “article”"),
    ("unknown field", news(colour="red"), "Unknown field “colour”"),
    (
        "missing image",
        news(body={"kk": '<img src="nowhere.png" alt="Сурет">', "ru": "<p>Т.</p>"}),
        "The file “nowhere.png” does not exist.",
    ),
    (
        "file outside the folder",
        news(body={"kk": '<p><a href="../../etc/passwd.pdf">Құжат</a></p>', "ru": "<p>Т.</p>"}),
        "is outside the folder of the import file",
    ),
    (
        "script",
        news(body={"kk": "<p>Мәтін</p><script>alert(1)</script>", "ru": "<p>Т.</p>"}),
        "forbidden <script> element",
    ),
    (
        "event handler",
        news(body={"kk": '<p onclick="x()">Мәтін</p>', "ru": "<p>Т.</p>"}),
        "forbidden “onclick” attribute",
    ),
    (
        "javascript link",
        news(body={"kk": '<p><a href="javascript:x()">Сілтеме</a></p>', "ru": "<p>Т.</p>"}),
        "forbidden address",
    ),
    (
        "image in a table",
        news(
            body={
                "kk": '<table><tr><td><img src="service-centre.png" alt="Сурет"></td></tr></table>',
                "ru": "<p>Т.</p>",
            }
        ),
        "An image inside a list, table or link cannot be imported",
    ),
    (
        "not an image",
        news(body={"kk": '<img src="not-a-picture.png" alt="Сурет">', "ru": "<p>Т.</p>"}),
        "The file “not-a-picture.png” is not a readable image.",
    ),
    (
        "image from the web",
        news(body={"kk": '<img src="https://example.kz/a.png" alt="Сурет">', "ru": "<p>Т.</p>"}),
        "must be a file next to the JSON file",
    ),
    (
        "image without kk alt",
        news(body={"kk": IMG.format(alt=""), "ru": IMG.format(alt="Орталық")}),
        "has no alternative text in Kazakh",
    ),
    (
        "lead image without kk alt",
        news(lead_image={"file": "press-briefing.png", "alt": {"ru": "Брифинг"}}),
        "has no alternative text in Kazakh",
    ),
    (
        "no ru body",
        news(body={"kk": "<p>Мәтін.</p>"}),
        "cannot be published without its Russian version",
    ),
    ("unknown section", news(section="blog"), "The agency has no section “blog”."),
    ("unknown parent", news(parent="nowhere-1"), "The parent “nowhere-1” is neither"),
    (
        "legal act without number",
        {
            "id": "n-1",
            "kind": "legal_act",
            "act_type": "order",
            "date_signed": "2025-01-01",
            "title": {"kk": "Бұйрық", "ru": "Приказ"},
            "signatory": {"kk": "Министр", "ru": "Министр"},
        },
        "The field “number” is required.",
    ),
    (
        "legal act of an unknown type",
        {
            "id": "n-1",
            "kind": "legal_act",
            "number": "1",
            "act_type": "edict",
            "date_signed": "2025-01-01",
            "title": {"kk": "Бұйрық", "ru": "Приказ"},
        },
        "must be one of law, decree",
    ),
]


@pytest.mark.parametrize(
    "record, reason", [case[1:] for case in REJECTIONS], ids=[case[0] for case in REJECTIONS]
)
def test_a_bad_record_is_rejected_with_its_reason_and_nothing_written(
    digital, tmp_path, media_root, record, reason
):
    good = news("good-1")
    path = write_import(tmp_path / "in", "digital", [good, copy.deepcopy(record)])
    (tmp_path / "in" / "media" / "not-a-picture.png").write_text("plain text", encoding="utf-8")
    before = counts()
    code, out, err = run(path)
    assert code == 1
    rejected = out.split("Rejected records:")[1]
    assert "n-1: " in rejected and reason in rejected, out
    assert "Created: 1, updated: 0, unchanged: 0, rejected: 1." in out
    assert ImportedRecord.objects.filter(external_id="n-1").count() == 0
    assert not Page.objects.filter(slug="n-1").exists()
    assert counts()["images"] == before["images"]
    assert counts()["documents"] == before["documents"]


def test_duplicate_ids_in_the_file_are_all_rejected(digital, tmp_path):
    path = write_import(tmp_path, "digital", [news("dup"), news("dup"), news("other")])
    code, out, _err = run(path)
    assert code == 1
    assert out.count("dup: The id “dup” is used by 2 records of the file.") == 2
    assert list(ImportedRecord.objects.values_list("external_id", flat=True)) == ["other"]


def test_a_slug_taken_by_another_page_rejects_the_record(digital, tmp_path):
    path = write_import(tmp_path, "digital", [news("first", slug="same"), news("n-1", slug="same")])
    code, out, _err = run(path)
    assert code == 1
    assert "n-1: The address “same” is already used by another page" in out


def test_a_child_of_a_rejected_parent_is_rejected(digital, tmp_path):
    parent = {"id": "p", "kind": "page", "title": {"kk": "Бет"}}  # no ru title
    child = {
        "id": "c",
        "kind": "page",
        "parent": "p",
        "title": {"kk": "Бала бет", "ru": "Дочерняя"},
        "body": {"kk": "<p>М.</p>", "ru": "<p>Т.</p>"},
    }
    code, out, _err = run(write_import(tmp_path, "digital", [child, parent]))
    assert code == 1
    assert "c: Its parent “p” was not imported." in out
    assert not StandardPage.objects.exists()


def test_a_page_type_refused_by_its_parent_rejects_the_record(digital, tmp_path):
    page = {
        "id": "p",
        "kind": "page",
        "section": "news",  # the News section takes news items only
        "title": {"kk": "Бет", "ru": "Страница"},
        "body": {"kk": "<p>М.</p>", "ru": "<p>Т.</p>"},
    }
    code, out, _err = run(write_import(tmp_path, "digital", [page]))
    assert code == 1
    assert "p: A page of type “standard page” cannot be placed under “Жаңалықтар”." in out


def test_a_changed_parent_moves_the_page(digital, tmp_path):
    records = example_records()[5:7]  # service centres and its child page
    assert run(write_import(tmp_path, "digital", records))[0] == 0
    records[1].pop("parent")
    records[1]["section"] = "appeals"
    code, out, _err = run(write_import(tmp_path, "digital", records))
    assert "updated: 1, unchanged: 1" in out, out
    signature = StandardPage.objects.get(slug="digital-signature")
    assert signature.get_parent().slug == "appeals"
    assert signature.url_path.endswith("/appeals/digital-signature/")


def test_reasons_in_the_operators_language(digital, tmp_path):
    path = write_import(tmp_path, "digital", [news("n-1", body={"kk": "<p>Мәтін.</p>"})])
    code, out, _err = run(path, "--language", "ru")
    assert code == 1
    assert "n-1: Эту страницу нельзя опубликовать без версии на русском языке." in out


# --- Atomicity ------------------------------------------------------------------------


def test_a_record_failing_mid_way_leaves_nothing_behind(digital, tmp_path, media_root):
    """The images and documents are stored before the publishing checks fail: the
    savepoint takes the rows back and the importer deletes the files."""
    page = {
        "id": "n-1",
        "kind": "page",
        "title": {"kk": "Бет", "ru": "Страница"},
        "body": {
            "kk": '<p><img src="service-centre.png" alt=""></p>'
            '<p><a href="service-standard.pdf">Стандарт</a></p>',
            "ru": '<p><img src="service-centre.png" alt="Центр"></p>',
        },
    }
    act = {
        "id": "n-2",
        "kind": "legal_act",
        "number": "5",
        "act_type": "order",
        "date_signed": "2025-01-01",
        "title": {"kk": "Бұйрық", "ru": "Приказ"},
        "signatory": {"kk": "Министр"},  # ru missing: refused after the files are stored
        "files": {"kk": "order-118-kk.pdf", "ru": "order-118-ru.pdf"},
    }
    path = write_import(tmp_path / "in", "digital", [page, act])
    before = counts()
    code, out, _err = run(path)
    assert code == 1
    assert "n-1: Image" in out and "n-2: This page cannot be published" in out
    assert counts() == before
    assert stored_files(media_root) == []


# --- Idempotence: a changed record updates its page ------------------------------------


def test_a_changed_record_updates_its_page_with_a_new_revision(digital, tmp_path):
    records = example_records()
    assert run(write_import(tmp_path, "digital", records))[0] == 0
    press = NewsPage.objects.get(slug="mddi-press-2025-0415")
    revisions = press.revisions.count()

    records[1]["title"]["ru"] = "Министр подвёл итоги цифровизации услуг"
    code, out, _err = run(write_import(tmp_path, "digital", records))
    assert code == 0
    assert "Created: 0, updated: 1, unchanged: 6, rejected: 0." in out
    press = NewsPage.objects.get(pk=press.pk)
    assert press.title_ru == "Министр подвёл итоги цифровизации услуг"
    assert press.revisions.count() == revisions + 1
    assert press.live and not press.has_unpublished_changes
    assert ImportedRecord.objects.filter(agency=digital).count() == 7


def test_a_changed_file_counts_as_a_change(digital, tmp_path):
    records = example_records()[:1] + example_records()[3:4]  # a news item and order 118
    path = write_import(tmp_path, "digital", records)
    assert run(path)[0] == 0
    (tmp_path / "media" / "order-118-en.pdf").write_bytes(
        (EXAMPLES / "media" / "order-118-ru.pdf").read_bytes().replace(b"Russian", b"English")
    )
    code, out, _err = run(path)
    assert "Created: 0, updated: 1, unchanged: 1, rejected: 0." in out, out
    order = LegalActPage.objects.get(number="118")
    assert b"English version" in order.file_en.file.read()


# --- Isolation between agencies ---------------------------------------------------------


def test_same_external_ids_in_two_agencies_never_touch_each_other(agency_a, agency_b, tmp_path):
    records = example_records()[:3]
    assert run(write_import(tmp_path / "a", "agency-a", records))[0] == 0
    code, out, _err = run(write_import(tmp_path / "b", "agency-b", records))
    assert code == 0 and "Created: 3" in out  # same ids, other agency: new pages
    b_pages = {r.external_id: r.page_id for r in ImportedRecord.objects.filter(agency=agency_b)}
    b_revisions = Revision.objects.filter(object_id__in=[str(p) for p in b_pages.values()])
    b_revision_ids = set(b_revisions.values_list("pk", flat=True))

    changed = copy.deepcopy(records)
    for record in changed:
        record["title"]["kk"] += " (жаңартылды)"
    code, out, _err = run(write_import(tmp_path / "a", "agency-a", changed))
    assert "updated: 3" in out
    for record in ImportedRecord.objects.filter(agency=agency_a).select_related("page"):
        assert record.page.is_descendant_of(agency_a.home_page)
        assert record.page_id not in b_pages.values()
    assert set(b_revisions.values_list("pk", flat=True)) == b_revision_ids
    for page_id in b_pages.values():
        assert not Page.objects.get(pk=page_id).title_kk.endswith("(жаңартылды)")
        assert Page.objects.get(pk=page_id).is_descendant_of(agency_b.home_page)
    lead_a = NewsPage.objects.descendant_of(agency_a.home_page).get(lead_image__isnull=False)
    lead_b = NewsPage.objects.descendant_of(agency_b.home_page).get(lead_image__isnull=False)
    assert lead_a.lead_image.collection == agency_a.collection
    assert lead_b.lead_image.collection == agency_b.collection
    assert lead_a.lead_image_id != lead_b.lead_image_id


# --- Whole-file errors, dry run, draft, progress ------------------------------------------


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"agency": "digital", "records": [', "is not valid JSON"),
        ('["just", "a", "list"]', "must be an object with “agency” and a list of “records”"),
        ('{"agency": "nobody", "records": []}', "No agency with the address “nobody”."),
        ('{"agency": "digital", "records": [], "extra": 1}', "Unknown top-level field “extra”"),
    ],
)
def test_a_malformed_file_is_one_clear_error_with_exit_code_2(digital, tmp_path, content, message):
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    before = counts()
    code, out, err = run(path)
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
    assert counts() == before


def test_an_archived_agency_is_refused(digital, tmp_path):
    from cms.platform.provisioning import archive_agency

    archive_agency(digital)
    code, _out, err = run(write_import(tmp_path, "digital", [news()]))
    assert code == 2 and "is archived" in err
    assert not ImportedRecord.objects.exists()


def test_the_real_command_exits_with_code_2_on_a_malformed_file(tmp_path):
    """Through manage.py, as an operator runs it (the file is read before the database)."""
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}"}
    result = subprocess.run(
        [sys.executable, "manage.py", "import_content", str(path)],
        cwd=EXAMPLES.parent.parent.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"CommandError: {path} is not valid JSON: Expecting property name enclosed in double "
        "quotes at line 1, column 2."
    ]


def test_a_missing_file_exits_with_code_2(digital, tmp_path):
    code, _out, err = run(tmp_path / "absent.json")
    assert code == 2 and "Cannot read" in err


def test_dry_run_checks_everything_and_writes_nothing(digital, media_root):
    before = counts()
    code, out, _err = run(EXAMPLES / "digital-one-bad.json", "--dry-run")
    assert code == 1
    assert "Dry run: nothing was written." in out
    assert "Created: 7, updated: 0, unchanged: 0, rejected: 1." in out
    assert "mddi-news-bad-date:" in out
    assert counts() == before
    assert stored_files(media_root) == []


def test_draft_saves_revisions_without_publishing(digital):
    code, out, _err = run(EXAMPLES / "digital.json", "--draft")
    assert code == 0, out
    pages = [r.page for r in ImportedRecord.objects.select_related("page")]
    assert len(pages) == 7
    assert all(not page.live and page.latest_revision_id for page in pages)


def test_drafts_imported_again_without_draft_are_published(digital):
    assert run(EXAMPLES / "digital.json", "--draft")[0] == 0
    code, out, _err = run(EXAMPLES / "digital.json", "--draft")
    assert "unchanged: 7" in out
    code, out, _err = run(EXAMPLES / "digital.json")
    assert code == 0 and "Created: 0, updated: 7, unchanged: 0" in out
    assert all(r.page.live for r in ImportedRecord.objects.select_related("page"))
    code, out, _err = run(EXAMPLES / "digital.json")
    assert "unchanged: 7" in out


def test_progress_is_shown_on_stderr(digital):
    _code, _out, err = run(EXAMPLES / "digital.json")
    assert "[" + "#" * 30 + "] 7/7 mddi-page-digital-signature" in err
    assert "1/7 mddi-news-2025-0412" in err


# --- HTML conversion -----------------------------------------------------------------------


def test_html_is_converted_to_body_blocks_and_sanitised():
    body = convert(
        '<div class="x"><h1>Тақырып</h1><p style="color:red">Бір <strong>екі</strong>'
        '<span> үш</span> <a href="https://example.kz" target="_blank">сайт</a></p>'
        "<ul><li>бір</li></ul><h3>Кіші</h3><font>мәтін</font>"
        '<p><a href="files/act.pdf">Бұйрық</a></p><figure><blockquote><p>Сөз</p>'
        "<cite>Министр</cite></blockquote></figure>"
        '<p>Қараңыз: <a href="files/plan.pdf">жоспар</a>.</p></div>'
        '<p><a name="top">Басы</a> <a href="#top">жоғары</a></p>'
    )
    assert [b["type"] for b in body.blocks] == [
        "heading",
        "paragraph",
        "heading",
        "paragraph",
        "document",
        "quote",
        "paragraph",
    ]
    assert body.blocks[-1]["value"].endswith("<p>Басы жоғары</p>")
    assert body.blocks[0]["value"] == {"text": "Тақырып", "level": "h2"}
    assert body.blocks[1]["value"] == (
        '<p>Бір <b>екі</b> үш <a href="https://example.kz">сайт</a></p><ul><li>бір</li></ul>'
    )
    assert body.blocks[4]["value"] == {"file": "files/act.pdf", "title": "Бұйрық"}
    assert body.blocks[5]["value"] == {"text": "Сөз", "attribution": "Министр"}
    assert 'linktype="document" id="import-file:0"' in body.blocks[6]["value"]
    assert body.linked_files == ["files/plan.pdf"]


# --- The media folder stays inside the import file's folder (issue 12) -----------------


def _with_media(tmp_path, media, records=None) -> Path:
    folder = tmp_path / "in"
    path = write_import(folder, "digital", records or [news()])
    data = json.loads(path.read_text(encoding="utf-8"))
    data["media"] = media
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("media", ["../outside", "/", "/etc", "media/../../outside"])
def test_a_media_folder_outside_the_file_folder_is_refused(digital, tmp_path, media):
    (tmp_path / "outside").mkdir()
    secret = tmp_path / "outside" / "secret.pdf"
    secret.write_bytes((EXAMPLES / "media" / "order-118-ru.pdf").read_bytes())
    record = news(body={"kk": '<p><a href="secret.pdf">x</a></p>', "ru": "<p>Текст.</p>"})
    path = _with_media(tmp_path, media, [record])
    before = counts()
    code, _out, err = run(path)
    assert code == 2, err
    assert f"The media folder “{media}” is outside the folder of the import file" in err
    assert "Traceback" not in err
    assert counts() == before


NEW_IMPORT_MESSAGES = [
    "%(file)s is nested too deeply to be an import file.",
    "The media folder “%(folder)s” is outside the folder of the import file; give a folder "
    "beside the file, such as “media”.",
    "The media folder “%(folder)s” does not exist.",
    "The image “%(file)s” has %(pixels)s megapixels; at most %(limit)s are accepted.",
]


def test_new_import_messages_are_translated_for_make_messages():
    """The importer's new messages are translated in the kk and ru catalogs, with the
    same placeholders as the English text."""
    from django.utils import translation

    for msgid in NEW_IMPORT_MESSAGES:
        for lang in ("kk", "ru"):
            with translation.override(lang):
                text = translation.gettext(msgid)
            assert text != msgid, (msgid, lang)
            for name in ("%(file)s", "%(folder)s", "%(pixels)s", "%(limit)s"):
                assert (name in msgid) == (name in text), (msgid, lang)


def test_a_symlinked_media_folder_leaving_the_file_folder_is_refused(digital, tmp_path):
    (tmp_path / "outside").mkdir()
    path = _with_media(tmp_path, "linked")
    (path.parent / "linked").symlink_to(tmp_path / "outside", target_is_directory=True)
    before = counts()
    code, _out, err = run(path)
    assert code == 2 and "is outside the folder of the import file" in err
    assert counts() == before


def test_a_symlinked_file_leaving_the_media_folder_is_rejected(digital, tmp_path):
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "leak.png").write_bytes(
        (EXAMPLES / "media" / "press-briefing.png").read_bytes()
    )
    record = news(lead_image={"file": "leak.png", "alt": {"kk": "Сурет", "ru": "Фото"}})
    path = _with_media(tmp_path, "media", [record])
    (path.parent / "media" / "leak.png").symlink_to(tmp_path / "outside" / "leak.png")
    code, out, _err = run(path)
    assert code == 1 and "is outside the folder of the import file" in out
    assert not Image.objects.exists()


def test_an_image_over_the_admin_pixel_limit_is_rejected(digital, tmp_path, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000
    record = news(lead_image={"file": "press-briefing.png", "alt": {"kk": "Сурет", "ru": "Фото"}})
    code, out, _err = run(_with_media(tmp_path, "media", [record]))
    assert code == 1
    assert "The image “press-briefing.png” has 0.1 megapixels; at most 0.001 are accepted." in out
    assert not Image.objects.exists() and not NewsPage.objects.filter(slug="n-1").exists()


def test_deeply_nested_json_is_one_clear_error(digital, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"agency": "digital", "records": [' + "[" * 100_000 + "]" * 100_000 + "]}")
    before = counts()
    code, _out, err = run(path)
    assert code == 2 and "nested too deeply" in err and "Traceback" not in err
    assert counts() == before
