"""Bulk ingest: path expansion and parallel parsing identical to serial."""

import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from vnsg_corpus import Corpus, ReadError, VnsgCorpusWarning, read_article
from vnsg_corpus.cli import main
from vnsg_corpus.ingest import expand_paths, iter_articles

SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory, seed_dir: Path) -> Path:
    folder = tmp_path_factory.mktemp("many")
    texts = [p.read_text("utf-8") for p in sorted(seed_dir.glob("*.txt"))]
    for index in range(60):
        (folder / f"a{index:03d}.txt").write_text(texts[index % 3], "utf-8")
    return folder


def test_parallel_parsing_equals_serial(many: Path) -> None:
    serial = list(iter_articles(many, workers=1))
    parallel = list(iter_articles(many, workers=2))
    assert len(serial) == 60
    assert parallel == serial
    assert Corpus.from_paths(many, workers=2) == Corpus(serial)


def test_progress_is_reported_for_every_article(many: Path) -> None:
    seen: list[tuple[int, int]] = []
    list(iter_articles(many, workers=1, progress=lambda done, total: seen.append((done, total))))
    assert seen == [(i, 60) for i in range(1, 61)]


def test_expand_paths_orders_and_checks(many: Path) -> None:
    files = expand_paths([many / "a001.txt", str(many / "a00[23].txt")])
    assert [f.name for f in files] == ["a001.txt", "a002.txt", "a003.txt"]
    with pytest.raises(ReadError):
        expand_paths([many / "missing.txt"])


def test_workers_must_be_positive(many: Path) -> None:
    with pytest.raises(ValueError, match="workers"):
        list(iter_articles(many, workers=0))


# -- errors in parallel ingest, errors="skip", lists of paths (issue 12) ----------


@pytest.fixture(scope="module")
def one_bad(tmp_path_factory: pytest.TempPathFactory, seed_dir: Path) -> Path:
    """40 article files (enough for two workers), one of them not UTF-8."""
    folder = tmp_path_factory.mktemp("one_bad")
    texts = [p.read_text("utf-8") for p in sorted(seed_dir.glob("*.txt"))]
    for index in range(40):
        (folder / f"a{index:03d}.txt").write_text(texts[index % 3], "utf-8")
    (folder / "a017.txt").write_bytes(b"Trade grew \xff\xfe in 2024.")
    return folder


def test_parallel_ingest_raises_the_read_error_naming_the_file(one_bad: Path) -> None:
    with pytest.raises(ReadError) as caught:
        Corpus.from_paths(one_bad, workers=2)
    error = caught.value
    assert type(error) is ReadError
    assert (Path(error.path).name, error.offset) == ("a017.txt", 11)
    assert str(error) == f"{one_bad / 'a017.txt'} (byte 11): not valid UTF-8: invalid start byte"


def test_parallel_and_serial_raise_the_same_error(one_bad: Path) -> None:
    messages = []
    for workers in (1, 2):
        with pytest.raises(ReadError) as caught:
            list(iter_articles(one_bad, workers=workers))
        messages.append(str(caught.value))
    assert messages[0] == messages[1]


@pytest.mark.parametrize("workers", [1, 2])
def test_skip_leaves_out_the_bad_file_and_reports_it(one_bad: Path, workers: int) -> None:
    corpus = Corpus.from_paths(one_bad, workers=workers, errors="skip")
    assert len(corpus) == 39
    assert "a017" not in corpus
    assert [(Path(e.path).name, e.offset) for e in corpus.skipped_files] == [("a017.txt", 11)]
    good = [p for p in sorted(one_bad.glob("*.txt")) if p.name != "a017.txt"]
    assert corpus == Corpus.from_paths(good, workers=1)


def test_iter_articles_skip_appends_to_skipped_and_reports_progress(one_bad: Path) -> None:
    skipped: list[ReadError] = []
    seen: list[tuple[int, int]] = []
    articles = list(
        iter_articles(
            one_bad,
            workers=2,
            errors="skip",
            skipped=skipped,
            progress=lambda done, total: seen.append((done, total)),
        )
    )
    assert len(articles) == 39
    assert [Path(e.path).name for e in skipped] == ["a017.txt"]
    assert seen[-1] == (40, 40)


def test_errors_must_be_strict_or_skip(many: Path) -> None:
    with pytest.raises(ValueError, match="errors must be 'strict' or 'skip'"):
        Corpus.from_paths(many, errors="ignore")  # type: ignore[arg-type]


