"""Series: one point per statistic, with every report of it (issue 13).

Every sentence here is invented; the rules are tested on the kinds of
statement real articles make (several outlets, roundings, two reporters, two
currencies, year-to-date against a full year, a preliminary value revised).
"""

import datetime as dt
import random
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnsg_corpus import (
    Corpus,
    EconomicFigure,
    Evidence,
    Metric,
    Period,
    Precision,
    Qualifier,
    QueryError,
    Reporter,
    SeriesStatus,
    parse_article,
)
from vnsg_corpus.cli import main
from vnsg_corpus.series import as_conflict, build_series, figure_reporter

D = dt.date
YEAR_2020 = Period(D(2020, 1, 1), D(2020, 12, 31), Precision.YEAR)


def figure(
    value: str,
    *,
    article: str = "a",
    qualifier: Qualifier = Qualifier.EXACT,
    period: Period = YEAR_2020,
    unit: str = "USD",
    countries: tuple[str, ...] = ("VNM", "SGP"),
    metric: Metric = Metric.BILATERAL_TRADE,
    start: int = 0,
    text: str = "trade reached the value",
) -> EconomicFigure:
    return EconomicFigure(
        metric,
        "trade",
        Decimal(value),
        unit,
        qualifier,
        period,
        evidence=(Evidence(article, start, start + len(text), text),),
        countries=countries,
    )


def article(text: str, id: str, date: dt.date | None = None) -> Corpus:
    return Corpus([parse_article(text, id=id, date=date)])


def corpus_of(*items: tuple[str, str, dt.date | None]) -> Corpus:
    return Corpus([parse_article(text, id=id, date=date) for text, id, date in items])


# -- rounding and qualifiers -----------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        (("8260000000", Qualifier.AT_LEAST), ("8250000000", Qualifier.APPROX), True),
        (("8260000000", Qualifier.EXACT), ("8250000000", Qualifier.EXACT), True),
        (("9000000000", Qualifier.EXACT), ("9100000000", Qualifier.EXACT), True),
        (("7400000000", Qualifier.EXACT), ("8000000000", Qualifier.EXACT), False),
        (("7400000000", Qualifier.EXACT), ("7600000000", Qualifier.EXACT), False),
        (("7400000000", Qualifier.APPROX), ("7500000000", Qualifier.EXACT), True),
        (("5000000000", Qualifier.AT_LEAST), ("5700000000", Qualifier.EXACT), True),
        (("5000000000", Qualifier.AT_MOST), ("6200000000", Qualifier.EXACT), False),
    ],
)
def test_values_agree_after_rounding_to_their_stated_precision(
    first: tuple[str, Qualifier], second: tuple[str, Qualifier], agree: bool
) -> None:
    points = build_series(
        [
            (figure(first[0], qualifier=first[1], article="a"), "a"),
            (figure(second[0], qualifier=second[1], article="b"), "b"),
        ]
    )
    assert len(points) == 1
    assert points[0].status is (SeriesStatus.AGREED if agree else SeriesStatus.DISPUTED)
    assert len(points[0].values) == (1 if agree else 2)


def test_an_agreed_point_is_a_range_with_combined_qualifiers() -> None:
    [point] = build_series(
        [
            (figure("8260000000", qualifier=Qualifier.AT_LEAST, article="a"), "a"),
            (figure("8250000000", qualifier=Qualifier.APPROX, article="b"), "b"),
        ]
    )
    assert (point.value, point.value_max) == (Decimal("8250000000"), Decimal("8260000000"))
    assert point.qualifier is Qualifier.APPROX
    over = build_series(
        [
            (figure("8260000000", qualifier=Qualifier.AT_LEAST, article="a"), "a"),
            (figure("8260000000", article="b"), "b"),
        ]
    )
    assert over[0].qualifier is Qualifier.AT_LEAST
    assert over[0].value_max is None


def test_three_outlets_on_one_year_are_one_point_with_three_sources() -> None:
    texts = [
        "Two-way trade between Viet Nam and Singapore reached US$7.4 billion in 2019.",
        "Bilateral trade between Singapore and Vietnam hit 7.4 billion USD in 2019, up 5 percent.",
        "In 2019, trade between Vietnam and Singapore totalled US$7.4 billion.",
    ]
    corpus = corpus_of(*((t, f"outlet{i}", D(2020, 1, 10 + i)) for i, t in enumerate(texts)))
    [point] = corpus.series("bilateral_trade")
    assert point.status is SeriesStatus.AGREED
    assert point.articles == ("outlet0", "outlet1", "outlet2")
    assert point.value == Decimal("7400000000")
    assert point.countries == ("SGP", "VNM")
    assert (point.period.start, point.period.end) == (D(2019, 1, 1), D(2019, 12, 31))


