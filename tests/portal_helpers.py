"""Many agencies, cheaply, the way the portal's front page sees them.

`bulk_agencies(250)` makes active agencies of every kind (ministries, committees under
them, regional akimats, district akimats under the regions, embassies, other bodies)
with a live home page each, in about two seconds: the Agency rows in two bulk inserts
(parents, then the bodies under them) and one `add_child` per home page. No
provisioning (sections, groups, workflow, collection): the front page reads none of
that, and provisioning 250 agencies would take minutes.
"""

from django.utils import translation

from cms.core.languages import LANGUAGE_CODES
from cms.pages.models import AgencyHomePage, PortalHomePage
from cms.tenants.models import Agency

# (kk, ru genitive, en) of the subjects of generated ministries and committees.
SUBJECTS = [
    ("Ауыл шаруашылығы", "сельского хозяйства", "Agriculture"),
    ("Білім", "образования", "Education"),
    ("Денсаулық", "здравоохранения", "Health"),
    ("Энергетика", "энергетики", "Energy"),
    ("Қаржы", "финансов", "Finance"),
    ("Көлік", "транспорта", "Transport"),
    ("Мәдениет", "культуры", "Culture"),
    ("Өнеркәсіп", "промышленности", "Industry"),
    ("Туризм", "туризма", "Tourism"),
    ("Экология", "экологии", "Ecology"),
    ("Ғылым", "науки", "Science"),
    ("Юстиция", "юстиции", "Justice"),
    ("Ішкі істер", "внутренних дел", "Internal Affairs"),
    ("Қорғаныс", "обороны", "Defence"),
    ("Сауда", "торговли", "Trade"),
    ("Цифрлық даму", "цифрового развития", "Digital Development"),
    ("Су ресурстары", "водных ресурсов", "Water Resources"),
    ("Ұлттық экономика", "национальной экономики", "National Economy"),
    ("Еңбек", "труда", "Labour"),
    ("Халықаралық істер", "иностранных дел", "Foreign Affairs"),
]
# (kk, ru adjective stem, en) of generated regions and districts.
PLACES = [
    ("Абай", "Абайск", "Abai"),
    ("Ақмола", "Акмолинск", "Akmola"),
    ("Ақтөбе", "Актюбинск", "Aktobe"),
    ("Алматы", "Алматинск", "Almaty"),
    ("Атырау", "Атырауск", "Atyrau"),
    ("Батыс", "Западно-Казахстанск", "West Kazakhstan"),
    ("Жамбыл", "Жамбылск", "Zhambyl"),
    ("Жетісу", "Жетысуск", "Zhetysu"),
    ("Қарағанды", "Карагандинск", "Karaganda"),
    ("Қостанай", "Костанайск", "Kostanay"),
    ("Қызылорда", "Кызылординск", "Kyzylorda"),
    ("Маңғыстау", "Мангистауск", "Mangystau"),
    ("Павлодар", "Павлодарск", "Pavlodar"),
    ("Солтүстік", "Северо-Казахстанск", "North Kazakhstan"),
    ("Түркістан", "Туркестанск", "Turkistan"),
    ("Ұлытау", "Улытауск", "Ulytau"),
    ("Шығыс", "Восточно-Казахстанск", "East Kazakhstan"),
]
COUNTRIES = [
    ("Германиядағы", "в Германии", "Germany"),
    ("Қытайдағы", "в Китае", "China"),
    ("Түркиядағы", "в Турции", "Turkey"),
    ("Жапониядағы", "в Японии", "Japan"),
    ("Франциядағы", "во Франции", "France"),
]
# Of 250: 20 ministries, 60 committees, 17 regions, 136 districts, 15 embassies, 2 other.
SHARES = {"ministry": 0.08, "committee": 0.24, "embassy": 0.06, "other": 0.008}


def _names(kind: str, n: int) -> dict:
    subject = SUBJECTS[n % len(SUBJECTS)]
    place = PLACES[n % len(PLACES)]
    country = COUNTRIES[n % len(COUNTRIES)]
    return {
        "ministry": {
            "kk": f"{subject[0]} министрлігі {n}",
            "ru": f"Министерство {subject[1]} {n}",
            "en": f"Ministry of {subject[2]} {n}",
        },
        "committee": {
            "kk": f"{subject[0]} комитеті {n}",
            "ru": f"Комитет {subject[1]} {n}",
            "en": f"Committee for {subject[2]} {n}",
        },
        "region": {
            "kk": f"{place[0]} облысының әкімдігі {n}",
            "ru": f"Акимат {place[1]}ой области {n}",
            "en": f"Akimat of {place[2]} Region {n}",
        },
        "district": {
            "kk": f"{place[0]} ауданының әкімдігі {n}",
            "ru": f"Акимат {place[1]}ого района {n}",
            "en": f"Akimat of {place[2]} District {n}",
        },
        "embassy": {
            "kk": f"Қазақстан Республикасының {country[0]} елшілігі {n}",
            "ru": f"Посольство Республики Казахстан {country[1]} {n}",
            "en": f"Embassy of Kazakhstan in {country[2]} {n}",
        },
        "other": {
            "kk": f"Есеп комитеті {n}",
            "ru": f"Счётный комитет {n}",
            "en": f"Accounts Committee {n}",
        },
    }[kind]


def _agency(prefix: str, kind: str, n: int, parent=None) -> Agency:
    names = _names(kind, n)
    category = {"region": "akimat", "district": "akimat"}.get(kind, kind)
    agency = Agency(
        slug=f"{prefix}-{n:03d}",
        category=category,
        parent=parent,
        status=Agency.Status.ACTIVE,
    )
    for lang, name in names.items():
        setattr(agency, f"name_{lang}", name)
    agency.name = names["kk"]
    return agency


def bulk_agencies(count: int, prefix: str = "bulk") -> list[Agency]:
    """`count` active agencies of every kind with live home pages (see the module doc)."""
    counts = {kind: max(1, round(count * share)) for kind, share in SHARES.items()}
    counts["region"] = min(len(PLACES), max(1, count // 15))
    counts["district"] = count - sum(counts.values())
    numbers = iter(range(1, count + 1))
    with translation.override("kk"):
        top = [_agency(prefix, "ministry", next(numbers)) for _ in range(counts["ministry"])]
        top += [_agency(prefix, "region", next(numbers)) for _ in range(counts["region"])]
        top += [_agency(prefix, "embassy", next(numbers)) for _ in range(counts["embassy"])]
        top += [_agency(prefix, "other", next(numbers)) for _ in range(counts["other"])]
        top = Agency.objects.bulk_create(top)
        ministries = [a for a in top if a.category == "ministry"]
        regions = [a for a in top if a.category == "akimat"]
        below = [
            _agency(prefix, "committee", next(numbers), ministries[i % len(ministries)])
            for i in range(counts["committee"])
        ]
        below += [
            _agency(prefix, "district", next(numbers), regions[i % len(regions)])
            for i in range(counts["district"])
        ]
        below = Agency.objects.bulk_create(below)
        portal = PortalHomePage.objects.get()
        for agency in top + below:
            home = AgencyHomePage(slug=agency.slug, agency_record=agency, live=True)
            for lang in LANGUAGE_CODES:
                setattr(home, f"title_{lang}", getattr(agency, f"name_{lang}"))
            portal.add_child(instance=home)
    return top + below
