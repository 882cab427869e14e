"""Figures' exact metrics (issue 11): invented sentences, with negatives."""

import datetime as dt
from decimal import Decimal

import pytest

import vnsg_corpus
from vnsg_corpus.model import EconomicFigure, Metric

M = Metric
DATE = dt.date(2024, 6, 20)


def figures(text: str) -> tuple[EconomicFigure, ...]:
    return vnsg_corpus.parse_article(text, date=DATE).figures


def metrics(text: str) -> list[tuple[Metric, Decimal]]:
    return [(f.metric, f.value) for f in figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An enumeration of FDI components.
        (
            "In 2023, Singapore registered new projects worth US$1.2 billion, capital additions"
            " of US$800 million and share purchases of US$600 million in Vietnam.",
            [
                (M.FDI_NEWLY_REGISTERED_CAPITAL, "1200000000"),
                (M.FDI_ADDITIONAL_CAPITAL, "800000000"),
                (M.FDI_SHARE_PURCHASE_CAPITAL, "600000000"),
            ],
        ),
        (
            "Disbursed FDI from Singapore into Vietnam reached US$3.3 billion in 2023.",
            [(M.FDI_DISBURSED, "3300000000")],
        ),
        # New projects vs projects that added capital vs all valid projects.
        (
            "In the first four months, Singapore had 41 new projects and raised capital in 19"
            " existing projects in Vietnam.",
            [(M.FDI_NEW_PROJECT_COUNT, "41"), (M.FDI_ADDITIONAL_PROJECT_COUNT, "19")],
        ),
        ("Thai firms now run 720 valid projects in Vietnam.", [(M.FDI_PROJECT_COUNT, "720")]),
        # Money put into counted new projects is newly registered capital.
        (
            "Korean firms invested US$2.6 billion in 310 new projects in Vietnam last year.",
            [(M.FDI_NEWLY_REGISTERED_CAPITAL, "2600000000"), (M.FDI_NEW_PROJECT_COUNT, "310")],
        ),
        # Shares name what they are a share of.
        (
            "Singapore accounted for 27.5 percent of all FDI in Vietnam and 11.2 percent of all"
            " projects in 2023.",
            [(M.FDI_SHARE_OF_TOTAL, "27.5"), (M.FDI_PROJECT_SHARE_OF_TOTAL, "11.2")],
        ),
        (
            "Trade with Singapore accounts for 3.4% of Vietnam's total trade.",
            [(M.BILATERAL_TRADE_SHARE_OF_TOTAL, "3.4")],
        ),
        # Growth names what grew.
        (
            "Registered capital from Singapore grew 37% in the first half of 2023.",
            [(M.FDI_REGISTERED_CAPITAL_GROWTH, "37")],
        ),
        (
            "Two-way trade between Vietnam and Malaysia reached US$13 billion, up 6.2 per cent.",
            [(M.BILATERAL_TRADE, "13000000000"), (M.BILATERAL_TRADE_GROWTH, "6.2")],
        ),
        (
            "The average size of a Singaporean project in Vietnam is US$19.5 million.",
            [(M.FDI_AVERAGE_PROJECT_SIZE, "19500000")],
        ),
        # Industrial parks: their count, the investment they drew, the jobs.
        (
            "Seven industrial parks run by the joint venture have drawn US$11.5 billion in"
            " investment and employ about 210,000 people.",
            [
                (M.INDUSTRIAL_PARK_COUNT, "7"),
                (M.INDUSTRIAL_PARK_INVESTMENT, "11500000000"),
                (M.JOBS_CREATED, "210000"),
            ],
        ),
        # One company's project; deals signed at an event.
        (
            "Singapore-based developer Mapletree will build a US$310 million logistics complex"
            " in Binh Duong.",
            [(M.PROJECT_INVESTMENT, "310000000")],
        ),
        (
            "Firms from Vietnam and Singapore signed 26 agreements worth US$7.4 billion at the"
            " forum.",
            [(M.BUSINESS_DEALS_VALUE, "7400000000")],
        ),
        # Amounts in parentheses after sectors take the sentence's keyword.
        (
            "Singapore remains a key source of capital for Vietnam, with Singaporean capital"
            " invested in manufacturing ($12.5 billion), property ($9.1 billion) and logistics"
            " ($2.3 billion).",
            [
                (M.FDI_REGISTERED_CAPITAL, "12500000000"),
                (M.FDI_REGISTERED_CAPITAL, "9100000000"),
                (M.FDI_REGISTERED_CAPITAL, "2300000000"),
            ],
        ),
    ],
)
def test_metrics(text: str, expected: list[tuple[Metric, str]]) -> None:
    assert metrics(text) == [(m, Decimal(v)) for m, v in expected]


# Negatives.


def test_investment_with_no_two_countries_stays_investment() -> None:
    # A fund's money has no investor and host country: not FDI.
    assert metrics("The fund raised US$400 million in 2023.") == [
        (M.INVESTMENT, Decimal("400000000"))
    ]


def test_the_growth_of_a_share_is_no_growth_of_fdi() -> None:
    assert metrics("Singapore's share of Vietnam's FDI grew 4 per cent in 2023.") == [
        (M.GROWTH_RATE, Decimal("4"))
    ]


def test_people_are_jobs_only_when_the_sentence_speaks_of_jobs() -> None:
    assert metrics("The weather was mild and 12 people attended.") == [(M.OTHER, Decimal("12"))]


def test_an_unknown_metric_stays_other_with_a_diagnostic() -> None:
    article = vnsg_corpus.parse_article("The stimulus package was worth US$5 billion.", date=DATE)
    (figure,) = article.figures
    assert figure.metric is M.OTHER
    codes = [d.code for d in article.diagnostics]
    assert codes.count("unknown_metric") == 1
