"""Parquet corpora: the chunked, atomic writer and the column-wise reader.

The public functions are [`tables.write_parquet`][vnsg_corpus.tables.write_parquet]
and [`tables.read_parquet`][vnsg_corpus.tables.read_parquet]; this module holds
their work.  pyarrow is passed in by the callers, which import it through
``_extras.require``.

The reader builds records column by column: the values of all the mentions
(or figures, evidence, spans) of the corpus are taken from Arrow as Python
lists, checked over the whole column with Arrow's compute functions (offsets
not negative, an end not before its start, codes of three capitals...), and
the objects are made with ``object.__new__`` and their slots' setters, which
is what attrs' ``__init__`` does once the validators have passed.  Every
article is then checked by the loader's own invariants (``serialize``), so a
Parquet corpus is held to every promise a JSON Lines corpus is.

A folder written by an earlier release (its files' ``vnsg_corpus.schema_version``
below the version that added a column) lacks the columns added since; they
read as nulls, as the fields of an older JSON Lines record take their defaults.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import stat
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import accumulate, repeat
from typing import TYPE_CHECKING, Any

import attrs

from vnsg_corpus._files import os_message
from vnsg_corpus._partitions import MANIFEST
from vnsg_corpus.consolidate import merge_visits
from vnsg_corpus.errors import (
    CorpusFormatError,
    DuplicateArticleError,
    ReadError,
    SchemaVersionError,
    UnencodableTextError,
    WriteError,
)
from vnsg_corpus.model import (
    _NOTHING_GIVEN,
    SCHEMA_VERSION,
    Amount,
    Article,
    Diagnostic,
    EconomicFigure,
    EntityKind,
    Evidence,
    Mention,
    Metadata,
    Metric,
    Partnership,
    PartnershipLevel,
    PartnershipStatus,
    Period,
    Person,
    Precision,
    QAPair,
    Qualifier,
    Span,
    Visit,
    VisitKind,
    VisitStatus,
)
from vnsg_corpus.tables import (
    _COLUMNS,
    PARQUET_LAYOUT,
    PARQUET_TABLES,
    Column,
    _article_rows,
    _c,
    _from_rows,
    _is_corpus,
    _schema,
    _timeline_rows,
    article_row,
    visit_row,
)

if TYPE_CHECKING:
    from vnsg_corpus.corpus import Corpus

__all__ = ["read", "write"]

TEXT_COLUMNS = (
    _c("id", "string", "The article's id."),
    _c("text", "string", "The article's text, exactly as given."),
    _c("title", "span", "The title's span.", null=True),
    _c("headings", "list<span>", "The headings' spans."),
    _c("paragraphs", "list<span>", "The paragraphs' spans."),
    _c("qa", "list<qa_pair>", "Interview questions and their answers' spans."),
    _c("diagnostics", "list<diagnostic>", "What the parser noticed."),
)
"""The columns of ``texts.parquet``: each article's text and structure."""

TABLE_COLUMNS: dict[str, tuple[Column, ...]] = {
    "articles": _COLUMNS["articles"],
    "texts": TEXT_COLUMNS,
    "figures": (
        *_COLUMNS["figures"],
        _c("position", "int64", "The figure's place in corpus order (0, 1, 2...)."),
    ),
    "visits": _COLUMNS["visits"],
    "partnerships": _COLUMNS["partnerships"],
    "mentions": _COLUMNS["mentions"],
    "merged_visits": _COLUMNS["visits"],
    "timeline": _COLUMNS["timeline"],
}
assert tuple(TABLE_COLUMNS) == PARQUET_TABLES  # noqa: S101 - one list of files

_FACT_KINDS = ("figures", "visits", "partnerships", "mentions")
_FIRST_PASSAGE = frozenset({"span_start", "span_end", "sentence", "articles"})
_DERIVED: dict[str, frozenset[str]] = {
    "articles": frozenset(
        {"title", "headings", "characters", "paragraphs", "qa_pairs", "diagnostics"}
    ),
    "texts": frozenset(),
    "figures": _FIRST_PASSAGE,
    "visits": _FIRST_PASSAGE,
    "partnerships": _FIRST_PASSAGE,
    "mentions": frozenset({"text"}),
}
"""The columns of each file worked out from others: the reader checks them, never reads them."""
_ROUND_TRIP = ("articles", "texts", *_FACT_KINDS)
"""The files read back; ``merged_visits`` and ``timeline`` are views, for other tools."""
_ADDED_IN: dict[tuple[str, str], int] = {
    ("articles", name): 3
    for name in ("url", "outlet", "outlet_country", "given_date", "given_outlet", "given_url")
}
"""The columns added since the first Parquet layout: (file, column) to the schema version."""

