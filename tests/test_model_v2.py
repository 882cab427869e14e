"""Schema version 2: figure countries and targets, open partnership levels, visit precision."""

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from vnsg_corpus import (
    SCHEMA_VERSION,
    Corpus,
    CorpusFormatError,
    EconomicFigure,
    Evidence,
    Metric,
    Partnership,
    PartnershipLevel,
    Period,
    Person,
    Precision,
    QueryError,
    SchemaVersionError,
    Visit,
)
from vnsg_corpus.consolidate import find_conflicts, merge_visits, partnership_timeline
from vnsg_corpus.model import Article
from vnsg_corpus.serialize import from_dict, to_dict, to_json

SG_VN = frozenset({"SGP", "VNM"})
YEAR_2023 = Period(dt.date(2023, 1, 1), dt.date(2023, 12, 31), Precision.YEAR)


def ev(article: str, start: int = 0) -> Evidence:
    return Evidence(article, start, start + 1, "x")


def trade(value: int, countries: tuple[str, ...], article: str, **kw: object) -> EconomicFigure:
    return EconomicFigure(
        Metric.BILATERAL_TRADE,
        "trade",
        Decimal(value),
        "USD",
        period=YEAR_2023,
        evidence=(ev(article),),
        countries=countries,
        **kw,  # type: ignore[arg-type]
    )


def test_version_two_is_read_and_the_written_version_is_three() -> None:
    # Version 3 (0.9.0) added the article's metadata; see test_model_v3.
    assert SCHEMA_VERSION == 3
    assert to_dict(Article(id="a", text="t"))["schema_version"] == 3


def test_version_one_record_loads_with_defaults() -> None:
    record = {
        "schema_version": 1,
        "id": "old",
        "text": "Ties.",
        "date": None,
        "source": None,
        "dateline": None,
        "title": None,
        "headings": [],
        "paragraphs": [],
        "qa": [],
        "mentions": [],
        "diagnostics": [],
        "visits": [
            {
                "visitor": {"name": "Lê Văn A", "role": None, "country": "VNM"},
                "host_country": "SGP",
                "start": "2019-05-02",
                "end": "2019-05-03",
                "kind": "official",
                "status": "completed",
                "invited_by": [],
                "accompanied_by": [],
                "welcomed_by": [],
                "duration_days": None,
                "evidence": [],
            }
        ],
        "partnerships": [
            {
                "countries": ["SGP", "VNM"],
                "level": "green_digital_economic_partnership",
                "since": None,
                "status": "established",
                "evidence": [],
            }
        ],
        "figures": [
            {
                "metric": "bilateral_trade",
                "subject": "trade",
                "value": "5",
                "unit": "USD",
                "qualifier": "exact",
                "period": None,
                "evidence": [],
                "value_max": None,
                "converted": None,
            }
        ],
    }
    article = from_dict(record)
    assert article.visits[0].precision is Precision.DAY
    assert article.partnerships[0].level == "green_digital_economic_partnership"
    assert article.partnerships[0].tier is None  # a sectoral framework is no tier
    assert article.partnerships[0].inferred is False
    assert article.figures[0].countries == ()
    assert article.figures[0].target is False
    # Saved again, it is a record of the current version that loads to the same article.
    again = json.loads(to_json(article))
    assert again["schema_version"] == SCHEMA_VERSION == 3
    assert from_dict(again) == article


@pytest.mark.parametrize("version", [0, 4, 99])
def test_unknown_versions_are_schema_version_errors(version: int) -> None:
    with pytest.raises(SchemaVersionError, match="reads versions 1, 2 and 3") as info:
        from_dict({"schema_version": version, "id": "x", "text": ""}, path="f.jsonl", line=4)
    assert (info.value.path, info.value.line, info.value.field) == (
        "f.jsonl",
        4,
        "$.schema_version",
    )


def test_booleans_are_strict() -> None:
    figure = json.loads(
        to_json(Article(id="a", text="t", figures=(trade(5, ("VNM", "SGP"), "a"),)))
    )
    figure["figures"][0]["target"] = "false"
    with pytest.raises(CorpusFormatError) as info:
        from_dict(figure)
    assert info.value.field == "$.figures[0].target"


@pytest.mark.parametrize(
    "countries", [("VN",), ("vnm",), ("VNM", "SGP", "JPN"), ("VNM", "VNM"), ("V1M",)]
)
def test_figure_countries_are_checked(countries: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="countries"):
        trade(1, countries, "a")


def test_bad_countries_in_a_file_name_the_field() -> None:
    record = json.loads(
        to_json(Article(id="a", text="t", figures=(trade(5, ("VNM", "SGP"), "a"),)))
    )
    record["figures"][0]["countries"] = ["VNM", "Singapore"]
    with pytest.raises(CorpusFormatError) as info:
        from_dict(record)
    assert info.value.field == "$.figures[0].countries"


def test_pair_is_unordered() -> None:
    exports = EconomicFigure(Metric.EXPORTS, "exports", Decimal(1), "USD", countries=("VNM", "SGP"))
    assert exports.pair == SG_VN
    assert EconomicFigure(Metric.OTHER, "x", Decimal(1), "USD").pair == frozenset()


def test_partnership_level_is_an_open_snake_case_name() -> None:
    standard = Partnership(SG_VN, PartnershipLevel.STRATEGIC_PARTNERSHIP)
    assert type(standard.level) is str
    assert standard.level == "strategic_partnership"
    assert standard.tier is PartnershipLevel.STRATEGIC_PARTNERSHIP
    named = Partnership(
        SG_VN, "extensive_strategic_partnership", tier=PartnershipLevel.STRATEGIC_PARTNERSHIP
    )
    assert (named.level, named.tier) == (
        "extensive_strategic_partnership",
        PartnershipLevel.STRATEGIC_PARTNERSHIP,
    )
    assert Partnership(SG_VN, "connectivity_framework_agreement").tier is None
    for bad in ("Strategic Partnership", "strategic-partnership", "", "_x", "x__y"):
        with pytest.raises(ValueError, match="snake_case"):
            Partnership(SG_VN, bad)


