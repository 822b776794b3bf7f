"""Parameters of the `agency_directory` component
(`themes/templates/components/agency_directory/`)."""

VISIBLE = 12


def directory_item(
    name: str,
    url: str,
    *,
    meta: str = "",
    lang: str = "",
    children: list[dict] | None = None,
    children_label: str = "",
) -> dict:
    """One body: its name as a link, an optional line under it (its parent body),
    `lang` when the name is shown in another language than the page's, and the bodies
    under it (a region's district and city akimats, each a `directory_item`) folded
    behind `children_label`."""
    if children and not children_label:
        raise ValueError(f"directory_item {name!r}: children need a children_label")
    return {
        "name": name,
        "url": url,
        "meta": meta,
        "lang": lang,
        "children": children or [],
        "children_label": children_label,
    }


def directory_group(
    group_id: str,
    heading: str,
    items: list[dict],
    *,
    count: int,
    count_label: str,
    more_label: str = "",
    visible: int = VISIBLE,
    all_url: str = "",
    all_label: str = "",
) -> dict:
    """One kind of body under its plural heading ("Министрліктер"): the first
    `visible` items, the rest behind `more_label` ("Show 36 more ministries"). `count`
    is every body of the group (a region's akimats included), `count_label` says it.
    `all_url`, when given, links to the list of every body of the group, under
    `all_label` ("All 250 ministries"): the group then shows only some of them."""
    if all_url and not all_label:
        raise ValueError(f"directory_group {group_id!r}: a link to all needs an all_label")
    shown, more = items[:visible], items[visible:]
    if more and not more_label:
        raise ValueError(f"directory_group {group_id!r}: a long group needs a more_label")
    return {
        "id": group_id,
        "heading": heading,
        "count": count,
        "count_label": count_label,
        "items": shown,
        "more": more,
        "more_label": more_label if more else "",
        "all_url": all_url,
        "all_label": all_label if all_url else "",
    }


def agency_directory(groups: list[dict], *, heading_level: int = 3, empty_text: str = "") -> dict:
    """The directory: groups (each built by `directory_group`) in order; `empty_text`
    when there is no body to list."""
    return {"groups": groups, "heading_level": heading_level, "empty_text": empty_text}
