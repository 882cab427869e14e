"""Temporal expressions: `find_periods` and `parse_period`."""

import datetime as dt
import itertools
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from vnsg_corpus import periods
from vnsg_corpus.model import Period, Precision
from vnsg_corpus.periods import TemporalMatch, find_periods, parse_period

D = dt.date
DAY, MONTH, QUARTER, HALF, YEAR = (
    Precision.DAY,
    Precision.MONTH,
    Precision.QUARTER,
    Precision.HALF,
    Precision.YEAR,
)
REF = D(2025, 3, 10)  # a Monday


def days(start: dt.date, end: dt.date) -> Period:
    return Period(start, end, DAY)


def months(start: dt.date, end: dt.date) -> Period:
    return Period(start, end, MONTH)


def years(first: int, last: int) -> Period:
    return Period(D(first, 1, 1), D(last, 12, 31), YEAR)


PARSED: list[tuple[str, dt.date | None, Period]] = [
    # years
    ("in 2023", None, years(2023, 2023)),
    ("2023", None, years(2023, 2023)),
    ("1973", None, years(1973, 1973)),
    ("during 2024", None, years(2024, 2024)),
    ("mid-2024", None, years(2024, 2024)),
    ("the 1990s", None, years(1990, 1999)),
    # months
    ("October 2024", None, months(D(2024, 10, 1), D(2024, 10, 31))),
    ("Sept 2024", None, months(D(2024, 9, 1), D(2024, 9, 30))),
    ("February 2024", None, months(D(2024, 2, 1), D(2024, 2, 29))),
    ("in March", REF, months(D(2025, 3, 1), D(2025, 3, 31))),
    ("early March", REF, months(D(2025, 3, 1), D(2025, 3, 31))),
    ("late November 2023", None, months(D(2023, 11, 1), D(2023, 11, 30))),
    # days
    ("March 11, 2025", None, days(D(2025, 3, 11), D(2025, 3, 11))),
    ("11 March 2025", None, days(D(2025, 3, 11), D(2025, 3, 11))),
    ("March 11", REF, days(D(2025, 3, 11), D(2025, 3, 11))),
    ("Jan. 5, 2025", None, days(D(2025, 1, 5), D(2025, 1, 5))),
    ("Tuesday, March 11, 2025", None, days(D(2025, 3, 11), D(2025, 3, 11))),
    ("the 11th of March", REF, days(D(2025, 3, 11), D(2025, 3, 11))),
    ("2025-03-10", None, days(D(2025, 3, 10), D(2025, 3, 10))),
    ("January 5", D(2024, 12, 28), days(D(2025, 1, 5), D(2025, 1, 5))),
    ("December 30", D(2025, 1, 3), days(D(2024, 12, 30), D(2024, 12, 30))),
    # runs of months, quarters, halves
    ("the first ten months of 2024", None, months(D(2024, 1, 1), D(2024, 10, 31))),
    ("the first 10 months of 2024", None, months(D(2024, 1, 1), D(2024, 10, 31))),
    ("the first nine months of this year", REF, months(D(2025, 1, 1), D(2025, 9, 30))),
    ("the first two months of the year", REF, months(D(2025, 1, 1), D(2025, 2, 28))),
    ("the last three months of 2024", None, months(D(2024, 10, 1), D(2024, 12, 31))),
    ("the first quarter of 2025", None, Period(D(2025, 1, 1), D(2025, 3, 31), QUARTER)),
    ("Q1 2025", None, Period(D(2025, 1, 1), D(2025, 3, 31), QUARTER)),
    ("2025-Q1", None, Period(D(2025, 1, 1), D(2025, 3, 31), QUARTER)),
    ("Q4/2024", None, Period(D(2024, 10, 1), D(2024, 12, 31), QUARTER)),
    ("the fourth quarter of 2024", None, Period(D(2024, 10, 1), D(2024, 12, 31), QUARTER)),
    ("the final quarter of last year", REF, Period(D(2024, 10, 1), D(2024, 12, 31), QUARTER)),
    ("the third quarter", REF, Period(D(2025, 7, 1), D(2025, 9, 30), QUARTER)),
    ("last quarter", D(2025, 1, 15), Period(D(2024, 10, 1), D(2024, 12, 31), QUARTER)),
    ("the first half of 2024", None, Period(D(2024, 1, 1), D(2024, 6, 30), HALF)),
    ("H1 2024", None, Period(D(2024, 1, 1), D(2024, 6, 30), HALF)),
    ("H1", REF, Period(D(2025, 1, 1), D(2025, 6, 30), HALF)),
    ("H2 2025", None, Period(D(2025, 7, 1), D(2025, 12, 31), HALF)),
    ("the second half of last year", REF, Period(D(2024, 7, 1), D(2024, 12, 31), HALF)),
    # month ranges
    ("from January to September 2024", None, months(D(2024, 1, 1), D(2024, 9, 30))),
    ("January-September 2024", None, months(D(2024, 1, 1), D(2024, 9, 30))),
    ("between January and March 2025", None, months(D(2025, 1, 1), D(2025, 3, 31))),
    ("the January–September period", REF, months(D(2025, 1, 1), D(2025, 9, 30))),
    ("October 2024 – March 2025", None, months(D(2024, 10, 1), D(2025, 3, 31))),
    ("November-February 2025", None, months(D(2024, 11, 1), D(2025, 2, 28))),
    # stocks
    ("as of October 2024", None, Period(None, D(2024, 10, 31), MONTH)),
    ("as of 2023", None, Period(None, D(2023, 12, 31), YEAR)),
    ("by the end of 2024", None, Period(None, D(2024, 12, 31), YEAR)),
    ("by end-2024", None, Period(None, D(2024, 12, 31), YEAR)),
    ("at the end of 2024", None, Period(None, D(2024, 12, 31), YEAR)),
    ("by 2050", None, Period(None, D(2050, 12, 31), YEAR)),
    ("as at June 30, 2024", None, Period(None, D(2024, 6, 30), DAY)),
    ("by the end of this year", REF, Period(None, D(2025, 12, 31), YEAR)),
    ("by year-end", REF, Period(None, D(2025, 12, 31), YEAR)),
    ("by the end of the first quarter", REF, Period(None, D(2025, 3, 31), QUARTER)),
    ("until 2030", None, Period(None, D(2030, 12, 31), YEAR)),
    # since
    ("since 1996", None, Period(D(1996, 1, 1), None, YEAR)),
    ("since March 2020", None, Period(D(2020, 3, 1), None, MONTH)),
    ("since the beginning of 2024", None, Period(D(2024, 1, 1), None, YEAR)),
    ("since early 2020", None, Period(D(2020, 1, 1), None, YEAR)),
    # year ranges
    ("the 2020–2024 period", None, years(2020, 2024)),
    ("2020-2024", None, years(2020, 2024)),
    ("2020 – 2024", None, years(2020, 2024)),
    ("from 2020 to 2024", None, years(2020, 2024)),
    ("between 2020 and 2024", None, years(2020, 2024)),
    ("2021-25", None, years(2021, 2025)),
    ("2023/24", None, years(2023, 2024)),
    ("1999-00", None, years(1999, 2000)),
    # day ranges
    ("March 11-13", REF, days(D(2025, 3, 11), D(2025, 3, 13))),
    ("from March 25-26", REF, days(D(2025, 3, 25), D(2025, 3, 26))),
    ("11–13 March 2025", None, days(D(2025, 3, 11), D(2025, 3, 13))),
    ("March 30 – April 2", REF, days(D(2025, 3, 30), D(2025, 4, 2))),
    ("30 March - 2 April 2025", None, days(D(2025, 3, 30), D(2025, 4, 2))),
    ("from March 11 to 13", REF, days(D(2025, 3, 11), D(2025, 3, 13))),
    ("between 11 and 13 March", REF, days(D(2025, 3, 11), D(2025, 3, 13))),
    ("MARCH 11-13", REF, days(D(2025, 3, 11), D(2025, 3, 13))),
    ("January 5-7", D(2024, 12, 28), days(D(2025, 1, 5), D(2025, 1, 7))),
    ("December 30 – January 2", D(2025, 1, 10), days(D(2024, 12, 30), D(2025, 1, 2))),
    ("December 30, 2024 – January 2, 2025", None, days(D(2024, 12, 30), D(2025, 1, 2))),
    # weekdays (REF is a Monday)
    ("on Tuesday", D(2025, 3, 13), days(D(2025, 3, 11), D(2025, 3, 11))),
    ("on Tuesday", REF, days(D(2025, 3, 4), D(2025, 3, 4))),
    ("on Monday", REF, days(REF, REF)),
    ("Tuesday afternoon", D(2025, 3, 11), days(D(2025, 3, 11), D(2025, 3, 11))),
    ("last Friday", REF, days(D(2025, 3, 7), D(2025, 3, 7))),
    ("last Monday", REF, days(D(2025, 3, 3), D(2025, 3, 3))),
    ("next Monday", REF, days(D(2025, 3, 17), D(2025, 3, 17))),
    ("next Wednesday", REF, days(D(2025, 3, 12), D(2025, 3, 12))),
    # relative
    ("last year", REF, years(2024, 2024)),
    ("this year", REF, years(2025, 2025)),
    ("next year", REF, years(2026, 2026)),
    ("earlier this year", REF, years(2025, 2025)),
    ("late last year", REF, years(2024, 2024)),
    ("the previous year", REF, years(2024, 2024)),
    ("last month", REF, months(D(2025, 2, 1), D(2025, 2, 28))),
    ("this month", REF, months(D(2025, 3, 1), D(2025, 3, 31))),
    ("next month", D(2024, 12, 5), months(D(2025, 1, 1), D(2025, 1, 31))),
    ("last week", REF, days(D(2025, 3, 3), D(2025, 3, 9))),
    ("yesterday", REF, days(D(2025, 3, 9), D(2025, 3, 9))),
    ("today", REF, days(REF, REF)),
    ("tomorrow", D(2024, 12, 31), days(D(2025, 1, 1), D(2025, 1, 1))),
]


