"""Legal acts as hypertext (issue 16, item 4): the act's text in each language with a
table of contents and stable anchors for its chapters and articles, links between an
act and the acts it amends, whether its text is the current version, and the
importer's `text`, `text_as_of` and `amends` fields.

The acts are built once for the module:

    agency A / documents
      order-64    № 64, 2024-06-12, status amended, the demo text (3 chapters,
                  12 articles) in kk, ru and en
      order-131   № 131/НҚ, 2025-08-05: amends order-64 (the demo text)
      order-ru    Russian text only (an English request shows it with lang="ru")
      order-200   amends order-64, in a private section: never shown
    agency B / documents
      b-act       another agency's act
"""

import datetime
import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.core.components.act_text import act_text, anchor_for
from cms.importer.models import ImportedRecord
from cms.pages.models import LegalActAmendment, LegalActPage, SectionPage
from cms.tenants.models import Agency
from tests.factories import admin_language, editor_of
from tests.test_content_pages import add_act, add_document, html_of, section, url

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "static" / "demo_content" / "import" / "digital.json"
LANGS = ("kk", "ru", "en")


def demo_record(external_id: str) -> dict:
    records = json.loads(DEMO.read_text(encoding="utf-8"))["records"]
    return next(r for r in records if r["id"] == external_id)


def ids_of(html: str) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', html)


def toc_targets(html: str) -> list[str]:
    nav = re.search(r'<nav class="act-text__toc".*?</nav>', html, re.S)
    assert nav, "no table of contents"
    return re.findall(r'href="#([^"]+)"', nav.group(0))


def _publish(page):
    page.save_revision().publish()
    return LegalActPage.objects.get(pk=page.pk)


@pytest.fixture(scope="module")
def _acts(_agency_a_pk, _agency_b_pk, django_db_blocker):
    with django_db_blocker.unblock(), translation.override("kk"):
        a = Agency.objects.get(pk=_agency_a_pk)
        b = Agency.objects.get(pk=_agency_b_pk)
        document = add_document(a, "Order 64")
        order64 = add_act(a, "order-64", number="№ 64", date=datetime.date(2024, 6, 12),
                          status="amended", files={"kk": document, "ru": document})
        for lang in LANGS:
            setattr(order64, f"text_{lang}", demo_record("documents/order-64-2024")["text"][lang])
        order64 = _publish(order64)
        order131 = add_act(a, "order-131", number="№ 131/НҚ", date=datetime.date(2025, 8, 5))
        for lang in LANGS:
            setattr(order131, f"text_{lang}",
                    demo_record("documents/order-131-2025")["text"][lang])
        order131.amends_links = [LegalActAmendment(amended_act=order64)]
        order131 = _publish(order131)
        order_ru = add_act(a, "order-ru", number="№ 3")
        order_ru.text_ru = (
            "<h2>Статья 1. Предмет</h2><p>Текст.</p><h2>Статья 2. Срок</h2><p>Срок.</p>"
        )
        order_ru = _publish(order_ru)
        private = SectionPage(slug="internal", title_kk="Ішкі", title_ru="Внутреннее")
        section(a, "documents").add_child(instance=private)
        private.save_revision().publish()
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        order200 = LegalActPage(slug="order-200", number="№ 200", date_signed=datetime.date(
            2025, 9, 1), title_kk="Жабық", title_ru="Закрытый", signatory_kk="М",
            signatory_ru="М")
        private.add_child(instance=order200)
        order200.amends_links = [LegalActAmendment(amended_act=order64)]
        _publish(order200)
        b_act = add_act(b, "b-act", number="№ B-1")
        return {"order64": order64.pk, "order131": order131.pk, "order_ru": order_ru.pk,
                "order200": order200.pk, "b_act": b_act.pk}


@pytest.fixture
def acts(_acts, agency_a, agency_b):
    return {name: LegalActPage.objects.get(pk=pk) for name, pk in _acts.items()}


