"""Turning query arguments in their natural forms into typed values, or clear errors."""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from vnsg_corpus._dates import month_end
from vnsg_corpus.errors import QueryError
from vnsg_corpus.model import Period, Precision
from vnsg_corpus.periods import parse_period

__all__ = ["as_country", "as_date", "as_decimal", "as_enum", "as_period"]

E = TypeVar("E", bound=enum.Enum)

_ISO_DAY = re.compile(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_ISO_MONTH = re.compile(r"\A(?P<y>[0-9]{4})-(?P<m>[0-9]{2})\Z")
_ISO_QUARTER = re.compile(r"\A(?P<y>[0-9]{4})-?[Qq](?P<q>[1-4])\Z")
_ISO_HALF = re.compile(r"\A(?P<y>[0-9]{4})-?[Hh](?P<h>[12])\Z")
_YEAR = re.compile(r"\A[0-9]{4}\Z")
_DATE_FORMS = 'a date, or an ISO string: "2025-03-10", "2025-03" or "2025"'
_PERIOD_FORMS = (
    'a Period, a date, or a string: "2023", "2024-Q1", "2024-H1", "2024-03", "2024-03-10",'
    ' "2020/2024", or an expression such as "the first half of 2024"'
)


def _month_end(year: int, month: int) -> dt.date:
    end = month_end(year, month)  # "9999-12" too: no step into year 10000
    if end is None:
        raise ValueError(f"no month {year}-{month:02d}")
    return end


def _string_period(text: str) -> Period | None:
    value = text.strip()
    try:
        if _ISO_DAY.match(value):
            day = dt.date.fromisoformat(value)
            return Period(day, day, Precision.DAY)
        if _YEAR.match(value):
            year = int(value)
            return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR)
        if match := _ISO_MONTH.match(value):
            year, month = int(match["y"]), int(match["m"])
            return Period(dt.date(year, month, 1), _month_end(year, month), Precision.MONTH)
        if match := _ISO_QUARTER.match(value):
            year, first = int(match["y"]), 3 * int(match["q"]) - 2
            return Period(dt.date(year, first, 1), _month_end(year, first + 2), Precision.QUARTER)
        if match := _ISO_HALF.match(value):
            year, first = int(match["y"]), 6 * int(match["h"]) - 5
            return Period(dt.date(year, first, 1), _month_end(year, first + 5), Precision.HALF)
        if "/" in value:
            left, _, right = value.partition("/")
            lo, hi = _string_period(left), _string_period(right)
            if lo is not None and hi is not None and lo.start and hi.end and lo.start <= hi.end:
                return Period(lo.start, hi.end, lo.precision)
            return None
    except ValueError:
        return None
    return parse_period(value)


def as_period(argument: str, value: object) -> Period | None:
    """Read a period argument; ``None`` passes through."""
    if value is None or isinstance(value, Period):
        return value
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return Period(value, value, Precision.DAY)
    if isinstance(value, str):
        period = _string_period(value)
        if period is not None:
            return period
    raise QueryError(f"not a period: {value!r}", argument=argument, accepted=_PERIOD_FORMS)


def as_date(argument: str, value: object, *, end: bool = False) -> dt.date | None:
    """Read a date argument; a month or year string means its first day (last with ``end``)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        stripped = value.strip()
        if _ISO_DAY.match(stripped) or _ISO_MONTH.match(stripped) or _YEAR.match(stripped):
            period = _string_period(stripped)
            if period is not None:
                return period.end if end else period.start
    raise QueryError(f"not a date: {value!r}", argument=argument, accepted=_DATE_FORMS)


def as_enum(argument: str, value: object, cls: type[E]) -> E | None:
    """Read an enum argument from a member or its value (case-insensitive)."""
    if value is None:
        return None
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        wanted = value.strip().lower().replace("-", "_").replace(" ", "_")
        for member in cls:
            if member.value == wanted or member.name.lower() == wanted:
                return member
    accepted = ", ".join(str(member.value) for member in cls)
    raise QueryError(f"unknown {cls.__name__} {value!r}", argument=argument, accepted=accepted)


def as_country(argument: str, value: object) -> str | None:
    """Read a country argument: an ISO 3166-1 alpha-3 code or a name, in any case or spelling."""
    if value is None:
        return None
    from vnsg_corpus.gazetteer import Gazetteer  # noqa: PLC0415 - keep import light

    code = Gazetteer.default().country(value) if isinstance(value, str) else None
    if code is None:
        raise QueryError(
            f"unknown country {value!r}",
            argument=argument,
            accepted='an ISO 3166-1 alpha-3 code ("SGP") or a name ("Singapore", "Việt Nam")',
        )
    return code


def as_decimal(argument: str, value: object) -> Decimal | None:
    """Read a numeric bound: an int, a float, a ``Decimal`` or a numeric string."""
    if value is None:
        return None
    if isinstance(value, Decimal) and value.is_finite():
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, float) and math.isfinite(value):
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            number = Decimal(value.replace(",", "").replace("_", ""))
        except InvalidOperation:
            pass
        else:
            if number.is_finite():
                return number
    raise QueryError(
        f"not a number: {value!r}",
        argument=argument,
        accepted='a number or a numeric string ("9000000000", "9e9", "9_000_000_000")',
    )
