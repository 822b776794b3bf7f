"""Parameters of the `tag_list` component (`themes/templates/components/tag_list/`)."""


def tag(name: str, url: str = "", current: bool = False) -> dict:
    """One topic: its name, the archive filtered by it (empty: plain text) and whether
    it is the filter in use."""
    return {"name": name, "url": url, "current": current}
