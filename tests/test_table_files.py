"""``Corpus.from_table`` and ``vnsg-corpus ingest`` of tables: CSV, TSV, JSON Lines, Parquet."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vnsg_corpus import (
    Corpus,
    CorpusFormatError,
    DuplicateArticleError,
    MissingExtraError,
    QueryError,
    ReadError,
    RowError,
    _records,
    article_id,
)
from vnsg_corpus.cli import main

ROWS: list[dict[str, str]] = [
    {
        "id": "st-1",
        "body": "Bilateral trade rose to $31 billion last year.",
        "published": "10 February 2023",
        "link": "https://www.straitstimes.com/asia/1",
        "source": "The Straits Times",
    },
    {
        "id": "vns-2",
        "body": "HÀ NỘI — Việt Nam and Singapore agreed to expand trade.\n\n"
        'The "green" corridor opens in 2026, officials said. — VNS',
        "published": "2025-03-10",
        "link": "https://vietnamnews.vn/politics/2",
        "source": "VNS",
    },
    {
        "id": "x-3",
        "body": "Trade grew by 5 per cent, the ministry said.",
        "published": "",
        "link": "",
        "source": "",
    },
]


def _write_csv(path: Path, rows: list[dict[str, str]], **options: Any) -> Path:
    with path.open("w", encoding=options.pop("encoding", "utf-8"), newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), **options)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _expected() -> Corpus:
    return Corpus.from_records([dict(r) for r in ROWS], id="id", url="link")


# -- CSV and TSV --------------------------------------------------------------------


def test_a_csv_file_with_a_bom_crlf_and_quoted_newlines(tmp_path: Path) -> None:
    table = _write_csv(tmp_path / "news.csv", ROWS, encoding="utf-8-sig")
    assert table.read_bytes().startswith(b"\xef\xbb\xbfid,body")
    assert b'"HA' not in table.read_bytes()
    corpus = Corpus.from_table(table, id="id", url="link")
    assert corpus == _expected()
    assert corpus["vns-2"].paragraph_texts == (
        "Việt Nam and Singapore agreed to expand trade.",
        'The "green" corridor opens in 2026, officials said.',
    )
    assert corpus["st-1"].figures[0].unit == "SGD"
    assert (corpus["x-3"].date, corpus["x-3"].url, corpus["x-3"].outlet) == (None, None, None)


def test_lines_are_counted_past_quoted_newlines(tmp_path: Path) -> None:
    rows = [*ROWS, {**ROWS[2], "id": "x-4", "published": "31/02/2024"}]
    table = _write_csv(tmp_path / "news.csv", rows)
    # header 1, st-1 2, vns-2 3..5 (two line breaks in its text), x-3 6, x-4 7
    with pytest.raises(RowError) as caught:
        Corpus.from_table(table, id="id", url="link")
    error = caught.value
    assert (
        str(error) == f"{table}, line 7 (row 4), column 'published': unreadable date '31/02/2024'"
    )
    assert (error.path, error.line, error.row, error.column) == (str(table), 7, 4, "published")


def test_a_tsv_file(tmp_path: Path) -> None:
    table = _write_csv(tmp_path / "news.tsv", ROWS, dialect="excel-tab")
    assert Corpus.from_table(table, id="id", url="link") == _expected()


def test_blank_lines_are_not_rows(tmp_path: Path) -> None:
    table = tmp_path / "news.csv"
    table.write_text("body,published\n\nTrade grew.,2025-01-02\n\n\nTrade fell.,bad\n", "utf-8")
    with pytest.raises(RowError, match=r"line 6 \(row 2\), column 'published'"):
        Corpus.from_table(table)


def test_csv_bad_rows_name_their_line_and_skip_mode_reads_on(tmp_path: Path) -> None:
    table = tmp_path / "news.csv"
    table.write_bytes(
        b"body,published,url\n"
        b"Trade grew.,2025-01-02,https://a.vn/1\n"  # line 2, row 1
        b"Trade fell.,2025-01-03\n"  # line 3, row 2: a field short
        b'"Trade rose." and more,2025-01-04,https://a.vn/3\n'  # line 4, row 3: bad quoting
        b"Caf\xe9 trade.,2025-01-05,https://a.vn/4\n"  # line 5, row 4: Latin-1
        b",2025-01-06,https://a.vn/5\n"  # line 6, row 5: no text
        b"Trade grew again.,2025-01-07,https://a.vn/1\n"  # line 7, row 6: the URL of row 1
        b"Trade held.,2025-01-08,https://a.vn/8\n"  # line 8, row 7: good
    )
    corpus = Corpus.from_table(table, errors="skip")
    assert corpus.ids == (article_id("", "https://a.vn/1"), article_id("", "https://a.vn/8"))
    name = str(table)
    assert [str(e) for e in corpus.skipped_rows] == [
        f"{name}, line 3 (row 2): the row has 2 fields, the header 3",
        f"{name}, line 4 (row 3): not valid CSV: ',' expected after '\"'",
        f"{name}, line 5 (row 4): not valid UTF-8: invalid continuation byte (byte 4 of the line)",
        f"{name}, line 6 (row 5), column 'body': the text is empty",
        f"{name}, line 7 (row 6), column 'url': the same URL as line 2 (row 1)"
        f" (both get the id {article_id('', 'https://a.vn/1')!r})",
    ]
    assert [(e.row, e.line) for e in corpus.skipped_rows] == [
        (2, 3),
        (3, 4),
        (4, 5),
        (5, 6),
        (6, 7),
    ]
    with pytest.raises(RowError, match=r"line 3 \(row 2\): the row has 2 fields"):
        Corpus.from_table(table)


def test_a_quote_left_open_is_a_bad_row(tmp_path: Path) -> None:
    table = tmp_path / "news.csv"
    table.write_text('body\nTrade grew.\n"Trade fell.\nand so on\n', encoding="utf-8")
    with pytest.raises(RowError) as caught:
        Corpus.from_table(table)
    assert str(caught.value) == (
        f"{table}, line 3 (row 2): a quoted field is not closed before the end of the file"
    )


def test_a_field_over_the_limit_is_a_bad_row_and_the_limit_is_restored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_records, "MAX_ARTICLE_BYTES", 200_000)
    before = csv.field_size_limit()
    table = tmp_path / "news.csv"
    table.write_text(f"body\n{'x' * 300_000}\nTrade grew.\n", encoding="utf-8")
    corpus = Corpus.from_table(table, errors="skip")
    assert [a.text for a in corpus] == ["Trade grew."]
    assert [str(e) for e in corpus.skipped_rows] == [
        f"{table}, line 2 (row 1): a field is longer than 200,000 characters: not read"
    ]
    assert csv.field_size_limit() == before


def test_a_field_longer_than_the_default_csv_limit_is_read(tmp_path: Path) -> None:
    text = "Trade grew. " * 20_000  # 240,000 characters: over csv's default of 131,072
    table = tmp_path / "news.csv"
    table.write_text(f'body\n"{text}"\n', encoding="utf-8")
    (article,) = Corpus.from_table(table)
    assert article.text == text


def test_an_empty_csv_file_and_a_header_only(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(CorpusFormatError, match="the file is empty: no header row"):
        Corpus.from_table(empty)
    header = tmp_path / "header.csv"
    header.write_text("body,published\n", encoding="utf-8")
    assert len(Corpus.from_table(header)) == 0


def test_a_missing_column_names_the_file_and_its_columns(tmp_path: Path) -> None:
    table = _write_csv(tmp_path / "news.csv", ROWS)
    with pytest.raises(QueryError) as caught:
        Corpus.from_table(table, url="href")
    assert str(caught.value) == (
        f"url: no column 'href' in {table} (accepted: a column of the table:"
        " 'id', 'body', 'published', 'link', 'source'; or None)"
    )
    with pytest.raises(QueryError, match="no column 'body '"):
        Corpus.from_table(table, text="body ")


def test_a_header_naming_a_used_column_twice(tmp_path: Path) -> None:
    table = tmp_path / "news.csv"
    table.write_text("body,body\na,b\n", encoding="utf-8")
    with pytest.raises(QueryError, match="the column 'body' appears 2 times"):
        Corpus.from_table(table)


def test_duplicate_ids_in_a_file_name_both_lines(tmp_path: Path) -> None:
    rows = [ROWS[0], ROWS[2], {**ROWS[1], "id": "st-1"}]
    table = _write_csv(tmp_path / "news.csv", rows)
    with pytest.raises(DuplicateArticleError) as caught:
        Corpus.from_table(table, id="id", url="link")
    assert str(caught.value) == (
        f"{table}, line 4 (row 3), column 'id': the id 'st-1' is also that of line 2 (row 1)"
    )


def test_ids_are_stable_across_two_ingests_of_a_file(tmp_path: Path) -> None:
    rows = [{k: v for k, v in r.items() if k != "id"} for r in ROWS]
    table = _write_csv(tmp_path / "news.csv", rows)
    first = Corpus.from_table(table, url="link")
    second = Corpus.from_table(table, url="link")
    assert first.ids == second.ids
    assert first.ids == tuple(article_id(r["body"], r["link"] or None) for r in rows)
    assert first == Corpus.from_records(rows, url="link")


def test_workers_give_the_same_corpus_as_serial_parsing(tmp_path: Path) -> None:
    rows = [
        {"body": f"Trade between Việt Nam and Singapore grew by {i} per cent.", "published": ""}
        for i in range(40)
    ]
    table = _write_csv(tmp_path / "news.csv", rows)
    assert Corpus.from_table(table, workers=2) == Corpus.from_table(table, workers=1)


# -- JSON Lines ---------------------------------------------------------------------


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def test_a_json_lines_file(tmp_path: Path) -> None:
    table = _write_jsonl(tmp_path / "news.jsonl", [dict(r) for r in ROWS])
    assert Corpus.from_table(table, id="id", url="link") == _expected()
    ndjson = _write_jsonl(tmp_path / "news.ndjson", [dict(r) for r in ROWS])
    assert Corpus.from_table(ndjson, id="id", url="link") == _expected()


def test_json_lines_values_and_bad_lines(tmp_path: Path) -> None:
    table = tmp_path / "news.jsonl"
    table.write_bytes(
        b'\xef\xbb\xbf{"body": "Trade grew.", "published": null, "id": 1}\n'  # line 1, row 1
        b"\n"
        b'{"body": "Trade fell.", "id": 2\n'  # line 3, row 2: not JSON
        b'["Trade rose."]\n'  # line 4, row 3: not an object
        b'{"body": "Caf\xe9", "id": 3}\n'  # line 5, row 4: not UTF-8
        b'{"body": 5, "id": 4}\n'  # line 6, row 5: text not a str
        b'{"body": "Trade held.", "published": "2025-01-02", "id": 5}\n'  # line 7, row 6
    )
    corpus = Corpus.from_table(table, id="id", errors="skip")
    assert corpus.ids == ("1", "5")
    assert corpus["5"].date == dt.date(2025, 1, 2)
    name = str(table)
    assert [str(e) for e in corpus.skipped_rows] == [
        f"{name}, line 3 (row 2): not valid JSON: Expecting ',' delimiter (column 32)",
        f"{name}, line 4 (row 3): a line must hold a JSON object, not an array",
        f"{name}, line 5 (row 4): not valid UTF-8: invalid continuation byte (byte 14 of the line)",
        f"{name}, line 6 (row 5), column 'body': the text must be a str, not int",
    ]
    with pytest.raises(RowError, match=r"line 3 \(row 2\): not valid JSON"):
        Corpus.from_table(table, id="id")


def test_json_lines_columns_are_the_first_objects_keys(tmp_path: Path) -> None:
    table = _write_jsonl(tmp_path / "news.jsonl", [{"text": "Trade grew."}])
    with pytest.raises(QueryError) as caught:
        Corpus.from_table(table)
    assert str(caught.value).startswith(
        f"text: no column 'body' in {table} (its first object, line 1)"
    )
    (article,) = Corpus.from_table(table, text="text")
    assert article.text == "Trade grew."


def test_json_lines_nested_too_deeply_is_a_bad_row(tmp_path: Path) -> None:
    table = tmp_path / "news.jsonl"
    table.write_text('{"body": "Trade grew."}\n' + "[" * 100_000 + "\n", encoding="utf-8")
    corpus = Corpus.from_table(table, errors="skip")
    assert len(corpus) == 1
    assert [(e.line, e.column) for e in corpus.skipped_rows] == [(2, None)]


# -- Parquet ------------------------------------------------------------------------


def _parquet(path: Path, columns: dict[str, list[Any]]) -> Path:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.table(columns), path)
    return path


def test_a_parquet_file_with_date_and_timestamp_columns(tmp_path: Path) -> None:
    table = _parquet(
        tmp_path / "news.parquet",
        {
            "id": ["a", "b", "c"],
            "body": ["Trade grew.", "Trade fell.", "Trade rose."],
            "published": [dt.date(2025, 3, 10), None, dt.date(2025, 3, 12)],
            "seen": [
                dt.datetime(2025, 3, 10, 8, tzinfo=dt.UTC),
                None,
                dt.datetime(2025, 3, 12, 23, tzinfo=dt.UTC),
            ],
            "source": ["VNS", None, "CNA"],
        },
    )
    corpus = Corpus.from_table(table, id="id")
    assert [a.date for a in corpus] == [dt.date(2025, 3, 10), None, dt.date(2025, 3, 12)]
    assert [a.outlet for a in corpus] == ["Việt Nam News", None, "CNA"]
    by_timestamp = Corpus.from_table(table, id="id", date="seen")
    assert [a.date for a in by_timestamp] == [dt.date(2025, 3, 10), None, dt.date(2025, 3, 12)]


def test_parquet_is_read_in_batches_and_rows_are_numbered_across_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_records, "_BATCH", 2)
    bodies = [f"Trade grew by {i} per cent." for i in range(5)]
    bodies[3] = " "
    table = _parquet(tmp_path / "news.parquet", {"body": bodies})
    corpus = Corpus.from_table(table, errors="skip")
    assert [a.text for a in corpus] == [b for i, b in enumerate(bodies) if i != 3]
    assert [str(e) for e in corpus.skipped_rows] == [
        f"{table}, row 4, column 'body': the text is blank"
    ]
    assert corpus.skipped_rows[0].line is None


def test_a_parquet_file_lacking_a_named_column(tmp_path: Path) -> None:
    table = _parquet(tmp_path / "news.parquet", {"body": ["Trade grew."]})
    with pytest.raises(QueryError, match=f"no column 'key' in {table}"):
        Corpus.from_table(table, id="key")


def test_a_file_that_is_no_parquet(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    table = tmp_path / "news.parquet"
    table.write_text("body\nTrade grew.\n", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match=f"^{table}: not a readable Parquet file: "):
        Corpus.from_table(table)


@pytest.fixture
def _no_pyarrow(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    before = set(sys.modules)
    for name in [m for m in sys.modules if m == "pyarrow" or m.startswith("pyarrow.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    yield
    for name in set(sys.modules) - before:
        del sys.modules[name]


@pytest.mark.usefixtures("_no_pyarrow")
def test_parquet_without_pyarrow_names_the_extra(tmp_path: Path) -> None:
    table = tmp_path / "news.parquet"
    table.write_bytes(b"PAR1")
    with pytest.raises(MissingExtraError) as caught:
        Corpus.from_table(table)
    assert str(caught.value) == "from_table needs pyarrow: pip install 'vnsg-corpus[arrow]'"


# -- formats and files --------------------------------------------------------------


def test_the_format_argument_overrides_the_suffix(tmp_path: Path) -> None:
    table = _write_csv(tmp_path / "news.txt", ROWS)
    with pytest.raises(QueryError) as caught:
        Corpus.from_table(table)
    assert caught.value.argument == "format"
    assert "cannot tell the format of" in str(caught.value)
    assert Corpus.from_table(table, format="CSV", id="id", url="link") == _expected()
    with pytest.raises(QueryError, match="unknown table format 'xlsx'"):
        Corpus.from_table(table, format="xlsx")


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file or directory"):
        Corpus.from_table(tmp_path / "missing.csv")
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    with pytest.raises(ReadError, match="not a regular file but a FIFO"):
        Corpus.from_table(fifo)
    with pytest.raises(ReadError, match="a directory"):
        Corpus.from_table(tmp_path, format="csv")


# -- the command line ---------------------------------------------------------------


def test_ingest_a_csv_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = _write_csv(tmp_path / "news.csv", ROWS)
    target = tmp_path / "corpus.jsonl"
    status = main(
        ["ingest", str(table), "--id-column", "id", "--url-column", "link", "-o", str(target)]
    )
    captured = capsys.readouterr()
    assert (status, captured.err) == (0, "")
    assert captured.out == f"wrote 3 articles to {target}\n"
    assert Corpus.load(target) == _expected()


def test_ingest_skips_bad_rows_naming_each_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [*ROWS, {**ROWS[2], "id": "x-4", "published": "31/02/2024"}, {**ROWS[2]}]
    table = _write_csv(tmp_path / "news.csv", rows)
    target = tmp_path / "corpus.jsonl"
    argv = ["ingest", str(table), "--id-column", "id", "--url-column", "link", "-o", str(target)]
    status = main([*argv, "--skip-errors"])
    captured = capsys.readouterr()
    assert status == 0
    assert captured.err.splitlines() == [
        f"vnsg-corpus: skipped {table}, line 7 (row 4), column 'published':"
        " unreadable date '31/02/2024'",
        f"vnsg-corpus: skipped {table}, line 8 (row 5), column 'id':"
        " the id 'x-3' is also that of line 6 (row 3)",
        "vnsg-corpus: skipped 2 row(s) that could not be read",
    ]
    assert Corpus.load(target).ids == ("st-1", "vns-2", "x-3")
    target.unlink()
    status = main(argv)
    captured = capsys.readouterr()
    assert status == 1
    assert captured.err == (
        f"vnsg-corpus: error: {table}, line 7 (row 4), column 'published':"
        " unreadable date '31/02/2024'\n"
    )
    assert "Traceback" not in captured.err
    assert not target.exists()


def test_ingest_several_tables_reports_duplicates_across_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _write_csv(tmp_path / "a.csv", ROWS[:2])
    second = _write_jsonl(tmp_path / "b.jsonl", [dict(ROWS[2]), dict(ROWS[0])])
    target = tmp_path / "corpus.jsonl"
    status = main(
        [
            *("ingest", str(first), str(second)),
            *("--text-column", "body", "--id-column", "id", "-o", str(target)),
        ]
    )
    captured = capsys.readouterr()
    assert status == 1
    assert captured.err == (
        f"vnsg-corpus: error: {second}, line 2 (row 2), column 'id':"
        f" the id 'st-1' is also that of {first}, line 2 (row 1)\n"
    )


def test_a_jsonl_input_is_a_table_only_with_text_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _write_jsonl(tmp_path / "news.jsonl", [dict(r) for r in ROWS])
    target = tmp_path / "corpus.jsonl"
    assert main(["ingest", str(table), "-o", str(target)]) == 1
    assert "is a saved corpus" in capsys.readouterr().err
    assert main(["ingest", str(table), "--text-column", "body", "-o", str(target)]) == 0
    capsys.readouterr()
    assert Corpus.load(target) == Corpus.from_table(table)


def test_ingest_a_parquet_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = _parquet(tmp_path / "news.parquet", {"body": ["Trade grew.", "Trade fell."]})
    target = tmp_path / "corpus.jsonl"
    assert main(["ingest", str(table), "-o", str(target), "--workers", "1"]) == 0
    assert capsys.readouterr().out == f"wrote 2 articles to {target}\n"
    assert Corpus.load(target) == Corpus.from_table(table)
