"""The public form of a FormPage: fields built from the page's FormFields in the
language of the request, messages that name the field, and spam protection that
needs no external service (a honeypot field, a signed minimum fill time, a form-start
token that serves once, and a rate limit per client address and form)."""

import hashlib
import secrets
import time

import django.forms
from django.conf import settings
from django.core import signing
from django.core.validators import RegexValidator
from django.utils.translation import gettext as _
from wagtail.compat import URLField
from wagtail.contrib.forms.forms import BaseForm, FormBuilder, _split_by_newline_or_comma

from cms.core.ratelimit import over_limit, use_once

# Names the platform reserves in every public form.
HONEYPOT_FIELD = "website_url"
STARTED_FIELD = "form_started"
RESERVED_NAMES = {HONEYPOT_FIELD, STARTED_FIELD}
# A person needs more than this to fill in any form; scripts usually do not wait.
MIN_FILL_SECONDS = 3
# A form left open longer than this is refused (its token is stale) and sent again.
MAX_FILL_SECONDS = 24 * 60 * 60
STARTED_SALT = "appeals.form-started"

PHONE_VALIDATOR = RegexValidator(r"^\+?[0-9 ()\-]{7,24}$", code="invalid")
# Fields the default form calls this way: one of them is enough to reply.
CONTACT_FIELDS = ("email", "phone")


def started_token(page_id: int, started: float | None = None) -> str:
    """The signed time the form was shown, bound to the page, with a random id that
    lets it serve for one submission only."""
    return signing.dumps(
        {
            "p": page_id,
            "t": int(started if started is not None else time.time()),
            "n": secrets.token_urlsafe(12),
        },
        salt=STARTED_SALT,
        compress=True,
    )


def _used_token_key(token: str, value: dict) -> str:
    # Tokens shown before ids existed are told apart by their whole signed text.
    token_id = value.get("n") or hashlib.sha256(token.encode()).hexdigest()
    return f"appeals:started-used:{value.get('p')}:{token_id}"


def use_started_token(token: str, value: dict) -> bool:
    """Mark the token used; False when it already was (a replayed submission). The mark
    lives as long as the token could be valid."""
    return use_once(_used_token_key(token, value), MAX_FILL_SECONDS + 60)


def over_rate_limit(page_id: int, address: str) -> bool:
    """Count one submission attempt of `address` on the form `page_id`; True once the
    count passes settings.FORM_RATE_LIMIT within FORM_RATE_LIMIT_WINDOW seconds."""
    return over_limit(
        f"appeals:{page_id}",
        address,
        limit=settings.FORM_RATE_LIMIT,
        window=settings.FORM_RATE_LIMIT_WINDOW,
    )


def rate_limited_message() -> str:
    return _(
        "Too many submissions of this form from your address. Please wait a few minutes and send it again."  # noqa: E501
    )


def choice_pairs(field) -> list[tuple[str, str]]:
    """(stored value, label) of a choice field: the label in the request's language,
    the value always in Kazakh (the default language), so that submissions made in
    any language can be compared. Lists of different lengths keep their own text."""
    labels = _split_by_newline_or_comma(field.choices or "")
    canonical = _split_by_newline_or_comma(getattr(field, "choices_kk", "") or field.choices or "")
    if len(canonical) != len(labels):
        canonical = labels
    return [(value, label) for value, label in zip(canonical, labels, strict=True) if label]


def _percent(text: str) -> str:
    """Django formats error messages with %; a label may contain one."""
    return str(text).replace("%", "%%")


