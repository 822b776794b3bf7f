"""Parameters of the `breadcrumbs` component (`themes/templates/components/breadcrumbs/`)."""


def crumb(title: str, url: str, lang: str = "") -> dict:
    """One ancestor in the trail: {title, url, lang}; `lang` names the language of a
    title shown in another language than the page's (a fallback), else ""."""
    return {"title": title, "url": url, "lang": lang}


def breadcrumbs(items: list[dict], current_title: str) -> dict:
    """The trail (each item built by `crumb`) and the title of the page shown."""
    return {"items": items, "current_title": current_title}
