"""When a level took effect: its dating expression, and arithmetic on the article's date.

A mention is dated by the first usable temporal expression after it in its
clause ("established diplomatic relations in 1992", "in March 2025"), else the
nearest one before it in its clause, else the sentence's opening expression
("In 2013, ...", "Following Mr X's visit in September 2016, both sides
upgraded ...").  Visit dates (day ranges), stocks ("by 2030") and limits
("until 2030") never date a level, and "since 1973" dates it to the year 1973.
The level an upgrade starts from ("lifted its Strategic Partnership to a
Comprehensive Strategic Partnership in 2019") is not dated by the upgrade.

Arithmetic (the year is kept with ``inferred=True``):

* a duration or anniversary before the name ("50 years of diplomatic ties",
  "the 45th anniversary of", "the 40th year of", "a decade of"), or "N years
  since ... <level>" before it, counts back from a *base* year: the
  expression dating the mention ("2023 marks 50 years of ...", "in 2013 when
  they mark the 40th anniversary of ..."), else the base of an earlier count of
  the same sentence (coordination: "50 years of diplomatic ties and 10 years
  of their strategic partnership"), else the sentence's opening expression,
  else the article's date.  When the expression is the original date rather
  than the base -- in brackets right after the name ("(August 1, 1973)"),
  after a past verb ("... established in 1973"), "since 1973", or the very
  year the count gives back from the article's date -- it dates the level as
  stated.  A hedged duration ("over 50 years") is not dated.
* "N years ago" in the clause counts back from the article's date.
* A dating expression that states no year ("this week", "on March 12") is
  resolved against the article's date as any relative date is: that is no
  arithmetic, and the year is not marked inferred.

Without an article date nothing relative is resolved, so nothing is counted
from it.  Whenever the article's date was used the reader adds the date line
to the evidence.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Sequence

import attrs

from vnsg_corpus._dates import add_months, month_end, safe_date
from vnsg_corpus.model import Period, Precision
from vnsg_corpus.parsing._partnership_names import Level
from vnsg_corpus.parsing._partnership_vocab import DASHES, Vocab
from vnsg_corpus.periods import TemporalMatch
from vnsg_corpus.text import fold

__all__ = ["Base", "Dated", "dating", "since", "usable"]

_UNUSABLE_KINDS = frozenset({"day_range", "stock", "until"})
"""Temporal kinds that never date a level: visit dates, stocks and limits."""
_YEAR = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")
_BRACKET = re.compile(r"[ \t]{0,3}[(\[]")
_MONTHS = {Precision.DAY: 0, Precision.MONTH: 1, Precision.QUARTER: 3, Precision.HALF: 6}


@attrs.frozen
class Base:
    """The year a count was made from.

    Attributes:
        year: The year.
        relative: Whether it came from the article's date.
    """

    year: int
    relative: bool


@attrs.frozen
class Dated:
    """When a mention's level took effect, and how that was worked out.

    Attributes:
        since: The period, if any.
        inferred: Whether it is arithmetic rather than stated.
        relative: Whether the article's date was used.
        base: The base year a count was made from (for coordination).
        out_of_range: Whether the arithmetic gave a year outside 1..9999
            ("9999 years ago"), so ``since`` is ``None``.
    """

    since: Period | None = None
    inferred: bool = False
    relative: bool = False
    base: Base | None = None
    out_of_range: bool = False


def usable(t: TemporalMatch) -> bool:
    """Whether a temporal expression may date a level."""
    return t.period is not None and t.kind not in _UNUSABLE_KINDS


def dating(
    temporals: Sequence[TemporalMatch],
    starts: Sequence[int],
    back: tuple[int, int],
    forward: tuple[int, int],
) -> TemporalMatch | None:
    """The expression that dates a level: the first usable one after it, else the nearest before."""
    i = bisect.bisect_left(starts, forward[0])
    while i < len(temporals) and temporals[i].start < forward[1]:
        if usable(temporals[i]):
            return temporals[i]
        i += 1
    i = bisect.bisect_left(starts, back[1]) - 1
    while i >= 0 and temporals[i].end > back[0]:
        if temporals[i].start >= back[0] and temporals[i].end <= back[1] and usable(temporals[i]):
            return temporals[i]
        i -= 1
    return None


def number(words: str, v: Vocab) -> int | None:
    """The value of "52", "52nd", "40 th", "fifty-two", "fiftieth" or "a"."""
    digits = "".join(ch for ch in words if "0" <= ch <= "9")
    if digits:
        return int(digits)
    total = 0
    for word in re.split(f"[\\s{DASHES}]+", fold(words)):
        if word not in v.numbers:
            return None
        total += v.numbers[word]
    return total


def _year(year: int) -> Period | None:
    """The whole of ``year``, if it is a valid year (1..9999)."""
    start, end = safe_date(year, 1, 1), safe_date(year, 12, 31)
    return None if start is None or end is None else Period(start, end, Precision.YEAR)


def _counted(year: int, *, relative: bool, base: Base | None = None) -> Dated:
    """A year worked out by arithmetic; one outside 1..9999 is left unknown, ``out_of_range``."""
    period = _year(year)
    return Dated(period, inferred=True, relative=relative, base=base, out_of_range=period is None)


def _point(period: Period) -> Period | None:
    """A "since" period (open end) closed at the end of its first unit: "since 1973" -> 1973."""
    if period.start is None:
        return None
    if period.end is not None:
        return period
    if period.precision is Precision.DAY:
        return Period(period.start, period.start, period.precision)
    # A unit's first day is the first of a month: its last day is the end of its last month.
    last = add_months(period.start, _MONTHS.get(period.precision, 12) - 1)
    end = None if last is None else month_end(last.year, last.month)
    return None if end is None else Period(period.start, end, period.precision)


def _stated(t: TemporalMatch) -> Dated:
    """A level dated by an expression as it stands (resolving "this week" is no arithmetic)."""
    if t.period is None:
        return Dated()
    return Dated(_point(t.period) if t.kind == "since" else t.period)


def _year_of(t: TemporalMatch) -> int | None:
    """The year an expression falls in (its start, else its end)."""
    if t.period is None:
        return None
    anchor = t.period.start or t.period.end
    return None if anchor is None else anchor.year


def _base(text: str, t: TemporalMatch | None) -> Base | None:
    """The year an expression gives a count as its base, if any."""
    year = None if t is None else _year_of(t)
    if t is None or year is None:
        return None
    return Base(year, _YEAR.search(text, t.start, t.end) is None)


def _is_original(
    text: str, lv: Level, t: TemporalMatch, *, count: int, reference: datetime.date | None, v: Vocab
) -> bool:
    """Whether a counted level's dating expression is its original date, not the base."""
    if t.kind == "since":
        return True
    if t.start >= lv.end:
        if _BRACKET.match(text, lv.end, t.start) is not None:
            return True
        for m in v.cues.finditer(text, lv.end, t.start):
            if m.lastgroup == "s2":
                return True
    year = _year_of(t)
    return reference is not None and year is not None and abs(reference.year - count - year) <= 1


