"""Demo content for the appeals app (see cms/demo/extra/__init__.py)."""


def load(loader, agency, spec, sections, refs) -> None:
    """Nothing yet."""
