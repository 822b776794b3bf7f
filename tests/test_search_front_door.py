"""The front door: a search box on the portal's home page (searching every agency)
and on each agency's home page (searching that agency, with a link to widen)."""

import re


def form_of(html: str) -> str:
    match = re.search(r'<form class="search-box".*?</form>', html, re.S)
    assert match, "no search box on the page"
    return match.group(0)


def test_the_portal_home_searches_every_agency(client, agency_a):
    html = client.get("/kk/").content.decode()
    form = form_of(html)
    assert 'action="/kk/search/"' in form
    assert 'data-suggest-url="/kk/search/suggest/"' in form
    assert 'id="home-search-q"' in form


def test_an_agency_home_searches_within_the_agency_with_a_link_to_widen(client, agency_a):
    response = client.get("/ru/agency-a/")
    assert response.status_code == 200
    html = response.content.decode()
    form = form_of(html)
    assert 'action="/ru/agency-a/search/"' in form
    assert 'data-suggest-url="/ru/search/suggest/?agency=agency-a"' in form
    assert re.search(r'class="search-widen"><a href="/ru/search/"', html)
    # The agency's search finds only its own pages (the scope is the URL's).
    assert client.get("/ru/agency-a/search/", {"q": "новости"}).status_code == 200


def test_the_search_page_says_how_to_search_an_exact_phrase(client, agency_a):
    from django.utils import translation
    from django.utils.html import escape

    msgid = 'To find an exact phrase, put it in double quotes, for example: "digital signature".'
    html = client.get("/en/search/").content.decode()
    assert 'class="search-help"' in html
    assert "put it in double quotes" in html
    for lang in ("kk", "ru"):
        with translation.override(lang):
            help_text = translation.gettext(msgid)
        assert help_text != msgid and '"' in help_text  # translated, with the quotes
        html = client.get(f"/{lang}/search/").content.decode()
        assert 'class="search-help"' in html
        assert escape(help_text) in html or help_text in html
