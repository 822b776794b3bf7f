"""Parameters of the `person_card` component (`themes/templates/components/person_card/`)."""


def initials(name: str) -> str:
    """Two capital letters of a full name for the avatar of a person without a photo:
    the first letters of the first and the last word ("Аскар Нурланович Бекенов" ->
    "АБ", "Ержан Болатұлы Сейітқалиев" -> "ЕС"); one letter for a one-word name.
    Quotes, brackets and initials' dots are skipped ("А. Н. Бекенов" -> "АБ")."""
    words = [w for w in (word.strip("«»\"'()[].,") for word in name.split()) if w]
    letters = [word[0] for word in words if word[0].isalpha()]
    if not letters:
        return ""
    picked = letters[0] + (letters[-1] if len(letters) > 1 else "")
    return picked.upper()


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
    name_lang: str = "",
    position_lang: str = "",
) -> dict:
    """A person of the leadership: name (a link when `url` is given), position, a
    240x300 portrait with its text alternative (the person's initials without it),
    reception hours; the head gets the wider card. `name_lang` / `position_lang`: the
    language of a name or position shown in another language than the page's (a
    fallback), for its `lang` attribute; "" when it is in the page's language."""
    if photo_url and not photo_alt:
        raise ValueError(f"person_card: the photo of {name!r} needs a text alternative")
    return {
        "name": name,
        "url": url,
        "position": position,
        "photo_url": photo_url,
        "photo_alt": photo_alt,
        "initials": "" if photo_url else initials(name),
        "reception_hours": reception_hours,
        "is_head": is_head,
        "heading_level": heading_level,
        "name_lang": name_lang,
        "position_lang": position_lang,
    }
