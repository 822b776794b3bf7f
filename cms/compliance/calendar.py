"""Working days of Kazakhstan, from the `holidays` library (public holidays, their
observed days and the Saturdays the government makes working days): no calendar is
written here by hand.

`holidays` (about 150 modules) is imported on the first calendar asked for, not with
this module: the admin's URLs import the compliance views, so every web worker would
load it, and only the compliance checks and dashboards count working days (issue 14,
memory per worker).
"""

from __future__ import annotations

import datetime
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import holidays

COUNTRY = "KZ"


@lru_cache(maxsize=16)
def _calendar(first_year: int, last_year: int) -> holidays.HolidayBase:
    import holidays

    return holidays.country_holidays(COUNTRY, years=range(first_year, last_year + 1))


def calendar_for(*dates: datetime.date) -> holidays.HolidayBase:
    """The calendar of the years around `dates` (a due date may fall next year)."""
    years = [d.year for d in dates]
    return _calendar(min(years) - 1, max(years) + 1)


def is_working_day(day: datetime.date) -> bool:
    return calendar_for(day).is_working_day(day)


def add_working_days(day: datetime.date, count: int) -> datetime.date:
    """The `count`-th working day after `day` (`day` itself when count is 0)."""
    if count <= 0:
        return day
    return calendar_for(day).get_nth_working_day(day, count)


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    if end <= start:
        return 0
    return calendar_for(start, end).get_working_days_count(
        start + datetime.timedelta(days=1), end
    )
