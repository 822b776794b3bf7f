"""Click depth: every live page reachable from the agency's home page in at most 3
clicks, through the menu and the pages' own links.

A model of the site's navigation, computed from the database (no page is rendered):

- the main menu and the footer columns are on every page: their pages are 1 click
  away (the agency's own menu, or the default one: the standard sections and the
  sub-pages of plain sections with few children, as cms.navigation.menus builds it);
- the home page links its sections and its latest news (1 click);
- every page links its live children: its listing shows them. In a paginated listing
  (news: 10 a page, legal acts: 20) an item beyond the first page costs one more
  click (the pagination link);
- every page links the pages its content links (Wagtail's reference index of rich
  text, page choosers and related links).

Pages deeper than 3 clicks, and pages not reachable at all (orphans), are listed.
"""

import heapq

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from cms.navigation.blocks import page_ids
from cms.navigation.menus import FEED_SECTIONS, MAX_SUBMENU
from cms.navigation.models import AgencyMenu
from cms.pages.models import LegalActIndexPage, NewsIndexPage, SectionPage
from cms.pages.models.acts import ACTS_PER_PAGE
from cms.pages.models.home import HOME_NEWS
from cms.pages.models.news import NEWS_PER_PAGE
from cms.pages.sections import SECTION_SLUGS

from .result import DEPTH, CheckResult, item, percent
from .site import AgencySite

MAX_CLICKS = 3


def _menu_pages(site: AgencySite) -> set[int]:
    menu = AgencyMenu.objects.filter(agency=site.agency).first()
    if menu is not None:
        ids = page_ids(menu.main_items.raw_data) | page_ids(menu.footer_columns.raw_data)
        ids = {int(pk) for pk in ids if int(pk) in site.by_id}
        main_ids = page_ids(menu.main_items.raw_data)
        if main_ids and any(int(pk) in site.by_id for pk in main_ids):
            return ids
    else:
        ids = set()
    # The default menu (cms.navigation.menus.default_items).
    plain = ContentType.objects.get_for_model(SectionPage).pk
    for section in site.sections:
        if section.slug not in SECTION_SLUGS:
            continue
        ids.add(section.pk)
        if section.slug in FEED_SECTIONS or section.content_type_id != plain:
            continue
        children = [p for p in site.pages if p.depth == section.depth + 1
                    and p.path.startswith(section.path)]
        if len(children) <= MAX_SUBMENU:
            ids.update(child.pk for child in children)
    return ids


def _per_page(site: AgencySite) -> dict[int, int]:
    """{content type id: items per listing page} of the paginated section types."""
    return {
        ContentType.objects.get_for_model(NewsIndexPage).pk: NEWS_PER_PAGE,
        ContentType.objects.get_for_model(LegalActIndexPage).pk: ACTS_PER_PAGE,
    }


def click_depths(site: AgencySite) -> dict[int, int]:
    """{live page id: fewest clicks from the home page} of the reachable pages."""
    home = site.home
    edges: dict[int, list[tuple[int, int]]] = {page.pk: [] for page in site.pages}
    per_page = _per_page(site)
    by_parent: dict[int, list] = {}
    path_to_id = {page.path: page.pk for page in site.pages}
    for page in site.pages:
        parent_id = path_to_id.get(page.path[: -Page.steplen])
        if parent_id is not None:
            by_parent.setdefault(parent_id, []).append(page)
    for parent_id, kids in by_parent.items():
        parent = site.by_id[parent_id]
        size = per_page.get(parent.content_type_id)
        if size:
            kids = sorted(kids, key=lambda p: p.first_published_at or p.last_published_at,
                          reverse=True)
        for position, child in enumerate(kids):
            cost = 2 if size and position >= size else 1
            edges[parent_id].append((child.pk, cost))
    for source, targets in site.page_links.items():
        for target in targets:
            if target in site.by_id and source in edges:
                edges[source].append((target, 1))
    start = {home.pk: 0}
    for pk in _menu_pages(site):
        start[pk] = min(start.get(pk, 1), 1)
    # The home page's own listing: its latest news.
    for section in site.sections:
        if section.slug == "news":
            items = sorted(
                site.descendants(section),
                key=lambda p: p.first_published_at or p.last_published_at,
                reverse=True,
            )[:HOME_NEWS]
            for news_item in items:
                start[news_item.pk] = min(start.get(news_item.pk, 1), 1)
    # Dijkstra over costs of 1 and 2 clicks.
    best = dict(start)
    queue = [(clicks, pk) for pk, clicks in start.items()]
    heapq.heapify(queue)
    while queue:
        clicks, pk = heapq.heappop(queue)
        if clicks > best.get(pk, clicks):
            continue
        for target, cost in edges.get(pk, ()):
            if clicks + cost < best.get(target, clicks + cost + 1):
                best[target] = clicks + cost
                heapq.heappush(queue, (clicks + cost, target))
    return best


def check_depth(site: AgencySite) -> CheckResult:
    depths = click_depths(site)
    items, good = [], 0
    for page in site.pages:
        clicks = depths.get(page.pk)
        if clicks is None:
            items.append(item(DEPTH, "orphan", page=page.pk))
        elif clicks > MAX_CLICKS:
            items.append(item(DEPTH, "deep", page=page.pk, clicks=clicks))
        else:
            good += 1
    return CheckResult(score=percent(good, len(site.pages)), items=items)
