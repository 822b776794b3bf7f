"""What a check returns: a score from 0 to 100, the failing items, scores per
language where the check is per language, and extra rows to keep (due dates)."""

import datetime
from dataclasses import dataclass, field

FRESHNESS = "freshness"
CONTENT = "content"
DEPTH = "depth"
LINKS = "links"
ACCESSIBILITY = "accessibility"
TRANSLATION = "translation"
MODERATION = "moderation"
# In the order the dashboard shows them.
CHECKS = (FRESHNESS, CONTENT, DEPTH, LINKS, ACCESSIBILITY, TRANSLATION, MODERATION)


def item(check: str, code: str, *, lang: str = "", page: int | None = None, **params) -> dict:
    """A failing item as stored in the snapshot (JSON: dates as ISO strings)."""
    values = {
        key: value.isoformat() if isinstance(value, datetime.date) else value
        for key, value in params.items()
    }
    return {"check": check, "code": code, "lang": lang, "page": page, **values}


def percent(good: int, total: int) -> int:
    """A score: 100 when there is nothing to check."""
    if total <= 0:
        return 100
    return max(0, min(100, (100 * good) // total))


@dataclass
class CheckResult:
    score: int
    items: list[dict] = field(default_factory=list)
    by_language: dict[str, int] = field(default_factory=dict)
    due_dates: list[dict] = field(default_factory=list)
