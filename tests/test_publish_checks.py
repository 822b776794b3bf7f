"""Accessibility checks at publish time: image alt text, heading order, link text and
table headers, per language; drafts are saved regardless, publishing is refused."""

import json

import pytest
from django.utils import translation
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.pages import accessibility as a11y
from cms.pages.models import NewsPage, SectionPage
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _english():
    """Messages are checked in their English source."""
    with translation.override("en"):
        yield


@pytest.fixture
def emblem(db):
    return Image.objects.create(title="Emblem", file=get_test_image_file())


def body(*blocks, language="kk"):
    """A real StreamField value of NewsPage.body_<language>, from raw JSON."""
    field = NewsPage._meta.get_field(f"body_{language}")
    return field.stream_block.to_python([{"type": t, "value": v} for t, v in blocks])


def image(img, alt=""):
    return ("image", {"image": img.pk, "alt": alt, "caption": ""})


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def paragraph(html):
    return ("paragraph", html)


def table(header_row=False, header_col=False, caption=""):
    return (
        "table",
        {
            "data": [["Year", "Budget"], ["2025", "100"], ["2026", "120"]],
            "first_row_is_table_header": header_row,
            "first_col_is_header": header_col,
            "table_caption": caption,
        },
    )


def codes(problems):
    return [p.code for p in problems]


# --- Images -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "name"), [("kk", "Kazakh"), ("ru", "Russian"), ("en", "English")]
)
def test_image_without_alt_is_named_with_its_language(emblem, language, name):
    problems = a11y.check_body(body(image(emblem, alt="  "), language=language), language)
    assert [(p.code, p.language, p.index, p.field) for p in problems] == [
        ("image_alt", language, 0, "alt")
    ]
    assert problems[0].message == f"Image “Emblem” has no alternative text in {name}."


def test_image_alt_that_is_a_file_name(emblem):
    problems = a11y.check_body(body(image(emblem, alt="IMG_0042.JPG")), "kk")
    assert codes(problems) == ["image_alt"]
    assert "Emblem" in problems[0].message and "file name" in problems[0].message


def test_image_with_alt_passes(emblem):
    assert a11y.check_body(body(image(emblem, alt="Мемлекеттік елтаңба")), "kk") == []


# --- Headings ----------------------------------------------------------------------


def test_heading_blocks_in_order_pass():
    value = body(heading("A"), heading("B", "h3"), heading("C", "h2"), heading("D", "h3"))
    assert a11y.check_body(value, "kk") == []


def test_rich_text_headings_in_order_pass():
    value = body(heading("A"), paragraph("<h3>B</h3><p>x</p><h4>C</h4><h2>D</h2>"))
    assert a11y.check_body(value, "ru") == []


def test_skipped_level_in_rich_text():
    value = body(paragraph("<h2>Budget</h2><p>Text</p><h4>Details</h4>"), language="ru")
    problems = a11y.check_body(value, "ru")
    assert codes(problems) == ["heading_order"]
    assert problems[0].message == (
        "The heading “Details” in Russian is level 4 but follows a level 2 heading: "
        "heading levels must not be skipped."
    )
    assert (problems[0].index, problems[0].field) == (0, None)


def test_skipped_level_across_blocks():
    """A heading block h2 followed by a rich text h4: the order spans blocks."""
    problems = a11y.check_body(body(heading("Budget"), paragraph("<h4>Details</h4>")), "kk")
    assert [(p.code, p.index) for p in problems] == [("heading_order", 1)]
    assert "Kazakh" in problems[0].message


def test_first_heading_must_be_h2():
    problems = a11y.check_body(body(heading("Start", "h3")), "kk")
    assert [(p.code, p.field) for p in problems] == [("heading_order", "level")]
    assert "The first heading “Start” in Kazakh is level 3" in problems[0].message
    problems = a11y.check_body(body(paragraph("<p>Lead</p><h3>Start</h3>")), "kk")
    assert codes(problems) == ["heading_order"]


def test_h1_in_the_body_is_refused():
    problems = a11y.check_body(body(paragraph("<h1>Title again</h1>")), "kk")
    assert codes(problems) == ["heading_order"]
    assert "level 1" in problems[0].message


def test_empty_headings_are_not_counted():
    assert a11y.check_body(body(paragraph("<h2>A</h2><h4></h4><h3>B</h3>")), "kk") == []


# --- Links -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "here",
        "Click here",
        " READ MORE… ",
        "more",
        "мұнда",
        "Осында",
        "толығырақ",
        "здесь",
        "тут",
        "Подробнее",
        "далее:",
        "<b>here</b>",
    ],
)
def test_vague_link_text(text):
    value = body(paragraph(f'<p>Budget: <a href="https://budget.gov.kz/">{text}</a>.</p>'))
    problems = a11y.check_body(value, "kk")
    assert codes(problems) == ["link_text"]
    assert "in Kazakh does not say where the link goes" in problems[0].message


