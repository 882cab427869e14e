"""Periods as EDTF / ISO 8601 strings: ``Period.to_edtf`` and ``Period.from_edtf``."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnsg_corpus import Period, Precision, QueryError
from vnsg_corpus._edtf import _first_day, _last_day

D = dt.date
ALL_DAYS = st.dates(min_value=dt.date.min, max_value=dt.date.max)

FINEST_FIRST = [Precision.DAY, Precision.MONTH, Precision.QUARTER, Precision.HALF, Precision.YEAR]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2024-01/2024-10", Period(D(2024, 1, 1), D(2024, 10, 31), Precision.MONTH)),
        ("2024-03-11/2024-03-13", Period(D(2024, 3, 11), D(2024, 3, 13), Precision.DAY)),
        ("../2024-10-31", Period(None, D(2024, 10, 31), Precision.DAY)),
        ("../2024-10", Period(None, D(2024, 10, 31), Precision.MONTH)),
        ("2024/..", Period(D(2024, 1, 1), None, Precision.YEAR)),
        ("1996/..", Period(D(1996, 1, 1), None, Precision.YEAR)),
        ("2023", Period(D(2023, 1, 1), D(2023, 12, 31), Precision.YEAR)),
        ("2020/2024", Period(D(2020, 1, 1), D(2024, 12, 31), Precision.YEAR)),
        ("2024-03", Period(D(2024, 3, 1), D(2024, 3, 31), Precision.MONTH)),
        ("2024-02", Period(D(2024, 2, 1), D(2024, 2, 29), Precision.MONTH)),
        ("2024-03-11", Period(D(2024, 3, 11), D(2024, 3, 11), Precision.DAY)),
        ("2025-33", Period(D(2025, 1, 1), D(2025, 3, 31), Precision.QUARTER)),
        ("2025-36", Period(D(2025, 10, 1), D(2025, 12, 31), Precision.QUARTER)),
        ("2024-33/2024-35", Period(D(2024, 1, 1), D(2024, 9, 30), Precision.QUARTER)),
        ("2024-40", Period(D(2024, 1, 1), D(2024, 6, 30), Precision.HALF)),
        ("2024-41", Period(D(2024, 7, 1), D(2024, 12, 31), Precision.HALF)),
        ("0001-01-01", Period(D(1, 1, 1), D(1, 1, 1), Precision.DAY)),
        ("9999/..", Period(D(9999, 1, 1), None, Precision.YEAR)),
        ("../9999-12", Period(None, D(9999, 12, 31), Precision.MONTH)),
    ],
)
def test_each_form_reads_and_writes_back(text: str, period: Period) -> None:
    assert Period.from_edtf(text) == period
    assert period.to_edtf() == text


@pytest.mark.parametrize(
    ("text", "period", "written"),
    [
        # the finer end's precision, as the period parser does for "from 2016 to June 2018"
        ("2016/2018-06", Period(D(2016, 1, 1), D(2018, 6, 30), Precision.MONTH), "2016-01/2018-06"),
        (
            "2024-33/2024-05",
            Period(D(2024, 1, 1), D(2024, 5, 31), Precision.MONTH),
            "2024-01/2024-05",
        ),
        # an empty end is unknown, read as None like ".." (open); written ".."
        ("/2024-10-31", Period(None, D(2024, 10, 31), Precision.DAY), "../2024-10-31"),
        ("2024-03-11/", Period(D(2024, 3, 11), None, Precision.DAY), "2024-03-11/.."),
        ("2024/2024", Period(D(2024, 1, 1), D(2024, 12, 31), Precision.YEAR), "2024"),
    ],
)
def test_other_spellings_read_to_the_same_period(text: str, period: Period, written: str) -> None:
    assert Period.from_edtf(text) == period
    assert period.to_edtf() == written


def test_ends_that_are_not_whole_units_keep_their_days() -> None:
    # A MONTH period starting mid-month: written in days, read back as DAY.
    odd = Period(D(2024, 1, 15), D(2024, 3, 31), Precision.MONTH)
    assert odd.to_edtf() == "2024-01-15/2024-03-31"
    assert Period.from_edtf(odd.to_edtf()) == Period(odd.start, odd.end, Precision.DAY)
    # A YEAR period that is one month: written as that month.
    month = Period(D(2024, 3, 1), D(2024, 3, 31), Precision.YEAR)
    assert month.to_edtf() == "2024-03"
    # A HALF period whose end is a quarter's: the quarter form keeps both days.
    quarters = Period(D(2024, 1, 1), D(2024, 9, 30), Precision.HALF)
    assert quarters.to_edtf() == "2024-33/2024-35"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "not an EDTF date or interval"),
        ("whenever", "not an EDTF date or interval"),
        ("2024-3", "not an EDTF date or interval"),
        ("24", "not an EDTF date or interval"),
        ("20240311", "not an EDTF date or interval"),
        (" 2024", "not an EDTF date or interval"),
        ("2024 ", "not an EDTF date or interval"),
        ("2024?", "not an EDTF date or interval"),
        ("2024~", "not an EDTF date or interval"),
        ("2024-03-XX", "not an EDTF date or interval"),
        ("2024-03-11T10:00:00", "not an EDTF date or interval"),
        ("[2024,2025]", "not an EDTF date or interval"),
        ("-2024", "not an EDTF date or interval"),
        ("Y12024", "not an EDTF date or interval"),
        ("２０２４", "not an EDTF date or interval"),  # fullwidth digits
        ("2020/2022/2024", "not an EDTF date or interval"),
        ("2024-13", "not a month, quarter or half"),
        ("2024-00", "not a month, quarter or half"),
        ("2024-42", "not a month, quarter or half"),
        ("2024-21", "seasons and quadrimesters"),
        ("2024-37", "seasons and quadrimesters"),
        ("2024-02-30", "not a real date"),
        ("2024-13-01", "not a real date"),
        ("0000", "year 0000 is outside the calendar"),
        ("../..", "an interval needs at least one date"),
        ("/", "an interval needs at least one date"),
        ("2024-03-11/2024-03-10", "the interval ends before it starts"),
        ("2025/2024", "the interval ends before it starts"),
        ("2024/" * 100, "too long"),
    ],
)
def test_bad_strings_raise_query_error_naming_the_text(text: str, problem: str) -> None:
    with pytest.raises(QueryError) as caught:
        Period.from_edtf(text)
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.argument == "text"
    assert error.args[0].startswith(problem)
    assert repr(text[:20]).rstrip("'") in error.args[0]
    assert "2024-33" in error.accepted


def test_a_value_that_is_not_a_string_is_a_query_error() -> None:
    with pytest.raises(QueryError, match="expected a string, got int"):
        Period.from_edtf(2024)  # type: ignore[arg-type]


def test_a_period_without_ends_has_no_edtf_form() -> None:
    with pytest.raises(QueryError, match="neither a start nor an end"):
        Period(None, None, Precision.YEAR).to_edtf()


def test_from_edtf_on_a_subclass_builds_the_subclass() -> None:
    class Span(Period):
        pass

    span = Span.from_edtf("2024")
    assert type(span) is Span
    assert span == Span(D(2024, 1, 1), D(2024, 12, 31), Precision.YEAR)


@st.composite
def whole_unit_periods(draw: st.DrawFn) -> Period:
    """Periods whose ends are whole units of their precision: the ones that round-trip."""
    precision = draw(st.sampled_from(Precision))
    a, b = sorted([draw(ALL_DAYS), draw(ALL_DAYS)])
    start = draw(st.none() | st.just(_first_day(a, precision)))
    end = _last_day(b, precision)
    end_or_none = draw(st.none() | st.just(end)) if start is not None else end
    return Period(start, end_or_none, precision)


@given(whole_unit_periods())
def test_whole_unit_periods_round_trip(period: Period) -> None:
    assert Period.from_edtf(period.to_edtf()) == period


@st.composite
def any_periods(draw: st.DrawFn) -> Period:
    a, b = sorted([draw(ALL_DAYS), draw(ALL_DAYS)])
    start, end = draw(st.sampled_from([(a, b), (None, b), (a, None)]))
    return Period(start, end, draw(st.sampled_from(Precision)))


@given(any_periods())
def test_every_period_keeps_its_days_and_never_gains_precision(period: Period) -> None:
    back = Period.from_edtf(period.to_edtf())
    assert (back.start, back.end) == (period.start, period.end)
    assert FINEST_FIRST.index(back.precision) <= FINEST_FIRST.index(period.precision)
    assert (back == period) == (
        (period.start is None or _first_day(period.start, period.precision) == period.start)
        and (period.end is None or _last_day(period.end, period.precision) == period.end)
    )


@given(st.text(max_size=30))
def test_any_string_is_a_period_or_a_query_error(text: str) -> None:
    try:
        period = Period.from_edtf(text)
    except QueryError:
        return
    assert Period.from_edtf(period.to_edtf()) == period