# -- writing ------------------------------------------------------------------------------


def _span(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end}


def _text_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "text": article.text,
        "title": None if article.title is None else _span(article.title),
        "headings": [_span(s) for s in article.headings],
        "paragraphs": [_span(s) for s in article.paragraphs],
        "qa": [
            {"question": _span(q.question), "answer": [_span(s) for s in q.answer]}
            for q in article.qa
        ],
        "diagnostics": [
            {"code": d.code, "message": d.message, "start": d.start, "end": d.end}
            for d in article.diagnostics
        ],
    }


def _metadata(name: str) -> dict[bytes, bytes]:
    return {
        b"vnsg_corpus.table": name.encode(),
        b"vnsg_corpus.layout": str(PARQUET_LAYOUT).encode(),
        b"vnsg_corpus.schema_version": str(SCHEMA_VERSION).encode(),
    }


class _Writers:
    """One ``ParquetWriter`` per file of a corpus being written, a row group per chunk.

    Figures are the exception: they are sorted by metric, so that every row
    group holds one metric and a query for one metric reads only its own
    (DuckDB skips the others by their statistics).  Each chunk's figures go
    to a spill file per metric; at the end the spill files are copied into
    ``figures.parquet``, metric after metric, in row groups of up to
    ``FIGURE_ROW_GROUP`` rows.  Their ``position`` column keeps corpus order.
    """

    def __init__(self, pa: Any, pq: Any, folder: str, target: str) -> None:
        self.pa, self.pq, self.folder, self.target = pa, pq, folder, target
        self.open: dict[str, Any] = {}
        self.schemas = {
            name: _schema(pa, cols, "decimal", _metadata(name))
            for name, cols in TABLE_COLUMNS.items()
        }
        self.spilled = 0

    def writer(self, name: str, file: str | None = None) -> Any:
        writer = self.open.get(file or name)
        if writer is None:
            path = os.path.join(self.folder, f"{file or name}.parquet")
            writer = self.pq.ParquetWriter(path, self.schemas[name], compression="zstd")
            self.open[file or name] = writer
        return writer

    def table(self, name: str, table_rows: list[dict[str, Any]]) -> Any:
        try:
            return _from_rows(self.pa, self.schemas[name], table_rows, what=name)
        except UnicodeEncodeError as exc:
            raise _unencodable(table_rows, exc) from exc
        except ValueError as exc:
            raise WriteError(str(exc), path=self.target) from exc

    def write(self, name: str, table_rows: list[dict[str, Any]]) -> None:
        writer = self.writer(name)
        if table_rows:
            writer.write_table(self.table(name, table_rows), row_group_size=len(table_rows))

    def spill_figures(self, table_rows: list[dict[str, Any]]) -> None:
        """Add a chunk's figures (with their ``position``) to the spill file of each metric."""
        by_metric: dict[str, list[dict[str, Any]]] = {}
        for row in table_rows:
            by_metric.setdefault(row["metric"], []).append(row)
        for metric, found in by_metric.items():
            table = self.table("figures", found)
            self.writer("figures", f"{_SPILL}{metric}").write_table(table)
            self.spilled += len(found)

    def merge_figures(self) -> None:
        """Copy the spill files into ``figures.parquet``, one metric after another."""
        final = self.writer("figures")
        names = sorted(n for n in self.open if n.startswith(_SPILL))
        for name in names:
            self.open.pop(name).close()
        for name in names:
            path = os.path.join(self.folder, f"{name}.parquet")
            spill = self.pq.ParquetFile(path)
            for batch in spill.iter_batches(batch_size=FIGURE_ROW_GROUP):
                final.write_batch(batch, row_group_size=FIGURE_ROW_GROUP)
            spill.close()
            os.unlink(path)

    def close(self) -> None:
        for writer in self.open.values():
            writer.close()
        self.open.clear()


_SPILL = "figures.spill."
FIGURE_ROW_GROUP = 131_072
"""The most rows in a row group of ``figures.parquet``."""


