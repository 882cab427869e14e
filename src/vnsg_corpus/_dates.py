"""Date arithmetic that stays inside the calendar: ``None`` instead of ``OverflowError``.

Python's dates run from ``date.min`` (0001-01-01) to ``date.max``
(9999-12-31); stepping past either end raises ``OverflowError`` (or
``ValueError`` for a year outside 1..9999).  An article dated 9999-12-31
that announces "a three-day visit from December 31" asks for such a step.
Every piece of date arithmetic in the library goes through these helpers,
which answer ``None`` when the result is not a date; the caller leaves that
end unknown and reports a ``date_out_of_range`` diagnostic where it has a
text to point at (see ``OUT_OF_RANGE``).

Examples:
    >>> import datetime
    >>> add_days(datetime.date(2025, 3, 10), 2)
    datetime.date(2025, 3, 12)
    >>> add_days(datetime.date.max, 1) is None
    True
    >>> add_months(datetime.date(2024, 1, 31), 1)
    datetime.date(2024, 2, 29)
    >>> safe_date(10000, 1, 1) is None
    True
"""

from __future__ import annotations

import calendar
import datetime

__all__ = [
    "OUT_OF_RANGE",
    "add_days",
    "add_months",
    "add_years",
    "in_calendar",
    "month_end",
    "safe_date",
]

OUT_OF_RANGE = "date_out_of_range"
"""The diagnostic code for a date that would fall outside 0001-01-01..9999-12-31."""

_MAX_ORDINAL = datetime.date.max.toordinal()


def in_calendar(year: int) -> bool:
    """Whether ``year`` is a year Python's dates can hold (1..9999)."""
    return datetime.MINYEAR <= year <= datetime.MAXYEAR


def add_days(day: datetime.date, days: int) -> datetime.date | None:
    """``day`` moved by ``days`` days (negative: back), or ``None`` past either end."""
    ordinal = day.toordinal() + days
    if not 1 <= ordinal <= _MAX_ORDINAL:
        return None
    return datetime.date.fromordinal(ordinal)


def safe_date(year: int, month: int, day: int) -> datetime.date | None:
    """The date ``year-month-day``, or ``None`` when there is no such date.

    ``None`` for a year outside 1..9999 as for a month or day that does not
    exist ("February 30").
    """
    if not in_calendar(year) or not 1 <= month <= 12:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return datetime.date(year, month, day)


def month_end(year: int, month: int) -> datetime.date | None:
    """The last day of ``month`` of ``year``, or ``None`` when the year is out of range."""
    if not in_calendar(year) or not 1 <= month <= 12:
        return None
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def last_day(year: int, month: int) -> datetime.date:
    """The last day of ``month`` of ``year``, as ``datetime.date`` would refuse one.

    For readers of date strings, which turn a ``ValueError`` into their own error.

    Raises:
        ValueError: If the year or month is outside the calendar.
    """
    end = month_end(year, month)
    if end is None:
        raise ValueError(f"no month {year:04d}-{month:02d} in the calendar")
    return end


def add_months(day: datetime.date, months: int) -> datetime.date | None:
    """``day`` moved by whole months, clipped to the month's last day (as ``relativedelta``).

    ``None`` when the result falls outside 0001-01..9999-12.
    """
    year, index = divmod(day.year * 12 + day.month - 1 + months, 12)
    end = month_end(year, index + 1)
    if end is None:
        return None
    return end.replace(day=min(day.day, end.day))


def add_years(day: datetime.date, years: int) -> datetime.date | None:
    """``day`` moved by whole years (29 February to the 28th), or ``None`` out of range."""
    return add_months(day, 12 * years)
