"""Issue 13's done-when, on a corpus built from real articles of the development set.

No sentence of the set is quoted here: the checks are on ids, values and units.
"""

import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from vnsg_corpus import Corpus, SeriesStatus, parse_article

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
if not (BENCHMARKS / "accuracy" / "gold.json").is_file():  # an sdist: the set is not in it
    pytest.skip("no benchmarks/accuracy beside the tests", allow_module_level=True)
sys.path.insert(0, str(BENCHMARKS))

from accuracy_set import ARTICLES, load_gold  # noqa: E402
from bench_series import _date, _outlet  # noqa: E402


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    gold: list[dict[str, Any]] = load_gold()
    articles = []
    for record in gold:
        path = ARTICLES / Path(str(record["file"])).name
        articles.append(
            parse_article(
                path.read_text(encoding="utf-8"),
                id=path.stem,
                outlet=_outlet(str(record["outlet"])),
                date=_date(record.get("published")),
            )
        )
    return Corpus(articles)


def test_a_year_reported_by_three_outlets_is_one_point_with_three_sources(
    corpus: Corpus,
) -> None:
    points = corpus.series("bilateral_trade", between=("VNM", "SGP"), during="2022", unit="USD")
    full_year = [
        p
        for p in points
        if p.period.start is not None and p.period.end is not None and p.period.end.month == 12
    ]
    [point] = full_year
    assert point.status is SeriesStatus.AGREED
    assert len(point.articles) == 3
    assert point.value == Decimal("9150000000")
    for evidence in point.evidence:
        assert corpus[evidence.article_id].text[evidence.start : evidence.end] == evidence.text


def test_two_roundings_of_one_statistic_are_one_point(corpus: Corpus) -> None:
    [point] = corpus.series("bilateral_trade", between=("VNM", "SGP"), during="2015")
    assert point.status is SeriesStatus.AGREED
    assert (point.value, point.value_max) == (Decimal("16000000000"), Decimal("16220000000"))
    assert len(point.articles) == 2


def test_singapore_dollars_and_us_dollars_are_separate_series_not_a_conflict(
    corpus: Corpus,
) -> None:
    year = [
        p
        for p in corpus.series("bilateral_trade", between=("VNM", "SGP"), during="2022")
        if p.period.start is not None and p.period.end is not None and p.period.end.month == 12
    ]
    assert sorted(p.unit for p in year) == ["SGD", "USD"]
    assert all(p.status is SeriesStatus.AGREED for p in year)
    growth = corpus.series("bilateral_trade_growth", between=("VNM", "SGP"), during="2022")
    assert sorted(str(p.basis) for p in growth if p.period.end and p.period.end.month == 12) == [
        "SGD",
        "USD",
    ]
    described = " ".join(c.description for c in corpus.conflicts() if c.kind == "figure")
    assert "SGD" not in described
    assert "2022-01-01..2022-12-31" not in described


def test_no_point_mixes_country_pairs(corpus: Corpus) -> None:
    for metric in ("bilateral_trade", "fdi_registered_capital", "exports", "imports"):
        for point in corpus.series(metric):
            pairs = {frozenset(r.figure.countries) for r in point.reports}
            assert pairs == {frozenset(point.countries)}, point