# --- The presenter --------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading,anchor",
    [
        ("1-тарау. Жалпы ережелер", "chapter-1"),
        ("2 тарау", "chapter-2"),
        ("Глава 3. Заключительные положения", "chapter-3"),
        ("CHAPTER 4 Final provisions", "chapter-4"),
        ("12-бап. Қолданысқа енгізу", "article-12"),
        ("бап 12", "article-12"),
        ("12-1-бап. Өтпелі ережелер", "article-12-1"),
        ("Статья 12. Введение в действие", "article-12"),
        ("Статья 12-1", "article-12-1"),
        ("Article 12. Entry into force", "article-12"),
        ("1-бөлім", "section-1"),
        ("Раздел 2. Особенная часть", "section-2"),
        ("Part 3", "section-3"),
        ("Қосымша", None),
        ("Статьи 1 и 2", None),
        ("Article twelve", None),
    ],
)
def test_headings_get_their_anchor_in_each_language(heading, anchor):
    assert anchor_for(heading) == anchor


def test_the_presenter_nests_articles_under_chapters_and_keeps_ids_unique():
    params = act_text(
        '<h2 data-block-key="x1">Глава 1. Общие положения</h2><h3>Статья 1. Предмет</h3>'
        "<p>Текст.</p><h3>Статья 2. Понятия</h3><h4>Примечание</h4>"
        "<h2>Приложение</h2><h3>Статья 1. Форма</h3>",
        heading="Текст акта",
        toc_heading="Содержание",
    )
    assert params["anchors"] == [
        "chapter-1", "article-1", "article-2", "heading-4", "heading-5", "article-1_2",
    ]
    assert [(e["id"], [c["id"] for c in e["children"]]) for e in params["toc"]] == [
        ("chapter-1", ["article-1", "article-2"]),
        ("heading-5", ["article-1_2"]),
    ]
    assert '<h2 id="chapter-1">Глава 1. Общие положения</h2>' in params["html"]
    assert "data-block-key" not in params["html"]


def test_a_text_with_one_heading_has_no_table_of_contents():
    assert act_text("<h2>Статья 1</h2><p>Текст.</p>")["toc"] == []


# --- The act page -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang,chapter,article",
    [
        ("kk", "1-тарау. Жалпы ережелер", "12-бап. Қолданысқа енгізу"),
        ("ru", "Глава 1. Общие положения", "Статья 12. Введение в действие"),
        ("en", "Chapter 1. General provisions", "Article 12. Entry into force"),
    ],
)
def test_the_act_page_shows_its_text_with_anchors_and_contents(client, acts, lang, chapter,
                                                               article):
    response = client.get(url(acts["order64"], lang))
    assert response.status_code == 200
    html = html_of(response)
    assert f'<h2 id="chapter-1">{chapter}</h2>' in html
    assert f'<h3 id="article-12">{article}</h3>' in html
    ids = ids_of(html)
    assert len(ids) == len(set(ids)), "every id of the page is unique"
    targets = toc_targets(html)
    assert targets[:2] == ["chapter-1", "article-1"]
    assert {f"chapter-{n}" for n in (1, 2, 3)} | {f"article-{n}" for n in range(1, 13)} == set(
        targets
    )
    assert set(targets) <= set(ids), "every link of the contents lands on a heading"
    # A reference inside the text points at an article that exists.
    assert 'href="#article-7"' in html and "article-7" in ids
    # The files stay downloadable next to the text.
    assert re.search(r'<a class="file-list__link" href="[^"]+" hreflang="kk" download>', html)
    assert html.count("<h1") == 1


def test_a_link_to_an_article_lands_on_it(client, acts):
    """«…/order-64/#article-12»: the page answers and holds that target once."""
    response = client.get(url(acts["order64"], "ru") + "#article-12")
    assert response.status_code == 200
    assert ids_of(html_of(response)).count("article-12") == 1


def test_an_english_request_shows_the_russian_text_marked_as_russian(client, acts):
    html = html_of(client.get(url(acts["order_ru"], "en")))
    assert re.search(r'<section class="act-text"[^>]*lang="ru"', html)
    assert '<h2 id="article-1">Статья 1. Предмет</h2>' in html
    assert toc_targets(html) == ["article-1", "article-2"]


