"""The ``vnsg-corpus`` command line: a thin layer over the public API.

Usage:

```sh
vnsg-corpus show                   # summarise the bundled corpus
vnsg-corpus show seeds/ a.txt      # summarise article files or directories
vnsg-corpus show corpus.jsonl      # summarise a saved corpus
vnsg-corpus show --json            # the same, as JSON
vnsg-corpus ingest DIR... -o corpus.jsonl [--workers N] [--skip-errors]
vnsg-corpus ingest pages/ --pattern '*.html' -o corpus.jsonl   # saved web pages
vnsg-corpus ingest news.csv -o corpus.jsonl [--text-column body] [--date-column published] ...
vnsg-corpus figures --metric bilateral_trade --during 2023 --between VNM SGP [--format csv]
vnsg-corpus series --metric bilateral_trade --between VNM SGP
vnsg-corpus visits --host Singapore
vnsg-corpus partnerships --between VNM SGP
vnsg-corpus articles --mentions "To Lam" [--corpus corpus.jsonl]
vnsg-corpus export --format jsonl|plover|csv|parquet -o DIR [--corpus ...]
vnsg-corpus --version
```

Query commands read the bundled corpus unless ``--corpus`` names article
files, folders or saved corpora.  A saved corpus is recognised by its content
(a JSON object with a ``schema_version`` key on its first line) or by the
suffix ``.jsonl``/``.ndjson`` in any case; saved corpora and article files
cannot be mixed in one command.

Every error is one line on stderr, ``vnsg-corpus: error: ...``, naming the
flag or file concerned, never a traceback.  Exit status: 0 on success, 1 when
a file or the system refuses (a missing or malformed file, an unwritable
output, a full disk), 2 for a usage error (an unknown flag, a value a flag
does not accept), 130 when interrupted, 141 (silently) when the reader of a
pipe has gone, as for any tool killed by ``SIGPIPE``.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import json
import os
import re
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from vnsg_corpus import __version__, _records, tables
from vnsg_corpus._files import os_message
from vnsg_corpus._query import as_country, as_unit, as_words
from vnsg_corpus.corpus import Corpus, load
from vnsg_corpus.errors import (
    DuplicateArticleError,
    QueryError,
    ReadError,
    RowError,
    VnsgCorpusError,
    VnsgCorpusWarning,
)
from vnsg_corpus.ingest import expand_paths, iter_articles
from vnsg_corpus.model import Article, EconomicFigure
from vnsg_corpus.serialize import write_jsonl

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = ["main"]

PROG = "vnsg-corpus"

EXIT_OK = 0
EXIT_FAILURE = 1
"""A file or the system refused: missing or malformed input, unwritable output."""
EXIT_USAGE = 2
"""The command line is malformed: an unknown flag, a value a flag does not accept."""
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
"""The reader of stdout went away (``| head``): 128 + SIGPIPE, as shells report it."""

# -- errors and output ---------------------------------------------------------


class _UsageError(Exception):
    """The command line is malformed (exit 2)."""


class _RefusedError(Exception):
    """A file or the system refused (exit 1); the message names the file or flag."""


class _OutputError(Exception):
    """Standard output cannot be written (closed, full, an I/O error)."""


class _PipeClosedError(Exception):
    """The reader of standard output has gone (EPIPE)."""


_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""Characters never written raw to a terminal: C0 and C1 controls (ESC, BEL, CSI, ...),
DEL, bidirectional controls, line and paragraph separators, lone surrogates."""
_UNSAFE_IN_JSON = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""What ``json.dumps(ensure_ascii=False)`` leaves raw of ``_UNSAFE`` (it escapes C0)."""
_UNSAFE_IN_CSV = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""``_UNSAFE`` but tab and newline, which CSV quotes."""


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _safe(text: str) -> str:
    r"""``text`` with every control character escaped (``"\\x1b"``), for a terminal.

    Tab and newline are escaped too: the table and ``show`` put one value on
    one line.  Bidirectional controls, U+2028/U+2029 and lone surrogates are
    written as ``\\uXXXX``.
    """
    return _UNSAFE.sub(_escape_char, text)


