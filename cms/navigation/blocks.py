"""Blocks of the agency menu: a link (a page of the agency or an external address,
with a label per language), a main-menu item with one level of children, and a
footer column of links."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class LinkBlock(blocks.StructBlock):
    """One link: a page of the agency's own site, or an external address."""

    page = blocks.PageChooserBlock(
        required=False,
        label=_("Page"),
        help_text=_("A page of your agency's site. Leave empty for an external address."),
    )
    url = blocks.URLBlock(
        required=False, label=_("External address"), help_text=_("For example https://egov.kz/")
    )
    label_kk = blocks.CharBlock(required=False, max_length=80, label=_("Label (Kazakh)"))
    label_ru = blocks.CharBlock(required=False, max_length=80, label=_("Label (Russian)"))
    label_en = blocks.CharBlock(required=False, max_length=80, label=_("Label (English)"))

    class Meta:
        icon = "link"
        form_classname = "struct-block navigation-link"
        help_text = _(
            "A page link uses the page's title unless you give a label; an external link "
            "needs a Kazakh and a Russian label."
        )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value.get("page") and value.get("url"):
            errors["url"] = ValidationError(_("Choose a page or enter an address, not both."))
        elif not value.get("page") and not value.get("url"):
            errors["page"] = ValidationError(_("Choose a page or enter an external address."))
        if value.get("url"):
            for lang in ("kk", "ru"):
                if not (value.get(f"label_{lang}") or "").strip():
                    errors[f"label_{lang}"] = ValidationError(
                        _("An external link needs a label in this language.")
                    )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class MenuItemBlock(LinkBlock):
    """An entry of the main menu with an optional submenu (one level)."""

    children = blocks.ListBlock(LinkBlock(), required=False, label=_("Submenu"), default=[])

    class Meta:
        icon = "list-ul"
        label = _("Menu item")


class FooterColumnBlock(blocks.StructBlock):
    heading_kk = blocks.CharBlock(max_length=80, label=_("Heading (Kazakh)"))
    heading_ru = blocks.CharBlock(max_length=80, label=_("Heading (Russian)"))
    heading_en = blocks.CharBlock(required=False, max_length=80, label=_("Heading (English)"))
    links = blocks.ListBlock(LinkBlock(), label=_("Links"))

    class Meta:
        icon = "list-ul"
        label = _("Footer column")


class MainMenuBlock(blocks.StreamBlock):
    item = MenuItemBlock()


class FooterBlock(blocks.StreamBlock):
    column = FooterColumnBlock()
