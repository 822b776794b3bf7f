"""Document text in search (issue 13, item 7): the text of a page's PDF, DOCX and ODT
attachments and of a legal act's own text is indexed with the page when it is
published (the outbox drain), on the database engine (SQLite here, PostgreSQL when
DATABASE_URL points at it) and on an Elasticsearch-compatible engine (osmem-server);
a hit inside a document names the document. Bad files are skipped, publishing never
fails, private collections and private pages stay out of public search.

The files are made in the tests with the libraries that read them (pypdf writes a
PDF with a small hand-built content stream; python-docx and odfpy write their own
formats). Each word searched for occurs only inside one attachment:

    agency A / documents / order-7    legal act: file_ru = PDF «quillwort»,
                                      file_kk = DOCX «сексеуілдің»
    agency A / about / rules          standard page: a document block in its ru body
                                      = ODT «тамариск»
"""

import io
import logging

import docx
import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from odf.opendocument import OpenDocumentText
from odf.text import H, P
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms.pages.models import LegalActPage, StandardPage
from search import attachments
from search.documents import documents_for_pages
from search.engines.base import SearchQuery
from search.engines.database import DatabaseEngine
from search.models import SearchEntry
from tests.test_content_pages import section

Document = get_document_model()


# --- files, made for real ----------------------------------------------------------------
def pdf_bytes(text: str, password: str | None = None) -> bytes:
    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
    })
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    content = DecodedStreamObject()
    content.set_data(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(content)
    if password:
        writer.encrypt(user_password=password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(*paragraphs: str, cell: str = "") -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if cell:
        document.add_table(rows=1, cols=1).rows[0].cells[0].text = cell
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def odt_bytes(heading: str, *paragraphs: str) -> bytes:
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=heading))
    for text in paragraphs:
        document.text.addElement(P(text=text))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


PDF_TEXT = "Annex 2. The quillwort register of electronic services"
DOCX_TEXTS = ("Тізілімге сексеуілдің сипаттамасы енгізіледі.",)
ODT_TEXTS = ("Порядок приёма", "Тамариск растёт у реки, и приём ведётся по четвергам.")


def add_file(collection, title: str, name: str, data: bytes):
    document = Document(title=title, collection=collection)
    document.file = ContentFile(data, name=name)
    document.file_size = len(data)
    document.save()
    return document


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(autouse=True)
def _fresh_text_cache():
    attachments.forget_cached_texts()
    yield
    attachments.forget_cached_texts()


def _act(agency, slug, **files):
    act = LegalActPage(slug=slug, number="№ 7", date_signed="2025-02-01", act_type="order")
    for lang in ("kk", "ru"):
        setattr(act, f"title_{lang}", {"kk": "Тізілім туралы бұйрық",
                                       "ru": "Приказ о реестре"}[lang])
        setattr(act, f"signatory_{lang}", "Министр")
    for lang, document in files.items():
        setattr(act, f"file_{lang}", document)
    section(agency, "documents").add_child(instance=act)
    act.save_revision().publish()
    return act


def _standard(agency, slug, document, parent=None):
    page = StandardPage(slug=slug, title_kk="Қабылдау тәртібі", title_ru="Порядок приёма")
    page.body_kk = [("paragraph", "<p>Қабылдау бейсенбі күндері.</p>")]
    page.body_ru = [
        ("paragraph", "<p>Приём по четвергам.</p>"),
        ("document", {"document": document, "title": "Правила приёма"}),
    ]
    (parent or section(agency, "about")).add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def published(agency_a, commit):
    collection = agency_a.collection
    with commit():
        pdf = add_file(collection, "Реестр услуг (приложение)", "annex.pdf", pdf_bytes(PDF_TEXT))
        word = add_file(collection, "Тізілім сипаттамасы", "register.docx",
                        docx_bytes(*DOCX_TEXTS, cell="кесте"))
        odt = add_file(collection, "Правила приёма", "rules.odt", odt_bytes(*ODT_TEXTS))
        act = _act(agency_a, "order-7", ru=pdf, kk=word)
        page = _standard(agency_a, "rules", odt)
    return {"act": act, "page": page, "pdf": pdf, "docx": word, "odt": odt}


def found(text, language, engine=None):
    engine = engine or DatabaseEngine()
    engine.refresh()
    return [h.page_id for h in engine.search(SearchQuery(text=text, language=language)).hits]


