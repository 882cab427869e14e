"""The accuracy development set: its integrity, its scorer, and the regression guard."""

import importlib.util
import json
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

import vnsg_corpus

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
if not (BENCHMARKS / "accuracy" / "gold.json").is_file():  # an sdist: the set is not in it
    pytest.skip("no benchmarks/accuracy beside the tests", allow_module_level=True)
sys.path.insert(0, str(BENCHMARKS))

from accuracy_score import (  # noqa: E402
    METRIC_SYNONYMS,
    UNIT_ALIASES,
    ArticleScore,
    Row,
    rows,
    score_article,
    sentence_around,
    summary,
    total,
)
from accuracy_set import (  # noqa: E402
    ARTICLES,
    BASELINE,
    GOLD,
    RESERVED,
    check_article,
    check_set,
    load_gold,
    reserved,
)
from bench_accuracy import (  # noqa: E402
    SCORES_MD,
    guard_scores,
    history,
    markdown,
    progress_table,
    regressions,
    run,
)

SHARED_SCORER = RESERVED.with_name("score.py")


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return load_gold()


@pytest.fixture(scope="module")
def scores(gold: list[dict[str, Any]]) -> list[ArticleScore]:
    return run(gold)


# ---- the set itself


def test_gold_and_texts_pass_every_check(gold: list[dict[str, Any]]) -> None:
    assert check_set(gold) == []


def test_every_article_file_is_annotated(gold: list[dict[str, Any]]) -> None:
    assert sorted(p.name for p in ARTICLES.glob("*.txt")) == sorted(a["file"] for a in gold)


def test_set_is_as_large_and_varied_as_promised(gold: list[dict[str, Any]]) -> None:
    def count(kind: str) -> int:
        return sum(1 for a in gold for x in a[kind] if not x.get("borderline"))

    years = {a["published"][:4] for a in gold if a["published"]}
    assert len(gold) >= 60
    assert len({a["outlet"] for a in gold}) >= 12
    assert len(years) >= 10
    assert min(years) <= "2011"
    assert max(years) >= "2024"
    assert sum(1 for a in gold if a.get("distractor")) >= 12
    assert count("visits") + count("partnerships") >= 120
    assert count("figures") >= 250


def test_no_article_is_reserved_for_independent_evaluation(gold: list[dict[str, Any]]) -> None:
    if not RESERVED.is_file():
        pytest.skip(
            f"needs {RESERVED}: the project's list of articles reserved for independent"
            " evaluation, kept outside the repository in shared/ beside the checkout"
        )
    assert reserved(gold, ARTICLES) == []


# ---- the checks catch what they promise


def _record(file: str, **facts: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "file": file,
        "url": "https://example.org/news/1",
        "outlet": "VNA",
        "published": "2021-06-01",
        "source_attribution": None,
        "text_status": "complete",
        "notes": "",
        "visits": [],
        "partnerships": [],
        "figures": [],
    }
    record.update(facts)
    return record


def _figure(evidence: str, **fields: Any) -> dict[str, Any]:
    figure = {
        "metric": "bilateral_trade",
        "value": 5_000_000_000,
        "unit": "USD",
        "qualifier": "exact",
        "period_start": "2020-01-01",
        "period_end": "2020-12-31",
        "evidence": evidence,
    }
    figure.update(fields)
    return figure


TEXT = " date 2021-06-01 Two-way trade between Laos and Cambodia hit US$5 billion in 2020."