def _json_safe(text: str) -> str:
    r"""JSON text with the characters JSON leaves raw escaped as ``\\uXXXX`` (still valid)."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class _Output:
    """Standard output, with every failure turned into one kind of error.

    Text the stream's encoding cannot hold is written with backslash escapes.
    """

    def __init__(self, stream: IO[str] | None) -> None:
        self.stream = stream
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            "\u1ec7\U0001f600".encode(encoding)
        except (UnicodeError, LookupError):
            self.unicode = False
        else:
            self.unicode = True
        self.encoding = encoding

    def write(self, text: str) -> int:
        if self.stream is None:
            raise _OutputError("standard output is closed")
        try:
            try:
                return self.stream.write(text)
            except UnicodeEncodeError:
                escaped = text.encode(self.encoding, "backslashreplace")
                return self.stream.write(escaped.decode(self.encoding))
        except BrokenPipeError:
            raise _PipeClosedError from None
        except OSError as exc:
            raise _OutputError(f"cannot write to standard output: {os_message(exc)}") from None
        except ValueError as exc:  # "I/O operation on closed file"
            raise _OutputError("standard output is closed") from exc

    def flush(self) -> None:
        if self.stream is None:
            return
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise _PipeClosedError from None
        except OSError as exc:
            raise _OutputError(f"cannot write to standard output: {os_message(exc)}") from None
        except ValueError as exc:
            raise _OutputError("standard output is closed") from exc

    def discard(self) -> None:
        """Point the process's stdout at /dev/null, so exit does not fail on the buffer."""
        stream = sys.__stdout__
        if stream is None or self.stream is not stream:
            return  # in-process callers keep their stream
        try:
            fd = stream.fileno()
            devnull = os.open(os.devnull, os.O_WRONLY)
        except (OSError, ValueError):
            return
        try:
            os.dup2(devnull, fd)
        except OSError:
            pass
        finally:
            os.close(devnull)


def _tell(message: str) -> None:
    """One line on stderr (escaped); nothing if stderr is closed or broken."""
    stream = sys.stderr
    if stream is None:
        return
    line = f"{PROG}: {_safe(message)}\n"
    try:
        try:
            stream.write(line)
        except UnicodeEncodeError:
            encoding = getattr(stream, "encoding", None) or "utf-8"
            stream.write(line.encode(encoding, "backslashreplace").decode(encoding))
        stream.flush()
    except (OSError, ValueError):
        pass


# -- reading the inputs --------------------------------------------------------

_CORPUS_SUFFIXES = (".jsonl", ".ndjson")
_SNIFF_BYTES = 65_536
_SCHEMA_KEY = re.compile(rb'"schema_version"\s*:')


def _is_saved_corpus(path: Path) -> bool:
    """A saved corpus: suffix ``.jsonl``/``.ndjson`` (any case), or content that is one.

    The content test reads the first 64 KiB of a regular file: after blanks
    and a byte-order mark, the first byte is ``{`` and the first line has a
    ``"schema_version"`` key.  Other files (FIFOs, devices) are not opened.
    """
    if path.suffix.lower() in _CORPUS_SUFFIXES:
        return True
    try:
        if not path.is_file():
            return False
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False  # reading it as an article reports the error
    head = head.removeprefix(codecs.BOM_UTF8).lstrip()
    first_line = head.split(b"\n", 1)[0]
    return first_line.startswith(b"{") and _SCHEMA_KEY.search(first_line) is not None


def _check_paths(paths: Sequence[str], flag: str) -> None:
    for raw in paths:
        if raw == "":
            raise _UsageError(f"{flag}: an empty path (use '.' for the current folder)")


def _expand(
    paths: Sequence[str], flag: str, pattern: str = "*.txt"
) -> tuple[list[Path], list[Path]]:
    """The saved corpora and the article files the paths name (folders and globs expanded)."""
    _check_paths(paths, flag)
    corpora: list[Path] = []
    articles: list[Path] = []
    for raw in paths:
        with warnings.catch_warnings():  # the CLI says it in its own words, below
            warnings.simplefilter("ignore", VnsgCorpusWarning)
            found = expand_paths([raw], pattern)
        if Path(raw).is_dir():
            if not found:
                _tell(f"warning: no file in {raw} matches {pattern!r}")
            articles.extend(found)  # inside folders only the pattern counts
            continue
        for path in found:
            (corpora if _is_saved_corpus(path) else articles).append(path)
    if corpora and articles:
        raise _RefusedError(
            f"{flag}: {corpora[0]} is a saved corpus and {articles[0]} an article file;"
            " give saved corpora or article files, not both"
        )
    return corpora, articles


def _check_stems(files: Sequence[Path], flag: str) -> None:
    """Two files with one stem would be two articles with one id: say which, before parsing."""
    seen: dict[str, Path] = {}
    for path in files:
        if seen.get(path.stem) == path:
            raise _RefusedError(f"{flag}: {path} is given twice")
        if path.stem in seen:
            raise _RefusedError(
                f"{flag}: {seen[path.stem]} and {path} would both be article {path.stem!r}"
                " (an article's id is its file name without the suffix)"
            )
        seen.setdefault(path.stem, path)


