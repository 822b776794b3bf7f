from modeltranslation.translator import TranslationOptions, register

from .models import (
    ContactsPage,
    Department,
    LeadershipPage,
    PersonPage,
    ReceptionSlot,
    StructurePage,
)


@register(LeadershipPage)
class LeadershipPageTR(TranslationOptions):
    fields = ()


@register(PersonPage)
class PersonPageTR(TranslationOptions):
    fields = ("position", "photo_alt", "biography", "reception_hours")


@register(StructurePage)
class StructurePageTR(TranslationOptions):
    fields = ("intro",)


@register(Department)
class DepartmentTR(TranslationOptions):
    fields = ("name", "functions", "head_name")


@register(ContactsPage)
class ContactsPageTR(TranslationOptions):
    fields = ("address", "working_hours", "directions")


@register(ReceptionSlot)
class ReceptionSlotTR(TranslationOptions):
    fields = ("day", "person", "place")