def test_a_missing_path_raises_even_with_skip(many: Path) -> None:
    with pytest.raises(ReadError, match="no such file or directory"):
        Corpus.from_paths(many / "missing.txt", errors="skip")


def test_cli_ingest_names_the_bad_file_without_traceback(
    one_bad: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.jsonl"
    assert main(["ingest", str(one_bad), "-o", str(out), "--workers", "2"]) == 1
    captured = capsys.readouterr()
    bad = one_bad / "a017.txt"
    assert captured.err == (
        f"vnsg-corpus: error: {bad} (byte 11): not valid UTF-8: invalid start byte\n"
    )
    assert "Traceback" not in captured.err
    assert not out.exists()


def test_cli_ingest_skip_errors_writes_the_rest_and_names_each_skipped_file(
    one_bad: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.jsonl"
    argv = ["ingest", str(one_bad), "-o", str(out), "--workers", "2", "--skip-errors"]
    assert main(argv) == 0
    captured = capsys.readouterr()
    bad = one_bad / "a017.txt"
    assert captured.err == (
        f"vnsg-corpus: skipped {bad} (byte 11): not valid UTF-8: invalid start byte\n"
        "vnsg-corpus: skipped 1 file(s) that could not be read\n"
    )
    assert captured.out == f"wrote 39 articles to {out}\n"
    assert len(Corpus.load(out)) == 39


def test_cli_ingest_in_a_subprocess_has_no_traceback(one_bad: Path, tmp_path: Path) -> None:
    # The real command, with its own process pool: before 0.7.0 it died with
    # BrokenProcessPool and a traceback that named no file.
    result = subprocess.run(
        [sys.executable, "-m", "vnsg_corpus", "ingest", str(one_bad), "-o", "x.jsonl"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "BrokenProcessPool" not in result.stderr
    assert result.stderr.endswith("a017.txt (byte 11): not valid UTF-8: invalid start byte\n")


def test_paths_may_be_given_as_a_list(many: Path) -> None:
    names: list[str | os.PathLike[str]] = [many / "a001.txt", str(many / "a002.txt")]
    expected = Corpus.from_paths(*names)
    assert Corpus.from_paths(names) == expected
    assert Corpus.from_paths(tuple(names)) == expected
    assert Corpus.from_paths(iter(names)) == expected
    assert Corpus.from_paths([names[0]], names[1]) == expected
    assert [a.id for a in iter_articles(names)] == ["a001", "a002"]


@pytest.mark.parametrize("bad", [42, None, [42], b"a001.txt"])
def test_a_path_of_another_type_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match=r"Corpus.from_paths\(\) needs paths as str or os.PathLike"):
        Corpus.from_paths(bad)  # type: ignore[arg-type]


def test_an_empty_folder_is_a_warning_at_the_callers_line(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("not an article", "utf-8")
    with pytest.warns(VnsgCorpusWarning, match="holds no file matching '\\*.txt'") as caught:
        corpus = Corpus.from_paths(tmp_path)
    assert len(corpus) == 0
    assert [Path(w.filename).name for w in caught] == ["test_ingest.py"]
    assert str(tmp_path) in str(caught[0].message)


def test_a_folder_with_articles_gives_no_warning(many: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(Corpus.from_paths(many, workers=1)) == 60


def test_os_errors_are_lower_case(tmp_path: Path) -> None:
    # One capitalisation: "no such file or directory", "not a directory", as
    # the library's own messages (0.6.0 mixed "Not a directory" in).
    (tmp_path / "f.txt").write_text("Trade grew.", "utf-8")
    inside_a_file = tmp_path / "f.txt" / "x.txt"
    for read in (read_article, Corpus.load, Corpus.from_paths):
        with pytest.raises(ReadError) as caught:
            read(inside_a_file)
        assert str(caught.value) == f"{inside_a_file}: not a directory"
    for read in (read_article, Corpus.load, Corpus.from_paths):
        with pytest.raises(ReadError) as caught:
            read(tmp_path / "missing.txt")
        assert str(caught.value) == f"{tmp_path / 'missing.txt'}: no such file or directory"


def test_a_glob_that_matches_only_folders_matches_no_file(tmp_path: Path) -> None:
    (tmp_path / "2024.txt").mkdir()  # a folder named like an article
    with pytest.raises(ReadError, match="the glob pattern matches no file"):
        expand_paths([str(tmp_path / "*.txt")])
