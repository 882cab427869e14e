"""Saves at the edges (issue 12, item 7).

A killed save leaves its temporary file; the next save of the same target
removes it, and only it: files of other targets, fresh files and files a live
save still holds stay.  New files honour the umask; a symbolic link is saved
through to its file and stays a link; a save that cannot happen is a
``WriteError`` naming the target, never the temporary file, and leaves the
target as it was.
"""

import errno
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import vnsg_corpus
from vnsg_corpus import Corpus, VnsgCorpusError, WriteError, parse_article
from vnsg_corpus.cli import main

CORPUS = Corpus([parse_article("Trade reached US$9 billion in 2024.", id="a")])
OLD = Corpus([parse_article("Old.", id="old")])
AN_HOUR_AGO = time.time() - 3600


def leave_temp(folder: Path, target: str, random: str, *, age: float = 600.0) -> Path:
    """A temporary file as a killed save of ``target`` leaves it, last written ``age`` s ago."""
    temp = folder / f".{target}.{random}.tmp"
    temp.write_text('{"schema_version":2,"id":"half-wri', encoding="utf-8")
    then = time.time() - age
    os.utime(temp, (then, then))
    return temp


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


# -- temporary files of killed saves -------------------------------------------------


def test_the_next_save_removes_the_temporary_files_killed_saves_left(tmp_path: Path) -> None:
    target = tmp_path / "corpus.jsonl"
    OLD.save(target)
    leave_temp(tmp_path, "corpus.jsonl", "k2x9a1qe")  # named by mkstemp (0.6.0)
    leave_temp(tmp_path, "corpus.jsonl", "0a1b2c3d")  # named by this release
    CORPUS.save(target)
    assert names(tmp_path) == {"corpus.jsonl"}
    assert Corpus.load(target) == CORPUS


def test_only_stale_temporary_files_of_the_same_target_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "corpus.jsonl"
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me", encoding="utf-8")
    kept = {
        leave_temp(tmp_path, "other.jsonl", "k2x9a1qe").name,  # another target's
        leave_temp(tmp_path, "corpus.jsonl", "notes").name,  # not a temporary name
        leave_temp(tmp_path, "corpus.jsonl", "k2x9a1qe.tmp.bak").name,
        leave_temp(tmp_path, "corpus.jsonl", "0a1b2c3d", age=0).name,  # being written?
        "precious.txt",
    }
    (tmp_path / "corpus.jsonl.k2x9a1qe.tmp").write_text("no leading dot", encoding="utf-8")
    kept.add("corpus.jsonl.k2x9a1qe.tmp")
    link = tmp_path / ".corpus.jsonl.aaaaaaaa.tmp"
    link.symlink_to(precious)
    os.utime(link, (AN_HOUR_AGO, AN_HOUR_AGO), follow_symlinks=False)
    folder = tmp_path / ".corpus.jsonl.bbbbbbbb.tmp"
    folder.mkdir()
    os.utime(folder, (AN_HOUR_AGO, AN_HOUR_AGO))
    kept |= {link.name, folder.name}
    stale = leave_temp(tmp_path, "corpus.jsonl", "zz_00000")
    CORPUS.save(target)
    assert names(tmp_path) == kept | {"corpus.jsonl"}
    assert not stale.exists()
    assert precious.read_text(encoding="utf-8") == "keep me"


_SLOW_SAVER = r"""
import sys, time
from vnsg_corpus import parse_article
from vnsg_corpus.serialize import write_jsonl

def articles():
    yield parse_article("Half written.", id="half")
    print("writing", flush=True)
    time.sleep(120)

write_jsonl(articles(), sys.argv[1])
"""


def test_a_save_in_progress_keeps_its_file_until_it_is_killed(tmp_path: Path) -> None:
    # Two saves of one target: the second must not remove the file the first is
    # writing, however long ago the first last wrote.  Once the first is killed
    # (SIGKILL: no clean-up of its own), the next save removes its file.
    target = tmp_path / "corpus.jsonl"
    OLD.save(target)
    with subprocess.Popen(
        [sys.executable, "-c", _SLOW_SAVER, str(target)], stdout=subprocess.PIPE, text=True
    ) as saver:
        assert saver.stdout is not None
        try:
            assert saver.stdout.readline().strip() == "writing"
            (temp,) = tmp_path.glob(".corpus.jsonl.*.tmp")
            os.utime(temp, (AN_HOUR_AGO, AN_HOUR_AGO))
            CORPUS.save(target)
            assert temp.exists(), "a save removed the file of a save in progress"
        finally:
            saver.send_signal(signal.SIGKILL)
            saver.wait(timeout=30)
    assert temp.exists()  # what a killed save leaves
    OLD.save(target)
    assert names(tmp_path) == {"corpus.jsonl"}
    assert Corpus.load(target) == OLD


# -- permissions ---------------------------------------------------------------------


@pytest.fixture
def umask() -> Iterator[None]:
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize(("mask", "mode"), [(0o077, 0o600), (0o002, 0o664), (0o022, 0o644)])
def test_a_new_file_honours_the_umask(tmp_path: Path, mask: int, mode: int) -> None:
    os.umask(mask)
    target = tmp_path / "corpus.jsonl"
    CORPUS.save(target)
    assert stat.S_IMODE(target.stat().st_mode) == mode


