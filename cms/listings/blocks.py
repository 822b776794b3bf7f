"""StreamField blocks of the listings page types."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

ANSWER_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class QuestionBlock(blocks.StructBlock):
    """One question and its answer, shown as an accordion item."""

    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(features=ANSWER_FEATURES, label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("Question and answer")


class QuestionsBlock(blocks.StreamBlock):
    item = QuestionBlock()


class PhotoBlock(blocks.StructBlock):
    """A photo shared by every language, with its alternative text and caption per
    language. Alternative text is not required for a draft; publishing refuses a
    photo without it in a required language (GalleryPageForm)."""

    image = ImageChooserBlock(label=_("Image"))
    alt_kk = blocks.CharBlock(label=_("Alternative text (Kazakh)"), max_length=250, required=False)
    alt_ru = blocks.CharBlock(label=_("Alternative text (Russian)"), max_length=250, required=False)
    alt_en = blocks.CharBlock(label=_("Alternative text (English)"), max_length=250, required=False)
    caption_kk = blocks.CharBlock(label=_("Caption (Kazakh)"), required=False)
    caption_ru = blocks.CharBlock(label=_("Caption (Russian)"), required=False)
    caption_en = blocks.CharBlock(label=_("Caption (English)"), required=False)

    class Meta:
        icon = "image"
        label = _("Photo")


class PhotosBlock(blocks.StreamBlock):
    photo = PhotoBlock()


class VideoBlock(blocks.StructBlock):
    """A video with its title and transcript in the page's language."""

    url = blocks.URLBlock(label=_("Video address"))
    title = blocks.CharBlock(label=_("Title"), max_length=250)
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        required=False,
        help_text=_(
            "Everything said and shown in the video, for people who cannot hear or see it."
        ),
    )

    class Meta:
        icon = "media"
        label = _("Video")


class VideosBlock(blocks.StreamBlock):
    video = VideoBlock()
