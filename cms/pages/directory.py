"""The portal's directory of government bodies: grouped by kind under plural headings,
akimats by region, and an A–Z filter (`?letter=К`) in the page's alphabet.

Everything is computed in Python from the one list of active agencies the portal
home reads (one query, whatever their number): parents, regions and letters are
looked up in dictionaries of that list, never in the database.

Filing letter. A body is filed under the first letter of its name in the page's
language without the words that every body of its kind shares: in Russian nearly
every ministry begins «Министерство», every akimat «Акимат», so «Министерство
энергетики» is filed under Э and «Акимат города Костанай» under К; in English
«Ministry of Energy» under E. Kazakh names put the kind last («Энергетика
министрлігі»), so they are filed under their first letter.
"""

from dataclasses import dataclass

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
from cms.core.languages import DEFAULT, FALLBACK, LANGUAGE_CODES
from cms.tenants.models import Agency

ANCHOR = "bodies"
REGIONS_VISIBLE = 20
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


def more_label(category: str, count: int) -> str:
    labels = {
        Agency.Category.MINISTRY: ngettext(
            "Show %(count)s more ministry", "Show %(count)s more ministries", count
        ),
        Agency.Category.COMMITTEE: ngettext(
            "Show %(count)s more committee", "Show %(count)s more committees", count
        ),
        Agency.Category.AKIMAT: ngettext(
            "Show %(count)s more region", "Show %(count)s more regions", count
        ),
        Agency.Category.EMBASSY: ngettext(
            "Show %(count)s more embassy", "Show %(count)s more embassies", count
        ),
        Agency.Category.OTHER: ngettext(
            "Show %(count)s more body", "Show %(count)s more bodies", count
        ),
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
        if children:
            label = ngettext(
                "%(count)s district and city akimat",
                "%(count)s district and city akimats",
                len(children),
            ) % {"count": len(children)}
        items.append(_item(entry, children=[_item(c) for c in children], children_label=label))
    return items


def directory_context(bodies, language, filters, base_url: str, portal_url_path: str) -> dict:
    """Context of the directory of `bodies` (Body.active()): `directory`
    (agency_directory), `letters` (letter_index), `letter` (the chosen one or None),
    `bodies_count_label`, `letter_count_label`."""
    alphabet = ALPHABETS[language]
    entries = sorted(
        (Entry(body, language, base_url, portal_url_path) for body in bodies),
        key=lambda e: e.key,
    )
    by_pk = {entry.agency.pk: entry for entry in entries}
    available = {entry.letter for entry in entries}

    letter = None
    raw = filters.raw("letter")
    if raw:
        if raw.upper() in alphabet and len(raw) == 1:
            letter = raw.upper()
            filters.values["letter"] = letter
        else:
            filters.notices.append(
                _("“%(value)s” is not a letter of this alphabet. Showing every body.")
                % {"value": raw[:20]}
            )
            # Not a page of its own: never stored by the page cache (only 200s are).
            filters.status = 404

    def url(value):
        return (filters.url(base_url, letter=value) if value else base_url) + f"#{ANCHOR}"

    groups = []
    for category, _label in Agency.Category.choices:
        members = [entry for entry in entries if entry.agency.category == category]
        if letter is not None:
            members = [entry for entry in members if entry.letter == letter]
        if not members:
            continue

        def parent_name(entry):
            parent = by_pk.get(entry.agency.parent_id)
            return parent.name if parent is not None else ""

        if letter is None and category == Agency.Category.AKIMAT:
            items = _akimat_items(members)
        elif letter is None and category != Agency.Category.COMMITTEE:
            items = [_item(entry) for entry in members]
        else:
            items = [_item(entry, meta=parent_name(entry)) for entry in members]
        # Every region shows (Kazakhstan has 17 regions and 3 cities of republican
        # significance); the other kinds show their first VISIBLE bodies.
        visible = REGIONS_VISIBLE if category == Agency.Category.AKIMAT else VISIBLE
        if letter is not None:
            visible = len(items)
        hidden = max(0, len(items) - visible)
        groups.append(
            directory_group(
                f"{ANCHOR}-{category}",
                plural_heading(category),
                items,
                count=len(members),
                count_label=count_label(len(members)),
                more_label=more_label(category, hidden) if hidden else "",
                visible=visible,
            )
        )
    if letter is not None:
        empty = _("No body's name begins with «%(letter)s».") % {"letter": letter}
    else:
        empty = _("No agencies have been published yet.")
    return {
        "directory": agency_directory(groups, heading_level=3, empty_text=empty),
        "letters": letter_index(
            alphabet,
            available,
            letter,
            url,
            label=_("Bodies by first letter"),
            all_label=_("All"),
        ),
        "letter": letter,
        "bodies_count_label": count_label(len(entries)),
        "letter_count_label": count_label(sum(g["count"] for g in groups)),
    }
