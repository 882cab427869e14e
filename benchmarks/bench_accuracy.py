"""Benchmark: accuracy on the development set of real articles.

Usage::

    python benchmarks/bench_accuracy.py [--show] [--json] [--outlets] [--outlet NAME]
    python benchmarks/bench_accuracy.py --write-docs      # regenerate the Accuracy page's tables
    python benchmarks/bench_accuracy.py --check           # fail on a drop below the baseline
    python benchmarks/bench_accuracy.py --update-baseline # record today's scores as the baseline
    python benchmarks/bench_accuracy.py --record 0.6.0    # keep today's table for "before/after"

Parses every article of ``benchmarks/accuracy/`` with ``vnsg_corpus.parse_article``
and scores it against the gold by the shared matching rules (see
``accuracy_score.py``): precision, recall and F1 for figures, visits and
partnerships, and accuracy for what a matched fact carries (period, qualifier,
metric, country pair; visit dates and kind; partnership status; the article's
date and source). ``--show`` lists every miss, extra and wrong attribute with
its sentence. ``--json`` prints the shared scorer's summary line, which must
equal what ``../shared/eval/score.py benchmarks/accuracy/gold.json
benchmarks/accuracy/articles`` prints.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy_score import ArticleScore, Finding, Row, rows, score_article, summary, total
from accuracy_set import ARTICLES, BASELINE, GOLD, load_gold

import vnsg_corpus

SCORES_MD = GOLD.parent / "scores.md"
#: Tables of released versions (``--record VERSION``), shown beside today's on the Accuracy page.
HISTORY = GOLD.parent / "history"
#: How far below the baseline a score may fall before the regression guard fails.
TOLERANCE = 0.02


def metadata(record: dict[str, Any]) -> dict[str, Any]:
    """What a scraped table would hold beside the text: the page's URL, outlet and date.

    The outlet is passed only when the vocabulary knows it (the set's "Other"
    pages have none); the date is the recorded publication date.
    """
    outlet = record.get("outlet")
    known = outlet if outlet and vnsg_corpus.Vocabulary.default().outlet(outlet) else None
    published = record.get("published")
    return {
        "url": record.get("url"),
        "outlet": known,
        "date": None if published is None else dt.date.fromisoformat(published),
    }


def run(
    gold: list[dict[str, Any]], articles: Path = ARTICLES, *, with_metadata: bool = False
) -> list[ArticleScore]:
    """Parse and score every article of the gold, in the gold's order.

    With ``with_metadata`` each article is parsed with its page's URL, outlet
    and date as a caller would give them from a table (see ``metadata``);
    without, from its text alone.
    """
    scores = []
    for record in gold:
        path = articles / Path(str(record["file"])).name
        text = path.read_text(encoding="utf-8")
        extra = metadata(record) if with_metadata else {}
        try:
            article: Any = vnsg_corpus.parse_article(text, id=path.stem, **extra)
        except Exception:  # a crash is scored, not raised
            article = None
        scores.append(score_article(record, text, article))
    return scores


def scoreboard(scores: Iterable[ArticleScore]) -> dict[str, float | None]:
    """Each fact type's headline score (F1 or accuracy), keyed by row name."""
    return {row.name: row.score for row in rows(total(scores))}


def guard_scores(scores: Iterable[ArticleScore]) -> dict[str, float | None]:
    """What the regression guard holds: F1 for detection, joint accuracy for attributes.

    The joint accuracy (the share of all gold items with an attribute that
    were found with it right) does not fall when a fix finds more facts, as
    the accuracy over matched facts may.
    """
    return {row.name: row.joint for row in rows(total(scores))}


def _cell(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def table(rows_: Sequence[Row]) -> str:
    """The accuracy table in Markdown."""
    lines = [
        "| fact type | precision | recall | F1 / accuracy | right of all gold | gold items |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    lines.extend(
        f"| {r.name} | {_cell(r.precision)} | {_cell(r.recall)} | {_cell(r.score)}"
        f" | {'' if r.precision is not None else _cell(r.joint)} | {r.gold} |"
        for r in rows_
    )
    return "\n".join(lines)


def _groups(scores: Sequence[ArticleScore]) -> dict[str, list[ArticleScore]]:
    groups: dict[str, list[ArticleScore]] = defaultdict(list)
    for s in scores:
        groups[s.outlet].append(s)
    return dict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))


