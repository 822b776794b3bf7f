"""Parameters of the `card_list` component (`themes/templates/components/card_list/`)."""


def card_list(
    items: list[dict], *, layout: str = "grid", heading_level: int = 3, empty_text: str = ""
) -> dict:
    """A list of cards (each built by `cms.core.components.card.card`): a "grid" or a
    "stack"; `empty_text` is shown when there is nothing to list."""
    if layout not in ("grid", "stack"):
        raise ValueError(f"card_list layout is 'grid' or 'stack', not {layout!r}")
    return {
        "items": items,
        "layout": layout,
        "heading_level": heading_level,
        "empty_text": empty_text,
    }