def _has_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return any("\ud800" <= ch <= "\udfff" for ch in value)
    if isinstance(value, list):
        return any(map(_has_surrogate, value))
    if isinstance(value, dict):
        return any(map(_has_surrogate, value.values()))
    return False


def _unencodable(table_rows: list[dict[str, Any]], exc: UnicodeEncodeError) -> Exception:
    """The error for a lone surrogate, which no UTF-8 string (Parquet's) can hold."""
    row = next((r for r in table_rows if _has_surrogate(r)), {})
    article_id = row.get("id", row.get("article_id"))
    char = exc.object[exc.start] if isinstance(exc.object, str) else "?"
    return UnencodableTextError(
        f"Parquet stores text as UTF-8, which cannot hold the lone surrogate U+{ord(char):04X};"
        " nothing is written (save it as JSON Lines instead)",
        article_id=str(article_id),
    )


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        if not isinstance(article, Article):
            raise TypeError(f"write_parquet writes Article objects, not {type(article).__name__}")
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def write(
    pa: Any,
    pq: Any,
    source: Corpus | Iterable[Article],
    directory: str | os.PathLike[str],
    chunk_size: int,
) -> int:
    """Write the folder (see ``tables.write_parquet``); returns the number of articles."""
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a whole number of at least 1, got {chunk_size!r}")
    name = os.fspath(directory)
    target = _target(name)
    parent, base = os.path.split(target)
    folder = _temp_folder(parent, base, name)
    writers = _Writers(pa, pq, folder, name)
    try:
        with _os_errors(name):
            count = _write_tables(writers, source, chunk_size)
            writers.close()
            _fsync_folder(folder)
            _replace_folder(folder, target)
    except BaseException:
        with contextlib.suppress(Exception):
            writers.close()
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return count


def _write_tables(writers: _Writers, source: Corpus | Iterable[Article], chunk_size: int) -> int:
    for table in PARQUET_TABLES:
        writers.write(table, [])  # every file exists, with its schema, even when empty
    seen: set[str] = set()
    visits: list[Visit] = []
    partnerships: list[Partnership] = []
    dates: dict[str, dt.date | None] = {}
    count = 0
    for chunk in _chunks(source, chunk_size):
        for article in chunk:
            if article.id in seen:
                raise DuplicateArticleError(
                    f"two articles share the id {article.id!r}", article_id=article.id
                )
            seen.add(article.id)
            dates[article.id] = article.date
            visits.extend(article.visits)
            partnerships.extend(article.partnerships)
        writers.write("articles", [article_row(a) for a in chunk])
        writers.write("texts", [_text_row(a) for a in chunk])
        figures = list(_article_rows("figures", chunk))
        for number, row in enumerate(figures, start=writers.spilled):
            row["position"] = number
        writers.spill_figures(figures)
        for kind in ("visits", "partnerships", "mentions"):
            writers.write(kind, list(_article_rows(kind, chunk)))
        count += len(chunk)
    writers.merge_figures()
    # A corpus has its merged visits already (cached); articles are merged here.
    merged = source.visits() if _is_corpus(source) else merge_visits(visits, dates)  # type: ignore[union-attr]
    writers.write("merged_visits", [visit_row(v) for v in merged])
    writers.write("timeline", _timeline_rows(partnerships, dates))
    return count


@contextlib.contextmanager
def _os_errors(name: str) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        if isinstance(exc, WriteError | ReadError):
            raise
        raise WriteError(os_message(exc), path=name) from exc


def _target(name: str) -> str:
    """The folder a write replaces: links followed, checked to be new, empty or a corpus."""
    if not name:
        raise WriteError("an empty path; name the folder to write", path=name)
    if "\0" in name:
        raise WriteError("the path contains a NUL character, which no name can hold", path=name)
    target = os.path.realpath(name)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        parent = os.path.dirname(target)
        if not os.path.isdir(parent):
            raise WriteError(f"the folder {parent} does not exist", path=name) from None
        return target
    except OSError as exc:
        raise WriteError(os_message(exc), path=name) from exc
    if not stat.S_ISDIR(info.st_mode):
        raise WriteError("not a folder; write_parquet writes a folder of files", path=name)
    try:
        entries = os.listdir(target)
    except OSError as exc:
        raise WriteError(os_message(exc), path=name) from exc
    if entries and "articles.parquet" not in entries and MANIFEST not in entries:
        raise WriteError(
            "a folder that holds other files, not a Parquet corpus; it is left as it is",
            path=name,
        )
    return target


