"""Periods as EDTF / ISO 8601 strings: the work behind `Period.to_edtf` and `Period.from_edtf`.

The forms written and read (Extended Date/Time Format, Library of Congress
2019, a profile of ISO 8601-1 and -2):

* a day ``2024-03-11``, a month ``2024-03``, a year ``2024`` (EDTF level 0);
* a quarter ``2024-33`` .. ``2024-36`` and a half year ``2024-40``,
  ``2024-41`` (EDTF level 2 "sub-year groupings");
* an interval ``START/END`` of two of those (``2024-01/2024-10``), an end
  being ``..`` when open and empty when unknown (EDTF level 1).

An unknown or open end of a [`Period`][vnsg_corpus.Period] (``None``) is
written ``..``: the library treats both alike, as unbounded.
"""

from __future__ import annotations

import datetime as dt
import re

from vnsg_corpus._dates import last_day
from vnsg_corpus.errors import QueryError
from vnsg_corpus.model import Period, Precision

__all__ = ["EDTF_FORMS", "format_period", "parse_edtf"]

EDTF_FORMS = (
    'EDTF: "2024", "2024-03", "2024-03-11", a quarter "2024-33" (33 to 36), a half "2024-40"'
    ' (40, 41), or START/END of two of them, ".." for an open end ("../2024-10-31")'
)
"""The forms [`Period.from_edtf`][vnsg_corpus.Period.from_edtf] reads, as its errors name them."""

_MAX_LENGTH = 200

_COARSE_TO_FINE = (
    Precision.YEAR,
    Precision.HALF,
    Precision.QUARTER,
    Precision.MONTH,
    Precision.DAY,
)
"""The units, coarsest first: a period is written in the coarsest unit its ends allow."""

_DATE = re.compile(r"(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?")
_OPEN = ".."


def _first_month(day: dt.date, size: int) -> int:
    """The first month of the group of ``size`` months (a quarter: 3) that holds ``day``."""
    return (day.month - 1) // size * size + 1


def _first_day(day: dt.date, unit: Precision) -> dt.date:
    if unit is Precision.DAY:
        return day
    if unit is Precision.YEAR:
        return dt.date(day.year, 1, 1)
    return dt.date(day.year, _first_month(day, _MONTHS[unit]), 1)


def _last_day(day: dt.date, unit: Precision) -> dt.date:
    if unit is Precision.DAY:
        return day
    if unit is Precision.YEAR:
        return dt.date(day.year, 12, 31)
    return last_day(day.year, _first_month(day, _MONTHS[unit]) + _MONTHS[unit] - 1)


_MONTHS = {Precision.MONTH: 1, Precision.QUARTER: 3, Precision.HALF: 6}

_CODES = {Precision.QUARTER: 33, Precision.HALF: 40}
"""EDTF's first sub-year grouping code of a quarter (33..36) and a half (40, 41)."""


def _written(day: dt.date, unit: Precision) -> str:
    """``day``'s ``unit`` (the whole month, quarter...) in EDTF."""
    if unit is Precision.DAY:
        return day.isoformat()
    year = f"{day.year:04d}"
    if unit is Precision.YEAR:
        return year
    if unit is Precision.MONTH:
        return f"{year}-{day.month:02d}"
    return f"{year}-{_CODES[unit] + (day.month - 1) // _MONTHS[unit]}"


def _unit_of(period: Period) -> Precision:
    """The coarsest unit, not coarser than the precision, whose bounds the period's ends are."""
    units = _COARSE_TO_FINE[_COARSE_TO_FINE.index(period.precision) :]
    for unit in units:
        if (period.start is None or _first_day(period.start, unit) == period.start) and (
            period.end is None or _last_day(period.end, unit) == period.end
        ):
            return unit
    return Precision.DAY  # pragma: no cover - every day is a DAY's bound


def format_period(period: Period) -> str:
    """The EDTF string of ``period`` (see `Period.to_edtf`)."""
    start, end = period.start, period.end
    if start is None and end is None:
        raise QueryError(
            "a period with neither a start nor an end has no EDTF form",
            argument="period",
            accepted="a period with at least one known end",
        )
    unit = _unit_of(period)
    first = _OPEN if start is None else _written(start, unit)
    last = _OPEN if end is None else _written(end, unit)
    return first if first == last else f"{first}/{last}"


def _fail(text: str, problem: str) -> QueryError:
    shown = repr(text) if len(text) <= 60 else f"{text[:59]!r}…"
    return QueryError(f"{problem}: {shown}", argument="text", accepted=EDTF_FORMS)


def _read_date(text: str, part: str) -> tuple[dt.date, dt.date, Precision]:
    """The first and last day of one EDTF date and its unit."""
    match = _DATE.fullmatch(part)
    if match is None:
        raise _fail(text, "not an EDTF date or interval")
    year = int(match["y"])
    if year == 0:
        raise _fail(text, "year 0000 is outside the calendar (0001 to 9999)")
    month, day = match["m"], match["d"]
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR
        number = int(month)
        if day is not None:
            date = dt.date(year, number, int(day))
            return date, date, Precision.DAY
        if 1 <= number <= 12:
            return dt.date(year, number, 1), last_day(year, number), Precision.MONTH
    except ValueError:
        raise _fail(text, "not a real date") from None
    for unit, code in _CODES.items():
        size = _MONTHS[unit]
        if code <= number < code + 12 // size:
            first = (number - code) * size + 1
            return dt.date(year, first, 1), last_day(year, first + size - 1), unit
    if 21 <= number <= 41:
        raise _fail(text, "seasons and quadrimesters (EDTF 21 to 32, 37 to 39) are not read")
    raise _fail(text, "not a month, quarter or half")


_FINEST_FIRST: tuple[Precision, ...] = tuple(reversed(_COARSE_TO_FINE))


def parse_edtf(text: object) -> Period:
    """The period an EDTF string names (see `Period.from_edtf`)."""
    if not isinstance(text, str):
        raise QueryError(
            f"expected a string, got {type(text).__name__}", argument="text", accepted=EDTF_FORMS
        )
    if len(text) > _MAX_LENGTH:
        raise _fail(text, f"too long ({len(text):,} characters)")
    if "/" not in text:
        first, last, unit = _read_date(text, text)
        return Period(first, last, unit)
    left, _, right = text.partition("/")
    if "/" in right:
        raise _fail(text, "not an EDTF date or interval")
    ends: list[tuple[dt.date, dt.date, Precision] | None] = [
        None if part in ("", _OPEN) else _read_date(text, part) for part in (left, right)
    ]
    lo, hi = ends
    if lo is None and hi is None:
        raise _fail(text, "an interval needs at least one date")
    units = [end[2] for end in ends if end is not None]
    precision = min(units, key=_FINEST_FIRST.index)  # the finer end's, as in "2016/2018-06"
    start = None if lo is None else lo[0]
    end = None if hi is None else hi[1]
    if start is not None and end is not None and end < start:
        raise _fail(text, "the interval ends before it starts")
    return Period(start, end, precision)
