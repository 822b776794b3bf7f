"""The agency's main menu and footer columns as plain parameters for the header and
footer components, cached per agency, language and site.

Cache keys carry two versions: one per agency (its home page's tree path) and one
for the whole platform. Publishing, unpublishing, moving or deleting a page bumps
the version of its agency (`signals.py`), so does saving the agency's menu; a
change at the top of the tree (portal pages, agency home pages, sites) bumps the
platform's. A version that the cache has lost is replaced by a new one, so a lost
key can never bring an old menu back.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import translation
from wagtail.models import Page, Site

from cms.core import chrome
from cms.core.components.breadcrumbs import crumb
from cms.core.languages import LANGUAGE_CODES, fallback_lang
from cms.pages.models import PortalHomePage, SectionPage
from cms.pages.privacy import public
from cms.pages.sections import SECTION_SLUGS
from cms.tenants.models import PORTAL_PAGE_SLUGS
from cms.tenants.scoping import AGENCY_HOME_DEPTH

from .blocks import list_values, page_ids
from .models import AgencyMenu

# Dated feeds: their items are listed, newest first, on the section page itself.
FEED_SECTIONS = frozenset({"news", "events"})
# A section with more sub-pages than this gets no submenu (its page lists them all).
MAX_SUBMENU = 8
TIMEOUT = 60 * 60
GLOBAL = chrome.GLOBAL
LANGS = LANGUAGE_CODES


# --- Versions (cms.core.chrome) ----------------------------------------------------
_version_key = chrome.version_key


def bump(scope: str) -> None:
    """Forget every cached menu of `scope` (an agency home path, or GLOBAL)."""
    chrome.bump(scope)


def _versions(*scopes: str) -> list[str]:
    return chrome.versions(*scopes)


def _site_key(request) -> str:
    site = Site.find_for_request(request) if request is not None else None
    return str(site.pk) if site else "none"


# --- Building -----------------------------------------------------------------------
def _label(value: dict, prefix: str, lang: str) -> tuple[str, str]:
    """(text, its language) of a per-language label; English falls back to Russian."""
    text = (value.get(f"{prefix}_{lang}") or "").strip()
    if text or lang != "en":
        return text, lang
    return (value.get(f"{prefix}_ru") or "").strip(), "ru"


def _page_entry(page, request, lang: str) -> dict:
    """A page's menu entry; `lang` is set when its title is shown in another language
    (an English menu showing «Вакансии»: the page has no English title)."""
    return {
        "title": page.title,
        "url": page.get_url(request=request) or "",
        "path": page.path,
        "lang": fallback_lang(page, "title", lang),
    }


def _link(value: dict, pages: dict, request, lang: str) -> dict | None:
    """One link of the editor's menu, or None when its page is gone or not live."""
    label, label_lang = _label(value, "label", lang)
    if value.get("page"):
        page = pages.get(int(value["page"]))
        if page is None:
            return None
        entry = _page_entry(page, request, lang)
        if label:
            entry["title"] = label
            entry["lang"] = label_lang if label_lang != lang else ""
        return entry
    if not value.get("url") or not label:
        return None
    return {
        "title": label,
        "url": value["url"],
        "path": "",
        "external": True,
        "lang": label_lang if label_lang != lang else "",
    }


def _custom(menu, home, request, lang) -> tuple[list, list]:
    ids = page_ids(menu.main_items.raw_data) | page_ids(menu.footer_columns.raw_data)
    pages = {}
    if ids:
        pages = {
            page.pk: page
            for page in public(Page.objects.live()).filter(pk__in=ids, path__startswith=home.path)
        }
    items = []
    for block in menu.main_items.raw_data:
        value = block.get("value") or {}
        entry = _link(value, pages, request, lang)
        if entry is None:
            continue
        entry["children"] = [
            child
            for child in (
                _link(child_value, pages, request, lang)
                for child_value in list_values(value.get("children"))
            )
            if child is not None
        ]
        items.append(entry)
    columns = []
    for block in menu.footer_columns.raw_data:
        value = block.get("value") or {}
        heading, heading_lang = _label(value, "heading", lang)
        links = [
            link
            for link in (_link(v, pages, request, lang) for v in list_values(value.get("links")))
            if link is not None
        ]
        if heading and links:
            columns.append(
                {
                    "title": heading,
                    "lang": heading_lang if heading_lang != lang else "",
                    "links": links,
                }
            )
    return items, columns


