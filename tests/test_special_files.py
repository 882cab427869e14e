"""Files that are not files: FIFOs, devices, directories, NUL in a path, /proc.

Only regular files are read.  Anything else is a ``ReadError`` naming the path,
raised before the file is opened, so a FIFO without a writer cannot block and
``/dev/zero`` cannot fill the memory; a path holding NUL and an error while
reading (``/proc/self/mem``) are ``ReadError`` too.  This holds for
``read_article``, ``iter_articles``, ``Corpus.from_paths``, ``Corpus.load`` and
the command line's inputs.

A regression must fail, never hang the suite: the FIFO tests run with a
watchdog thread that opens the FIFO's writing end after a grace period (so a
blocked ``open`` returns and the test fails), and the ``/dev/zero`` tests run
in a subprocess with a memory limit and a timeout.
"""

import io
import json
import os
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from vnsg_corpus import Corpus, CorpusFormatError, ReadError, read_article
from vnsg_corpus._files import MAX_ARTICLE_BYTES, capped_lines, read_capped
from vnsg_corpus.cli import main
from vnsg_corpus.ingest import expand_paths, iter_articles

SRC = Path(__file__).resolve().parents[1] / "src"
POSIX = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")

Reader = Callable[[Any], object]

READERS: dict[str, Reader] = {
    "read_article": read_article,
    "iter_articles": lambda path: list(iter_articles(path)),
    "Corpus.from_paths": Corpus.from_paths,
    "Corpus.load": Corpus.load,
}


def _refused(read: Reader, path: object) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read(path)
    assert type(caught.value) is ReadError
    return caught.value


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    """A FIFO with no writer, named like an article; unblocked by a watchdog if opened."""
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    done = threading.Event()

    def watchdog() -> None:
        if done.wait(10):
            return
        while not done.is_set():  # someone is blocked opening it: be its writer
            try:
                fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: no reader yet
                time.sleep(0.05)
                continue
            os.close(fd)

    thread = threading.Thread(target=watchdog, daemon=True)
    thread.start()
    yield path
    done.set()
    thread.join()


# -- FIFOs ---------------------------------------------------------------------


@POSIX
@pytest.mark.parametrize("reader", READERS)
def test_fifo_without_writer_is_a_read_error(fifo: Path, reader: str) -> None:
    error = _refused(READERS[reader], fifo)
    assert error.path == str(fifo)
    assert str(error) == (
        f"{fifo}: not a regular file but a FIFO (named pipe); only regular files are read"
    )


