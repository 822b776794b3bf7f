"""Parameters of the `pagination` component (`themes/templates/components/pagination/`):
the one builder, used by every paginated list: news, legal acts and search results."""

from collections.abc import Callable

from django.core.paginator import Paginator


def pagination(
    current: int | None,
    last: int,
    url_for: Callable[[int], str],
    label: str,
    on_each_side: int = 2,
    on_ends: int = 1,
) -> dict:
    """Parameters of the pagination component for page `current` of `last`.

    `url_for(number)` gives a page's URL. Gaps are `{"ellipsis": True}` items, which
    the component renders as a hidden "…", never as a link. `current` is None when the
    requested page does not exist or lies past `last` (every page is then a plain
    link). One page or none:
    no pagination (an empty dict)."""
    if current is not None and not 1 <= current <= last:
        current = None  # past the end: every page is a plain link
    if last <= 1 and current is not None:
        return {}
    pages = []
    elided = Paginator(range(max(last, 1)), 1).get_elided_page_range(
        current or 1, on_each_side=on_each_side, on_ends=on_ends
    )
    for number in elided:
        if number == Paginator.ELLIPSIS:
            pages.append({"ellipsis": True})
        else:
            pages.append({"number": number, "url": url_for(number), "current": number == current})
    return {
        "label": label,
        "pages": pages,
        "previous_url": url_for(current - 1) if current and current > 1 else "",
        "next_url": url_for(current + 1) if current and current < last else "",
    }
