"""Publish-time accessibility checks of the new body blocks: calls to action, accordion
panels, videos and related links."""

import pytest
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.pages import accessibility as a11y
from cms.pages.models import NewsPage, StandardPage
from tests.test_content_pages import section


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def body(*blocks, model=StandardPage, field="body_kk"):
    stream_block = model._meta.get_field(field).stream_block
    return stream_block.to_python([{"type": t, "value": v} for t, v in blocks])


def cta(link_text, url="https://eotinish.kz/"):
    return (
        "call_to_action",
        {"text": "Have a question?", "link_page": None, "link_url": url, "link_text": link_text},
    )


def accordion(*bodies):
    return ("accordion", [{"title": f"Item {n}", "body": b} for n, b in enumerate(bodies)])


def video(title):
    return ("video", {"url": "https://vimeo.com/123456", "title": title, "transcript": ""})


def problems(*blocks, language="kk"):
    return [(p.code, p.index, p.field) for p in a11y.check_body(body(*blocks), language)]


@pytest.mark.parametrize("text", ["", "  ", "Click here", "толығырақ", "Подробнее…"])
def test_call_to_action_needs_a_meaningful_link_text(text):
    assert problems(cta(text)) == [("link_text", 0, "link_text")]


def test_call_to_action_with_a_good_link_text_passes():
    assert problems(cta("Send an appeal")) == []


def test_call_to_action_without_a_link_is_refused():
    result = a11y.check_body(body(cta("Send an appeal", url="")), "ru")
    assert [(p.code, p.field) for p in result] == [("link_text", "link_url")]
    assert "has no link" in result[0].message and "Russian" in result[0].message


def test_heading_skip_inside_an_accordion_is_found():
    blocks = [
        ("heading", {"text": "Questions", "level": "h2"}),
        accordion("<p>Fine</p>", "<h4>Deadlines</h4><p>15 days</p>"),
    ]
    result = a11y.check_body(body(*blocks), "kk")
    assert [(p.code, p.index) for p in result] == [("heading_order", 1)]
    assert "“Deadlines”" in result[0].message and "level 4" in result[0].message


def test_accordion_headings_that_follow_the_outline_pass():
    blocks = [("heading", {"text": "Questions", "level": "h2"}), accordion("<h3>Deadlines</h3>")]
    assert problems(*blocks) == []


def test_vague_link_inside_an_accordion_is_found():
    result = problems(accordion('<p><a href="https://x.kz/">here</a></p>'))
    assert result == [("link_text", 0, None)]


def test_video_needs_a_title():
    result = a11y.check_body(body(video("  ")), "en")
    assert [(p.code, p.index, p.field) for p in result] == [("video_title", 0, "title")]
    assert "has no title" in result[0].message
    assert problems(video("How to apply online")) == []


def test_related_link_with_vague_text_is_found():
    links = NewsPage._meta.get_field("related_links_kk").stream_block.to_python(
        [
            {"type": "link", "value": {"page": None, "url": "https://x.kz/", "text": "мұнда"}},
            {"type": "link", "value": {"page": None, "url": "https://x.kz/", "text": ""}},
        ]
    )
    result = a11y.check_body(links, "kk")
    assert [(p.code, p.index, p.field) for p in result] == [("link_text", 0, "text")]


def test_publishing_is_refused_with_the_problem_on_its_block(admin_client, agency_a):
    about = section(agency_a, "about")
    blocks = [
        ("heading", {"text": "Тақырып", "level": "h2"}),
        ("video", {"url": "https://vimeo.com/1", "title": "", "transcript": ""}),
        (
            "call_to_action",
            {
                "text": "Сұрақ бар ма?",
                "link_page": "",
                "link_url": "https://x.kz/",
                "link_text": "мұнда",
            },
        ),
    ]
    ok = [("paragraph", rich_text("<p>Мәтін</p>"))]
    data = nested_form_data(
        {
            "title_kk": "Бет",
            "title_ru": "Страница",
            "title_en": "",
            "slug": "checked",
            "intro_kk": "",
            "intro_ru": "",
            "intro_en": "",
            "body_kk": streamfield(blocks),
            "body_ru": streamfield(ok),
            "body_en": streamfield([]),
            "comment_notifications": "on",
            "action-publish": "1",
        }
    )
    response = admin_client.post(f"/admin/pages/add/pages/standardpage/{about.pk}/", data)
    assert response.status_code == 200
    form = response.context["form"]
    # The admin speaks the user's language: check where the problems are, not the words.
    assert len(form.non_field_errors()) == 2
    block_errors = form.errors.as_data()["body_kk"][0].as_json_data()["blockErrors"]
    assert {int(k): sorted(v["blockErrors"]) for k, v in block_errors.items()} == {
        1: ["title"],
        2: ["link_text"],
    }
    assert not StandardPage.objects.filter(slug="checked").exists()