@pytest.mark.parametrize(("expression", "reference", "expected"), PARSED)
def test_parse_period(expression: str, reference: dt.date | None, expected: Period) -> None:
    assert parse_period(expression, reference=reference) == expected


@pytest.mark.parametrize(("expression", "reference", "expected"), PARSED)
def test_expression_found_whole_in_text(
    expression: str, reference: dt.date | None, expected: Period
) -> None:
    text = f"Officials said {expression}, the figures showed."
    [match] = find_periods(text, reference=reference)
    assert match.period == expected
    found = text[match.start : match.end]
    assert expression.endswith(found)
    assert expression[: len(expression) - len(found)] in {"", "in ", "on ", "during "}


FOUND: list[tuple[str, dt.date | None, list[tuple[str, str, Period | None]]]] = [
    (
        "Bilateral trade reached US$9 billion in 2023 and $8.64 billion in the first ten "
        "months of 2024.",
        None,
        [
            ("2023", "year", years(2023, 2023)),
            ("the first ten months of 2024", "months_of", months(D(2024, 1, 1), D(2024, 10, 31))),
        ],
    ),
    (
        "As of October 2024, Singapore ranked second among 148 countries and territories "
        "with 3,838 valid projects.",
        None,
        [("As of October 2024", "stock", Period(None, D(2024, 10, 31), MONTH))],
    ),
    (
        "The leader will pay an official visit to Singapore from March 11-13, marking "
        "52-year-long ties set up in 1973.",
        D(2025, 3, 10),
        [
            ("from March 11-13", "day_range", days(D(2025, 3, 11), D(2025, 3, 13))),
            ("1973", "year", years(1973, 1973)),
        ],
    ),
    (
        "The delegation arrived on Tuesday afternoon for a three-day visit.",
        D(2025, 3, 11),
        [("Tuesday afternoon", "weekday", days(D(2025, 3, 11), D(2025, 3, 11)))],
    ),
    (
        "Both sides committed to net-zero emissions by 2050 under Resolution 57.",
        None,
        [("by 2050", "stock", Period(None, D(2050, 12, 31), YEAR))],
    ),
    (
        "Since 1996, 18 industrial parks have opened; the first VSIP opened in 1996.",
        None,
        [
            ("Since 1996", "since", Period(D(1996, 1, 1), None, YEAR)),
            ("1996", "year", years(1996, 1996)),
        ],
    ),
    (
        "SINGAPORE (Mar 12): Visitor arrivals rose in February, after a slow January.",
        D(2025, 3, 12),
        [
            ("Mar 12", "day", days(D(2025, 3, 12), D(2025, 3, 12))),
            ("February", "month", months(D(2025, 2, 1), D(2025, 2, 28))),
        ],
    ),
    (
        "Exports in Q1 2025 rose 12% year-on-year, after a record 2024.",
        None,
        [
            ("Q1 2025", "quarter", Period(D(2025, 1, 1), D(2025, 3, 31), QUARTER)),
            ("2024", "year", years(2024, 2024)),
        ],
    ),
    (
        "The plan for the 2021-2025 period and trade in 2023 and 2024 grew.",
        None,
        [
            ("the 2021-2025 period", "year_range", years(2021, 2025)),
            ("2023", "year", years(2023, 2023)),
            ("2024", "year", years(2024, 2024)),
        ],
    ),
    (
        "The forum, held on 30 March - 2 April 2025 in Hà Nội, drew 2,000 people.",
        None,
        [("30 March - 2 April 2025", "day_range", days(D(2025, 3, 30), D(2025, 4, 2)))],
    ),
    (
        "Investment may be constrained; a march was held; the Sunday Times reported it.",
        REF,
        [],
    ),
    (
        "Capital of S$2024 million and 2024 million dong, 12024 units, 3,2024 and 2024.5.",
        None,
        [],
    ),
    (
        "The ministry said last year that growth would pick up next year, as it did last "
        "month and yesterday.",
        REF,
        [
            ("last year", "relative", years(2024, 2024)),
            ("next year", "relative", years(2026, 2026)),
            ("last month", "relative", months(D(2025, 2, 1), D(2025, 2, 28))),
            ("yesterday", "relative", days(D(2025, 3, 9), D(2025, 3, 9))),
        ],
    ),
]


