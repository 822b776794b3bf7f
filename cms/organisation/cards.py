"""Pages of the organisation app turned into component parameters (built by the
presenters of `person_card` and `contact_block` in `cms.core.components`)."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.core.components.contact_block import contact_block
from cms.core.components.person_card import person_card as person_card_params
from cms.core.languages import fallback_lang
from cms.core.renditions import rendition

PHOTO_SPEC = "fill-240x300"


def person_card(person, request=None, heading_level: int = 3) -> dict:
    """Parameters of components/person_card for a PersonPage."""
    photo_url = photo_alt = ""
    if person.photo is not None:
        photo_url = rendition(person.photo, PHOTO_SPEC).url
        photo_alt = person.photo_alt or _("Photo: %(name)s") % {"name": person.title}
    return person_card_params(
        person.title,
        url=person.get_url(request=request) or "",
        position=person.position,
        photo_url=photo_url,
        photo_alt=photo_alt,
        reception_hours=person.reception_hours,
        is_head=person.is_head,
        heading_level=heading_level,
        name_lang=fallback_lang(person, "title", get_language()),
        position_lang=fallback_lang(person, "position", get_language()),
    )


def person_contact(person) -> dict:
    """Parameters of components/contact_block for a PersonPage."""
    return contact_block(
        phones=[person.phone], emails=[person.email], reception=person.reception_hours
    )


def department_contact(department) -> dict:
    """Parameters of components/contact_block for a department."""
    return contact_block(phones=[department.phone], emails=[department.email])