@pytest.mark.parametrize("html", ['<a href="https://x.kz/"></a>', '<a href="https://x.kz/"> </a>'])
def test_empty_link_text(html):
    problems = a11y.check_body(body(paragraph(f"<p>{html}</p>"), language="ru"), "ru")
    assert [(p.code, p.language) for p in problems] == [("link_text", "ru")]
    assert problems[0].message == "A link in Russian has no text: say where it goes."


def test_descriptive_link_texts_pass():
    value = body(
        paragraph(
            '<p><a href="https://x.kz/">Бюджет 2026 жылға</a>, '
            '<a linktype="page" id="3">подробнее о бюджете</a>, '
            '<a href="mailto:info@gov.kz">info@gov.kz</a></p>'
        )
    )
    assert a11y.check_body(value, "kk") == []


def test_vague_document_link_title():
    field = NewsPage._meta.get_field("body_en")
    value = field.stream_block.to_python(
        [{"type": "document", "value": {"document": None, "title": "Read more"}}]
    )
    problems = a11y.check_body(value, "en")
    assert [(p.code, p.field) for p in problems] == [("link_text", "title")]
    assert "English" in problems[0].message


def test_is_vague_link_text_helper():
    assert a11y.is_vague_link_text("  Here. ")
    assert not a11y.is_vague_link_text("Here is the 2026 budget")


# --- Tables ------------------------------------------------------------------------


def test_table_without_header():
    problems = a11y.check_body(body(paragraph("<p>x</p>"), table(caption="Budget")), "ru")
    assert [(p.code, p.index) for p in problems] == [("table_header", 1)]
    assert problems[0].message == (
        "The table “Budget” in Russian has no header row: mark its first row "
        "(or first column) as headers."
    )
    problems = a11y.check_body(body(table()), "kk")
    assert "The table in block 1 in Kazakh has no header row" in problems[0].message


@pytest.mark.parametrize(("row", "col"), [(True, False), (False, True), (True, True)])
def test_table_with_header_passes(row, col):
    assert a11y.check_body(body(table(header_row=row, header_col=col)), "kk") == []


def test_table_header_choice_of_older_values():
    assert a11y.table_has_header({"table_header_choice": "row"})
    assert not a11y.table_has_header({"table_header_choice": "neither"})
    assert not a11y.table_has_header(None)


def test_table_renders_caption_and_scoped_headers():
    value = body(table(header_row=True, header_col=True, caption="Budget"))
    html = value.render_as_block()
    assert "<caption" in html and "Budget</caption>" in html
    assert '<th scope="col"' in html and '<th scope="row"' in html
    assert ">Year</th>" in html and ">2025</th>" in html and ">100</td>" in html


# --- Languages and whole pages -----------------------------------------------------


def test_languages_to_check():
    empty = body(language="en")
    filled = body(paragraph("<p>x</p>"), language="en")
    assert a11y.languages_to_check({"kk": body(), "ru": body(), "en": empty}) == ["kk", "ru"]
    assert a11y.languages_to_check({"kk": body(), "ru": body(), "en": filled}) == [
        "kk",
        "ru",
        "en",
    ]


def test_check_page_names_each_language(emblem):
    page = NewsPage(slug="x")
    page.body_kk = body(image(emblem), language="kk")
    page.body_ru = body(image(emblem, alt="Герб"), heading("Старт", "h3"), language="ru")
    page.body_en = body(paragraph('<p><a href="/x/">here</a></p>'), language="en")
    problems = a11y.check_page(page)
    assert [(p.language, p.code) for p in problems] == [
        ("kk", "image_alt"),
        ("ru", "heading_order"),
        ("en", "link_text"),
    ]


def test_check_page_skips_an_empty_english_body(emblem):
    page = SectionPage(slug="x")
    page.body_kk = body(image(emblem, alt="Елтаңба"))
    page.body_ru = body(image(emblem, alt="Герб"), language="ru")
    assert a11y.check_page(page) == []


def test_clean_page_passes(emblem):
    page = NewsPage(slug="x")
    page.body_kk = body(heading("Бюджет"), image(emblem, alt="Елтаңба"), table(header_row=True))
    page.body_ru = body(heading("Бюджет"), paragraph("<h3>Итоги</h3>"), language="ru")
    assert a11y.check_page(page) == []


# --- Admin: publish refused, draft saved -------------------------------------------


@pytest.fixture
def news_section(agency_a):
    return agency_a.home_page.get_children().get(slug="news").specific


