"""Tables as Arrow, pandas and polars: the documented types, exact or float values."""

from decimal import Decimal

import pytest

import vnsg_corpus
from vnsg_corpus import QueryError, tables

pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")

CORPUS = vnsg_corpus.load()


def _short(arrow_type: object) -> str:
    """An Arrow type in the short form of ``Column.type``."""
    return str(arrow_type).replace("date32[day]", "date32")


@pytest.mark.parametrize("kind", tables.KINDS)
def test_the_arrow_schema_is_the_documented_columns(kind: str) -> None:
    table = CORPUS.to_arrow(kind)
    columns = tables.columns(kind)
    assert table.schema.names == [c.name for c in columns]
    for column in columns:
        field = table.schema.field(column.name)
        assert field.nullable == column.nullable, column.name
        if "<" not in column.type:
            assert _short(field.type) == column.type, column.name
        else:
            assert str(field.type).startswith("list<item: "), column.name
    assert table.num_rows == len(CORPUS.rows(kind))
    empty = tables.to_arrow(kind, [])
    assert (empty.num_rows, empty.schema.names) == (0, table.schema.names)


def test_values_are_exact_or_float_as_asked() -> None:
    exact = CORPUS.to_arrow("series")
    assert exact.schema.field("value").type == pa.decimal128(38, 10)
    assert exact.column("value").to_pylist()[0] == Decimal("9000000000")
    floats = CORPUS.to_arrow("series", decimals="float")
    assert floats.schema.field("value").type == pa.float64()
    assert floats.schema.field("values").type.value_type.field("value").type == pa.float64()
    assert floats.column("value").to_pylist()[0] == 9e9


def test_pandas_columns_are_arrow_dtypes_and_missing_stays_missing() -> None:
    visits = CORPUS.to_pandas("visits")
    assert all(isinstance(dtype, pd.ArrowDtype) for dtype in visits.dtypes)
    assert str(visits.dtypes["duration_days"]) == "int64[pyarrow]"
    assert visits["start"].isna().tolist() == [False, False, True, True]
    figures = CORPUS.to_pandas("figures")
    assert str(figures.dtypes["value"]) == "double[pyarrow]"
    exact = CORPUS.to_pandas("figures", decimals="decimal")
    assert str(exact.dtypes["value"]) == "decimal128(38, 10)[pyarrow]"
    assert exact["value"].sum() == sum(f.value for f in CORPUS.figures(targets=True))


def test_polars_types() -> None:
    figures = CORPUS.to_polars("figures")
    assert figures.schema["value"] == pl.Float64
    assert figures.schema["period_end"] == pl.Date
    assert figures.schema["countries"] == pl.List(pl.String)
    assert CORPUS.to_polars("figures", decimals="decimal").schema["value"] == pl.Decimal(38, 10)


def test_query_results_become_frames() -> None:
    frame = tables.to_pandas("visits", CORPUS.visits(host="SGP"))
    assert frame["visitor"].tolist() == ["Tô Lâm"]
    timeline = tables.to_polars(
        "timeline", CORPUS.partnership_timeline("VNM", "SGP"), pair=("VNM", "SGP")
    )
    assert timeline["level"].to_list()[0] == "diplomatic_relations"


def test_an_unknown_decimals_or_kind_is_a_query_error() -> None:
    with pytest.raises(QueryError) as caught:
        CORPUS.to_pandas("figures", decimals="double")  # type: ignore[arg-type]
    assert caught.value.argument == "decimals"
    with pytest.raises(QueryError):
        CORPUS.to_arrow("figure")
