"""Parameters of the `page_updated` component (`themes/templates/components/page_updated/`)."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import pgettext, pgettext_lazy

# Month names as they stand in a written date ("7 December 2026"): Russian needs the
# genitive, Kazakh the lower case, so they are translated here and not taken from
# Django's calendar names.
MONTHS = (
    pgettext_lazy("in a date", "January"),
    pgettext_lazy("in a date", "February"),
    pgettext_lazy("in a date", "March"),
    pgettext_lazy("in a date", "April"),
    pgettext_lazy("in a date", "May"),
    pgettext_lazy("in a date", "June"),
    pgettext_lazy("in a date", "July"),
    pgettext_lazy("in a date", "August"),
    pgettext_lazy("in a date", "September"),
    pgettext_lazy("in a date", "October"),
    pgettext_lazy("in a date", "November"),
    pgettext_lazy("in a date", "December"),
)


def long_date(value: dt.date) -> str:
    """A date written out in the active language: "7 December 2026",
    "7 декабря 2026 г.", "2026 жылғы 7 желтоқсан"."""
    return pgettext("a written date", "%(day)s %(month)s %(year)s") % {
        "day": value.day,
        "month": MONTHS[value.month - 1],
        "year": value.year,
    }


def page_updated(when: dt.datetime | dt.date | None) -> dict:
    """{text, datetime} of the date a page's text last changed (empty: not shown).
    A time is turned into the local date."""
    if when is None:
        return {"text": "", "datetime": ""}
    if isinstance(when, dt.datetime):
        when = timezone.localtime(when).date() if timezone.is_aware(when) else when.date()
    return {"text": long_date(when), "datetime": when.isoformat()}
