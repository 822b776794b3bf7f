"""The one pagination builder (cms/core/components/pagination.py) and the pagination component."""

import re

from django.template.loader import render_to_string
from django.utils import translation

from cms.core.components.pagination import pagination


def _render(params, lang="kk"):
    with translation.override(lang):
        return render_to_string("components/pagination/pagination.html", params)


def test_page_7_of_12_links_every_page_with_an_href_and_text():
    params = pagination(7, 12, lambda n: f"?page={n}", "Беттер")
    numbers = [item.get("number") for item in params["pages"]]
    assert numbers == [1, None, 5, 6, 7, 8, 9, None, 12]
    html = _render(params)
    assert '<nav class="pagination" aria-label="Беттер">' in html
    anchors = re.findall(r"<a ([^>]*)>(.*?)</a>", html, re.S)
    assert len(anchors) == 9  # previous, 7 numbers, next
    for attributes, text in anchors:
        assert re.search(r'href="\?page=\d+"', attributes), attributes
        assert re.sub(r"<[^>]+>", "", text).strip(), attributes
    assert html.count('aria-hidden="true">…</li>') == 2
    assert 'href="?page=7" aria-current="page"' in html


def test_first_and_last_pages_have_no_dead_neighbour_links():
    first = pagination(1, 3, lambda n: f"?page={n}", "Pages")
    last = pagination(3, 3, lambda n: f"?page={n}", "Pages")
    assert first["previous_url"] == "" and first["next_url"] == "?page=2"
    assert last["next_url"] == "" and last["previous_url"] == "?page=2"
    assert 'rel="prev"' not in _render(first, "en") and 'rel="next"' not in _render(last, "en")


def test_a_single_page_has_no_pagination_and_a_missing_page_links_them_all():
    assert pagination(1, 1, str, "Pages") == {}
    missing = pagination(None, 2, lambda n: f"?page={n}", "Pages")
    assert [p["current"] for p in missing["pages"]] == [False, False]
    assert missing["previous_url"] == missing["next_url"] == ""


def test_a_page_past_the_end_links_every_page_and_raises_nothing():
    past = pagination(7, 2, lambda n: f"?page={n}", "Pages")
    assert [p["number"] for p in past["pages"]] == [1, 2]
    assert not any(p["current"] for p in past["pages"])
    assert past["previous_url"] == past["next_url"] == ""