def _load_corpora(corpora: Sequence[Path]) -> Corpus:
    if len(corpora) == 1:
        return Corpus.load(corpora[0])
    where: dict[str, Path] = {}
    articles: list[Article] = []
    for path in corpora:
        for article in Corpus.load(path):
            if article.id in where:
                raise DuplicateArticleError(
                    f"{path}: article {article.id!r} is also in {where[article.id]}",
                    article_id=article.id,
                )
            where[article.id] = path
            articles.append(article)
    return Corpus(articles)


def _open_corpus(paths: Sequence[str], flag: str) -> Corpus:
    """The bundled corpus, saved corpora, or article files and folders."""
    if not paths:
        return load()
    corpora, articles = _expand(paths, flag)
    if corpora:
        return _load_corpora(corpora)
    _check_stems(articles, flag)
    return Corpus.from_paths(*articles)


def summarise(article: Article) -> dict[str, Any]:
    """The facts ``show`` prints about one article, as a JSON-ready dict."""
    return {
        "id": article.id,
        "date": None if article.date is None else article.date.isoformat(),
        "source": article.source,
        "outlet": article.outlet,
        "outlet_country": article.outlet_country,
        "url": article.url,
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


def _print_summary(summary: dict[str, Any], out: _Output) -> None:
    """The text form of a summary; every value escaped for the terminal."""
    out.write(f"{_safe(summary['id'])}\n")
    outlet, country = summary["outlet"], summary["outlet_country"]
    shown = dict(summary)
    if outlet is not None and country is not None:
        shown["outlet"] = f"{outlet} ({country})"
    labels = {
        "date": "date",
        "source": "source",
        "outlet": "outlet",
        "url": "url",
        "dateline": "dateline",
        "title": "title",
        "paragraphs": "paragraphs",
        "qa_pairs": "Q&A pairs",
        "figures": "figures",
        "visits": "visits",
        "partnerships": "partnerships",
    }
    for key, label in labels.items():
        value = shown[key]
        out.write(f"  {label + ':':<14}{'-' if value is None else _safe(str(value))}\n")
    for heading in summary["headings"]:
        out.write(f"  {'heading:':<14}{_safe(heading)}\n")
    for line in summary["figure_list"]:
        out.write(f"  {'figure:':<14}{_safe(line)}\n")
    for message in summary["diagnostics"]:
        out.write(f"  {'warning:':<14}{_safe(message)}\n")


def _write_json(value: object, out: _Output, *, indent: int | None = None) -> None:
    """JSON that is valid, equal to ``value`` when read, and safe on a terminal."""
    text = json.dumps(value, ensure_ascii=not out.unicode, indent=indent)
    out.write(_json_safe(text) + "\n")


def _cmd_show(args: argparse.Namespace, out: _Output) -> int:
    corpus = _open_corpus(args.paths, "PATH")
    summaries = [summarise(article) for article in corpus]
    if args.json:
        _write_json(summaries, out, indent=2)
    else:
        for index, summary in enumerate(summaries):
            if index:
                out.write("\n")
            _print_summary(summary, out)
    if not summaries:
        _tell("no articles to show")
    return EXIT_OK


# -- query commands ------------------------------------------------------------


def _write_rows(kind: str, rows: list[dict[str, Any]], fmt: str, out: _Output, what: str) -> None:
    """Rows of a table in a format; an empty result is said on stderr, stdout stays parseable.

    JSON and JSON Lines are the rows of [`vnsg_corpus.tables`][] as they are
    (lists as lists, every passage of evidence as an object; control
    characters escaped as JSON does).  CSV and the table are their text form
    ([`text_rows`][vnsg_corpus.tables.text_rows]); CSV always has its header
    row and, like the table, shows control characters escaped (tab and
    newline are quoted instead).
    """
    if fmt == "json":
        _write_json([tables.jsonable(row) for row in rows], out, indent=2)
    elif fmt == "jsonl":
        for row in rows:
            _write_json(tables.jsonable(row), out)
    elif fmt == "csv":
        writer = csv.DictWriter(
            out, fieldnames=list(tables.text_columns(kind)), lineterminator="\n"
        )
        writer.writeheader()
        for row in tables.text_rows(kind, rows):
            writer.writerow(
                {k: _UNSAFE_IN_CSV.sub(_escape_char, v) if isinstance(v, str) else v
                 for k, v in row.items()}
            )  # fmt: skip
    elif rows:
        _write_table(tables.text_rows(kind, rows), tables.text_columns(kind), out)
    if not rows:
        _tell(f"no {what} match")


def _write_table(
    rows: Sequence[Mapping[str, object]], columns: Sequence[str], out: _Output
) -> None:
    shown_columns = [c for c in columns if c != "evidence"]
    cells = [
        [("" if row[c] is None else _safe(str(row[c]))) for c in shown_columns] for row in rows
    ]
    widths = [
        min(40, max(len(c), *(len(r[i]) for r in cells))) for i, c in enumerate(shown_columns)
    ]
    header = "  ".join(c.ljust(w) for c, w in zip(shown_columns, widths, strict=True))
    out.write(header.rstrip() + "\n")
    for row_cells in cells:
        cut = [
            v if len(v) <= w else v[: w - 1] + "…" for v, w in zip(row_cells, widths, strict=True)
        ]
        out.write("  ".join(v.ljust(w) for v, w in zip(cut, widths, strict=True)).rstrip() + "\n")


def _cmd_figures(args: argparse.Namespace, out: _Output) -> int:
    query: dict[str, Any] = {
        "metric": args.metric,
        "unit": as_unit("unit", args.unit),
        "during": args.during,
        "subject": as_words("subject", args.subject),
        "min_value": args.min_value,
        "max_value": args.max_value,
        "between": None if args.between is None else tuple(args.between),
        "targets": args.targets,
    }
    Corpus([]).figures(**query)  # every argument checked before any file is read
    figures = _open_corpus(args.corpus, "--corpus").figures(**query)
    _write_rows("figures", tables.rows("figures", figures), args.format, out, "figures")
    return EXIT_OK


def _cmd_series(args: argparse.Namespace, out: _Output) -> int:
    query: dict[str, Any] = {
        "metric": args.metric,
        "between": None if args.between is None else tuple(args.between),
        "unit": as_unit("unit", args.unit),
        "during": args.during,
        "reporter": as_words("reporter", args.reporter),
    }
    Corpus([]).series(**query)  # every argument checked before any file is read
    points = _open_corpus(args.corpus, "--corpus").series(**query)
    _write_rows("series", tables.rows("series", points), args.format, out, "points")
    return EXIT_OK


def _cmd_visits(args: argparse.Namespace, out: _Output) -> int:
    query: dict[str, Any] = {
        "visitor": as_words("visitor", args.visitor),
        "host": args.host,
        "guest_country": args.guest_country,
        "during": args.during,
        "kind": args.kind,
        "status": args.status,
    }
    Corpus([]).visits(**query)
    visits = _open_corpus(args.corpus, "--corpus").visits(**query)
    _write_rows("visits", tables.rows("visits", visits), args.format, out, "visits")
    return EXIT_OK


def _country(flag: str, value: str) -> str:
    """A country argument as its ISO code ("Singapore" -> "SGP")."""
    code = as_country(flag, value)
    assert code is not None  # noqa: S101 - as_country returns None only for None
    return code


def _cmd_partnerships(args: argparse.Namespace, out: _Output) -> int:
    a, b = (_country("between", country) for country in args.between)
    Corpus([]).partnership_timeline(a, b)
    timeline = _open_corpus(args.corpus, "--corpus").partnership_timeline(a, b)
    rows = tables.rows("timeline", timeline, pair=(a, b))
    _write_rows("timeline", rows, args.format, out, "partnerships")
    return EXIT_OK


def _cmd_articles(args: argparse.Namespace, out: _Output) -> int:
    query: dict[str, Any] = {
        "since": args.since,
        "until": args.until,
        "source": as_words("source", args.source),
        "mentions": as_words("mentions", args.mentions),
        "text": args.text,
    }
    Corpus([]).articles(**query)
    found = _open_corpus(args.corpus, "--corpus").articles(**query)
    _write_rows("articles", tables.rows("articles", found), args.format, out, "articles")
    return EXIT_OK


def _progress_bar(stream: IO[str]) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        if done == total or done % 50 == 0:
            filled = 30 * done // max(total, 1)
            stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
            if done == total:
                stream.write("\n")
            stream.flush()

    return show


def _check_output(raw: str) -> Path:
    """The ``-o`` target, checked before any article is parsed."""
    if raw == "":
        raise _UsageError("-o/--output: an empty path; name the .jsonl file to write")
    target = Path(raw)
    if raw.endswith(("/", os.sep)) or target.is_dir():
        raise _RefusedError(f"-o/--output: {raw} is a folder; name the .jsonl file to write")
    if target.exists() and not target.is_file():
        raise _RefusedError(f"-o/--output: {raw} is not a regular file")
    folder = target.parent
    if not folder.exists():
        raise _RefusedError(f"-o/--output: the folder {folder} does not exist")
    if not folder.is_dir():
        raise _RefusedError(f"-o/--output: {folder} is not a folder")
    if target.exists() and not os.access(target, os.W_OK):
        raise _RefusedError(f"-o/--output: {raw} is read-only")
    try:  # the save writes a temporary file beside the target: try that now
        fd, probe = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".probe", dir=folder)
    except OSError as exc:
        raise _RefusedError(
            f"-o/--output: cannot write in the folder {folder}: {os_message(exc)}"
        ) from exc
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return target


