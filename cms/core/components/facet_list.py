"""Parameters of the `facet_list` component (`themes/templates/components/facet_list/`)."""

from collections.abc import Callable, Iterable


def facet_list(
    name: str,
    title: str,
    values: Iterable[tuple],
    selected,
    url_for: Callable[..., str],
) -> dict:
    """One group of filter links of the search results.

    `values` are (value, label, count); `selected` is the value in force (or None).
    `url_for(value)` gives the address of the results filtered by `value`, and
    `url_for(None)` the address without this filter: following the selected value's
    link removes the filter, and `clear_url` does the same when something is
    selected."""
    items = [
        {
            "label": label,
            "count": count,
            "current": value == selected,
            "url": url_for(None if value == selected else value),
        }
        for value, label, count in values
    ]
    return {
        "id": f"facet-{name}",
        "title": title,
        "items": items,
        "clear_url": url_for(None) if selected not in (None, "") else "",
    }
