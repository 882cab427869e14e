"""JSON round trips, the file format, error reporting and atomic writes."""

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given

from vnsg_corpus import (
    SCHEMA_VERSION,
    Article,
    Corpus,
    CorpusFormatError,
    EconomicFigure,
    Metric,
    SchemaVersionError,
    VnsgCorpusError,
    parse_article,
)
from vnsg_corpus.serialize import from_dict, from_json, read_jsonl, to_json, write_jsonl

from .strategies import articles


@given(articles())
def test_json_round_trip_gives_equal_article(article: Article) -> None:
    assert from_json(to_json(article)) == article


@given(articles())
def test_every_record_is_one_line_with_schema_version_first(article: Article) -> None:
    line = to_json(article)
    assert "\n" not in line
    record = json.loads(line)
    assert next(iter(record)) == "schema_version"
    assert record["schema_version"] == SCHEMA_VERSION


def test_lone_surrogates_are_escaped_not_dropped(tmp_path: Path) -> None:
    article = parse_article("bad \ud800 text", id="s")
    path = tmp_path / "s.jsonl"
    write_jsonl([article], path)
    assert path.read_bytes().isascii()
    assert list(read_jsonl(path)) == [article]


def test_vietnamese_is_written_readably(tmp_path: Path) -> None:
    path = tmp_path / "v.jsonl"
    write_jsonl([parse_article("Việt Nam", id="v")], path)
    assert "Việt Nam" in path.read_text(encoding="utf-8")


def _record(**fields: object) -> str:
    """A version 1 record (every key: a record written by the library has them all)."""
    base: dict[str, object] = json.loads(to_json(Article(id="x", text="abc")))
    base.update({"schema_version": 1, **fields})
    return json.dumps(base)


@pytest.mark.parametrize(
    ("line", "error", "field"),
    [
        ('{"id": "x", "text": "abc"}', SchemaVersionError, "$.schema_version"),
        (_record(schema_version=99), SchemaVersionError, "$.schema_version"),
        (_record(text=5), CorpusFormatError, "$.text"),
        (_record(date="2025-02-30"), CorpusFormatError, "$.date"),
        (_record(extra=1), CorpusFormatError, "$"),
        ('{"schema_version": 1, "text": "abc"}', CorpusFormatError, "$.id"),
        (_record(paragraphs=[{"start": 0, "end": 9}]), CorpusFormatError, "$.paragraphs[0]"),
        (
            _record(figures=[{"metric": "other", "subject": "s", "value": "abc", "unit": "count"}]),
            CorpusFormatError,
            "$.figures[0].value",
        ),
        (
            _record(figures=[{"metric": "nope", "subject": "s", "value": "1", "unit": "count"}]),
            CorpusFormatError,
            "$.figures[0].metric",
        ),
        ("[1, 2]", CorpusFormatError, None),
        ("{not json", CorpusFormatError, None),
        ("[" * 100_000, CorpusFormatError, None),
        ('{"schema_version": 1, "id": ' + "9" * 5000 + "}", CorpusFormatError, "$.id"),
    ],
)
def test_bad_records_name_file_line_and_field(
    line: str, error: type[CorpusFormatError], field: str | None
) -> None:
    with pytest.raises(error) as info:
        from_json(line, path="corpus.jsonl", line=7)
    assert isinstance(info.value, VnsgCorpusError)
    assert (info.value.path, info.value.line, info.value.field) == ("corpus.jsonl", 7, field)
    assert str(info.value).startswith("corpus.jsonl, line 7")


def test_evidence_that_does_not_match_text_is_rejected() -> None:
    record = json.loads(to_json(parse_article("abc", id="x")))
    figure = EconomicFigure(Metric.OTHER, "s", Decimal(1), "count")
    record["figures"] = [
        {
            **json.loads(to_json(Article(id="x", text="abc", figures=(figure,))))["figures"][0],
            "evidence": [{"article_id": "x", "start": 0, "end": 2, "text": "zz"}],
        }
    ]
    with pytest.raises(CorpusFormatError) as info:
        from_dict(record)
    assert info.value.field == "$.figures[0].evidence[0]"


def test_read_jsonl_reports_line_numbers_and_can_skip(tmp_path: Path) -> None:
    good = to_json(parse_article("One.", id="a"))
    path = tmp_path / "c.jsonl"
    path.write_text(
        f'{good}\n\ngarbage\n{to_json(parse_article("Two.", id="b"))}\n{{"trunc', "utf-8"
    )
    with pytest.raises(CorpusFormatError) as info:
        list(read_jsonl(path))
    assert info.value.line == 3
    skipped: list[CorpusFormatError] = []
    ids = [a.id for a in read_jsonl(path, errors="skip", skipped=skipped)]
    assert ids == ["a", "b"]
    assert [e.line for e in skipped] == [3, 5]


def test_write_is_atomic_when_the_article_stream_fails(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    Corpus([parse_article("Old.", id="old")]).save(path)
    before = path.read_bytes()

    def broken() -> Iterator[Article]:
        yield parse_article("New.", id="new")
        raise RuntimeError("crash mid-save")

    with pytest.raises(RuntimeError):
        write_jsonl(broken(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["c.jsonl"]  # no temporary file left


def test_save_keeps_file_mode_of_existing_target(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text("", "utf-8")
    path.chmod(0o640)
    Corpus([parse_article("x", id="x")]).save(path)
    assert path.stat().st_mode & 0o777 == 0o640