@pytest.mark.parametrize(("text", "reference", "expected"), FOUND)
def test_find_periods_in_text(
    text: str, reference: dt.date | None, expected: list[tuple[str, str, Period | None]]
) -> None:
    found = find_periods(text, reference=reference)
    assert [(text[m.start : m.end], m.kind, m.period) for m in found] == expected


def test_match_offsets_and_span() -> None:
    text = "Talks ended on March 13, 2025."
    [match] = find_periods(text)
    assert match == TemporalMatch(15, 29, days(D(2025, 3, 13), D(2025, 3, 13)), "day")
    assert match.span.of(text) == "March 13, 2025"


NOT_TEMPORAL = [
    "52-year-long",
    "three-day",
    "3,838",
    "148",
    "18 parks",
    "Resolution 57",
    "$2024 million",
    "US$2024",
    "2024 million",
    "2024 bn",
    "2050 MW",
    "2030%",
    "12024",
    "20245",
    "3,2024",
    "2024.5",
    "1899",
    "2101",
    "0",
    "10000",
    "9999999999",
    "may",
    "march",
    "a quarter",
    "the last year",
    "the Sunday Times",
    "TODAY",
    "",
]


@pytest.mark.parametrize("text", NOT_TEMPORAL)
def test_not_temporal(text: str) -> None:
    assert find_periods(text, reference=REF) == []
    assert parse_period(text, reference=REF) is None