def _reading(stream: Iterable[Article]) -> Iterator[Article]:
    """Articles from ``stream``; an OS error while reading names its file, not the output."""
    articles = iter(stream)
    while True:
        try:
            article = next(articles)
        except StopIteration:
            return
        except VnsgCorpusError:
            raise
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise _RefusedError(f"{where}{os_message(exc)}") from exc
        yield article


def _cmd_ingest(args: argparse.Namespace, out: _Output) -> int:
    target = _check_output(args.output)
    _check_paths(args.paths, "PATH")
    if _table_mode(args):
        return _ingest_tables(args, target, out)
    corpora, files = _expand(args.paths, "PATH", args.pattern)
    if corpora:
        raise _RefusedError(
            f"PATH: {corpora[0]} is a saved corpus; ingest reads article files"
            " (query a saved corpus with --corpus; read a JSON Lines table with --text-column)"
        )
    _check_stems(files, "PATH")
    progress = _progress_bar(sys.stderr) if sys.stderr is not None and sys.stderr.isatty() else None
    skipped: list[ReadError] = []
    articles = iter_articles(
        *files,
        workers=args.workers,
        progress=progress,
        errors="skip" if args.skip_errors else "strict",
        skipped=skipped,
    )
    count = _write_corpus(articles, target, args.output)
    for error in skipped:
        _tell(f"skipped {error}")
    out.write(f"wrote {count} articles to {_safe(args.output)}\n")
    if skipped:
        _tell(f"skipped {len(skipped)} file(s) that could not be read")
    if count == 0:
        _tell("warning: no article files to ingest; the corpus written is empty")
    return EXIT_OK