# --- extraction ----------------------------------------------------------------------------
def test_text_comes_out_of_pdf_docx_and_odt():
    assert "quillwort register" in attachments.parse(pdf_bytes(PDF_TEXT), "pdf")
    text = attachments.parse(docx_bytes(*DOCX_TEXTS, cell="кесте ұяшығы"), "docx")
    assert "сексеуілдің" in text and "кесте ұяшығы" in text
    text = attachments.parse(odt_bytes(*ODT_TEXTS), "odt")
    assert text.splitlines() == list(ODT_TEXTS)


def test_an_encrypted_or_corrupt_file_gives_no_text_and_is_logged(caplog):
    with caplog.at_level(logging.WARNING, logger="search.attachments"):
        assert attachments.parse(pdf_bytes("Secret", password="s3cret"), "pdf", "enc") == ""
        assert attachments.parse(b"%PDF-1.7\n1 0 obj << broken", "pdf", "bad") == ""
        assert attachments.parse(b"PK\x03\x04 not a zip", "docx", "bad docx") == ""
        assert attachments.parse(b"<odt/>", "odt", "bad odt") == ""
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "enc not indexed: encrypted PDF" in messages
    assert "bad not indexed" in messages and "bad docx not indexed" in messages
    assert "bad odt not indexed" in messages


def test_the_text_of_a_document_is_capped():
    long = ["Тізілім жазбасы нөмір %d сипатталады." % n for n in range(9000)]
    text = attachments.parse(docx_bytes(*long), "docx")
    assert 0 < len(text) <= attachments.MAX_TEXT_CHARS
    assert len(" ".join(long)) > attachments.MAX_TEXT_CHARS


# --- indexing and search, on every engine -------------------------------------------------
@pytest.fixture(params=["database", pytest.param("elastic", marks=pytest.mark.engine)])
def engine_name(request, settings):
    if request.param == "elastic":
        settings.SEARCH_URL = request.getfixturevalue("osmem_clone").url
        settings.SEARCH_INDEX_PREFIX = "attachments"
    return request.param


def test_a_word_only_inside_an_attachment_finds_its_page(engine_name, published, client):
    from search.engines import get_engine

    engine = get_engine()
    assert engine.name == engine_name
    act, page = published["act"], published["page"]
    assert found("quillwort", "ru", engine) == [act.pk]  # PDF, Russian file
    assert found("сексеуіл", "kk", engine) == [act.pk]  # DOCX, Kazakh file (a stem)
    assert found("тамариск", "ru", engine) == [page.pk]  # ODT, document block
    # Each file belongs to its language's document only.
    assert found("quillwort", "kk", engine) == []
    assert found("тамариск", "kk", engine) == []
    # The results page names the document and shows its text around the word.
    html = client.get("/ru/search/", {"q": "quillwort"}).content.decode()
    assert "Found in the document" in html or "Найдено в документе" in html
    assert f'href="{published["pdf"].url}">Реестр услуг (приложение)</a>' in html
    assert "<mark>quillwort</mark> register of electronic services" in html
    html = client.get("/ru/search/", {"q": "тамариск"}).content.decode()
    assert ">Правила приёма</a>" in html and "<mark>Тамариск</mark> растёт у реки" in html


def test_a_hit_in_the_page_itself_names_no_document(published, client):
    html = client.get("/ru/search/", {"q": "четвергам"}).content.decode()
    assert "result-item__document" not in html


def test_the_act_text_is_searchable(agency_a, commit):
    with commit():
        act = _act(agency_a, "order-text")
        act.text_ru = "<h2>Статья 1. Предмет</h2><p>Порядок ведения гербария услуг.</p>"
        act.save_revision().publish()
    assert found("гербарий", "ru") == [act.pk]


def test_the_attachment_is_weighed_below_the_body(published, agency_a, commit):
    """A page that has the word in its own text outranks one that has it only in an
    attached document (W_BODY and W_ATTACHMENTS of the relevance model)."""
    with commit():
        page = StandardPage(slug="herbs", title_kk="Өсімдіктер", title_ru="Растения")
        page.body_kk = [("paragraph", "<p>Сексеуіл.</p>")]
        page.body_ru = [("paragraph", "<p>Тамариск и саксаул.</p>")]
        section(agency_a, "about").add_child(instance=page)
        page.save_revision().publish()
    assert found("тамариск", "ru") == [page.pk, published["page"].pk]