def test_no_point_mixes_country_pairs_or_units_and_directions_stay_apart() -> None:
    figures = [
        (figure("9000000000", countries=("VNM", "SGP"), article="a"), "a"),
        (figure("7000000000", countries=("VNM", "AUS"), article="b"), "b"),
        (figure("9000000000", countries=("SGP", "VNM"), article="c"), "c"),
        (figure("12000000000", unit="SGD", article="d"), "d"),
        (figure("3000000000", metric=Metric.EXPORTS, countries=("VNM", "SGP")), "e"),
        (figure("5000000000", metric=Metric.EXPORTS, countries=("SGP", "VNM")), "f"),
    ]
    points = build_series(figures)
    keys = sorted((p.metric.value, p.countries, p.unit) for p in points)
    assert keys == [
        ("bilateral_trade", ("AUS", "VNM"), "USD"),
        ("bilateral_trade", ("SGP", "VNM"), "SGD"),
        ("bilateral_trade", ("SGP", "VNM"), "USD"),
        ("exports", ("SGP", "VNM"), "USD"),
        ("exports", ("VNM", "SGP"), "USD"),
    ]
    assert all(p.status is not SeriesStatus.DISPUTED for p in points)


def test_year_to_date_and_stocks_never_meet_a_full_year() -> None:
    ytd = Period(D(2020, 1, 1), D(2020, 10, 31), Precision.MONTH)
    stock = Period(None, D(2020, 12, 31), Precision.DAY)
    points = build_series(
        [
            (figure("9000000000", article="a"), "a"),
            (figure("7000000000", period=ytd, article="b"), "b"),
            (figure("70000000000", period=stock, article="c"), "c"),
        ]
    )
    assert [p.status for p in points] == [SeriesStatus.SINGLE] * 3
    assert sorted((p.period.start, p.period.end) for p in points if p.period.start) == [
        (D(2020, 1, 1), D(2020, 10, 31)),
        (D(2020, 1, 1), D(2020, 12, 31)),
    ]


def test_targets_and_figures_without_a_period_are_not_in_a_series() -> None:
    target = attrs.evolve(figure("15000000000"), target=True)
    undated = attrs.evolve(figure("9000000000"), period=None)
    assert build_series([(target, "a"), (undated, "b")]) == []


def test_equal_periods_written_at_different_precisions_are_one_statistic() -> None:
    months = Period(D(2020, 1, 1), D(2020, 12, 31), Precision.MONTH)
    [point] = build_series(
        [(figure("9000000000", article="a"), "a"), (figure("9000000000", period=months), "b")]
    )
    assert point.status is SeriesStatus.AGREED


# -- currencies ---------------------------------------------------------------------


def test_a_figure_in_two_currencies_reports_in_both_series_and_links_them() -> None:
    text = (
        "Bilateral trade between Singapore and Vietnam reached US$18.4 billion"
        " (S$25 billion) in 2023."
    )
    corpus = article(text, "conv", D(2024, 2, 1))
    points = corpus.series("bilateral_trade")
    assert [(p.unit, p.value) for p in points] == [
        ("SGD", Decimal("25000000000")),
        ("USD", Decimal("18400000000")),
    ]
    sgd, usd = points
    assert [(a.unit, a.value) for a in sgd.equivalents] == [("USD", Decimal("18400000000"))]
    assert [(a.unit, a.value) for a in usd.equivalents] == [("SGD", Decimal("25000000000"))]
    assert corpus.conflicts() == []


def test_currencies_are_never_compared() -> None:
    points = build_series(
        [(figure("24100000000", unit="SGD", article="a"), "a"), (figure("7400000000"), "b")]
    )
    assert [p.status for p in points] == [SeriesStatus.SINGLE, SeriesStatus.SINGLE]


