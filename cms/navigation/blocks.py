"""Blocks of the agency menu: a link (a page of the agency or an external address,
with a label per language), a main-menu item with one level of children, and a
footer column of links."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.core.languages import REQUIRED


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
            for lang in REQUIRED:
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


# --- Raw StreamField data -----------------------------------------------------------
def list_values(items) -> list[dict]:
    """Values of a ListBlock's raw data, in the new ({type, value, id}) or old format."""
    values = []
    for item in items or []:
        if isinstance(item, dict) and "value" in item and "type" in item:
            item = item["value"]
        if isinstance(item, dict):
            values.append(item)
    return values


def menu_links(stream_raw) -> list[dict]:
    """Every link value of a main menu or footer, children and column links included."""
    links = []
    for block in stream_raw or []:
        value = block.get("value") or {}
        if block.get("type") == "item":
            links.append(value)
            links.extend(list_values(value.get("children")))
        elif block.get("type") == "column":
            links.extend(list_values(value.get("links")))
    return links


def page_ids(stream_raw) -> set[int]:
    return {int(link["page"]) for link in menu_links(stream_raw) if link.get("page")}
