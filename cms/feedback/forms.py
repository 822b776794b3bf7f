"""The public feedback form: an answer (useful: yes or no) and/or a message, a
honeypot field, and a signed token that serves once.

Why a token when the page is cached: the page that carries the feedback block is
the same for every visitor (cms.core.pagecache), so it cannot hold a per-visitor
token (or Django's CSRF token). The token comes from an uncached place instead:
the feedback page itself (what the block's buttons open without JavaScript) or, with
JavaScript, a small JSON answer fetched when the visitor answers. A post without a
valid token is never stored: the visitor is shown the feedback page with a fresh
token to confirm.
"""

import secrets
import time

import django.forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.core.ratelimit import over_limit, use_once

from .models import MESSAGE_MAX_LENGTH

HONEYPOT_FIELD = "website_url"
TOKEN_FIELD = "token"  # noqa: S105 - the name of a form field
TOKEN_SALT = "feedback.token"  # noqa: S105 - a signing salt, not a secret
# A token is good for a day (a page left open overnight asks again).
TOKEN_MAX_AGE = 24 * 60 * 60
YES, NO = "yes", "no"


def new_token(page_id: int) -> str:
    """A signed token for one submission about the page `page_id`."""
    return signing.dumps(
        {"p": page_id, "t": int(time.time()), "n": secrets.token_urlsafe(12)},
        salt=TOKEN_SALT,
        compress=True,
    )


def read_token(token: str, page_id: int) -> dict | None:
    """The token's value when it is ours, fresh and for this page, else None."""
    try:
        value = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or value.get("p") != page_id or not value.get("n"):
        return None
    return value


def use_token(value: dict) -> bool:
    """Mark the token used; False when it already was."""
    return use_once(f"feedback:token-used:{value['p']}:{value['n']}", TOKEN_MAX_AGE + 60)


def over_rate_limit(page_id: int, address: str) -> bool:
    """Count one post of `address` about the page `page_id` (FEEDBACK_RATE_LIMIT
    within FEEDBACK_RATE_LIMIT_WINDOW seconds)."""
    return over_limit(
        f"feedback:{page_id}",
        address,
        limit=settings.FEEDBACK_RATE_LIMIT,
        window=settings.FEEDBACK_RATE_LIMIT_WINDOW,
    )


def rate_limited_message() -> str:
    return _(
        "You have sent a lot of feedback about this page. Please wait a few minutes and try again."
    )


class FeedbackForm(django.forms.Form):
    useful = django.forms.ChoiceField(
        label=gettext_lazy("Was this page useful?"),
        choices=[(YES, gettext_lazy("Yes")), (NO, gettext_lazy("No"))],
        required=False,
        widget=django.forms.RadioSelect,
    )
    message = django.forms.CharField(
        label=gettext_lazy("What is wrong or missing on this page? (optional)"),
        help_text=gettext_lazy(
            "Do not write personal details such as your name, phone number or "
            "ID number. We do not reply to these messages: to get a reply, send an appeal."
        ),
        max_length=MESSAGE_MAX_LENGTH,
        required=False,
        widget=django.forms.Textarea,
    )

    def __init__(self, *args, page_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.page_id = page_id
        self.fields["useful"].error_messages["invalid_choice"] = _("Choose “Yes” or “No”.")
        self.fields["message"].error_messages["max_length"] = _(
            "The message must be at most %(limit)s characters long (it has %(count)s)."
        ) % {"limit": MESSAGE_MAX_LENGTH, "count": "%(show_value)d"}

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("useful") and not cleaned.get("message"):
            raise django.forms.ValidationError(
                _("Choose “Yes” or “No”, or describe the error on the page."), code="empty"
            )
        return cleaned

    def token_value(self) -> dict | None:
        return read_token(self.data.get(TOKEN_FIELD, ""), self.page_id)
