"""The portal's directory of government bodies: grouped by kind under plural headings,
akimats by region, and an A–Z filter (`?letter=К`) in the page's alphabet.

Without a filter each kind shows its first bodies and links to its complete list
(`?category=committee`); a letter or a kind lists its bodies PER_PAGE to a page
(`&page=2`). So the front page's size, like its queries, does not grow with the
number of bodies (issue 14: it listed every one of them, and 1,000 cost a quarter of a
second to render).

Everything is computed in Python from the one list of active agencies the portal
home reads (one query, whatever their number): parents, regions and letters are
looked up in dictionaries of that list, never in the database. The portal caches
each page of the directory (cms.pages.models.portal).

Filing letter. A body is filed under the first letter of its name in the page's
language without the words that every body of its kind shares: in Russian nearly
every ministry begins «Министерство», every akimat «Акимат», so «Министерство
энергетики» is filed under Э and «Акимат города Костанай» under К; in English
«Ministry of Energy» under E. Kazakh names put the kind last («Энергетика
министрлігі»), so they are filed under their first letter.
"""

import math
from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.core.alphabets import ALPHABETS, sort_key
from cms.core.components.agency_directory import (
    VISIBLE,
    agency_directory,
    directory_group,
    directory_item,
)
from cms.core.components.letter_index import letter_index
from cms.core.components.pagination import pagination as paginate
from cms.core.languages import DEFAULT, FALLBACK, LANGUAGE_CODES
from cms.tenants.models import Agency

ANCHOR = "bodies"
REGIONS_VISIBLE = 20
# A region's district and city akimats shown under it (the rest: the akimats' list).
CHILDREN_VISIBLE = 40
# Bodies on a page of a letter or a kind.
PER_PAGE = 100
# Words skipped before the filing letter (see the module doc), lower case. Names in a
# language missing here are filed under their first letter.
FILING_SKIP = {
    "kk": {"қазақстан", "республикасының"},
    "ru": {
        "министерство",
        "комитет",
        "акимат",
        "посольство",
        "агентство",
        "управление",
        "департамент",
        "по",
        "при",
        "в",
        "во",
        "города",
        "области",
        "района",
        "г.",
        "республики",
        "казахстан",
    },
    "en": {
        "ministry",
        "committee",
        "akimat",
        "embassy",
        "agency",
        "office",
        "department",
        "of",
        "for",
        "on",
        "in",
        "and",
        "the",
        "city",
        "republic",
        "kazakhstan",
    },
}
QUOTES = "«»\"'„“”()"


def plural_heading(category: str) -> str:
    """The heading of a kind of body: plural, in the page's language."""
    return {
        Agency.Category.MINISTRY: _("Ministries"),
        Agency.Category.COMMITTEE: _("Committees"),
        Agency.Category.AKIMAT: _("Akimats"),
        Agency.Category.EMBASSY: _("Embassies"),
        Agency.Category.OTHER: _("Other bodies"),
    }[category]


def all_label(category: str, count: int) -> str:
    """The link from a kind's first bodies to the list of all of them."""
    labels = {
        Agency.Category.MINISTRY: ngettext(
            "All %(count)s ministry", "All %(count)s ministries", count
        ),
        Agency.Category.COMMITTEE: ngettext(
            "All %(count)s committee", "All %(count)s committees", count
        ),
        Agency.Category.AKIMAT: ngettext("All %(count)s akimat", "All %(count)s akimats", count),
        Agency.Category.EMBASSY: ngettext(
            "All %(count)s embassy", "All %(count)s embassies", count
        ),
        Agency.Category.OTHER: ngettext("All %(count)s body", "All %(count)s bodies", count),
    }
    return labels[category] % {"count": count}


def count_label(count: int) -> str:
    return ngettext("%(count)s body", "%(count)s bodies", count) % {"count": count}


def filing_letter(name: str, language: str) -> str:
    """The letter a body's name is filed under in `language` (see the module doc)."""
    skip = FILING_SKIP.get(language, set())
    words = [word.strip(QUOTES) for word in name.split()]
    words = [word for word in words if word]
    start = 0
    while start < len(words) - 1 and words[start].lower() in skip:
        start += 1
    for char in " ".join(words[start:]):
        if char.isalpha():
            return char.upper()
    return ""