# -- reporters ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "reporter"),
    [
        (
            "According to the General Statistics Office, two-way trade between Viet Nam and"
            " Singapore reached US$8 billion in 2022.",
            Reporter("General Statistics Office", "VNM"),
        ),
        (
            "Data from Singapore's Department of Statistics showed bilateral trade with Vietnam"
            " of S$31 billion in 2022.",
            Reporter("Department of Statistics", "SGP"),
        ),
        (
            "Enterprise Singapore figures put trade between Singapore and Vietnam at S$30"
            " billion in 2021.",
            Reporter("Enterprise Singapore", "SGP"),
        ),
        (
            "Trade between Singapore and Viet Nam reached S$29 billion in 2020, the statistics"
            " office of Singapore said.",
            Reporter("Department of Statistics", "SGP"),
        ),
        (
            "Viet Nam's customs reported exports to Singapore of US$4 billion in 2021.",
            Reporter("General Department of Customs", "VNM"),
        ),
        (
            "Data from Japan's customs showed that exports to Viet Nam reached US$3 billion"
            " in 2023.",
            Reporter("customs", "JPN"),
        ),
        (
            "Statistics from the Foreign Investment Agency (FIA) under the Ministry of Planning"
            " and Investment show Singapore invested US$5 billion in Viet Nam in 2023.",
            Reporter("Foreign Investment Agency", "VNM"),
        ),
    ],
)
def test_the_reporter_is_read_from_the_attribution(sentence: str, reporter: Reporter) -> None:
    parsed = parse_article(sentence, id="r")
    assert parsed.figures, sentence
    assert figure_reporter(parsed, parsed.figures[0]) == reporter


@pytest.mark.parametrize(
    "sentence",
    [
        # A body named without attribution words is no reporter.
        "The Ministry of Industry and Trade aims to lift trade with Singapore to US$15 billion"
        " in 2030, after US$9 billion in 2023.",
        # Whose customs is not said.
        "Customs data showed trade between Viet Nam and Singapore of US$3 billion in 2021.",
        # A city's statistics office is not a country's.
        "According to the municipal Department of Statistics, the city's exports to Singapore"
        " reached US$2 billion in 2022.",
        # An outlet is not a reporter.
        "According to VNA, trade between Viet Nam and Singapore reached US$9 billion in 2023.",
        "Bilateral trade between Viet Nam and Singapore reached US$9 billion in 2023.",
    ],
)
def test_no_attribution_no_reporter(sentence: str) -> None:
    parsed = parse_article(sentence, id="r")
    assert parsed.figures, sentence
    assert figure_reporter(parsed, parsed.figures[-1]) is None


def test_an_attribution_earlier_in_the_paragraph_counts() -> None:
    text = (
        "According to the General Statistics Office, Viet Nam's total trade rose 10 percent."
        " Trade with Singapore reached US$9 billion in 2023."
    )
    parsed = parse_article(text, id="p")
    trade = [f for f in parsed.figures if f.metric is Metric.BILATERAL_TRADE]
    assert [figure_reporter(parsed, f) for f in trade] == [
        Reporter("General Statistics Office", "VNM")
    ]


def test_two_reporters_are_two_series_not_a_conflict() -> None:
    vn = (
        "According to Viet Nam's General Statistics Office, two-way trade between Viet Nam and"
        " Singapore reached US$7.4 billion in 2019."
    )
    sg = (
        "Data from Singapore's Department of Statistics showed that trade between Singapore"
        " and Viet Nam reached US$9.9 billion in 2019."
    )
    plain = "Trade between Viet Nam and Singapore was US$7.4 billion in 2019."
    corpus = corpus_of((vn, "vn", D(2020, 2, 1)), (sg, "sg", D(2020, 2, 2)), (plain, "x", None))
    points = corpus.series("bilateral_trade")
    assert [(str(p.reporter), p.value, p.articles) for p in points] == [
        ("Department of Statistics (SGP)", Decimal("9900000000"), ("sg",)),
        ("General Statistics Office (VNM)", Decimal("7400000000"), ("vn", "x")),
    ]
    assert corpus.conflicts() == []
    assert [p.articles for p in corpus.series("bilateral_trade", reporter="SGP")] == [("sg",)]
    assert [p.articles for p in corpus.series("bilateral_trade", reporter="statistics office")]


def test_an_unattributed_report_agreeing_with_no_one_reporter_stays_unattributed() -> None:
    a, b = Reporter("A office", "VNM"), Reporter("B office", "SGP")
    figures = {"a": "7400000000", "b": "7400000000", "c": "7400000000"}
    reporters = {"a": a, "b": b, "c": None}
    points = build_series(
        [(figure(v, article=k), k) for k, v in figures.items()],
        reporter=lambda f, article_id: reporters[article_id],
    )
    assert sorted((str(p.reporter), p.articles) for p in points) == [
        ("A office (VNM)", ("a",)),
        ("B office (SGP)", ("b",)),
        ("None", ("c",)),
    ]


# -- disagreement and revisions ----------------------------------------------------------


