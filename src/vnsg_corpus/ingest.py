"""Bulk ingest: read and parse many article files, in parallel, in a stable order.

[`iter_articles`][vnsg_corpus.ingest.iter_articles] streams articles from
files, folders and globs; with ``workers`` greater than one it parses them in
worker processes and still yields them in the order of the paths, so the
result is identical to parsing them one by one.
"""

from __future__ import annotations

import datetime
import glob
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from vnsg_corpus._files import os_message
from vnsg_corpus.errors import ReadError, warn
from vnsg_corpus.model import Article
from vnsg_corpus.parsing._article import parse_article, read_article
from vnsg_corpus.vocabulary import Vocabulary

if TYPE_CHECKING:
    from concurrent.futures import Future

    from vnsg_corpus.serialize import Errors

__all__ = ["expand_paths", "iter_articles"]

_PathArgument: TypeAlias = "str | os.PathLike[str] | Iterable[str | os.PathLike[str]]"

_GLOB_CHARS = frozenset("*?[")
_MIN_FILES_PER_WORKER = 16
"""Below this many files per worker, start-up costs more than it saves: parse serially."""
_CHUNK = 32
_WINDOW = 16
"""Chunks of texts in flight per worker: enough to keep each busy while this process waits
for the processor on a loaded machine (about 500 news articles, 1.5 MB, a second or two of
parsing each), few enough to bound memory."""

Job: TypeAlias = "tuple[str, str, str | None, datetime.date | None, str | None]"
"""A text to parse: ``(text, id, outlet, date, url)``, as ``parse_article`` takes them."""


def flatten_paths(paths: Iterable[_PathArgument], caller: str) -> list[str | os.PathLike[str]]:
    """The paths given one by one or as iterables (lists, tuples, generators) of paths."""
    flat: list[str | os.PathLike[str]] = []
    for item in paths:
        if isinstance(item, str | os.PathLike):
            flat.append(item)
        elif isinstance(item, Iterable) and not isinstance(item, bytes | bytearray | memoryview):
            for inner in item:
                if not isinstance(inner, str | os.PathLike):
                    raise TypeError(
                        f"{caller}() needs paths as str or os.PathLike, not {type(inner).__name__}"
                    )
                flat.append(inner)
        else:
            raise TypeError(
                f"{caller}() needs paths as str or os.PathLike, or an iterable of them,"
                f" not {type(item).__name__}"
            )
    return flat


def expand_paths(paths: Iterable[str | os.PathLike[str]], pattern: str = "*.txt") -> list[Path]:
    """Expand files, folders (recursively, sorted) and glob patterns into files.

    Only regular files are taken from folders and globs; a path named
    explicitly is returned as it is, and reading it refuses anything but a
    regular file.

    Args:
        paths: Files, folders or glob patterns, in the order wanted.
        pattern: File name pattern used inside folders.

    Returns:
        The files, in order.

    Raises:
        ReadError: If a path does not exist or holds a NUL character, or a
            glob matches no file.

    Warns:
        VnsgCorpusWarning: For a folder that holds no file matching ``pattern``.
    """
    files: list[Path] = []
    for raw in paths:
        name = os.fspath(raw)
        if "\0" in name:
            raise ReadError(
                "the path contains a NUL character, which no file name can hold", path=name
            )
        path = Path(raw)
        try:
            path.stat()
        except FileNotFoundError:
            exists = False
        except OSError as exc:
            raise ReadError(os_message(exc), path=name) from exc
        else:
            exists = True
        if exists and path.is_dir():
            found = sorted(p for p in path.rglob(pattern) if p.is_file())
            if not found:
                warn(f"{name}: the folder holds no file matching {pattern!r}")
            files.extend(found)
        elif exists:
            files.append(path)
        elif _GLOB_CHARS & set(name):
            matches = [Path(m) for m in sorted(glob.glob(name, recursive=True))]
            matches = [m for m in matches if m.is_file()]
            if not matches:
                raise ReadError("the glob pattern matches no file", path=name)
            files.extend(matches)
        else:
            raise ReadError("no such file or directory", path=name)
    return files


