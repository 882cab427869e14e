"""The command line reads what it is given as it is meant, and writes safely.

Saved corpora are recognised by content; empty results are said on stderr;
control characters never reach the terminal raw; a stdout that is a closed
pipe or cannot encode every character is handled; text filters need words.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import vnsg_corpus
from vnsg_corpus import Corpus, QueryError, cli, parse_article
from vnsg_corpus._query import MAX_ARGUMENT_LENGTH, as_period, as_unit
from vnsg_corpus.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED_IDS = ["000_9ed115568b55f0e8", "002_4d38c75250e07b85", "003_7822a41167061ddb"]
EVIL = "\x1b[2J\x1b]0;pwned\x07"


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "good.jsonl"
    vnsg_corpus.load().save(path)
    return path


@pytest.fixture
def evil(tmp_path: Path) -> Path:
    """A saved corpus whose id, text and source hold escape sequences."""
    text = (
        f" date 2024-01-02 {EVIL}Trade between Viet Nam and Singapore reached"
        " US$9 billion in 2023.\u202e \x9b31m\ud800 — VNS"
    )
    path = tmp_path / "evil.jsonl"
    Corpus([parse_article(text, id=f"id{EVIL}\x9b\ud800")]).save(path)
    return path


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "vnsg_corpus", *args],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})},
        check=False,
        timeout=120,
    )


def _raw_controls(text: str) -> list[str]:
    return [c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F]


# -- saved corpora are recognised by content (item 5) ---------------------------


def test_suffix_in_any_case_is_a_saved_corpus(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    upper = saved.with_name("GOOD.JSONL")
    shutil.copy(saved, upper)
    assert main(["show", "--json", str(upper)]) == 0
    summaries = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in summaries] == SEED_IDS  # not one article of JSON read as prose
    assert sum(s["figures"] for s in summaries) == len(vnsg_corpus.load().figures(targets=True))


def test_a_saved_corpus_under_another_suffix_is_read_as_one(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    renamed = saved.with_name("corpus.txt")
    for head in (b"", b"\xef\xbb\xbf", b"\n\n  "):  # as saved, after a BOM, after blanks
        renamed.write_bytes(head + saved.read_bytes())
        assert main(["articles", "--corpus", str(renamed), "--format", "jsonl"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert [json.loads(line)["id"] for line in lines] == SEED_IDS


def test_several_saved_corpora_are_read_as_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = vnsg_corpus.load()
    Corpus([corpus[SEED_IDS[0]]]).save(tmp_path / "one.jsonl")
    Corpus([corpus[i] for i in SEED_IDS[1:]]).save(tmp_path / "two.ndjson")
    args = ["articles", "--corpus", str(tmp_path / "one.jsonl"), str(tmp_path / "two.ndjson")]
    assert main([*args, "--format", "json"]) == 0
    assert [row["id"] for row in json.loads(capsys.readouterr().out)] == SEED_IDS


def test_an_article_starting_with_a_brace_is_still_an_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "brace.txt"
    article.write_text("{Editor's note} Trade grew. — VNS", encoding="utf-8")
    assert main(["show", "--json", str(article)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["id"] == "brace"


def test_a_glob_of_saved_corpora(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "--json", str(saved.parent / "*.jsonl")]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


# -- empty results and empty folders (items 5, 9) --------------------------------


@pytest.mark.parametrize(
    ("fmt", "stdout"),
    [
        ("table", ""),
        ("jsonl", ""),
        ("json", "[]\n"),
        (
            "csv",
            "metric,subject,value,value_max,unit,qualifier,countries,target,"
            "period_start,period_end,articles,evidence\n",
        ),
    ],
)
def test_an_empty_result_is_said_on_stderr(
    fmt: str, stdout: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["figures", "--metric", "visitor_arrivals", "--format", fmt]) == 0
    captured = capsys.readouterr()
    assert captured.out == stdout
    assert captured.err == "vnsg-corpus: no figures match\n"


@pytest.mark.parametrize(
    ("command", "header"),
    [
        ("visits", "visitor,role,visitor_country,host_country,start,end,kind,status,"),
        ("partnerships", "countries,level,status,since_start,since_end,inferred,articles"),
        ("articles", "id,date,source,dateline,paragraphs,figures,visits,partnerships"),
    ],
)
def test_csv_always_has_its_header(
    command: str, header: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert main([command, "--corpus", str(empty), "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(header)
    assert captured.out.count("\n") == 1
    assert captured.err == f"vnsg-corpus: no {command} match\n"


def test_csv_columns_are_the_rows_keys(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("figures", "visits", "partnerships", "articles"):
        assert main([command, "--format", "csv"]) == 0
        header, first = capsys.readouterr().out.splitlines()[:2]
        assert header.count(",") >= 6
        assert first  # a row under the same header: DictWriter refuses other keys


def test_an_empty_folder_is_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["show", str(tmp_path / "empty")]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"vnsg-corpus: warning: no file in {tmp_path / 'empty'} matches '*.txt'\n"
        "vnsg-corpus: no articles to show\n"
    )
    out = tmp_path / "out.jsonl"
    assert main(["ingest", str(tmp_path / "empty"), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"wrote 0 articles to {out}\n"
    assert "warning: no file in" in captured.err
    assert "the corpus written is empty" in captured.err


# -- the text filter needs words (item 5) -----------------------------------------


@pytest.mark.parametrize("text", ["!!!", "", "  ", "___", "—…", "\u0301"])
def test_a_text_filter_without_words_is_refused(text: str) -> None:
    with pytest.raises(QueryError) as info:
        vnsg_corpus.load().articles(text=text)
    assert info.value.argument == "text"
    assert "no words to search for" in str(info.value)


def test_a_text_filter_with_words_and_punctuation_still_works() -> None:
    corpus = vnsg_corpus.load()
    assert corpus.articles(text="food security!").ids == ("002_4d38c75250e07b85",)
    assert corpus.articles(text="zzzz").ids == ()


# -- query values: long values, recursion, units (items 4, 9) -----------------------


@pytest.mark.parametrize(
    "value", ["2024/" * 1200, "/" * 6000, "x/" * 3000, "(" * 6000, "2024-" * 1200]
)
def test_long_period_values_are_refused_not_recursed(value: str) -> None:
    with pytest.raises(QueryError) as info:
        as_period("during", value)
    assert str(info.value).startswith("during: too long: ")
    assert len(str(info.value)) < 400


@pytest.mark.parametrize("value", ["2020/2022/2024", "/".join(["2024"] * 40), "a/b/c"])
def test_periods_with_several_slashes_are_not_periods(value: str) -> None:
    with pytest.raises(QueryError, match="not a period"):
        as_period("during", value)


def test_a_period_of_the_longest_length_is_read() -> None:
    value = "2020/2024".ljust(MAX_ARGUMENT_LENGTH)
    period = as_period("during", value)
    assert period is not None
    assert (str(period.start), str(period.end)) == ("2020-01-01", "2024-12-31")


def test_long_values_of_every_kind_are_refused() -> None:
    corpus = vnsg_corpus.load()
    long = "9" * 6000
    for call in (
        lambda: corpus.articles(since=long),
        lambda: corpus.figures(min_value=long),
        lambda: corpus.figures(metric=long),
        lambda: corpus.visits(host=long),
        lambda: corpus.visits(kind=long),
    ):
        with pytest.raises(QueryError, match="too long: 6,000 characters"):
            call()


def test_units_are_read_in_any_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert as_unit("unit", "usd") == "USD"
    assert as_unit("unit", " Percent ") == "percent"
    assert as_unit("unit", "PERCENTAGE_POINTS") == "percentage_points"
    assert main(["figures", "--unit", "usd", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 4
    assert {row["unit"] for row in rows} == {"USD"}


def test_an_unknown_unit_lists_the_accepted_forms(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures", "--unit", "dollars"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("vnsg-corpus: error: --unit: unknown unit 'dollars' (accepted: count,")
    assert "percentage_points" in err
    assert "SGD" in err


def test_values_are_checked_before_any_file_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "missing.jsonl")
    assert main(["figures", "--corpus", missing, "--during", "whenever"]) == 2
    assert capsys.readouterr().err.startswith("vnsg-corpus: error: --during: not a period")


# -- terminal safety (item 8) ----------------------------------------------------


def test_show_escapes_control_characters(evil: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(evil)]) == 0
    out = capsys.readouterr().out
    assert _raw_controls(out) == []
    assert out.startswith("id\\x1b[2J\\x1b]0;pwned\\x07\\x9b\\ud800\n")


@pytest.mark.parametrize("command", ["figures", "articles"])
def test_the_table_escapes_control_characters(
    command: str, evil: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, "--corpus", str(evil)]) == 0
    out = capsys.readouterr().out
    assert _raw_controls(out) == []
    assert "id\\x1b[2J" in out


def test_csv_escapes_control_characters(evil: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures", "--corpus", str(evil), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert _raw_controls(out) == []
    assert "\\x1b[2J\\x1b]0;pwned\\x07Trade between" in out
    assert "\\u202e \\x9b31m\\ud800" in out


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_is_exact_valid_and_escaped(
    fmt: str, evil: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["figures", "--corpus", str(evil), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert _raw_controls(out) == []
    assert "\u202e" not in out
    assert "\ud800" not in out
    rows = json.loads(out) if fmt == "json" else [json.loads(line) for line in out.splitlines()]
    assert rows[0]["articles"] == [f"id{EVIL}\x9b\ud800"]  # JSON keeps lists (0.7.0)
    assert rows[0]["evidence"][0]["article_id"] == f"id{EVIL}\x9b\ud800"
    assert rows[0]["evidence"][0]["text"].startswith(EVIL)
    assert rows[0]["sentence"] == rows[0]["evidence"][0]["text"]


def test_show_json_keeps_the_id_exactly(evil: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "--json", str(evil)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["id"] == f"id{EVIL}\x9b\ud800"


def test_error_messages_escape_file_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = tmp_path / "no\x1b]0;pwned\x07\x9b.txt"  # no "[": not a glob
    assert main(["show", str(name)]) == 1
    err = capsys.readouterr().err
    assert _raw_controls(err) == []
    assert "no\\x1b]0;pwned\\x07\\x9b.txt: no such file or directory\n" in err


# -- stdout: a closed pipe, a narrow encoding (item 4) ----------------------------


def test_a_closed_pipe_is_quiet_and_141() -> None:
    read, write = os.pipe()
    os.close(read)  # the reader has gone before the first write
    try:
        result = subprocess.run(
            [sys.executable, "-m", "vnsg_corpus", "--version"],
            stdout=write,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
            check=False,
            timeout=120,
        )
    finally:
        os.close(write)
    assert result.stderr == b""
    assert result.returncode == 141


def test_piped_into_head() -> None:
    command = f"{sys.executable} -m vnsg_corpus show | head -1"
    result = subprocess.run(
        ["sh", "-c", command],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        check=False,
        timeout=120,
    )
    assert result.stdout == b"000_9ed115568b55f0e8\n"
    assert b"Traceback" not in result.stderr
    assert result.stderr == b""


def test_an_ascii_stdout_gets_escaped_json(saved: Path) -> None:
    args = ("visits", "--corpus", str(saved), "--format", "json")
    narrow = _run(*args, env={"PYTHONIOENCODING": "ascii"})
    assert narrow.returncode == 0, narrow.stderr
    assert narrow.stderr == b""
    wide = _run(*args, env={"PYTHONIOENCODING": "utf-8"})
    narrow.stdout.decode("ascii")  # every byte ASCII
    assert json.loads(narrow.stdout) == json.loads(wide.stdout)
    assert "Tô Lâm".encode() in wide.stdout


def test_an_ascii_stdout_gets_escaped_text(saved: Path) -> None:
    result = _run("visits", "--corpus", str(saved), env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert b"T\\xf4 L\\xe2m" in result.stdout


# -- the last resorts -------------------------------------------------------------


@pytest.fixture
def broken_show(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    raised: list[BaseException] = []

    def fail(*_: object) -> int:
        raise raised[0]

    monkeypatch.setitem(cli._COMMANDS, "show", fail)
    return raised


def test_a_bug_is_one_line(
    broken_show: list[BaseException], capsys: pytest.CaptureFixture[str]
) -> None:
    broken_show.append(RuntimeError("boom\nsecond line"))
    assert main(["show"]) == 1
    captured = capsys.readouterr()
    assert captured.err == (
        "vnsg-corpus: internal error: RuntimeError: boom second line (please report it)\n"
    )


def test_an_interrupt_is_one_line_and_130(
    broken_show: list[BaseException], capsys: pytest.CaptureFixture[str]
) -> None:
    broken_show.append(KeyboardInterrupt())
    assert main(["show"]) == 130
    assert capsys.readouterr().err == "vnsg-corpus: interrupted\n"


def test_an_os_error_names_its_file_in_lower_case(
    broken_show: list[BaseException], capsys: pytest.CaptureFixture[str]
) -> None:
    broken_show.append(PermissionError(13, "Permission denied", "x.txt"))
    assert main(["show"]) == 1
    assert capsys.readouterr().err == "vnsg-corpus: error: x.txt: permission denied\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a read-only file")
def test_a_read_only_output_is_refused(
    seed_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("keep", encoding="utf-8")
    out.chmod(0o444)
    assert main(["ingest", str(seed_dir), "-o", str(out)]) == 1
    assert capsys.readouterr().err == f"vnsg-corpus: error: -o/--output: {out} is read-only\n"
    assert out.read_text(encoding="utf-8") == "keep"


def test_the_output_check_leaves_nothing_behind(
    seed_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["ingest", str(seed_dir), "-o", str(out)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
    assert capsys.readouterr().out == f"wrote 3 articles to {out}\n"
