"""The command line, called in-process through main()."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import vnsg_corpus
from vnsg_corpus.cli import main


def test_show_bundled_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n\n") == 2  # three article blocks
    assert "000_9ed115568b55f0e8\n  date:         2025-03-10\n  source:       VNS\n" in out
    assert "  dateline:     SINGAPORE\n" in out
    assert "  Q&A pairs:    4\n" in out
    assert "  heading:      A Milestone in Bilateral Relations\n" in out


def test_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "--json"]) == 0
    summaries = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in summaries] == list(vnsg_corpus.load().ids)
    assert summaries[0]["qa_pairs"] == 4
    assert summaries[1]["dateline"] == "SINGAPORE"
    assert summaries[2]["date"] is None
    assert summaries[2]["paragraphs"] == 18


def test_show_paths_and_saved_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "one.txt").write_text(" date 2024-01-02 Trade rose. — VNS", "utf-8")
    assert main(["show", str(tmp_path / "one.txt")]) == 0
    assert "one\n  date:         2024-01-02\n  source:       VNS\n" in capsys.readouterr().out
    saved = tmp_path / "c.jsonl"
    vnsg_corpus.load().save(saved)
    assert main(["show", "--json", str(saved)]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


def test_missing_file_is_an_error_without_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "no/such/file.txt"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "vnsg-corpus: error: no/such/file.txt: no such file or directory\n"


def test_corrupt_corpus_names_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{}\n", "utf-8")
    assert main(["show", str(bad)]) == 1
    assert f"{bad}, line 1, field $.schema_version" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"vnsg-corpus {vnsg_corpus.__version__}\n"


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vnsg_corpus", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"vnsg-corpus {vnsg_corpus.__version__}"


def test_show_lists_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show"]) == 0
    out = capsys.readouterr().out
    assert "  figures:      13\n" in out
    trade = "bilateral_trade (bilateral trade): 9000000000 USD [2023-01-01..2023-12-31]"
    assert f"  figure:       {trade}\n" in out
    assert "  figure:       fdi_project_count (valid projects): 3838 count [..2024-10-31]\n" in out
    assert "  figure:       jobs_created (workers): >=300000 people\n" in out


def test_figures_query_table_and_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures", "--metric", "bilateral_trade", "--during", "2023"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "metric", "subject", "value", "value_max", "unit", "qualifier", "countries", "target",
        "period_start", "period_end", "articles",
    ]  # fmt: skip
    assert lines[1].split()[:6] == [
        "bilateral_trade", "bilateral", "trade", "9000000000", "USD", "exact",
    ]  # fmt: skip
    assert lines[1].split()[-3:] == ["2023-01-01", "2023-12-31", "003_7822a41167061ddb"]
    assert len(lines) == 2
    assert main(["figures", "--unit", "USD", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["value"] for r in rows] == ["9000000000", "8640000000", "81100000000", "18000000000"]
    assert main(["figures", "--subject", "workers", "--format", "csv"]) == 0
    csv_lines = capsys.readouterr().out.splitlines()
    assert csv_lines[0].startswith("metric,subject,value,")
    assert csv_lines[1].startswith("jobs_created,workers,300000,,people,at_least,")


def test_query_error_exits_2_with_accepted_forms(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures", "--during", "whenever"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("vnsg-corpus: error: --during: not a period: 'whenever' (accepted: ")


def test_articles_query_with_corpus_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "c.jsonl"
    vnsg_corpus.load().save(saved)
    assert (
        main(["articles", "--text", "food security", "--corpus", str(saved), "--format", "json"])
        == 0
    )
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == ["002_4d38c75250e07b85"]


def test_ingest_writes_a_loadable_corpus(
    seed_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "seeds.jsonl"
    assert main(["ingest", str(seed_dir), "-o", str(out), "--workers", "2"]) == 0
    assert capsys.readouterr().out == f"wrote 3 articles to {out}\n"
    assert vnsg_corpus.Corpus.load(out) == vnsg_corpus.load()
