"""Parameters of the `top_tasks` component (`themes/templates/components/top_tasks/`)."""


def top_task(label: str, url: str, *, external: bool = False, lang: str = "") -> dict:
    """One top task: its label in the page's language and where it leads; `external`
    for an address outside the platform (egov.kz...), which the tile says; `lang`
    when the label is shown in another language (an English page without an English
    label shows the Russian one)."""
    if not label or not url:
        raise ValueError(f"top_task needs a label and a URL, got {label!r} -> {url!r}")
    return {"label": label, "url": url, "external": external, "lang": lang}


def top_tasks(tasks: list[dict], *, heading: str, heading_level: int = 2) -> dict:
    """The portal's top tasks (each built by `top_task`), in the order the platform
    admins gave them, under `heading`."""
    return {"tasks": tasks, "heading": heading, "heading_level": heading_level}