@pytest.fixture
def admin_client(client, portal):
    from wagtail.users.models import UserProfile

    user = UserFactory(username="root", is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def _post(action, kk_blocks, ru_blocks=None):
    data = nested_form_data(
        {
            "title_kk": "Жаңа хабар",
            "title_ru": "Новое сообщение",
            "title_en": "",
            "slug": "new-item",
            "date": "2026-11-20",
            "body_kk": streamfield(kk_blocks),
            "body_ru": streamfield(ru_blocks or [("paragraph", rich_text("<p>Текст</p>"))]),
            "body_en": streamfield([]),
            "comment_notifications": "on",
        }
    )
    data[action] = "1"
    return data


def _image_block(img, alt):
    return ("image", {"image": img.pk, "alt": alt, "caption": ""})


def add_url(section):
    return f"/admin/pages/add/pages/newspage/{section.pk}/"


def test_publishing_an_image_without_kazakh_alt_is_refused(admin_client, news_section, emblem):
    response = admin_client.post(
        add_url(news_section), _post("action-publish", [_image_block(emblem, "")])
    )
    assert response.status_code == 200
    form = response.context["form"]
    message = "Image “Emblem” has no alternative text in Kazakh."
    assert message in form.non_field_errors()
    # Also on the block itself, for the StreamField editor.
    error = form.errors.as_data()["body_kk"][0]
    assert error.as_json_data()["blockErrors"][0] == {
        "blockErrors": {"alt": {"messages": [message]}}
    }
    html = response.content.decode()
    assert "has no alternative text in Kazakh." in html
    assert not NewsPage.objects.filter(slug="new-item").exists()


def test_saving_the_same_as_draft_works(admin_client, news_section, emblem):
    response = admin_client.post(
        add_url(news_section), _post("action-save-draft", [_image_block(emblem, "")])
    )
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="new-item")
    assert not page.live
    assert page.get_latest_revision_as_object().body_kk[0].value["alt"] == ""


def test_publishing_a_clean_page_works(admin_client, news_section, emblem):
    blocks = [
        ("heading", {"text": "Бюджет", "level": "h2"}),
        _image_block(emblem, "Мемлекеттік елтаңба"),
        ("paragraph", rich_text('<p><a href="https://budget.gov.kz/">2026 жылғы бюджет</a></p>')),
    ]
    response = admin_client.post(add_url(news_section), _post("action-publish", blocks))
    assert response.status_code == 302, response.context["form"].errors
    assert NewsPage.objects.get(slug="new-item").live


def test_publishing_names_every_problem_and_language(admin_client, news_section, emblem):
    kk = [("paragraph", rich_text('<h3>Бастау</h3><p><a href="https://x.kz/">мұнда</a></p>'))]
    ru = [("paragraph", rich_text("<p>Текст</p>")), _image_block(emblem, "")]
    response = admin_client.post(add_url(news_section), _post("action-publish", kk, ru))
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert len(errors) == 3
    assert any("“Бастау” in Kazakh is level 3" in e for e in errors)
    assert any("“мұнда” in Kazakh does not say where the link goes" in e for e in errors)
    assert "Image “Emblem” has no alternative text in Russian." in errors


def test_publishing_a_table_without_header_is_refused(admin_client, news_section):
    value = {
        "data": [["Жыл", "Бюджет"], ["2026", "120"]],
        "table_header_choice": "neither",
        "table_caption": "Бюджет",
        "cell": [],
        "mergeCells": [],
    }
    kk = [("table", json.dumps(value))]
    response = admin_client.post(add_url(news_section), _post("action-publish", kk))
    assert response.status_code == 200
    assert "The table “Бюджет” in Kazakh has no header row" in str(
        response.context["form"].non_field_errors()
    )
    value["table_header_choice"] = "row"
    kk = [("table", json.dumps(value))]
    response = admin_client.post(add_url(news_section), _post("action-publish", kk))
    assert response.status_code == 302, response.context["form"].errors


# --- The content checker of previews -----------------------------------------------


def test_content_checker_runs_the_wcag_22_tags(rf):
    from wagtail.admin.userbar import AccessibilityItem, apply_userbar_hooks

    from cms.pages.wagtail_hooks import WCAG22CheckerItem

    items = [AccessibilityItem()]
    apply_userbar_hooks(rf.get("/"), items, None)
    assert isinstance(items[0], WCAG22CheckerItem)
    options = items[0].get_axe_configuration(rf.get("/"))["options"]
    assert options["runOnly"] == ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    assert options["rules"]["heading-order"] == {"enabled": True}


def test_preview_userbar_carries_the_wcag_22_configuration(rf, news_section):
    """What {% wagtailuserbar %} renders in the editor's preview panel (the theme's base
    template must include the tag for previews to show the checker)."""
    from django.template import Context, Template

    page = news_section
    request = rf.get("/")
    request.user = UserFactory(username="root", is_superuser=True, is_staff=True)
    request.in_preview_panel = True
    html = Template("{% load wagtailuserbar %}{% wagtailuserbar %}").render(
        Context({"request": request, "page": page})
    )
    assert "wcag22aa" in html and "wcag21aa" in html
