"""Date and period forms of issue 11: numeric dates, mixed ranges, compact quarters,
rolling windows and offsets.  Each resolves right or not at all; the expressions are
invented."""

import datetime as dt

import pytest

from vnsg_corpus.model import Period, Precision, Span
from vnsg_corpus.parsing._analysis import Analysis
from vnsg_corpus.parsing._figures import read_figures
from vnsg_corpus.periods import NumericOrder, find_periods, parse_period

REF = dt.date(2025, 3, 10)
D, M, Q, H, Y = Precision.DAY, Precision.MONTH, Precision.QUARTER, Precision.HALF, Precision.YEAR


def period(start: str | None, end: str | None, precision: Precision) -> Period:
    return Period(
        None if start is None else dt.date.fromisoformat(start),
        None if end is None else dt.date.fromisoformat(end),
        precision,
    )


def spans(text: str, **kwargs: object) -> list[tuple[str, str, Period | None]]:
    return [
        (text[m.start : m.end], m.kind, m.period)
        for m in find_periods(text, reference=REF, **kwargs)  # type: ignore[arg-type]
    ]


# -- numeric dates ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "order", "expected"),
    [
        ("11/3/2025", "dmy", "2025-03-11"),
        ("11/3/2025", "mdy", "2025-11-03"),
        ("04.07.2024", "dmy", "2024-07-04"),
        ("04.07.2024", "mdy", "2024-04-07"),
        ("9-12-2023", "dmy", "2023-12-09"),
        ("25/3/2025", None, "2025-03-25"),  # one reading only
        ("3/25/2025", None, "2025-03-25"),
        ("25/3/2025", "mdy", "2025-03-25"),  # the order cannot make March 25 a month
        ("6/6/2024", None, "2024-06-06"),  # the same day either way
        ("2025/03/11", None, "2025-03-11"),  # year first is always year-month-day
        ("2024.12.05", "mdy", "2024-12-05"),
    ],
)
def test_numeric_dates(expression: str, order: NumericOrder, expected: str) -> None:
    day = dt.date.fromisoformat(expected)
    assert parse_period(expression, numeric_order=order) == Period(day, day, D)


def test_an_ambiguous_numeric_date_is_unresolved_and_flagged_never_a_year() -> None:
    (match,) = find_periods("The deal was signed on 11/3/2025 in Hà Nội.")
    assert (match.kind, match.period, match.ambiguous) == ("day", None, True)
    assert parse_period("11/3/2025") is None


@pytest.mark.parametrize(
    "text",
    [
        "Circular 15/3/2024/TT-BTC took effect.",  # a document number
        "Decision 12/2024/QĐ-UBND was issued.",
        "The score was 31/2/2024.",  # no such day either way
    ],
)
def test_no_numeric_date_is_made_up(text: str) -> None:
    assert all(m.period is None or m.kind == "year" for m in find_periods(text))
    assert not any(m.ambiguous for m in find_periods(text))


def test_the_parser_reports_an_ambiguous_date_and_dates_no_figure_with_it() -> None:
    text = "As of 5/4/2025, Singapore had invested US$77 billion in Việt Nam."
    a = Analysis.of_paragraphs(text, [Span(0, len(text))], article_id="t", reference=REF)
    read_figures(a)
    assert [f.period for f in a.figures] == [None]
    assert [(d.code, text[d.start : d.end]) for d in a.diagnostics] == [
        ("ambiguous_date", "As of 5/4/2025")
    ]


def test_the_outlet_order_dates_the_figure() -> None:
    text = "As of 5/4/2025, Singapore had invested US$77 billion in Việt Nam."
    a = Analysis.of_paragraphs(
        text, [Span(0, len(text))], article_id="t", reference=REF, numeric_order="dmy"
    )
    read_figures(a)
    assert [f.period for f in a.figures] == [period(None, "2025-04-05", D)]
    assert a.diagnostics == []


# -- ranges, compact quarters and halves, year-first months ----------------------


