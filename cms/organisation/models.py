"""Leadership, structure and contacts of an agency.

Tree: AgencyHomePage → LeadershipPage ("leadership" section) → PersonPage (one per
head or deputy) and StructurePage (departments and subordinate bodies);
AgencyHomePage → ContactsPage ("contacts" section). A StructurePage may also sit
under the plain "about" section.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, validate_email
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from cms.core.components.contact_block import contact_block, phone_href
from cms.pages.blocks import RICH_TEXT_FEATURES
from cms.pages.models import BasePage, SectionPage
from cms.pages.privacy import public
from cms.tenants.models import Agency

from .cards import department_contact, person_card, person_contact
from .forms import PersonPageForm

PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9][0-9 ()\-]{2,30}$",
    _("Enter a phone number of digits, spaces, brackets and hyphens, e.g. +7 7172 55 00 00."),
    code="bad_phone",
)


def split_lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def validate_phone_lines(value: str) -> None:
    for line in split_lines(value):
        PHONE_VALIDATOR(line)


def validate_email_lines(value: str) -> None:
    for line in split_lines(value):
        try:
            validate_email(line)
        except ValidationError:
            raise ValidationError(
                _("“%(value)s” is not a valid email address."),
                code="bad_email",
                params={"value": line},
            ) from None


class LeadershipPage(SectionPage):
    """The "leadership" section: the head and deputies as person cards."""

    parent_page_types = ["pages.AgencyHomePage"]
    translated_required_fields = ("title",)

    class Meta:
        verbose_name = _("leadership page")

    def people(self):
        return (
            public(PersonPage.objects.child_of(self).live())
            .select_related("photo")
            .prefetch_related("photo__renditions")
            .order_by("-is_head", "sort_order", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        people = list(self.people())
        head = next((p for p in people if p.is_head), None)
        context["head_card"] = person_card(head, request) if head else None
        context["people_cards"] = [person_card(p, request) for p in people if p is not head]
        # Person pages are shown as cards; the other children (structure) as links.
        context["children"] = [p for p in context["children"] if not isinstance(p, PersonPage)]
        return context


class PersonPage(BasePage):
    """The head of the agency or one of the deputies. The title is the full name."""

    base_form_class = PersonPageForm

    position = models.CharField(_("position"), max_length=255, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        _("photo description"),
        max_length=255,
        blank=True,
        help_text=_("For screen readers, e.g. “Portrait of Asqar Nurlanov”."),
    )
    biography = RichTextField(_("biography"), features=RICH_TEXT_FEATURES, blank=True)
    reception_hours = models.TextField(
        _("reception of citizens"),
        blank=True,
        help_text=_("When and where citizens are received, e.g. “Tuesday 15:00–18:00, room 304”."),
    )
    phone = models.CharField(_("phone"), max_length=64, blank=True, validators=[PHONE_VALIDATOR])
    email = models.EmailField(_("email"), blank=True)
    is_head = models.BooleanField(
        _("head of the agency"),
        default=False,
        help_text=_("Shown first and on the agency's home page."),
    )
    sort_order = models.IntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first among the deputies.")
    )

    parent_page_types = ["organisation.LeadershipPage"]
    subpage_types = []
    translated_required_fields = ("title", "position")

    content_panels = Page.content_panels + [
        FieldPanel("position"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading=_("Photo")),
        FieldPanel("biography"),
        FieldPanel("reception_hours"),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contacts")),
        MultiFieldPanel([FieldPanel("is_head"), FieldPanel("sort_order")], heading=_("Order")),
    ]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["card"] = person_card(self, request, heading_level=2)
        context["contact"] = person_contact(self)
        return context

    def search_extra_text(self, language: str) -> list[str]:
        """The position (and reception hours) are searchable beside the name."""
        return [
            getattr(self, f"position_{language}", "") or "",
            getattr(self, f"reception_hours_{language}", "") or "",
        ]


class StructurePage(BasePage):
    """Departments of the agency and its subordinate bodies (from the agency tree)."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["organisation.LeadershipPage", "pages.SectionPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("departments", heading=_("Departments"), label=_("Department")),
    ]

    class Meta:
        verbose_name = _("structure page")

    @classmethod
    def can_create_at(cls, parent):
        # Under the leadership section, or under the plain "about" section.
        if not super().can_create_at(parent):
            return False
        return parent.specific_class is LeadershipPage or parent.slug == "about"

    def subordinate_agencies(self):
        """Active subordinate bodies of this page's agency with a live home page."""
        agency = self.agency
        if agency is None:
            return Agency.objects.none()
        return (
            agency.children.filter(status=Agency.Status.ACTIVE, home_page__live=True)
            .select_related("home_page")
            .order_by("name")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["departments"] = [
            {"department": d, "contact": department_contact(d)} for d in self.departments.all()
        ]
        context["subordinates"] = [
            {"title": a.name, "url": a.home_page.get_url(request=request) or ""}
            for a in self.subordinate_agencies()
        ]
        return context


class Department(Orderable):
    page = ParentalKey(StructurePage, on_delete=models.CASCADE, related_name="departments")
    name = models.CharField(_("name"), max_length=255)
    functions = models.TextField(_("functions"), blank=True)
    head_name = models.CharField(_("head of the department"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True, validators=[PHONE_VALIDATOR])
    email = models.EmailField(_("email"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("functions"),
        FieldPanel("head_name"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self) -> str:
        return self.name

    @property
    def phone_href(self) -> str:
        return phone_href(self.phone)


class ContactsPage(SectionPage):
    """The "contacts" section: addresses, phones, e-mails, hours, reception schedule."""

    address = models.TextField(
        _("addresses"),
        blank=True,
        help_text=_("One address per line. Empty: the agency's postal address."),
    )
    phones = models.TextField(
        _("phones"),
        blank=True,
        validators=[validate_phone_lines],
        help_text=_("One number per line. Empty: the agency's phone."),
    )
    emails = models.TextField(
        _("emails"),
        blank=True,
        validators=[validate_email_lines],
        help_text=_("One address per line. Empty: the agency's email."),
    )
    working_hours = models.TextField(_("working hours"), blank=True)
    map_url = models.URLField(_("map link"), blank=True)
    directions = models.TextField(_("how to get there"), blank=True)

    parent_page_types = ["pages.AgencyHomePage"]
    translated_required_fields = ("title",)

    content_panels = SectionPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phones"),
                FieldPanel("emails"),
                FieldPanel("working_hours"),
            ],
            heading=_("Contacts"),
        ),
        MultiFieldPanel([FieldPanel("map_url"), FieldPanel("directions")], heading=_("Map")),
        InlinePanel("reception_slots", heading=_("Reception of citizens"), label=_("Row")),
    ]

    class Meta:
        verbose_name = _("contacts page")

    def contact(self) -> dict:
        """Parameters of the contact_block component, filled from the agency when empty."""
        agency = self.agency
        addresses = split_lines(self.address) or (
            [agency.address] if agency is not None and agency.address else []
        )
        phones = split_lines(self.phones) or ([agency.phone] if agency and agency.phone else [])
        emails = split_lines(self.emails) or ([agency.email] if agency and agency.email else [])
        return contact_block(
            addresses=addresses, phones=phones, emails=emails, hours=self.working_hours
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contact"] = self.contact()
        context["reception_slots"] = list(self.reception_slots.all())
        return context


class ReceptionSlot(Orderable):
    """One row of the public reception schedule."""

    page = ParentalKey(ContactsPage, on_delete=models.CASCADE, related_name="reception_slots")
    day = models.CharField(_("day"), max_length=100)
    time = models.CharField(_("time"), max_length=50)
    person = models.CharField(_("who receives"), max_length=255)
    place = models.CharField(_("where"), max_length=255, blank=True)

    panels = [FieldPanel("day"), FieldPanel("time"), FieldPanel("person"), FieldPanel("place")]

    class Meta(Orderable.Meta):
        verbose_name = _("reception row")
        verbose_name_plural = _("reception schedule")

    def __str__(self) -> str:
        return f"{self.day} {self.time}"
