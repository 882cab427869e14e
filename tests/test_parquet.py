"""Parquet corpora: exact round trips, atomic writes, every bad file a library error."""

import os
from decimal import Decimal
from pathlib import Path
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnsg_corpus
from tests.strategies import articles
from vnsg_corpus import (
    SCHEMA_VERSION,
    Corpus,
    CorpusFormatError,
    DuplicateArticleError,
    ReadError,
    SchemaVersionError,
    UnencodableTextError,
    WriteError,
    parse_article,
    tables,
)

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

CORPUS = vnsg_corpus.load()


@settings(
    max_examples=30,  # each example writes and reads eight files
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(articles(), max_size=3, unique_by=lambda a: a.id))
def test_any_corpus_round_trips_exactly(
    tmp_path: Path, generated: list[vnsg_corpus.Article]
) -> None:
    corpus = Corpus(generated)
    folder = tmp_path / "c"
    with mock.patch("os.fsync"):  # durability is not what this tests; fsync is 80% of the time
        corpus.write_parquet(folder)
    assert Corpus.read_parquet(folder) == corpus


def test_the_bundled_corpus_round_trips_to_the_same_json_lines(tmp_path: Path) -> None:
    CORPUS.write_parquet(tmp_path / "c")
    back = Corpus.read_parquet(tmp_path / "c")
    assert back == CORPUS
    CORPUS.save(tmp_path / "a.jsonl")
    back.save(tmp_path / "b.jsonl")
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


def test_decimals_come_back_equal_without_trailing_zeros(tmp_path: Path) -> None:
    figure = vnsg_corpus.EconomicFigure(
        vnsg_corpus.Metric.SHARE, "share", Decimal("1.50"), "percent", value_max=Decimal("2E+1")
    )
    corpus = Corpus([vnsg_corpus.Article("a", "text", figures=(figure,))])
    corpus.write_parquet(tmp_path / "c")
    (back,) = Corpus.read_parquet(tmp_path / "c")["a"].figures
    assert back == figure
    assert (str(back.value), str(back.value_max)) == ("1.5", "20")


def test_a_value_too_long_for_decimal128_is_a_write_error(tmp_path: Path) -> None:
    figure = vnsg_corpus.EconomicFigure(vnsg_corpus.Metric.GDP, "gdp", Decimal("1E-11"), "USD")
    corpus = Corpus([vnsg_corpus.Article("a", "text", figures=(figure,))])
    with pytest.raises(WriteError, match=r"column value: Decimal\('1E-11'\) does not fit"):
        corpus.write_parquet(tmp_path / "c")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ValueError, match="does not fit decimal128"):
        tables.to_arrow("figures", corpus)
    assert tables.to_arrow("figures", corpus, decimals="float").column("value").to_pylist() == [
        1e-11
    ]


def test_every_file_carries_its_table_layout_and_schema_version(tmp_path: Path) -> None:
    CORPUS.write_parquet(tmp_path / "c")
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == sorted(
        f"{name}.parquet" for name in tables.PARQUET_TABLES
    )
    for name in tables.PARQUET_TABLES:
        meta = pq.read_schema(tmp_path / "c" / f"{name}.parquet").metadata
        assert meta[b"vnsg_corpus.table"] == name.encode()
        assert meta[b"vnsg_corpus.layout"] == b"1"
        assert meta[b"vnsg_corpus.schema_version"] == str(SCHEMA_VERSION).encode()


def _many(count: int) -> list[vnsg_corpus.Article]:
    found = []
    for i in range(count):
        article = CORPUS[CORPUS.ids[i % 3]]
        found.append(
            attrs.evolve(
                article,
                id=f"a{i:03d}",
                figures=tuple(
                    attrs.evolve(
                        f,
                        evidence=tuple(attrs.evolve(e, article_id=f"a{i:03d}") for e in f.evidence),
                    )
                    for f in article.figures
                ),
                visits=tuple(
                    attrs.evolve(
                        v,
                        evidence=tuple(attrs.evolve(e, article_id=f"a{i:03d}") for e in v.evidence),
                    )
                    for v in article.visits
                ),
                partnerships=tuple(
                    attrs.evolve(
                        p,
                        evidence=tuple(attrs.evolve(e, article_id=f"a{i:03d}") for e in p.evidence),
                    )
                    for p in article.partnerships
                ),
            )
        )
    return found


