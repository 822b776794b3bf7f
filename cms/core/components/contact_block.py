"""Parameters of the `contact_block` component (`themes/templates/components/contact_block/`)."""

from collections.abc import Iterable


def phone_href(number: str) -> str:
    """The tel: link of a phone number as written for people (digits and +)."""
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


def contact_block(
    *,
    addresses: Iterable[str] = (),
    phones: Iterable[str] = (),
    emails: Iterable[str] = (),
    hours: str = "",
    reception: str = "",
) -> dict:
    """Addresses, phones (as written for people; each gets its tel: link), e-mail
    addresses, working hours and reception hours. Empty parts are not shown."""
    return {
        "addresses": [a for a in addresses if a],
        "phones": [{"number": n, "href": phone_href(n)} for n in phones if n],
        "emails": [e for e in emails if e],
        "hours": hours or "",
        "reception": reception or "",
    }