#: Short column names for the per-outlet table, in the order of ``rows``.
_SHORT = {
    "figures": "fig F1",
    "figure periods": "period",
    "figure qualifiers": "qual",
    "figure metrics": "metric",
    "figure country pairs": "pair",
    "visits": "visit F1",
    "visit dates": "v. dates",
    "visit kinds": "v. kind",
    "partnerships": "partn F1",
    "partnership statuses": "status",
    "article dates": "date",
    "article sources": "source",
}


def outlet_table(scores: Sequence[ArticleScore]) -> str:
    """Every fact type's score (F1 or accuracy) per outlet, and for the distractors."""
    lines = [
        "| outlet | articles | " + " | ".join(_SHORT.values()) + " |",
        "|---|---:|" + "---:|" * len(_SHORT),
    ]
    groups = list(_groups(scores).items())
    groups.append(("*distractors*", [s for s in scores if s.distractor]))
    groups.append(("*Việt Nam–Singapore articles*", [s for s in scores if not s.distractor]))
    for name, members in groups:
        board = scoreboard(members)
        cells = " | ".join(_cell(board[row]) for row in _SHORT)
        lines.append(f"| {name} | {len(members)} | {cells} |")
    return "\n".join(lines)


def error_class(finding: Finding) -> str:
    """A coarse class for a finding: its fact type and what went wrong."""
    words = finding.problem.split()
    if words[0] in ("missed", "extra"):
        return f"{finding.kind} {words[0]}"
    for attribute in ("period", "qualifier", "metric", "countries", "dates", "kind", "status"):
        if attribute in words:
            return f"{finding.kind} {attribute} wrong"
    return f"{finding.kind} {words[0]} wrong"


def error_table(scores: Sequence[ArticleScore]) -> str:
    """Findings by class, the largest first."""
    counts = Counter(error_class(f) for s in scores for f in s.findings)
    lines = ["| error class | count |", "|---|---:|"]
    lines.extend(f"| {name} | {n} |" for name, n in counts.most_common())
    return "\n".join(lines)


def describe_set(gold: list[dict[str, Any]]) -> str:
    """One paragraph on what the set holds, computed from the gold."""

    def count(kind: str) -> int:
        return sum(1 for a in gold for x in a[kind] if not x.get("borderline"))

    borderline = sum(
        1 for a in gold for k in ("visits", "figures") for x in a[k] if x.get("borderline")
    )
    years = sorted({str(a["published"])[:4] for a in gold if a.get("published")})
    outlets = {a.get("outlet") for a in gold} - {"Other", None}
    others = sum(1 for a in gold if a.get("outlet") in ("Other", None))
    return (
        f"{len(gold)} articles from {len(outlets)} named outlets"
        f" ({others} more from other sites), published {years[0]}–{years[-1]}"
        f" ({len(years)} different years; {sum(1 for a in gold if not a.get('published'))}"
        f" pages show no date); {sum(1 for a in gold if a.get('distractor'))}"
        f" distractors. Gold: {count('visits')} visits, {count('partnerships')} partnerships"
        f" and {count('figures')} figures, not counting borderline items"
        f" ({borderline} borderline)."
    )


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def history() -> dict[str, dict[str, dict[str, float | None]]]:
    """The recorded tables, oldest version first: version -> fact type -> scores."""
    found = {}
    for path in HISTORY.glob("*.json") if HISTORY.is_dir() else ():
        record = json.loads(path.read_text(encoding="utf-8"))
        found[path.stem] = {row["name"]: row for row in record["rows"]}
    return dict(sorted(found.items(), key=lambda kv: _version_key(kv[0])))


def _headline(row: dict[str, Any] | Row | None) -> str:
    if row is None:
        return "–"
    get = row.get if isinstance(row, dict) else lambda k: getattr(row, k)
    if get("precision") is None:
        return _cell(get("score"))
    return f"{_cell(get('score'))} ({_cell(get('precision'))} / {_cell(get('recall'))})"


