"""Articles from tables: rows of mappings, DataFrames, and CSV, TSV, JSON Lines and Parquet files.

[`Corpus.from_records`][vnsg_corpus.Corpus.from_records] and
[`Corpus.from_table`][vnsg_corpus.Corpus.from_table] are built on
[`iter_records`][vnsg_corpus._records.iter_records] and
[`iter_table`][vnsg_corpus._records.iter_table], which stream the articles in
row order (the command line writes them as they come).

Each source yields its rows as ``(row, line, values)``, the values of the
columns in use keyed by argument (``"text"``, ``"date"``...), or a
[`RowError`][vnsg_corpus.RowError] for a row it cannot read at all.  The rows
are checked here, in this process and in order (so errors and duplicate ids
are found in row order), and parsed in worker processes by
[`parse_jobs`][vnsg_corpus.ingest.parse_jobs].

No optional library is imported here: DataFrames are recognised by their
type's module and their methods, and pyarrow is imported only to read
Parquet.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime
import json
import math
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from vnsg_corpus._dates import safe_date
from vnsg_corpus._extras import require
from vnsg_corpus._files import MAX_ARTICLE_BYTES, capped_lines, open_regular
from vnsg_corpus.errors import (
    CorpusFormatError,
    DuplicateArticleError,
    QueryError,
    RowError,
    _row_place,
)
from vnsg_corpus.ingest import Job, parse_jobs
from vnsg_corpus.parsing._article import article_id
from vnsg_corpus.vocabulary import Vocabulary

if TYPE_CHECKING:
    from vnsg_corpus.model import Article
    from vnsg_corpus.serialize import Errors

__all__ = [
    "DATE",
    "FORMATS",
    "OUTLET",
    "TEXT",
    "URL",
    "Columns",
    "iter_records",
    "iter_table",
    "table_format",
]


class DefaultColumn(str):
    """A column name by default: used when the table has the column, else not used.

    A name the caller gives (a plain ``str``) must be a column of the table.
    """

    __slots__ = ()


TEXT = DefaultColumn("body")
DATE = DefaultColumn("published")
URL = DefaultColumn("url")
OUTLET = DefaultColumn("source")

_FIELDS = ("text", "date", "url", "outlet", "id")

FORMATS: dict[str, str] = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
"""The table formats, by file suffix (compared in lower case)."""
_FORMAT_NAMES = {
    "csv": "csv",
    "tsv": "tsv",
    "jsonl": "jsonl",
    "ndjson": "jsonl",
    "parquet": "parquet",
}

_Raw: TypeAlias = "tuple[int, int | None, dict[str, object]] | RowError"
"""A row as a source yields it: its number, its line (files) and its values; or why not."""
_Seen: TypeAlias = "dict[str, tuple[str | None, int, int | None, str]]"
"""The ids given so far: where each came from (path, row, line) and how (``"id"``, ``"url"``...)."""

_SHOWN = 60
"""At most this many characters of a bad value are quoted in a message."""
_MAX_DATE = 100
"""A date string longer than this is not read."""
_BATCH = 1024
"""Rows per Parquet record batch."""


# -- columns -----------------------------------------------------------------------


class Columns:
    """Which column holds each piece of an article; ``None`` for a piece not used.

    Args:
        text: The article text (required).
        date: The publication date.
        url: The article's address.
        outlet: The outlet that published it.
        id: The article's id; without it, ids are
            [`article_id`][vnsg_corpus.article_id] of the text and URL.

    Raises:
        TypeError: If a name is neither a ``str`` nor ``None`` (``text`` must be a ``str``).
    """

    __slots__ = _FIELDS

    def __init__(
        self,
        *,
        text: str = TEXT,
        date: str | None = DATE,
        url: str | None = URL,
        outlet: str | None = OUTLET,
        id: str | None = None,
    ) -> None:
        for field, name in zip(_FIELDS, (text, date, url, outlet, id), strict=True):
            if not isinstance(name, str) and (name is not None or field == "text"):
                wanted = "a str" if field == "text" else "a str or None"
                raise TypeError(f"{field}= needs a column name as {wanted}, not {_type(name)}")
        self.text = text
        self.date = date
        self.url = url
        self.outlet = outlet
        self.id = id

    def resolve(self, available: Sequence[Any], where: str) -> dict[str, str]:
        """The columns in use, by argument, checked against the table's columns.

        Raises:
            QueryError: If the text column, or a column named explicitly, is
                not among ``available``, or appears in it twice.
        """
        used: dict[str, str] = {}
        for field in _FIELDS:
            name = getattr(self, field)
            if name is None:
                continue
            count = sum(1 for column in available if column == name)
            if count > 1:
                raise QueryError(
                    f"the column {name!r} appears {count} times in {where}",
                    argument=field,
                    accepted="a column that appears once",
                )
            if count:
                used[field] = name
            elif field == "text" or not isinstance(name, DefaultColumn):
                raise QueryError(
                    f"no column {name!r} in {where}",
                    argument=field,
                    accepted=_columns(available, optional=field != "text"),
                )
        return used


def _columns(available: Sequence[Any], *, optional: bool) -> str:
    names = [repr(c) for c in available[:20]]
    if len(available) > 20:
        names.append(f"and {len(available) - 20} more")
    listed = "a column of the table: " + ", ".join(names) if names else "the table has no columns"
    return listed + ("; or None" if optional else "")


# -- values --------------------------------------------------------------------------


class _BadValueError(Exception):
    """A value that cannot be used, with the reason (becomes a ``RowError``)."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def _type(value: object) -> str:
    return type(value).__name__


