"""The create and edit forms of the agency admin screen.

Everything that can be checked before calling the provisioning service is checked
here, so that errors appear next to their field; errors the service still raises
(a race with another admin) are mapped back onto the form by `add_service_errors`.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site

from cms.core.languages import LANGUAGE_CODES, REQUIRED
from cms.pages.models import PortalHomePage
from cms.tenants.models import (
    HOSTNAME_VALIDATOR,
    RETENTION_DEFAULT_DAYS,
    RETENTION_MAX_DAYS,
    RETENTION_MIN_DAYS,
    Agency,
    validate_brand_contrast,
    validate_colour,
    validate_slug,
)

LANGS = LANGUAGE_CODES
TRANSLATED_FIELDS = [f"{base}_{lang}" for base in ("name", "short_name") for lang in LANGS]
ADDRESS_FIELDS = [f"address_{lang}" for lang in LANGS]
# Fields the create form passes to `provision_agency`; the rest go to `update_agency`.
PROVISION_FIELDS = {"slug", "category", "parent", "hostname", "brand_colour", *TRANSLATED_FIELDS}

LANGUAGE_NAMES = {"kk": _("Kazakh"), "ru": _("Russian"), "en": _("English")}

# Error codes raised by the services, and the field each one belongs to.
SERVICE_ERROR_FIELDS = {
    "duplicate_slug": "slug",
    "reserved_slug": "slug",
    "hostname_taken": "hostname",
    "hostname_mismatch": "hostname",
    "bad_colour": "brand_colour",
    "low_contrast": "brand_colour",
}


class AgencyForm(WagtailAdminModelForm):
    class Meta:
        model = Agency
        fields = [
            "slug",
            *TRANSLATED_FIELDS,
            "category",
            "parent",
            "hostname",
            "brand_colour",
            "header_layout",
            "logo",
            *ADDRESS_FIELDS,
            "phone",
            "email",
            "submission_retention_days",
        ]
        error_messages = {
            "slug": {"unique": _("An agency with this address already exists.")},
            "hostname": {"unique": _("This host name is already used by another agency.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for base, label in (
            ("name", _("Name")),
            ("short_name", _("Short name")),
            ("address", _("Postal address")),
        ):
            for lang in LANGS:
                field = self.fields.get(f"{base}_{lang}")
                if field is not None:
                    field.label = _("%(field)s (%(language)s)") % {
                        "field": label,
                        "language": LANGUAGE_NAMES[lang],
                    }
        for lang in REQUIRED:
            field = self.fields.get(f"name_{lang}")
            if field is not None:
                field.required = True
                field.error_messages["required"] = _(
                    "Enter the name in %(language)s: it is required."
                ) % {"language": LANGUAGE_NAMES[lang]}
        if "slug" in self.fields:
            # A plain text field: Django's SlugField would add its own, different
            # message for the same mistake.
            model_field = Agency._meta.get_field("slug")
            self.fields["slug"] = forms.CharField(
                label=model_field.verbose_name,
                help_text=model_field.help_text,
                max_length=model_field.max_length,
            )
        if "brand_colour" in self.fields:
            self.fields["brand_colour"].max_length = None
            # Checked on every save, also when the colour was stored before the rule.
            self.fields["brand_colour"].validators = [validate_colour, validate_brand_contrast]
        if "header_layout" in self.fields:
            # A form posted without it (an older client) keeps the layout unchanged.
            self.fields["header_layout"].required = False
        if "submission_retention_days" in self.fields:
            # A form posted without it (an older client) keeps the period unchanged.
            days = self.fields["submission_retention_days"]
            days.required = False
            # One message for both bounds, also for a negative number.
            days.validators = list(Agency._meta.get_field("submission_retention_days").validators)
            days.widget.attrs.update(min=RETENTION_MIN_DAYS, max=RETENTION_MAX_DAYS)
        if "parent" in self.fields:
            parents = Agency.objects.order_by("category", "slug")
            if self.instance.pk:
                parents = parents.exclude(pk=self.instance.pk)
            self.fields["parent"].queryset = parents

    def clean_slug(self):
        slug = (self.cleaned_data.get("slug") or "").strip()
        validate_slug(slug)
        if Agency.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            raise ValidationError(
                _("An agency with the address “%(slug)s” already exists."),
                code="duplicate_slug",
                params={"slug": slug},
            )
        portal = PortalHomePage.objects.first()
        if portal is not None and portal.get_children().filter(slug=slug).exists():
            raise ValidationError(
                _("The address “%(slug)s” is already used by a page of the portal."),
                code="slug_in_use",
                params={"slug": slug},
            )
        return slug

    def clean_hostname(self):
        hostname = (self.cleaned_data.get("hostname") or "").strip().lower()
        if not hostname:
            return None
        HOSTNAME_VALIDATOR(hostname)
        if Agency.objects.filter(hostname=hostname).exclude(pk=self.instance.pk).exists():
            raise ValidationError(
                _("The host name %(host)s is already used by another agency."),
                code="hostname_taken",
                params={"host": hostname},
            )
        sites = Site.objects.filter(hostname=hostname)
        if self.instance.site_id:
            sites = sites.exclude(pk=self.instance.site_id)
        if sites.exists():
            raise ValidationError(
                _("The host name %(host)s is already used by another site."),
                code="hostname_taken",
                params={"host": hostname},
            )
        return hostname

    def clean_header_layout(self):
        layout = self.cleaned_data.get("header_layout")
        if layout:
            return layout
        if self.instance.pk:
            return self.instance.header_layout
        return Agency.HeaderLayout.STANDARD

    def clean_submission_retention_days(self):
        days = self.cleaned_data.get("submission_retention_days")
        if days is not None:
            return days
        if self.instance.pk:
            return self.instance.submission_retention_days
        return RETENTION_DEFAULT_DAYS

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        if parent is None or not self.instance.pk:
            return parent
        node = parent
        while node is not None:
            if node.pk == self.instance.pk:
                raise ValidationError(
                    _(
                        "An agency cannot be subordinate to itself or to one of the "
                        "bodies subordinate to it."
                    ),
                    code="parent_cycle",
                )
            node = node.parent
        return parent

    def add_service_errors(self, error: ValidationError) -> None:
        """Show an error raised by the provisioning service on this form."""
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                self.add_error(field if field in self.fields else None, errors)
            return
        for item in error.error_list:
            field = SERVICE_ERROR_FIELDS.get(item.code)
            self.add_error(field if field in self.fields else None, item)
