"""Required sections and content (models.SectionRule.required, models.ContentRule):

- every required section is live under the agency's home page;
- contacts: a phone number, and a postal address in each required language (the
  agency's own, or the contacts page's);
- a reception schedule: rows on the contacts page, or a live person's reception hours;
- feedback: a live form page (citizens' appeals) or a live "appeals" section;
- e-services: a live service with its egov link;
- legal acts: every live act has its number, date, signatory and text in each
  required language, and a file.
"""

from django.core.exceptions import FieldDoesNotExist

from cms.appeals.models import FormPage
from cms.core.languages import REQUIRED, has_content
from cms.listings.models import ServicePage
from cms.organisation.models import ContactsPage, PersonPage, ReceptionSlot
from cms.pages.models import LegalActPage

from ..models import ContentRule
from .result import CONTENT, CheckResult, item, percent
from .site import AgencySite


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _act_text_field() -> str:
    """The field holding an act's text: `text` where the model has it, else `body`."""
    return "text" if _has_field(LegalActPage, "text_kk") else "body"


def act_missing(act) -> list[str]:
    """What a legal act lacks: number, date, signatory_<lang>, text_<lang>, file."""
    missing = []
    if not (act.number or "").strip():
        missing.append("number")
    if act.date_signed is None:
        missing.append("date")
    text = _act_text_field()
    for lang in REQUIRED:
        if not has_content(getattr(act, f"signatory_{lang}", "")):
            missing.append(f"signatory_{lang}")
        if not has_content(getattr(act, f"{text}_{lang}", None)):
            missing.append(f"text_{lang}")
    if not (act.file_kk_id or act.file_ru_id or act.file_en_id):
        missing.append("file")
    return missing


def check_content(site: AgencySite) -> CheckResult:
    rules, agency = site.rules, site.agency
    items, total, good = [], 0, 0

    def outcome(ok: bool, code: str, **params):
        nonlocal total, good
        total += 1
        if ok:
            good += 1
        else:
            items.append(item(CONTENT, code, **params))

    live_slugs = {section.slug for section in site.sections}
    for slug in rules.required_sections():
        outcome(slug in live_slugs, "missing_section", section=slug)

    live_ids = list(site.by_id)
    contacts = ContactsPage.objects.filter(pk__in=live_ids).first()
    if rules.checks_content(ContentRule.Code.CONTACTS):
        phone = agency.phone or (contacts.phones if contacts else "")
        outcome(bool((phone or "").strip()), "no_phone", page=contacts.pk if contacts else None)
        for lang in REQUIRED:
            address = getattr(agency, f"address_{lang}", "") or (
                getattr(contacts, f"address_{lang}", "") if contacts else ""
            )
            outcome(has_content(address), "no_address", lang=lang,
                    page=contacts.pk if contacts else None)
    if rules.checks_content(ContentRule.Code.RECEPTION):
        has_rows = contacts is not None and ReceptionSlot.objects.filter(page=contacts).exists()
        has_hours = (
            PersonPage.objects.filter(pk__in=live_ids).exclude(reception_hours="").exists()
        )
        outcome(has_rows or has_hours, "no_reception", page=contacts.pk if contacts else None)
    if rules.checks_content(ContentRule.Code.FEEDBACK):
        outcome(
            "appeals" in live_slugs or FormPage.objects.filter(pk__in=live_ids).exists(),
            "no_feedback",
        )
    if rules.checks_content(ContentRule.Code.E_SERVICES):
        outcome(
            ServicePage.objects.filter(pk__in=live_ids).exclude(egov_url="").exists(),
            "no_e_services",
        )
    if rules.checks_content(ContentRule.Code.LEGAL_ACTS):
        for act in LegalActPage.objects.filter(pk__in=live_ids).order_by("path"):
            missing = act_missing(act)
            outcome(not missing, "act_incomplete", page=act.pk, missing=missing)
    return CheckResult(score=percent(good, total), items=items)