def _shown(value: str) -> str:
    """A value quoted for a message, cut to ``_SHOWN`` characters."""
    if len(value) > _SHOWN:
        return repr(value[: _SHOWN - 1] + "…")
    return repr(value)


def _missing(value: object) -> bool:
    """``None``, NaN, pandas ``NA`` and ``NaT``, numpy ``NaT``: no value."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    name = type(value).__name__
    if name in ("NAType", "NaTType"):
        return True
    return name == "datetime64" and str(value) == "NaT"


def _text(value: object) -> str:
    if _missing(value):
        raise _BadValueError("no text", "text")
    if not isinstance(value, str):
        raise _BadValueError(f"the text must be a str, not {_type(value)}", "text")
    if not value.strip():
        raise _BadValueError("the text is empty" if not value else "the text is blank", "text")
    return value


def _optional_str(value: object, field: str, what: str) -> str | None:
    if _missing(value):
        return None
    if not isinstance(value, str):
        raise _BadValueError(f"{what} must be a str, not {_type(value)}", field)
    return value if value.strip() else None


def _given_id(value: object) -> str:
    if _missing(value):
        raise _BadValueError("no id", "id")
    if isinstance(value, str):
        if not value.strip():
            raise _BadValueError("the id is empty" if not value else "the id is blank", "id")
        return value
    if isinstance(value, bool | float) or not hasattr(value, "__index__"):
        shown = repr(value) if isinstance(value, bool | float) else _type(value)
        raise _BadValueError(f"an id must be a str or a whole number, not {shown}", "id")
    return str(value.__index__())


# -- dates ---------------------------------------------------------------------------

_TIME = (
    r"(?:[ T,]+\d{1,2}[:h]\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?"
    r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5}))?)?"
)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})([/.\-\s])(\d{1,2})\2(\d{4}|\d{2})" + _TIME)
_YEAR_MONTH_DAY = re.compile(r"(\d{4})([/.\-\s])(\d{1,2})\2(\d{1,2})" + _TIME)
_MONTH_WORDS = frozenset(
    (
        *("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov"),
        *("dec", "january", "february", "march", "april", "june", "july", "august"),
        *("september", "october", "november", "december"),
    )
)
_WORD = re.compile(r"[^\W\d_]+")
_DEFAULTS = (datetime.datetime(2000, 1, 1), datetime.datetime(2001, 12, 28))
"""Two defaults for ``dateutil``: a date read the same with both names its day, month and year."""

Order: TypeAlias = 'Literal["dmy", "mdy"] | None'


def _date(value: object, order: Order, outlet: str | None) -> datetime.date | None:
    """The date a cell holds; ``order`` reads an ambiguous numeric date (the outlet's)."""
    if _missing(value):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if type(value).__name__ == "datetime64":  # numpy, without importing it
        day = value.astype("datetime64[D]").item()  # type: ignore[attr-defined]
        if isinstance(day, datetime.date):
            return day
        raise _BadValueError(
            f"the date {value!s} is outside the calendar (years 1 to 9999)", "date"
        )
    if not isinstance(value, str):
        raise _BadValueError(
            f"a date must be a date, a datetime or a str, not {_type(value)}", "date"
        )
    text = value.strip()
    if not text:
        return None
    if len(text) > _MAX_DATE:
        raise _BadValueError(f"unreadable date {_shown(text)}: too long", "date")
    return _read_date(text, order, outlet)


def _read_date(text: str, order: Order, outlet: str | None) -> datetime.date:
    with contextlib.suppress(ValueError):
        return datetime.date.fromisoformat(text)
    with contextlib.suppress(ValueError):
        return datetime.datetime.fromisoformat(text).date()
    if match := _YEAR_MONTH_DAY.fullmatch(text):
        found = safe_date(int(match[1]), int(match[3]), int(match[4]))
        if found is None:
            raise _BadValueError(f"unreadable date {_shown(text)}", "date")
        return found
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        if len(match[4]) == 2:
            raise _BadValueError(
                f"unreadable date {_shown(text)}: a two-digit year; write the year in full",
                "date",
            )
        first, second, year = int(match[1]), int(match[3]), int(match[4])
        return _numeric(
            text, safe_date(year, second, first), safe_date(year, first, second), order, outlet
        )
    return _written(text, order, outlet)


def _numeric(
    text: str,
    day_first: datetime.date | None,
    month_first: datetime.date | None,
    order: Order,
    outlet: str | None,
) -> datetime.date:
    """The date of a numeric form: the only reading, or the outlet's ``date_order``."""
    if day_first is None and month_first is None:
        raise _BadValueError(f"unreadable date {_shown(text)}", "date")
    if day_first is None or month_first is None or day_first == month_first:
        found = day_first or month_first
        assert found is not None  # noqa: S101 - one of them is a date
        return found
    if order == "dmy":
        return day_first
    if order == "mdy":
        return month_first
    if outlet is None:
        why = "the row names no outlet whose date_order decides"
    else:
        why = f"the outlet {outlet!r} has no date_order (or is not in the vocabulary)"
    raise _BadValueError(
        f"ambiguous date {_shown(text)} ({_day(day_first)} or {_day(month_first)}): {why};"
        f" write it as {day_first.isoformat()} or {month_first.isoformat()}",
        "date",
    )


def _day(day: datetime.date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def _written(text: str, order: Order, outlet: str | None) -> datetime.date:
    """A written date ("10 March 2025", "Mon, 10 Mar 2025 08:00 +0700"), through dateutil."""
    from dateutil import parser  # noqa: PLC0415 - slow to import, rarely needed

    def parse() -> tuple[datetime.date, datetime.date] | None:
        found = []
        for default in _DEFAULTS:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # unknown time zones: only the date counts
                    found.append(parser.parse(text, default=default, ignoretz=True))
            except (ValueError, OverflowError, TypeError, LookupError):
                break
        if not found:
            return None
        if len(found) < 2:
            raise _BadValueError(
                f"not a full date: {_shown(text)} (day, month and year needed)", "date"
            )
        return found[0].date(), found[1].date()

    dates = parse()
    if dates is None:
        raise _BadValueError(f"unreadable date {_shown(text)}", "date")
    first, again = dates
    if first != again:
        raise _BadValueError(
            f"not a full date: {_shown(text)} (day, month and year needed)", "date"
        )
    if str(first.year) not in text:  # dateutil's guess of a century: "10 March 25"
        raise _BadValueError(
            f"unreadable date {_shown(text)}: a two-digit year; write the year in full", "date"
        )
    words = {w.lower().rstrip(".") for w in _WORD.findall(text)}
    if words & _MONTH_WORDS or first.day > 12 or first.day == first.month:
        return first
    # The month came from a number and could have been the day: read as the outlet writes.
    other = safe_date(first.year, first.day, first.month)
    day_first, month_first = (other, first)  # dateutil reads month first by default
    return _numeric(text, day_first, month_first, order, outlet)


# -- rows into jobs ------------------------------------------------------------------


class _Checker:
    """Turns rows into jobs for the parser: values checked, ids given, duplicates found."""

    def __init__(
        self,
        used: Mapping[str, str] | None,
        *,
        id_column: bool,
        vocabulary: Vocabulary | None,
        errors: Errors,
        skipped: list[RowError] | None,
        seen: _Seen,
        path: str | None,
    ) -> None:
        self.used = used
        self.id_column = id_column
        self.vocabulary = vocabulary
        self.errors = errors
        self.skipped = skipped
        self.seen = seen
        self.path = path
        self._orders: dict[str, Order] = {}

    def refuse(self, error: RowError) -> None:
        if self.errors == "strict":
            raise error
        if self.skipped is not None:
            self.skipped.append(error)

    def order(self, outlet: str | None) -> Order:
        if outlet is None:
            return None
        if outlet not in self._orders:
            if self.vocabulary is None:
                self.vocabulary = Vocabulary.default()
            known = self.vocabulary.outlet(outlet)
            self._orders[outlet] = None if known is None else known.date_order
        return self._orders[outlet]

    def jobs(self, rows: Iterable[_Raw]) -> Iterator[Job]:
        for raw in rows:
            if isinstance(raw, RowError):
                self.refuse(raw)
                continue
            number, line, values = raw
            try:
                job = self.job(values)
            except _BadValueError as bad:
                column = None if self.used is None else self.used.get(bad.field)
                self.refuse(
                    RowError(bad.message, row=number, column=column, path=self.path, line=line)
                )
                continue
            if self.duplicate(job, number, line):
                continue
            yield job

    def job(self, values: Mapping[str, object]) -> Job:
        text = _text(values.get("text"))
        outlet = _optional_str(values.get("outlet"), "outlet", "an outlet name")
        url = _optional_str(values.get("url"), "url", "a URL")
        date = _date(values.get("date"), self.order(outlet), outlet)
        given = _given_id(values.get("id")) if self.id_column else article_id(text, url)
        return text, given, outlet, date, url

    def duplicate(self, job: Job, number: int, line: int | None) -> bool:
        """Whether the job's id was given before; strict: raise, skip: record."""
        given = job[1]
        how = "id" if self.id_column else "url" if job[4] is not None else "text"
        before = self.seen.get(given)
        if before is None:
            self.seen[given] = (self.path, number, line, how)
            return False
        path, row, first_line, _ = before
        other = _row_place(path if path != self.path else None, row, first_line)
        if how == "id":
            message = f"the id {given!r} is also that of {other}"
        elif how == "url":
            message = f"the same URL as {other} (both get the id {given!r})"
        else:
            message = f"the same text as {other}, and no URL (both get the id {given!r})"
        column = None if self.used is None else self.used.get(how)
        error = RowError(message, row=number, column=column, path=self.path, line=line)
        if self.errors == "strict":
            raise DuplicateArticleError(str(error), article_id=given)
        if self.skipped is not None:
            self.skipped.append(error)
        return True


def _articles(
    rows: Iterator[_Raw],
    columns: Columns,
    resolved: list[dict[str, str]],
    *,
    path: str | None,
    workers: int | None,
    vocabulary: Vocabulary | None,
    errors: Errors,
    skipped: list[RowError] | None,
    seen: _Seen | None,
) -> Iterator[Article]:
    """Parse checked rows; ``resolved`` receives the columns in use once a source knows them."""
    checker = _Checker(
        None,
        id_column=columns.id is not None,
        vocabulary=vocabulary,
        errors=errors,
        skipped=skipped,
        seen={} if seen is None else seen,
        path=path,
    )

    def located() -> Iterator[_Raw]:
        for raw in rows:
            if checker.used is None and resolved:
                checker.used = resolved[0]
            yield raw

    def jobs() -> Iterator[Job]:
        try:
            yield from checker.jobs(located())
        finally:  # the source's file is closed now, not when the generators are collected
            close = getattr(rows, "close", None)
            if close is not None:
                close()

    return parse_jobs(jobs(), workers=workers, vocabulary=vocabulary)


def _check_options(workers: int | None, errors: str) -> None:
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if errors not in ("strict", "skip"):
        raise ValueError(f"errors must be 'strict' or 'skip', not {errors!r}")


# -- rows in memory ------------------------------------------------------------------


def iter_records(
    rows: object,
    columns: Columns,
    *,
    workers: int | None = None,
    vocabulary: Vocabulary | None = None,
    errors: Errors = "strict",
    skipped: list[RowError] | None = None,
) -> Iterator[Article]:
    """The articles of rows in memory, in row order (see ``Corpus.from_records``).

    A DataFrame's columns are checked at once; rows of mappings are checked
    against the first row, as the rows are consumed.
    """
    _check_options(workers, errors)
    resolved: list[dict[str, str]] = []
    source = _frame_rows(rows, columns, resolved)
    if source is None:
        source = _mapping_rows(rows, columns, resolved)
    return _articles(
        source,
        columns,
        resolved,
        path=None,
        workers=workers,
        vocabulary=vocabulary,
        errors=errors,
        skipped=skipped,
        seen=None,
    )


def _frame_rows(
    frame: object, columns: Columns, resolved: list[dict[str, str]]
) -> Iterator[_Raw] | None:
    """The rows of a pandas or polars DataFrame or a pyarrow Table, or ``None`` for other rows."""
    library = type(frame).__module__.partition(".")[0]
    column: Any
    if library == "pandas" and hasattr(frame, "iloc") and hasattr(frame, "columns"):
        names = list(frame.columns)
        what = "the DataFrame"

        def column(name: str) -> list[Any]:
            return frame[name].tolist()  # type: ignore[index,no-any-return]

    elif library == "polars" and hasattr(frame, "get_column") and hasattr(frame, "columns"):
        names = list(frame.columns)
        what = "the DataFrame"

        def column(name: str) -> list[Any]:
            return frame.get_column(name).to_list()  # type: ignore[no-any-return]

    elif library == "pyarrow" and hasattr(frame, "column_names") and hasattr(frame, "column"):
        names = list(frame.column_names)
        what = "the table"

        def column(name: str) -> list[Any]:
            return frame.column(name).to_pylist()  # type: ignore[no-any-return]

    elif library == "polars" and hasattr(frame, "collect"):
        raise TypeError("from_records() needs a polars DataFrame: collect() the LazyFrame first")
    else:
        return None
    used = columns.resolve(names, what)
    resolved.append(used)
    values = {field: column(name) for field, name in used.items()}
    return _numbered(values)


def _numbered(values: Mapping[str, list[Any]], first: int = 1) -> Iterator[_Raw]:
    fields = list(values)
    for number, row in enumerate(zip(*values.values(), strict=True), start=first):
        yield number, None, dict(zip(fields, row, strict=True))


def _mapping_rows(rows: object, columns: Columns, resolved: list[dict[str, str]]) -> Iterator[_Raw]:
    if isinstance(rows, str | bytes | bytearray | Mapping) or not isinstance(rows, Iterable):
        hint = " (a dict of columns? make it a DataFrame, or a list of dicts)"
        raise TypeError(
            "from_records() needs rows: an iterable of mappings or a DataFrame,"
            f" not {_type(rows)}" + (hint if isinstance(rows, Mapping) else "")
        )
    return _mappings(rows, columns, resolved)


def _mappings(
    rows: Iterable[object], columns: Columns, resolved: list[dict[str, str]]
) -> Iterator[_Raw]:
    used: dict[str, str] | None = None
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping):
            yield RowError(f"a row must be a mapping (a dict), not {_type(row)}", row=number)
            continue
        if used is None:
            used = columns.resolve(list(row.keys()), "the first row")
            resolved.append(used)
        yield number, None, {field: row.get(name) for field, name in used.items()}


# -- files ---------------------------------------------------------------------------


def table_format(path: str | os.PathLike[str], format: str | None = None) -> str:
    """The format of a table file: ``format`` if given, else by its suffix.

    Returns:
        ``"csv"``, ``"tsv"``, ``"jsonl"`` or ``"parquet"``.

    Raises:
        QueryError: If ``format`` is not one of them, or it is not given and
            the suffix is none of ``.csv``, ``.tsv``, ``.jsonl``, ``.ndjson``,
            ``.parquet``.
    """
    accepted = "'csv', 'tsv', 'jsonl' (or 'ndjson') or 'parquet'"
    if format is not None:
        if not isinstance(format, str) or format.lower() not in _FORMAT_NAMES:
            raise QueryError(
                f"unknown table format {format!r}", argument="format", accepted=accepted
            )
        return _FORMAT_NAMES[format.lower()]
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix not in FORMATS:
        raise QueryError(
            f"cannot tell the format of {os.fspath(path)} from its suffix {suffix!r}; give format=",
            argument="format",
            accepted=accepted,
        )
    return FORMATS[suffix]


def iter_table(
    path: str | os.PathLike[str],
    columns: Columns,
    *,
    format: str | None = None,
    workers: int | None = None,
    vocabulary: Vocabulary | None = None,
    errors: Errors = "strict",
    skipped: list[RowError] | None = None,
    seen: _Seen | None = None,
) -> Iterator[Article]:
    """The articles of a table file, in row order (see ``Corpus.from_table``).

    The format and the file are checked at once (it must be a regular file
    that opens; its header or schema has the columns in use); rows are read
    as the iterator is consumed.  ``seen`` carries the ids across files (the
    command line ingests several), so a duplicate names the other file.
    """
    _check_options(workers, errors)
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"from_table() needs a path as a str or os.PathLike, not {_type(path)}")
    kind = table_format(path, format)
    name = os.fspath(path)
    resolved: list[dict[str, str]] = []
    if kind == "parquet":
        source = _parquet_rows(name, columns, resolved)
    else:
        handle = open_regular(name)
        try:
            if kind == "jsonl":
                source = _jsonl_rows(handle, name, columns, resolved)
            else:
                reader = _CsvReader(handle, name, "excel-tab" if kind == "tsv" else "excel")
                used = columns.resolve(reader.header, name)
                resolved.append(used)
                source = reader.rows(used)
        except BaseException:
            handle.close()
            raise
    return _articles(
        source,
        columns,
        resolved,
        path=name,
        workers=workers,
        vocabulary=vocabulary,
        errors=errors,
        skipped=skipped,
        seen=seen,
    )


