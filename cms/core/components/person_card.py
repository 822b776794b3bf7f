"""Parameters of the `person_card` component (`themes/templates/components/person_card/`)."""


def person_card(
    name: str,
    *,
    url: str = "",
    position: str = "",
    photo_url: str = "",
    photo_alt: str = "",
    reception_hours: str = "",
    is_head: bool = False,
    heading_level: int = 3,
) -> dict:
    """A person of the leadership: name (a link when `url` is given), position, a
    240x300 portrait with its text alternative (a placeholder without it), reception
    hours; the head gets the wider card."""
    if photo_url and not photo_alt:
        raise ValueError(f"person_card: the photo of {name!r} needs a text alternative")
    return {
        "name": name,
        "url": url,
        "position": position,
        "photo_url": photo_url,
        "photo_alt": photo_alt,
        "reception_hours": reception_hours,
        "is_head": is_head,
        "heading_level": heading_level,
    }
