"""Admin widgets of the pages app."""

import re

from django.urls import reverse
from wagtail.admin.widgets import AdminTagWidget, SlugInput

from cms.core.translit import CYRILLIC_TO_ASCII


class NewsTagWidget(AdminTagWidget):
    """The tag field of a news item, suggesting only the agency's own topics."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-w-tag-url-value"] = reverse("pages_news_tag_autocomplete")
        return context


def transliterating_slug_input(**kwargs) -> SlugInput:
    """Wagtail's slug field, which the admin fills from the title as the editor types,
    with every Kazakh and Russian Cyrillic letter first spelt in ASCII by the shared
    table (cms.core.translit): the admin then shows the slug the server makes
    (`slug_from_title`), «Жаңа цифрлық қызмет» → zhana-tsifrlyq-qyzmet, instead of
    Wagtail's Russian table, which drops ә ғ қ ң ө ұ ү һ."""
    formatters = [
        (f"[{re.escape(cyr)}{re.escape(cyr.upper())}]", ascii_spelling)
        for cyr, ascii_spelling in CYRILLIC_TO_ASCII.items()
    ]
    return SlugInput(formatters=formatters, **kwargs)
