"""Admin widgets of the pages app."""

from django.urls import reverse
from wagtail.admin.widgets import AdminTagWidget


class NewsTagWidget(AdminTagWidget):
    """The tag field of a news item, suggesting only the agency's own topics."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-w-tag-url-value"] = reverse("pages_news_tag_autocomplete")
        return context
