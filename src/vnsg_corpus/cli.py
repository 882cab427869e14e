"""The ``vnsg-corpus`` command line: a thin layer over the public API.

Usage::

    vnsg-corpus show                   # summarise the bundled corpus
    vnsg-corpus show seeds/ a.txt      # summarise article files or directories
    vnsg-corpus show corpus.jsonl      # summarise a saved corpus
    vnsg-corpus show --json            # the same, as JSON
    vnsg-corpus --version
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from vnsg_corpus import __version__
from vnsg_corpus.corpus import Corpus, load
from vnsg_corpus.errors import VnsgCorpusError
from vnsg_corpus.model import Article, EconomicFigure

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
    return parser


_COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {"show": _cmd_show}


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
    except VnsgCorpusError as exc:
        sys.stderr.write(f"{PROG}: error: {exc}\n")
        return 1
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
