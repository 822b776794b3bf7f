"""Parameters of the `share_links` component (`themes/templates/components/share_links/`)."""

from urllib.parse import quote, urlencode

from django.utils.translation import gettext as _


def _query(**params: str) -> str:
    return urlencode(params, quote_via=quote)


def share_links(url: str, title: str) -> dict:
    """Plain links that share the page `url` (absolute) with its `title` by Telegram,
    WhatsApp and e-mail: no script and nothing loaded from those services."""
    if not url:
        return {"title": "", "items": []}
    return {
        "title": _("Share this page"),
        "items": [
            {
                "service": "telegram",
                "name": "Telegram",
                "label": _("Share on Telegram"),
                "href": "https://t.me/share/url?" + _query(url=url, text=title),
            },
            {
                "service": "whatsapp",
                "name": "WhatsApp",
                "label": _("Share on WhatsApp"),
                "href": "https://wa.me/?" + _query(text=f"{title} {url}"),
            },
            {
                "service": "email",
                "name": "E-mail",
                "label": _("Share by e-mail"),
                "href": "mailto:?" + _query(subject=title, body=url),
            },
        ],
    }
