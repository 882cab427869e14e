"""Series points right and wrong on the development set.

Usage::

    python benchmarks/bench_series.py [--write]

The gold figures of ``benchmarks/accuracy/gold.json`` (borderline ones left
out) are consolidated by `vnsg_corpus.series.build_series`, and so are the
figures the parser extracts from the same articles, parsed with the outlet
and publication date the set records (the metadata a user has for their own
articles), leaving out figures read from a passage the gold marks borderline
and metrics the gold does not annotate (ranks, counts of things).  Points are
compared by statistic: metric, the unordered country pair (the gold does not
annotate direction; Việt Nam–Singapore when it names none), unit, period and
basis (the currency a growth rate's sentence gives).  Reporters are not
annotated in the gold, so both sides are consolidated without them.

A predicted point is *right* when a gold point has its statistic, the same
values (each value and range), the same articles and the same status.  The
table is written to ``benchmarks/accuracy/series.md`` with ``--write``, which
the Accuracy page includes; a test checks it is up to date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy_set import ARTICLES, load_gold

import vnsg_corpus
from vnsg_corpus import EconomicFigure, Evidence, Metric, Period, Precision, Qualifier
from vnsg_corpus.series import SeriesPoint, SeriesStatus, build_series

SERIES_MD = Path(__file__).resolve().parent / "accuracy" / "series.md"
DEFAULT_PAIR = ("SGP", "VNM")

Statistic = tuple[str, tuple[str, ...], str, dt.date | None, dt.date | None, str | None]


def _date(value: Any) -> dt.date | None:
    return None if value in (None, "") else dt.date.fromisoformat(str(value))


def _outlet(name: str) -> str | None:
    """The outlet as the vocabulary knows it, or ``None`` ("Other", unknown names)."""
    return name if vnsg_corpus.Gazetteer.default().outlet(name) is not None else None


def _gold_figure(raw: Mapping[str, Any], article_id: str, text: str) -> EconomicFigure | None:
    start = text.find(str(raw["evidence"]))
    if raw.get("borderline") or start < 0:
        return None
    begin, end = _date(raw["period_start"]), _date(raw["period_end"])
    if begin is None and end is None:
        return None
    left, right = _sentence_span(text, start, start + len(str(raw["evidence"])))
    return EconomicFigure(
        Metric(raw["metric"]) if raw["metric"] in Metric._value2member_map_ else Metric.OTHER,
        raw["metric"],
        Decimal(str(raw["value"])),
        str(raw["unit"]),
        Qualifier(raw["qualifier"]),
        Period(begin, end, Precision.DAY),
        evidence=(Evidence(article_id, left, right, text[left:right]),),
        countries=tuple(sorted(raw.get("countries") or DEFAULT_PAIR)),
    )


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]`` (as the scorer's ``sentence_around`` finds it).

    Gold evidence is a quote; the parser's is the sentence.  Series read the
    sentence (a growth rate's basis is the currency of an amount in it).
    """
    left = start
    while left > 0 and text[left - 1] != "\n":
        if text[left - 1] in ".!?" and text[left].isspace():
            break
        left -= 1
    right = end
    while right < len(text) and text[right] != "\n":
        right += 1
        if text[right - 1] in ".!?" and (right == len(text) or text[right].isspace()):
            break
    while left < right and text[left].isspace():
        left += 1
    return left, right


def _unordered(figure: EconomicFigure) -> EconomicFigure:
    """The figure with its country pair in code order (the gold has no direction)."""
    return attrs.evolve(figure, countries=tuple(sorted(figure.countries)))


def _statistic(point: SeriesPoint) -> Statistic:
    return (
        point.metric.value,
        tuple(sorted(point.countries)),
        point.unit,
        point.period.start,
        point.period.end,
        point.basis,
    )


def _shape(point: SeriesPoint) -> tuple[object, ...]:
    return (
        sorted((v.value, v.value_max) for v in point.values),
        point.articles,
        point.status,
    )