def _write_corpus(articles: Iterable[Article], target: Path, output: str) -> int:
    """Write the articles as they come, atomically; an error reading names its input."""
    try:
        return write_jsonl(_reading(articles), target)
    except (VnsgCorpusError, _RefusedError):
        raise
    except OSError as exc:
        raise _RefusedError(f"-o/--output: cannot write {output}: {os_message(exc)}") from exc


# -- ingest: tables ------------------------------------------------------------

_COLUMN_FLAGS = {
    "text": "--text-column",
    "date": "--date-column",
    "url": "--url-column",
    "outlet": "--outlet-column",
    "id": "--id-column",
}
"""The column arguments of ``from_table`` and their flags."""
_TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".parquet", ".pq")
"""Inputs read as tables without a column flag (``.jsonl`` is the corpus format too)."""


def _column(value: str) -> str:
    """``--*-column``: the name of a column, not empty."""
    if value == "":
        raise argparse.ArgumentTypeError("an empty column name")
    return value


def _table_mode(args: argparse.Namespace) -> bool:
    """Tables: any ``--*-column`` flag given, or an input ending in .csv, .tsv or .parquet."""
    if any(getattr(args, f"{field}_column") is not None for field in _COLUMN_FLAGS):
        return True
    return any(Path(raw).suffix.lower() in _TABLE_SUFFIXES for raw in args.paths)


def _table_files(args: argparse.Namespace) -> list[tuple[Path, str]]:
    """The table files the paths name, and their formats; anything else is refused."""
    files: list[tuple[Path, str]] = []
    for raw in args.paths:
        if Path(raw).is_dir():
            raise _RefusedError(
                f"PATH: {raw} is a folder; name the table files (.csv, .tsv, .jsonl, .parquet)"
            )
        for path in expand_paths([raw]):
            kind = _records.FORMATS.get(path.suffix.lower())
            if kind == "jsonl" and args.text_column is None:
                raise _RefusedError(
                    f"PATH: {path} is JSON Lines, the format of saved corpora; to read it as"
                    " a table of articles, name its text column with --text-column"
                )
            if kind is None:
                raise _RefusedError(
                    f"PATH: {path} is not a table (.csv, .tsv, .jsonl, .ndjson, .parquet);"
                    " give tables or article files, not both"
                )
            files.append((path, kind))
    return files


