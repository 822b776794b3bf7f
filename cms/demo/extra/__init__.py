"""Demo content brought by the content apps, one module per app.

Each module has `load(loader, agency, spec, sections, refs)`, called by
`DemoLoader._load_agency` for every demo agency after its sections and news are
filled, inside the agency's transaction. It must be idempotent: a second
`load_demo` creates nothing (use `loader.created[kind] += 1` for what it makes, and
`loader._publish(page, kind)` to publish). `sections` maps section slug → specific
page; `refs` maps "image" / "document:<key>" to ids of the agency's demo media.
"""

from importlib import import_module

MODULES = ("content", "organisation", "listings", "appeals", "navigation", "editorial")


def extensions():
    return [import_module(f"{__name__}.{name}") for name in MODULES]