@dataclass(frozen=True, slots=True)
class Body:
    """What the directory needs of an active agency: read as plain values, one query
    for all of them (instantiating 250 agencies with their home pages, each a Wagtail
    page model with its translated columns, cost most of the render)."""

    pk: int
    slug: str
    category: str
    parent_id: int | None
    names: dict
    home_path: str
    home_url_path: str

    @classmethod
    def active(cls) -> list["Body"]:
        names = [f"name_{lang}" for lang in LANGUAGE_CODES]
        rows = (
            Agency.objects.filter(status=Agency.Status.ACTIVE, home_page__live=True)
            .order_by("pk")
            .values(
                "pk",
                "slug",
                "category",
                "parent_id",
                "home_page__path",
                "home_page__url_path",
                *names,
            )
        )
        return [
            cls(
                pk=row["pk"],
                slug=row["slug"],
                category=row["category"],
                parent_id=row["parent_id"],
                names={lang: row[f"name_{lang}"] or "" for lang in LANGUAGE_CODES},
                home_path=row["home_page__path"],
                home_url_path=row["home_page__url_path"],
            )
            for row in rows
        ]

    def name(self, language: str) -> tuple[str, str]:
        """(name shown on a page in `language`, its language when it is another)."""
        if self.names.get(language):
            return self.names[language], ""
        fallback = FALLBACK.get(language, DEFAULT)
        return self.names.get(fallback) or self.slug, fallback


class Entry:
    """A body as the directory shows it in one language."""

    __slots__ = ("agency", "name", "lang", "letter", "key", "url")

    def __init__(self, body: Body, language: str, portal_url: str, portal_url_path: str):
        self.agency = body
        self.name, self.lang = body.name(language)
        self.letter = filing_letter(self.name, self.lang or language)
        self.key = sort_key(self.name, language)
        # The home page's address under the portal's (slugs are the same in every
        # language): what Page.get_url answers on the portal's host, without a page.
        self.url = portal_url + body.home_url_path[len(portal_url_path) :]


def _item(entry: Entry, meta: str = "", **extra) -> dict:
    return directory_item(entry.name, entry.url, meta=meta, lang=entry.lang, **extra)


def _region_of(entry: Entry, akimats: dict) -> Entry:
    """The top akimat above an akimat (its region), following parents among the
    active akimats; an akimat without one is a region of its own."""
    seen = {entry.agency.pk}
    while entry.agency.parent_id in akimats and entry.agency.parent_id not in seen:
        entry = akimats[entry.agency.parent_id]
        seen.add(entry.agency.pk)
    return entry


def _akimat_items(members: list[Entry]) -> list[dict]:
    akimats = {entry.agency.pk: entry for entry in members}
    regions: dict[int, list[Entry]] = {}
    for entry in members:
        region = _region_of(entry, akimats)
        if region is not entry:
            regions.setdefault(region.agency.pk, []).append(entry)
    items = []
    for entry in members:
        if _region_of(entry, akimats) is not entry:
            continue
        children = sorted(regions.get(entry.agency.pk, []), key=lambda e: e.key)
        label = ""
        # The label counts them all; the fold lists the first (the rest: the list of
        # akimats, linked under the group).
        if children:
            label = ngettext(
                "%(count)s district and city akimat",
                "%(count)s district and city akimats",
                len(children),
            ) % {"count": len(children)}
        shown = [_item(c) for c in children[:CHILDREN_VISIBLE]]
        items.append(_item(entry, children=shown, children_label=label))
    return items


@dataclass(frozen=True)
class Query:
    """The directory's validated filters: a filing letter, a kind of body, a page."""

    letter: str | None = None
    category: str | None = None
    page: int = 1

    @property
    def filtered(self) -> bool:
        return self.letter is not None or self.category is not None

    def params(self, **changes) -> dict:
        values = {"letter": self.letter, "category": self.category, "page": self.page}
        values.update(changes)
        return {
            name: value
            for name, value in values.items()
            if value not in (None, "") and not (name == "page" and value == 1)
        }


def parse(filters, language: str) -> Query:
    """The Query of the request's `letter`, `category` and `page` parameters; a value
    that is not one says so in a notice (and makes the answer a 404: never stored by
    the page cache) and is ignored."""
    alphabet = ALPHABETS[language]
    letter = None
    raw = filters.raw("letter")
    if raw:
        if raw.upper() in alphabet and len(raw) == 1:
            letter = raw.upper()
        else:
            filters.notices.append(
                _("“%(value)s” is not a letter of this alphabet. Showing every body.")
                % {"value": raw[:20]}
            )
            filters.status = 404
    category = None
    raw = filters.raw("category")
    if raw:
        if raw in Agency.Category.values:
            category = raw
        else:
            filters.notices.append(
                _("“%(value)s” is not a kind of body. Showing every kind.") % {"value": raw[:20]}
            )
            filters.status = 404
    page = filters.page_number() if letter or category else 1
    return Query(letter=letter, category=category, page=page)