def _ingest_tables(args: argparse.Namespace, target: Path, out: _Output) -> int:
    files = _table_files(args)
    columns = _records.Columns(
        text=args.text_column or _records.TEXT,
        date=args.date_column or _records.DATE,
        url=args.url_column or _records.URL,
        outlet=args.outlet_column or _records.OUTLET,
        id=args.id_column,
    )
    skipped: list[RowError] = []
    seen: dict[str, Any] = {}

    def articles() -> Iterator[Article]:
        for path, kind in files:
            try:
                yield from _records.iter_table(
                    path,
                    columns,
                    format=kind,
                    workers=args.workers,
                    errors="skip" if args.skip_errors else "strict",
                    skipped=skipped,
                    seen=seen,
                )
            except QueryError as exc:  # a column the table lacks: name the flag
                accepted = exc.accepted.removesuffix("; or None")
                raise _RefusedError(
                    f"{_COLUMN_FLAGS.get(exc.argument, 'PATH')}: {exc.args[0]} ({accepted})"
                ) from exc

    count = _write_corpus(articles(), target, args.output)
    for error in skipped:
        _tell(f"skipped {error}")
    out.write(f"wrote {count} articles to {_safe(args.output)}\n")
    if skipped:
        _tell(f"skipped {len(skipped)} row(s) that could not be read")
    if count == 0:
        _tell("warning: no rows to ingest; the corpus written is empty")
    return EXIT_OK


# -- export --------------------------------------------------------------------

_Written = tuple[Path, int, str]
"""A file an export wrote: its path, how many records it holds and what they are."""


def _export_jsonl(corpus: Corpus, folder: Path) -> list[_Written]:
    path = folder / "corpus.jsonl"
    return [(path, write_jsonl(corpus, path), "articles")]


def _export_plover(corpus: Corpus, folder: Path) -> list[_Written]:
    from vnsg_corpus.events import visit_events, write_events  # noqa: PLC0415

    path = folder / "events.jsonl"
    return [(path, write_events(visit_events(corpus.visits()), path), "events")]


def _export_csv(corpus: Corpus, folder: Path) -> list[_Written]:
    """One CSV file per kind of table, each written atomically."""
    written = []
    for kind in tables.KINDS:
        path = folder / f"{kind}.csv"
        found = tables.text_rows(kind, tables.rows(kind, corpus))
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
                writer = csv.DictWriter(
                    stream, fieldnames=list(tables.text_columns(kind)), lineterminator="\n"
                )
                writer.writeheader()
                writer.writerows(found)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        written.append((path, len(found), f"{kind} rows"))
    return written


def _export_parquet(corpus: Corpus, folder: Path) -> list[_Written]:
    """The corpus as a Parquet folder (``DIR/parquet``), which reads back equal."""
    path = folder / "parquet"
    return [(path, tables.write_parquet(corpus, path), "articles")]


_EXPORTS: dict[str, Callable[[Corpus, Path], list[_Written]] | None] = {
    "jsonl": _export_jsonl,
    "plover": _export_plover,
    "csv": _export_csv,
    "parquet": _export_parquet,
}
"""What each ``--format`` writes into the folder; ``None`` for a format not available."""


def _check_folder(raw: str) -> tuple[Path, bool]:
    """The ``-o`` folder, checked before anything is read; and whether it is to be made."""
    if raw == "":
        raise _UsageError("-o/--output: an empty path; name the folder to write into")
    folder = Path(raw)
    if folder.is_dir():
        if not os.access(folder, os.W_OK | os.X_OK):
            raise _RefusedError(f"-o/--output: cannot write in the folder {raw}")
        return folder, False
    if folder.exists() or folder.is_symlink():
        raise _RefusedError(f"-o/--output: {raw} is not a folder")
    parent = folder.parent
    if not parent.is_dir():
        if parent.exists():
            raise _RefusedError(f"-o/--output: {parent} is not a folder")
        raise _RefusedError(f"-o/--output: the folder {parent} does not exist")
    return folder, True


def _cmd_export(args: argparse.Namespace, out: _Output) -> int:
    folder, missing = _check_folder(args.output)
    export = _EXPORTS[args.format]
    if export is None:
        ready = ", ".join(name for name, writer in _EXPORTS.items() if writer is not None)
        raise _RefusedError(
            f"--format: {args.format} is not available in this version (available: {ready})"
        )
    corpus = _open_corpus(args.corpus, "--corpus")
    if missing:
        try:
            folder.mkdir()
        except OSError as exc:
            raise _RefusedError(
                f"-o/--output: cannot create the folder {args.output}: {os_message(exc)}"
            ) from exc
    try:
        written = export(corpus, folder)
    except BaseException:
        if missing:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if the export left it empty
        raise
    for path, count, noun in written:
        out.write(f"wrote {count} {noun} to {_safe(str(path))}\n")
    return EXIT_OK


