"""Kazakh in the 2021 Latin alphabet (issue 16): the display table
(cms.core.translit.latin_text), the HTML converter and the /kk-latn/ pages
(cms.core.script), their language alternates, the page cache and search."""

import gzip
import re
import sys
import time
from datetime import date
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseRedirect

from cms.core import pagecache
from cms.core.languages import SCRIPT_VARIANTS, script_variant
from cms.core.script import convert_response, latin_html, url_rewriter
from cms.core.translit import CYRILLIC_TO_LATIN, KAZAKH_ALPHABET, latin_text, slug_from_title
from cms.pages.models import NewsPage

LATN = script_variant("kk-latn")
CYRILLIC = re.compile("[\u0400-\u04ff]")

# The 2021 table (KAZAKH.md) and the loanword letters, lower case.
LETTERS = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e",
    "ё": "io", "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l",
    "м": "m", "н": "n", "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts",
    "ч": "ch", "ш": "ş", "щ": "şş", "ъ": "", "ы": "y", "і": "ı", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}  # fmt: skip
# i (и, й) is dotted in both cases, ı (і) in neither: İ and I.
CAPITALS = {"И": "İ", "Й": "İ", "І": "I", "Ё": "İo", "Я": "İa", "Ю": "İu"}


# --- The display table -----------------------------------------------------------------
def test_the_table_covers_the_42_letters():
    assert set(LETTERS) == set(KAZAKH_ALPHABET) == set(CYRILLIC_TO_LATIN)


@pytest.mark.parametrize("letter", list(KAZAKH_ALPHABET))
def test_every_letter(letter):
    assert latin_text(letter) == LETTERS[letter]
    upper = latin_text(letter.upper())
    assert upper == CAPITALS.get(letter.upper(), LETTERS[letter].capitalize())
    assert not CYRILLIC.search(latin_text(f"{letter}{letter.upper()} сөз"))


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        # KAZAKH.md and the 2021 examples.
        ("бір данышпан кісі", "bır danyşpan kısı"),
        ("үйіне", "üiıne"),
        ("Бұрыңғы өткен заманда", "Būryñğy ötken zamanda"),
        ("Қазақстан Республикасы", "Qazaqstan Respublikasy"),
        ("Мемлекеттік қызметтер", "Memlekettık qyzmetter"),
        ("Өтініш беру тәртібі", "Ötınış beru tärtıbı"),
        ("Һижра күнтізбесі", "Hijra küntızbesı"),
        ("Ғылым және білім", "Ğylym jäne bılım"),
        # Loanwords: ц, ч, щ, ё, ю, я, э, ъ, ь.
        ("Цифрлық қызмет", "Tsifrlyq qyzmet"),
        ("ХҚКО және ЦОН", "HQKO jäne TSON"),
        ("Чемпионат", "Chempionat"),
        ("Щучинск ауданы", "Şşuchinsk audany"),
        ("Ёлка", "İolka"),
        ("Юрист кеңесі", "İurist keñesı"),
        ("Ядролық энергетика", "İadrolyq energetika"),
        ("объект, пьеса", "obekt, pesa"),
        # After и/й the i is not doubled.
        ("Конституциясы", "Konstitutsiasy"),
        ("Азия", "Azia"),
        ("Василий", "Vasili"),
        # Capitals, digits and Latin text.
        ("ҚАЗАҚСТАН", "QAZAQSTAN"),
        ("ЮНЕСКО", "İUNESKO"),
        ("2026 жылғы 15-бап, eGov.kz", "2026 jylğy 15-bap, eGov.kz"),
    ],
)
def test_real_words(cyrillic, latin):
    assert latin_text(cyrillic) == latin


def test_slugs_are_unchanged():
    """Slugs read the same table in its ASCII form: the display mode changed nothing."""
    assert slug_from_title("жаңа цифрлық қызмет") == "zhana-tsifrlyq-qyzmet"
    assert slug_from_title("Новости и объявления") == "novosti-i-obiavleniia"


# --- The HTML converter -----------------------------------------------------------------
class _Tags(HTMLParser):
    """The sequence of tags (names and attribute names) of a document."""

    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(name for name, _v in attrs)))

    def handle_endtag(self, tag):
        self.tags.append(("/" + tag, ()))


def tags(html):
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