@POSIX
def test_fifo_is_refused_before_it_is_opened(fifo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    real_open = os.open

    def spy(path: Any, *args: Any, **kwargs: Any) -> int:
        opened.append(os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    for read in READERS.values():
        _refused(read, fifo)
    assert str(fifo) not in opened


@POSIX
def test_fifo_in_a_folder_is_passed_over(fifo: Path) -> None:
    (fifo.parent / "good.txt").write_text("Trade grew.", "utf-8")
    assert expand_paths([fifo.parent]) == [fifo.parent / "good.txt"]
    assert Corpus.from_paths(fifo.parent).ids == ("good",)


@POSIX
@pytest.mark.parametrize(
    "argv",
    [
        ["show", "{fifo}"],
        ["show", "{jsonl}"],
        ["ingest", "{fifo}", "-o", "{out}"],
        ["articles", "--corpus", "{jsonl}"],
        ["figures", "--corpus", "{fifo}"],
    ],
)
def test_cli_refuses_a_fifo_without_traceback(
    fifo: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    jsonl = fifo.parent / "pipe.jsonl"
    os.mkfifo(jsonl)
    names = {"fifo": str(fifo), "jsonl": str(jsonl), "out": str(fifo.parent / "out.jsonl")}
    try:
        code = main([arg.format(**names) for arg in argv])
    finally:
        os.unlink(jsonl)
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.startswith("vnsg-corpus: error: ")
    assert "not a regular file but a FIFO" in captured.err
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err
    assert not (fifo.parent / "out.jsonl").exists()


# -- devices, directories, symlinks --------------------------------------------


def _is_character_device(path: str) -> bool:
    try:
        return stat.S_ISCHR(os.stat(path).st_mode)
    except OSError:
        return False


NULL_DEVICE = pytest.mark.skipif(
    not _is_character_device("/dev/null"),
    reason="needs /dev/null as a character device (a save as root can replace it by a file)",
)


@NULL_DEVICE
@pytest.mark.parametrize("reader", READERS)
def test_character_device_is_a_read_error(reader: str) -> None:
    error = _refused(READERS[reader], "/dev/null")
    assert str(error) == (
        "/dev/null: not a regular file but a character device; only regular files are read"
    )


@NULL_DEVICE
def test_symlink_to_a_device_is_refused_and_to_a_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("Trade grew.", "utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    (tmp_path / "null.txt").symlink_to("/dev/null")
    assert read_article(tmp_path / "link.txt").paragraph_texts == ("Trade grew.",)
    assert "character device" in str(_refused(read_article, tmp_path / "null.txt"))


@pytest.mark.parametrize("reader", ["read_article", "Corpus.load"])
def test_directory_named_as_a_file_is_a_read_error(tmp_path: Path, reader: str) -> None:
    folder = tmp_path / "corpus.jsonl"
    folder.mkdir()
    error = _refused(READERS[reader], folder)
    assert (
        str(error) == f"{folder}: not a regular file but a directory; only regular files are read"
    )


_DEV_ZERO_SCRIPT = """
import contextlib, io, resource, sys
limit = 2 * 1024 ** 3
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from vnsg_corpus import Corpus, read_article
from vnsg_corpus.cli import main
from vnsg_corpus.ingest import iter_articles
for name, read in [
    ("read_article", read_article),
    ("iter_articles", lambda p: list(iter_articles(p))),
    ("Corpus.from_paths", Corpus.from_paths),
    ("Corpus.load", Corpus.load),
]:
    try:
        read("/dev/zero")
    except Exception as error:
        print(name, type(error).__name__, error, sep="|")
for argv in (["show", "/dev/zero"], ["figures", "--corpus", "/dev/zero"]):
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(argv)
    print(argv[0], code, err.getvalue().strip(), sep="|")
"""


@pytest.mark.skipif(
    not _is_character_device("/dev/zero") or sys.platform == "darwin",
    reason="needs /dev/zero and RLIMIT_AS",
)
def test_dev_zero_is_refused_without_reading_it() -> None:
    # In a child with a 2 GB address-space limit: a regression runs out of
    # memory there (MemoryError) instead of taking the machine down.
    result = subprocess.run(
        [sys.executable, "-c", _DEV_ZERO_SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    message = "/dev/zero: not a regular file but a character device; only regular files are read"
    assert result.stdout.splitlines() == [
        f"read_article|ReadError|{message}",
        f"iter_articles|ReadError|{message}",
        f"Corpus.from_paths|ReadError|{message}",
        f"Corpus.load|ReadError|{message}",
        f"show|1|vnsg-corpus: error: {message}",
        f"figures|1|vnsg-corpus: error: {message}",
    ]


# -- sizes -----------------------------------------------------------------------


def test_article_file_larger_than_the_limit_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: no disk space, and never read
        handle.truncate(MAX_ARTICLE_BYTES + 1)
    started = time.perf_counter()
    error = _refused(read_article, big)
    assert time.perf_counter() - started < 5
    assert str(error) == (
        f"{big}: larger than 67,108,864 bytes: not read (the limit guards against runaway inputs)"
    )


def test_read_capped_reads_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert read_capped(path, limit=100) == b"x" * 100
    assert "larger than 99 bytes" in str(_refused(lambda p: read_capped(p, limit=99), path))
    (tmp_path / "empty.txt").write_bytes(b"")
    assert read_capped(tmp_path / "empty.txt") == b""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_file_that_reports_no_size_is_still_capped() -> None:
    # /proc files are regular with st_size 0 but have content: the cap holds
    # while reading, not only from the size.
    assert os.stat("/proc/self/status").st_size == 0
    assert b"Name:" in read_capped("/proc/self/status")
    error = _refused(lambda p: read_capped(p, limit=10), "/proc/self/status")
    assert "larger than 10 bytes" in str(error)


def _lines(data: bytes, limit: int) -> list[tuple[int, bytes | str]]:
    return [
        (number, line if isinstance(line, bytes) else str(line))
        for number, line in capped_lines(io.BytesIO(data), path="c.jsonl", limit=limit)
    ]


def test_capped_lines_yields_lines_up_to_the_limit_and_locates_longer_ones() -> None:
    data = b"0123456789\n" + b"y" * 25 + b"\nshort\n" + b"z" * 11
    assert _lines(data, limit=10) == [
        (1, b"0123456789\n"),
        (2, "c.jsonl, line 2: the line is longer than 10 bytes: not read"),
        (3, b"short\n"),
        (4, "c.jsonl, line 4: the line is longer than 10 bytes: not read"),
    ]
    errors = [e for _, e in capped_lines(io.BytesIO(data), path="c.jsonl", limit=10)]
    assert [type(e) for e in errors[1::2]] == [CorpusFormatError, CorpusFormatError]


# -- NUL in a path, /proc/self/mem ----------------------------------------------


@pytest.mark.parametrize("reader", READERS)
def test_path_with_nul_is_a_read_error(tmp_path: Path, reader: str) -> None:
    path = str(tmp_path / "a\0b.txt")
    error = _refused(READERS[reader], path)
    assert error.path == path
    assert str(error).endswith(": the path contains a NUL character, which no file name can hold")


@pytest.mark.parametrize(
    "argv", [["show", "a\0b.txt"], ["ingest", "a\0b.txt", "-o", "x.jsonl"], ["show", "x\0.jsonl"]]
)
def test_cli_path_with_nul_is_an_error_without_traceback(
    argv: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("vnsg-corpus: error: ")
    assert "NUL character" in err
    assert "Traceback" not in err


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs /proc/self/mem")
@pytest.mark.parametrize("reader", READERS)
def test_proc_self_mem_is_a_read_error(reader: str) -> None:
    error = _refused(READERS[reader], "/proc/self/mem")
    assert str(error) == "/proc/self/mem: input/output error"
    assert error.path == "/proc/self/mem"


def test_regular_files_still_read_after_the_checks(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_bytes(b"\xef\xbb\xbfTrade grew.\r\n")
    assert read_article(path).text == "\ufeffTrade grew.\r\n"
    assert stat.S_ISREG(os.stat(path).st_mode)
    saved = tmp_path / "c.jsonl"
    Corpus.from_paths(path).save(saved)
    assert Corpus.load(saved).ids == ("one",)
    assert json.loads(saved.read_text("utf-8").splitlines()[0])["id"] == "one"
