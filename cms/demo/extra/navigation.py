"""Demo content for the navigation app (see cms/demo/extra/__init__.py).

Two agencies get a menu of their own: `digital` (sections reordered, the government
services portal as an external link, three footer columns) and `health` (a shorter
menu with a submenu under "About" and two footer columns). The others keep the
default menu of their standard sections.
"""

EGOV = "https://egov.kz/"


def _page(section, label=None) -> dict:
    value = {"page": section.pk, "url": "", "label_kk": "", "label_ru": "", "label_en": ""}
    for lang, text in (label or {}).items():
        value[f"label_{lang}"] = text
    return value


def _external(url: str, label: dict) -> dict:
    return {
        "page": None,
        "url": url,
        "label_kk": label["kk"],
        "label_ru": label["ru"],
        "label_en": label.get("en", ""),
    }


def _item(value: dict, children=()) -> dict:
    return {"type": "item", "value": {**value, "children": list(children)}}


def _child(value: dict) -> dict:
    return {"type": "item", "value": value}


def _column(heading: dict, links) -> dict:
    return {
        "type": "column",
        "value": {
            "heading_kk": heading["kk"],
            "heading_ru": heading["ru"],
            "heading_en": heading["en"],
            "links": [_child(link) for link in links],
        },
    }


EGOV_LABEL = {
    "kk": "Электрондық үкімет порталы",
    "ru": "Портал электронного правительства",
    "en": "E-government portal",
}
FOR_CITIZENS = {"kk": "Азаматтарға", "ru": "Гражданам", "en": "For citizens"}
PRESS = {"kk": "Баспасөз орталығы", "ru": "Пресс-центр", "en": "Press centre"}
ABOUT_US = {"kk": "Министрлік туралы", "ru": "О министерстве", "en": "About the ministry"}
USEFUL = {"kk": "Пайдалы сілтемелер", "ru": "Полезные ссылки", "en": "Useful links"}
OPEN_DATA = {
    "kk": "Ашық деректер порталы",
    "ru": "Портал открытых данных",
    "en": "Open data portal",
}
LEGAL = {
    "kk": "Құқықтық актілер базасы «Әділет»",
    "ru": "База правовых актов «Әділет»",
    "en": "Adilet legal database",
}


def _digital(s: dict) -> tuple[list, list]:
    main = [
        _item(_page(s["services"])),
        _item(_page(s["news"])),
        _item(_page(s["documents"])),
        _item(
            _page(s["about"], ABOUT_US),
            [_child(_page(s["leadership"])), _child(_page(s["vacancies"]))],
        ),
        _item(_page(s["appeals"]), [_child(_page(s["faq"]))]),
        _item(_page(s["events"]), [_child(_page(s["media"]))]),
        _item(_page(s["contacts"])),
        _item(_external(EGOV, EGOV_LABEL)),
    ]
    footer = [
        _column(
            FOR_CITIZENS,
            [
                _page(s["services"]),
                _page(s["appeals"]),
                _page(s["faq"]),
                _external(EGOV, EGOV_LABEL),
            ],
        ),
        _column(PRESS, [_page(s["news"]), _page(s["events"]), _page(s["media"])]),
        _column(
            USEFUL,
            [
                _external("https://data.egov.kz/", OPEN_DATA),
                _external("https://adilet.zan.kz/", LEGAL),
            ],
        ),
    ]
    return main, footer


def _health(s: dict) -> tuple[list, list]:
    about = {"kk": "Министрлік", "ru": "Министерство", "en": "Ministry"}
    main = [
        _item(
            _page(s["about"], about),
            [
                _child(_page(s["leadership"])),
                _child(_page(s["documents"])),
                _child(_page(s["vacancies"])),
            ],
        ),
        _item(_page(s["news"]), [_child(_page(s["events"])), _child(_page(s["media"]))]),
        _item(_page(s["services"]), [_child(_external(EGOV, EGOV_LABEL))]),
        _item(_page(s["appeals"]), [_child(_page(s["faq"]))]),
        _item(_page(s["contacts"])),
    ]
    footer = [
        _column(
            FOR_CITIZENS,
            [_page(s["services"]), _page(s["appeals"]), _external(EGOV, EGOV_LABEL)],
        ),
        _column(PRESS, [_page(s["news"]), _page(s["media"])]),
    ]
    return main, footer


CUSTOM = {"digital": _digital, "health": _health}


def load(loader, agency, spec, sections, refs) -> None:
    from cms.navigation.models import AgencyMenu

    build = CUSTOM.get(agency.slug)
    if build is None or AgencyMenu.objects.filter(agency=agency).exists():
        return
    main, footer = build(sections)
    menu = AgencyMenu(agency=agency, main_items=main, footer_columns=footer)
    menu.full_clean()
    menu.save()
    loader.created["menu"] += 1
