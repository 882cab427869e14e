"""``vnsg-corpus export``: the corpus and its visit events written into a folder.

Bad invocations are in the catalogue (tests/test_cli_catalogue.py); these are
the exports that work, and what they write.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

import vnsg_corpus
from vnsg_corpus import Corpus, WriteError, tables
from vnsg_corpus import cli as cli_module
from vnsg_corpus.cli import main
from vnsg_corpus.events import visit_events
from vnsg_corpus.schema import json_schema


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_jsonl_writes_the_corpus_into_a_new_folder(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(["export", "--format", "jsonl", "-o", "out"], capsys)
    assert (status, err) == (0, "")
    assert out == "wrote 3 articles to out/corpus.jsonl\n"
    assert sorted(p.name for p in (here / "out").iterdir()) == ["corpus.jsonl"]
    assert list(Corpus.load(here / "out" / "corpus.jsonl")) == list(vnsg_corpus.load())


def test_the_exported_corpus_validates_against_the_schema(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    assert main(["export", "--format", "jsonl", "-o", "out"]) == 0
    validator = jsonschema.Draft202012Validator(json_schema())
    lines = (here / "out" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    assert all(validator.is_valid(json.loads(line)) for line in lines)


def test_plover_writes_one_event_per_visit(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(["export", "--format", "plover", "-o", "out"], capsys)
    assert (status, err) == (0, "")
    assert out == "wrote 2 events to out/events.jsonl\n"
    lines = (here / "out" / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == visit_events(vnsg_corpus.load().visits())


def test_an_existing_folder_keeps_its_other_files(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "out").mkdir()
    (here / "out" / "notes.txt").write_text("mine", encoding="utf-8")
    (here / "out" / "corpus.jsonl").write_text("old\n", encoding="utf-8")
    assert main(["export", "--format", "jsonl", "-o", "out"]) == 0
    assert main(["export", "--format", "plover", "-o", "out/"]) == 0
    capsys.readouterr()
    names = sorted(p.name for p in (here / "out").iterdir())
    assert names == ["corpus.jsonl", "events.jsonl", "notes.txt"]
    assert (here / "out" / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert len((here / "out" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_corpus_reads_article_files(
    here: Path, seed_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(seed_dir / "002_4d38c75250e07b85.txt", here)
    args = ["export", "--format", "plover", "-o", "out", "--corpus", "002_4d38c75250e07b85.txt"]
    status, out, _ = _run(args, capsys)
    assert status == 0
    assert out == "wrote 1 events to out/events.jsonl\n"
    (line,) = (here / "out" / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["actor"][0]["entity_text"] == "Lawrence Wong"


def test_a_failed_export_removes_the_folder_it_made(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(corpus: Corpus, folder: Path) -> list[tuple[Path, int, str]]:
        raise WriteError("no space left on device", path=str(folder / "corpus.jsonl"))

    monkeypatch.setitem(cli_module._EXPORTS, "jsonl", refuse)
    status, out, err = _run(["export", "--format", "jsonl", "-o", "out"], capsys)
    assert (status, out) == (1, "")
    assert err == "vnsg-corpus: error: out/corpus.jsonl: no space left on device\n"
    assert not (here / "out").exists()


def test_a_target_file_that_is_a_folder_is_refused(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "out" / "events.jsonl").mkdir(parents=True)
    status, out, err = _run(["export", "--format", "plover", "-o", "out"], capsys)
    assert (status, out) == (1, "")
    assert err == (
        "vnsg-corpus: error: out/events.jsonl: a folder, not a file; name the file to write\n"
    )
    assert (here / "out" / "events.jsonl").is_dir()


def test_csv_export_writes_one_table_per_kind(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(["export", "--format", "csv", "-o", "out"], capsys)
    assert (status, err) == (0, "")
    assert sorted(p.name for p in (here / "out").iterdir()) == sorted(
        f"{kind}.csv" for kind in tables.KINDS
    )
    assert "wrote 13 figures rows to out/figures.csv" in out
    with (here / "out" / "figures.csv").open(encoding="utf-8", newline="") as stream:
        found = list(csv.DictReader(stream))
    assert len(found) == 13
    assert list(found[0]) == list(tables.text_columns("figures"))
    assert {row["metric"] for row in found} >= {"bilateral_trade", "investor_rank"}


def test_parquet_export_reads_back_equal(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pyarrow")
    status, out, err = _run(["export", "--format", "parquet", "-o", "out"], capsys)
    assert (status, err) == (0, "")
    assert out == "wrote 3 articles to out/parquet\n"
    assert list(Corpus.read_parquet(here / "out" / "parquet")) == list(vnsg_corpus.load())


def test_help_lists_the_formats(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(["export", "--help"], capsys)
    assert status == 0
    assert "{jsonl,plover,csv,parquet}" in out
    assert "-o DIR, --output DIR" in out