def default_items(home, request, lang: str) -> list[dict]:
    """The live standard sections of the agency, each with its live sub-pages."""
    sections = [page for page in public(home.get_children().live()) if page.slug in SECTION_SLUGS]
    # Typed index pages (news, legal acts, leadership, services, vacancies...) list
    # their items themselves, with filters; only plain sections get a submenu.
    plain = ContentType.objects.get_for_model(SectionPage).pk
    with_submenu = [
        page
        for page in sections
        if page.slug not in FEED_SECTIONS and page.content_type_id == plain
    ]
    children: dict[str, list] = {page.path: [] for page in with_submenu}
    if with_submenu:
        under = Q()
        for page in with_submenu:
            under |= Q(path__startswith=page.path)
        for child in (
            public(Page.objects.live()).filter(under, depth=home.depth + 2).order_by("path")
        ):
            children[child.path[: -Page.steplen]].append(child)
    items = []
    for section in sections:
        entry = _page_entry(section, request, lang)
        below = children.get(section.path, [])
        entry["children"] = (
            [_page_entry(child, request, lang) for child in below]
            if len(below) <= MAX_SUBMENU
            else []
        )
        items.append(entry)
    return items


def agency_menu(agency, request) -> dict:
    """{"items": [...], "columns": [...]} of the agency in the active language (cached).

    Each item is {title, url, path, children, external?, lang?}; `path` (the page's
    tree path, "" for external links) lets the caller mark the current page.
    """
    home = agency.home_page
    lang = translation.get_language() or "kk"

    def build():
        menu = AgencyMenu.objects.filter(agency=agency).first()
        items, columns = ([], []) if menu is None else _custom(menu, home, request, lang)
        if not items:
            items = default_items(home, request, lang)
        return {"items": items, "columns": columns}

    return chrome.cached(
        ("menu", agency.pk, lang, _site_key(request)), (GLOBAL, home.path), build, TIMEOUT
    )


def portal(request) -> dict:
    """{"url": the live portal home's URL ("/" without one), "links": the portal
    pages every site links to from its footer} (cached)."""
    lang = translation.get_language() or "kk"

    def build():
        home = PortalHomePage.objects.first()
        pages = {}
        if home is not None:
            pages = {page.slug: page for page in public(home.get_children().live())}
        return {
            "url": (home.get_url(request=request) or "/") if home and home.live else "/",
            "links": [
                {
                    "title": pages[slug].title,
                    "url": pages[slug].get_url(request=request) or "",
                    "lang": fallback_lang(pages[slug], "title", lang),
                }
                for slug in PORTAL_PAGE_SLUGS
                if slug in pages
            ],
        }

    return chrome.cached(("portal", lang, _site_key(request)), (GLOBAL,), build, TIMEOUT)


def portal_links(request) -> list[dict]:
    """The portal pages every site links to from its footer (cached)."""
    return portal(request)["links"]


def breadcrumbs(page, request) -> list[dict]:
    """Ancestors of `page` from the root of the site being served, each {title, url}
    (cached per parent, language and site: every page of a section shares them).

    On the portal's host that is the portal home (portal › agency › section...); on an
    agency's own host name it is the agency's home page. [] on the site's root page.
    """
    if page is None or page.depth <= 2:
        return []
    site = Site.find_for_request(request) if request is not None else None
    root_path = site.root_page.path if site is not None else ""
    if not root_path or not page.path.startswith(root_path):
        # A page outside the site being served: fall back to the portal's tree.
        root_path = page.path[: 2 * page.steplen]
    if page.path == root_path:
        return []
    parent_path = page.path[: -page.steplen]
    lang = translation.get_language() or "kk"
    scopes = [GLOBAL]
    if page.depth > AGENCY_HOME_DEPTH:
        scopes.append(page.path[: AGENCY_HOME_DEPTH * page.steplen])

    def build():
        return [
            crumb(
                ancestor.title,
                ancestor.get_url(request=request) or "",
                lang=fallback_lang(ancestor, "title", lang),
            )
            for ancestor in page.get_ancestors().filter(depth__gte=len(root_path) // page.steplen)
        ]

    return chrome.cached(
        ("crumbs", parent_path, root_path, lang, _site_key(request)), scopes, build, TIMEOUT
    )


def mark_current(items: list[dict], current_path: str) -> list[dict]:
    """Copies of the items with `current`: "page" on the page itself, "true" above it."""
    marked = []
    for index, item in enumerate(items, start=1):
        entry = dict(item)
        path = item.get("path") or ""
        if path and current_path == path:
            entry["current"] = "page"
        elif path and current_path.startswith(path):
            entry["current"] = "true"
        else:
            entry["current"] = ""
        if "children" in item:
            entry["children"] = mark_current(item["children"], current_path)
            entry["submenu_id"] = f"main-nav-sub-{index}"
            if not entry["current"] and any(c["current"] for c in entry["children"]):
                entry["current"] = "true"
        marked.append(entry)
    return marked