# --- bad files and publishing -------------------------------------------------------------
def test_an_encrypted_or_corrupt_attachment_is_skipped_and_publishing_succeeds(
    agency_a, commit, caplog
):
    collection = agency_a.collection
    with caplog.at_level(logging.WARNING, logger="search.attachments"), commit():
        locked = add_file(collection, "Locked", "locked.pdf", pdf_bytes("Lockword", "pw"))
        broken = add_file(collection, "Broken", "broken.pdf", b"%PDF-1.4 this is not a pdf")
        act = _act(agency_a, "order-bad", ru=locked, kk=broken)
    assert LegalActPage.objects.get(pk=act.pk).live
    assert found("тізілім", "kk") == [act.pk]  # indexed, by its title
    assert found("lockword", "ru") == []
    assert SearchEntry.objects.filter(page_id=act.pk).count() == 2
    assert "encrypted PDF" in caplog.text and "cannot be parsed" in caplog.text


def test_reindexing_does_not_parse_the_file_again(published, monkeypatch):
    calls = []
    original = attachments.EXTRACTORS["pdf"]
    monkeypatch.setitem(attachments.EXTRACTORS, "pdf",
                        lambda data: calls.append(1) or original(data))
    act = published["act"]
    cache.clear()  # publishing parsed it: start cold
    attachments.forget_cached_texts()
    documents_for_pages([act.pk])
    assert calls == [1]  # parsed once
    documents_for_pages([act.pk])
    attachments.forget_cached_texts()  # another process: the shared cache answers
    docs = documents_for_pages([act.pk])[act.pk]
    assert calls == [1]
    assert "quillwort" in {d["language"]: d for d in docs}["ru"]["attachments"]


# --- privacy and isolation ----------------------------------------------------------------
def test_a_private_collections_document_is_never_indexed(agency_a, commit):
    private = agency_a.collection.add_child(name="Internal")
    with commit():
        secret = add_file(private, "Internal memo", "memo.pdf", pdf_bytes("Zanzibarite memo"))
        act = _act(agency_a, "order-private-file", ru=secret)
        CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    assert found("zanzibarite", "ru") == []
    assert found("приказ", "ru") == [act.pk]
    # Made public again: the pages using its documents are indexed with its text.
    with commit():
        CollectionViewRestriction.objects.filter(collection=private).delete()
    assert found("zanzibarite", "ru") == [act.pk]


def test_a_collection_made_private_takes_its_text_out_of_the_index(published, commit):
    assert found("quillwort", "ru") == [published["act"].pk]
    with commit():
        CollectionViewRestriction.objects.create(
            collection=published["pdf"].collection, restriction_type="login"
        )
    assert found("quillwort", "ru") == []


def test_a_private_pages_attachments_are_not_indexed(agency_a, commit):
    with commit():
        hidden = section(agency_a, "about").add_child(
            instance=StandardPage(slug="staff", title_kk="Қызметкерлер", title_ru="Сотрудникам")
        )
        hidden.save_revision().publish()
        PageViewRestriction.objects.create(page=hidden, restriction_type="login")
        memo = add_file(agency_a.collection, "Памятка", "memo.odt",
                        odt_bytes("Памятка", "Вольфрамит хранится в сейфе."))
        _standard(agency_a, "staff-rules", memo, parent=hidden)
    assert found("вольфрамит", "ru") == []


def test_another_agencys_or_a_binned_document_is_not_indexed(agency_a, agency_b, commit):
    """A crafted page that holds another agency's document (the form refuses it) or a
    document outside every agency's collection (the recycle bin) indexes no text."""
    outside = Collection.get_first_root_node().add_child(name="Bin")
    with commit():
        theirs = add_file(agency_b.collection, "B", "b.pdf", pdf_bytes("Obsidianite of B"))
        binned = add_file(outside, "Bin", "bin.pdf", pdf_bytes("Malachitewise binned"))
        act = _act(agency_a, "order-crafted", ru=theirs, kk=binned)
    assert found("obsidianite", "ru") == []
    assert found("malachitewise", "kk") == []
    assert act.pk in found("приказ", "ru")


def test_replacing_a_file_reindexes_the_pages_using_it(published, commit):
    odt = published["odt"]
    with commit():
        odt.file = ContentFile(odt_bytes("Порядок", "Барбарис цветёт весной."), name="v2.odt")
        odt.file_hash = ""
        odt.save()
    assert found("барбарис", "ru") == [published["page"].pk]
    assert found("тамариск", "ru") == []