def _temp_folder(parent: str, base: str, name: str) -> str:
    for _ in range(100):
        folder = os.path.join(parent, f".{base}.{os.urandom(4).hex()}.tmp")
        try:
            os.mkdir(folder)
        except FileExistsError:
            continue
        except OSError as exc:
            raise WriteError(
                f"cannot create a folder in {parent}: {os_message(exc)}", path=name
            ) from exc
        return folder
    raise WriteError(f"no free temporary folder name in {parent}", path=name)  # pragma: no cover


def _fsync_folder(folder: str) -> None:
    for entry in os.scandir(folder):
        fd = os.open(entry.path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    _fsync_dir(folder)


def _fsync_dir(folder: str) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _replace_folder(folder: str, target: str) -> None:
    """Put the new folder in place of ``target``; the old one is removed after."""
    old = None
    if os.path.isdir(target):
        old = folder.removesuffix(".tmp") + ".old"
        os.rename(target, old)
    try:
        os.rename(folder, target)
    except OSError:
        if old is not None:
            os.rename(old, target)  # put the old corpus back
        raise
    _fsync_dir(os.path.dirname(target))
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


# -- reading ------------------------------------------------------------------------------


class _Reader:
    """Reads the files of one Parquet corpus and builds its articles."""

    def __init__(self, pa: Any, pq: Any, pc: Any, folder: str) -> None:
        self.pa, self.pq, self.pc, self.folder = pa, pq, pc, folder

    def path(self, name: str) -> str:
        return os.path.join(self.folder, f"{name}.parquet")

    def fail(self, name: str, message: str, field: str | None = None) -> CorpusFormatError:
        return CorpusFormatError(message, path=self.path(name), field=field)

    def table(self, name: str) -> Any:
        """A file as an Arrow table, its metadata and columns checked."""
        pa, path = self.pa, self.path(name)
        try:
            info = os.stat(path)
        except OSError as exc:
            raise ReadError(os_message(exc), path=path) from exc
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("not a regular file", path=path)
        try:
            file = self.pq.ParquetFile(path)
            schema = file.schema_arrow
        except pa.ArrowException as exc:
            raise CorpusFormatError(f"not a Parquet file: {exc}", path=path) from exc
        except OSError as exc:
            raise ReadError(os_message(exc), path=path) from exc
        meta = schema.metadata or {}
        layout = meta.get(b"vnsg_corpus.layout")
        version = meta.get(b"vnsg_corpus.schema_version", b"")
        if layout != str(PARQUET_LAYOUT).encode() or not version.isdigit():
            raise SchemaVersionError(
                f"not a Parquet corpus of layout {PARQUET_LAYOUT} (its vnsg_corpus.layout is"
                f" {layout!r}); write it with write_parquet",
                path=path,
            )
        if int(version) > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"schema_version {int(version)} is newer than this release's ({SCHEMA_VERSION})",
                path=path,
            )
        expected = _schema(pa, TABLE_COLUMNS[name], "decimal")
        absent = []  # columns added after the file's version: read as nulls
        for field in expected:
            index = schema.get_field_index(field.name)
            if index < 0 and int(version) < _ADDED_IN.get((name, field.name), 0):
                absent.append(field)
                continue
            if index < 0:
                raise self.fail(name, f"no column {field.name!r}", field.name)
            found = schema.field(index)
            if not (found.type.equals(field.type) and found.nullable == field.nullable):
                raise self.fail(
                    name,
                    f"column {field.name!r} is {found.type}"
                    f"{'' if found.nullable else ' not null'}, not {field.type}"
                    f"{'' if field.nullable else ' not null'}",
                    field.name,
                )
        missing = {field.name for field in absent}
        wanted = [
            c.name
            for c in TABLE_COLUMNS[name]
            if c.name not in _DERIVED[name] and c.name not in missing
        ]
        try:
            table = file.read(columns=wanted)
        except pa.ArrowException as exc:
            raise CorpusFormatError(f"not a Parquet file: {exc}", path=path) from exc
        except OSError as exc:
            raise ReadError(os_message(exc), path=path) from exc
        for field in absent:
            table = table.append_column(field, pa.nulls(table.num_rows, field.type))
        return table

    # -- columns

    def values(
        self, array: Any, *, shared: bool = True, convert: Callable[[Any], Any] | None = None
    ) -> list[Any]:
        """An Arrow column as a list, each distinct value made once and shared.

        Values repeat (dates, codes, names, the sentence of several figures):
        the column is dictionary-encoded, only its distinct values become
        Python objects (through ``convert``, if given), and the rows share
        them.  ``shared=False`` converts every value (texts).
        """
        pa, pc = self.pa, self.pc
        if isinstance(array, pa.ChunkedArray):
            array = array.combine_chunks()
        kind = array.type
        repeats = pa.types.is_string(kind) or pa.types.is_date(kind) or pa.types.is_decimal(kind)
        if not (shared and repeats and len(array)):
            plain = self.plain(array)
            return plain if convert is None else [None if v is None else convert(v) for v in plain]
        encoded = pc.dictionary_encode(array)
        uniques = self.plain(encoded.dictionary)
        if convert is not None:
            uniques = list(map(convert, uniques))
        indices = encoded.indices
        if indices.null_count:
            indices = indices.fill_null(len(uniques))
            uniques.append(None)
        return list(map(uniques.__getitem__, indices.to_pylist()))

    def plain(self, array: Any) -> list[Any]:
        """Every value of an array, as Python objects (decimals as the parser writes them)."""
        if self.pa.types.is_decimal(array.type):
            pc = self.pc
            text = pc.utf8_rtrim(pc.utf8_rtrim(pc.cast(array, "string"), characters="0"), characters=".")  # fmt: skip  # noqa: E501
            return [None if v is None else Decimal(v) for v in text.to_pylist()]
        values: list[Any] = array.to_pylist()
        return values

    def lists(self, column: Any) -> tuple[list[int], Any]:
        """A list column's lengths per row and all its items, as one array."""
        array = column.combine_chunks() if hasattr(column, "combine_chunks") else column
        lengths: list[int] = self.pc.list_value_length(array).fill_null(0).to_pylist()
        return lengths, array.flatten()

    @staticmethod
    def fields(items: Any) -> dict[str, Any]:
        """The fields of a struct array, each as an array (its offset taken into account)."""
        return {items.type.field(i).name: array for i, array in enumerate(items.flatten())}

    def check_offsets(self, name: str, field: str, start: Any, end: Any) -> None:
        """Offsets are never negative and an end is never before its start."""
        pc = self.pc
        bad = pc.or_(pc.less(start, 0), pc.less(end, start))
        if len(bad) and pc.any(bad).as_py():
            i = pc.index(bad, True).as_py()
            s, e = start[i].as_py(), end[i].as_py()
            problem = f"offset {s} is negative" if s < 0 else f"end {e} is before start {s}"
            raise self.fail(name, f"item {i} of {field}: {problem}", field)

    def in_order(self, table: Any) -> Any:
        """The figures in corpus order (the file has them by metric), positions checked."""
        pa, pc = self.pa, self.pc
        ordered = table.take(pc.sort_indices(table, sort_keys=[("position", "ascending")]))
        if not ordered.column("position").equals(
            pa.chunked_array([pa.array(range(len(table)), pa.int64())])
        ):
            raise self.fail("figures", "positions are not 0, 1, 2... once each", "position")
        return ordered

    def check_owners(self, name: str, column: Any, ids: list[str], counts: list[int]) -> None:
        """The rows of a file of records are, in order, those the articles file counts."""
        pa, pc = self.pa, self.pc
        array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
        if array.null_count:
            raise self.fail(name, "a record names no article", "article_id")
        runs = pc.run_end_encode(array) if len(array) else None
        owners = [] if runs is None else runs.values.to_pylist()
        ends = [] if runs is None else runs.run_ends.to_pylist()
        lengths = [b - a for a, b in zip([0, *ends], ends, strict=False)]
        expected = [(i, n) for i, n in zip(ids, counts, strict=True) if n]
        if list(zip(owners, lengths, strict=True)) != expected:
            raise self.fail(
                name,
                f"the records are not those the articles file counts ({len(array)} rows for"
                f" {sum(counts)} records, or in another order)",
                "article_id",
            )

    def check_codes(self, name: str, field: str, codes: Any) -> None:
        """Every value is an ISO code of three capitals."""
        pc = self.pc
        good = pc.match_substring_regex(codes, r"^[A-Z]{3}$")
        if len(good) and not pc.all(good).as_py():
            i = pc.index(good, False).as_py()
            raise self.fail(
                name, f"{field} must be ISO 3166-1 alpha-3 codes, got {codes[i].as_py()!r}", field
            )

    def enum(self, name: str, field: str, column: Any, cls: Any) -> list[Any]:
        """A column of enumeration values as the members."""
        members = {m.value: m for m in cls}
        try:
            return self.values(column, convert=members.__getitem__)
        except KeyError as exc:
            raise self.fail(name, f"{field}: unknown value {exc.args[0]!r}", field) from None

    def evidence(self, name: str, column: Any) -> list[tuple[Evidence, ...]]:
        lengths, items = self.lists(column)
        fields = self.fields(items)
        start, end = fields["start"], fields["end"]
        self.check_offsets(name, "evidence", start, end)
        built = _make(
            Evidence,
            article_id=self.values(fields["article_id"]),
            start=self.values(start),
            end=self.values(end),
            text=self.values(fields["text"]),
        )
        return _split(built, lengths)

    def spans(self, name: str, field: str, column: Any) -> list[tuple[Span, ...]]:
        lengths, items = self.lists(column)
        fields = self.fields(items)
        start, end = fields["start"], fields["end"]
        self.check_offsets(name, field, start, end)
        return _split(_make(Span, start=self.values(start), end=self.values(end)), lengths)

    def periods(self, name: str, table: Any, prefix: str) -> list[Period | None]:
        start, end = table.column(f"{prefix}_start"), table.column(f"{prefix}_end")
        bad = self.pc.less(end, start)
        if len(bad) and self.pc.any(bad).as_py():
            i = self.pc.index(bad, True).as_py()
            raise self.fail(name, f"row {i}: the period ends before it starts", f"{prefix}_end")
        precisions = self.enum(
            name, f"{prefix}_precision", table.column(f"{prefix}_precision"), Precision
        )
        shared: dict[tuple[Any, ...], Period] = {}

        def period(first: dt.date | None, last: dt.date | None, how: Any) -> Period | None:
            if how is None:
                return None
            key = (first, last, how)
            found = shared.get(key)
            if found is None:
                found = shared[key] = Period(first, last, how)
            return found

        return list(map(period, self.values(start), self.values(end), precisions))

    def codes(self, name: str, field: str, column: Any, most: int) -> list[tuple[str, ...]]:
        """A column of lists of country codes, as tuples (at most ``most``, each once)."""
        lengths, items = self.lists(column)
        self.check_codes(name, field, items)
        if lengths and max(lengths) > most:
            row = next(i for i, n in enumerate(lengths) if n > most)
            raise self.fail(name, f"row {row}: {field} holds more than {most} codes", field)
        shared: dict[tuple[str, ...], tuple[str, ...]] = {}
        found = [shared.setdefault(t, t) for t in _split(self.values(items), lengths)]
        for row, codes in enumerate(found):
            if len(codes) == 2 and codes[0] == codes[1]:
                raise self.fail(name, f"row {row}: {field} names {codes[0]} twice", field)
        return found

    # -- tables

    def figures(self, table: Any) -> list[EconomicFigure]:
        name = "figures"
        v = self.values
        converted: list[Amount | None] = [None] * table.num_rows
        given = self.pc.is_valid(table.column("converted_value"))
        if self.pc.any(given).as_py():
            rows = self.pc.indices_nonzero(given).to_pylist()
            amounts = self.pc.filter(table, given)
            values = v(amounts.column("converted_value"))
            units = v(amounts.column("converted_unit"))
            for row, value, unit in zip(rows, values, units, strict=True):
                converted[row] = Amount(value, unit)
        return _make(
            EconomicFigure,
            metric=self.enum(name, "metric", table.column("metric"), Metric),
            subject=v(table.column("subject")),
            value=v(table.column("value")),
            unit=v(table.column("unit")),
            qualifier=self.enum(name, "qualifier", table.column("qualifier"), Qualifier),
            period=self.periods(name, table, "period"),
            evidence=self.evidence(name, table.column("evidence")),
            value_max=v(table.column("value_max")),
            converted=converted,
            countries=self.codes(name, "countries", table.column("countries"), 2),
            target=v(table.column("target")),
        )

    def visits(self, table: Any) -> list[Visit]:
        name, v = "visits", self.values
        people = {
            role: [
                tuple(Person(p["name"], p["role"], p["country"]) for p in group)
                for group in v(table.column(role))
            ]
            for role in ("invited_by", "accompanied_by", "welcomed_by")
        }
        kinds = self.enum(name, "kind", table.column("kind"), VisitKind)
        statuses = self.enum(name, "status", table.column("status"), VisitStatus)
        precisions = self.enum(name, "precision", table.column("precision"), Precision)
        evidence = self.evidence(name, table.column("evidence"))
        columns = zip(
            v(table.column("visitor")),
            v(table.column("role")),
            v(table.column("visitor_country")),
            v(table.column("host_country")),
            v(table.column("start")),
            v(table.column("end")),
            kinds,
            statuses,
            people["invited_by"],
            people["accompanied_by"],
            people["welcomed_by"],
            v(table.column("duration_days")),
            evidence,
            precisions,
            strict=True,
        )
        return [
            Visit(Person(visitor, role, country), host, start, end, kind, status, *rest)
            for visitor, role, country, host, start, end, kind, status, *rest in columns
        ]

    def partnerships(self, table: Any) -> list[Partnership]:
        name, v = "partnerships", self.values
        tiers = self.enum(name, "tier", table.column("tier"), PartnershipLevel)
        statuses = self.enum(name, "status", table.column("status"), PartnershipStatus)
        columns = zip(
            self.codes(name, "countries", table.column("countries"), 2),
            v(table.column("level")),
            self.periods(name, table, "since"),
            statuses,
            self.evidence(name, table.column("evidence")),
            tiers,
            v(table.column("inferred")),
            strict=True,
        )
        found = []
        for row, (countries, *rest) in enumerate(columns):
            try:
                found.append(Partnership(frozenset(countries), *rest))
            except ValueError as exc:
                raise self.fail(name, f"row {row}: {exc}", "level") from None
        return found

    def mentions(self, table: Any) -> list[Mention]:
        name, v, pc = "mentions", self.values, self.pc
        start, end = table.column("start"), table.column("end")
        self.check_offsets(name, "start/end", start, end)
        keys = table.column("key")
        countries = pc.equal(table.column("kind"), "country")
        if pc.any(countries).as_py():
            self.check_codes(name, "a country's key", pc.filter(keys, countries))
        return _make(
            Mention,
            kind=self.enum(name, "kind", table.column("kind"), EntityKind),
            key=v(keys),
            start=v(start),
            end=v(end),
        )

    def diagnostics(self, column: Any) -> list[tuple[Diagnostic, ...]]:
        lengths, items = self.lists(column)
        fields = self.fields(items)
        self.check_offsets("texts", "diagnostics", fields["start"], fields["end"])
        built = _make(
            Diagnostic,
            code=self.values(fields["code"]),
            message=self.values(fields["message"]),
            start=self.values(fields["start"]),
            end=self.values(fields["end"]),
        )
        return _split(built, lengths)

    def qa(self, column: Any) -> list[tuple[QAPair, ...]]:
        found = []
        for pairs in self.values(column):
            qa = []
            for pair in pairs:
                question = pair["question"]
                try:
                    qa.append(
                        QAPair(
                            Span(question["start"], question["end"]),
                            tuple(Span(s["start"], s["end"]) for s in pair["answer"]),
                        )
                    )
                except ValueError as exc:
                    raise self.fail("texts", str(exc), "qa") from None
            found.append(tuple(qa))
        return found


