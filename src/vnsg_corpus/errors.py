"""The library's exceptions: one base class, context kept in attributes.

Exception *types* are API; messages are not.  Every error raised while reading
files or corpora derives from [`VnsgCorpusError`][vnsg_corpus.VnsgCorpusError],
so ``except vnsg_corpus.VnsgCorpusError`` catches them all.  Every one of them
survives ``pickle`` (and ``copy``) with its attributes and its message, so an
error raised in a worker process (parallel ingest,
``concurrent.futures``, ``multiprocessing``) reaches the parent intact.

Warnings about input that is read but probably not what was meant (a folder
with no article file) are [`VnsgCorpusWarning`][vnsg_corpus.VnsgCorpusWarning]s.
"""

from __future__ import annotations

import os
import sys
import warnings
from typing import Any

__all__ = [
    "CorpusFormatError",
    "DuplicateArticleError",
    "MissingExtraError",
    "QueryError",
    "ReadError",
    "RowError",
    "SchemaVersionError",
    "UnencodableTextError",
    "VnsgCorpusError",
    "VnsgCorpusWarning",
    "VocabularyError",
    "WriteError",
]


class VnsgCorpusWarning(UserWarning):
    """Warning about input that was read but is probably not what was meant.

    Issued with ``warnings.warn``, for example when a folder
    given to [`Corpus.from_paths`][vnsg_corpus.Corpus.from_paths] holds no
    file that matches the pattern.  Turn it into an error with
    ``warnings.simplefilter("error", vnsg_corpus.VnsgCorpusWarning)``.
    """


class VnsgCorpusError(Exception):
    """Base class of every error this library raises on purpose.

    Errors pickle with all their attributes: they are rebuilt from their
    message and attribute values without calling ``__init__``, so subclasses
    with keyword-only arguments need no pickling code of their own.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_error, (type(self), self.args, dict(self.__dict__)))


class ReadError(VnsgCorpusError, OSError):
    """An article file could not be read or decoded.

    Attributes:
        path: The file concerned.
        offset: Byte offset of the first undecodable byte, for decoding errors.
    """

    def __init__(self, message: str, *, path: str, offset: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.offset = offset

    def __str__(self) -> str:
        where = self.path if self.offset is None else f"{self.path} (byte {self.offset})"
        return f"{where}: {self.args[0]}"


class WriteError(VnsgCorpusError, OSError):
    """A corpus could not be saved; the target file is left as it was.

    Raised for a target in a folder that does not exist, a target that is a
    folder or no regular file, a loop of symbolic links, and any failure of
    the operating system while writing (a full disk, no permission).  The
    ``OSError`` behind it, if any, is its ``__cause__``.

    Attributes:
        path: The target, as given to the save.
    """

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.args[0]}"


class CorpusFormatError(VnsgCorpusError, ValueError):
    """A corpus file is malformed.

    Attributes:
        path: The file concerned (``"<stream>"`` when reading from a stream).
        line: 1-based line number of the bad record, when known.
        field: JSON path of the bad field inside the record (``"$.figures[2].value"``),
            when known.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.field = field

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f", line {self.line}"
        if self.field is not None:
            where += f", field {self.field}"
        return f"{where}: {self.args[0]}"


class SchemaVersionError(CorpusFormatError):
    """A corpus record has a missing or unsupported ``schema_version``."""


class QueryError(VnsgCorpusError, ValueError):
    """A query argument, or a column argument of a table reader, was not understood.

    [`Corpus.from_records`][vnsg_corpus.Corpus.from_records] and
    [`Corpus.from_table`][vnsg_corpus.Corpus.from_table] raise it for a
    column named explicitly that the table does not have (``argument`` is
    the keyword: ``"date"``; ``accepted`` lists the table's columns).

    Attributes:
        argument: The name of the offending argument.
        accepted: A description of the accepted forms.
    """

    def __init__(self, message: str, *, argument: str, accepted: str) -> None:
        super().__init__(message)
        self.argument = argument
        self.accepted = accepted

    def __str__(self) -> str:
        return f"{self.argument}: {self.args[0]} (accepted: {self.accepted})"


