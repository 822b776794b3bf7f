"""Parameters of the `search_box` component (`themes/templates/components/search_box/`)."""


def search_box(
    action: str,
    query: str = "",
    *,
    suggest_url: str = "",
    hidden: dict[str, str] | None = None,
    input_id: str = "search-q",
    label: str = "",
) -> dict:
    """The search form: where it submits, the current query, the suggestions endpoint
    (turns the input into a combobox), the hidden fields a new search keeps
    ({name: value}, e.g. lang, sort) and the visible label (the component's own
    default when empty)."""
    return {
        "label": label,
        "action": action,
        "query": query,
        "suggest_url": suggest_url,
        "hidden": [{"name": name, "value": value} for name, value in (hidden or {}).items()],
        "input_id": input_id,
    }