def test_disputed_values_are_kept_with_their_sources_latest_current() -> None:
    # Both published well after 2020 ended, neither an estimate: a dispute.
    dates = {"early": D(2021, 3, 1), "late": D(2021, 6, 1)}
    [point] = build_series(
        [(figure("7400000000", article="late"), "late"), (figure("8000000000"), "early")],
        published=dates,
    )
    assert point.status is SeriesStatus.DISPUTED
    assert [(v.value, v.articles) for v in point.values] == [
        (Decimal("8000000000"), ("early",)),
        (Decimal("7400000000"), ("late",)),
    ]
    assert point.current.value == Decimal("7400000000")
    conflict = as_conflict(point)
    assert conflict.kind == "figure"
    assert "7400000000 (late); 8000000000 (early)" in conflict.description


def test_a_preliminary_estimate_then_the_official_figure_is_a_revision() -> None:
    early = figure(
        "8000000000", article="early", text="trade is estimated at the value for the year"
    )
    late = figure("8600000000", article="late")
    dates = {"early": D(2020, 12, 28), "late": D(2021, 3, 1)}
    [point] = build_series([(late, "late"), (early, "early")], published=dates)
    assert point.status is SeriesStatus.REVISED
    assert [v.articles for v in point.values] == [("early",), ("late",)]
    assert point.current.value == Decimal("8600000000")
    # The official-looking value first, the estimate after it: a dispute.
    swapped = {"early": D(2021, 3, 1), "late": D(2021, 2, 1)}
    [point] = build_series([(late, "late"), (early, "early")], published=swapped)
    assert point.status is SeriesStatus.DISPUTED


def test_one_article_giving_two_values_is_ambiguous_not_a_conflict() -> None:
    [point] = build_series(
        [
            (figure("400000000", article="a", start=0), "a"),
            (figure("540000000", article="a", start=40), "a"),
        ]
    )
    assert point.status is SeriesStatus.AMBIGUOUS
    corpus_conflicts = [p for p in [point] if p.status is SeriesStatus.DISPUTED]
    assert corpus_conflicts == []


def test_conflicts_use_the_series_rules() -> None:
    texts = [
        (
            "Bilateral trade between Viet Nam and Singapore reached over US$8.26 billion in 2020.",
            "a",
        ),
        ("Trade between Singapore and Viet Nam was an estimated US$8.25 billion in 2020.", "b"),
        ("Trade between Singapore and Viet Nam reached US$6.1 billion in 2018.", "c"),
        ("Trade between Viet Nam and Singapore reached US$9.5 billion in 2018.", "d"),
    ]
    corpus = corpus_of(*((t, i, D(2021, 5, 1)) for t, i in texts))
    [conflict] = corpus.conflicts()
    assert conflict.description.startswith("bilateral_trade SGP-VNM (USD) for 2018-01-01")
    assert {e.article_id for e in conflict.evidence} == {"c", "d"}


# -- queries --------------------------------------------------------------------------


def test_series_filters_and_errors() -> None:
    texts = [
        ("Trade between Viet Nam and Singapore reached US$9 billion in 2023.", "sg"),
        ("Trade between Viet Nam and Japan reached US$46 billion in 2023.", "jp"),
        ("Trade between Viet Nam and Japan reached US$40 billion in 2021.", "jp2"),
    ]
    corpus = corpus_of(*((t, i, None) for t, i in texts))
    assert [p.articles for p in corpus.series("bilateral_trade", between=("Japan", "VNM"))] == [
        ("jp2",),
        ("jp",),
    ]
    assert [p.articles for p in corpus.series(Metric.BILATERAL_TRADE, during="2023")] == [
        ("jp",),
        ("sg",),
    ]
    assert corpus.series("bilateral_trade", unit="sgd") == []
    for bad in (
        {"metric": "trade volume"},
        {"metric": "bilateral_trade", "between": ("VNM",)},
        {"metric": "bilateral_trade", "during": "soon"},
        {"metric": "bilateral_trade", "unit": "florins"},
        {"metric": "bilateral_trade", "reporter": "!!!"},
    ):
        with pytest.raises(QueryError):
            corpus.series(**bad)


def test_a_series_on_another_pair_is_its_own() -> None:
    texts = [
        ("Trade between Viet Nam and Japan reached US$46 billion in 2023.", "a"),
        ("Two-way trade between Japan and Vietnam hit 46.2 billion USD in 2023.", "b"),
    ]
    corpus = corpus_of(*((t, i, None) for t, i in texts))
    [point] = corpus.series("bilateral_trade", between=("VNM", "JPN"))
    assert point.status is SeriesStatus.AGREED
    assert point.countries == ("JPN", "VNM")