NEEDS_REFERENCE = [
    ("in March", "month"),
    ("March 11", "day"),
    ("March 11-13", "day_range"),
    ("from March 11 to 13", "day_range"),
    ("January to September", "month_range"),
    ("the first quarter", "quarter"),
    ("H1", "half"),
    ("the first nine months of this year", "months_of"),
    ("on Tuesday", "weekday"),
    ("last Friday", "weekday"),
    ("next Monday", "weekday"),
    ("last year", "relative"),
    ("this month", "relative"),
    ("yesterday", "relative"),
    ("today", "relative"),
    ("tomorrow", "relative"),
    ("earlier this year", "relative"),
    ("the previous year", "relative"),
    ("by the end of this year", "stock"),
    ("since last year", "since"),
]


@pytest.mark.parametrize(("expression", "kind"), NEEDS_REFERENCE)
def test_unresolved_without_reference(expression: str, kind: str) -> None:
    [match] = find_periods(expression)
    assert match.kind == kind
    assert match.period is None
    assert expression.endswith(expression[match.start : match.end])
    assert parse_period(expression) is None


INVALID = [
    ("February 30", "day"),
    ("February 29, 2025", "day"),
    ("March 32-35", "day_range"),
    ("March 13-11", "day_range"),
    ("2025-02-30", "day"),
    ("2025-13-01", "day"),
    ("2024-2020", "year_range"),
    ("2025-03", "year_range"),
    ("between 2024 and 2020", "year_range"),
]