def progress_table(rows_: Sequence[Row], past: dict[str, dict[str, dict[str, Any]]]) -> str:
    """Each fact type's headline score in every recorded version and today.

    Detection rows show ``F1 (precision / recall)``; attribute rows the accuracy
    over the facts found.
    """
    now = vnsg_corpus.__version__
    versions = [v for v in past if v != now]
    lines = [
        "| fact type | " + " | ".join([*versions, f"{now} (this version)"]) + " |",
        "|---|" + "---:|" * (len(versions) + 1),
    ]
    for r in rows_:
        cells = [_headline(past[v].get(r.name)) for v in versions] + [_headline(r)]
        lines.append(f"| {r.name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def record(version: str, rows_: Sequence[Row]) -> Path:
    """Keep today's table as the one of ``version``."""
    HISTORY.mkdir(exist_ok=True)
    path = HISTORY / f"{version}.json"
    fields = ("name", "precision", "recall", "score", "n", "joint", "gold")
    data = {"version": version, "rows": [{f: getattr(r, f) for f in fields} for r in rows_]}
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def markdown(
    gold: list[dict[str, Any]],
    scores: Sequence[ArticleScore],
    with_metadata: Sequence[ArticleScore] = (),
) -> str:
    """The generated part of the Accuracy page."""
    given = (
        [
            "The same articles parsed with the metadata a scraped table holds beside"
            " the text (each page's URL, outlet and publication date, passed as"
            " `parse_article(text, url=, outlet=, date=)` or through"
            " `Corpus.from_records`): the outlet's house style decides what a bare"
            ' "$" means and how a numeric date reads.',
            "",
            table(rows(total(with_metadata))),
            "",
        ]
        if with_metadata
        else []
    )
    past = history()
    before = (
        [
            "Before and after: the same set scored by earlier releases (F1 with"
            " precision / recall for detection, accuracy for the rest):",
            "",
            progress_table(rows(total(scores)), past),
            "",
        ]
        if [v for v in past if v != vnsg_corpus.__version__]
        else []
    )
    return "\n".join(
        [
            f"<!-- generated by `python benchmarks/bench_accuracy.py --write-docs`;"
            f" vnsg_corpus {vnsg_corpus.__version__} -->",
            f"**vnsg_corpus {vnsg_corpus.__version__}** on the development set: "
            + describe_set(gold),
            "",
            table(rows(total(scores))),
            "",
            *given,
            *before,
            "By outlet (F1 for detection, accuracy for the rest; – where the outlet's"
            " articles hold no such fact):",
            "",
            outlet_table(scores),
            "",
            "Findings by class (`--show` lists each one with its sentence):",
            "",
            error_table(scores),
            "",
        ]
    )


def regressions(board: dict[str, float | None], baseline: dict[str, float | None]) -> list[str]:
    """Every fact type whose score fell more than the tolerance below its baseline."""
    out = []
    for name, before in baseline.items():
        now = board.get(name)
        if before is not None and (now is None or now < before - TOLERANCE):
            out.append(f"{name}: {_cell(now)} < baseline {before:.3f} - {TOLERANCE}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--show", action="store_true", help="list every miss and extra")
    parser.add_argument("--json", action="store_true", help="print the shared scorer's summary")
    parser.add_argument("--outlets", action="store_true", help="also print scores per outlet")
    parser.add_argument(
        "--outlet",
        action="append",
        default=[],
        metavar="NAME",
        help="also print the whole table for one outlet ('distractors' for the distractors)",
    )
    parser.add_argument(
        "--metadata",
        action="store_true",
        help="parse with each page's recorded URL, outlet and date, as from a table",
    )
    parser.add_argument("--write-docs", action="store_true", help=f"write {SCORES_MD.name}")
    parser.add_argument("--check", action="store_true", help="fail on a drop below the baseline")
    parser.add_argument("--update-baseline", action="store_true", help=f"write {BASELINE.name}")
    parser.add_argument("--record", metavar="VERSION", help="keep today's table for VERSION")
    args = parser.parse_args(argv)

    gold = load_gold(args.gold)
    scores = run(gold, args.articles, with_metadata=args.metadata)
    tally = total(scores)
    if args.show:
        for s in scores:
            for finding in s.findings:
                print(f"  {finding}")
    if args.json:
        print(json.dumps(summary(tally)))
        return 0
    print(f"vnsg_corpus {vnsg_corpus.__version__}: {describe_set(gold)}")
    print(table(rows(tally)))
    if args.outlets:
        print()
        print(outlet_table(scores))
    for name in args.outlet:
        members = [
            s for s in scores if s.outlet == name or (name == "distractors" and s.distractor)
        ]
        if not members:
            parser.error(f"no article from outlet {name!r}")
        print(f"\n{name}: {len(members)} articles")
        print(table(rows(total(members))))
    print()
    print(error_table(scores))
    board = guard_scores(scores)
    if args.write_docs:
        given = run(gold, args.articles, with_metadata=True)
        SCORES_MD.write_text(markdown(gold, scores, given), encoding="utf-8")
        print(f"wrote {SCORES_MD}")
    if args.record:
        print(f"wrote {record(args.record, rows(tally))}")
    if args.update_baseline:
        BASELINE.write_text(json.dumps(board, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {BASELINE}")
    if args.check:
        baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
        failed = regressions(board, baseline)
        for line in failed:
            print(f"REGRESSION {line}")
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
