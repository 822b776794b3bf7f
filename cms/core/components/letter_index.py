"""Parameters of the `letter_index` component (`themes/templates/components/letter_index/`)."""

from collections.abc import Callable, Iterable


def letter_index(
    letters: Iterable[str],
    available: set[str],
    current: str | None,
    url: Callable[[str | None], str],
    *,
    label: str,
    all_label: str,
) -> dict:
    """An A–Z filter that is a list of plain links (it works without JavaScript).

    `letters` is the page's alphabet in order; a letter in `available` is a link to
    `url(letter)`, any other is shown as inert text; `current` is the chosen letter
    (None: every letter, and the "all" link is the current one). `label` names the
    navigation landmark, `all_label` the link that clears the filter."""
    return {
        "label": label,
        "all": {"label": all_label, "url": url(None), "current": current is None},
        "letters": [
            {
                "letter": letter,
                "url": url(letter) if letter in available else "",
                "current": letter == current,
            }
            for letter in letters
        ],
    }
