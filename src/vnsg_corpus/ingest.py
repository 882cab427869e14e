"""Bulk ingest: read and parse many article files, in parallel, in a stable order.

[`iter_articles`][vnsg_corpus.ingest.iter_articles] streams articles from
files, folders and globs; with ``workers`` greater than one it parses them in
worker processes and still yields them in the order of the paths, so the
result is identical to parsing them one by one.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from vnsg_corpus.errors import ReadError
from vnsg_corpus.model import Article
from vnsg_corpus.parsing._article import read_article
from vnsg_corpus.vocabulary import Vocabulary

__all__ = ["expand_paths", "iter_articles"]

_GLOB_CHARS = frozenset("*?[")
_MIN_FILES_PER_WORKER = 16
"""Below this many files per worker, start-up costs more than it saves: parse serially."""
_CHUNK = 32


def expand_paths(paths: Iterable[str | os.PathLike[str]], pattern: str = "*.txt") -> list[Path]:
    """Expand files, folders (recursively, sorted) and glob patterns into files.

    Args:
        paths: Files, folders or glob patterns, in the order wanted.
        pattern: File name pattern used inside folders.

    Returns:
        The files, in order.

    Raises:
        ReadError: If a path does not exist or a glob matches no file.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob(pattern) if p.is_file()))
        elif path.exists():
            files.append(path)
        elif _GLOB_CHARS & set(os.fspath(raw)):
            matches = sorted(glob.glob(os.fspath(raw), recursive=True))
            if not matches:
                raise ReadError("the glob pattern matches no file", path=os.fspath(raw))
            files.extend(Path(m) for m in matches if Path(m).is_file())
        else:
            raise ReadError("no such file or directory", path=os.fspath(raw))
    return files


def iter_articles(
    *paths: str | os.PathLike[str],
    pattern: str = "*.txt",
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    vocabulary: Vocabulary | None = None,
) -> Iterator[Article]:
    """Read and parse article files, yielding articles in path order.

    Args:
        *paths: Files, folders or glob patterns.
        pattern: File name pattern used inside folders.
        workers: Worker processes for parsing; ``None`` means one per CPU core,
            ``1`` parses in this process. Small inputs (fewer than 16 files per
            worker) are parsed in this process whatever the setting.
        progress: Called as ``progress(done, total)`` after each article.
        vocabulary: The words to read with; the shipped ones by default.  It
            is sent to each worker process once.

    Yields:
        The articles, in the order of the expanded paths.

    Raises:
        ReadError: If a path is missing or a file cannot be read or decoded.
        ValueError: If ``workers`` is less than 1.
    """
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    files = expand_paths(paths, pattern)
    total = len(files)
    count = workers if workers is not None else (os.cpu_count() or 1)
    count = min(count, total // _MIN_FILES_PER_WORKER)
    if count <= 1:
        results: Iterable[Article] = (read_article(f, vocabulary=vocabulary) for f in files)
        for done, article in enumerate(results, start=1):
            if progress is not None:
                progress(done, total)
            yield article
        return
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - only for many files

    with ProcessPoolExecutor(
        max_workers=count, initializer=_use_vocabulary, initargs=(vocabulary,)
    ) as pool:
        for done, article in enumerate(pool.map(_read, files, chunksize=_CHUNK), start=1):
            if progress is not None:
                progress(done, total)
            yield article


_WORKER_VOCABULARY: Vocabulary | None = None
"""The vocabulary of this worker process (set once, when the worker starts)."""


def _use_vocabulary(vocabulary: Vocabulary | None) -> None:
    global _WORKER_VOCABULARY  # noqa: PLW0603 - one value per worker process, set once
    _WORKER_VOCABULARY = vocabulary


def _read(path: Path) -> Article:
    return read_article(path, vocabulary=_WORKER_VOCABULARY)
