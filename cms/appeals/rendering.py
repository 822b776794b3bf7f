"""Turns a public form into the parameters of the form_field and error_summary
components (templates only render; every decision is made here)."""

from django.forms.utils import ErrorList

from .forms import started_token

# FormField.field_type -> kind of the form_field component
KINDS = {
    "singleline": "text",
    "email": "email",
    "phone": "tel",
    "number": "number",
    "url": "url",
    "date": "date",
    "datetime": "datetime-local",
    "multiline": "textarea",
    "dropdown": "select",
    "radio": "radios",
    "checkboxes": "checkboxes",
    "multiselect": "checkboxes",
    "checkbox": "checkbox",
    "hidden": "hidden",
}
AUTOCOMPLETE_BY_TYPE = {"email": "email", "phone": "tel"}
AUTOCOMPLETE_BY_NAME = {"name": "name", "full_name": "name"}
SUBMIT_ID = "form-submit"


def reference_number(submission_id: int) -> str:
    return f"{submission_id:06d}"


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]


def field_params(bound, model_field) -> dict:
    kind = KINDS.get(model_field.field_type, "text")
    field_id = bound.auto_id
    error = " ".join(str(e) for e in bound.errors) if bound.errors else ""
    params = {
        "id": field_id,
        "name": bound.html_name,
        "label": str(bound.label),
        "hint": str(bound.help_text or ""),
        "error": error,
        "required": bound.field.required,
        "kind": kind,
        "autocomplete": AUTOCOMPLETE_BY_TYPE.get(model_field.field_type)
        or AUTOCOMPLETE_BY_NAME.get(model_field.clean_name, ""),
    }
    value = bound.value()
    if kind in ("select", "radios", "checkboxes"):
        selected = set(_as_list(value))
        params["options"] = [
            {
                # The first option carries the field's id: the error summary links to it.
                "id": field_id if index == 0 else f"{field_id}_{index}",
                "value": choice_value,
                "label": str(choice_label),
                "checked": str(choice_value) in selected,
            }
            for index, (choice_value, choice_label) in enumerate(bound.field.choices)
        ]
    elif kind == "checkbox":
        params["checked"] = bool(value) and value not in ("false", "0", "off")
    else:
        params["value"] = "" if value is None else str(value)
        max_length = getattr(bound.field, "max_length", None)
        if max_length:
            params["maxlength"] = max_length
    return params


def form_context(page, form) -> dict:
    """Parameters of the page's form: its fields, the error summary and a new
    fill-time token."""
    model_fields = {field.clean_name: field for field in page.get_form_fields()}
    fields, hidden, summary = [], [], []
    for bound in form:
        model_field = model_fields.get(bound.name)
        if model_field is None:
            continue
        params = field_params(bound, model_field)
        (hidden if params["kind"] == "hidden" else fields).append(params)
        if params["error"]:
            summary.append({"href": f"#{params['id']}", "text": params["error"]})
    non_field: ErrorList = form.non_field_errors() if form.is_bound else ErrorList()
    for error in non_field:
        summary.append({"href": f"#{SUBMIT_ID}", "text": str(error)})
    return {
        "form": form,
        "form_fields_params": fields,
        "hidden_fields_params": hidden,
        "error_items": summary,
        "form_token": started_token(page.pk),
        "submit_id": SUBMIT_ID,
    }
