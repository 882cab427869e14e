"""vnsg_corpus.duckdb: the views answer the common questions as the Python queries do."""

from pathlib import Path
from typing import Any

import attrs
import pytest

import vnsg_corpus
from vnsg_corpus import Corpus, CorpusFormatError, Metric, ReadError, SchemaVersionError, tables
from vnsg_corpus.duckdb import QUESTION_VIEWS

duckdb = pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

from vnsg_corpus.duckdb import connect  # noqa: E402

CORPUS = vnsg_corpus.load()


def _shifted(years: int) -> list[vnsg_corpus.Article]:
    """The seed articles again, dated and with figures and visits ``years`` later."""
    found = []
    for article in CORPUS:

        def later(day: Any) -> Any:
            return None if day is None else day.replace(year=day.year + years)

        def period(p: Any) -> Any:
            return None if p is None else attrs.evolve(p, start=later(p.start), end=later(p.end))

        new_id = f"{article.id}+{years}"

        def ev(items: Any, new_id: str = new_id) -> Any:
            return tuple(attrs.evolve(e, article_id=new_id) for e in items)

        found.append(
            attrs.evolve(
                article,
                id=new_id,
                date=later(article.date),
                figures=tuple(
                    attrs.evolve(f, period=period(f.period), evidence=ev(f.evidence))
                    for f in article.figures
                ),
                visits=tuple(
                    attrs.evolve(v, start=later(v.start), end=later(v.end), evidence=ev(v.evidence))
                    for v in article.visits
                ),
                partnerships=tuple(
                    attrs.evolve(p, evidence=ev(p.evidence)) for p in article.partnerships
                ),
            )
        )
    return found


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus([*CORPUS, *_shifted(1), *_shifted(3)])


@pytest.fixture(scope="module")
def con(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("duckdb") / "corpus"
    corpus.write_parquet(folder)
    return connect(folder)


def test_every_file_is_a_view_with_the_documented_columns(con: Any) -> None:
    for kind in ("articles", "figures", "visits", "partnerships", "mentions", "timeline"):
        names = [row[0] for row in con.execute(f"DESCRIBE {kind}").fetchall()]
        expected = [c.name for c in tables.columns(kind)]
        assert names == ([*expected, "position"] if kind == "figures" else expected)
    merged = [row[0] for row in con.execute("DESCRIBE merged_visits").fetchall()]
    assert merged == [c.name for c in tables.columns("visits")]
    assert con.execute("SELECT count(*) FROM texts").fetchall() == [(9,)]
    for name in QUESTION_VIEWS:
        con.execute(f"SELECT * FROM {name} LIMIT 1").fetchall()  # noqa: S608 - our view names


def _figure_key(row: Any) -> tuple[Any, ...]:
    return (row[0], row[1], row[2])


@pytest.mark.parametrize("year", range(2020, 2029))
def test_figures_by_metric_and_year_are_the_python_query(
    con: Any, corpus: Corpus, year: int
) -> None:
    for metric in {f.metric for a in corpus for f in a.figures}:
        python = sorted(
            (r["article_id"], r["span_start"], r["value"])
            for r in tables.rows("figures", corpus.figures(metric=metric, during=str(year)))
        )
        sql = sorted(
            con.execute(
                "SELECT article_id, span_start, value FROM figures_by_year"
                " WHERE metric = ? AND ? BETWEEN first_year AND last_year",
                [metric.value, year],
            ).fetchall()
        )
        assert sql == python, (metric, year)


@pytest.mark.parametrize("year", range(2024, 2030))
def test_visits_by_host_and_year_are_the_python_query(con: Any, corpus: Corpus, year: int) -> None:
    for host in ("SGP", "VNM"):
        python = sorted(
            (v.visitor.name, v.start, v.end) for v in corpus.visits(host=host, during=str(year))
        )
        sql = sorted(
            con.execute(
                'SELECT visitor, start, "end" FROM visits_by_year'
                " WHERE host_country = ? AND ? BETWEEN first_year AND last_year",
                [host, year],
            ).fetchall()
        )
        assert sql == python, (host, year)


def test_visits_by_host_year_counts_the_merged_visits(con: Any, corpus: Corpus) -> None:
    counts: dict[tuple[str | None, int], int] = {}
    for visit in corpus.visits():
        day = visit.start or visit.end
        if day is not None:
            key = (visit.host_country, day.year)
            counts[key] = counts.get(key, 0) + 1
    assert con.execute("SELECT * FROM visits_by_host_year").fetchall() == sorted(
        (host, year, n) for (host, year), n in counts.items()
    )


def test_the_partnership_timeline_is_the_python_one_in_order(con: Any, corpus: Corpus) -> None:
    python = [
        (e.level, e.status.value, None if e.since is None else e.since.start, e.inferred)
        for e in corpus.partnership_timeline("SGP", "VNM")
    ]
    sql = con.execute(
        "SELECT level, status, since_start, inferred FROM partnership_timeline"
        " WHERE country_a = 'SGP' AND country_b = 'VNM'"
    ).fetchall()
    assert sql == python


def test_values_are_exact_decimals(con: Any) -> None:
    ((value,),) = con.execute(
        "SELECT sum(value) FROM figures WHERE metric = ?", [Metric.BILATERAL_TRADE.value]
    ).fetchall()
    assert value == sum(f.value for f in CORPUS.figures(metric="bilateral_trade")) * 3


def test_an_existing_connection_gets_the_views(corpus: Corpus, tmp_path: Path) -> None:
    CORPUS.write_parquet(tmp_path / "c")
    given = duckdb.connect()
    assert connect(tmp_path / "c", connection=given) is given
    assert given.execute("SELECT count(*) FROM articles").fetchall() == [(3,)]


def test_a_folder_that_is_not_a_corpus_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such folder"):
        connect(tmp_path / "missing")
    CORPUS.write_parquet(tmp_path / "c")
    (tmp_path / "c" / "timeline.parquet").unlink()
    with pytest.raises(ReadError) as caught:
        connect(tmp_path / "c")
    assert caught.value.path.endswith("timeline.parquet")


def test_a_parquet_file_of_something_else_is_refused(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    pa = pytest.importorskip("pyarrow")
    CORPUS.write_parquet(tmp_path / "c")
    pq.write_table(pa.table({"x": [1]}), tmp_path / "c" / "visits.parquet")
    with pytest.raises(SchemaVersionError, match="layout 1") as caught:
        connect(tmp_path / "c")
    assert caught.value.path.endswith("visits.parquet")
    (tmp_path / "c" / "visits.parquet").write_bytes(b"garbage")
    with pytest.raises(CorpusFormatError, match="DuckDB cannot read it"):
        connect(tmp_path / "c")
