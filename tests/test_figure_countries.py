"""Figures' countries and trade direction (issue 11): invented sentences, with negatives."""

import datetime as dt
from decimal import Decimal

import pytest

import vnsg_corpus
from vnsg_corpus.model import EconomicFigure, Metric

M = Metric
DATE = dt.date(2024, 6, 20)


def figures(text: str) -> tuple[EconomicFigure, ...]:
    return vnsg_corpus.parse_article(text, date=DATE).figures


@pytest.mark.parametrize(
    ("text", "metric", "value", "countries"),
    [
        # The two countries of the clause.
        (
            "Two-way trade between Japan and Vietnam rose to US$48 billion in 2023.",
            M.BILATERAL_TRADE,
            "48000000000",
            ("VNM", "JPN"),
        ),
        (
            "Vietnam's exports to India climbed to US$7.2 billion last year.",
            M.EXPORTS,
            "7200000000",
            ("VNM", "IND"),
        ),
        # A place counts through its country; investor first, host second.
        (
            "Korean investors poured US$3.4 billion into Thai Nguyen province in 2022.",
            M.FDI_REGISTERED_CAPITAL,
            "3400000000",
            ("KOR", "VNM"),
        ),
        (
            "Singapore's investment in Indonesia reached US$15.4 billion in 2023.",
            M.FDI_REGISTERED_CAPITAL,
            "15400000000",
            ("SGP", "IDN"),
        ),
        (
            "Australian firms invested A$900 million in Laos last year.",
            M.FDI_REGISTERED_CAPITAL,
            "900000000",
            ("AUS", "LAO"),
        ),
        # Country-wide totals carry one code.
        (
            "Vietnam attracted US$31 billion of total FDI in 2023.",
            M.FDI_REGISTERED_CAPITAL,
            "31000000000",
            ("VNM",),
        ),
        ("Singapore's GDP grew 1.1 per cent in 2023.", M.GROWTH_RATE, "1.1", ("SGP",)),
    ],
)
def test_the_countries_of_the_clause(
    text: str, metric: Metric, value: str, countries: tuple[str, ...]
) -> None:
    (figure,) = figures(text)
    assert (figure.metric, figure.value, figure.countries) == (metric, Decimal(value), countries)


@pytest.mark.parametrize(
    ("text", "metric", "value"),
    [
        # Singapore's exports to Việt Nam are Việt Nam's imports from Singapore.
        ("Singapore's exports to Vietnam totalled S$6.1 billion in 2022.", M.IMPORTS, "6100000000"),
        (
            "Vietnam's imports from Singapore totalled US$5.6 billion in 2022.",
            M.IMPORTS,
            "5600000000",
        ),
        # Singapore's imports from Việt Nam are Việt Nam's exports.
        (
            "Singapore imported goods worth US$3.9 billion from Vietnam in 2021.",
            M.EXPORTS,
            "3900000000",
        ),
        # "shipped" is an export.
        (
            "Vietnam shipped goods worth US$4.3 billion to Singapore in 2021.",
            M.EXPORTS,
            "4300000000",
        ),
    ],
)
def test_direction_is_normalised_to_the_preferred_reporter(
    text: str, metric: Metric, value: str
) -> None:
    (figure,) = figures(text)
    assert (figure.metric, figure.value, figure.countries) == (
        metric,
        Decimal(value),
        ("VNM", "SGP"),
    )


def test_a_partner_alone_takes_the_reporter_from_the_article() -> None:
    text = (
        "Vietnam and Singapore reviewed their ties on Monday. Exports to Singapore reached"
        " US$2.8 billion in the first quarter, while imports from the island state hit"
        " US$1.9 billion."
    )
    assert [(f.metric, f.value, f.countries) for f in figures(text)] == [
        (M.EXPORTS, Decimal("2800000000"), ("VNM", "SGP")),
        (M.IMPORTS, Decimal("1900000000"), ("VNM", "SGP")),
    ]


def test_growth_keeps_the_direction_of_its_flow() -> None:
    (growth,) = figures("Singapore's exports to Vietnam rose 7 per cent in 2023.")
    assert (growth.metric, growth.countries) == (M.IMPORTS_GROWTH, ("VNM", "SGP"))


def test_no_figure_is_a_bare_export() -> None:
    text = "Trade between Vietnam and Malaysia hit US$14 billion, with exports at US$6 billion."
    exports = [f for f in figures(text) if f.metric is M.EXPORTS]
    assert [f.countries for f in exports] == [("VNM", "MYS")]


# Negatives: a third pair is not the article's pair.


def test_a_third_pair_in_a_bilateral_article_keeps_its_own_countries() -> None:
    text = (
        "Vietnam and Singapore held talks in Hanoi. Singapore's trade with Vietnam grew."
        " Japan's investment in Vietnam reached US$2.9 billion in the first half."
    )
    (figure,) = figures(text)
    assert figure.countries == ("JPN", "VNM")
    assert figure.pair != frozenset({"VNM", "SGP"})


def test_a_third_country_named_alone_is_paired_with_the_main_country() -> None:
    text = (
        "Vietnam and Singapore signed two agreements. Vietnam and Singapore also discussed"
        " trade. Thai investment reached US$1.1 billion in 2023."
    )
    (figure,) = figures(text)
    assert figure.countries == ("THA", "VNM")


def test_a_share_of_a_total_is_not_a_country_wide_figure() -> None:
    (figure,) = figures(
        "Singapore led investors in Vietnam, accounting for 28.4% of total FDI in 2023."
    )
    assert (figure.metric, figure.countries) == (M.FDI_SHARE_OF_TOTAL, ("SGP", "VNM"))


def test_without_any_country_the_countries_are_unknown() -> None:
    (figure,) = figures("Two-way trade reached US$8.4 billion in 2023.")
    assert figure.countries == ()