@pytest.mark.parametrize(
    ("text", "span", "kind", "expected"),
    [
        (
            "FDI doubled from 2016 to June 2018.",
            "from 2016 to June 2018",
            "mixed_range",
            period("2016-01-01", "2018-06-30", M),
        ),
        (
            "Exports slowed from May 2019 to 2021.",
            "from May 2019 to 2021",
            "mixed_range",
            period("2019-05-01", "2021-12-31", M),
        ),
        (
            "Arrivals fell between 2020 and March 2022.",
            "between 2020 and March 2022",
            "mixed_range",
            period("2020-01-01", "2022-03-31", M),
        ),
        (
            "Output rose from the first quarter to the third quarter of 2022.",
            "from the first quarter to the third quarter of 2022",
            "mixed_range",
            period("2022-01-01", "2022-09-30", Q),
        ),
        (
            "The fair runs from 13 to 15 July.",
            "from 13 to 15 July",
            "day_range",
            period("2025-07-13", "2025-07-15", D),
        ),
        (
            "Trade grew between March and May 2024.",
            "between March and May 2024",
            "month_range",
            period("2024-03-01", "2024-05-31", M),
        ),
        ("Sales peaked in 2019Q3.", "2019Q3", "quarter", period("2019-07-01", "2019-09-30", Q)),
        ("Sales peaked in Q3/2019.", "Q3/2019", "quarter", period("2019-07-01", "2019-09-30", Q)),
        ("Sales peaked in Q2'23.", "Q2'23", "quarter", period("2023-04-01", "2023-06-30", Q)),
        ("Sales peaked in 4Q24.", "4Q24", "quarter", period("2024-10-01", "2024-12-31", Q)),
        ("Profit fell in 1H24.", "1H24", "half", period("2024-01-01", "2024-06-30", H)),
        ("Profit fell in 2H 2023.", "2H 2023", "half", period("2023-07-01", "2023-12-31", H)),
        ("Profit fell in H1 2024.", "H1 2024", "half", period("2024-01-01", "2024-06-30", H)),
        (
            "It opened in 2019 October.",
            "2019 October",
            "month",
            period("2019-10-01", "2019-10-31", M),
        ),
    ],
)
def test_range_and_compact_forms(text: str, span: str, kind: str, expected: Period) -> None:
    assert spans(text) == [(span, kind, expected)]


@pytest.mark.parametrize(
    "text",
    [
        "Revenue went from 2016 to its peak.",  # "to" joins no second date
        "The 2019 Jan-Mar figures were revised.",  # no month read out of a month range
        "Model 4Q is sold out.",  # no year
        "Growth was 1H in the index.",
    ],
)
def test_compact_and_range_negatives(text: str) -> None:
    found = spans(text)
    assert all(kind in ("year", "month_range") for _, kind, _ in found), found
    assert not any(kind == "mixed_range" for _, kind, _ in found)


# -- rolling windows and offsets ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Trade has tripled over the past five years.",
            "the past five years",
            period("2021-01-01", "2025-12-31", Y),
        ),
        (
            "Over the last 10 years, 300 firms arrived.",
            "the last 10 years",
            period("2016-01-01", "2025-12-31", Y),
        ),
        (
            "In the past two decades the port grew.",
            "the past two decades",
            period("2006-01-01", "2025-12-31", Y),
        ),
        (
            "Over the previous 12 months prices rose.",
            "the previous 12 months",
            period("2024-04-01", "2025-03-31", M),
        ),
        ("The park opened two years ago.", "two years ago", period("2023-01-01", "2023-12-31", Y)),
        ("The plan began a decade ago.", "a decade ago", period("2015-01-01", "2015-12-31", Y)),
        (
            "It was signed three months ago.",
            "three months ago",
            period("2024-12-01", "2024-12-31", M),
        ),
        ("He landed 5 days ago.", "5 days ago", period("2025-03-05", "2025-03-05", D)),
        ("Stocks as at last December.", "as at last December", period(None, "2024-12-31", M)),
        ("The talks resume next June.", "next June", period("2025-06-01", "2025-06-30", M)),
    ],
)
def test_windows_and_offsets(text: str, span: str, expected: Period) -> None:
    assert spans(text) == [(span, "stock" if span.startswith("as at") else "relative", expected)]


def test_windows_and_offsets_need_a_reference() -> None:
    text = "Trade doubled over the past five years and the park opened two years ago."
    assert [(text[m.start : m.end], m.period) for m in find_periods(text)] == [
        ("the past five years", None),
        ("two years ago", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "It covered the last two years of the plan.",  # "of": part of another period
        "Over the past year it grew.",  # no count: left alone
        "The past few years were hard.",
        "He has two years of experience.",
        "The plant opened half a year ago.",  # not "a year ago"
    ],
)
def test_windows_negatives(text: str) -> None:
    assert [kind for _, kind, _ in spans(text)] == []
