"""The component catalogue: every example of every component, read from the
components' own `examples.json` and `README.md` (the same examples the tests use).
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

COMPONENTS = Path(__file__).resolve().parent / "templates" / "components"
# | `name` | type | required | description |
PARAMETER_ROW = re.compile(
    r"^\|\s*`(?P<name>[^`]+)`\s*\|(?P<type>[^|]*)\|(?P<req>[^|]*)\|(?P<desc>.*)\|\s*$"
)


@dataclass
class Parameter:
    name: str
    type: str
    required: bool
    description: str


@dataclass
class Example:
    name: str
    lang: str
    context: dict

    def rows(self, parameters: dict[str, Parameter]) -> list[dict]:
        """The example's parameters with their documented type, for the table."""
        rows = []
        for key, value in self.context.items():
            documented = parameters.get(key)
            rows.append(
                {
                    "name": key,
                    "type": documented.type if documented else "",
                    "value": value
                    if isinstance(value, str)
                    else json.dumps(value, ensure_ascii=False),
                }
            )
        return rows


@dataclass
class Component:
    name: str
    template: str
    summary: str
    parameters: dict[str, Parameter] = field(default_factory=dict)
    examples: list[Example] = field(default_factory=list)


def _readme(folder: Path) -> tuple[str, dict[str, Parameter]]:
    """First paragraph after the title, and the parameter table of a README."""
    lines = (folder / "README.md").read_text(encoding="utf-8").splitlines()
    summary = next((line for line in lines[1:] if line.strip()), "").replace("`", "")
    parameters = {}
    for line in lines:
        match = PARAMETER_ROW.match(line)
        if match:
            parameters[match["name"]] = Parameter(
                name=match["name"],
                type=match["type"].strip(),
                required=match["req"].strip() == "yes",
                description=match["desc"].strip(),
            )
    return summary, parameters


def load_components(only: str | None = None) -> list[Component]:
    """Every component folder with an examples.json, sorted by name."""
    components = []
    for folder in sorted(p for p in COMPONENTS.iterdir() if p.is_dir()):
        if only and folder.name != only:
            continue
        spec = json.loads((folder / "examples.json").read_text(encoding="utf-8"))
        summary, parameters = _readme(folder)
        components.append(
            Component(
                name=folder.name,
                template=spec["template"],
                summary=summary,
                parameters=parameters,
                examples=[
                    Example(name=e["name"], lang=e["lang"], context=e["context"])
                    for e in spec["examples"]
                ],
            )
        )
    return components


def render_example(component: Component, example: Example) -> str:
    """The example's HTML, rendered in the example's own language."""
    with translation.override(example.lang):
        # The project's own component template, rendered with autoescape on.
        return mark_safe(render_to_string(component.template, example.context))  # noqa: S308