def test_an_act_without_text_has_no_text_section(client, agency_a):
    act = add_act(agency_a, "no-text")
    html = html_of(client.get(url(act, "ru")))
    assert 'class="act-text"' not in html


# --- Amendments and the current version ------------------------------------------------


def test_the_amended_act_links_to_its_amendment_and_says_it_is_not_current(client, acts):
    with translation.override("en"):
        not_current = gettext("Not the current version: this is the text as of %(date)s, and "
                              "the act was amended later (see “Amended by”).") % {
            "date": "12.06.2024"}
    html = html_of(client.get(url(acts["order64"], "en")))
    assert not_current in html
    assert f'href="{acts["order131"].url}"' in html
    # The amending act in a private section is not listed.
    assert acts["order200"].url not in html
    assert "№ 200" not in html


def test_the_amending_act_links_to_the_act_it_amends_and_is_current(client, acts):
    html = html_of(client.get(url(acts["order131"], "en")))
    assert f'href="{acts["order64"].url}"' in html
    assert "Current version: the text as amended on 05.08.2025." in html


def test_text_as_of_a_later_date_makes_the_text_current_again(client, acts):
    order64 = acts["order64"]
    order64.text_as_of = datetime.date(2025, 8, 15)
    order64 = _publish(order64)
    html = html_of(client.get(url(order64, "en")))
    assert "Current version: the text as amended on 15.08.2025." in html


# --- Isolation: the admin refuses another agency's act ---------------------------------


def _act_post(amended_pk):
    return nested_form_data(
        {
            "title_kk": "Бұйрық", "title_ru": "Приказ", "title_en": "",
            "slug": "amending-act", "number": "№ 9", "act_type": "order",
            "date_signed": "2026-01-10", "signatory_kk": "Министр", "signatory_ru": "Министр",
            "signatory_en": "", "issuing_body_kk": "", "issuing_body_ru": "",
            "issuing_body_en": "", "status": "in_force", "official_url": "",
            "file_kk": "", "file_ru": "", "file_en": "",
            "text_as_of": "",
            "amends_links": inline_formset([{"amended_act": amended_pk}]),
            "body_kk": streamfield([]), "body_ru": streamfield([]), "body_en": streamfield([]),
            "comment_notifications": "on",
            "action-save-draft": "1",
        }
    )


def test_an_editor_cannot_link_another_agencys_act(client, agency_a, acts):
    editor = editor_of(agency_a)
    admin_language(editor, "en")
    client.force_login(editor)
    parent = section(agency_a, "documents")
    add_url = f"/admin/pages/add/pages/legalactpage/{parent.pk}/"
    response = client.post(add_url, _act_post(acts["b_act"].pk))
    assert response.status_code == 200
    errors = response.context["form"].formsets["amends_links"].forms[0].errors
    assert errors["amended_act"] == ["Choose an act of your own agency."]
    assert not LegalActPage.objects.filter(slug="amending-act").exists()
    response = client.post(add_url, _act_post(acts["order64"].pk))
    assert response.status_code == 302
    created = LegalActPage.objects.get(slug="amending-act")
    assert [link.amended_act_id for link in created.amends_links.all()] == [acts["order64"].pk]


def test_another_agency_and_anonymous_visitors_see_no_foreign_amendment(client, acts,
                                                                         agency_b):
    html = html_of(client.get(url(acts["b_act"], "ru")))
    assert acts["order64"].url not in html
    assert acts["order131"].url not in html


# --- The importer -----------------------------------------------------------------------


def _import(tmp_path, agency, records, language="en") -> tuple[int, str]:
    path = tmp_path / "acts.json"
    path.write_text(json.dumps({"agency": agency.slug, "records": records}, ensure_ascii=False),
                    encoding="utf-8")
    out = io.StringIO()
    try:
        call_command("import_content", str(path), "--language", language, stdout=out,
                     stderr=io.StringIO())
    except CommandError as error:
        return error.returncode, out.getvalue()
    return 0, out.getvalue()