def test_a_generator_is_written_a_chunk_at_a_time(tmp_path: Path) -> None:
    many = _many(25)
    count = tables.write_parquet((a for a in many), tmp_path / "c", chunk_size=7)
    assert count == 25
    assert pq.ParquetFile(tmp_path / "c" / "articles.parquet").metadata.num_row_groups == 4
    assert Corpus.read_parquet(tmp_path / "c") == Corpus(many)
    merged = pq.read_table(tmp_path / "c" / "merged_visits.parquet")
    assert merged.num_rows == len(Corpus(many).visits())


def test_figures_are_stored_by_metric_one_metric_a_row_group(tmp_path: Path) -> None:
    tables.write_parquet(_many(25), tmp_path / "c", chunk_size=7)
    metadata = pq.ParquetFile(tmp_path / "c" / "figures.parquet").metadata
    column = metadata.schema.names.index("metric")
    seen = []
    for group in range(metadata.num_row_groups):
        stats = metadata.row_group(group).column(column).statistics
        assert stats.min == stats.max
        seen.append(stats.min)
    assert seen == sorted(seen)
    assert len(seen) == len(set(seen)) == len({f.metric for a in CORPUS for f in a.figures})


# -- atomic writes ------------------------------------------------------------------------


def test_writing_over_a_corpus_replaces_it(tmp_path: Path) -> None:
    target = tmp_path / "c"
    CORPUS.write_parquet(target)
    small = Corpus([CORPUS[CORPUS.ids[0]]])
    small.write_parquet(target)
    assert Corpus.read_parquet(target) == small
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c"]


def test_a_failed_write_leaves_the_old_corpus_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "c"
    CORPUS.write_parquet(target)
    bad = parse_article("Trade \ud800 grew.", id="bad")
    with pytest.raises(UnencodableTextError) as caught:
        tables.write_parquet([*_many(5), bad], target, chunk_size=2)
    assert caught.value.article_id == "bad"
    assert "U+D800" in str(caught.value)
    assert Corpus.read_parquet(target) == CORPUS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c"]


def test_duplicate_ids_write_nothing(tmp_path: Path) -> None:
    article = CORPUS[CORPUS.ids[0]]
    with pytest.raises(DuplicateArticleError):
        tables.write_parquet([article, article], tmp_path / "c")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: p.write_text("x"), "not a folder"),
        (lambda p: (p.mkdir(), (p / "notes.txt").write_text("mine")), "holds other files"),
        (lambda p: None, None),  # a new folder: fine
    ],
)
def test_the_target_is_a_new_folder_an_empty_one_or_a_corpus(
    tmp_path: Path, setup: Any, message: str | None
) -> None:
    target = tmp_path / "c"
    setup(target)
    before = sorted(os.listdir(tmp_path))
    if message is None:
        CORPUS.write_parquet(target)
        return
    with pytest.raises(WriteError, match=message) as caught:
        CORPUS.write_parquet(target)
    assert caught.value.path == str(target)
    assert sorted(os.listdir(tmp_path)) == before
    if target.is_dir():
        assert (target / "notes.txt").read_text() == "mine"


def test_a_missing_parent_folder_is_a_write_error(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="does not exist"):
        CORPUS.write_parquet(tmp_path / "missing" / "c")


def test_chunk_size_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="chunk_size"):
        tables.write_parquet(CORPUS, tmp_path / "c", chunk_size=0)


# -- reading what is not a corpus ----------------------------------------------------------


def test_a_missing_folder_or_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such folder"):
        Corpus.read_parquet(tmp_path / "missing")
    CORPUS.write_parquet(tmp_path / "c")
    (tmp_path / "c" / "mentions.parquet").unlink()
    with pytest.raises(ReadError) as caught:
        Corpus.read_parquet(tmp_path / "c")
    assert caught.value.path.endswith("mentions.parquet")


def test_a_file_that_is_not_parquet_is_a_format_error(tmp_path: Path) -> None:
    CORPUS.write_parquet(tmp_path / "c")
    (tmp_path / "c" / "figures.parquet").write_bytes(b"not parquet at all")
    with pytest.raises(CorpusFormatError, match="not a Parquet file") as caught:
        Corpus.read_parquet(tmp_path / "c")
    assert caught.value.path.endswith("figures.parquet")


