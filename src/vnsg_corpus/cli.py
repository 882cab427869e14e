"""The ``vnsg-corpus`` command line: a thin layer over the public API.

Usage::

    vnsg-corpus show                   # summarise the bundled corpus
    vnsg-corpus show seeds/ a.txt      # summarise article files or directories
    vnsg-corpus show corpus.jsonl      # summarise a saved corpus
    vnsg-corpus show --json            # the same, as JSON
    vnsg-corpus ingest DIR... -o corpus.jsonl [--workers N] [--skip-errors]
    vnsg-corpus figures --metric bilateral_trade --during 2023 --between VNM SGP [--format csv]
    vnsg-corpus visits --host Singapore
    vnsg-corpus partnerships --between VNM SGP
    vnsg-corpus articles --mentions "To Lam" [--corpus corpus.jsonl]
    vnsg-corpus --version

Query commands read the bundled corpus unless ``--corpus`` names article
files, folders or one saved ``.jsonl`` corpus.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from vnsg_corpus import __version__
from vnsg_corpus.consolidate import TimelineEntry
from vnsg_corpus.corpus import Corpus, load
from vnsg_corpus.errors import DuplicateArticleError, QueryError, ReadError, VnsgCorpusError
from vnsg_corpus.ingest import iter_articles
from vnsg_corpus.model import Article, EconomicFigure, Person, Visit
from vnsg_corpus.serialize import write_jsonl

__all__ = ["main"]

PROG = "vnsg-corpus"


def _open_corpus(paths: Sequence[str]) -> Corpus:
    """The bundled corpus, a saved ``.jsonl`` corpus, or article files and folders."""
    if not paths:
        return load()
    if len(paths) == 1 and paths[0].endswith((".jsonl", ".ndjson")):
        return Corpus.load(paths[0])
    return Corpus.from_paths(*paths)


def summarise(article: Article) -> dict[str, Any]:
    """The facts ``show`` prints about one article, as a JSON-ready dict."""
    return {
        "id": article.id,
        "date": None if article.date is None else article.date.isoformat(),
        "source": article.source,
        "dateline": article.dateline,
        "title": article.title_text,
        "headings": list(article.heading_texts),
        "paragraphs": len(article.paragraphs),
        "qa_pairs": len(article.qa),
        "figures": len(article.figures),
        "visits": len(article.visits),
        "partnerships": len(article.partnerships),
        "diagnostics": [d.message for d in article.diagnostics],
        "figure_list": [_describe_figure(f) for f in article.figures],
    }


def _describe_figure(figure: EconomicFigure) -> str:
    """One line for a figure: metric, qualifier, value(s), unit, period."""
    qualifier = {"exact": "", "approx": "~", "at_least": ">=", "at_most": "<="}[figure.qualifier]
    value = f"{qualifier}{figure.value}"
    if figure.value_max is not None:
        value += f"..{figure.value_max}"
    line = f"{figure.metric} ({figure.subject}): {value} {figure.unit}"
    if figure.period is not None:
        start, end = figure.period.start, figure.period.end
        line += f" [{start or ''}..{end or ''}]"
    return line


def _print_summary(summary: dict[str, Any], out: TextIO) -> None:
    out.write(f"{summary['id']}\n")
    labels = {
        "date": "date",
        "source": "source",
        "dateline": "dateline",
        "title": "title",
        "paragraphs": "paragraphs",
        "qa_pairs": "Q&A pairs",
        "figures": "figures",
        "visits": "visits",
        "partnerships": "partnerships",
    }
    for key, label in labels.items():
        value = summary[key]
        out.write(f"  {label + ':':<14}{'-' if value is None else value}\n")
    for heading in summary["headings"]:
        out.write(f"  {'heading:':<14}{heading}\n")
    for line in summary["figure_list"]:
        out.write(f"  {'figure:':<14}{line}\n")
    for message in summary["diagnostics"]:
        out.write(f"  {'warning:':<14}{message}\n")


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    corpus = _open_corpus(args.paths)
    summaries = [summarise(article) for article in corpus]
    if args.json:
        json.dump(summaries, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for index, summary in enumerate(summaries):
            if index:
                out.write("\n")
            _print_summary(summary, out)
    return 0


# -- query commands ------------------------------------------------------------


def _people(people: Sequence[Person]) -> str:
    return "; ".join(p.name if p.role is None else f"{p.role} {p.name}" for p in people)


def _sources(evidence: Sequence[Any]) -> str:
    return " ".join(sorted({e.article_id for e in evidence}))


def _figure_row(figure: EconomicFigure) -> dict[str, Any]:
    period = figure.period
    return {
        "metric": str(figure.metric),
        "subject": figure.subject,
        "value": str(figure.value),
        "value_max": None if figure.value_max is None else str(figure.value_max),
        "unit": figure.unit,
        "qualifier": str(figure.qualifier),
        "countries": " ".join(figure.countries) or None,
        "target": figure.target,
        "period_start": None if period is None or period.start is None else str(period.start),
        "period_end": None if period is None or period.end is None else str(period.end),
        "articles": _sources(figure.evidence),
        "evidence": figure.evidence[0].text if figure.evidence else None,
    }


def _visit_row(visit: Visit) -> dict[str, Any]:
    return {
        "visitor": visit.visitor.name,
        "role": visit.visitor.role,
        "visitor_country": visit.visitor.country,
        "host_country": visit.host_country,
        "start": None if visit.start is None else str(visit.start),
        "end": None if visit.end is None else str(visit.end),
        "kind": str(visit.kind),
        "status": str(visit.status),
        "invited_by": _people(visit.invited_by),
        "accompanied_by": _people(visit.accompanied_by),
        "welcomed_by": _people(visit.welcomed_by),
        "articles": _sources(visit.evidence),
    }


def _timeline_row(pair: tuple[str, str], entry: TimelineEntry) -> dict[str, Any]:
    since = entry.since
    return {
        "countries": "-".join(pair),
        "level": str(entry.level),
        "status": str(entry.status),
        "since_start": None if since is None or since.start is None else str(since.start),
        "since_end": None if since is None or since.end is None else str(since.end),
        "inferred": entry.inferred,
        "articles": _sources(entry.evidence),
    }


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "date": None if article.date is None else str(article.date),
        "source": article.source,
        "dateline": article.dateline,
        "paragraphs": len(article.paragraphs),
        "figures": len(article.figures),
        "visits": len(article.visits),
        "partnerships": len(article.partnerships),
    }


def _write_rows(rows: list[dict[str, Any]], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        if rows:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    else:
        _write_table(rows, out)


def _write_table(rows: list[dict[str, Any]], out: TextIO) -> None:
    if not rows:
        out.write("(no results)\n")
        return
    columns = [c for c in rows[0] if c != "evidence"]
    cells = [[("" if row[c] is None else str(row[c])) for c in columns] for row in rows]
    widths = [min(40, max(len(c), *(len(r[i]) for r in cells))) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
    for row_cells in cells:
        shown = [
            v if len(v) <= w else v[: w - 1] + "…" for v, w in zip(row_cells, widths, strict=True)
        ]
        out.write("  ".join(v.ljust(w) for v, w in zip(shown, widths, strict=True)).rstrip() + "\n")


def _cmd_figures(args: argparse.Namespace, out: TextIO) -> int:
    figures = _open_corpus(args.corpus).figures(
        metric=args.metric,
        unit=args.unit,
        during=args.during,
        subject=args.subject,
        min_value=args.min_value,
        max_value=args.max_value,
        between=None if args.between is None else tuple(args.between),
        targets=args.targets,
    )
    _write_rows([_figure_row(f) for f in figures], args.format, out)
    return 0


def _cmd_visits(args: argparse.Namespace, out: TextIO) -> int:
    visits = _open_corpus(args.corpus).visits(
        visitor=args.visitor,
        host=args.host,
        guest_country=args.guest_country,
        during=args.during,
        kind=args.kind,
        status=args.status,
    )
    _write_rows([_visit_row(v) for v in visits], args.format, out)
    return 0


def _cmd_partnerships(args: argparse.Namespace, out: TextIO) -> int:
    a, b = args.between
    timeline = _open_corpus(args.corpus).partnership_timeline(a, b)
    _write_rows([_timeline_row((a, b), entry) for entry in timeline], args.format, out)
    return 0


def _cmd_articles(args: argparse.Namespace, out: TextIO) -> int:
    found = _open_corpus(args.corpus).articles(
        since=args.since,
        until=args.until,
        source=args.source,
        mentions=args.mentions,
        text=args.text,
    )
    _write_rows([_article_row(a) for a in found], args.format, out)
    return 0


def _progress_bar(stream: TextIO) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        if done == total or done % 50 == 0:
            filled = 30 * done // max(total, 1)
            stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
            if done == total:
                stream.write("\n")
            stream.flush()

    return show


def _cmd_ingest(args: argparse.Namespace, out: TextIO) -> int:
    progress = _progress_bar(sys.stderr) if sys.stderr.isatty() else None
    skipped: list[ReadError] = []
    articles = iter_articles(
        *args.paths,
        pattern=args.pattern,
        workers=args.workers,
        progress=progress,
        errors="skip" if args.skip_errors else "strict",
        skipped=skipped,
    )
    seen: set[str] = set()

    def unique(stream: Any) -> Any:
        for article in stream:
            if article.id in seen:
                raise DuplicateArticleError(
                    f"two articles share the id {article.id!r}", article_id=article.id
                )
            seen.add(article.id)
            yield article

    count = write_jsonl(unique(articles), args.output)
    for error in skipped:
        sys.stderr.write(f"{PROG}: skipped {error}\n")
    out.write(f"wrote {count} articles to {args.output}\n")
    if skipped:
        sys.stderr.write(f"{PROG}: skipped {len(skipped)} file(s) that could not be read\n")
    return 0


def _query_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        nargs="+",
        default=[],
        metavar="PATH",
        help="article files, folders or one .jsonl corpus (default: the bundled corpus)",
    )
    parser.add_argument(
        "--format", choices=["table", "json", "jsonl", "csv"], default="table", help="output format"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Typed corpus of news about Việt Nam–Singapore relations.",
    )
    parser.add_argument("-V", "--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    show = commands.add_parser("show", help="summarise articles (default: the bundled corpus)")
    show.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files, folders, globs or one .jsonl corpus",
    )
    show.add_argument("--json", action="store_true", help="print JSON instead of text")

    ingest = commands.add_parser("ingest", help="parse article files into a JSON Lines corpus")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or globs")
    ingest.add_argument("-o", "--output", required=True, help="the .jsonl file to write")
    ingest.add_argument("--pattern", default="*.txt", help="file pattern inside folders")
    ingest.add_argument("--workers", type=int, default=None, help="worker processes")
    ingest.add_argument(
        "--skip-errors",
        action="store_true",
        help="skip files that cannot be read or decoded (each is named on stderr); write the rest",
    )

    figures = commands.add_parser("figures", help="query economic figures")
    figures.add_argument("--metric", help="e.g. bilateral_trade")
    figures.add_argument("--unit", help="e.g. USD, count, percent")
    figures.add_argument("--during", help='a period: "2023", "2024-Q1", "2024-03"')
    figures.add_argument("--subject", help="words of the subject")
    figures.add_argument("--min-value", dest="min_value")
    figures.add_argument("--max-value", dest="max_value")
    figures.add_argument(
        "--between", nargs=2, metavar=("A", "B"), help="only figures about these two countries"
    )
    figures.add_argument("--targets", action="store_true", help="include targets and forecasts")
    _query_options(figures)

    visits = commands.add_parser("visits", help="query visits (merged across articles)")
    visits.add_argument("--visitor", help='a name, with or without diacritics: "To Lam"')
    visits.add_argument("--host", help="a country code or name")
    visits.add_argument("--guest-country", dest="guest_country", help="the visitor's country")
    visits.add_argument("--during", help="a period the visit overlaps")
    visits.add_argument("--kind", help="state, official, working, ...")
    visits.add_argument("--status", help="planned, under_way, completed")
    _query_options(visits)

    partnerships = commands.add_parser("partnerships", help="the timeline of relations")
    partnerships.add_argument(
        "--between", nargs=2, metavar=("A", "B"), default=["VNM", "SGP"], help="two countries"
    )
    _query_options(partnerships)

    articles = commands.add_parser("articles", help="query articles")
    articles.add_argument("--since", help="a date: 2025-03-10, 2025-03 or 2025")
    articles.add_argument("--until", help="a date")
    articles.add_argument("--source", help="an outlet, e.g. VNS")
    articles.add_argument("--mentions", help="a person, country or organisation")
    articles.add_argument("--text", help="a word or phrase (case and diacritics ignored)")
    _query_options(articles)
    return parser


_COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "show": _cmd_show,
    "ingest": _cmd_ingest,
    "figures": _cmd_figures,
    "visits": _cmd_visits,
    "partnerships": _cmd_partnerships,
    "articles": _cmd_articles,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: The arguments after the program name; defaults to ``sys.argv[1:]``.

    Returns:
        The exit status: 0 on success, 1 when the library reports an error
        (printed to stderr without a traceback), 2 for a usage error.
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return _COMMANDS[args.command](args, sys.stdout)
    except QueryError as exc:
        sys.stderr.write(f"{PROG}: error: {exc}\n")
        return 2
    except VnsgCorpusError as exc:
        sys.stderr.write(f"{PROG}: error: {exc}\n")
        return 1
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