@pytest.mark.parametrize(("expression", "kind"), INVALID)
def test_impossible_dates_are_matched_unresolved(expression: str, kind: str) -> None:
    [match] = find_periods(expression, reference=REF)
    assert (match.start, match.end, match.kind, match.period) == (0, len(expression), kind, None)
    assert parse_period(expression, reference=REF) is None


def test_february_29_in_a_leap_year() -> None:
    assert parse_period("February 29", reference=D(2024, 3, 1)) == days(
        D(2024, 2, 29), D(2024, 2, 29)
    )


def test_datetime_reference_is_accepted() -> None:
    moment = dt.datetime(2025, 3, 10, 18, 30)  # a naive publication time
    assert parse_period("yesterday", reference=moment) == days(D(2025, 3, 9), D(2025, 3, 9))


@pytest.mark.parametrize("reference", [dt.date.min, dt.date.max])
def test_extreme_references_do_not_crash(reference: dt.date) -> None:
    text = "last year, next month, tomorrow, yesterday, on Friday, next Monday, January 5-7, H1"
    found = find_periods(text, reference=reference)
    assert len(found) == 8
    _check_invariants(text, found)


def test_every_year_from_1900_to_2100() -> None:
    for year in range(1900, 2101):
        assert parse_period(f"{year}") == years(year, year)
        assert parse_period(f" in {year} ") == years(year, year)


def test_patterns_have_only_bounded_quantifiers() -> None:
    unbounded = re.compile(r"(?<!\\)[*+]|\{[0-9]*,\}")
    assert not unbounded.search(periods._gate().pattern)
    for form in periods._TOP:
        assert not unbounded.search(form.pattern), form.pattern