def test_the_series_of_a_corpus_follows_added_articles() -> None:
    corpus = article("Trade between Viet Nam and Singapore reached US$9 billion in 2023.", "a")
    assert [p.status for p in corpus.series("bilateral_trade")] == [SeriesStatus.SINGLE]
    corpus.add(
        parse_article("Trade between Singapore and Viet Nam reached US$9 billion in 2023.", id="b")
    )
    assert [p.status for p in corpus.series("bilateral_trade")] == [SeriesStatus.AGREED]


def test_cli_series(capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    assert main(["series", "--metric", "bilateral_trade", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("period_start,period_end,metric,countries,reporter,value")
    assert lines[1].split(",")[:6] == [
        "2023-01-01",
        "2023-12-31",
        "bilateral_trade",
        "SGP VNM",
        "",
        "9000000000",
    ]
    assert main(["series", "--metric", "nope"]) == 2
    assert "--metric" in capsys.readouterr().err


# -- properties -----------------------------------------------------------------------

VALUES = st.sampled_from(["7400000000", "7450000000", "8000000000", "8260000000", "9000000000"])
QUALIFIERS = st.sampled_from(list(Qualifier))
PERIODS = st.sampled_from([YEAR_2020, Period(D(2020, 1, 1), D(2020, 6, 30), Precision.MONTH)])
REPORTS = st.lists(
    st.tuples(
        VALUES,
        QUALIFIERS,
        PERIODS,
        st.sampled_from(["USD", "SGD"]),
        st.sampled_from(["a", "b", "c", "d"]),
    ),
    max_size=12,
)


def _figures(
    reports: list[tuple[str, Qualifier, Period, str, str]],
) -> list[tuple[EconomicFigure, str]]:
    return [
        (figure(v, qualifier=q, period=p, unit=u, article=a, start=i * 30), a)
        for i, (v, q, p, u, a) in enumerate(reports)
    ]


@given(REPORTS, st.randoms(use_true_random=False))
@settings(max_examples=150)
def test_the_series_does_not_depend_on_article_order(
    reports: list[tuple[str, Qualifier, Period, str, str]], shuffler: random.Random
) -> None:
    figures = _figures(reports)
    dates = {"a": D(2021, 1, 5), "b": D(2021, 3, 1), "c": None, "d": D(2020, 12, 1)}
    shuffled = list(figures)
    shuffler.shuffle(shuffled)
    assert build_series(figures, published=dates) == build_series(shuffled, published=dates)


@given(REPORTS)
@settings(max_examples=150)
def test_a_duplicate_article_changes_no_value(
    reports: list[tuple[str, Qualifier, Period, str, str]],
) -> None:
    figures = _figures(reports)
    copies = [
        (
            attrs.evolve(
                f, evidence=tuple(attrs.evolve(e, article_id="copy-" + a) for e in f.evidence)
            ),
            "copy-" + a,
        )
        for f, a in figures
        if a == "a"
    ]
    before = build_series(figures)
    after = build_series(figures + copies)
    shape = [(p.unit, p.period, [(v.value, v.value_max) for v in p.values]) for p in before]
    assert shape == [(p.unit, p.period, [(v.value, v.value_max) for v in p.values]) for p in after]


TRADE_SENTENCES = [
    "Two-way trade between Viet Nam and Singapore reached US${v} billion in {y}.",
    "According to the General Statistics Office, trade between Singapore and Vietnam was"
    " about US${v} billion in {y}.",
    "Bilateral trade between Singapore and Vietnam hit {v} billion USD in {y}, up 3 percent.",
]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(TRADE_SENTENCES),
            st.sampled_from(["7.4", "8", "8.26", "9.1"]),
            st.sampled_from([2019, 2020]),
        ),
        min_size=1,
        max_size=5,
    )
)
@settings(max_examples=40, deadline=None)
def test_every_source_slices_exactly_from_its_article(
    items: list[tuple[str, str, int]],
) -> None:
    corpus = corpus_of(
        *((t.format(v=v, y=y), f"n{i}", D(y + 1, 2, 1)) for i, (t, v, y) in enumerate(items))
    )
    points = corpus.series("bilateral_trade")
    assert points
    for point in points:
        for evidence in point.evidence:
            assert corpus[evidence.article_id].text[evidence.start : evidence.end] == evidence.text
        assert set(point.articles) <= set(corpus.ids)
    assert sum(len(p.reports) for p in points) == len(items)