def _url(base_url: str, params: dict, anchor: bool = True) -> str:
    query = f"?{urlencode(sorted(params.items()))}" if params else ""
    return f"{base_url}{query}" + (f"#{ANCHOR}" if anchor else "")


def directory_context(bodies, language, query: Query, base_url: str, portal_url_path: str) -> dict:
    """Context of the directory of `bodies` (Body.active()) for `query`:
    `directory` (agency_directory), `letters` (letter_index), `letter` and `category`
    (the chosen ones or None), `category_heading`, `pagination`, `bodies_count_label`,
    `filter_count_label`, `all_url`, and `notices` and `status` (a page past the end:
    a notice and 404).

    Its size does not grow with the number of bodies: without a filter each kind shows
    its first bodies (every region up to REGIONS_VISIBLE) and a link to all of them;
    a letter or a kind lists its bodies PER_PAGE to a page. The caller caches it
    (it costs one pass over every body)."""
    alphabet = ALPHABETS[language]
    entries = sorted(
        (Entry(body, language, base_url, portal_url_path) for body in bodies),
        key=lambda e: e.key,
    )
    by_pk = {entry.agency.pk: entry for entry in entries}
    in_category = [e for e in entries if query.category in (None, e.agency.category)]
    available = {entry.letter for entry in in_category}
    notices: list[str] = []
    status = 200

    def parent_name(entry):
        parent = by_pk.get(entry.agency.parent_id)
        return parent.name if parent is not None else ""

    def letter_url(value):
        return _url(base_url, query.params(letter=value, page=1))

    order = {category: n for n, (category, _label) in enumerate(Agency.Category.choices)}
    pagination = {}
    groups = []
    if not query.filtered:
        for category, _label in Agency.Category.choices:
            members = [entry for entry in entries if entry.agency.category == category]
            if not members:
                continue
            if category == Agency.Category.AKIMAT:
                items = _akimat_items(members)[:REGIONS_VISIBLE]
            elif category == Agency.Category.COMMITTEE:
                items = [_item(entry, meta=parent_name(entry)) for entry in members[:VISIBLE]]
            else:
                items = [_item(entry) for entry in members[:VISIBLE]]
            shown = len(items) + sum(len(item["children"]) for item in items)
            groups.append(
                directory_group(
                    f"{ANCHOR}-{category}",
                    plural_heading(category),
                    items,
                    count=len(members),
                    count_label=count_label(len(members)),
                    visible=len(items),
                    all_url=_url(base_url, {"category": category}) if shown < len(members) else "",
                    all_label=all_label(category, len(members)),
                )
            )
    else:
        members = [e for e in in_category if query.letter in (None, e.letter)]
        members.sort(key=lambda e: order[e.agency.category])  # stable: by name in a kind
        counts: dict[str, int] = {}
        for entry in members:
            counts[entry.agency.category] = counts.get(entry.agency.category, 0) + 1
        pages = max(1, math.ceil(len(members) / PER_PAGE))
        current = query.page
        if current > pages:
            notices.append(
                _("There is no page %(number)s: the list has %(pages)s page(s).")
                % {"number": current, "pages": pages}
            )
            status, current = 404, None
        start = ((current or 1) - 1) * PER_PAGE
        shown = members[start : start + PER_PAGE] if current else []
        pagination = paginate(
            current,
            pages,
            lambda number: _url(base_url, query.params(page=number)),
            _("Pages of the list of bodies"),
        )
        for category, _label in Agency.Category.choices:
            items = [
                _item(entry, meta=parent_name(entry))
                for entry in shown
                if entry.agency.category == category
            ]
            if not items:
                continue
            groups.append(
                directory_group(
                    f"{ANCHOR}-{category}",
                    plural_heading(category),
                    items,
                    count=counts[category],
                    count_label=count_label(counts[category]),
                    visible=len(items),
                )
            )
    if query.letter is not None:
        empty = _("No body's name begins with «%(letter)s».") % {"letter": query.letter}
    else:
        empty = _("No agencies have been published yet.")
    return {
        "directory": agency_directory(groups, heading_level=3, empty_text=empty),
        "letters": letter_index(
            alphabet,
            available,
            query.letter,
            letter_url,
            label=_("Bodies by first letter"),
            all_label=_("All"),
        ),
        "letter": query.letter,
        "category": query.category,
        "category_heading": plural_heading(query.category) if query.category else "",
        "pagination": pagination,
        "bodies_count_label": count_label(len(entries)),
        "filter_count_label": count_label(
            sum(1 for e in in_category if query.letter in (None, e.letter))
        ),
        "all_url": _url(base_url, {}),
        "notices": notices,
        "status": status,
    }