@pytest.mark.parametrize(
    "piece",
    ["from ", "March 1", "1-", "2020-", "Q1 ", "the first ", "by the end of ", "  ", "$", "1,"],
)
def test_adversarial_input_keeps_invariants(piece: str) -> None:
    # Speed on such input is measured in benchmarks/bench_linearity.py, not timed here.
    text = piece * (200_000 // len(piece))
    matches = find_periods(text, reference=REF)
    assert all(0 <= m.start < m.end <= len(text) for m in matches)
    assert all(a.end <= b.start for a, b in itertools.pairwise(matches))


# --- properties ----------------------------------------------------------------

FRAGMENTS = [
    " ",
    "  ",
    "\n",
    ", ",
    ". ",
    "-",
    "–",
    " – ",
    "/",
    "$",
    "(",
    "11",
    "1",
    "30",
    "32",
    "2020",
    "2024",
    "1996",
    "25",
    "3,838",
    "March",
    "MARCH",
    "May",
    "may",
    "Jan.",
    "Sept",
    "December",
    "Tuesday",
    "Friday",
    "from",
    "between",
    "and",
    "to",
    "the",
    "first",
    "last",
    "next",
    "this",
    "ten",
    "months",
    "of",
    "quarter",
    "half",
    "year",
    "month",
    "week",
    "period",
    "since",
    "until",
    "by",
    "as of",
    "at the end of",
    "end-",
    "in",
    "on",
    "early",
    "mid-",
    "Q2",
    "H1",
    "yesterday",
    "Today",
    "million",
    "afternoon",
    "Việt Nam",
]
fragment_text = st.lists(st.sampled_from(FRAGMENTS), max_size=25).map("".join)
references = st.one_of(st.none(), st.dates())


def _check_invariants(text: str, found: list[TemporalMatch]) -> None:
    previous_end = 0
    for match in found:
        assert previous_end <= match.start < match.end <= len(text)
        assert text[match.start : match.end] == text[match.start : match.end].strip()
        if match.period is not None:
            start, end = match.period.start, match.period.end
            assert start is None or end is None or start <= end
        previous_end = match.end


@given(st.text(), references)
def test_find_periods_never_raises_on_any_text(text: str, reference: dt.date | None) -> None:
    _check_invariants(text, find_periods(text, reference=reference))


@given(fragment_text, references)
@example("from March 11-13 and since 1996 by 2050", D(2025, 3, 10))
def test_find_periods_invariants_on_news_like_text(text: str, reference: dt.date | None) -> None:
    _check_invariants(text, find_periods(text, reference=reference))


@given(st.text(), references)
def test_parse_period_never_raises(text: str, reference: dt.date | None) -> None:
    period = parse_period(text, reference=reference)
    assert period is None or isinstance(period, Period)


@given(st.integers(1900, 2100))
def test_parse_any_year(year: int) -> None:
    assert parse_period(f"{year}") == years(year, year)


@given(fragment_text, references)
def test_each_match_parses_alone_to_its_period(text: str, reference: dt.date | None) -> None:
    for match in find_periods(text, reference=reference):
        assert parse_period(text[match.start : match.end], reference=reference) == match.period


# The scanner jumps to candidate positions; a plain scan with one alternation of
# every form, tried at every position, must find exactly the same matches.
_REFERENCE_SCANNER = re.compile(
    rf"(?:(?<![\s\S])|(?<={periods._SEPARATOR_CHARS})(?<![0-9][.,]))"
    + "(?:"
    + "|".join(f"(?:{periods._anonymous(form.pattern)})" for form in periods._TOP)
    + ")",
    re.IGNORECASE,
)


def _reference_find(text: str) -> list[tuple[int, int, str]]:
    found = []
    for m in _REFERENCE_SCANNER.finditer(text):
        form = next(f for f in periods._TOP if f.regex.match(text, m.start()))
        found.append((m.start(), m.end(), form.kind))
    return found


@given(fragment_text)
@example("the first quarter of 2025, as of October 2024 and H1")
def test_scanner_agrees_with_a_plain_scan(text: str) -> None:
    fast = [(m.start, m.end, m.kind) for m in find_periods(text)]
    assert fast == _reference_find(text)