def iter_articles(
    *paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    pattern: str = "*.txt",
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    vocabulary: Vocabulary | None = None,
    errors: Errors = "strict",
    skipped: list[ReadError] | None = None,
) -> Iterator[Article]:
    """Read and parse article files, in path order.

    Files named ``*.html`` or ``*.htm`` are saved web pages, read by
    [`read_html`][vnsg_corpus.read_html] (in the worker processes too).

    Args:
        *paths: Files, folders or glob patterns, or iterables of them
            (``iter_articles(["a.txt", "b.txt"])``).
        pattern: File name pattern used inside folders.
        workers: Worker processes for parsing; ``None`` means one per CPU core,
            ``1`` parses in this process. Small inputs (fewer than 16 files per
            worker) are parsed in this process whatever the setting.
        progress: Called as ``progress(done, total)`` after each file.
        vocabulary: The words to read with; the shipped ones by default.  It
            is sent to each worker process once.
        errors: ``"strict"`` (default) raises on the first file that cannot
            be read or decoded; ``"skip"`` skips such files and appends their
            errors to ``skipped``, in path order.  A path that names nothing
            raises either way.
        skipped: Where the errors of skipped files go with ``errors="skip"``.

    Returns:
        An iterator of the articles, in the order of the expanded paths.
        Paths are checked and expanded at once; files are read and parsed
        as the iterator is consumed.

    Raises:
        ReadError: If a path is missing, or (with ``errors="strict"``, while
            iterating) a file cannot be read or decoded, is not a regular file
            or is larger than 64 MiB; the error names the file, also when it
            was read in a worker process.  A web page with no main text is
            such a file.
        MissingExtraError: If a web page is to be read and trafilatura is not
            installed (never skipped).
        ValueError: If ``workers`` is less than 1 or ``errors`` is neither
            ``"strict"`` nor ``"skip"``.
        TypeError: If a path is not a ``str`` or ``os.PathLike``.

    Warns:
        VnsgCorpusWarning: For a folder that holds no file matching ``pattern``.
    """
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if errors not in ("strict", "skip"):
        raise ValueError(f"errors must be 'strict' or 'skip', not {errors!r}")
    files = expand_paths(flatten_paths(paths, "iter_articles"), pattern)
    count = workers if workers is not None else (os.cpu_count() or 1)
    count = min(count, len(files) // _MIN_FILES_PER_WORKER)
    return _articles(
        files,
        workers=count,
        vocabulary=vocabulary,
        progress=progress,
        errors=errors,
        skipped=skipped,
    )


def _articles(
    files: list[Path],
    *,
    workers: int,
    vocabulary: Vocabulary | None,
    progress: Callable[[int, int], None] | None,
    errors: Errors,
    skipped: list[ReadError] | None,
) -> Iterator[Article]:
    """Read and parse ``files`` in this process or in ``workers`` processes, in order."""
    if workers <= 1:
        results: Iterable[Article | ReadError] = (_read_or_error(f, vocabulary) for f in files)
        yield from _deliver(results, len(files), progress, errors, skipped)
        return
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - only for many files

    from vnsg_corpus._compact import unpack  # noqa: PLC0415 - only for many files

    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=_use_vocabulary, initargs=(vocabulary,)
    )
    try:
        # Articles come back packed (see _compact): cheaper to send than pickled records.
        packed = pool.map(_read, files, chunksize=_CHUNK)
        results = (unpack(item) if isinstance(item, bytes) else item for item in packed)
        yield from _deliver(results, len(files), progress, errors, skipped)
    finally:  # on an error or an early stop, files not yet started are not parsed
        pool.shutdown(wait=True, cancel_futures=True)


def _deliver(
    results: Iterable[Article | ReadError],
    total: int,
    progress: Callable[[int, int], None] | None,
    errors: Errors,
    skipped: list[ReadError] | None,
) -> Iterator[Article]:
    """Yield the articles; raise, or skip and record, the files that could not be read."""
    for done, result in enumerate(results, start=1):
        if isinstance(result, ReadError):
            if errors == "strict":
                raise result
            if skipped is not None:
                skipped.append(result)
        if progress is not None:
            progress(done, total)
        if isinstance(result, Article):
            yield result