def test_sectoral_levels_are_no_tier() -> None:
    assert not PartnershipLevel.GREEN_DIGITAL_ECONOMIC_PARTNERSHIP.is_tier
    assert PartnershipLevel.DIPLOMATIC_RELATIONS.is_tier
    assert Partnership(SG_VN, PartnershipLevel.DIGITAL_ECONOMY_PARTNERSHIP).tier is None


def test_visit_precision_defaults_from_its_dates() -> None:
    undated = Visit(Person("A"), "SGP")
    assert undated.precision is None
    assert undated.period is None
    day = Visit(Person("A"), "SGP", dt.date(2024, 3, 11), dt.date(2024, 3, 13))
    assert day.precision is Precision.DAY
    assert day.period == Period(dt.date(2024, 3, 11), dt.date(2024, 3, 13), Precision.DAY)
    month = Visit(
        Person("A"), "SGP", dt.date(2019, 5, 1), dt.date(2019, 5, 31), precision=Precision.MONTH
    )
    assert month.period is not None
    assert month.period.precision is Precision.MONTH


def test_merged_visit_keeps_the_finest_dates() -> None:
    person = Person("Lê Văn A", country="VNM")
    by_month = Visit(
        person,
        "SGP",
        dt.date(2019, 5, 1),
        dt.date(2019, 5, 31),
        precision=Precision.MONTH,
        evidence=(ev("later"),),
    )
    by_day = Visit(
        person, "SGP", dt.date(2019, 5, 14), dt.date(2019, 5, 16), evidence=(ev("first"),)
    )
    [merged] = merge_visits([by_month, by_day])
    assert (merged.start, merged.end, merged.precision) == (
        dt.date(2019, 5, 14),
        dt.date(2019, 5, 16),
        Precision.DAY,
    )
    [alone] = merge_visits([by_month])
    assert alone.precision is Precision.MONTH


def test_figures_between_filters_by_pair_in_either_order() -> None:
    corpus = Corpus(
        [
            Article(
                id="a",
                text="x",
                figures=(
                    trade(9, ("VNM", "SGP"), "a"),
                    trade(7, ("VNM", "AUS"), "a"),
                    trade(3, ("VNM",), "a"),
                    trade(15, ("VNM", "SGP"), "a", target=True),
                ),
            )
        ]
    )
    assert [f.value for f in corpus.figures(between=("SGP", "VNM"))] == [9]
    assert [f.value for f in corpus.figures(between=("Vietnam", "Australia"))] == [7]
    assert [f.value for f in corpus.figures(metric="bilateral_trade")] == [9, 7, 3]
    assert [f.value for f in corpus.figures(between=("VNM", "SGP"), targets=True)] == [9, 15]
    with pytest.raises(QueryError) as info:
        corpus.figures(between=("VNM",))  # type: ignore[arg-type]
    assert info.value.argument == "between"
    with pytest.raises(QueryError):
        corpus.figures(between=("VNM", "Atlantis"))


def test_conflicts_never_mix_pairs_or_targets() -> None:
    figures = [
        trade(9, ("VNM", "SGP"), "a"),
        trade(7, ("VNM", "AUS"), "b"),
        trade(15, ("VNM", "SGP"), "c", target=True),
    ]
    assert find_conflicts([], figures) == []
    clash = [*figures, trade(5, ("VNM", "SGP"), "d")]
    [conflict] = find_conflicts([], clash)
    assert conflict.description.startswith("bilateral_trade SGP-VNM (USD)")
    assert {e.article_id for e in conflict.evidence} == {"a", "d"}


def test_timeline_keeps_framework_names_and_orders_by_tier() -> None:
    since = Period(dt.date(2013, 1, 1), dt.date(2013, 12, 31), Precision.YEAR)
    records = [
        Partnership(SG_VN, "connectivity_framework_agreement", since, evidence=(ev("a"),)),
        Partnership(
            SG_VN,
            "extensive_strategic_partnership",
            since,
            evidence=(ev("a", 2),),
            tier=PartnershipLevel.STRATEGIC_PARTNERSHIP,
            inferred=True,
        ),
    ]
    timeline = partnership_timeline(records, "VNM", "SGP")
    assert [(t.level, t.tier, t.inferred) for t in timeline] == [
        ("connectivity_framework_agreement", None, False),
        ("extensive_strategic_partnership", PartnershipLevel.STRATEGIC_PARTNERSHIP, True),
    ]
    corpus = Corpus([Article(id="a", text="xyz", partnerships=tuple(records))])
    assert (
        corpus.partnership_level("VNM", "SGP", on="2014-01-01")
        is PartnershipLevel.STRATEGIC_PARTNERSHIP
    )


def test_saved_v2_corpus_round_trips(tmp_path: Path) -> None:
    article = Article(
        id="a",
        text="x",
        figures=(trade(9, ("VNM", "SGP"), "a", target=True),),
        partnerships=(Partnership(SG_VN, "digital_economy_agreement", inferred=True),),
    )
    path = tmp_path / "c.jsonl"
    Corpus([article]).save(path)
    line = json.loads(path.read_text(encoding="utf-8"))
    assert line["figures"][0]["countries"] == ["VNM", "SGP"]
    assert line["partnerships"][0]["tier"] is None
    assert Corpus.load(path)["a"] == article
