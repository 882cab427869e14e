"""Figures' period roles and targets (issue 11): invented sentences, with negatives."""

import datetime as dt
from decimal import Decimal

import pytest

import vnsg_corpus
from vnsg_corpus.model import EconomicFigure, Metric, Period, Precision

M = Metric
DATE = dt.date(2024, 6, 20)


def figures(text: str) -> tuple[EconomicFigure, ...]:
    return vnsg_corpus.parse_article(text, date=DATE).figures


def year(y: int) -> Period:
    return Period(dt.date(y, 1, 1), dt.date(y, 12, 31), Precision.YEAR)


def periods(text: str) -> list[tuple[Decimal, Period | None]]:
    return [(f.value, f.period) for f in figures(text)]


# The baseline of a comparison is never the period.


@pytest.mark.parametrize(
    ("text", "value", "period"),
    [
        ("Vietnam's exports to Singapore rose 9% in 2022 compared to 2021.", "9", year(2022)),
        ("Singapore's investment in Vietnam posted a 15% jump from 2020.", "15", None),
        ("Bilateral trade grew 6.5 percent against 2019.", "6.5", None),
        ("Bilateral trade reached US$7.7 billion in 2023, up 3% from 2022.", "3", year(2023)),
        (
            "Two-way trade reached US$8.4 billion in 2023, up 4.2% over the same period last year.",
            "4.2",
            year(2023),
        ),
    ],
)
def test_a_baseline_is_never_the_period(text: str, value: str, period: Period | None) -> None:
    got = dict(periods(text))
    assert got[Decimal(value)] == period


def test_clause_framing_dates_every_figure_of_the_clause() -> None:
    text = (
        "Official figures show that in the first five months of 2023, Vietnam-Singapore trade"
        " reached US$3.6 billion, up 2.1 percent over the same period last year."
    )
    five_months = Period(dt.date(2023, 1, 1), dt.date(2023, 5, 31), Precision.MONTH)
    assert periods(text) == [
        (Decimal("3600000000"), five_months),
        (Decimal("2.1"), five_months),
    ]


def test_the_year_to_a_day_runs_from_january() -> None:
    (figure,) = figures(
        "In the year to April 30, Singaporean firms registered US$2.2 billion in Vietnam."
    )
    assert figure.period == Period(dt.date(2024, 1, 1), dt.date(2024, 4, 30), Precision.DAY)


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Up to May 2023, Singapore had 3,400 valid projects in Vietnam.", dt.date(2023, 5, 31)),
        (
            "As of March 2022, Singapore had invested US$66 billion in Vietnam.",
            dt.date(2022, 3, 31),
        ),
    ],
)
def test_up_to_and_as_of_are_stocks(text: str, end: dt.date) -> None:
    (figure,) = figures(text)
    assert (
        figure.period.start if figure.period else "none",
        figure.period and figure.period.end,
    ) == (
        None,
        end,
    )


@pytest.mark.parametrize(
    "text",
    [
        "As of 2023 trade was strong. Singapore has invested US$74 billion in Vietnam to date.",
        "In 2022 ties deepened. So far, Singaporean investors have registered US$71 billion in"
        " Vietnam.",
    ],
)
def test_an_undated_stock_takes_no_period(text: str) -> None:
    (figure,) = figures(text)
    assert figure.period is None


def test_a_cumulative_total_in_a_year_is_a_stock() -> None:
    (figure,) = figures("Thailand's cumulative investment in Laos stood at US$5 billion in 2019.")
    assert figure.period == Period(None, dt.date(2019, 12, 31), Precision.YEAR)


def test_an_enumeration_gives_each_item_its_own_period_and_qualifier() -> None:
    text = "Trade reached $5.4 billion in 2018, $4.7 billion in 2019 and over $6.6 billion in 2020."
    got = [(f.metric, f.value, f.qualifier.value, f.period) for f in figures(text)]
    assert got == [
        (M.BILATERAL_TRADE, Decimal("5400000000"), "exact", year(2018)),
        (M.BILATERAL_TRADE, Decimal("4700000000"), "exact", year(2019)),
        (M.BILATERAL_TRADE, Decimal("6600000000"), "at_least", year(2020)),
    ]


def test_a_reference_back_takes_the_period_of_an_earlier_paragraph() -> None:
    text = (
        " date 2024-07-02 Vietnam drew US$13 billion of FDI in the first half of 2024.\n\n"
        "Singapore was the top investor in the reviewed period, with US$4.1 billion in"
        " Vietnam."
    )
    article = vnsg_corpus.parse_article(text)
    last = article.figures[-1]
    assert (last.value, last.period) == (
        Decimal("4100000000"),
        Period(dt.date(2024, 1, 1), dt.date(2024, 6, 30), Precision.HALF),
    )


# Targets are not actuals.


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "Vietnam and Singapore aim to lift bilateral trade to US$15 billion by 2030.",
            Period(None, dt.date(2030, 12, 31), Precision.YEAR),
        ),
        (
            "The two countries set a target of US$12 billion in two-way trade by 2028.",
            Period(None, dt.date(2028, 12, 31), Precision.YEAR),
        ),
        (
            "Trade between Vietnam and Singapore is expected to reach US$11 billion next year.",
            year(2025),
        ),
    ],
)
def test_targets_are_flagged_with_their_horizon(text: str, period: Period) -> None:
    (figure,) = figures(text)
    assert (figure.metric, figure.target, figure.period) == (M.BILATERAL_TRADE, True, period)


def test_an_actual_next_to_a_target_is_no_target() -> None:
    text = (
        "Trade between Vietnam and Singapore reached US$10 billion in 2023, exceeding the target"
        " of US$9 billion."
    )
    assert [(f.value, f.target, f.period) for f in figures(text)] == [
        (Decimal("10000000000"), False, year(2023)),
        (Decimal("9000000000"), True, None),
    ]


def test_a_target_takes_no_period_from_the_paragraph() -> None:
    text = "Trade hit US$8 billion in 2023. The two sides aim to double it to US$16 billion."
    target = figures(text)[-1]
    assert (target.target, target.period) == (True, None)
