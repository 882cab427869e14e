"""A catalogue of bad command lines: each is one line on stderr and a non-zero exit.

Every case runs ``main([...])`` in-process (stdout and stderr captured) from a
folder of prepared files, or, for what needs a real process (stdout full or
closed), ``python -m vnsg_corpus`` in a subprocess.  Each asserts the exit
status, exactly one line on stderr starting with ``vnsg-corpus: error: `` and
the expected message, nothing on stdout, and no ``Traceback`` anywhere.

The table on the Robustness page (docs/robustness.md, between the
``cli-catalogue`` markers) is this catalogue; a test checks they match.  After
changing the catalogue, print the table with ``python -m tests.test_cli_catalogue``
and paste it there.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import vnsg_corpus
from vnsg_corpus.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "robustness.md"
START, END = "<!-- cli-catalogue:start -->", "<!-- cli-catalogue:end -->"

LONG_PERIOD = "2024/" * 1200
LONG_DATE = "9" * 6000


@dataclass(frozen=True)
class Case:
    """One bad command line.

    Attributes:
        command: The arguments as typed in a shell (after ``vnsg-corpus``);
            ``> /dev/full`` and ``>&-`` at the end run it in a subprocess with
            stdout full or closed.
        status: The exit status.
        message: The start of the error, after ``vnsg-corpus: error: ``.
        args: The arguments, when the shell form only describes them.
    """

    command: str
    status: int
    message: str
    args: tuple[str, ...] | None = None

    @property
    def argv(self) -> list[str]:
        if self.args is not None:
            return list(self.args)
        return shlex.split(self.command.removesuffix(" > /dev/full").removesuffix(" >&-"))

    @property
    def redirect(self) -> str | None:
        for suffix in ("> /dev/full", ">&-"):
            if self.command.endswith(suffix):
                return suffix
        return None


USAGE, FAILURE = 2, 1

CATALOGUE: tuple[Case, ...] = (
    # -- the command line itself (exit 2) --
    Case("", USAGE, "the following arguments are required: COMMAND"),
    Case("frobnicate", USAGE, "COMMAND: invalid choice: 'frobnicate'"),
    Case("--frob", USAGE, "the following arguments are required: COMMAND"),
    Case("show --frob", USAGE, "unrecognized arguments: --frob"),
    Case("show --json=yes", USAGE, "--json: ignored explicit argument 'yes'"),
    Case("ingest seeds", USAGE, "the following arguments are required: -o/--output"),
    Case("ingest -o out.jsonl", USAGE, "the following arguments are required: PATH"),
    Case("ingest seeds -o out.jsonl --workers 0", USAGE, "--workers: must be at least 1, not 0"),
    Case("ingest seeds -o out.jsonl --workers -3", USAGE, "--workers: must be at least 1, not -3"),
    Case("ingest seeds -o out.jsonl --workers two", USAGE, "--workers: not a whole number: 'two'"),
    Case("ingest seeds -o out.jsonl --workers ''", USAGE, "--workers: not a whole number: ''"),
    Case("ingest seeds -o out.jsonl --workers 1.5", USAGE, "--workers: not a whole number: '1.5'"),
    Case("ingest seeds -o ''", USAGE, "-o/--output: an empty path"),
    Case(
        "ingest seeds -o out.jsonl --pattern '/etc/*'",
        USAGE,
        "--pattern: '/etc/*' is not a file-name pattern",
    ),
    Case(
        "ingest seeds -o out.jsonl --pattern '../*.txt'",
        USAGE,
        "--pattern: '../*.txt' is not a file-name pattern",
    ),
    Case("ingest seeds -o out.jsonl --pattern ''", USAGE, "--pattern: an empty pattern"),
    Case(
        "ingest seeds -o out.jsonl --pattern 'sub/*.txt'",
        USAGE,
        "--pattern: 'sub/*.txt' is not a file-name pattern",
    ),
    Case("ingest seeds -o out.jsonl --pattern ..", USAGE, "--pattern: '..' is not a file-name"),
    Case("ingest news.csv -o out.jsonl --text-column ''", USAGE, "--text-column: an empty column"),
    Case("ingest news.csv -o out.jsonl --id-column", USAGE, "--id-column: expected one argument"),
    Case("show ''", USAGE, "PATH: an empty path"),
    Case("show seeds ''", USAGE, "PATH: an empty path"),
    Case("articles --corpus ''", USAGE, "--corpus: an empty path"),
    Case("figures --corpus", USAGE, "--corpus: expected at least one argument"),
    Case("figures --format xml", USAGE, "--format: invalid choice: 'xml'"),
    Case(
        "figures --during '2024/2024/…' (6,000 characters)",
        USAGE,
        "--during: too long: 6,000 characters (at most 200)",
        ("figures", "--during", LONG_PERIOD),
    ),
    Case("figures --during whenever", USAGE, "--during: not a period: 'whenever'"),
    Case("figures --during 2020/2022/2024", USAGE, "--during: not a period: '2020/2022/2024'"),
    Case("figures --during 2025-13", USAGE, "--during: not a period: '2025-13'"),
    Case("figures --metric trade_volume", USAGE, "--metric: unknown Metric 'trade_volume'"),
    Case("figures --unit dollars", USAGE, "--unit: unknown unit 'dollars'"),
    Case("figures --unit ''", USAGE, "--unit: unknown unit ''"),
    Case("figures --min-value lots", USAGE, "--min-value: not a number: 'lots'"),
    Case("figures --max-value NaN", USAGE, "--max-value: not a number: 'NaN'"),
    Case("figures --min-value inf", USAGE, "--min-value: not a number: 'inf'"),
    Case("figures --between VNM Narnia", USAGE, "--between: unknown country 'Narnia'"),
    Case("figures --between VNM", USAGE, "--between: expected 2 arguments"),
    Case("figures --subject '!!!'", USAGE, "--subject: no words to search for in '!!!'"),
    Case("visits --host Atlantis", USAGE, "--host: unknown country 'Atlantis'"),
    Case("visits --guest-country Mars", USAGE, "--guest-country: unknown country 'Mars'"),
    Case("visits --kind royal", USAGE, "--kind: unknown VisitKind 'royal'"),
    Case("visits --status cancelled", USAGE, "--status: unknown VisitStatus 'cancelled'"),
    Case("visits --during 'next week'", USAGE, "--during: not a period: 'next week'"),
    Case("visits --during 2024-02-30", USAGE, "--during: not a period: '2024-02-30'"),
    Case("visits --visitor '...'", USAGE, "--visitor: no words to search for in '...'"),
    Case("partnerships --between VNM Narnia", USAGE, "--between: unknown country 'Narnia'"),
    Case("partnerships --between Narnia SGP", USAGE, "--between: unknown country 'Narnia'"),
    Case("articles --since 10/03/2025", USAGE, "--since: not a date: '10/03/2025'"),
    Case("articles --until 2025-13-01", USAGE, "--until: not a date: '2025-13-01'"),
    Case(
        "articles --since '999…' (6,000 characters)",
        USAGE,
        "--since: too long: 6,000 characters (at most 200)",
        ("articles", "--since", LONG_DATE),
    ),
    Case("articles --text '!!!'", USAGE, "--text: no words to search for in '!!!'"),
    Case("articles --text ''", USAGE, "--text: no words to search for in ''"),
    Case("articles --mentions '??'", USAGE, "--mentions: no words to search for in '??'"),
    Case("articles --source '…'", USAGE, "--source: no words to search for in '…'"),
    Case("export", USAGE, "the following arguments are required: --format, -o/--output"),
    Case("export -o out", USAGE, "the following arguments are required: --format"),
    Case("export --format jsonl", USAGE, "the following arguments are required: -o/--output"),
    Case("export --format xml -o out", USAGE, "--format: invalid choice: 'xml'"),
    Case("export --format jsonl -o ''", USAGE, "-o/--output: an empty path"),
    Case("export --format jsonl -o out --corpus ''", USAGE, "--corpus: an empty path"),
    Case("export --format plover -o out --host", USAGE, "unrecognized arguments: --host"),
    # -- the files or the system refuse (exit 1) --
    Case("show no/such/file.txt", FAILURE, "no/such/file.txt: no such file or directory"),
    Case("show 'nothing*.txt'", FAILURE, "nothing*.txt: the glob pattern matches no file"),
    Case("visits --corpus missing.jsonl", FAILURE, "missing.jsonl: no such file or directory"),
    Case(
        "show good.jsonl a.txt",
        FAILURE,
        "PATH: good.jsonl is a saved corpus and a.txt an article file;",
    ),
    Case(
        "show saved.txt a.txt",
        FAILURE,
        "PATH: saved.txt is a saved corpus and a.txt an article file;",
    ),
    Case(
        "articles --corpus a.txt good.jsonl",
        FAILURE,
        "--corpus: good.jsonl is a saved corpus and a.txt an article file;",
    ),
    Case(
        "articles --corpus good.jsonl GOOD.JSONL",
        FAILURE,
        "GOOD.JSONL: article '000_9ed115568b55f0e8' is also in good.jsonl",
    ),
    Case("show bad.jsonl", FAILURE, "bad.jsonl, line 1"),
    Case("figures --corpus bad.jsonl", FAILURE, "bad.jsonl, line 1"),
    Case("show latin.txt", FAILURE, "latin.txt (byte 3): "),
    Case("show dup", FAILURE, "PATH: dup/x/one.txt and dup/y/one.txt would both be article 'one'"),
    Case("show a.txt a.txt", FAILURE, "PATH: a.txt is given twice"),
    Case("ingest latin -o out.jsonl", FAILURE, "latin/latin.txt (byte 3): "),
    Case(
        "ingest dup -o out.jsonl",
        FAILURE,
        "PATH: dup/x/one.txt and dup/y/one.txt would both be article 'one'",
    ),
    Case(
        "ingest good.jsonl -o out.jsonl",
        FAILURE,
        "PATH: good.jsonl is a saved corpus; ingest reads article files",
    ),
    Case(
        "ingest nobody.csv -o out.jsonl",
        FAILURE,
        "--text-column: no column 'body' in nobody.csv (a column of the table: 'text', 'date')",
    ),
    Case(
        "ingest news.csv -o out.jsonl --date-column when",
        FAILURE,
        "--date-column: no column 'when' in news.csv (a column of the table: 'body', 'published',",
    ),
    Case(
        "ingest baddate.csv -o out.jsonl",
        FAILURE,
        "baddate.csv, line 3 (row 2), column 'published': unreadable date '31/02/2024'",
    ),
    Case(
        "ingest ambiguous.csv -o out.jsonl",
        FAILURE,
        "ambiguous.csv, line 2 (row 1), column 'published': ambiguous date '03/04/2025'",
    ),
    Case(
        "ingest dupids.csv -o out.jsonl --id-column id",
        FAILURE,
        "dupids.csv, line 3 (row 2), column 'id': the id 'a1' is also that of line 2 (row 1)",
    ),
    Case(
        "ingest short.csv -o out.jsonl",
        FAILURE,
        "short.csv, line 3 (row 2): the row has 1 field, the header 2",
    ),
    Case("ingest empty.csv -o out.jsonl", FAILURE, "empty.csv: the file is empty: no header row"),
    Case("ingest missing.csv -o out.jsonl", FAILURE, "missing.csv: no such file or directory"),
    Case("ingest fifo.csv -o out.jsonl", FAILURE, "fifo.csv: not a regular file but a FIFO"),
    Case(
        "ingest news.csv a.txt -o out.jsonl",
        FAILURE,
        "PATH: a.txt is not a table (.csv, .tsv, .jsonl, .ndjson, .parquet);",
    ),
    Case(
        "ingest a.txt -o out.jsonl --text-column body",
        FAILURE,
        "PATH: a.txt is not a table (.csv, .tsv, .jsonl, .ndjson, .parquet);",
    ),
    Case(
        "ingest seeds -o out.jsonl --text-column body",
        FAILURE,
        "PATH: seeds is a folder; name the table files",
    ),
    Case(
        "ingest table.jsonl -o out.jsonl --date-column published",
        FAILURE,
        "PATH: table.jsonl is JSON Lines, the format of saved corpora;",
    ),
    Case(
        "ingest bad.jsonl -o out.jsonl --text-column body",
        FAILURE,
        "--text-column: no column 'body' in bad.jsonl (its first object, line 1)",
    ),
    Case(
        "ingest notjson.jsonl -o out.jsonl --text-column body",
        FAILURE,
        "notjson.jsonl, line 2 (row 2): not valid JSON: Expecting property name enclosed in double",
    ),
    Case("ingest seeds -o missing/out.jsonl", FAILURE, "-o/--output: the folder missing does not"),
    Case("ingest seeds -o seeds", FAILURE, "-o/--output: seeds is a folder"),
    Case("ingest seeds -o new/", FAILURE, "-o/--output: new/ is a folder"),
    Case("ingest seeds -o a.txt/out.jsonl", FAILURE, "-o/--output: a.txt is not a folder"),
    Case("ingest seeds -o fifo.jsonl", FAILURE, "-o/--output: fifo.jsonl is not a regular file"),
    Case(
        "ingest seeds -o /proc/out.jsonl",
        FAILURE,
        "-o/--output: cannot write in the folder /proc: ",
    ),
    Case("export --format jsonl -o a.txt", FAILURE, "-o/--output: a.txt is not a folder"),
    Case("export --format jsonl -o fifo.jsonl", FAILURE, "-o/--output: fifo.jsonl is not a folder"),
    Case(
        "export --format jsonl -o missing/out",
        FAILURE,
        "-o/--output: the folder missing does not exist",
    ),
    Case("export --format plover -o a.txt/out", FAILURE, "-o/--output: a.txt is not a folder"),
    Case(
        "export --format jsonl -o /proc/out",
        FAILURE,
        "-o/--output: cannot create the folder /proc/out: ",
    ),
    Case("export --format plover -o out --corpus bad.jsonl", FAILURE, "bad.jsonl, line 1"),
    Case(
        "export --format jsonl -o out --corpus missing.jsonl",
        FAILURE,
        "missing.jsonl: no such file or directory",
    ),
    Case(
        "export --format jsonl -o out --corpus good.jsonl a.txt",
        FAILURE,
        "--corpus: good.jsonl is a saved corpus and a.txt an article file;",
    ),
    # -- standard output refuses (exit 1; run in a subprocess) --
    Case(
        "figures --corpus good.jsonl > /dev/full",
        FAILURE,
        "cannot write to standard output: no space left on device",
    ),
    Case(
        "show --json good.jsonl > /dev/full",
        FAILURE,
        "cannot write to standard output: no space left on device",
    ),
    Case(
        "export --format plover -o out > /dev/full",
        FAILURE,
        "cannot write to standard output: no space left on device",
    ),
    Case("--help > /dev/full", FAILURE, "cannot write to standard output: no space left on device"),
    Case("figures --corpus good.jsonl >&-", FAILURE, "standard output is closed"),
    Case("--version >&-", FAILURE, "standard output is closed"),
)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_dir: Path) -> Path:
    """A folder of good and bad inputs, made the current folder."""
    shutil.copytree(seed_dir, tmp_path / "seeds")
    vnsg_corpus.load().save(tmp_path / "good.jsonl")
    shutil.copy(tmp_path / "good.jsonl", tmp_path / "GOOD.JSONL")
    shutil.copy(tmp_path / "good.jsonl", tmp_path / "saved.txt")
    (tmp_path / "a.txt").write_text("Trade grew. — VNS", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text("{}\n", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes(b"caf\xe9 trade\n")
    (tmp_path / "latin").mkdir()
    (tmp_path / "latin" / "latin.txt").write_bytes(b"caf\xe9 trade\n")
    for sub in ("x", "y"):
        (tmp_path / "dup" / sub).mkdir(parents=True)
        (tmp_path / "dup" / sub / "one.txt").write_text("Trade grew.", encoding="utf-8")
    # A FIFO stands for devices: never test with /dev/null itself, which a CLI without
    # the check would replace with a regular file when run as root.
    os.mkfifo(tmp_path / "fifo.jsonl")
    os.mkfifo(tmp_path / "fifo.csv")
    tables = {
        "news.csv": "body,published,link\nTrade grew.,2025-03-10,https://a.vn/1\n",
        "nobody.csv": "text,date\nTrade grew.,2025-03-10\n",
        "baddate.csv": "body,published\nTrade grew.,2025-03-10\nTrade fell.,31/02/2024\n",
        "ambiguous.csv": "body,published\nTrade grew.,03/04/2025\n",
        "dupids.csv": "id,body\na1,Trade grew.\na1,Trade fell.\n",
        "short.csv": "body,published\nTrade grew.,2025-03-10\nTrade fell.\n",
        "empty.csv": "",
        "table.jsonl": '{"body": "Trade grew."}\n',
        "notjson.jsonl": '{"body": "Trade grew."}\n{body: 1}\n',
    }
    for name, content in tables.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(status: int, out: str, err: str, case: Case) -> None:
    assert "Traceback" not in out + err
    assert out == ""
    assert err.endswith("\n")
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"vnsg-corpus: error: {case.message}"), lines[0]
    assert status == case.status, err


def _run_in_process(case: Case, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(case.argv)
    captured = capsys.readouterr()
    _check(status, captured.out, captured.err, case)


def _run_in_subprocess(case: Case, workdir: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if case.redirect == ">&-":
        # fd 1 closed before the program starts: Python then has no sys.stdout
        result = subprocess.run(
            [sys.executable, "-c", _CLOSED_STDOUT, *case.argv],
            stderr=subprocess.PIPE,
            text=True,
            cwd=workdir,
            env=env,
            check=False,
            timeout=120,
        )
    else:
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [sys.executable, "-m", "vnsg_corpus", *case.argv],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                cwd=workdir,
                env=env,
                check=False,
                timeout=120,
            )
    _check(result.returncode, "", result.stderr, case)


_CLOSED_STDOUT = """\
import os, subprocess, sys
os.close(1)
sys.exit(subprocess.run([sys.executable, "-m", "vnsg_corpus", *sys.argv[1:]]).returncode)
"""


def _id(case: Case) -> str:
    return case.command[:60] or "(nothing)"


@pytest.mark.parametrize("case", [c for c in CATALOGUE if c.redirect is None], ids=_id)
def test_bad_invocation_is_one_line_and_a_status(
    case: Case, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if " /proc/" in case.command and not Path("/proc").is_dir():
        pytest.skip("needs Linux /proc")
    _run_in_process(case, capsys)
    assert not (workdir / "out.jsonl").exists()
    assert not (workdir / "out").exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("case", [c for c in CATALOGUE if c.redirect is not None], ids=_id)
def test_bad_output_is_one_line_and_a_status(case: Case, workdir: Path) -> None:
    _run_in_subprocess(case, workdir)


def test_the_catalogue_is_large_and_distinct() -> None:
    assert len(CATALOGUE) >= 60
    assert len({c.command for c in CATALOGUE}) == len(CATALOGUE)


def render_table() -> str:
    """The catalogue as the Markdown table of the Robustness page."""
    lines = ["| command | exit | stderr (one line, starts with) |", "| --- | ---: | --- |"]
    for case in CATALOGUE:
        command = f"vnsg-corpus {case.command}".rstrip().replace("|", "\\|")
        message = f"vnsg-corpus: error: {case.message}".rstrip().replace("|", "\\|")
        lines.append(f"| `{command}` | {case.status} | `{message}` |")
    return "\n".join(lines)


def test_the_robustness_page_lists_the_catalogue() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert START in text, f"{DOC} lacks the {START} marker"
    assert END in text, f"{DOC} lacks the {END} marker"
    shown = text.split(START, 1)[1].split(END, 1)[0].strip()
    assert shown == render_table(), (
        "the catalogue changed: print the table with `python -m tests.test_cli_catalogue`"
        f" and paste it between the markers in {DOC}"
    )


if __name__ == "__main__":
    print(render_table())  # the table to paste into docs/robustness.md