SAMPLE = """<!DOCTYPE html>
<html lang="kk"><head><title>Жаңалықтар — Министрлік</title>
<meta name="description" content="Қызметтер туралы">
<meta property="og:url" content="http://testserver/kk/a/">
<link rel="canonical" href="http://testserver/kk/a/">
<link rel="alternate" hreflang="kk" href="http://testserver/kk/a/">
<script>var t = "Сәлем";</script><style>.x::after{content:"Қ"}</style></head>
<body><!-- түсінік -->
<a href="/kk/a/news/" title="Барлық жаңалықтар">Жаңалықтар &amp; хабарлар&nbsp;&#1179;</a>
<a href="/kk/a/" hreflang="kk" lang="kk" translate="no">Қазақша</a>
<a href="/ru/a/" lang="ru">Русский</a>
<div lang="ru"><p>Текст на русском <span title="подсказка">языке</span></p></div>
<p lang="kk">Қазақ мәтіні</p>
<img src="/media/сурет.png" alt="Ғимарат">
<form action="/kk/search/">
<input name="q" value="қызмет" placeholder="Іздеу" aria-label="Іздеу сөзі">
<textarea name="m">Өтініш</textarea><button>Іздеу</button></form>
<br/><ul><li>Бір<li>Екі</ul>
</body></html>"""


@pytest.fixture(scope="module")
def converted():
    return latin_html(SAMPLE, LATN, url_rewriter(LATN, "testserver"))


def test_converter_keeps_the_markup(converted):
    assert tags(converted) == tags(SAMPLE)
    assert converted.startswith("<!DOCTYPE html>")
    assert "<!-- түсінік -->" in converted  # comments are not text


def test_converter_converts_kazakh_text_and_attributes(converted):
    assert '<html lang="kk-Latn">' in converted
    assert "<title>Jañalyqtar — Ministrlık</title>" in converted
    assert '<meta name="description" content="Qyzmetter turaly">' in converted
    assert 'title="Barlyq jañalyqtar">Jañalyqtar &amp; habarlar&nbsp;&#1179;</a>' in converted
    assert '<p lang="kk-Latn">Qazaq mätını</p>' in converted
    assert 'alt="Ğimarat"' in converted
    assert 'placeholder="Izdeu" aria-label="Izdeu sözı"' in converted
    assert "<button>Izdeu</button>" in converted
    assert "<li>Bır<li>Ekı</ul>" in converted


def test_converter_leaves_other_languages_code_and_values(converted):
    assert '<div lang="ru"><p>Текст на русском <span title="подсказка">языке</span></p></div>' in (
        converted
    )
    assert 'lang="kk" translate="no">Қазақша</a>' in converted
    assert 'var t = "Сәлем";' in converted and 'content:"Қ"' in converted
    assert 'value="қызмет"' in converted and ">Өтініш</textarea>" in converted
    assert 'src="/media/сурет.png"' in converted


def test_converter_keeps_the_visitor_in_the_variant(converted):
    assert 'href="/kk-latn/a/news/"' in converted
    assert 'action="/kk-latn/search/"' in converted
    assert '<link rel="canonical" href="http://testserver/kk-latn/a/">' in converted
    assert 'content="http://testserver/kk-latn/a/"' in converted  # og:url
    # Language versions named on purpose keep their address.
    assert 'hreflang="kk" href="http://testserver/kk/a/"' in converted
    assert 'href="/kk/a/" hreflang="kk"' in converted
    assert 'href="/ru/a/"' in converted


def test_url_rewriter():
    rewrite = url_rewriter(LATN, "testserver")
    assert rewrite("/kk/") == "/kk-latn/"
    assert rewrite("/kk/a/?page=2#top") == "/kk-latn/a/?page=2#top"
    assert rewrite("http://testserver/kk/a/") == "http://testserver/kk-latn/a/"
    assert (
        rewrite("/a11y/?text=large&next=%2Fkk%2Fa%2F") == "/a11y/?text=large&next=%2Fkk-latn%2Fa%2F"
    )
    for other in (
        "/ru/a/",
        "/kkz/",
        "http://other.kz/kk/a/",
        "mailto:a@gov.kz",
        "#main",
        "/static/x.css",
    ):
        assert rewrite(other) == other


def test_only_plain_html_responses_are_converted(rf):
    request = rf.get("/kk/a/", HTTP_HOST="testserver")
    html = HttpResponse("<p>Сәлем</p>", content_type="text/html; charset=utf-8")
    assert convert_response(request, html, LATN).content.decode() == "<p>Sälem</p>"
    for response in (
        HttpResponse("<p>Сәлем</p>", content_type="application/xml"),
        HttpResponse(gzip.compress("<p>Сәлем</p>".encode()), content_type="text/html"),
    ):
        if response["Content-Type"] == "text/html":
            response["Content-Encoding"] = "gzip"
        before = response.content
        assert convert_response(request, response, LATN).content == before
    redirect = HttpResponseRedirect("/kk/a/news/")
    assert convert_response(request, redirect, LATN)["Location"] == "/kk-latn/a/news/"


