"""Form pages: citizens' appeals and feedback, sent to the agency that owns the page.

FormPage combines Wagtail's form builder (EmailFormMixin + FormMixin) with the
platform's BasePage (agency, content language, publish checks). Field labels, hints
and choices are translated (translation.py); a submission is stored once, whatever
language it was made in, with choice values in Kazakh.
"""

import logging

from anyascii import anyascii
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractFormField,
    EmailFormMixin,
    FormMixin,
)
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.models import Page

from cms.core.client_ip import client_ip
from cms.pages.languages import LANGUAGE_NAMES
from cms.pages.models import BasePage

from . import rendering
from .admin_forms import FormPageAdminForm
from .defaults import DEFAULT_FIELDS, LANGS
from .forms import (
    HONEYPOT_FIELD,
    RESERVED_NAMES,
    PublicFormBuilder,
    choice_pairs,
    over_rate_limit,
    rate_limited_message,
)

logger = logging.getLogger(__name__)

FIELD_TYPE_CHOICES = (
    FORM_FIELD_CHOICES[:3] + (("phone", _("Phone number")),) + FORM_FIELD_CHOICES[3:]
)
SENT_SALT = "appeals.sent"
SENT_MAX_AGE = 60 * 60


class FormField(AbstractFormField):
    """One field of a form page; label, hint and choices are translated."""

    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(
        verbose_name=_("field type"), max_length=16, choices=FIELD_TYPE_CHOICES
    )
    field_type.required_on_save = True
    # Blank per language: Kazakh and Russian are required to publish (admin_forms.py),
    # English stays optional.
    label = models.CharField(
        verbose_name=_("label"),
        max_length=255,
        blank=True,
        help_text=_("The label of the form field"),
    )

    def get_field_clean_name(self):
        """A stable ASCII name from the English, else Russian, else Kazakh label, so the
        name does not depend on the editor's language."""
        label = ""
        for language in ("en", "ru", "kk"):
            label = getattr(self, f"label_{language}", "") or ""
            if label:
                break
        name = get_field_clean_name(anyascii(label or self.label or "field"))
        return f"{name}_field" if name in RESERVED_NAMES else name


