"""Pages of the organisation app turned into component parameters."""

from django.utils.translation import gettext as _

PHOTO_SPEC = "fill-240x300"


def phone_href(number: str) -> str:
    """The tel: link of a phone number as written for people."""
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


def person_card(person, request=None, heading_level: int = 3) -> dict:
    """Parameters of components/person_card for a PersonPage."""
    photo_url = photo_alt = ""
    if person.photo is not None:
        photo_url = person.photo.get_rendition(PHOTO_SPEC).url
        photo_alt = person.photo_alt or _("Photo: %(name)s") % {"name": person.title}
    return {
        "name": person.title,
        "url": person.get_url(request=request) or "",
        "position": person.position,
        "photo_url": photo_url,
        "photo_alt": photo_alt,
        "reception_hours": person.reception_hours,
        "is_head": person.is_head,
        "heading_level": heading_level,
    }


def person_contact(person) -> dict:
    """Parameters of components/contact_block for a PersonPage."""
    return {
        "phones": [{"number": person.phone, "href": phone_href(person.phone)}]
        if person.phone
        else [],
        "emails": [person.email] if person.email else [],
        "reception": person.reception_hours,
    }


def department_contact(department) -> dict:
    return {
        "phones": [{"number": department.phone, "href": phone_href(department.phone)}]
        if department.phone
        else [],
        "emails": [department.email] if department.email else [],
    }
