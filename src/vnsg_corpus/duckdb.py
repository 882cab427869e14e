"""Query a Parquet corpus with DuckDB, past the memory of one process (extra ``duckdb``).

[`connect`][vnsg_corpus.duckdb.connect] registers the files that
[`write_parquet`][vnsg_corpus.Corpus.write_parquet] writes as views of a DuckDB
connection, with the columns of the [Tables and files](tables.md) page, and adds
views for the common questions:

| view | one row per | for |
| --- | --- | --- |
| ``figures_by_year`` | figure that reports what happened over a period | figures by metric and period: ``WHERE metric = 'bilateral_trade' AND 2023 BETWEEN first_year AND last_year`` is ``corpus.figures(metric="bilateral_trade", during="2023")`` |
| ``visits_by_year`` | visit (merged across articles) with dates | visits by host and year: ``WHERE host_country = 'SGP' AND 2023 BETWEEN first_year AND last_year`` is ``corpus.visits(host="SGP", during="2023")`` |
| ``visits_by_host_year`` | host country and year | the number of visits to each country each year (by the year a visit starts) |
| ``partnership_timeline`` | level of relations between two countries | ``WHERE country_a = 'SGP' AND country_b = 'VNM'`` is ``corpus.partnership_timeline("SGP", "VNM")``, in its order |

``first_year`` and ``last_year`` are the years of a period's first and last
days; an open end counts as year 1 or 9999, as the Python queries treat it
(a stock "as of October 2024" overlaps every year before).

DuckDB reads only the columns and row groups a query needs, so the corpus
need not fit in memory.

Usage (the Tables page runs it):

```python
import vnsg_corpus
from vnsg_corpus.duckdb import connect

vnsg_corpus.load().write_parquet("corpus")
con = connect("corpus")
con.execute(
    "SELECT value, unit FROM figures_by_year"
    " WHERE metric = 'bilateral_trade' AND 2023 BETWEEN first_year AND last_year"
).fetchall()
```
"""  # noqa: E501

from __future__ import annotations

import os
from typing import Any

from vnsg_corpus import _partitions
from vnsg_corpus._extras import require
from vnsg_corpus.errors import CorpusFormatError, ReadError, SchemaVersionError
from vnsg_corpus.model import PartnershipLevel
from vnsg_corpus.tables import PARQUET_LAYOUT, PARQUET_TABLES

__all__ = ["QUESTION_VIEWS", "connect"]

_TIER_RANK = " ".join(f"WHEN '{level.value}' THEN {level.rank}" for level in PartnershipLevel)

QUESTION_VIEWS: dict[str, str] = {
    "figures_by_year": """
        SELECT *,
               coalesce(year(period_start), 1) AS first_year,
               coalesce(year(period_end), 9999) AS last_year
        FROM figures
        WHERE period_precision IS NOT NULL AND NOT target
    """,
    "visits_by_year": """
        SELECT *,
               coalesce(year(start), 1) AS first_year,
               coalesce(year(coalesce("end", start)), 9999) AS last_year
        FROM merged_visits
        WHERE start IS NOT NULL OR "end" IS NOT NULL
    """,
    "visits_by_host_year": """
        SELECT host_country, year(coalesce(start, "end")) AS year, count(*) AS visits
        FROM merged_visits
        WHERE coalesce(start, "end") IS NOT NULL
        GROUP BY ALL
        ORDER BY ALL
    """,
    "partnership_timeline": f"""
        SELECT countries[1] AS country_a, countries[2] AS country_b, *
        FROM timeline
        ORDER BY country_a, country_b,
                 since_precision IS NULL,
                 coalesce(since_start, since_end, DATE '0001-01-01'),
                 CASE tier {_TIER_RANK} ELSE -1 END,
                 level
    """,  # noqa: S608 - _TIER_RANK is made of the model's own constants
}
"""The views for the common questions, by name: their SQL over the tables' views."""


def _literal(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def connect(parquet_dir: str | os.PathLike[str], *, connection: Any = None) -> Any:
    """Register a Parquet corpus in a DuckDB connection, with views for the common questions.

    One view per file of [`PARQUET_TABLES`][vnsg_corpus.tables.PARQUET_TABLES]
    (``articles``, ``texts``, ``figures``, ``visits``, ``partnerships``,
    ``mentions``, ``merged_visits``, ``timeline``), with the columns of the
    Tables page, and the views of [`QUESTION_VIEWS`][vnsg_corpus.duckdb.QUESTION_VIEWS].
    Views read the files when queried; nothing is loaded into memory.
    Views of the same names are replaced.

    A partitioned dataset written by
    [`vnsg_corpus.dask.write_parquet`][vnsg_corpus.dask.write_parquet] is
    registered the same way: each view reads the file of that name in every
    part, in order (``merged_visits`` and ``timeline`` read the dataset's
    own, which cover every part).

    Args:
        parquet_dir: A folder written by
            [`Corpus.write_parquet`][vnsg_corpus.Corpus.write_parquet] or by
            [`vnsg_corpus.dask.write_parquet`][vnsg_corpus.dask.write_parquet].
        connection: A ``duckdb.DuckDBPyConnection`` to add the views to;
            by default a new in-memory database.

    Returns:
        The connection.

    Raises:
        MissingExtraError: If duckdb is not installed.
        ReadError: If the folder or one of its files (or a dataset's
            manifest) is missing.
        SchemaVersionError: If a file is no Parquet corpus of this layout.
        CorpusFormatError: If DuckDB cannot read a file.
    """
    duckdb = require("duckdb", "duckdb", feature="vnsg_corpus.duckdb.connect")
    folder = os.fspath(parquet_dir)
    if not os.path.isdir(folder):
        problem = "no such folder" if not os.path.lexists(folder) else "not a folder"
        raise ReadError(f"{problem}; connect reads a folder written by write_parquet", path=folder)
    dataset = _partitions.is_dataset(folder)
    con = duckdb.connect() if connection is None else connection
    for name in PARQUET_TABLES:
        if dataset:
            paths = _partitions.table_paths(folder, name)
        else:
            paths = [os.path.join(folder, f"{name}.parquet")]
        for path in paths:
            if not os.path.isfile(path):
                raise ReadError(
                    "no such file; write the corpus again with write_parquet", path=path
                )
        try:
            found = con.execute(
                "SELECT file_name, decode(value) FROM parquet_kv_metadata(?) WHERE decode(key) = ?",
                [paths, "vnsg_corpus.layout"],
            ).fetchall()
            layouts = dict(found)
            for path in paths:
                if layouts.get(path) != str(PARQUET_LAYOUT):
                    raise SchemaVersionError(
                        f"not a Parquet corpus of layout {PARQUET_LAYOUT};"
                        " write it with write_parquet",
                        path=path,
                    )
            files = ", ".join(map(_literal, paths))
            con.execute(
                f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet([{files}])"  # noqa: S608 - our names, quoted paths
            )
        except duckdb.Error as exc:
            raise CorpusFormatError(f"DuckDB cannot read it: {exc}", path=paths[0]) from exc
    for name, sql in QUESTION_VIEWS.items():
        con.execute(f"CREATE OR REPLACE VIEW {name} AS {sql}")
    return con
