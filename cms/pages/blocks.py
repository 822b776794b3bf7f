"""StreamField blocks of the page body. Each maps to one component template."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    """A section heading (h2 or h3) inside the body."""

    text = blocks.CharBlock(label=_("Text"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
        label=_("Level"),
        search_index=False,  # the level's label is not content: keep it out of the index
    )

    class Meta:
        icon = "title"
        template = "components/heading/heading_block.html"


class ImageBlock(blocks.StructBlock):
    """An image with its alternative text and an optional caption."""

    image = ImageChooserBlock(label=_("Image"))
    # Not required here so that a draft can be saved without it; publishing refuses an
    # image without alternative text (cms.pages.accessibility).
    alt = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        required=False,
        help_text=_("What the image shows, for people who cannot see it. Required to publish."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        template = "components/figure/figure_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a downloadable document with its title."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False)

    class Meta:
        icon = "doc-full"
        template = "components/document_link/document_link_block.html"


class DataTableBlock(TableBlock):
    """A data table; publishing requires a header row or column (cms.pages.accessibility)."""

    class Meta:
        icon = "table"
        template = "pages/blocks/table_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))
    image = ImageBlock()
    document = DocumentLinkBlock()
    table = DataTableBlock(label=_("Table"))