def since(
    text: str,
    lv: Level,
    windows: tuple[tuple[int, int], tuple[int, int]],
    found: TemporalMatch | None,
    *,
    fallbacks: tuple[Base | None, TemporalMatch | None, TemporalMatch | None],
    reference: datetime.date | None,
    v: Vocab,
) -> Dated:
    """When a level took effect (the rules of the module docstring).

    Args:
        text: The article text.
        lv: The level.
        windows: Its clause before and after it, ``(back, forward)``.
        found: The expression dating it in its clause, if any.
        fallbacks: The base of an earlier count of its sentence; the
            sentence's opening expression when it dates this level (the first
            of its sentence); and that expression for a count's base.
        reference: The article's date.
        v: The vocabulary.

    Returns:
        The date and how it was worked out.
    """
    back, forward = windows
    carried, framing, opening = fallbacks
    count: int | None = None
    if lv.count is not None:
        value = number(lv.count, v)
        if value is None or (
            lv.is_duration and v.hedge.search(text, max(0, lv.start - 30), lv.start)
        ):
            return Dated()
        count = value * lv.years
    else:
        ago = v.ago.search(text, *forward) or v.ago.search(text, *back)
        if ago is not None:
            value = number(ago.group("n"), v)
            if value is None or reference is None:
                return Dated()
            years = value * v.units.get(fold(ago.group("u")), 1)
            return _counted(reference.year - years, relative=True)
        counted = None
        for m in v.years_since.finditer(text, *back):
            counted = m
        if counted is not None:
            value = number(counted.group("n"), v)
            if value is not None:
                count = value * v.units.get(fold(counted.group("u")), 1)
    if count is None:
        t = found or framing
        return Dated() if t is None else _stated(t)
    if found is not None and _is_original(text, lv, found, count=count, reference=reference, v=v):
        return _stated(found)
    base = _base(text, found) or carried or _base(text, opening)
    if base is None and reference is not None:
        base = Base(reference.year, True)
    if base is None or count <= 0:
        return Dated()
    return _counted(base.year - count, relative=base.relative, base=base)
