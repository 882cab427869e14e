"""Turning query arguments in their natural forms into typed values, or clear errors."""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from vnsg_corpus._dates import last_day
from vnsg_corpus.errors import QueryError
from vnsg_corpus.model import Period, Precision
from vnsg_corpus.periods import parse_period
from vnsg_corpus.text import fold

__all__ = [
    "FIGURE_UNITS",
    "MAX_ARGUMENT_LENGTH",
    "as_country",
    "as_date",
    "as_decimal",
    "as_enum",
    "as_period",
    "as_unit",
    "as_words",
    "shown",
]

E = TypeVar("E", bound=enum.Enum)

_ISO_DAY = re.compile(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_ISO_MONTH = re.compile(r"\A(?P<y>[0-9]{4})-(?P<m>[0-9]{2})\Z")
_ISO_QUARTER = re.compile(r"\A(?P<y>[0-9]{4})-?[Qq](?P<q>[1-4])\Z")
_ISO_HALF = re.compile(r"\A(?P<y>[0-9]{4})-?[Hh](?P<h>[12])\Z")
_YEAR = re.compile(r"\A[0-9]{4}\Z")
_WORD = re.compile(r"[^\W_]")
MAX_ARGUMENT_LENGTH = 200
"""The longest string a date, period, number, country or enum argument may be.

Longer values are refused with a [`QueryError`][vnsg_corpus.QueryError] before
any parsing (the longest period expression the parser reads is far shorter).
"""
_SHOWN = 60
FIGURE_UNITS = ("count", "people", "percent", "percentage_points", "rank")
"""The units of figures that are not money (money is in an ISO 4217 code)."""
_DATE_FORMS = 'a date, or an ISO string: "2025-03-10", "2025-03" or "2025"'
_NUMBER_FORMS = 'a number or a numeric string ("9000000000", "9e9", "9_000_000_000")'
_PERIOD_FORMS = (
    'a Period, a date, or a string: "2023", "2024-Q1", "2024-H1", "2024-03", "2024-03-10",'
    ' "2020/2024", or an expression such as "the first half of 2024"'
)


def shown(value: object) -> str:
    """``repr(value)``, cut to a readable length for an error message."""
    text = repr(value)
    return text if len(text) <= _SHOWN else f"{text[: _SHOWN - 1]}…"


def _check_length(argument: str, value: str, accepted: str) -> None:
    """Refuse a string argument longer than any form the parsers read."""
    if len(value) > MAX_ARGUMENT_LENGTH:
        raise QueryError(
            f"too long: {len(value):,} characters (at most {MAX_ARGUMENT_LENGTH})",
            argument=argument,
            accepted=accepted,
        )


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
            return Period(dt.date(year, month, 1), last_day(year, month), Precision.MONTH)
        if match := _ISO_QUARTER.match(value):
            year, first = int(match["y"]), 3 * int(match["q"]) - 2
            return Period(dt.date(year, first, 1), last_day(year, first + 2), Precision.QUARTER)
        if match := _ISO_HALF.match(value):
            year, first = int(match["y"]), 6 * int(match["h"]) - 5
            return Period(dt.date(year, first, 1), last_day(year, first + 5), Precision.HALF)
        if "/" in value:
            # "2020/2024": exactly one slash between two forms without one (no recursion).
            left, _, right = value.partition("/")
            if "/" in right:
                return None
            lo, hi = _string_period(left), _string_period(right)
            if lo is not None and hi is not None and lo.start and hi.end and lo.start <= hi.end:
                return Period(lo.start, hi.end, lo.precision)
            return None
    except (ValueError, OverflowError):
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
        _check_length(argument, value, _PERIOD_FORMS)
        period = _string_period(value)
        if period is not None:
            return period
    raise QueryError(f"not a period: {shown(value)}", argument=argument, accepted=_PERIOD_FORMS)


def as_date(argument: str, value: object, *, end: bool = False) -> dt.date | None:
    """Read a date argument; a month or year string means its first day (last with ``end``)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        _check_length(argument, value, _DATE_FORMS)
        stripped = value.strip()
        if _ISO_DAY.match(stripped) or _ISO_MONTH.match(stripped) or _YEAR.match(stripped):
            period = _string_period(stripped)
            if period is not None:
                return period.end if end else period.start
    raise QueryError(f"not a date: {shown(value)}", argument=argument, accepted=_DATE_FORMS)


def as_enum(argument: str, value: object, cls: type[E]) -> E | None:
    """Read an enum argument from a member or its value (case-insensitive)."""
    if value is None:
        return None
    if isinstance(value, cls):
        return value
    accepted = ", ".join(str(member.value) for member in cls)
    if isinstance(value, str):
        _check_length(argument, value, accepted)
        wanted = value.strip().lower().replace("-", "_").replace(" ", "_")
        for member in cls:
            if member.value == wanted or member.name.lower() == wanted:
                return member
    raise QueryError(f"unknown {cls.__name__} {shown(value)}", argument=argument, accepted=accepted)


def as_country(argument: str, value: object) -> str | None:
    """Read a country argument: an ISO 3166-1 alpha-3 code or a name, in any case or spelling."""
    if value is None:
        return None
    from vnsg_corpus.gazetteer import Gazetteer  # noqa: PLC0415 - keep import light

    accepted = 'an ISO 3166-1 alpha-3 code ("SGP") or a name ("Singapore", "Việt Nam")'
    if isinstance(value, str):
        _check_length(argument, value, accepted)
    code = Gazetteer.default().country(value) if isinstance(value, str) else None
    if code is None:
        raise QueryError(f"unknown country {shown(value)}", argument=argument, accepted=accepted)
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
        _check_length(argument, value, _NUMBER_FORMS)
        try:
            number = Decimal(value.replace(",", "").replace("_", ""))
        except InvalidOperation:
            pass
        else:
            if number.is_finite():
                return number
    raise QueryError(f"not a number: {shown(value)}", argument=argument, accepted=_NUMBER_FORMS)


def as_words(argument: str, value: str | None) -> str | None:
    """Check a word-search argument: it must hold a letter or a digit.

    A filter such as ``"!!!"`` or ``""`` has no words to search for; it is
    refused rather than read as "no filter", which would match everything.
    """
    if value is None:
        return None
    if not isinstance(value, str) or not _WORD.search(fold(value)):
        raise QueryError(
            f"no words to search for in {shown(value)}",
            argument=argument,
            accepted="a word or phrase with at least one letter or digit",
        )
    return value


def _currencies() -> list[str]:
    """The ISO 4217 codes the shipped vocabulary can give a figure, sorted."""
    from vnsg_corpus.vocabulary import Vocabulary  # noqa: PLC0415 - keep import light

    vocabulary = Vocabulary.default()
    words = vocabulary.figures
    codes = {
        *words.currency_symbols.values(),
        *words.currency_codes.values(),
        *words.currency_words.values(),
        *words.weight_currency_words.values(),
        *(outlet.bare_dollar for outlet in vocabulary.outlets),
    }
    return sorted(code for code in codes if re.fullmatch("[A-Z]{3}", code))


def as_unit(argument: str, value: object) -> str | None:
    """Read a unit argument: a figure unit or a currency code, in any case.

    Returns:
        The unit as figures spell it (``"USD"``, ``"percent"``), or ``None``
        for ``None``.

    Raises:
        QueryError: If the unit is none a figure of the shipped vocabulary can have.
    """
    if value is None:
        return None
    currencies = _currencies()
    accepted = f"{', '.join(FIGURE_UNITS)}, or a currency code: {', '.join(currencies)}"
    if isinstance(value, str):
        _check_length(argument, value, accepted)
        wanted = value.strip().lower()
        for unit in (*FIGURE_UNITS, *currencies):
            if unit.lower() == wanted:
                return unit
    raise QueryError(f"unknown unit {shown(value)}", argument=argument, accepted=accepted)