def _query_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        nargs="+",
        default=[],
        metavar="PATH",
        help="article files, folders or saved corpora (default: the bundled corpus)",
    )
    parser.add_argument(
        "--format", choices=["table", "json", "jsonl", "csv"], default="table", help="output format"
    )


def _workers(value: str) -> int:
    """``--workers``: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _pattern(value: str) -> str:
    """``--pattern``: a file-name pattern matched inside the folders given, never a path."""
    if value == "":
        raise argparse.ArgumentTypeError(
            "an empty pattern; give a file-name pattern such as '*.txt'"
        )
    if (
        "/" in value
        or os.sep in value
        or (os.altsep and os.altsep in value)
        or value in (".", "..")
    ):
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a file-name pattern; give one such as '*.txt',"
            " without '/' or '..' (files outside the folders given are never read)"
        )
    return value


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and whose output is checked."""

    def __init__(self, *args: Any, output: _Output | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.output = output

    def error(self, message: str) -> NoReturn:
        message = re.sub(r"\Aargument (\S+): ", r"\1: ", message)
        raise _UsageError(f"{message} (see '{self.prog} --help')")

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if not message:
            return
        if self.output is not None and (file is None or file is sys.stdout):
            self.output.write(message)
        elif file is not None:
            file.write(message)


def _parser(output: _Output | None = None) -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Typed corpus of news about Việt Nam–Singapore relations.",
        epilog="Exit status: 0 success, 1 a file or the system refused, 2 a usage error.",
        output=output,
    )
    parser.add_argument("-V", "--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    show = commands.add_parser(
        "show", help="summarise articles (default: the bundled corpus)", output=output
    )
    show.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files, folders, globs or saved corpora",
    )
    show.add_argument("--json", action="store_true", help="print JSON instead of text")

    ingest = commands.add_parser(
        "ingest",
        help="parse article files, or tables of articles, into a JSON Lines corpus",
        description="Parse article files (folders, globs) or tables of articles (CSV, TSV,"
        " JSON Lines, Parquet: one article a row) into a JSON Lines corpus.  Inputs ending in"
        " .csv, .tsv or .parquet, or any input when a --*-column flag is given, are tables;"
        " a .jsonl input is a table only with --text-column (it is the corpus format too).",
        output=output,
    )
    ingest.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, folders or globs; or table files"
    )
    ingest.add_argument("-o", "--output", required=True, help="the .jsonl file to write")
    ingest.add_argument(
        "--pattern",
        type=_pattern,
        default="*.txt",
        help="file-name pattern inside folders ('*.html' for saved web pages, read with the"
        " html extra)",
    )
    ingest.add_argument("--workers", type=_workers, default=None, help="worker processes")
    ingest.add_argument(
        "--skip-errors",
        action="store_true",
        help="skip files (or table rows) that cannot be read (each is named on stderr);"
        " write the rest",
    )
    for field, flag in _COLUMN_FLAGS.items():
        default = {"text": "body", "date": "published", "url": "url", "outlet": "source"}
        ingest.add_argument(
            flag,
            dest=f"{field}_column",
            type=_column,
            metavar="NAME",
            help=f"tables: the column of the article {field}"
            + (f" (default: {default[field]!r}, if the table has it)" if field in default else "")
            + (" (default: a hash of the URL, else of the text)" if field == "id" else ""),
        )

    figures = commands.add_parser("figures", help="query economic figures", output=output)
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

    visits = commands.add_parser(
        "visits", help="query visits (merged across articles)", output=output
    )
    visits.add_argument("--visitor", help='a name, with or without diacritics: "To Lam"')
    visits.add_argument("--host", help="a country code or name")
    visits.add_argument("--guest-country", dest="guest_country", help="the visitor's country")
    visits.add_argument("--during", help="a period the visit overlaps")
    visits.add_argument("--kind", help="state, official, working, ...")
    visits.add_argument("--status", help="planned, under_way, completed")
    _query_options(visits)

    series = commands.add_parser(
        "series", help="one statistic per point, with its sources", output=output
    )
    series.add_argument("--metric", required=True, help="e.g. bilateral_trade")
    series.add_argument(
        "--between", nargs=2, metavar=("A", "B"), help="only points about these two countries"
    )
    series.add_argument("--unit", help="e.g. USD, SGD, percent")
    series.add_argument("--during", help='a period: "2023", "2024-Q1", "2024-03"')
    series.add_argument("--reporter", help="words of a reporter's name, or its country")
    _query_options(series)

    partnerships = commands.add_parser(
        "partnerships", help="the timeline of relations", output=output
    )
    partnerships.add_argument(
        "--between", nargs=2, metavar=("A", "B"), default=["VNM", "SGP"], help="two countries"
    )
    _query_options(partnerships)

    articles = commands.add_parser("articles", help="query articles", output=output)
    articles.add_argument("--since", help="a date: 2025-03-10, 2025-03 or 2025")
    articles.add_argument("--until", help="a date")
    articles.add_argument("--source", help="an outlet, e.g. VNS")
    articles.add_argument("--mentions", help="a person, country or organisation")
    articles.add_argument("--text", help="a word or phrase (case and diacritics ignored)")
    _query_options(articles)

    export = commands.add_parser(
        "export", help="write the corpus into a folder in a standard format", output=output
    )
    export.add_argument(
        "--format",
        required=True,
        choices=list(_EXPORTS),
        help="jsonl: the corpus (corpus.jsonl); plover: visits as PLOVER events (events.jsonl);"
        " csv, parquet: one table of each kind",
    )
    export.add_argument(
        "-o", "--output", required=True, metavar="DIR", help="the folder (made if missing)"
    )
    export.add_argument(
        "--corpus",
        nargs="+",
        default=[],
        metavar="PATH",
        help="article files, folders or saved corpora (default: the bundled corpus)",
    )
    return parser


