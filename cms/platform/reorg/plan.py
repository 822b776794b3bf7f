"""The plan of a reorganisation: what it will do, computed before anything changes.

Every operation first builds a `Plan` from the database as it is (reads only); the
dry run returns it, the admin shows it before the platform admin confirms, and the
real run carries it out step by step and writes it to the audit log. The plan's
human lines are written in the active language (the admin's, the command's).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field


@dataclass
class PageMove:
    """One page (and its subtree) that moves: addresses without the language."""

    page_id: int
    title: str
    old_path: str
    new_path: str
    pages: int  # the page and its descendants
    new_slug: str | None = None  # when its slug is taken at the destination


@dataclass
class Change:
    """A user, a group or another object that changes, and how (a human line)."""

    name: str
    change: str


@dataclass
class Plan:
    operation: str  # rename | move | merge | split
    agency: str  # the slug of the agency reorganised
    target: str | None = None  # merge: into; split: the new agency; move: the parent
    summary: list[str] = field(default_factory=list)
    moves: list[PageMove] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)  # old prefix → new prefix
    hosts: dict[str, str] = field(default_factory=dict)  # old host name → where it goes
    users: list[Change] = field(default_factory=list)
    groups: list[Change] = field(default_factory=list)
    # What the run needs and the reader does not (ids, options): not shown.
    steps: dict = field(default_factory=dict)
    done: bool = False

    @property
    def pages_moved(self) -> int:
        return sum(move.pages for move in self.moves)

    def as_dict(self) -> dict:
        """JSON-ready, for the audit log."""
        data = asdict(self)
        data.pop("steps")
        data["pages_moved"] = self.pages_moved
        return data

    def digest(self) -> str:
        """A fingerprint of what the plan does: the admin's confirmation carries the
        digest of the plan it showed, and the run refuses if the plan changed since."""
        data = self.as_dict()
        data.pop("done")
        encoded = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(encoded.encode()).hexdigest()[:32]

    def lines(self) -> list[str]:
        """The plan as plain text lines (the management command prints them)."""
        out = list(self.summary)
        out += [f"  move {move.old_path} → {move.new_path} ({move.pages})" for move in self.moves]
        out += [f"  301 /<lang>/{old} → /<lang>/{new}" for old, new in self.redirects.items()]
        out += [f"  301 {old} → {new}" for old, new in self.hosts.items()]
        out += [f"  user {change.name}: {change.change}" for change in self.users]
        out += [f"  group {change.name}: {change.change}" for change in self.groups]
        return out