def test_check_article_accepts_a_clean_record(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    record = _record("x.txt", figures=[_figure("hit US$5 billion in 2020")])
    assert list(check_article(record, tmp_path)) == []


@pytest.mark.parametrize(
    ("text", "change", "expected"),
    [
        (TEXT, {"figures": [_figure("hit US$6 billion")]}, "not a substring"),
        (TEXT + "\n", {}, "ends with a newline"),
        (TEXT.replace("Laos", "Lào"), {}, ""),
        (TEXT.replace("Laos", "La\u0300o"), {}, "not NFC"),
        (TEXT, {"published": "2021-06-02"}, "date line says 2021-06-01"),
        (TEXT, {"outlet": "Daily Planet"}, "unknown outlet"),
        (TEXT, {"figures": [_figure("US$5 billion", unit="dollars")]}, "ISO 4217"),
        (TEXT, {"figures": [_figure("US$5 billion", period_end="2019-12-31")]}, "before"),
        (TEXT, {"visits": [{"visitor": "X"}]}, "missing"),
        (TEXT, {"distractor": True, "figures": [_figure("US$5 billion")]}, "name their countries"),
        (TEXT, {"partnerships": [{"countries": ["LAO", "LAO"]}]}, "two different ISO codes"),
    ],
)
def test_check_article_names_each_problem(
    tmp_path: Path, text: str, change: dict[str, Any], expected: str
) -> None:
    (tmp_path / "x.txt").write_text(text, encoding="utf-8", newline="")
    problems = list(check_article(_record("x.txt", **change), tmp_path))
    if expected:
        assert any(expected in p for p in problems), problems
    else:
        assert problems == []


def test_overlap_between_articles_is_reported(tmp_path: Path) -> None:
    body = " ".join(f"word{i}" for i in range(40))
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(body, encoding="utf-8")
    gold = [_record("a.txt", published=None), _record("b.txt", published=None)]
    problems = check_set(gold, tmp_path)
    assert any("a.txt shares 29 12-word runs with b.txt" in p for p in problems), problems


# ---- the scorer's matching rules, on invented predictions


def _pred_figure(value: str, unit: str = "USD", **fields: Any) -> SimpleNamespace:
    base: dict[str, Any] = {
        "value": Decimal(value),
        "unit": unit,
        "metric": "bilateral_trade",
        "qualifier": "exact",
        "period": None,
        "evidence": (),
    }
    base.update(fields)
    return SimpleNamespace(**base)


def _article(**facts: Any) -> SimpleNamespace:
    base: dict[str, Any] = {
        "date": None,
        "source": None,
        "figures": (),
        "visits": (),
        "partnerships": (),
    }
    base.update(facts)
    return SimpleNamespace(**base)


def test_figures_match_on_value_and_unit_then_check_attributes() -> None:
    record = _record(
        "x.txt",
        published=None,
        figures=[
            _figure("US$5 billion", qualifier="at_most", qualifier_alt="approx"),
            _figure("S$2 billion", value=2e9, unit="SGD", borderline=True),
        ],
    )
    article = _article(
        figures=(
            _pred_figure("5000000000", qualifier="approx", metric="exports"),
            _pred_figure("2000000000", unit="SGD"),
            _pred_figure("7", unit="rank"),
            _pred_figure("12", unit="percent"),
        )
    )
    tally = score_article(record, TEXT, article).tally
    assert (tally.fig_gold, tally.fig_tp, tally.fig_fp) == (1, 1, 1)  # rank neutral, 12% extra
    assert tally.fig_qualifier_ok == 1
    assert tally.fig_metric_ok == 0
    assert (tally.fig_period_n, tally.fig_period_ok) == (1, 0)
    assert (tally.fig_pair_n, tally.fig_pair_ok) == (1, 0)


def test_alt_value_and_metric_synonyms_match() -> None:
    record = _record(
        "x.txt",
        figures=[
            _figure(
                "US$5 billion",
                metric="vietnam_exports_to_singapore",
                alt_value=6.7e9,
                alt_unit="SGD",
            )
        ],
    )
    article = _article(figures=(_pred_figure("6700000000", unit="SGD", metric="exports"),))
    tally = score_article(record, TEXT, article).tally
    assert (tally.fig_tp, tally.fig_metric_ok) == (1, 1)


def test_visits_match_on_surname_and_host() -> None:
    visit = {
        "visitor": "Nguyễn Văn Bình",
        "visitor_role": "Minister",
        "visitor_country": "VNM",
        "host_country": "LAO",
        "start": "2020-03-01",
        "end": "2020-03-31",
        "kind": "working visit",
        "evidence": "Laos",
    }
    person = SimpleNamespace(name="Nguyen Van Binh")
    right = SimpleNamespace(
        visitor=person, host_country="LAO", start=None, end=None, kind="working"
    )
    wrong_host = SimpleNamespace(visitor=person, host_country="KHM", start=None, end=None, kind="")
    tally = score_article(
        _record("x.txt", visits=[visit]), TEXT, _article(visits=(wrong_host, right))
    ).tally
    assert (tally.vis_tp, tally.vis_fp, tally.vis_kind_ok, tally.vis_date_ok) == (1, 1, 1, 0)


def test_partnership_year_may_be_left_to_the_reader() -> None:
    partnership = {
        "countries": ["KHM", "LAO"],
        "level": "strategic_partnership",
        "year": 2020,
        "status": "established",
        "evidence": "Laos",
        "year_optional": True,
    }
    pred = SimpleNamespace(
        level="strategic_partnership",
        since=None,
        countries=frozenset({"LAO", "KHM"}),
        status="expected",
    )
    record = _record("x.txt", partnerships=[partnership])
    tally = score_article(record, TEXT, _article(partnerships=(pred,))).tally
    assert (tally.par_tp, tally.par_status_ok) == (1, 0)


def test_a_crash_is_counted_and_its_facts_are_not() -> None:
    record = _record("x.txt", figures=[_figure("US$5 billion")])
    tally = score_article(record, TEXT, None).tally
    assert (tally.crashes, tally.articles, tally.fig_gold) == (1, 0, 0)


def test_sentence_around_finds_the_sentence() -> None:
    text = "First one. Trade hit US$5 billion in 2020. Last one."
    at = text.index("US$5")
    assert sentence_around(text, at, at + 12) == "Trade hit US$5 billion in 2020."


def test_regressions_flags_drops_beyond_the_tolerance() -> None:
    baseline: dict[str, float | None] = {"visits": 0.5, "figures": 0.8, "kinds": None}
    assert regressions({"visits": 0.49, "figures": 0.7, "kinds": 0.1}, baseline) == [
        "figures: 0.700 < baseline 0.800 - 0.02"
    ]


# ---- the library on the set


def test_progress_table_shows_each_recorded_version_then_today() -> None:
    today = [
        Row("visits", 0.95, 0.9, 0.924, 83, 0.924, 83),
        Row("visit dates", None, None, 0.5, 40, 0.4, 40),
    ]
    past: dict[str, dict[str, dict[str, Any]]] = {
        "0.4.0": {"visits": {"precision": 0.977, "recall": 0.506, "score": 0.667}},
        vnsg_corpus.__version__: {"visits": {"precision": 1, "recall": 1, "score": 1}},
    }
    lines = progress_table(today, past).splitlines()
    assert lines[0] == f"| fact type | 0.4.0 | {vnsg_corpus.__version__} (this version) |"
    assert lines[2] == "| visits | 0.667 (0.977 / 0.506) | 0.924 (0.950 / 0.900) |"
    assert lines[3] == "| visit dates | – | 0.500 |"


def test_recorded_versions_hold_every_fact_type(scores: list[ArticleScore]) -> None:
    past = history()
    assert {"0.4.0", "0.5.0"} <= set(past)
    names = [r.name for r in rows(total(scores))]
    for version, table in past.items():
        assert list(table) == names, version
    assert past["0.4.0"]["visits"]["recall"] == pytest.approx(0.506)


def test_no_article_crashes_the_parser(scores: list[ArticleScore]) -> None:
    assert total(scores).crashes == 0


def test_scores_have_not_dropped_below_the_baseline(scores: list[ArticleScore]) -> None:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert set(baseline) == set(guard_scores(scores))
    assert regressions(guard_scores(scores), baseline) == []


def test_accuracy_page_tables_are_regenerated(
    gold: list[dict[str, Any]], scores: list[ArticleScore]
) -> None:
    # Run `python benchmarks/bench_accuracy.py --write-docs` after a change that moves a score.
    with_metadata = run(gold, ARTICLES, with_metadata=True)
    assert SCORES_MD.read_text(encoding="utf-8") == markdown(gold, scores, with_metadata)


def test_metadata_helps_where_the_outlet_decides(
    gold: list[dict[str, Any]], scores: list[ArticleScore]
) -> None:
    # Parsed with each page's outlet, bare "$" amounts of Singaporean pages are read in
    # SGD: figures are found at least as well as from the text alone, and every
    # article's date is the recorded one.
    given = run(gold, ARTICLES, with_metadata=True)
    alone, with_meta = guard_scores(scores), guard_scores(given)
    assert with_meta["figures"] is not None
    assert alone["figures"] is not None
    assert with_meta["figures"] >= alone["figures"]
    assert with_meta["article dates"] == 1.0


def test_series_table_is_regenerated(gold: list[dict[str, Any]]) -> None:
    # Run `python benchmarks/bench_series.py --write` after a change that moves a count.
    import bench_series  # noqa: PLC0415 - a benchmark module, on sys.path above

    gold_points, predicted = bench_series.series_of(gold)
    counts = bench_series.score(gold_points, predicted)
    assert bench_series.SERIES_MD.read_text(encoding="utf-8") == bench_series.markdown(counts)
    assert counts["right"] >= 0.75 * counts["gold"]
    assert counts["right"] >= 0.75 * counts["predicted"]


def _shared_scorer() -> ModuleType:
    if not SHARED_SCORER.is_file():
        pytest.skip(
            f"needs {SHARED_SCORER}: the project's shared scorer, kept outside the repository"
            " in shared/ beside the checkout"
        )
    spec = importlib.util.spec_from_file_location("shared_score", SHARED_SCORER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_agrees_with_the_shared_scorer(scores: list[ArticleScore]) -> None:
    shared = _shared_scorer()
    theirs, _ = shared.score(GOLD, ARTICLES)
    assert summary(total(scores)) == theirs


def test_metric_and_unit_tables_are_the_shared_scorer_s() -> None:
    shared = _shared_scorer()
    assert {k: set(v) for k, v in METRIC_SYNONYMS.items()} == shared.METRIC_SYNONYMS
    assert dict(UNIT_ALIASES) == shared.UNIT_ALIASES