_COMMANDS: dict[str, Callable[[argparse.Namespace, _Output], int]] = {
    "show": _cmd_show,
    "ingest": _cmd_ingest,
    "figures": _cmd_figures,
    "series": _cmd_series,
    "visits": _cmd_visits,
    "partnerships": _cmd_partnerships,
    "articles": _cmd_articles,
    "export": _cmd_export,
}

_FLAGS = {"a": "--between", "b": "--between"}
"""Query arguments whose flag is not ``--`` + the argument with ``-`` for ``_``."""


def _flag(argument: str) -> str:
    """The command-line flag of a query argument (``min_value`` -> ``--min-value``)."""
    return _FLAGS.get(argument, "--" + argument.replace("_", "-"))


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _run(argv: Sequence[str] | None, out: _Output) -> int:
    """Parse and run a command; every failure becomes one line on stderr and a status."""
    parser = _parser(out)
    try:
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help and --version (errors raise _UsageError)
            return exc.code if isinstance(exc.code, int) else EXIT_USAGE
        return _COMMANDS[args.command](args, out)
    except _UsageError as exc:
        _tell(f"error: {exc}")
        return EXIT_USAGE
    except QueryError as exc:
        _tell(f"error: {_flag(exc.argument)}: {exc.args[0]} (accepted: {exc.accepted})")
        return EXIT_USAGE
    except (_RefusedError, VnsgCorpusError) as exc:
        _tell(f"error: {exc}")
        return EXIT_FAILURE
    except _PipeClosedError:
        out.discard()
        return EXIT_BROKEN_PIPE
    except _OutputError as exc:
        out.discard()
        _tell(f"error: {exc}")
        return EXIT_FAILURE
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        _tell(f"error: {where}{os_message(exc)}")
        return EXIT_FAILURE
    except KeyboardInterrupt:
        _tell("interrupted")
        return EXIT_INTERRUPTED
    except MemoryError:
        _tell("error: out of memory")
        return EXIT_FAILURE
    except Exception as exc:  # a bug: still one line, never a traceback
        _tell(f"internal error: {type(exc).__name__}: {_one_line(str(exc))} (please report it)")
        return EXIT_FAILURE


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: The arguments after the program name; defaults to ``sys.argv[1:]``.

    Returns:
        The exit status: 0 on success; 1 when a file or the system refuses (a
        missing or malformed file, an unwritable output, stdout closed or
        full); 2 for a usage error (an unknown flag, a value a flag does not
        accept); 130 when interrupted; 141 when the reader of a pipe has gone
        (nothing is printed then).  Every error is one line on stderr,
        ``vnsg-corpus: error: ...``, naming the flag or file concerned.
    """
    out = _Output(sys.stdout)
    status = _run(argv, out)
    try:
        out.flush()
    except _PipeClosedError:
        out.discard()
        return status or EXIT_BROKEN_PIPE
    except _OutputError as exc:
        out.discard()
        if status == EXIT_OK:
            _tell(f"error: {exc}")
            return EXIT_FAILURE
    return status
