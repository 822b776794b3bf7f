"""A small line chart of scores over time, drawn on the server as SVG (no script):
the template draws `points` and the axis labels; the same numbers go into a table
beside it, so that nothing is only in the picture."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 360, 120
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 32, 8, 8, 20


def trend_chart(rows, title: str) -> dict:
    """`rows`: [(date, score 0–100, agencies)], oldest first."""
    rows = list(rows)
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM

    def y(score):
        return round(PAD_TOP + inner_h * (100 - score) / 100, 1)

    points = []
    if rows:
        first = rows[0][0]
        span = max((rows[-1][0] - first).days, 1)
        for day, score, _count in rows:
            x = PAD_LEFT + inner_w * ((day - first).days / span if len(rows) > 1 else 0.5)
            points.append((round(x, 1), y(score)))
    scores = [score for _d, score, _c in rows]
    summary = (
        _("%(count)s days; latest %(latest)s, lowest %(low)s, highest %(high)s out of 100.")
        % {"count": len(rows), "latest": scores[-1], "low": min(scores), "high": max(scores)}
        if rows
        else _("No checks have run yet.")
    )
    # Coordinates go into SVG attributes as text: never through the template's number
    # formatting, which writes "8,5" in Russian and Kazakh.
    return {
        "title": title,
        "summary": summary,
        "width": str(WIDTH),
        "height": str(HEIGHT),
        "points": " ".join(f"{x},{py}" for x, py in points),
        "dots": [{"x": str(x), "y": str(py)} for x, py in points[-1:]],
        "grid": [
            {"y": str(y(v)), "label": str(v), "label_y": str(y(v) + 4)} for v in (0, 50, 100)
        ],
        "axis_x": str(PAD_LEFT),
        "label_x": str(PAD_LEFT - 4),
        "axis_right": str(WIDTH - PAD_RIGHT),
        "first_label": date_format(rows[0][0], "d.m.Y") if rows else "",
        "last_label": date_format(rows[-1][0], "d.m.Y") if rows else "",
        "label_y": str(HEIGHT - 4),
        "rows": [
            {"date": day, "score": score, "count": count} for day, score, count in reversed(rows)
        ],
    }
