"""Partitioned Parquet corpora: a folder of Parquet corpora (parts) and a manifest.

[`vnsg_corpus.dask.write_parquet`][vnsg_corpus.dask.write_parquet] writes one
Parquet corpus per partition of a bag, each in a folder of its own
(``part-00000/``, ``part-00001/``...), and beside them the files that need
every article (``merged_visits.parquet``, ``timeline.parquet``) and the
manifest ``_vnsg_corpus.json``, which lists the parts in order.  This module
reads the manifest, and a whole dataset into one corpus, for
[`tables.read_parquet`][vnsg_corpus.tables.read_parquet] and
[`duckdb.connect`][vnsg_corpus.duckdb.connect]; it needs nothing beyond the
core install (pyarrow is passed in).
"""

from __future__ import annotations

import json
import os
import re
from typing import TYPE_CHECKING, Any

from vnsg_corpus._files import os_message
from vnsg_corpus.errors import CorpusFormatError, ReadError, SchemaVersionError
from vnsg_corpus.model import SCHEMA_VERSION
from vnsg_corpus.tables import PARQUET_LAYOUT

if TYPE_CHECKING:
    from vnsg_corpus.corpus import Corpus
    from vnsg_corpus.model import Article

MANIFEST = "_vnsg_corpus.json"
"""The manifest of a partitioned dataset (a leading ``_``: tools that glob for data skip it)."""

FORMAT = "vnsg_corpus.parquet_dataset"
"""The value of the manifest's ``format`` key."""

DATASET_FILES = ("merged_visits", "timeline")
"""The files of a dataset that need every article: beside the parts, not in them."""

_PART = re.compile(r"part-[0-9]{5,}")


def part_name(index: int) -> str:
    """The folder of the part made from partition ``index``."""
    return f"part-{index:05d}"


def is_dataset(folder: str) -> bool:
    """Whether ``folder`` is a partitioned dataset: a manifest, and no ``articles.parquet``."""
    return os.path.isfile(os.path.join(folder, MANIFEST)) and not os.path.lexists(
        os.path.join(folder, "articles.parquet")
    )


def manifest(parts: list[str], articles: int) -> str:
    """The text of a manifest."""
    record = {
        "format": FORMAT,
        "layout": PARQUET_LAYOUT,
        "schema_version": SCHEMA_VERSION,
        "articles": articles,
        "parts": parts,
    }
    return json.dumps(record, indent=1) + "\n"


def parts(folder: str) -> list[str]:
    """The folders of the parts of a dataset, in order, as paths under ``folder``.

    Raises:
        ReadError: If the manifest cannot be read.
        SchemaVersionError: If it is of another layout or a newer schema.
        CorpusFormatError: If it is no manifest of a dataset.
    """
    path = os.path.join(folder, MANIFEST)
    try:
        with open(path, "rb") as file:
            data = file.read(1 << 24)
    except OSError as exc:
        raise ReadError(os_message(exc), path=path) from exc
    try:
        record = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise CorpusFormatError(f"not a manifest: {exc}", path=path) from None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise CorpusFormatError(f"not a manifest: its format is not {FORMAT!r}", path=path)
    layout, version = record.get("layout"), record.get("schema_version")
    if layout != PARQUET_LAYOUT or type(version) is not int:
        raise SchemaVersionError(
            f"not a dataset of layout {PARQUET_LAYOUT} (its layout is {layout!r})", path=path
        )
    if version > SCHEMA_VERSION:
        raise SchemaVersionError(
            f"schema_version {version} is newer than this release's ({SCHEMA_VERSION})",
            path=path,
        )
    names = record.get("parts")
    if (
        not isinstance(names, list)
        or not names
        or not all(isinstance(n, str) and _PART.fullmatch(n) for n in names)
        or len(set(names)) != len(names)
    ):
        raise CorpusFormatError(
            "parts must be a list of folder names part-00000, part-00001... once each",
            path=path,
            field="parts",
        )
    return [os.path.join(folder, name) for name in names]


def table_paths(folder: str, name: str) -> list[str]:
    """The files that hold the table ``name`` of a dataset: one per part, or one at the top."""
    if name in DATASET_FILES:
        return [os.path.join(folder, f"{name}.parquet")]
    return [os.path.join(part, f"{name}.parquet") for part in parts(folder)]


def read(pa: Any, pq: Any, pc: Any, folder: str) -> Corpus:
    """Every part of a dataset, in order, as one corpus (see ``tables.read_parquet``)."""
    from vnsg_corpus import _parquet  # noqa: PLC0415 - it imports this module
    from vnsg_corpus.corpus import Corpus  # noqa: PLC0415 - corpus imports tables

    articles: list[Article] = []
    for part in parts(folder):
        articles.extend(_parquet.read(pa, pq, pc, part))
    return Corpus(articles)
