"""Temporal expressions in English news text, resolved to periods.

`find_periods` scans a text once and returns every temporal expression it
recognises as a `TemporalMatch`: the exact span, a stable ``kind`` tag and the
resolved [`Period`][vnsg_corpus.Period], or ``None`` when it cannot be
resolved.  `parse_period` resolves one expression given on its own.

Rules:

* **Reference date.** ``reference`` is the article's publication date.  It
  fills a missing year with the reference year ("in March", "the first
  quarter", "H1", "from January to September"), except that a day or day
  range without a year ("March 11-13") takes the year that puts its first day
  nearest the reference, so "January 5-7" in an article of late December is
  next January (ties go to the past).  Relative expressions ("last year",
  "this month", "yesterday", "next week", "last quarter", "the previous
  year") count from the reference.
* **Numeric dates.** "11/3/2025" (also with "." or "-") is day-first in
  Vietnamese and British copy and month-first in American copy:
  ``numeric_order="dmy"`` or ``"mdy"`` says which.  A date that reads one way
  only ("25/3/2025", "3/25/2025", "5/5/2025") resolves whatever the order;
  one that reads two ways resolves by ``numeric_order`` and, without one, is
  matched with ``period=None`` and ``ambiguous=True`` (never read as its
  year).  Year-first dates ("2025/03/11", "2025.03.11") are always
  year-month-day.  A number followed by another "/" or letters ("15/3/2024/QĐ")
  is a document number, not a date.
* **Mixed ranges.** "from 2016 to June 2018", "from Q1 to Q3 2024",
  "between the first quarter and the third quarter of 2024": the ends may
  differ in granularity (the finer one is the precision, kind
  ``"mixed_range"``), and an end without a year takes the other end's year.
  "from 13 to 15 July" and "between March and May 2024" give the month or
  year once.
* **Compact quarters and halves.** "2019Q3", "Q3/2019", "Q3'24", "3Q24",
  "1H24", "2H 2023", "H1 2024"; a two-digit year is 2000-2069 (70-99 are
  1970-1999).  A year before its month ("2019 October") is that month.
* **Rolling windows and offsets.** "the past five years" (also "last",
  "previous", months and decades) is the five calendar years up to and
  including the reference year (the months up to and including the reference
  month); "two years ago" is the year two before the reference year ("three
  months ago", "ten days ago" likewise); "last December" is the latest
  December before the reference month, "next June" the first June after it.
  They need a reference date: without one they are matched with ``period=None``.
* **Flow, stock, since, until.** A plain expression is a flow with both ends
  ("in 2023", "the first ten months of 2024").  A stock ("as of October
  2024", "by the end of 2024", "by end-2024", "by year-end", and target years
  as in "net zero by 2050") has ``start=None`` and ends on the last day of what
  it names.  "since 1996" has ``end=None``; "until 2030" has ``start=None``.
* **Precision** is the granularity of the stated endpoints: DAY for days and
  day ranges, MONTH for months, month ranges and "the first N months", then
  QUARTER, HALF and YEAR.  "early March", "mid-2024" and "late 2023" stand for
  the whole month or year.
* **Weekdays.** A bare weekday ("on Tuesday", "Tuesday afternoon") is the most
  recent such day on or before the reference date; "last Friday" is the most
  recent Friday strictly before it; "next Monday" the first Monday strictly
  after it.
* **Unresolved.** Without a reference, whatever needs one (a weekday, a month
  or day without a year, a relative expression) is still matched, with its
  span and kind, but with ``period=None``.  Impossible dates ("February 30",
  "March 32-35", "2025-02-30") and backward ranges ("2024-2020", "2025-03")
  are matched with ``period=None`` too, so a caller can report a diagnostic.
* **Calendar limits.** Arithmetic on the reference date that would step past
  0001-01-01 or 9999-12-31 ("next year" or "January 5" in an article of
  9999-12-31, "two years ago" in year 1) never raises: the expression is
  matched with ``period=None`` and ``out_of_range=True`` (no partial period,
  which would read as a stock).
* **Years** are four-digit numbers 1900-2100 standing alone: not inside a
  longer number ("12024", the "2024" of "3,2024"), not after a currency sign
  ("$2024"), not before a scale word or unit ("2024 million", "2050 MW",
  "2030%").  Ages and durations ("52-year-long", "three-day") never match.  Two
  bare years joined by "to" or "and" are two years; a range needs a dash or
  slash ("2020-2024", "2021-25", "2023/24"), "from" or "between".
* **Names.** Month and weekday names count only Capitalised or in capitals
  ("March", "MARCH", "Sept."), never "march" or "may".  A month standing alone
  needs a cue before it ("in", "during", "of", "early", "mid-").
* **Spans** start at the beginning of the text or after whitespace or
  punctuation, and cover the words that carry meaning ("as of", "since",
  "from ... to", "between ... and", "last", "the first ... of", "the ...
  period") but no bare preposition: in "in March" or "on Tuesday" only
  "March" and "Tuesday" are spanned.  Matches never overlap; at one position
  the longest form wins.

Examples:
    >>> import datetime
    >>> from vnsg_corpus.periods import find_periods, parse_period
    >>> parse_period("the first ten months of 2024")
    Period(start=datetime.date(2024, 1, 1), end=datetime.date(2024, 10, 31),
           precision=<Precision.MONTH: 'month'>)
    >>> parse_period("as of October 2024")
    Period(start=None, end=datetime.date(2024, 10, 31), precision=<Precision.MONTH: 'month'>)
    >>> text = "Trade grew in 2023 and the leaders met from March 11-13."
    >>> [(text[m.start : m.end], m.kind) for m in find_periods(text)]
    [('2023', 'year'), ('from March 11-13', 'day_range')]
    >>> find_periods(text)[1].period is None  # no year and no reference date
    True
    >>> find_periods(text, reference=datetime.date(2025, 3, 10))[1].period
    Period(start=datetime.date(2025, 3, 11), end=datetime.date(2025, 3, 13),
           precision=<Precision.DAY: 'day'>)

Every quantifier in the expressions is bounded, so the work done at each
position of the text is bounded and the scan is linear in the text's length.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable, Mapping
from typing import Literal, TypeAlias

import attrs

from vnsg_corpus._dates import add_days, add_months, in_calendar, month_end, safe_date
from vnsg_corpus.model import Period, Precision, Span
from vnsg_corpus.parsing._patterns import trie_alternation

__all__ = ["NumericOrder", "TemporalMatch", "find_periods", "may_hold_period", "parse_period"]


@attrs.frozen
class TemporalMatch:
    """A temporal expression found in a text.

    Attributes:
        start: Offset of the first character of the expression in the text as given.
        end: Offset one past the last character; ``text[start:end]`` is the expression.
        period: The resolved period, or ``None`` when it cannot be resolved (no
            reference date for a relative expression, an impossible date, or a
            date out of range: see ``out_of_range``).
        kind: A short, stable tag for the form of the expression: ``"year"``,
            ``"month"``, ``"day"``, ``"year_range"``, ``"month_range"``,
            ``"day_range"``, ``"quarter"``, ``"half"``, ``"months_of"``,
            ``"decade"``, ``"stock"``, ``"since"``, ``"until"``, ``"relative"``,
            ``"weekday"`` or ``"mixed_range"`` (ends of different granularity,
            "from 2016 to June 2018").
        ambiguous: ``True`` when the period is ``None`` because a numeric date
            reads two ways ("11/3/2025", with no ``numeric_order``), so that a
            caller can report it.
        out_of_range: ``True`` when the period is ``None`` because resolving it
            against the reference date would step past 0001-01-01 or 9999-12-31
            ("next year" in an article dated 9999), so that a caller can report it.
    """

    start: int
    end: int
    period: Period | None
    kind: str
    ambiguous: bool = False
    out_of_range: bool = False

    @property
    def span(self) -> Span:
        """The offsets as a [`Span`][vnsg_corpus.Span]."""
        return Span(self.start, self.end)


# --------------------------------------------------------------------------
# Building blocks.  Patterns are written with placeholders ``<NAME>`` (a
# non-capturing token) and ``<NAME:group>`` (a token captured as ``group``),
# expanded by ``_expand``.  Every quantifier is bounded.
# --------------------------------------------------------------------------


def _names(*entries: tuple[str, ...]) -> str:
    """A case-sensitive alternation of names: Capitalised or ALL CAPS, abbreviations too."""
    words: list[str] = []
    for full, *short in entries:
        words += [full, full.upper()]
        for abbreviation in short:
            words += [abbreviation + ".", abbreviation, abbreviation.upper()]
    return "(?-i:" + trie_alternation(words, re.escape, lower=False) + ")"


# Month and weekday names are proper nouns: only "March"/"MARCH" count, never
# "march" or "may".
_MONTH_NAMES = (
    ("January", "Jan"),
    ("February", "Feb"),
    ("March", "Mar"),
    ("April", "Apr"),
    ("May",),
    ("June", "Jun"),
    ("July", "Jul"),
    ("August", "Aug"),
    ("September", "Sept", "Sep"),
    ("October", "Oct"),
    ("November", "Nov"),
    ("December", "Dec"),
)
_WEEKDAY_NAMES = (
    ("Monday",),
    ("Tuesday",),
    ("Wednesday",),
    ("Thursday",),
    ("Friday",),
    ("Saturday",),
    ("Sunday",),
)
_MONTHS = _names(*_MONTH_NAMES)
_WEEKDAYS = _names(*_WEEKDAY_NAMES)
_NUMBERS = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|1[0-2]|[1-9]"
# Counts of a rolling window or an offset ("the past 15 years", "two years ago").
_WINDOW_NUMBERS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|an?"
    r"|[1-9][0-9]?"
)
# Words after a number that make it an amount rather than a year.
_SCALE = (
    r"%|per\s?cent|percent|million|billion|trillion|thousand|hundred|mn|bn|tn|m|b|k"
    r"|km2?|kg|kwh|kw|mw|gw|ha|hectares?|tonnes?|tons?|sq|square|metres?|meters?"
    r"|usd|vnd|sgd|dollars?|dong|units?"
)
_YEAR_TAIL = rf"(?!\w)(?![.,][0-9])(?!\s{{0,2}}(?:{_SCALE})(?!\w))"

# name -> (body, tail); the group, when named, covers the body only.
_TOKENS: dict[str, tuple[str, str]] = {
    "MON": (_MONTHS, r"(?!\w)"),
    "DAY": (r"[0-3]?[0-9]", r"(?:st|nd|rd|th)?(?!\w)"),
    "YEAR": (r"19[0-9]{2}|20[0-9]{2}|2100", _YEAR_TAIL),
    "YY": (r"[0-9]{2}", r"(?!\w)"),
    "YR": (r"19[0-9]{2}|20[0-9]{2}|2100", r"(?![0-9])"),
    "NN": (r"[0-3]?[0-9]", r"(?![0-9])"),
    "WIN": (_WINDOW_NUMBERS, r"(?!\w)"),
    "WD": (_WEEKDAYS, r"(?!\w)"),
    "NUM": (_NUMBERS, r"(?!\w)"),
    "QORD": (r"first|1st|second|2nd|third|3rd|fourth|4th|final|last", r"(?!\w)"),
    "HORD": (r"first|1st|second|2nd|latter|last", r"(?!\w)"),
    "S": (r"\s{1,3}", ""),
    "OS": (r"\s{0,2}", ""),
    "DASH": (r"[-‐‑‒–—―−]", ""),
    "YDASH": (r"[-‐‑‒–—―−/]", ""),
}
_TOKEN_RE = re.compile(r"<([A-Z]{1,5})(?::([a-z0-9_]{1,12}))?>")
_GROUP_RE = re.compile(r"\(\?P<([a-z0-9_]{1,12})>")


def _expand(spec: str) -> str:
    def token(m: re.Match[str]) -> str:
        body, tail = _TOKENS[m.group(1)]
        name = m.group(2)
        return f"(?P<{name}>{body}){tail}" if name else f"(?:{body}){tail}"

    return _TOKEN_RE.sub(token, spec)


def _anonymous(pattern: str) -> str:
    return _GROUP_RE.sub("(?:", pattern)


# Range separators: after "from" or with nothing before ("March 11-13",
# "January to September"), and after "between".
_RSEP = r"(?:<OS><DASH><OS>|<S>(?:to|through|till|until)<S>)"
_BSEP = r"(?:<OS><DASH><OS>|<S>and<S>)"
_YRSEP = r"(?:<OS><YDASH><OS>|<S>(?:to|through|till|until)<S>)"
_YBSEP = r"(?:<OS><YDASH><OS>|<S>and<S>)"

# A year, or a year relative to the reference ("this year", "the previous year").
_YEXPR = (
    r"(?:<YEAR:y>|(?P<yrel>(?:this|last|next"
    r"|the(?:<S>(?:current|previous|preceding|following))?)<S>year(?!\w)))"
)
_OF_YEAR_OR_NOT_OF = rf"(?:(?:<S>of)?<S>{_YEXPR}|(?!<S>of(?!\w)))"

_Groups: TypeAlias = Mapping[str, str | None]
NumericOrder: TypeAlias = Literal["dmy", "mdy"] | None
"""How a numeric date orders its day and month: ``"dmy"`` (11/3/2025 is 11 March),
``"mdy"`` (November 3), or ``None`` (not known: only an unambiguous date resolves)."""
_Resolver: TypeAlias = Callable[[_Groups, _dt.date | None, NumericOrder], Period | None]

# --------------------------------------------------------------------------
# Resolution helpers
# --------------------------------------------------------------------------

_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_WEEKDAY_NUMBERS = {
    name: number for number, name in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
}
_NUMBER_WORDS = {
    name: number
    for number, name in enumerate(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ],
        1,
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "a": 1, "an": 1}
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "latter": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}


def _month(text: str | None) -> int | None:
    return None if text is None else _MONTH_NUMBERS[text[:3].lower()]


def _int(text: str | None) -> int | None:
    return None if text is None else int(text)


class _OutOfRange(Exception):  # noqa: N818 - a signal inside this module, not an error
    """Arithmetic on the reference date left the calendar (0001-01-01..9999-12-31)."""


def _within(day: _dt.date | None) -> _dt.date:
    """A date ``_dates`` computed; ``None`` (past either end of the calendar) is out of range."""
    if day is None:
        raise _OutOfRange
    return day


def _check_years(*years: int) -> None:
    if not all(in_calendar(year) for year in years):
        raise _OutOfRange


def _day(year: int, month: int, day: int) -> _dt.date:
    """A stated day: out of range when the year is; ``ValueError`` when no such day."""
    _check_years(year)
    return _dt.date(year, month, day)


def _year_period(year: int) -> Period:
    _check_years(year)
    return Period(_dt.date(year, 1, 1), _dt.date(year, 12, 31), Precision.YEAR)


def _months_period(
    year1: int, month1: int, year2: int, month2: int, precision: Precision = Precision.MONTH
) -> Period:
    _check_years(year1, year2)
    start = _dt.date(year1, month1, 1)
    end = month_end(year2, month2)
    if end is None:
        raise ValueError(month2)
    return Period(start, end, precision)


def _short_year(short: int) -> int:
    """A two-digit year ("1H24", "Q3'24"): 2000-2069, or 1970-1999 from 70 on."""
    return 2000 + short if short < 70 else 1900 + short


def _year_of(g: _Groups, ref: _dt.date | None) -> int | None:
    """The year of a ``_YEXPR`` (or the reference year when there is none)."""
    if g.get("y") is not None:
        return _int(g["y"])
    if g.get("sy") is not None:
        return _short_year(int(g["sy"] or ""))
    rel = g.get("yrel")
    if ref is None:
        return None
    if rel is None:
        return ref.year
    rel = rel.lower()
    if "last" in rel or "previous" in rel or "preceding" in rel:
        return ref.year - 1
    if "next" in rel or "following" in rel:
        return ref.year + 1
    return ref.year


def _nearest_year(month: int, day: int, ref: _dt.date) -> int | None:
    """The year that puts ``month``/``day`` nearest ``ref`` (ties to the past).

    It may be year 0 or 10000, one past either end of the calendar (the
    caller's date is then out of range): the day's distance there is counted
    from the same day of year 1 or 9999 (both years 0 and 10000 are leap years).
    """
    if not 1 <= month <= 12:
        return None
    best: tuple[int, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        probe = safe_date(min(max(year, 1), 9999), month, max(1, min(day, 28)))
        if probe is None:
            continue
        if year == 0:
            distance = (ref - probe).days + (366 if month <= 2 else 365)
        elif year == 10000:
            distance = (probe - ref).days + (366 if month > 2 else 365)
        else:
            distance = abs((probe - ref).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return None if best is None else best[1]


# --------------------------------------------------------------------------
# Resolvers, one per pattern family: (groups, reference) -> Period | None.
# They may raise ValueError / OverflowError on impossible dates; the caller
# turns that into ``None``.
# --------------------------------------------------------------------------


def _r_year(g: _Groups, ref: _dt.date | None, order: NumericOrder = None) -> Period | None:
    year = _int(g["y"])
    return None if year is None else _year_period(year)


def _r_decade(g: _Groups, ref: _dt.date | None, order: NumericOrder = None) -> Period | None:
    first = int(g["dec"] or "")
    return Period(_year_period(first).start, _year_period(first + 9).end, Precision.YEAR)


def _r_month(g: _Groups, ref: _dt.date | None, order: NumericOrder = None) -> Period | None:
    month = _month(g["m"])
    year = _int(g.get("y")) if g.get("y") is not None else (ref.year if ref else None)
    if month is None or year is None:
        return None
    return _months_period(year, month, year, month)


def _r_day(g: _Groups, ref: _dt.date | None, order: NumericOrder = None) -> Period | None:
    month = _month(g["m"]) if g.get("m") is not None else _int(g.get("mo"))
    day = _int(g["d"])
    if month is None or day is None:
        return None
    year = _int(g.get("y"))
    if year is None:
        if ref is None:
            return None
        year = _nearest_year(month, day, ref)
        if year is None:
            return None
    date = _day(year, month, day)
    return Period(date, date, Precision.DAY)


def _r_day_range(g: _Groups, ref: _dt.date | None, order: NumericOrder = None) -> Period | None:
    month2 = _month(g["m2"])
    month1 = _month(g["m1"]) if g.get("m1") is not None else month2
    day1, day2 = _int(g["d1"]), _int(g["d2"])
    if month1 is None or month2 is None or day1 is None or day2 is None:
        return None
    wraps = month2 < month1  # "December 30 - January 2"
    year1, year2 = _int(g.get("y1")), _int(g.get("y2"))
    if year1 is None and year2 is not None:
        year1 = year2 - 1 if wraps else year2
    if year1 is None:
        if ref is None:
            return None
        year1 = _nearest_year(month1, day1, ref)
        if year1 is None:
            return None
    if year2 is None:
        year2 = year1 + 1 if wraps else year1
    return Period(_day(year1, month1, day1), _day(year2, month2, day2), Precision.DAY)


def _r_month_range(g: _Groups, ref: _dt.date | None, order: NumericOrder = None) -> Period | None:
    month1, month2 = _month(g["m1"]), _month(g["m2"])
    if month1 is None or month2 is None:
        return None
    wraps = month2 < month1
    year1, year2 = _int(g.get("y1")), _int(g.get("y2"))
    if year1 is None and year2 is not None:
        year1 = year2 - 1 if wraps else year2
    if year1 is None:
        if ref is None:
            return None
        year1 = ref.year
    if year2 is None:
        year2 = year1 + 1 if wraps else year1
    return _months_period(year1, month1, year2, month2)


def _r_year_range(g: _Groups, ref: _dt.date | None, order: NumericOrder = None) -> Period | None:
    year1 = int(g["y1"] or "")
    if g.get("y2") is not None:
        year2 = int(g["y2"] or "")
    else:
        short = int(g["yy"] or "")
        year2 = year1 - year1 % 100 + short
        if year2 <= year1:
            if year1 % 100 < 90 or short > 9:
                return None  # "2025-03" is no range
            year2 += 100  # "1999-00"
    return Period(_year_period(year1).start, _year_period(year2).end, Precision.YEAR)


def _r_quarter(g: _Groups, ref: _dt.date | None, order: NumericOrder = None) -> Period | None:
    if g.get("qn") is not None:
        quarter = int(g["qn"] or "")
    else:
        word = (g["qo"] or "").lower()
        quarter = _ORDINALS.get(word, 4)  # "final", "last"
    year = _year_of(g, ref)
    if year is None:
        return None
    return _months_period(year, 3 * quarter - 2, year, 3 * quarter, Precision.QUARTER)


def _r_half(g: _Groups, ref: _dt.date | None, order: NumericOrder = None) -> Period | None:
    if g.get("hn") is not None:
        half = int(g["hn"] or "")
    else:
        half = _ORDINALS.get((g["ho"] or "").lower(), 2)  # "last"
    year = _year_of(g, ref)
    if year is None:
        return None
    return _months_period(year, 6 * half - 5, year, 6 * half, Precision.HALF)


def _r_months_of(g: _Groups, ref: _dt.date | None, order: NumericOrder = None) -> Period | None:
    word = (g["n"] or "").lower()
    count = _NUMBER_WORDS.get(word) or int(word)
    year = _year_of(g, ref)
    if year is None:
        return None
    if g.get("first") is not None:
        return _months_period(year, 1, year, count)
    return _months_period(year, 13 - count, year, 12)


def _r_relative(g: _Groups, ref: _dt.date | None, order: NumericOrder = None) -> Period | None:
    if ref is None:
        return None
    if g.get("day") is not None:
        word = (g["day"] or "").lower()
        date = _within(add_days(ref, {"yesterday": -1, "today": 0, "tomorrow": 1}[word]))
        return Period(date, date, Precision.DAY)
    if g.get("dir") is not None:
        direction, unit = (g["dir"] or "").lower(), (g["unit"] or "").lower()
        step = {"this": 0, "last": -1, "next": 1}[direction]
    else:
        direction, unit = (g["dir2"] or "").lower(), (g["unit2"] or "").lower()
        step = 1 if direction == "following" else -1
    if unit == "year":
        return _year_period(ref.year + step)
    if unit == "month":
        first = _within(add_months(ref.replace(day=1), step))
        return _months_period(first.year, first.month, first.year, first.month)
    if unit == "quarter":
        index = ref.year * 4 + (ref.month - 1) // 3 + step
        year, quarter = divmod(index, 4)
        return _months_period(year, 3 * quarter + 1, year, 3 * quarter + 3, Precision.QUARTER)
    monday = _within(add_days(ref, 7 * step - ref.weekday()))
    return Period(monday, _within(add_days(monday, 6)), Precision.DAY)


def _r_weekday(g: _Groups, ref: _dt.date | None, order: NumericOrder = None) -> Period | None:
    if ref is None:
        return None
    weekday = _WEEKDAY_NUMBERS[(g["w"] or "")[:3].lower()]
    modifier = (g.get("wmod") or "").lower()
    if modifier == "next":
        date = add_days(ref, (weekday - ref.weekday()) % 7 or 7)
    elif modifier == "last":
        date = add_days(ref, -((ref.weekday() - weekday) % 7 or 7))
    else:
        date = add_days(ref, -((ref.weekday() - weekday) % 7))
    return Period(_within(date), _within(date), Precision.DAY)


def _r_unit_of_reference(
    g: _Groups, ref: _dt.date | None, order: NumericOrder = None
) -> Period | None:
    if ref is None:
        return None
    if (g["unit"] or "").lower() == "month":
        return _months_period(ref.year, ref.month, ref.year, ref.month)
    return _year_period(ref.year)


def _r_stock_end_of_unit(
    g: _Groups, ref: _dt.date | None, order: NumericOrder = None
) -> Period | None:
    whole = _r_unit_of_reference(g, ref)
    return None if whole is None else Period(None, whole.end, whole.precision)


def _r_since(g: _Groups, ref: _dt.date | None, order: NumericOrder = None) -> Period | None:
    inner = _resolve_point(g["inner"] or "", ref, order)
    return None if inner is None else Period(inner.start, None, inner.precision)


def _r_stock(g: _Groups, ref: _dt.date | None, order: NumericOrder = None) -> Period | None:
    inner = _resolve_point(g["inner"] or "", ref, order)
    return None if inner is None else Period(None, inner.end, inner.precision)


def numeric_readings(first: int, second: int, year: int) -> tuple[_dt.date | None, _dt.date | None]:
    """The day-first and the month-first reading of a numeric date ``first/second/year``.

    Either is ``None`` when it is no date; both are the same date when the
    two numbers are equal.  The one place the library reads "11/3/2025"
    (article text and page date lines alike).
    """
    return safe_date(year, second, first), safe_date(year, first, second)


def _numeric_readings(g: _Groups) -> tuple[_dt.date | None, _dt.date | None]:
    return numeric_readings(int(g["n1"] or ""), int(g["n2"] or ""), int(g["y"] or ""))


def _numeric_ambiguous(g: _Groups) -> bool:
    """Whether a numeric date reads as two different valid dates."""
    dmy, mdy = _numeric_readings(g)
    return dmy is not None and mdy is not None and dmy != mdy


def _r_numeric_day(g: _Groups, ref: _dt.date | None, order: NumericOrder = None) -> Period | None:
    dmy, mdy = _numeric_readings(g)
    if dmy is not None and mdy is not None and dmy != mdy:
        date = dmy if order == "dmy" else mdy if order == "mdy" else None
    else:
        date = dmy or mdy  # the one valid reading, or the same date either way
    return None if date is None else Period(date, date, Precision.DAY)


_FINER = (Precision.DAY, Precision.MONTH, Precision.QUARTER, Precision.HALF, Precision.YEAR)
_HAS_YEAR = re.compile(r"(?<![0-9])(?:19[0-9]{2}|20[0-9]{2}|2100)(?![0-9])")
_RELATIVE_WORD = re.compile(
    r"(?<!\w)(?:this|last|next|previous|preceding|following|current|past|ago"
    r"|yesterday|today|tomorrow)(?!\w)",
    re.IGNORECASE,
)


def _r_mixed_range(g: _Groups, ref: _dt.date | None, order: NumericOrder = None) -> Period | None:
    first_text, last_text = g["a"] or "", g["b"] or ""
    last = _resolve_point(last_text, ref, order)
    if last is None or last.end is None:
        return None
    first_ref = ref
    if _HAS_YEAR.search(first_text) is None and _RELATIVE_WORD.search(first_text) is None:
        first_ref = _year_period(last.end.year).end  # "from Q1 to Q3 2024"
    first = _resolve_point(first_text, first_ref, order)
    if first is None or first.start is None or first.start > last.end:
        return None
    precision = min(first.precision, last.precision, key=_FINER.index)
    return Period(first.start, last.end, precision)


def _r_window(g: _Groups, ref: _dt.date | None, order: NumericOrder = None) -> Period | None:
    if ref is None:
        return None
    word = (g["wn"] or "").lower()
    count = _NUMBER_WORDS.get(word) or int(word)
    unit = (g["wunit"] or "").lower()
    if unit.startswith("month"):
        first = _within(add_months(ref.replace(day=1), 1 - count))
        return _months_period(first.year, first.month, ref.year, ref.month)
    years = count * (10 if unit.startswith("decade") else 1)
    return Period(
        _year_period(ref.year - years + 1).start, _year_period(ref.year).end, Precision.YEAR
    )


def _r_month_relative(
    g: _Groups, ref: _dt.date | None, order: NumericOrder = None
) -> Period | None:
    if ref is None:
        return None
    month = _month(g["m"]) or 0
    direction = (g["mdir"] or "").lower()
    year = ref.year
    if direction == "last" and month >= ref.month:
        year -= 1  # "last December": the latest December before this month
    elif direction == "next" and month <= ref.month:
        year += 1
    return _months_period(year, month, year, month)


def _r_ago(g: _Groups, ref: _dt.date | None, order: NumericOrder = None) -> Period | None:
    if ref is None:
        return None
    word = (g["an"] or "").lower()
    count = _NUMBER_WORDS.get(word) or int(word)
    unit = (g["aunit"] or "").lower()
    if unit.startswith("day"):
        date = _within(add_days(ref, -count))
        return Period(date, date, Precision.DAY)
    if unit.startswith("week"):
        monday = _within(add_days(ref, -ref.weekday() - 7 * count))
        return Period(monday, _within(add_days(monday, 6)), Precision.DAY)
    if unit.startswith("month"):
        month = _within(add_months(ref.replace(day=1), -count))
        return _months_period(month.year, month.month, month.year, month.month)
    years = count * (10 if unit.startswith("decade") else 1)
    return _year_period(ref.year - years)


# --------------------------------------------------------------------------
# The patterns
# --------------------------------------------------------------------------


def _both_cases(letters: str) -> str:
    return letters.lower() + letters.upper()


_DIGITS = "0123456789"
_YEAR_FIRST = "12"
_MONTH_FIRST = "JFMASOND"
_WEEKDAY_FIRST = "MTWFS"


@attrs.frozen
class _Form:
    kind: str
    pattern: str  # expanded, with named groups
    resolve: _Resolver
    first: str  # every character a match can start with

    @property
    def regex(self) -> re.Pattern[str]:
        """The form compiled on its own (on first use: importing compiles nothing)."""
        return _compile(self.pattern)


@functools.lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _form(kind: str, spec: str, resolve: _Resolver, first: str) -> _Form:
    return _Form(kind, _expand(spec), resolve, first)


# "early March", "mid-2024", "late 2023": the whole month or year, vaguely.
_BARE_MONTH_PREFIX = r"(?:(?:early|late)<S>|mid-?)"
_THE = _both_cases("t")

# Single points in time: usable alone and after "since", "as of", "by", "until".
_ISO_DAY = _form(
    "day",
    r"<YEAR:y>-(?P<mo>[0-9]{2})-(?P<d>[0-9]{2})(?![0-9])(?!-[0-9])",
    _r_day,
    _YEAR_FIRST,
)
# Numeric dates: day and month in either order ("11/3/2025"), or year first.
_NOT_A_CODE = r"(?![/.\-]?[0-9A-Za-z])"
_NUMERIC_DAYS = tuple(
    _form(
        "day",
        rf"<NN:n1>{sep}<NN:n2>{sep}<YEAR:y>{_NOT_A_CODE}",
        _r_numeric_day,
        _DIGITS,
    )
    for sep in ("/", r"\.", "-")
)
_YEAR_FIRST_DAYS = tuple(
    _form(
        "day",
        rf"<YR:y>{sep}(?P<mo>[01]?[0-9]){sep}(?P<d>[0-3]?[0-9]){_NOT_A_CODE}",
        _r_day,
        _YEAR_FIRST,
    )
    for sep in ("/", r"\.")
)
_SHORT_YEAR = r"(?:['’/]<YY:sy>)"
_POINT_FORMS_HEAD = (
    _form(
        "day",
        r"(?:<WD>,?<S>)?<MON:m><S><DAY:d>(?:,?<S><YEAR:y>)?",
        _r_day,
        _MONTH_FIRST + _WEEKDAY_FIRST,
    ),
    _form(
        "day",
        r"(?:<WD>,?<S>)?(?:the<S>)?<DAY:d><S>(?:of<S>)?<MON:m>(?:,?<S><YEAR:y>)?",
        _r_day,
        _DIGITS + _WEEKDAY_FIRST + _THE,
    ),
    _form(
        "quarter",
        rf"(?:the<S>)?<QORD:qo>(?:<S>|-)quarter(?!\w){_OF_YEAR_OR_NOT_OF}",
        _r_quarter,
        _THE + _both_cases("fstl") + "1234",
    ),
    _form(
        "quarter",
        rf"(?-i:Q)(?P<qn>[1-4])(?:{_SHORT_YEAR}|(?!\w)(?:(?:<S>|[/-])<YEAR:y>)?)",
        _r_quarter,
        "Q",
    ),
    _form("quarter", r"<YR:y>(?:<S>|[/-])?(?-i:Q)(?P<qn>[1-4])(?!\w)", _r_quarter, _YEAR_FIRST),
    # "3Q24", "4Q 2024"
    _form("quarter", r"(?P<qn>[1-4])(?-i:Q)(?:<YY:sy>|<S>?<YEAR:y>)", _r_quarter, "1234"),
    _form(
        "half",
        rf"(?:the<S>)?<HORD:ho>(?:<S>|-)half(?!\w){_OF_YEAR_OR_NOT_OF}",
        _r_half,
        _THE + _both_cases("fsl") + "12",
    ),
    _form(
        "half",
        rf"(?-i:H)(?P<hn>[12])(?:{_SHORT_YEAR}|(?!\w)(?:(?:<S>|[/-])<YEAR:y>)?)",
        _r_half,
        "H",
    ),
    _form("half", r"<YR:y>(?:<S>|[/-])?(?-i:H)(?P<hn>[12])(?!\w)", _r_half, _YEAR_FIRST),
    # "1H24", "2H 2023"
    _form("half", r"(?P<hn>[12])(?-i:H)(?:<YY:sy>|<S>?<YEAR:y>)", _r_half, "12"),
)
_POINT_FORMS_TAIL = (
    _form(
        "decade",
        r"(?:the<S>)?(?P<dec>(?:19|20)[0-9]0)['’]?s(?!\w)",
        _r_decade,
        _THE + _YEAR_FIRST,
    ),
    _form(
        "month",
        rf"{_BARE_MONTH_PREFIX}?<MON:m>,?<S><YEAR:y>",
        _r_month,
        _both_cases("elm") + _MONTH_FIRST,
    ),
    # "2019 October": a year first, then its month (not "2019 Jan-Mar").
    _form("month", r"<YEAR:y><S><MON:m>(?!<OS><DASH>)", _r_month, _YEAR_FIRST),
    _form("year", rf"{_BARE_MONTH_PREFIX}?<YEAR:y>", _r_year, _both_cases("elm") + _YEAR_FIRST),
)
# Rolling windows and offsets, used in retrospectives.
_WINDOW = _form(
    "relative",
    r"the<S>(?:past|last|previous|preceding)<S><WIN:wn><S>(?P<wunit>years|months|decades)(?!\w)"
    r"(?!<S>of(?!\w))",
    _r_window,
    _THE,
)
_AGO = _form(
    "relative",
    r"(?<!\bhalf\s)<WIN:an><S>(?P<aunit>years?|months?|decades?|weeks?|days?)<S>ago(?!\w)",
    _r_ago,
    _DIGITS + _both_cases("otfsena"),
)
# "last December", "this March", "next June": a month named from the reference.
_MONTH_RELATIVE = _form(
    "relative",
    r"(?<!\bthe\s)(?P<mdir>last|this|next)<S><MON:m>(?!<S><DAY>)(?!,?<S><YEAR>)",
    _r_month_relative,
    _both_cases("ltn"),
)
_RELATIVE = _form(
    "relative",
    r"(?:(?:earlier|later|early|late)<S>)?(?:(?<!\bthe\s)(?P<dir>this|last|next)<S>"
    r"(?P<unit>year|month|week|quarter)(?!\w)(?!<S>of(?!\w))"
    r"|the<S>(?P<dir2>previous|preceding|following)<S>(?P<unit2>year|month)(?!\w)"
    r"|(?P<day>yesterday|(?-i:[Tt]oday)|tomorrow)(?!\w))",
    _r_relative,
    _both_cases("eltny"),
)
_MONTHS_OF = (
    _form(
        "months_of",
        rf"(?:the<S>)?(?P<first>first)<S><NUM:n><S>months?(?!\w){_OF_YEAR_OR_NOT_OF}",
        _r_months_of,
        _THE + _both_cases("f"),
    ),
    _form(
        "months_of",
        rf"(?:the<S>)?(?:last|final)<S><NUM:n><S>months?<S>of<S>{_YEXPR}",
        _r_months_of,
        _THE + _both_cases("lf"),
    ),
)
_WEEKDAY = _form(
    "weekday",
    r"(?:(?P<wmod>last|next)<S>)?<WD:w>(?:<S>(?:morning|afternoon|evening|night)(?!\w))?"
    r"(?!<S>times(?!\w))",
    _r_weekday,
    _both_cases("ln") + _WEEKDAY_FIRST,
)
# Only after "since", "as of", "by", "until" (or given alone to parse_period).
_INNER_ONLY = (
    _form(
        "relative",
        r"the<S>(?:current<S>)?(?P<unit>year|month)(?!\w)",
        _r_unit_of_reference,
        _THE,
    ),
    _form("month", rf"{_BARE_MONTH_PREFIX}?<MON:m>", _r_month, _both_cases("elm") + _MONTH_FIRST),
)

_POINTS: tuple[_Form, ...] = (
    _ISO_DAY,
    *_NUMERIC_DAYS,
    *_YEAR_FIRST_DAYS,
    _MONTH_RELATIVE,
    _RELATIVE,  # before "last quarter" as an ordinal
    *_POINT_FORMS_HEAD,
    *_MONTHS_OF,
    *_POINT_FORMS_TAIL,
    *_INNER_ONLY,
)
_INNER = "(?:" + "|".join(_anonymous(f.pattern) for f in _POINTS) + ")"


def _range_forms(
    kind: str, core: str, first: str, *, rsep: str = _RSEP, bsep: str = _BSEP, bare: str = _RSEP
) -> list[_Form]:
    """The "from ...", "between ...", "the ... period" and bare variants of a range."""
    resolve = {"day_range": _r_day_range, "month_range": _r_month_range}.get(kind, _r_year_range)
    forms = [
        _form(kind, "from<S>" + core.replace("<SEP>", rsep), resolve, _both_cases("f")),
        _form(kind, "between<S>" + core.replace("<SEP>", bsep), resolve, _both_cases("b")),
    ]
    if kind != "day_range":  # "the 2020-2024 period", "the January-September period"
        spec = "the<S>" + core.replace("<SEP>", rsep) + r"<S>period(?!\w)"
        forms.append(_form(kind, spec, resolve, _THE))
    forms.append(_form(kind, core.replace("<SEP>", bare), resolve, first))
    return forms


_RANGES: tuple[_Form, ...] = (
    *_range_forms(
        "day_range",
        r"<MON:m1><S><DAY:d1>(?:,?<S><YEAR:y1>)?<SEP><MON:m2><S><DAY:d2>(?:,?<S><YEAR:y2>)?",
        _MONTH_FIRST,
    ),
    *_range_forms(
        "day_range",
        r"<DAY:d1><S>(?:of<S>)?<MON:m1>(?:,?<S><YEAR:y1>)?<SEP>"
        r"<DAY:d2><S>(?:of<S>)?<MON:m2>(?:,?<S><YEAR:y2>)?",
        _DIGITS,
    ),
    *_range_forms(
        "day_range",
        r"<MON:m2><S><DAY:d1><SEP><DAY:d2>(?:,?<S><YEAR:y2>)?",
        _MONTH_FIRST,
    ),
    *_range_forms(
        "day_range",
        r"<DAY:d1><SEP><DAY:d2><S><MON:m2>(?:,?<S><YEAR:y2>)?",
        _DIGITS,
    ),
    *_range_forms(
        "month_range",
        r"<MON:m1>(?:,?<S><YEAR:y1>)?<SEP><MON:m2>(?:,?<S><YEAR:y2>)?",
        _MONTH_FIRST,
    ),
    # Bare year ranges take dashes and slashes only: "2020-2024", "2021-25", "2023/24".
    *_range_forms(
        "year_range",
        r"<YEAR:y1>(?:<SEP><YEAR:y2>|<YDASH><YY:yy>)",
        _YEAR_FIRST,
        rsep=_YRSEP,
        bsep=_YBSEP,
        bare=r"<OS><YDASH><OS>",
    ),
)

# Ranges whose ends differ in granularity or give the year once: "from 2016 to
# June 2018", "between the first quarter and the third quarter of 2024".
_MIXED_RANGES = (
    _form(
        "mixed_range",
        rf"from<S>(?P<a>{_INNER}){_RSEP}(?P<b>{_INNER})",
        _r_mixed_range,
        _both_cases("f"),
    ),
    _form(
        "mixed_range",
        rf"between<S>(?P<a>{_INNER}){_BSEP}(?P<b>{_INNER})",
        _r_mixed_range,
        _both_cases("b"),
    ),
)

_AS_OF = r"as<S>(?:of|at)"
_PREFIXED = (
    _form(
        "since",
        rf"since<S>(?:the<S>(?:beginning|start)<S>of<S>)?(?P<inner>{_INNER})",
        _r_since,
        _both_cases("s"),
    ),
    _form(
        "until",
        rf"(?:until|till)<S>(?:the<S>end<S>of<S>)?(?P<inner>{_INNER})",
        _r_stock,
        _both_cases("ut"),
    ),
    _form(
        "stock",
        rf"(?:by|at|{_AS_OF})<S>(?:the<S>)?end(?:-|<S>of<S>|<S>)(?P<inner>{_INNER})",
        _r_stock,
        _both_cases("ba"),
    ),
    _form(
        "stock",
        rf"(?:by|at|{_AS_OF})<S>(?:the<S>)?(?P<unit>year|month)(?:-|<S>)?end(?!\w)",
        _r_stock_end_of_unit,
        _both_cases("ba"),
    ),
    _form("stock", rf"(?:{_AS_OF}|by)<S>(?P<inner>{_INNER})", _r_stock, _both_cases("ba")),
)

# Top level, in priority order: at one position the first form that matches wins,
# so longer forms come before the shorter forms they start with.
_TOP: tuple[_Form, ...] = (
    _ISO_DAY,
    *_NUMERIC_DAYS,
    *_YEAR_FIRST_DAYS,
    *_RANGES,
    *_MIXED_RANGES,
    *_PREFIXED,
    _WINDOW,
    _AGO,
    _MONTH_RELATIVE,
    _RELATIVE,  # before "last quarter" as an ordinal
    *_POINT_FORMS_HEAD,
    *_MONTHS_OF,
    *_POINT_FORMS_TAIL,
    _WEEKDAY,
    # A month standing alone needs a cue: "in March", "during May", "mid-June".
    _form(
        "month",
        rf"(?:{_BARE_MONTH_PREFIX}|(?<=\bin\s)|(?<=\bduring\s)|(?<=\bthroughout\s)"
        r"|(?<=\bof\s)|(?<=\bbefore\s)|(?<=\bafter\s))<MON:m>",
        _r_month,
        _both_cases("elm") + _MONTH_FIRST,
    ),
)

# A match starts at the beginning of the text or right after whitespace or
# punctuation: never inside a word or number ("12024", "3,2024" after the
# comma), nor right after a currency sign ("$2024").
_SEPARATOR_CHARS = r"[\s!-#%-/:-@\[-^`{-~\u00a0\u00a1\u00a6-\u00bf\u2000-\u206f\u3000-\u303f]"
_SEPARATOR = _SEPARATOR_CHARS + r"(?<![0-9][.,])"

# Forms by the characters they can start with, in priority order.
_BY_FIRST: dict[str, tuple[_Form, ...]] = {
    char: tuple(form for form in _TOP if char in form.first)
    for char in sorted({char for form in _TOP for char in form.first})
}


@functools.cache
def _gate() -> re.Pattern[str]:
    """The scanner: it finds every position where some form matches.

    Python's ``re`` skips fast over characters that cannot start a match only
    when a pattern begins with a plain character set, and picks a branch fast
    only when the branch begins with one.  So the scanner consumes the
    separator before a candidate, then the candidate's first character (one
    branch per group of characters that start the same forms), and asserts
    from one character back that one of those forms matches there.
    """
    chars_by_forms: dict[tuple[int, ...], str] = {}
    for char, forms in _BY_FIRST.items():
        key = tuple(_TOP.index(form) for form in forms)
        chars_by_forms[key] = chars_by_forms.get(key, "") + char
    branches = [
        f"[{chars}](?<=(?=(?i:{'|'.join(_anonymous(_TOP[i].pattern) for i in key)}))[\\s\\S])"
        for key, chars in chars_by_forms.items()
    ]
    return re.compile(f"{_SEPARATOR}(?:{'|'.join(branches)})")


_LEADING_PREPOSITION = re.compile(r"(?:in|on|during|throughout|at|for)\s{1,3}", re.IGNORECASE)


def _safe(
    resolve: _Resolver, groups: _Groups, ref: _dt.date | None, order: NumericOrder
) -> Period | None:
    """Resolve a match: ``None`` when it names no date ("February 30").

    Arithmetic past either end of the calendar raises ``_OutOfRange`` through
    this, for ``_match_at`` to mark the match ``out_of_range``.
    """
    try:
        return resolve(groups, ref, order)
    except (ValueError, KeyError):
        return None


def _resolve_point(text: str, ref: _dt.date | None, order: NumericOrder) -> Period | None:
    for form in _POINTS:
        m = form.regex.fullmatch(text)
        if m is not None:
            return _safe(form.resolve, m.groupdict(), ref, order)
    return None


def _ambiguous(text: str, start: int, end: int) -> bool:
    """Whether an unresolved match holds a numeric date that reads two ways."""
    for form in _NUMERIC_DAYS:
        for m in form.regex.finditer(text, start, end):
            if _numeric_ambiguous(m.groupdict()):
                return True
    return False


def _match_at(
    text: str, start: int, ref: _dt.date | None, order: NumericOrder
) -> TemporalMatch | None:
    """The match of the first form, in priority order, that matches at ``start``."""
    for form in _BY_FIRST[text[start]]:
        m = form.regex.match(text, start)
        if m is not None:
            try:
                period = _safe(form.resolve, m.groupdict(), ref, order)
            except (_OutOfRange, OverflowError):
                return TemporalMatch(start, m.end(), None, form.kind, out_of_range=True)
            ambiguous = period is None and order is None and _ambiguous(text, start, m.end())
            return TemporalMatch(start, m.end(), period, form.kind, ambiguous=ambiguous)
    return None


# What every temporal expression holds, whatever its form: a digit, a month or
# weekday name as written (every spelling of one starts with its first three
# letters, "Sept." and "SEPTEMBER" too), or one of these words in any case
# ("last year", "the first half", "two weeks ago", "yesterday", "tomorrow").
# Keep it in step with the forms above: a form that could match without any
# of them needs its word here.
_ANY_DIGIT = re.compile(r"[0-9]")
_NAME_STEM = re.compile(
    "|".join(
        sorted(
            {
                spelling[:3]
                for full, *short in (*_MONTH_NAMES, *_WEEKDAY_NAMES)
                for spelling in (full, full.upper(), *short, *(s.upper() for s in short))
            }
        )
    )
)
_PERIOD_WORD = re.compile("year|month|week|quarter|half|decade|day|tomorrow")


def may_hold_period(text: str) -> bool:
    """Whether a text may hold a temporal expression: a cheap test before a scan.

    ``False`` only when no expression
    [`find_periods`][vnsg_corpus.periods.find_periods] finds, in the text or
    in a text around it, lies inside it: the text has no digit, no month or
    weekday name and none of the words "year", "month", "week", "quarter",
    "half", "decade", "day" (in "today", "yesterday" too) or "tomorrow", which
    every expression holds one of.

    Examples:
        >>> may_hold_period("The two ministers met in Hà Nội.")
        False
        >>> may_hold_period("They met last week.")
        True
    """
    if _ANY_DIGIT.search(text) is not None or _NAME_STEM.search(text) is not None:
        return True
    # A letter of these words that re.IGNORECASE matches lowers to it.
    return _PERIOD_WORD.search(text.lower()) is not None


def _normalise(reference: _dt.date | None) -> _dt.date | None:
    if isinstance(reference, _dt.datetime):
        return reference.date()
    return reference


def find_periods(
    text: str, *, reference: _dt.date | None = None, numeric_order: NumericOrder = None
) -> list[TemporalMatch]:
    """Find all temporal expressions in a text.

    The text is scanned once, left to right; at each position the longest form
    that matches is taken, so matches never overlap ("from March 11-13" is one
    day range, not a month and two numbers).

    Args:
        text: Any text; offsets refer to it exactly as given.
        reference: The publication date, used to fill a missing year and to
            resolve relative expressions and weekdays.
        numeric_order: How numeric dates order day and month: ``"dmy"``
            (Vietnamese and British copy: 11/3/2025 is 11 March), ``"mdy"``
            (American copy: November 3), or ``None`` (unknown: a date that
            reads two ways is left unresolved, with ``ambiguous=True``).

    Returns:
        The matches in text order, non-overlapping.  A match whose period
        cannot be resolved (no reference, impossible date, a numeric date
        that reads two ways) has ``period=None``.

    Examples:
        >>> import datetime
        >>> text = "Since 1996 it has invested; as of October 2024 it ranks second."
        >>> for m in find_periods(text, reference=datetime.date(2025, 3, 10)):
        ...     print(text[m.start : m.end], m.kind, m.period.start, m.period.end)
        Since 1996 since 1996-01-01 None
        as of October 2024 stock None 2024-10-31
    """
    ref = _normalise(reference)
    matches: list[TemporalMatch] = []
    position = 0
    first = _match_at(text, 0, ref, numeric_order) if text[:1] in _BY_FIRST else None
    if first is not None:
        matches.append(first)
        position = first.end
    for candidate in _gate().finditer(text, position):
        start = candidate.start() + 1
        if start >= position:
            match = _match_at(text, start, ref, numeric_order)
            if match is not None:
                matches.append(match)
                position = match.end
    return matches


def parse_period(
    expression: str, *, reference: _dt.date | None = None, numeric_order: NumericOrder = None
) -> Period | None:
    """Parse one temporal expression given on its own.

    The whole string must be one expression; surrounding whitespace is ignored
    and a leading "in", "on", "at", "during", "throughout" or "for" is allowed.
    A month may stand alone here ("March", "in March").

    Args:
        expression: The expression, e.g. ``"the first half of 2024"``.
        reference: The publication date, used as in `find_periods`.
        numeric_order: How a numeric date orders day and month, as in
            `find_periods`; with ``None`` a date that reads two ways gives ``None``.

    Returns:
        The period, or ``None`` if the string is not one temporal expression or
        it cannot be resolved.

    Examples:
        >>> import datetime
        >>> parse_period("H1 2024")
        Period(start=datetime.date(2024, 1, 1), end=datetime.date(2024, 6, 30),
               precision=<Precision.HALF: 'half'>)
        >>> parse_period("on Tuesday", reference=datetime.date(2025, 3, 13))
        Period(start=datetime.date(2025, 3, 11), end=datetime.date(2025, 3, 11),
               precision=<Precision.DAY: 'day'>)
        >>> parse_period("4,125") is None
        True
    """
    ref = _normalise(reference)
    text = expression.strip()
    candidates = [text]
    lead = _LEADING_PREPOSITION.match(text)
    if lead is not None:
        candidates.append(text[lead.end() :])
    try:
        for candidate in candidates:
            for form in _TOP:
                m = form.regex.fullmatch(candidate)
                if m is not None:
                    return _safe(form.resolve, m.groupdict(), ref, numeric_order)
            period = _resolve_point(candidate, ref, numeric_order)
            if period is not None:
                return period
    except (_OutOfRange, OverflowError):  # past 0001-01-01 or 9999-12-31
        return None
    return None
