"""Parameters of the `tabs` component (`themes/templates/components/tabs/`)."""


def tab(panel_id: str, title: str, body_html: str) -> dict:
    """One tab: the panel's id (the tab is `<id>-tab`), the tab's text (also the
    panel's heading) and the panel's HTML, rendered by another component (trusted,
    never user input)."""
    return {"id": panel_id, "title": title, "body_html": body_html}
