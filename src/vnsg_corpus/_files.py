"""Opening input files safely: regular files only, never blocking, bounded reads.

Only regular files are read.  A FIFO with no writer would block ``open`` for
ever, ``/dev/zero`` or ``/dev/urandom`` would be read until memory runs out, a
directory or a terminal is never an article: each is refused with a
[`ReadError`][vnsg_corpus.ReadError] before anything is read.  The type is
checked with ``stat`` before opening (so nothing with side effects on open is
opened), and again on the open descriptor, opened non-blocking, so a path
swapped in between cannot make ``open`` hang.

Every ``OSError`` becomes a ``ReadError`` naming the path, its message in the
library's style (lower case: ``"no such file or directory"``); a path holding a
NUL character, which no file can have, is a ``ReadError`` too.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from typing import BinaryIO

from vnsg_corpus.errors import CorpusFormatError, ReadError

__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_RECORD_BYTES",
    "capped_lines",
    "ensure_regular",
    "open_regular",
    "os_message",
    "read_capped",
]

MAX_ARTICLE_BYTES = 64 * 1024 * 1024
"""The largest article file read (64 MiB); a news article is a few kilobytes."""

MAX_RECORD_BYTES = 256 * 1024 * 1024
"""The longest JSON Lines record read (256 MiB): room for an article of 64 MiB and its facts."""

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)  # a terminal never becomes the controlling one
    | getattr(os, "O_BINARY", 0)
)

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def os_message(exc: OSError) -> str:
    """The message of an ``OSError`` in the library's style: ``"permission denied"``."""
    text = exc.strerror or str(exc) or type(exc).__name__
    return text[:1].lower() + text[1:]


def _check_name(name: str) -> None:
    if "\0" in name:
        raise ReadError("the path contains a NUL character, which no file name can hold", path=name)


def _check_kind(mode: int, name: str) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((label for test, label in _KINDS if test(mode)), "not a regular file")
    raise ReadError(f"not a regular file but {kind}; only regular files are read", path=name)


def _open(path: str | os.PathLike[str]) -> tuple[int, int]:
    """Open a regular file for reading: its descriptor and its size in bytes."""
    name = os.fspath(path)
    _check_name(name)
    try:
        mode = os.stat(name).st_mode
    except OSError as exc:
        raise ReadError(os_message(exc), path=name) from exc
    _check_kind(mode, name)  # before opening: opening a device can have effects
    try:
        fd = os.open(name, _OPEN_FLAGS)
    except OSError as exc:
        raise ReadError(os_message(exc), path=name) from exc
    try:
        info = os.fstat(fd)
        _check_kind(info.st_mode, name)  # the path may name something else by now
        if _OPEN_FLAGS & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
    except ReadError:
        os.close(fd)
        raise
    except OSError as exc:
        os.close(fd)
        raise ReadError(os_message(exc), path=name) from exc
    return fd, info.st_size


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a regular file for reading in binary mode (buffered).

    Raises:
        ReadError: If ``path`` is not a regular file or cannot be opened.
    """
    fd, _ = _open(path)
    return open(fd, "rb")


def capped_lines(
    handle: BinaryIO, *, path: str, limit: int = MAX_RECORD_BYTES
) -> Iterator[tuple[int, bytes | CorpusFormatError]]:
    """The numbered lines of a binary file, none longer than ``limit`` bytes.

    A longer line is read past in bounded pieces and yielded as a
    ``CorpusFormatError`` naming the file and the line, for the caller to raise
    or record: memory never grows beyond ``limit`` bytes, whatever the file.

    Raises:
        ReadError: If reading fails.
    """
    number = 0
    try:
        while line := handle.readline(limit + 1):
            number += 1
            if len(line) <= limit or line.endswith(b"\n"):  # at most limit bytes and "\n"
                yield number, line
                continue
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield (
                number,
                CorpusFormatError(
                    f"the line is longer than {limit:,} bytes: not read", path=path, line=number
                ),
            )
    except OSError as exc:
        if isinstance(exc, ReadError):
            raise
        raise ReadError(os_message(exc), path=path) from exc


def ensure_regular(path: str | os.PathLike[str]) -> None:
    """Check that ``path`` names a regular file this process can open for reading.

    Raises:
        ReadError: If it does not, naming the path and why.
    """
    fd, _ = _open(path)
    os.close(fd)


def read_capped(path: str | os.PathLike[str], limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Raises:
        ReadError: If ``path`` is not a regular file, cannot be read, or holds
            more than ``limit`` bytes (nothing beyond ``limit + 1`` is read).
    """
    name = os.fspath(path)
    fd, size = _open(name)
    too_large = ReadError(
        f"larger than {limit:,} bytes: not read (the limit guards against runaway inputs)",
        path=name,
    )
    if size > limit:
        os.close(fd)
        raise too_large
    parts: list[bytes] = []
    total = 0
    want = size + 1 if size else 1 << 16  # size + 1: the end of file shows in one read
    try:
        with open(fd, "rb", buffering=0) as handle:
            while chunk := handle.read(min(want, limit + 1 - total)):
                parts.append(chunk)
                total += len(chunk)
                if total > limit:  # the file grew, or reports no size (/proc)
                    raise too_large
                want = 1 << 20
    except ReadError:
        raise
    except OSError as exc:
        raise ReadError(os_message(exc), path=name) from exc
    return b"".join(parts)