def _act_record(external_id, **extra):
    record = {
        "id": external_id,
        "kind": "legal_act",
        "title": {"kk": "Бұйрық " + external_id, "ru": "Приказ " + external_id},
        "number": "№ " + external_id,
        "act_type": "order",
        "date_signed": "2025-03-01",
        "signatory": {"kk": "Министр", "ru": "Министр"},
    }
    record.update(extra)
    return record


def test_the_importer_takes_the_act_text_and_its_amendments(tmp_path, agency_a, client):
    original = _act_record("imp-1", text={
        "kk": "<h1>1-тарау. Жалпы ережелер</h1><h2>1-бап. Мәні</h2><p>Мәтін.</p>"
              "<h2>2-бап. Мерзімі</h2><p><a href=\"#article-1\">1-бапқа</a> сәйкес.</p>",
        "ru": "<h2>Глава 1</h2><h3>Статья 1</h3><p>Текст <b>акта</b>.</p><script>x</script>",
    })
    original["text"]["ru"] = original["text"]["ru"].replace("<script>x</script>", "")
    amending = _act_record("imp-2", date_signed="2025-05-01", amends=["imp-1"],
                           text={"ru": "<h2>Статья 1</h2><p>Изменить.</p>"})
    code, out = _import(tmp_path, agency_a, [original, amending])
    assert code == 0, out
    first = ImportedRecord.objects.get(agency=agency_a, external_id="imp-1").page.specific
    second = ImportedRecord.objects.get(agency=agency_a, external_id="imp-2").page.specific
    assert first.text_kk.startswith("<h2>1-тарау. Жалпы ережелер</h2><h2>1-бап. Мәні</h2>")
    assert '<a href="#article-1">1-бапқа</a>' in first.text_kk
    assert "<b>акта</b>" in first.text_ru
    assert [link.amended_act_id for link in second.amends_links.all()] == [first.pk]
    html = html_of(client.get(url(first, "kk")))
    assert 'id="article-2"' in html and f'href="{second.url}"' in html


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("text", {"ru": "<h2>Статья 3</h2><p>а</p><h2>Статья 3. Снова</h2>"},
         "name the same part of the act"),
        ("text", {"kk": "<p>Кесте:</p><table><tr><td>1</td></tr></table>"},
         "cannot hold an image or a table"),
        ("text", {"ru": "<p><a href=\"annex.pdf\">Приложение</a></p>"}, "list the act's files"),
        ("text", {"ru": "<p onclick=\"x()\">Текст</p>"}, "forbidden"),
        ("text", {"de": "<p>Text</p>"}, "unknown language"),
        ("text", "<p>Текст</p>", "must be an object with kk, ru and en texts"),
        ("amends", ["nowhere"], "is not a legal act in the file before this one"),
        ("amends", "imp-1", "must be a list of ids of other legal acts"),
        ("text_as_of", "2020-01-01", "before it was signed"),
    ],
)
def test_bad_act_text_is_rejected_with_a_clear_reason(tmp_path, agency_a, field, value,
                                                      message):
    code, out = _import(tmp_path, agency_a, [_act_record("bad-1", **{field: value})])
    assert code == 1
    assert message in out, out
    assert not ImportedRecord.objects.filter(agency=agency_a, external_id="bad-1").exists()


def test_the_reason_is_given_in_kazakh_and_russian_too(tmp_path, agency_a):
    bad = _act_record("bad-2", text={"ru": "<h2>Статья 3</h2><h2>Статья 3</h2>"})
    for language in ("kk", "ru"):
        code, out = _import(tmp_path, agency_a, [bad], language=language)
        assert code == 1
        with translation.override(language):
            expected = gettext(
                "In “%(field)s”, the headings “%(first)s” and “%(second)s” name the same "
                "part of the act: each chapter, article and section may appear once."
            ) % {"field": "text.ru", "first": "Статья 3", "second": "Статья 3"}
        assert expected in out, out