def _read_or_error(path: Path, vocabulary: Vocabulary | None) -> Article | ReadError:
    """The article of a file, or the error that says why it cannot be read."""
    try:
        return read_article(path, vocabulary=vocabulary)
    except ReadError as exc:
        return exc.with_traceback(None)


_WORKER_VOCABULARY: Vocabulary | None = None
"""The vocabulary of this worker process (set once, when the worker starts)."""


def _use_vocabulary(vocabulary: Vocabulary | None) -> None:
    global _WORKER_VOCABULARY  # noqa: PLW0603 - one value per worker process, set once
    _WORKER_VOCABULARY = vocabulary


def _read(path: Path) -> bytes | ReadError:
    """Read one file in a worker process: the article packed, or the ``ReadError`` (not raised)."""
    from vnsg_corpus._compact import pack  # noqa: PLC0415 - in worker processes only

    result = _read_or_error(path, _WORKER_VOCABULARY)
    return result if isinstance(result, ReadError) else pack(result)


# -- texts (rows of tables) ----------------------------------------------------------


def parse_jobs(
    jobs: Iterable[Job], *, workers: int | None, vocabulary: Vocabulary | None
) -> Iterator[Article]:
    """Parse texts with their metadata, in worker processes when there are many, in order.

    ``jobs`` is consumed lazily, at most a few chunks per worker ahead of the
    articles yielded, so a table read in batches stays bounded in memory; an
    error raised while producing the jobs (a bad row) propagates from here.
    With fewer than 16 jobs per worker they are parsed in this process, as
    files are by [`iter_articles`][vnsg_corpus.ingest.iter_articles].

    Args:
        jobs: ``(text, id, outlet, date, url)`` tuples, checked by the caller.
        workers: Worker processes; ``None`` means one per CPU core.
        vocabulary: The words to read with; sent to each worker once.

    Returns:
        The articles, in the order of ``jobs``.
    """
    wanted = workers if workers is not None else (os.cpu_count() or 1)
    stream = iter(jobs)
    first = list(itertools.islice(stream, wanted * _MIN_FILES_PER_WORKER))
    count = min(wanted, len(first) // _MIN_FILES_PER_WORKER)
    if count <= 1:
        for job in itertools.chain(first, stream):
            yield _parse_job(job, vocabulary)
        return
    yield from _parse_in_pool(itertools.chain(first, stream), count, vocabulary)


def _parse_job(job: Job, vocabulary: Vocabulary | None) -> Article:
    text, article_id, outlet, date, url = job
    return parse_article(
        text, id=article_id, outlet=outlet, date=date, url=url, vocabulary=vocabulary
    )


def _parse_in_pool(
    jobs: Iterator[Job], workers: int, vocabulary: Vocabulary | None
) -> Iterator[Article]:
    """Parse ``jobs`` in ``workers`` processes, chunk by chunk, a bounded window in flight."""
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - only for many texts

    from vnsg_corpus._compact import unpack  # noqa: PLC0415 - only for many texts

    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=_use_vocabulary, initargs=(vocabulary,)
    )
    pending: deque[Future[list[bytes]]] = deque()
    try:
        chunks = iter(lambda: list(itertools.islice(jobs, _CHUNK)), [])
        for chunk in chunks:
            pending.append(pool.submit(_parse_chunk, chunk))
            if len(pending) >= workers * _WINDOW:
                for packed in pending.popleft().result():
                    yield unpack(packed)
        while pending:
            for packed in pending.popleft().result():
                yield unpack(packed)
    finally:  # on an error or an early stop, chunks not yet started are not parsed
        pool.shutdown(wait=True, cancel_futures=True)


def _parse_chunk(jobs: list[Job]) -> list[bytes]:
    """Parse texts in a worker process: the articles packed (see ``_compact``)."""
    from vnsg_corpus._compact import pack  # noqa: PLC0415 - in worker processes only

    return [pack(_parse_job(job, _WORKER_VOCABULARY)) for job in jobs]
