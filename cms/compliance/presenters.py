"""What the snapshots say, in words of the reader's language: the names of the checks,
a status in plain words for a score, and one sentence per failing item (the items are
stored language-neutral: a code and its values, see checks.result.item)."""

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .checks.result import CHECKS

CHECK_LABELS = {
    "freshness": gettext_lazy("Freshness"),
    "content": gettext_lazy("Required content"),
    "depth": gettext_lazy("Click depth"),
    "links": gettext_lazy("Links"),
    "accessibility": gettext_lazy("Accessibility"),
    "translation": gettext_lazy("Translation"),
    "moderation": gettext_lazy("Moderation"),
}
# Languages as labels standing alone ("Kazakh (kk): no postal address"; the same
# labels as the editorial report: "Kazakh" alone is translated for "in %(language)s").
LANGUAGE_LABELS = {
    "kk": gettext_lazy("Kazakh (kk)"),
    "ru": gettext_lazy("Russian (ru)"),
    "en": gettext_lazy("English (en)"),
}
# What a legal act lacks (checks.content.act_missing).
ACT_PARTS = {
    "number": gettext_lazy("number"),
    "date": gettext_lazy("date signed"),
    "file": gettext_lazy("file"),
}
GOOD, FAIR = 100, 80


def status(score: int) -> dict:
    """{"level": "good" | "fair" | "poor", "label": plain words} of a score."""
    if score >= GOOD:
        return {"level": "good", "label": _("Meets the rules")}
    if score >= FAIR:
        return {"level": "fair", "label": _("Minor gaps")}
    return {"level": "poor", "label": _("Needs attention")}


def short_date(value) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return date_format(value, "d.m.Y")


def _language(code: str) -> str:
    return str(LANGUAGE_LABELS.get(code, code))


def _act_part(part: str) -> str:
    if part in ACT_PARTS:
        return str(ACT_PARTS[part])
    kind, _sep, lang = part.rpartition("_")
    if kind == "signatory":
        return _("signatory (%(language)s)") % {"language": _language(lang)}
    if kind == "text":
        return _("text (%(language)s)") % {"language": _language(lang)}
    return part


def describe(entry: dict) -> str:
    """One failing item as a sentence in the active language."""
    code, lang = entry.get("code"), entry.get("lang") or ""
    params = {
        "language": _language(lang),
        "due": short_date(entry.get("due")),
        "since": short_date(entry.get("since")),
        "newest": short_date(entry.get("newest")),
    }
    check = entry.get("check")
    if check == "freshness" and code == "stale":
        if entry.get("newest"):
            return _(
                "%(language)s: nothing new since %(newest)s; the section was due on %(due)s."
            ) % params
        return _("%(language)s: nothing published yet; the section was due on %(due)s.") % params
    if check == "freshness" and code == "unpublished_change":
        return _(
            "A change started on %(since)s is still unpublished; it was due on %(due)s."
        ) % params
    if code == "missing_section":
        return _("The required section “%(section)s” is missing or unpublished.") % {
            "section": entry.get("section", "")
        }
    if code == "no_phone":
        return _("The contacts give no phone number.")
    if code == "no_address":
        return _("%(language)s: the contacts give no postal address.") % params
    if code == "no_reception":
        return _("There is no schedule of the reception of citizens.")
    if code == "no_feedback":
        return _("There is no feedback form and no citizens' appeals section.")
    if code == "no_e_services":
        return _("No service links to the e-government portal.")
    if code == "act_incomplete":
        parts = ", ".join(_act_part(part) for part in entry.get("missing", []))
        return _("The legal act lacks: %(parts)s.") % {"parts": parts}
    if code == "deep":
        return _("%(clicks)s clicks from the home page (at most 3 are allowed).") % {
            "clicks": entry.get("clicks")
        }
    if code == "orphan":
        return _("No link leads to this page from the home page.")
    if code == "missing_page":
        return _("Links to a page that no longer exists.") if not lang else _(
            "%(language)s: links to a page that no longer exists."
        ) % params
    if code == "unpublished_page":
        return _("Links to an unpublished page.") if not lang else _(
            "%(language)s: links to an unpublished page."
        ) % params
    if code == "archived_page":
        return _("Links to a page of an archived agency.") if not lang else _(
            "%(language)s: links to a page of an archived agency."
        ) % params
    if code == "missing_document":
        return _("Links to a document that no longer exists.")
    if check == "accessibility" and code == "content":
        return _("%(language)s: %(count)s accessibility problem(s) to fix before publishing.") % {
            **params,
            "count": entry.get("count", 0),
        }
    if code == "axe":
        return _("%(language)s: the browser check (axe) found: %(rules)s.") % {
            **params,
            "rules": ", ".join(entry.get("rules", [])),
        }
    if code == "missing":
        return _("%(language)s: the page is not filled in.") % params
    if code == "behind":
        if lang == "ru" and entry.get("ahead") == "kk":
            return _("The Russian text is behind the Kazakh one since %(since)s.") % params
        if lang == "kk" and entry.get("ahead") == "ru":
            return _("The Kazakh text is behind the Russian one since %(since)s.") % params
        return _("%(language)s: behind %(ahead)s since %(since)s.") % {
            **params,
            "ahead": _language(entry.get("ahead", "")),
        }
    if code == "waiting":
        return _("Waiting for approval since %(since)s; a decision was due on %(due)s.") % params
    return code or ""


def score_cells(snapshot) -> list[dict]:
    """[{check, label, score, level, status}] of a snapshot, in the dashboard's order."""
    cells = []
    for name in CHECKS:
        score = getattr(snapshot, name)
        cells.append({"check": name, "label": str(CHECK_LABELS[name]), "score": score,
                      **{f"status_{k}": v for k, v in status(score).items()}})
    return cells
