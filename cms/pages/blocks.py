"""StreamField blocks of the page body. Each maps to one component template."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from cms.core.video import embed_url

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


class QuoteBlock(blocks.StructBlock):
    """A quotation with the person or document it comes from."""

    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "components/quote/quote_block.html"


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))


class AccordionBlock(blocks.ListBlock):
    """Collapsible sections, rendered by the shared accordion component."""

    def __init__(self, child_block=None, **kwargs):
        kwargs.setdefault("label", _("Accordion"))
        super().__init__(child_block or AccordionItemBlock(), **kwargs)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["items"] = [
            {"title": item["title"], "body_html": str(item["body"]), "open": False}
            for item in value
        ]
        return context

    class Meta:
        icon = "list-ul"
        template = "pages/blocks/accordion_block.html"


class VideoBlock(blocks.StructBlock):
    """An embedded video with its title and transcript (shared video component)."""

    url = blocks.URLBlock(label=_("Video address"))
    # Not required so that a draft saves; publishing requires it (cms.pages.accessibility).
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        help_text=_("What the video is about. Required to publish."),
    )
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        required=False,
        help_text=_("The text of what is said and shown, for people who cannot hear or see it."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embed_url"] = embed_url(value.get("url") or "") or ""
        return context

    class Meta:
        icon = "media"
        template = "pages/blocks/video_block.html"


class CallToActionBlock(blocks.StructBlock):
    """A highlighted invitation to act, with one link (a page or an address)."""

    text = blocks.TextBlock(label=_("Text"))
    link_page = blocks.PageChooserBlock(label=_("Link to a page"), required=False)
    link_url = blocks.URLBlock(label=_("Or link to an address"), required=False)
    # Publishing refuses empty or vague link text (cms.pages.accessibility).
    link_text = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        help_text=_('Says where the link leads, e.g. "Apply for a licence", not "Click here".'),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["href"] = link_href(value.get("link_page"), value.get("link_url"))
        return context

    class Meta:
        icon = "pick"
        template = "components/call_to_action/call_to_action_block.html"


class ContactCardBlock(blocks.StructBlock):
    """Who to contact about the page's subject, and how."""

    name = blocks.CharBlock(label=_("Name"))
    role = blocks.CharBlock(label=_("Role"), required=False)
    phone = blocks.CharBlock(label=_("Phone"), required=False, max_length=64)
    email = blocks.EmailBlock(label=_("Email"), required=False)
    hours = blocks.CharBlock(label=_("Opening hours"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        phone = value.get("phone") or ""
        context["phone_href"] = "".join(c for c in phone if c.isdigit() or c == "+")
        return context

    class Meta:
        icon = "user"
        template = "components/contact_card/contact_card_block.html"


class RelatedLinkBlock(blocks.StructBlock):
    """A link to a page or an address, with its text."""

    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or address"), required=False)
    text = blocks.CharBlock(label=_("Link text"), required=False)

    class Meta:
        icon = "link"


def link_href(page, url) -> str:
    """The address of a page-or-url link ("" when neither is set or the page is not live)."""
    if page is not None:
        specific = getattr(page, "specific_deferred", page)
        if getattr(specific, "live", True):
            return specific.url or ""
    return url or ""


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))
    image = ImageBlock()
    document = DocumentLinkBlock()
    table = DataTableBlock(label=_("Table"))
    quote = QuoteBlock(label=_("Quotation"))
    accordion = AccordionBlock()
    video = VideoBlock(label=_("Video"))
    call_to_action = CallToActionBlock(label=_("Call to action"))
    contact_card = ContactCardBlock(label=_("Contact card"))


class RelatedLinksBlock(blocks.StreamBlock):
    link = RelatedLinkBlock(label=_("Link"))
