"""Demo content for the editorial app (see cms/demo/extra/__init__.py)."""


def load(loader, agency, spec, sections, refs) -> None:
    """Nothing yet."""