class RowError(VnsgCorpusError, ValueError):
    """A row of a table cannot become an article: no text, an unreadable date, a bad id.

    Raised by [`Corpus.from_records`][vnsg_corpus.Corpus.from_records] and
    [`Corpus.from_table`][vnsg_corpus.Corpus.from_table] with
    ``errors="strict"``; with ``errors="skip"`` the row is left out and its
    error kept in [`Corpus.skipped_rows`][vnsg_corpus.Corpus].  The message
    names where the row is: ``news.csv, line 14 (row 13), column 'published':
    unreadable date '31/02/2024'``.

    Attributes:
        row: 1-based number of the data row (the header is not a row; in a
            file, blank lines are not rows either).
        column: The column whose value is bad, or ``None`` when the row as a
            whole is (a line that is not JSON, a record with too many fields).
        path: The file, for [`from_table`][vnsg_corpus.Corpus.from_table];
            ``None`` for rows given in memory.
        line: For CSV, TSV and JSON Lines files, the physical line the row
            starts on (1-based; a quoted field may span several lines).
    """

    def __init__(
        self,
        message: str,
        *,
        row: int,
        column: str | None = None,
        path: str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(message)
        self.row = row
        self.column = column
        self.path = path
        self.line = line

    @property
    def where(self) -> str:
        """Where the row is: ``"news.csv, line 14 (row 13), column 'published'"``."""
        where = _row_place(self.path, self.row, self.line)
        if self.column is not None:
            where += f", column {self.column!r}"
        return where

    def __str__(self) -> str:
        return f"{self.where}: {self.args[0]}"


def _row_place(path: str | None, row: int, line: int | None) -> str:
    """A row's place for messages: ``"news.csv, line 14 (row 13)"``, ``"row 13"``."""
    place = f"line {line} (row {row})" if line is not None else f"row {row}"
    return place if path is None else f"{path}, {place}"


class DuplicateArticleError(VnsgCorpusError, ValueError):
    """Two articles in one corpus share an id.

    Attributes:
        article_id: The id they share.
    """

    def __init__(self, message: str, *, article_id: str) -> None:
        super().__init__(message)
        self.article_id = article_id


class UnencodableTextError(VnsgCorpusError, ValueError):
    """An article holds text that JSON cannot store unchanged, so it is not saved.

    The one such text is a high surrogate followed at once by a low surrogate,
    each a code point of its own (U+D83D then U+DE00, as two characters): JSON
    writes them as the escape pair that means the single character U+1F600, so
    the text would come back one character shorter.  Lone surrogates are saved
    escaped and load again unchanged.  Nothing is written when this is raised.

    Attributes:
        article_id: The article concerned.
    """

    def __init__(self, message: str, *, article_id: str) -> None:
        super().__init__(message)
        self.article_id = article_id

    def __str__(self) -> str:
        return f"article {self.article_id!r}: {self.args[0]}"


class MissingExtraError(VnsgCorpusError, ImportError):
    """An optional feature needs a library that is not installed.

    The core install needs only ``attrs``, ``cattrs`` and ``python-dateutil``;
    DataFrames, Parquet, DuckDB, Dask and plots need the library of their
    *extra*, which the message names with the command that installs it:
    ``to_pandas needs pandas: pip install 'vnsg-corpus[pandas]'``.  As an
    ``ImportError`` it is caught by ``except ImportError`` too; the
    ``ImportError`` behind it is its ``__cause__``.

    Attributes:
        extra: The extra to install (``"pandas"``, ``"arrow"``, ``"duckdb"``...).
        module: The module that could not be imported (``"pyarrow"``).
    """

    def __init__(self, message: str, *, extra: str, module: str) -> None:
        super().__init__(message)
        self.extra = extra
        self.module = module

    @property
    def name(self) -> str:  # type: ignore[override]  # ImportError.name, read-only here
        """The module that could not be imported, as ``ImportError.name`` gives it."""
        return self.module

    def __str__(self) -> str:
        return str(self.args[0])


class VocabularyError(VnsgCorpusError, ValueError):
    """A vocabulary file or a vocabulary extension is malformed.

    Attributes:
        source: The data file (``"figures.json"``), or ``"extended()"`` for
            entries given to [`Vocabulary.extended`][vnsg_corpus.Vocabulary.extended].
        field: JSON path of the bad value (``"$.count_nouns.project.metric"``),
            when known.
    """

    def __init__(self, message: str, *, source: str, field: str | None = None) -> None:
        super().__init__(message)
        self.source = source
        self.field = field

    def __str__(self) -> str:
        where = self.source if self.field is None else f"{self.source}, {self.field}"
        return f"{where}: {self.args[0]}"


def warn(message: str) -> None:
    """Issue a [`VnsgCorpusWarning`][vnsg_corpus.VnsgCorpusWarning] at the caller's line.

    The warning points at the first frame outside this package, so that it
    names the line of the program that called the library.
    """
    frame = sys._getframe(1)  # the caller; warnings.warn counts frames the same way
    level = 2
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame = frame.f_back
        level += 1
    warnings.warn(message, VnsgCorpusWarning, stacklevel=level)


_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def _rebuild_error(
    cls: type[VnsgCorpusError], args: tuple[Any, ...], state: dict[str, Any]
) -> VnsgCorpusError:
    """Rebuild a pickled error: its arguments and its attributes, without ``__init__``."""
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


def _rebuild_vocabulary_error(message: str, source: str, field: str | None) -> VocabularyError:
    """Rebuild a ``VocabularyError`` pickled by vnsg_corpus 0.6.0 and earlier."""
    return VocabularyError(message, source=source, field=field)
