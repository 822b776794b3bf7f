"""Parameters of the `filter_form` component (`themes/templates/components/filter_form/`)."""

from collections.abc import Iterable


def select_field(
    name: str,
    label: str,
    empty_label: str,
    options: Iterable[tuple],
    selected: str | None = None,
) -> dict:
    """One drop-down of the form: the query parameter `name`, its visible label, the
    first option that means "no filter" (e.g. "All years"), then (value, label)
    pairs, or (value, label, lang) when a label is in another language than the page
    (untranslated tags); `selected` is the value in force."""
    selected = "" if selected is None else str(selected)
    return {
        "name": name,
        "id": f"filter-{name}",
        "label": label,
        "empty_label": empty_label,
        "options": [
            {
                "value": str(option[0]),
                "label": str(option[1]),
                "selected": str(option[0]) == selected,
                "lang": option[2] if len(option) > 2 else "",
            }
            for option in options
        ],
    }


def filter_form(
    action: str,
    label: str,
    fields: Iterable[dict | None],
    *,
    reset_url: str = "",
    reset_label: str = "",
) -> dict:
    """A GET form that filters a listing: where it submits (the listing's own
    address), its accessible name, the fields (each built by `select_field`; None
    leaves a field out) and, while a filter is in force, the link that shows the
    whole list again."""
    return {
        "action": action,
        "label": label,
        "fields": [field for field in fields if field],
        "reset_url": reset_url,
        "reset_label": reset_label,
    }