class FormPage(EmailFormMixin, FormMixin, BasePage):
    """A form that citizens fill in; each submission is stored and emailed to the agency."""

    intro = models.TextField(_("introduction"), blank=True)
    thank_you_text = models.TextField(
        _("thank-you text"),
        blank=True,
        help_text=_("Shown after the form is sent: what happens next and when to expect a reply."),
    )
    email_language = models.CharField(
        _("language of the notification email"),
        max_length=2,
        choices=[(code, name) for code, name in settings.LANGUAGES],
        default=settings.LANGUAGE_CODE,
    )

    base_form_class = FormPageAdminForm
    form_builder = PublicFormBuilder
    template = "pages/formpage.html"
    landing_page_template = "pages/formpage_landing.html"

    parent_page_types = ["pages.SectionPage", "pages.AgencyHomePage"]
    subpage_types = []
    translated_required_fields = ("title",)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("to_address"), FieldPanel("from_address")]),
                FieldPanel("subject"),
                FieldPanel("email_language"),
            ],
            heading=_("Notification email"),
        ),
    ]

    class Meta:
        verbose_name = _("form page")
        verbose_name_plural = _("form pages")

    # --- creation ------------------------------------------------------------------
    def save(self, *args, **kwargs):
        if self._state.adding:
            if not list(self.form_fields.all()):
                # A new form that nobody gave fields gets the usual appeal form.
                self.form_fields = default_fields()
            if not self.to_address:
                agency = self.agency if self.path else None
                if agency is not None and agency.email:
                    self.to_address = agency.email
        return super().save(*args, **kwargs)

    # --- public side ---------------------------------------------------------------
    def get_form_fields(self):
        """The fields, read once per page instance (the form, its rendering and the
        email all need them)."""
        if getattr(self, "_form_fields_cache", None) is None:
            self._form_fields_cache = list(self.form_fields.all())
        return self._form_fields_cache

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            if over_rate_limit(self.pk, client_ip(request)):
                return self.render_rate_limited(request)
            if request.POST.get(HONEYPOT_FIELD):
                # A field people never see was filled in: answer as if it worked.
                logger.info("Honeypot filled on form page %s; submission dropped", self.pk)
                return redirect(f"{request.path}?sent={self.sent_token(None)}")
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if form.is_valid():
                submission = self.process_form_submission(form)
                return redirect(f"{request.path}?sent={self.sent_token(submission.pk)}")
        else:
            sent = request.GET.get("sent")
            if sent:
                reference = self.read_sent_token(sent)
                if reference is not False:
                    return self.render_landing_page(request, reference=reference)
            form = self.get_form(page=self, user=request.user)
        context = self.get_context(request)
        context.update(rendering.form_context(self, form))
        response = TemplateResponse(request, self.get_template(request), context)
        add_never_cache_headers(response)
        return response

    def render_rate_limited(self, request):
        """429: the form again, its answers kept, with the reason in the page's language."""
        logger.info("Rate limit reached on form page %s", self.pk)
        form = self.get_form(page=self, user=request.user, initial=request.POST.dict())
        context = self.get_context(request)
        context.update(rendering.form_context(self, form))
        context["error_items"] = [{"href": "", "text": rate_limited_message()}]
        response = TemplateResponse(request, self.get_template(request), context, status=429)
        add_never_cache_headers(response)
        response["Retry-After"] = str(settings.FORM_RATE_LIMIT_WINDOW)
        return response

    def sent_token(self, submission_id) -> str:
        return signing.dumps({"p": self.pk, "s": submission_id}, salt=SENT_SALT)

    def read_sent_token(self, token: str):
        """The reference of a submission that was just sent, None when there is none to
        show, False when the token is not one of ours (then the form is shown)."""
        try:
            value = signing.loads(token, salt=SENT_SALT, max_age=SENT_MAX_AGE)
        except signing.BadSignature:
            return False
        if not isinstance(value, dict) or value.get("p") != self.pk:
            return False
        return rendering.reference_number(value["s"]) if value.get("s") else None

    def render_landing_page(self, request, form_submission=None, *args, reference=None, **kwargs):
        context = self.get_context(request)
        if form_submission is not None and reference is None:
            reference = rendering.reference_number(form_submission.pk)
        context["form_submission"] = form_submission
        context["reference"] = reference
        response = TemplateResponse(request, self.get_landing_page_template(request), context)
        add_never_cache_headers(response)
        return response

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update(rendering.form_context(self, context["form"]))
        return context

    # --- storing and sending -------------------------------------------------------
    def process_form_submission(self, form):
        with transaction.atomic():
            submission = self.get_submission_class().objects.create(
                form_data=form.cleaned_data, page=self
            )
        self.send_mail(form, submission)
        return submission

    def recipients(self) -> list[str]:
        """The form's addresses, else the agency's email."""
        if self.to_address:
            return [address.strip() for address in self.to_address.split(",") if address.strip()]
        agency = self.agency
        return [agency.email] if agency is not None and agency.email else []

    def send_mail(self, form, submission=None):
        recipients = self.recipients()
        if not recipients:
            return
        citizen_language = translation.get_language()
        with translation.override(self.email_language):
            subject = self.subject or str(_("New submission: %(title)s") % {"title": self.title})
            body = self.render_email(form, submission, citizen_language)
        reply_to = [form.cleaned_data["email"]] if form.cleaned_data.get("email") else None
        message = EmailMessage(
            subject=subject,
            body=body,
            from_email=self.from_address or None,
            to=recipients,
            reply_to=reply_to,
        )
        try:
            message.send()
        except OSError:
            # The submission is stored and listed in the admin; the mail can wait.
            logger.exception("Could not email the submission to form page %s", self.pk)

    def render_email(self, form, submission=None, citizen_language=None):
        """The email text in the active language (the page's email language): labels
        and choice answers in that language, whatever language the citizen used."""
        lines = [
            str(_("Form: %(title)s") % {"title": self.title}),
        ]
        agency = self.agency
        if agency is not None:
            lines.append(str(_("Agency: %(name)s") % {"name": agency.name}))
        if submission is not None:
            lines.append(
                str(
                    _("Reference number: %(number)s")
                    % {"number": rendering.reference_number(submission.pk)}
                )
            )
            lines.append(
                str(
                    _("Sent: %(time)s")
                    % {
                        "time": timezone.localtime(submission.submit_time).strftime(
                            "%Y-%m-%d %H:%M"
                        )
                    }
                )
            )
        if citizen_language:
            lines.append(
                str(
                    _("Language of the appeal: %(language)s (reply in this language)")
                    % {"language": LANGUAGE_NAMES.get(citizen_language, citizen_language)}
                )
            )
        lines.append("")
        cleaned = form.cleaned_data
        for field in self.get_form_fields():
            name = field.clean_name
            if name not in cleaned:
                continue
            value = cleaned[name]
            labels = dict(choice_pairs(field)) if field.choices else {}
            if isinstance(value, list):
                value = ", ".join(labels.get(item, item) for item in value)
            elif isinstance(value, bool):
                value = str(_("yes") if value else _("no"))
            elif value is None:
                value = ""
            else:
                value = labels.get(value, value) if isinstance(value, str) else value
            lines.append(f"{field.label}: {value}")
        return "\n".join(lines)


def build_fields(specs) -> list:
    """Unsaved FormFields from specs like DEFAULT_FIELDS (texts per language)."""
    fields = []
    for order, spec in enumerate(specs):
        field = FormField(
            clean_name=spec["clean_name"],
            field_type=spec["field_type"],
            required=spec["required"],
            sort_order=order,
        )
        for name in ("label", "help_text", "choices"):
            texts = spec.get(name) or {}
            for lang in LANGS:
                setattr(field, f"{name}_{lang}", texts.get(lang, ""))
        fields.append(field)
    return fields


def default_fields() -> list:
    return build_fields(DEFAULT_FIELDS)