def _rewrite(
    folder: Path, name: str, change: Any, metadata: dict[bytes, bytes] | None = None
) -> None:
    path = folder / f"{name}.parquet"
    table = pq.read_table(path)
    table = change(table)
    if metadata is not None:
        table = table.replace_schema_metadata(metadata)
    pq.write_table(table, path)


def test_a_file_of_another_layout_or_a_newer_schema_is_refused(tmp_path: Path) -> None:
    CORPUS.write_parquet(tmp_path / "c")
    meta = dict(pq.read_schema(tmp_path / "c" / "texts.parquet").metadata)
    _rewrite(tmp_path / "c", "texts", lambda t: t, {**meta, b"vnsg_corpus.layout": b"2"})
    with pytest.raises(SchemaVersionError, match="layout 1"):
        Corpus.read_parquet(tmp_path / "c")
    _rewrite(tmp_path / "c", "texts", lambda t: t, {**meta, b"vnsg_corpus.schema_version": b"99"})
    with pytest.raises(SchemaVersionError, match="newer"):
        Corpus.read_parquet(tmp_path / "c")


def _set(table: Any, column: str, values: list[Any]) -> Any:
    index = table.schema.get_field_index(column)
    field = table.schema.field(index)
    return table.set_column(index, field, pa.array(values, type=field.type))


@pytest.mark.parametrize(
    ("name", "column", "change", "message"),
    [
        ("visits", "kind", lambda v: ["banquet", *v[1:]], "kind: unknown value 'banquet'"),
        ("mentions", "start", lambda v: [-1, *v[1:]], "offset -1 is negative"),
        ("mentions", "end", lambda v: [0, *v[1:]], "end 0 is before start"),
        ("figures", "countries", lambda v: [["VNM", "VNM"], *v[1:]], "names VNM twice"),
        ("figures", "countries", lambda v: [["vn"], *v[1:]], "alpha-3 codes, got 'vn'"),
        ("figures", "position", lambda v: [v[1], *v[1:]], "positions are not"),
        ("partnerships", "level", lambda v: ["Not Snake", *v[1:]], "snake_case"),
        ("articles", "figures", lambda v: [v[0] + 1, *v[1:]], "not those the articles file counts"),
    ],
)
def test_a_bad_value_names_the_file_and_the_column(
    tmp_path: Path, name: str, column: str, change: Any, message: str
) -> None:
    CORPUS.write_parquet(tmp_path / "c")
    _rewrite(tmp_path / "c", name, lambda t: _set(t, column, change(t.column(column).to_pylist())))
    with pytest.raises(CorpusFormatError, match=message) as caught:
        Corpus.read_parquet(tmp_path / "c")
    reported = "figures" if name == "articles" else name  # the file that disagrees with the count
    assert caught.value.path.endswith(f"{reported}.parquet")


def test_evidence_that_is_not_the_text_is_refused_as_the_loader_does(tmp_path: Path) -> None:
    CORPUS.write_parquet(tmp_path / "c")

    def change(table: Any) -> Any:
        evidence = table.column("evidence").to_pylist()
        evidence[0][0]["text"] = "something else"
        return _set(table, "evidence", evidence)

    _rewrite(tmp_path / "c", "visits", change)
    with pytest.raises(CorpusFormatError, match="evidence text does not match") as caught:
        Corpus.read_parquet(tmp_path / "c")
    assert caught.value.field == "$.visits[0].evidence[0]"
    assert "article '000_9ed115568b55f0e8' (row 0)" in str(caught.value)


def test_a_column_of_another_type_is_refused(tmp_path: Path) -> None:
    CORPUS.write_parquet(tmp_path / "c")

    def change(table: Any) -> Any:
        index = table.schema.get_field_index("start")
        return table.set_column(index, "start", table.column("start").cast(pa.int32()))

    _rewrite(tmp_path / "c", "mentions", change)
    with pytest.raises(CorpusFormatError, match="column 'start' is int32") as caught:
        Corpus.read_parquet(tmp_path / "c")
    assert caught.value.field == "start"