@contextlib.contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    """``csv.field_size_limit`` raised to ``limit`` (a process-wide setting) for one read."""
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, limit))
    try:
        yield
    finally:
        csv.field_size_limit(old)


class _CsvReader:
    """A CSV or TSV file read record by record, each with the line it starts on.

    Lines are decoded one by one, so a byte that is not UTF-8 is a bad row
    (naming its line and column), not a failed file; a byte-order mark is
    skipped.  A field longer than 64 MiB or a line longer than 256 MiB is a
    bad row too, read past in bounded pieces.
    """

    def __init__(self, handle: Any, path: str, dialect: str) -> None:
        self.handle = handle
        self.path = path
        self.bad: dict[int, str] = {}
        self.reader = csv.reader(self._lines(), dialect, strict=True)
        self.header_line = 0
        header = self._next_record()
        if header is None:
            raise CorpusFormatError("the file is empty: no header row", path=path)
        start, record = header
        if isinstance(record, RowError):
            raise CorpusFormatError(f"the header row: {record.args[0]}", path=path, line=start)
        self.header: list[str] = record
        self.header_line = start

    def _lines(self) -> Iterator[str]:
        for number, line in capped_lines(self.handle, path=self.path):
            if isinstance(line, CorpusFormatError):
                self.bad[number] = str(line.args[0])
                yield "\n"
                continue
            data = line.removeprefix(codecs.BOM_UTF8) if number == 1 else line
            try:
                yield data.decode("utf-8")
            except UnicodeDecodeError as exc:
                self.bad[number] = (
                    f"not valid UTF-8: {exc.reason} (byte {exc.start + 1} of the line)"
                )
                yield data.decode("utf-8", "surrogateescape")

    def _next_record(self) -> tuple[int, list[str] | RowError] | None:
        """The next record that is not a blank line, and its first line; ``None`` at the end."""
        while True:
            start = self.reader.line_num + 1
            try:
                with _field_limit(MAX_ARTICLE_BYTES):
                    record = next(self.reader)
            except StopIteration:
                return None
            except csv.Error as exc:
                return start, RowError(_csv_message(str(exc)), row=0, line=start)
            bad = [self.bad.pop(n) for n in range(start, self.reader.line_num + 1) if n in self.bad]
            if bad:
                return start, RowError(bad[0], row=0, line=start)
            if record:
                return start, record

    def rows(self, used: Mapping[str, str]) -> Iterator[_Raw]:
        positions = {field: self.header.index(name) for field, name in used.items()}
        width = len(self.header)
        number = 0
        try:
            while (found := self._next_record()) is not None:
                number += 1
                start, record = found
                if isinstance(record, RowError):
                    yield RowError(record.args[0], row=number, path=self.path, line=start)
                elif len(record) != width:
                    yield RowError(
                        f"the row has {len(record)} field{'s' * (len(record) != 1)},"
                        f" the header {width}",
                        row=number,
                        path=self.path,
                        line=start,
                    )
                else:
                    yield number, start, {f: record[i] for f, i in positions.items()}
        finally:
            self.handle.close()