# --- Pages ------------------------------------------------------------------------------
def add_news(agency, slug, *, kk, ru, body_kk, body_ru, day=date(2026, 3, 2)):
    parent = agency.home_page.get_children().get(slug="news").specific
    page = NewsPage(slug=slug, date=day)
    page.title_kk, page.title_ru = kk, ru
    page.body_kk = [("paragraph", f"<p>{body_kk}</p>")]
    page.body_ru = [("paragraph", f"<p>{body_ru}</p>")]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def news(agency_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return add_news(
            agency_a,
            "digital",
            kk="Цифрландыру бағдарламасы",
            ru="Программа цифровизации",
            body_kk="Экономиканы цифрландыру жалғасады: ХҚКО-да жаңа қызметтер.",
            body_ru="Цифровизация экономики продолжается.",
        )


class _Visible(HTMLParser):
    """Text people see or hear, with the language it is marked in."""

    SKIP = {"script", "style", "template"}
    VOID = {"meta", "link", "img", "br", "input", "hr", "source", "wbr", "area", "col"}

    def __init__(self):
        super().__init__()
        self.stack = []  # (tag, lang)
        self.texts = []  # (lang, text)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        lang = values.get("lang") or (self.stack[-1][1] if self.stack else "")
        if values.get("translate") == "no":
            lang = "notranslate"
        if tag in self.SKIP:
            lang = "code"
        for name in ("title", "alt", "aria-label", "placeholder"):
            if values.get(name):
                self.texts.append((lang, values[name]))
        if tag == "meta" and values.get("name") == "description":
            self.texts.append((lang, values.get("content", "")))
        if tag not in self.VOID:
            self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if data.strip():
            self.texts.append((self.stack[-1][1] if self.stack else "", data.strip()))


def cyrillic_in_latin_text(html):
    parser = _Visible()
    parser.feed(html)
    return [text for lang, text in parser.texts if lang == "kk-Latn" and CYRILLIC.search(text)]


@pytest.mark.parametrize("path", ["/", "/agency-a/", "/agency-a/news/digital/", "/agency-a/news/"])
def test_latin_pages(client, news, path):
    response = client.get(f"/kk-latn{path}")
    assert response.status_code == 200
    assert response["Content-Language"] == "kk-Latn"
    html = response.content.decode()
    assert '<html lang="kk-Latn"' in html
    assert cyrillic_in_latin_text(html) == []
    # hreflang alternates and the switcher name the four versions.
    for code, prefix in (("kk", "kk"), ("kk-Latn", "kk-latn"), ("ru", "ru"), ("en", "en")):
        assert f'hreflang="{code}" href="http://testserver/{prefix}{path}"' in html
        assert f'href="/{prefix}{path}" lang="{code}" hreflang="{code}" translate="no"' in html
    assert 'lang="kk-Latn" hreflang="kk-Latn" translate="no" aria-current="true">Qazaqşa' in html
    # Every link to a Kazakh page stays in the Latin script.
    links = re.findall(r'<a [^>]*href="(/kk/[^"]*)"[^>]*>', html)
    assert all(
        'hreflang="kk"' in tag for tag in re.findall(r'<a [^>]*href="/kk/[^"]*"[^>]*>', html)
    )
    assert links  # the Cyrillic version is offered


def test_latin_news_item_text(client, news):
    html = client.get("/kk-latn/agency-a/news/digital/").content.decode()
    assert "Tsifrlandyru bağdarlamasy" in html
    assert "Ekonomikany tsifrlandyru jalğasady: HQKO-da jaña qyzmetter." in html
    assert 'href="/kk-latn/agency-a/news/"' in html


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_other_pages_are_untouched(client, news, lang):
    html = client.get(f"/{lang}/agency-a/news/digital/").content.decode()
    assert f'<html lang="{lang}"' in html
    assert {
        "kk": "Цифрландыру бағдарламасы",
        "ru": "Программа цифровизации",
        "en": "Программа цифровизации",
    }[lang] in html
    assert "Tsifrlandyru" not in html
    # The only ways into the Latin script: the switcher and the alternate link.
    assert html.count("/kk-latn/") == 2


def test_redirects_and_errors_stay_in_the_variant(client, news):
    response = client.get("/kk-latn/agency-a/news")
    assert response.status_code == 301
    assert response["Location"] == "/kk-latn/agency-a/news/"
    missing = client.get("/kk-latn/agency-a/no-such-page/")
    assert missing.status_code == 404
    assert '<html lang="kk-Latn"' in missing.content.decode()


def test_feeds_are_not_served_in_latin(client, news):
    """Feeds are XML for machines: the kk-Latn page links the Cyrillic feed."""
    html = client.get("/kk-latn/agency-a/news/").content.decode()
    assert (
        'type="application/rss+xml" title="Jañalyqtar: A agenttıgı" href="/kk/agency-a/news/feed/"'
        in html
    )


def test_search_from_a_latin_page_searches_kazakh(client, news):
    page = client.get("/kk-latn/agency-a/").content.decode()
    assert 'action="/kk-latn/' in page
    response = client.get("/kk-latn/search/", {"q": "cifrlandyru"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="kk-Latn"' in html
    assert 'href="/kk-latn/agency-a/news/digital/"' in html
    assert "<mark>Tsifrlandyru</mark>" in html
    assert 'value="cifrlandyru"' in html  # what the visitor typed is not touched


def test_search_box_suggestions_in_latin(client, news):
    page = client.get("/kk-latn/agency-a/").content.decode()
    box = re.search(r'<input class="search-box__input"[^>]*>', page).group()
    assert 'data-suggest-url="/kk-latn/' in box
    assert CYRILLIC.search(box) is None  # data-label-* announcements converted
    latin = client.get("/kk-latn/search/suggest/", {"q": "цифрланд"}).json()
    assert latin["suggestions"][0] == {
        "title": "Tsifrlandyru bağdarlamasy",
        "url": "/kk-latn/agency-a/news/digital/",
        "agency": "A agenttıgı",
    }
    cyrillic = client.get("/kk/search/suggest/", {"q": "цифрланд"}).json()
    assert cyrillic["suggestions"][0]["title"] == "Цифрландыру бағдарламасы"
    assert cyrillic["suggestions"][0]["url"] == "/kk/agency-a/news/digital/"


# --- The page cache ---------------------------------------------------------------------
@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_PURGE = ""
    cache.clear()


def test_page_cache_keeps_the_scripts_apart_and_a_publish_retires_both(
    client, news, page_cache_on, django_capture_on_commit_callbacks
):
    urls = ["/kk/agency-a/news/", "/kk-latn/agency-a/news/"]
    first = {url: client.get(url) for url in urls}
    assert [first[url][pagecache.HEADER] for url in urls] == ["miss", "miss"]
    second = {url: client.get(url) for url in urls}
    assert [second[url][pagecache.HEADER] for url in urls] == ["hit", "hit"]
    assert "Цифрландыру бағдарламасы" in second[urls[0]].content.decode()
    assert "Tsifrlandyru bağdarlamasy" in second[urls[1]].content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        news.title_kk = "Цифрландыру бағдарламасы жаңартылды"
        news.save_revision().publish()
    third = {url: client.get(url) for url in urls}
    assert [third[url][pagecache.HEADER] for url in urls] == ["miss", "miss"]
    assert "Tsifrlandyru bağdarlamasy jañartyldy" in third[urls[1]].content.decode()


def test_cdn_purge_names_the_latin_paths():
    invalidation = pagecache.Invalidation(segments=frozenset({"agency-a", ""}))
    assert {"/kk/agency-a/", "/kk-latn/agency-a/", "/kk/", "/kk-latn/"} <= set(invalidation.paths())


def test_variants_are_configured_once():
    assert [(v.prefix, v.language, v.tag) for v in SCRIPT_VARIANTS] == [
        ("kk-latn", "kk", "kk-Latn")
    ]


# --- Cost -------------------------------------------------------------------------------
def test_conversion_cost_per_page(client, news, capsys):
    """The converter's time on a real page (figure for the README; generous bound)."""
    html = client.get("/kk/agency-a/news/digital/").content.decode()
    rewrite = url_rewriter(LATN, "testserver")
    runs = 20
    start = time.perf_counter()
    for _ in range(runs):
        latin_html(html, LATN, rewrite)
    per_page = (time.perf_counter() - start) / runs
    with capsys.disabled():
        sys.stdout.write(
            f"\nkk-Latn conversion: {len(html) / 1024:.0f} KiB page, {per_page * 1000:.1f} ms\n"
        )
    assert per_page < 0.25