def series_of(gold: Sequence[Mapping[str, Any]]) -> tuple[list[SeriesPoint], list[SeriesPoint]]:
    """The gold points and the predicted points of the development set."""
    gold_figures: list[tuple[EconomicFigure, str]] = []
    predicted: list[tuple[EconomicFigure, str]] = []
    dates: dict[str, dt.date | None] = {}
    annotated = _annotated_metrics(gold)
    for record in gold:
        path = ARTICLES / Path(str(record["file"])).name
        text = path.read_text(encoding="utf-8")
        published = _date(record.get("published"))
        article = vnsg_corpus.parse_article(
            text, id=path.stem, outlet=_outlet(str(record["outlet"])), date=published
        )
        dates[path.stem] = article.date
        borderline = []
        for raw in record.get("figures") or []:
            figure = _gold_figure(raw, path.stem, text)
            if figure is not None:
                gold_figures.append((figure, path.stem))
            elif raw.get("borderline") and (start := text.find(str(raw["evidence"]))) >= 0:
                borderline.append((start, start + len(str(raw["evidence"]))))
        predicted.extend(
            (_unordered(f), path.stem)
            for f in article.figures
            if f.metric.value in annotated and not _overlaps(f, borderline)
        )
    return build_series(gold_figures, published=dates), build_series(predicted, published=dates)


def _annotated_metrics(gold: Iterable[Mapping[str, Any]]) -> set[str]:
    """The metrics the gold annotates (ranks and counts of things are not annotated)."""
    return {str(raw["metric"]) for record in gold for raw in record.get("figures") or []}


def _overlaps(figure: EconomicFigure, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a figure was read from a passage the gold marks borderline (counted neither way)."""
    return any(e.start < end and start < e.end for e in figure.evidence for start, end in spans)


def score(gold_points: Sequence[SeriesPoint], predicted: Sequence[SeriesPoint]) -> dict[str, int]:
    """Counts of points: gold, predicted, right, wrong (same statistic), missed, spurious."""
    by_statistic = {_statistic(p): p for p in gold_points}
    right = wrong = 0
    for point in predicted:
        expected = by_statistic.get(_statistic(point))
        if expected is None:
            continue
        if _shape(expected) == _shape(point):
            right += 1
        else:
            wrong += 1
    seen = {_statistic(p) for p in predicted}
    return {
        "gold": len(gold_points),
        "predicted": len(predicted),
        "right": right,
        "wrong": wrong,
        "missed": sum(1 for s in by_statistic if s not in seen),
        "spurious": sum(1 for p in predicted if _statistic(p) not in by_statistic),
        "multi_source_gold": sum(1 for p in gold_points if len(p.articles) > 1),
        "multi_source_right": sum(
            1
            for p in predicted
            if len(p.articles) > 1
            and (e := by_statistic.get(_statistic(p))) is not None
            and _shape(e) == _shape(p)
        ),
        "disputed_gold": sum(1 for p in gold_points if p.status is SeriesStatus.DISPUTED),
        "disputed_predicted": sum(1 for p in predicted if p.status is SeriesStatus.DISPUTED),
    }


def markdown(counts: Mapping[str, int]) -> str:
    """The table the Accuracy page includes."""
    precision = counts["right"] / counts["predicted"] if counts["predicted"] else 0.0
    recall = counts["right"] / counts["gold"] if counts["gold"] else 0.0
    rows = [
        ("series points in the gold", counts["gold"]),
        ("series points predicted", counts["predicted"]),
        ("right (statistic, values, articles and status)", counts["right"]),
        ("wrong (the statistic is right, not its values, articles or status)", counts["wrong"]),
        ("missed (no predicted point for a gold statistic)", counts["missed"]),
        ("spurious (no gold point for a predicted statistic)", counts["spurious"]),
        ("gold points with two or more sources", counts["multi_source_gold"]),
        ("... of which predicted right", counts["multi_source_right"]),
        ("disputed points: gold / predicted", f"{counts['disputed_gold']} / "
         f"{counts['disputed_predicted']}"),
        ("precision / recall of points", f"{precision:.3f} / {recall:.3f}"),
    ]  # fmt: skip
    lines = ["| series points | count |", "| --- | ---: |"]
    lines += [f"| {what} | {value} |" for what, value in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write {SERIES_MD.name}")
    args = parser.parse_args(argv)
    gold_points, predicted = series_of(load_gold())
    table = markdown(score(gold_points, predicted))
    print(table, end="")
    if args.write:
        SERIES_MD.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