class PublicFormBuilder(FormBuilder):
    """Wagtail's builder with messages in the page's language that name the field."""

    def get_field_options(self, field):
        options = super().get_field_options(field)
        # "required" is shown as written; the messages Django formats with parameters
        # (max_length, invalid_choice) get the label with its % doubled.
        label, escaped = field.label, _percent(field.label)
        if field.field_type == "checkbox":
            required = _("Tick “%(label)s” to continue.") % {"label": label}
        elif field.field_type in ("dropdown", "radio", "checkboxes", "multiselect"):
            required = _("Choose an answer for “%(label)s”.") % {"label": label}
        else:
            required = _("Fill in the field “%(label)s”.") % {"label": label}
        options["error_messages"] = {
            "required": required,
            "max_length": _("“%(label)s” must be at most %(limit)s characters long.")
            % {"label": escaped, "limit": "%(limit_value)d"},
            "invalid_choice": _("Choose one of the listed answers for “%(label)s”.")
            % {"label": escaped},
            "invalid_list": _("Choose one of the listed answers for “%(label)s”.")
            % {"label": label},
        }
        return options

    def _invalid(self, options, message):
        options["error_messages"]["invalid"] = message
        return options

    def create_singleline_field(self, field, options):
        options["max_length"] = 255
        return django.forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = 5000
        options.setdefault("widget", django.forms.Textarea)
        return django.forms.CharField(**options)

    def create_email_field(self, field, options):
        self._invalid(options, _("Enter an email address in the form name@example.kz."))
        return django.forms.EmailField(**options)

    def create_phone_field(self, field, options):
        options["max_length"] = 32
        options["validators"] = [PHONE_VALIDATOR]
        self._invalid(options, _("Enter a phone number such as +7 701 234 56 78."))
        return django.forms.CharField(**options)

    def create_number_field(self, field, options):
        label = field.label
        self._invalid(options, _("Enter a number in “%(label)s”.") % {"label": label})
        return django.forms.DecimalField(**options)

    def create_date_field(self, field, options):
        label = field.label
        self._invalid(
            options, _("Enter a date such as 2026-12-31 in “%(label)s”.") % {"label": label}
        )
        return django.forms.DateField(**options)

    def create_datetime_field(self, field, options):
        label = field.label
        self._invalid(options, _("Enter a date and time in “%(label)s”.") % {"label": label})
        return django.forms.DateTimeField(**options)

    def create_url_field(self, field, options):
        label = _percent(field.label)
        self._invalid(
            options,
            _("Enter a web address starting with https:// in “%(label)s”.") % {"label": label},
        )
        return URLField(**options)

    def get_formatted_field_choices(self, field):
        return choice_pairs(field)

    def get_formatted_field_initial(self, field):
        return _split_by_newline_or_comma(field.default_value) if field.default_value else []

    def get_form_class(self):
        return type("AppealForm", (AppealForm,), self.formfields)


class AppealForm(BaseForm):
    """Checks what no single field can: one way to reply, and the fill time."""

    def clean(self):
        cleaned_data = super().clean()
        contacts = [name for name in CONTACT_FIELDS if name in self.fields]
        if len(contacts) == len(CONTACT_FIELDS) and not any(
            cleaned_data.get(name) or name in self.errors for name in contacts
        ):
            self.add_error(
                contacts[0],
                _("Give an email address or a phone number so that we can reply."),
            )
        if not self.errors:
            self._check_fill_time()
        return cleaned_data

    def _check_fill_time(self) -> None:
        token = self.data.get(STARTED_FIELD, "")
        try:
            value = signing.loads(token, salt=STARTED_SALT, max_age=MAX_FILL_SECONDS)
        except signing.BadSignature:
            value = None
        page_id = self.page.pk if self.page is not None else None
        age = time.time() - float(value.get("t", 0)) if isinstance(value, dict) else None
        if age is None or value.get("p") != page_id or age > MAX_FILL_SECONDS:
            raise django.forms.ValidationError(
                _("The form has expired. Please check your answers and send it again."),
                code="expired",
            )
        if age < MIN_FILL_SECONDS:
            raise django.forms.ValidationError(
                _("The form was sent too quickly. Please check your answers and send it again."),
                code="too_fast",
            )
        if not use_started_token(token, value):
            raise django.forms.ValidationError(
                _("This form has already been sent. Open the form again to send a new one."),
                code="replayed",
            )