def _csv_message(message: str) -> str:
    if message == "unexpected end of data":
        return "a quoted field is not closed before the end of the file"
    if message.startswith("field larger than field limit"):
        return f"a field is longer than {MAX_ARTICLE_BYTES:,} characters: not read"
    return f"not valid CSV: {message}"


def _jsonl_rows(
    handle: Any, path: str, columns: Columns, resolved: list[dict[str, str]]
) -> Iterator[_Raw]:
    used: dict[str, str] | None = None
    number = 0
    try:
        for line_number, line in capped_lines(handle, path=path):
            if isinstance(line, CorpusFormatError):
                number += 1
                yield RowError(str(line.args[0]), row=number, path=path, line=line_number)
                continue
            data = line.removeprefix(codecs.BOM_UTF8) if line_number == 1 else line
            if not data.strip():
                continue
            number += 1
            try:
                record = json.loads(data.rstrip(b"\r\n"))
            except UnicodeDecodeError as exc:
                message = f"not valid UTF-8: {exc.reason} (byte {exc.start + 1} of the line)"
                yield RowError(message, row=number, path=path, line=line_number)
                continue
            except json.JSONDecodeError as exc:
                message = f"not valid JSON: {exc.msg} (column {exc.colno})"
                yield RowError(message, row=number, path=path, line=line_number)
                continue
            except (ValueError, RecursionError) as exc:
                message = f"not valid JSON: {_json_message(exc)}"
                yield RowError(message, row=number, path=path, line=line_number)
                continue
            if not isinstance(record, dict):
                message = f"a line must hold a JSON object, not {_json_kind(record)}"
                yield RowError(message, row=number, path=path, line=line_number)
                continue
            if used is None:
                used = columns.resolve(
                    list(record), f"{path} (its first object, line {line_number})"
                )
                resolved.append(used)
            yield number, line_number, {field: record.get(name) for field, name in used.items()}
    finally:
        handle.close()