@pytest.mark.usefixtures("umask")
def test_a_file_saved_over_keeps_its_mode_whatever_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "corpus.jsonl"
    OLD.save(target)
    target.chmod(0o664)
    os.umask(0o077)
    CORPUS.save(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o664


# -- symbolic links ------------------------------------------------------------------


def test_a_link_is_saved_through_to_its_file_and_stays_a_link(tmp_path: Path) -> None:
    data, links = tmp_path / "data", tmp_path / "links"
    data.mkdir()
    links.mkdir()
    real = data / "real.jsonl"
    OLD.save(real)
    link = links / "corpus.jsonl"
    link.symlink_to(Path("..") / "data" / "real.jsonl")
    chain = links / "latest.jsonl"
    chain.symlink_to("corpus.jsonl")
    CORPUS.save(chain)
    assert chain.is_symlink()
    assert link.is_symlink()
    assert os.readlink(link) == os.path.join("..", "data", "real.jsonl")
    assert Corpus.load(real) == CORPUS
    assert Corpus.load(chain) == CORPUS
    assert names(data) == {"real.jsonl"}
    assert names(links) == {"corpus.jsonl", "latest.jsonl"}


def test_a_dangling_link_is_saved_through_to_the_file_it_names(tmp_path: Path) -> None:
    link = tmp_path / "corpus.jsonl"
    link.symlink_to("real.jsonl")
    CORPUS.save(link)
    assert link.is_symlink()
    assert Corpus.load(tmp_path / "real.jsonl") == CORPUS


def test_a_loop_of_links_is_refused(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.symlink_to("b.jsonl")
    b.symlink_to("a.jsonl")
    with pytest.raises(WriteError, match="loop of symbolic links") as info:
        CORPUS.save(a)
    assert info.value.path == str(a)
    assert a.is_symlink()
    assert b.is_symlink()
    assert names(tmp_path) == {"a.jsonl", "b.jsonl"}


# -- saves that cannot happen --------------------------------------------------------


def test_a_save_to_a_missing_folder_names_the_target(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "corpus.jsonl"
    with pytest.raises(WriteError) as info:
        CORPUS.save(target)
    error = info.value
    assert isinstance(error, VnsgCorpusError)
    assert isinstance(error, OSError)
    assert error.path == str(target)
    assert str(error) == f"{target}: the folder {tmp_path / 'missing'} does not exist"
    assert ".tmp" not in str(error)
    assert isinstance(error.__cause__, FileNotFoundError)


@pytest.mark.parametrize("under", ["", "more/"], ids=["in the file", "deeper"])
def test_a_save_into_a_file_as_if_a_folder_is_refused(tmp_path: Path, under: str) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("", encoding="utf-8")
    target = f"{notes}/{under}corpus.jsonl"
    with pytest.raises(WriteError) as info:
        CORPUS.save(target)
    assert str(info.value) == f"{target}: {notes} is not a folder"
    assert notes.read_text(encoding="utf-8") == ""


def test_a_save_to_a_missing_folder_deeper_names_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "corpus.jsonl"
    with pytest.raises(WriteError) as info:
        CORPUS.save(target)
    assert str(info.value) == f"{target}: the folder {tmp_path / 'a' / 'b'} does not exist"


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (Path.mkdir, "a folder, not a file"),
        (os.mkfifo, "not a regular file"),
    ],
    ids=["folder", "FIFO"],
)
def test_a_target_that_is_no_regular_file_is_left_alone(
    tmp_path: Path, make: Callable[[Path], object], words: str
) -> None:
    target = tmp_path / "corpus.jsonl"
    make(target)
    kind = stat.S_IFMT(target.lstat().st_mode)
    with pytest.raises(WriteError, match=words) as info:
        CORPUS.save(target)
    assert info.value.path == str(target)
    assert stat.S_IFMT(target.lstat().st_mode) == kind
    assert names(tmp_path) == {"corpus.jsonl"}


@pytest.mark.parametrize(
    ("path", "words"),
    [("", "empty path"), ("a\0b.jsonl", "NUL"), ("folder/", "separator")],
    ids=["empty", "NUL", "trailing slash"],
)
def test_a_path_that_names_no_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str, words: str
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(WriteError, match=words) as info:
        CORPUS.save(path)
    assert info.value.path == path
    assert names(tmp_path) == set()


def test_a_full_disk_leaves_the_target_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "corpus.jsonl"
    OLD.save(target)
    before = target.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(WriteError) as info:
        CORPUS.save(target)
    assert str(info.value) == f"{target}: no space left on device"
    assert target.read_bytes() == before
    assert names(tmp_path) == {"corpus.jsonl"}


def test_the_cli_names_the_output_in_a_missing_folder(
    tmp_path: Path, seed_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / "corpus.jsonl"
    code = main(["ingest", str(seed_dir), "-o", str(target)])
    err = capsys.readouterr().err
    assert code != 0
    assert str(target.parent) in err
    assert "Traceback" not in err
    assert ".tmp" not in err
    assert not target.parent.exists()


def test_write_error_is_public() -> None:
    assert vnsg_corpus.WriteError is WriteError
    assert issubclass(WriteError, VnsgCorpusError)
