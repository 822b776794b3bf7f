"""Parameters of the feedback page: the form_field and error_summary components'
parameters, the page the feedback is about, and a fresh token (templates only
render)."""

from .forms import HONEYPOT_FIELD, TOKEN_FIELD, new_token
from .models import MESSAGE_MAX_LENGTH

SUBMIT_ID = "feedback-submit"


def _field(bound, kind: str) -> dict:
    error = " ".join(str(e) for e in bound.errors)
    params = {
        "id": bound.auto_id,
        "name": bound.html_name,
        "label": str(bound.label),
        "hint": str(bound.help_text or ""),
        "error": error,
        "required": False,
        "kind": kind,
    }
    value = bound.value()
    if kind == "radios":
        params["options"] = [
            {
                "id": bound.auto_id if index == 0 else f"{bound.auto_id}_{index}",
                "value": choice,
                "label": str(label),
                "checked": value == choice,
            }
            for index, (choice, label) in enumerate(bound.field.choices)
        ]
    else:
        params["value"] = value or ""
        params["maxlength"] = MESSAGE_MAX_LENGTH
    return params


def page_context(request, page, agency, form, *, errors=()) -> dict:
    """Context of templates/feedback/feedback.html."""
    context = {
        "agency": agency,
        "about_title": page.title,
        "about_url": page.get_url(request=request) or "",
        "request": request,
        "honeypot_field": HONEYPOT_FIELD,
        "token_field": TOKEN_FIELD,
        "submit_id": SUBMIT_ID,
        "fields": [],
        "error_items": [],
    }
    if form is None:
        return context
    fields = [_field(form["useful"], "radios"), _field(form["message"], "textarea")]
    summary = [{"href": f"#{f['id']}", "text": f["error"]} for f in fields if f["error"]]
    if form.is_bound:
        summary += [{"href": f"#{SUBMIT_ID}", "text": str(e)} for e in form.non_field_errors()]
    summary += [{"href": "", "text": str(text)} for text in errors]
    context.update(fields=fields, error_items=summary, token=new_token(page.pk))
    return context