_SLOTTED: dict[type, tuple[str, ...] | None] = {}


def _setters(cls: type) -> tuple[str, ...] | None:
    """The fields of a slotted attrs class, or ``None`` when it is none (then ``__init__``)."""
    if cls not in _SLOTTED:
        names = tuple(f.name for f in attrs.fields(cls))
        slotted = all(type(cls.__dict__.get(n)).__name__ == "member_descriptor" for n in names)
        _SLOTTED[cls] = names if slotted else None
    return _SLOTTED[cls]


def _make(cls: Callable[..., Any], **columns: list[Any]) -> list[Any]:
    """Objects of an attrs class from columns of field values, checked beforehand.

    Every field must be given.  The objects are made as attrs' ``__init__``
    makes them once its validators have passed: ``object.__new__`` and each
    slot's setter, column by column.
    """
    assert isinstance(cls, type)  # noqa: S101
    names = _setters(cls)
    if names is None or set(names) != set(columns):  # pragma: no cover - the model changed
        keys = list(columns)
        return [
            cls(**dict(zip(keys, values, strict=True)))
            for values in zip(*columns.values(), strict=True)
        ]
    count = len(next(iter(columns.values()))) if columns else 0
    built: list[Any] = list(map(object.__new__, repeat(cls, count)))
    for name, values in columns.items():
        deque(map(cls.__dict__[name].__set__, built, values), maxlen=0)
    return built