def _json_message(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc).split(";")[0] or type(exc).__name__


def _json_kind(value: object) -> str:
    kinds = {list: "an array", str: "a string", bool: "true or false", type(None): "null"}
    return kinds.get(type(value), "a number")


def _parquet_rows(path: str, columns: Columns, resolved: list[dict[str, str]]) -> Iterator[_Raw]:
    """The rows of a Parquet file, read in record batches of the columns in use only."""
    parquet = require("pyarrow.parquet", "arrow", feature="from_table")
    arrow = require("pyarrow", "arrow", feature="from_table")
    failures = (arrow.ArrowException, ValueError, OSError)
    handle = open_regular(path)
    try:
        try:
            file = parquet.ParquetFile(handle)
            names = list(file.schema_arrow.names)
        except failures as exc:
            raise CorpusFormatError(
                f"not a readable Parquet file: {_arrow_message(exc)}", path=path
            ) from exc
        used = columns.resolve(names, path)
        resolved.append(used)
    except BaseException:
        handle.close()
        raise
    return _parquet_batches(handle, file, used, path, failures)


def _parquet_batches(
    handle: Any,
    file: Any,
    used: dict[str, str],
    path: str,
    failures: tuple[type[BaseException], ...],
) -> Iterator[_Raw]:
    wanted = list(dict.fromkeys(used.values()))
    first = 1
    try:
        batches = file.iter_batches(batch_size=_BATCH, columns=wanted, use_threads=False)
        while True:
            try:
                batch = next(batches, None)
            except failures as exc:
                raise CorpusFormatError(
                    f"cannot read rows {first:,} on: {_arrow_message(exc)}", path=path
                ) from exc
            if batch is None:
                return
            values = {field: batch.column(name).to_pylist() for field, name in used.items()}
            yield from _numbered(values, first)
            first += batch.num_rows
    finally:
        handle.close()


def _arrow_message(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:199] + "…"