def _split(items: Sequence[Any], lengths: Sequence[int]) -> list[tuple[Any, ...]]:
    """``items`` cut into consecutive tuples of the given lengths."""
    if len(items) == len(lengths) and all(n == 1 for n in lengths):
        return list(zip(items))  # one each: the usual evidence of a figure
    ends = list(accumulate(lengths))
    starts = [0, *ends[:-1]]
    return list(map(tuple, map(items.__getitem__, map(slice, starts, ends))))


def _metadata_of(date: dt.date | None, outlet: str | None, url: str | None) -> Metadata:
    """The ``given`` of an article: the model's shared empty one when the caller gave nothing."""
    if date is None and outlet is None and url is None:
        return _NOTHING_GIVEN
    return Metadata(date, outlet, url)


def read(pa: Any, pq: Any, pc: Any, directory: str | os.PathLike[str]) -> Corpus:
    """Read the folder (see ``tables.read_parquet``)."""
    from vnsg_corpus.corpus import Corpus  # noqa: PLC0415 - corpus imports tables
    from vnsg_corpus.serialize import _check_article  # noqa: PLC0415 - cattrs is slow to import

    folder = os.fspath(directory)
    if not os.path.isdir(folder):
        problem = "no such folder" if not os.path.lexists(folder) else "not a folder"
        raise ReadError(
            f"{problem}; read_parquet reads a folder written by write_parquet", path=folder
        )
    reader = _Reader(pa, pq, pc, folder)
    tables = {name: reader.table(name) for name in _ROUND_TRIP}
    meta, texts = tables["articles"], tables["texts"]
    ids: list[str] = reader.values(meta.column("id"))
    if reader.values(texts.column("id")) != ids:
        raise reader.fail("texts", "the articles and texts files list different articles", "id")
    groups: dict[str, list[tuple[Any, ...]]] = {}
    tables["figures"] = reader.in_order(tables["figures"])
    for kind in _FACT_KINDS:
        counts: list[int] = reader.values(meta.column(kind))
        reader.check_owners(kind, tables[kind].column("article_id"), ids, counts)
        records = getattr(reader, kind)(tables[kind])
        groups[kind] = _split(records, counts)
    try:
        titles = [
            None if t is None else Span(t["start"], t["end"])
            for t in reader.values(texts.column("title"))
        ]
    except ValueError as exc:
        raise reader.fail("texts", f"a title: {exc}", "title") from None
    reader.check_codes("articles", "outlet_country", pc.drop_null(meta.column("outlet_country")))
    given = list(
        map(
            _metadata_of,
            reader.values(meta.column("given_date")),
            reader.values(meta.column("given_outlet")),
            reader.values(meta.column("given_url")),
        )
    )
    columns = zip(
        ids,
        reader.values(texts.column("text"), shared=False),
        reader.values(meta.column("date")),
        reader.values(meta.column("source")),
        reader.values(meta.column("dateline")),
        titles,
        reader.spans("texts", "headings", texts.column("headings")),
        reader.spans("texts", "paragraphs", texts.column("paragraphs")),
        reader.qa(texts.column("qa")),
        groups["visits"],
        groups["partnerships"],
        groups["figures"],
        groups["mentions"],
        reader.diagnostics(texts.column("diagnostics")),
        reader.values(meta.column("url")),
        reader.values(meta.column("outlet")),
        reader.values(meta.column("outlet_country")),
        given,
        strict=True,
    )
    where = reader.path("texts")
    articles = []
    for row, fields in enumerate(columns):
        article = Article(*fields)
        try:
            _check_article(article, path=where, line=None)
        except CorpusFormatError as exc:
            raise CorpusFormatError(
                f"article {article.id!r} (row {row}): {exc.args[0]}", path=where, field=exc.field
            ) from None
        articles.append(article)
    return Corpus(articles)
