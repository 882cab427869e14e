"""Records as tables: stable, documented columns for DataFrames, Parquet and the CLI.

Every kind of record flattens into rows of one table, with the same columns
whatever the rows are made from:

| kind | one row per | made from |
| --- | --- | --- |
| ``articles`` | article | a corpus, or articles |
| ``figures`` | economic figure | a corpus, articles, or figures (``corpus.figures(...)``) |
| ``visits`` | visit | a corpus or articles (each article's visits as reported), or visits (``corpus.visits()``, merged) |
| ``partnerships`` | partnership as reported | a corpus, articles, or partnerships |
| ``timeline`` | level of relations between two countries | a corpus (every pair), or entries of ``corpus.partnership_timeline(a, b)`` with ``pair=(a, b)`` |
| ``mentions`` | entity mention | a corpus, or articles |
| ``series`` | point of a series | a corpus (every metric), or points (``corpus.series(...)``) |

Every fact row carries its evidence twice: the first passage flat
(``article_id``, ``span_start``, ``span_end``, ``sentence``) for filtering and
reading, and every passage in ``evidence``, a list of
``{article_id, start, end, text}``.  Column names and types are API; the
Tables page lists them.

[`rows`][vnsg_corpus.tables.rows] needs nothing beyond the core install: plain
``dict`` rows of ``str``, ``int``, ``bool``, ``datetime.date``,
``decimal.Decimal``, lists and dicts.  [`to_arrow`][vnsg_corpus.tables.to_arrow],
[`to_pandas`][vnsg_corpus.tables.to_pandas] and
[`to_polars`][vnsg_corpus.tables.to_polars] need the extras ``arrow``,
``pandas`` and ``polars``; [`write_parquet`][vnsg_corpus.tables.write_parquet]
and [`read_parquet`][vnsg_corpus.tables.read_parquet] need ``arrow``.

Examples:
    >>> import vnsg_corpus
    >>> from vnsg_corpus import tables
    >>> corpus = vnsg_corpus.load()
    >>> row = tables.rows("figures", corpus.figures(metric="bilateral_trade"))[0]
    >>> row["value"], row["unit"], row["period_start"], row["article_id"]
    (Decimal('9000000000'), 'USD', datetime.date(2023, 1, 1), '003_7822a41167061ddb')
    >>> row["sentence"] == row["evidence"][0]["text"]
    True
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

import attrs

from vnsg_corpus._extras import require
from vnsg_corpus._gc import cyclic_gc_paused
from vnsg_corpus.consolidate import TimelineEntry, partnership_timeline
from vnsg_corpus.errors import (
    QueryError,
)
from vnsg_corpus.model import (
    Article,
    EconomicFigure,
    Evidence,
    Mention,
    Metric,
    Partnership,
    Period,
    Person,
    Visit,
)
from vnsg_corpus.series import SeriesPoint

if TYPE_CHECKING:
    from vnsg_corpus.corpus import Corpus

__all__ = [
    "KINDS",
    "PARQUET_LAYOUT",
    "Column",
    "article_row",
    "columns",
    "figure_row",
    "jsonable",
    "mention_row",
    "partnership_row",
    "read_parquet",
    "rows",
    "series_row",
    "text_columns",
    "text_rows",
    "timeline_row",
    "to_arrow",
    "to_pandas",
    "to_polars",
    "visit_row",
    "write_parquet",
]

Kind = Literal["articles", "figures", "visits", "partnerships", "timeline", "mentions", "series"]
Decimals = Literal["decimal", "float"]

KINDS: tuple[str, ...] = (
    "articles",
    "figures",
    "visits",
    "partnerships",
    "timeline",
    "mentions",
    "series",
)
"""The kinds of table, in the order the docs list them."""

PARQUET_LAYOUT = 1
"""The version of the Parquet layout [`write_parquet`][vnsg_corpus.tables.write_parquet] writes.

Each file's metadata holds it as ``vnsg_corpus.layout``, beside
``vnsg_corpus.schema_version`` (the record layout,
[`SCHEMA_VERSION`][vnsg_corpus.SCHEMA_VERSION]) and ``vnsg_corpus.table``.
"""

DECIMAL_PRECISION = 38
DECIMAL_SCALE = 10
"""Exact values are ``decimal128(38, 10)``: 28 digits before the point, 10 after."""


@attrs.frozen
class Column:
    """One column of a table.

    Attributes:
        name: The column's name.
        type: Its Arrow type, in the short form the Tables page uses
            (``"string"``, ``"int64"``, ``"bool"``, ``"date32"``,
            ``"decimal128(38, 10)"``, ``"list<string>"``, ``"list<evidence>"``...).
        nullable: Whether the column can hold nulls (``None``).
        description: What it holds.
    """

    name: str
    type: str
    nullable: bool
    description: str


def _c(name: str, type_: str, description: str, *, null: bool = False) -> Column:
    return Column(name, type_, null, description)


_DECIMAL = f"decimal128({DECIMAL_PRECISION}, {DECIMAL_SCALE})"

_EVIDENCE_COLUMNS = (
    _c(
        "span_start",
        "int64",
        "Offset of the first passage (``evidence[0].start``) in its article's text.",
        null=True,
    ),
    _c("span_end", "int64", "Offset one past the end of the first passage.", null=True),
    _c(
        "sentence",
        "string",
        "The text of the first passage: usually the sentence the fact was read from.",
        null=True,
    ),
    _c("articles", "list<string>", "The ids of the articles of every passage, sorted, once each."),
    _c("evidence", "list<evidence>", "Every passage, as ``{article_id, start, end, text}``."),
)

_ARTICLE_ID_FACT = _c(
    "article_id",
    "string",
    "The article the record was read from: its own article for a corpus's records,"
    " else the article of the first passage (null when it has none).",
    null=True,
)

_COLUMNS: dict[str, tuple[Column, ...]] = {
    "articles": (
        _c("id", "string", "The article's id."),
        _c("date", "date32", "Publication date.", null=True),
        _c("source", "string", "Agency attribution (``VNA/VNS``).", null=True),
        _c("dateline", "string", "Place of the dateline.", null=True),
        _c("url", "string", "The article's address, when the caller gave one.", null=True),
        _c(
            "outlet",
            "string",
            "The outlet that published it, by its canonical name (``The Straits Times``).",
            null=True,
        ),
        _c("outlet_country", "string", "The outlet's country (ISO 3166-1 alpha-3).", null=True),
        _c("given_date", "date32", "The publication date the caller gave.", null=True),
        _c("given_outlet", "string", "The outlet the caller named, as written.", null=True),
        _c("given_url", "string", "The address the caller gave.", null=True),
        _c("title", "string", "The title's text.", null=True),
        _c("headings", "list<string>", "The headings' texts, in order."),
        _c("characters", "int64", "Length of the text in characters."),
        _c("paragraphs", "int64", "Number of body paragraphs."),
        _c("qa_pairs", "int64", "Number of interview question/answer pairs."),
        _c("figures", "int64", "Number of economic figures."),
        _c("visits", "int64", "Number of visits reported."),
        _c("partnerships", "int64", "Number of partnerships reported."),
        _c("mentions", "int64", "Number of entity mentions."),
        _c("diagnostics", "int64", "Number of parser diagnostics."),
    ),
    "figures": (
        _ARTICLE_ID_FACT,
        _c("metric", "string", "The ``Metric`` value (``bilateral_trade``)."),
        _c("subject", "string", "What is measured, in the article's words."),
        _c("value", _DECIMAL, "The fully scaled value; the lower bound of a range."),
        _c("value_max", _DECIMAL, "The upper bound of a range.", null=True),
        _c("unit", "string", "ISO 4217 code, or ``count``, ``people``, ``percent``..."),
        _c("qualifier", "string", "``exact``, ``approx``, ``at_least`` or ``at_most``."),
        _c("countries", "list<string>", "The countries, in the figure's order."),
        _c("target", "bool", "A target, plan or forecast."),
        _c("period_start", "date32", "First day of the period.", null=True),
        _c("period_end", "date32", "Last day of the period.", null=True),
        _c(
            "period_precision",
            "string",
            "``day``, ``month``, ``quarter``, ``half`` or ``year``; null when no period.",
            null=True,
        ),
        _c("converted_value", _DECIMAL, "The same amount in another currency.", null=True),
        _c("converted_unit", "string", "That currency.", null=True),
        *_EVIDENCE_COLUMNS,
    ),
    "visits": (
        _ARTICLE_ID_FACT,
        _c("visitor", "string", "The visitor's name."),
        _c("role", "string", "The visitor's title or office.", null=True),
        _c("visitor_country", "string", "The visitor's country.", null=True),
        _c("host_country", "string", "The country visited.", null=True),
        _c("start", "date32", "First day of the visit.", null=True),
        _c("end", "date32", "Last day of the visit.", null=True),
        _c("precision", "string", "How finely the dates were stated.", null=True),
        _c("kind", "string", "``state``, ``official``, ``working``..."),
        _c("status", "string", "``planned``, ``under_way``, ``completed`` or ``unknown``."),
        _c("duration_days", "int64", "Length in days, when stated.", null=True),
        _c("invited_by", "list<person>", "Who invited the visitor."),
        _c("accompanied_by", "list<person>", "Who travelled with the visitor."),
        _c("welcomed_by", "list<person>", "Who welcomed the visitor."),
        *_EVIDENCE_COLUMNS,
    ),
    "partnerships": (
        _ARTICLE_ID_FACT,
        _c("countries", "list<string>", "The two countries, sorted."),
        _c("level", "string", "The framework's name (``strategic_partnership``)."),
        _c("tier", "string", "The standard tier it stands for.", null=True),
        _c("status", "string", "``established``, ``expected`` or ``proposed``."),
        _c("since_start", "date32", "First day of the period it took effect in.", null=True),
        _c("since_end", "date32", "Last day of that period.", null=True),
        _c("since_precision", "string", "Precision of that period; null when unknown.", null=True),
        _c("inferred", "bool", "``since`` is arithmetic on the article's date."),
        *_EVIDENCE_COLUMNS,
    ),
    "timeline": (
        _c("countries", "list<string>", "The two countries, as asked (a corpus's: sorted)."),
        _c("level", "string", "The framework's name."),
        _c("tier", "string", "The standard tier it stands for.", null=True),
        _c("status", "string", "Established once any article reports it so."),
        _c("since_start", "date32", "First day of the period it took effect in.", null=True),
        _c("since_end", "date32", "Last day of that period.", null=True),
        _c("since_precision", "string", "Precision of that period; null when unknown.", null=True),
        _c("inferred", "bool", "``since`` was inferred from the articles' dates."),
        _ARTICLE_ID_FACT,
        *_EVIDENCE_COLUMNS,
    ),
    "mentions": (
        _c("article_id", "string", "The article."),
        _c("kind", "string", "``country``, ``organisation``, ``person`` or ``place``."),
        _c("key", "string", "The entity's identifier (ISO code, canonical or full name)."),
        _c("start", "int64", "Offset of the first character."),
        _c("end", "int64", "Offset one past the last character."),
        _c("text", "string", "The words of the mention."),
    ),
    "series": (
        _c("metric", "string", "The ``Metric`` value."),
        _c("countries", "list<string>", "The country pair (or one country)."),
        _c("unit", "string", "The unit of the values."),
        _c("period_start", "date32", "First day of the period.", null=True),
        _c("period_end", "date32", "Last day of the period.", null=True),
        _c("period_precision", "string", "Precision of the period."),
        _c("reporter", "string", "Whose statistics: the reporting body's name.", null=True),
        _c("reporter_country", "string", "The reporting body's country.", null=True),
        _c("subject", "string", "The subject, for ``other`` (else empty)."),
        _c("basis", "string", "For a growth rate, the currency of the amount.", null=True),
        _c("value", _DECIMAL, "The current value (its lower end)."),
        _c("value_max", _DECIMAL, "The current value's upper end.", null=True),
        _c("qualifier", "string", "The current value's combined qualifier."),
        _c("status", "string", "``single``, ``agreed``, ``revised``, ``disputed``..."),
        _c(
            "sources",
            "int64",
            "Number of independent sources: articles, copies of one wire story counting once.",
        ),
        _c("values", "list<reported_value>", "Every value reported, the current one last."),
        _c("equivalents", "list<amount>", "The same statistic in other currencies."),
        _ARTICLE_ID_FACT,
        *_EVIDENCE_COLUMNS,
    ),
}

_TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "id", "date", "source", "dateline", "paragraphs", "figures", "visits", "partnerships",
        "outlet", "url",
    ),
    "figures": (
        "metric", "subject", "value", "value_max", "unit", "qualifier", "countries", "target",
        "period_start", "period_end", "articles", "evidence",
    ),
    "visits": (
        "visitor", "role", "visitor_country", "host_country", "start", "end", "kind", "status",
        "invited_by", "accompanied_by", "welcomed_by", "articles",
    ),
    "partnerships": (
        "article_id", "countries", "level", "tier", "status", "since_start", "since_end",
        "inferred", "evidence",
    ),
    "timeline": (
        "countries", "level", "status", "since_start", "since_end", "inferred", "articles",
    ),
    "mentions": ("article_id", "kind", "key", "start", "end", "text"),
    "series": (
        "period_start", "period_end", "metric", "countries", "reporter", "value", "value_max",
        "unit", "qualifier", "status", "sources", "other_values", "equivalents", "articles",
    ),
}  # fmt: skip


def _kind(kind: object) -> str:
    if not isinstance(kind, str) or kind not in _COLUMNS:
        raise QueryError(
            f"unknown kind of table {kind!r}", argument="kind", accepted=", ".join(KINDS)
        )
    return kind


def columns(kind: str) -> tuple[Column, ...]:
    """The columns of a kind of table, in order.

    Raises:
        QueryError: If ``kind`` is not one of [`KINDS`][vnsg_corpus.tables.KINDS].

    Examples:
        >>> [c.name for c in columns("mentions")]
        ['article_id', 'kind', 'key', 'start', 'end', 'text']
    """
    return _COLUMNS[_kind(kind)]


def text_columns(kind: str) -> tuple[str, ...]:
    """The columns of the text form of a table (CSV and the CLI's table), in order.

    Raises:
        QueryError: If ``kind`` is unknown.
    """
    return _TEXT_COLUMNS[_kind(kind)]


# -- rows ------------------------------------------------------------------------------


def _evidence(evidence: Sequence[Evidence]) -> list[dict[str, Any]]:
    return [
        {"article_id": e.article_id, "start": e.start, "end": e.end, "text": e.text}
        for e in evidence
    ]


def _with_evidence(
    row: dict[str, Any], evidence: Sequence[Evidence], article_id: str | None
) -> dict[str, Any]:
    first = evidence[0] if evidence else None
    if article_id is None and first is not None:
        article_id = first.article_id
    row["article_id"] = article_id
    row["span_start"] = None if first is None else first.start
    row["span_end"] = None if first is None else first.end
    row["sentence"] = None if first is None else first.text
    row["articles"] = sorted({e.article_id for e in evidence})
    row["evidence"] = _evidence(evidence)
    return row


def _people(people: Sequence[Person]) -> list[dict[str, Any]]:
    return [{"name": p.name, "role": p.role, "country": p.country} for p in people]


def _period(prefix: str, period: Period | None, row: dict[str, Any]) -> None:
    row[f"{prefix}_start"] = None if period is None else period.start
    row[f"{prefix}_end"] = None if period is None else period.end
    row[f"{prefix}_precision"] = None if period is None else period.precision.value


def article_row(article: Article) -> dict[str, Any]:
    """One row of the ``articles`` table.

    The metadata the caller gave (``article.given``) is in the columns
    ``given_date``, ``given_outlet`` and ``given_url``.

    Examples:
        >>> from vnsg_corpus import parse_article
        >>> row = article_row(parse_article("Trade grew.", id="a"))
        >>> row["id"], row["paragraphs"], row["characters"]
        ('a', 1, 11)
        >>> row = article_row(parse_article("Trade grew.", outlet="ST", url="https://e.sg/a"))
        >>> row["outlet"], row["outlet_country"], row["given_outlet"], row["url"]
        ('The Straits Times', 'SGP', 'ST', 'https://e.sg/a')
    """
    given = article.given
    return {
        "id": article.id,
        "date": article.date,
        "source": article.source,
        "dateline": article.dateline,
        "url": article.url,
        "outlet": article.outlet,
        "outlet_country": article.outlet_country,
        "given_date": given.date,
        "given_outlet": given.outlet,
        "given_url": given.url,
        "title": article.title_text,
        "headings": list(article.heading_texts),
        "characters": len(article.text),
        "paragraphs": len(article.paragraphs),
        "qa_pairs": len(article.qa),
        "figures": len(article.figures),
        "visits": len(article.visits),
        "partnerships": len(article.partnerships),
        "mentions": len(article.mentions),
        "diagnostics": len(article.diagnostics),
    }


def figure_row(figure: EconomicFigure, article_id: str | None = None) -> dict[str, Any]:
    """One row of the ``figures`` table.

    Args:
        figure: The figure.
        article_id: The article it belongs to; by default its first passage's.
    """
    row: dict[str, Any] = {
        "article_id": None,
        "metric": figure.metric.value,
        "subject": figure.subject,
        "value": figure.value,
        "value_max": figure.value_max,
        "unit": figure.unit,
        "qualifier": figure.qualifier.value,
        "countries": list(figure.countries),
        "target": figure.target,
    }
    _period("period", figure.period, row)
    converted = figure.converted
    row["converted_value"] = None if converted is None else converted.value
    row["converted_unit"] = None if converted is None else converted.unit
    return _with_evidence(row, figure.evidence, article_id)


def visit_row(visit: Visit, article_id: str | None = None) -> dict[str, Any]:
    """One row of the ``visits`` table.

    Args:
        visit: The visit (as one article reports it, or merged by
            [`Corpus.visits`][vnsg_corpus.Corpus.visits]).
        article_id: The article it belongs to; by default its first passage's.
    """
    row: dict[str, Any] = {
        "article_id": None,
        "visitor": visit.visitor.name,
        "role": visit.visitor.role,
        "visitor_country": visit.visitor.country,
        "host_country": visit.host_country,
        "start": visit.start,
        "end": visit.end,
        "precision": None if visit.precision is None else visit.precision.value,
        "kind": visit.kind.value,
        "status": visit.status.value,
        "duration_days": visit.duration_days,
        "invited_by": _people(visit.invited_by),
        "accompanied_by": _people(visit.accompanied_by),
        "welcomed_by": _people(visit.welcomed_by),
    }
    return _with_evidence(row, visit.evidence, article_id)


def partnership_row(partnership: Partnership, article_id: str | None = None) -> dict[str, Any]:
    """One row of the ``partnerships`` table.

    Args:
        partnership: The partnership as one article reports it.
        article_id: The article it belongs to; by default its first passage's.
    """
    row: dict[str, Any] = {
        "article_id": None,
        "countries": sorted(partnership.countries),
        "level": partnership.level,
        "tier": None if partnership.tier is None else partnership.tier.value,
        "status": partnership.status.value,
    }
    _period("since", partnership.since, row)
    row["inferred"] = partnership.inferred
    return _with_evidence(row, partnership.evidence, article_id)


def timeline_row(entry: TimelineEntry, pair: Sequence[str]) -> dict[str, Any]:
    """One row of the ``timeline`` table.

    Args:
        entry: An entry of [`Corpus.partnership_timeline`][vnsg_corpus.Corpus.partnership_timeline].
        pair: The two countries it is about, as asked.
    """
    row: dict[str, Any] = {
        "countries": list(pair),
        "level": entry.level,
        "tier": None if entry.tier is None else entry.tier.value,
        "status": entry.status.value,
    }
    _period("since", entry.since, row)
    row["inferred"] = entry.inferred
    return _with_evidence(row, entry.evidence, None)


def mention_row(mention: Mention, article: Article) -> dict[str, Any]:
    """One row of the ``mentions`` table."""
    return {
        "article_id": article.id,
        "kind": mention.kind.value,
        "key": mention.key,
        "start": mention.start,
        "end": mention.end,
        "text": article.text[mention.start : mention.end],
    }


def series_row(point: SeriesPoint) -> dict[str, Any]:
    """One row of the ``series`` table.

    Examples:
        >>> import vnsg_corpus
        >>> point = vnsg_corpus.load().series("bilateral_trade")[0]
        >>> row = series_row(point)
        >>> row["value"], row["status"], row["sources"], row["period_end"]
        (Decimal('9000000000'), 'single', 1, datetime.date(2023, 12, 31))
    """
    reporter = point.reporter
    row: dict[str, Any] = {
        "metric": point.metric.value,
        "countries": list(point.countries),
        "unit": point.unit,
    }
    _period("period", point.period, row)
    row.update(
        {
            "reporter": None if reporter is None else reporter.name,
            "reporter_country": None if reporter is None else reporter.country,
            "subject": point.subject,
            "basis": point.basis,
            "value": point.value,
            "value_max": point.value_max,
            "qualifier": point.qualifier.value,
            "status": point.status.value,
            "sources": len(point.stories) or len(point.articles),
            "values": [
                {
                    "value": v.value,
                    "value_max": v.value_max,
                    "qualifier": v.qualifier.value,
                    "articles": list(v.articles),
                    "first_reported": v.first_reported,
                    "last_reported": v.last_reported,
                }
                for v in point.values
            ],
            "equivalents": [{"value": a.value, "unit": a.unit} for a in point.equivalents],
        }
    )
    return _with_evidence(row, point.evidence, None)


def _is_corpus(source: object) -> bool:
    from vnsg_corpus.corpus import Corpus  # noqa: PLC0415 - corpus imports this module

    return isinstance(source, Corpus)


_RECORD_TYPES: dict[str, tuple[type, ...]] = {
    "articles": (Article,),
    "figures": (Article, EconomicFigure),
    "visits": (Article, Visit),
    "partnerships": (Article, Partnership),
    "timeline": (Article, TimelineEntry),
    "mentions": (Article,),
    "series": (Article, SeriesPoint),
}


def _items(kind: str, source: object) -> tuple[Corpus | None, list[Any]]:
    """The corpus, or the checked items, that ``source`` gives for ``kind``."""
    if _is_corpus(source):
        return source, []  # type: ignore[return-value]  # checked by _is_corpus
    if not isinstance(source, Iterable) or isinstance(source, str | bytes):
        raise TypeError(f"rows of {kind!r} are made from a Corpus or a list of records")
    items = list(source)
    accepted = _RECORD_TYPES[kind]
    for item in items:
        if not isinstance(item, accepted):
            names = " or ".join(t.__name__ for t in accepted)
            raise TypeError(
                f"rows of {kind!r} are made from a Corpus or {names} records,"
                f" not {type(item).__name__}"
            )
    if items and all(isinstance(item, Article) for item in items):
        from vnsg_corpus.corpus import Corpus  # noqa: PLC0415

        return (Corpus(items) if kind in ("timeline", "series") else None), items
    if any(isinstance(item, Article) for item in items):
        raise TypeError(f"rows of {kind!r}: give articles or records, not both")
    return None, items


def _article_rows(kind: str, articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
    """Rows of a per-article table, in corpus order, then each article's order."""
    if kind == "articles":
        yield from map(article_row, articles)
    elif kind == "figures":
        for article in articles:
            for figure in article.figures:
                yield figure_row(figure, article.id)
    elif kind == "visits":
        for article in articles:
            for visit in article.visits:
                yield visit_row(visit, article.id)
    elif kind == "partnerships":
        for article in articles:
            for partnership in article.partnerships:
                yield partnership_row(partnership, article.id)
    elif kind == "mentions":
        for article in articles:
            for mention in article.mentions:
                yield mention_row(mention, article)
    else:  # pragma: no cover - the callers pass the per-article kinds only
        raise AssertionError(kind)


def _pairs(partnerships: Iterable[Partnership]) -> list[tuple[str, str]]:
    found = {tuple(sorted(p.countries)) for p in partnerships if len(p.countries) == 2}
    return sorted((a, b) for a, b in found)


def _timeline_rows(
    partnerships: Sequence[Partnership], dates: Mapping[str, dt.date | None]
) -> list[dict[str, Any]]:
    """The timeline of every pair of countries, pairs in code order."""
    by_pair: dict[frozenset[str], list[Partnership]] = defaultdict(list)
    for record in partnerships:
        by_pair[record.countries].append(record)
    found: list[dict[str, Any]] = []
    for a, b in _pairs(partnerships):
        entries = partnership_timeline(by_pair[frozenset((a, b))], a, b, dates)
        found.extend(timeline_row(entry, (a, b)) for entry in entries)
    return found


def rows(
    kind: str,
    source: Corpus | Iterable[Any],
    *,
    pair: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """A table as plain dicts, with the columns of [`columns`][vnsg_corpus.tables.columns].

    Values are ``str``, ``int``, ``bool``, ``datetime.date``, ``Decimal``,
    ``None``, lists, and dicts for the items of list columns; nothing beyond
    the core install is needed.

    Args:
        kind: One of [`KINDS`][vnsg_corpus.tables.KINDS].
        source: A [`Corpus`][vnsg_corpus.Corpus] or a list of articles (every
            record of the kind, in corpus order), or a list of the kind's
            records: figures, visits, partnerships, series points, or
            timeline entries (with ``pair``).
        pair: The two countries of a list of timeline entries.

    Returns:
        One dict per row.

    Raises:
        QueryError: If ``kind`` is unknown.
        TypeError: If ``source`` holds something else than the kind's records,
            or timeline entries come without ``pair``.

    Examples:
        >>> import vnsg_corpus
        >>> corpus = vnsg_corpus.load()
        >>> [r["level"] for r in rows("timeline", corpus.partnership_timeline("VNM", "SGP"),
        ...                           pair=("VNM", "SGP"))][:2]
        ['diplomatic_relations', 'strategic_partnership']
    """
    kind = _kind(kind)
    return list(_iter_rows(kind, source, pair=pair))


def _iter_rows(
    kind: str, source: Corpus | Iterable[Any], *, pair: Sequence[str] | None = None
) -> Iterator[dict[str, Any]]:
    corpus, items = _items(kind, source)
    if kind in ("articles", "figures", "visits", "partnerships", "mentions"):
        if corpus is not None:
            yield from _article_rows(kind, corpus)
        elif items and isinstance(items[0], Article):
            yield from _article_rows(kind, items)
        elif kind == "figures":
            yield from map(figure_row, items)
        elif kind == "visits":
            yield from map(visit_row, items)
        elif kind == "partnerships":
            yield from map(partnership_row, items)
        return
    if kind == "timeline":
        if corpus is not None:
            partnerships = [p for article in corpus for p in article.partnerships]
            yield from _timeline_rows(partnerships, corpus.article_dates)
            return
        if pair is None and items:
            raise TypeError("rows of 'timeline' from entries need pair=(a, b), their countries")
        for entry in items:
            yield timeline_row(entry, pair or ())
        return
    # series
    if corpus is not None:
        for metric in Metric:
            yield from map(series_row, corpus.series(metric))
        return
    yield from map(series_row, items)


def _json_value(value: Any) -> Any:
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_value(v) for k, v in value.items()}
    raise TypeError(f"no JSON form for {type(value).__name__}")  # pragma: no cover


def jsonable(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row as JSON values: dates as ISO strings, decimals as strings (exact), lists kept.

    Examples:
        >>> import datetime as dt
        >>> from decimal import Decimal
        >>> jsonable({"value": Decimal("8.64E+9"), "start": dt.date(2024, 1, 1), "countries": ["VNM"]})
        {'value': '8.64E+9', 'start': '2024-01-01', 'countries': ['VNM']}
    """  # noqa: E501
    return {key: _json_value(value) for key, value in row.items()}


# -- the text form (CSV, the CLI's table) --------------------------------------------------


def _text(value: Any) -> str | int | bool | None:
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return " ".join(str(v) for v in value) or None
    return str(value)  # pragma: no cover


def _people_text(people: Sequence[Mapping[str, Any]]) -> str:
    return "; ".join(p["name"] if p["role"] is None else f"{p['role']} {p['name']}" for p in people)


def _text_row(kind: str, row: Mapping[str, Any]) -> dict[str, str | int | bool | None]:
    out: dict[str, str | int | bool | None] = {}
    for name in _TEXT_COLUMNS[kind]:
        if name == "evidence":
            value: str | int | bool | None = row["sentence"]
        elif name in ("invited_by", "accompanied_by", "welcomed_by"):
            value = _people_text(row[name])
        elif kind == "timeline" and name == "countries":
            value = "-".join(row["countries"])
        elif kind == "series" and name == "reporter":
            who, country = row["reporter"], row["reporter_country"]
            value = who if who is None or country is None else f"{who} ({country})"
        elif name == "other_values":
            competing = row["values"][:-1]
            value = (
                " ".join(
                    str(v["value"]) if v["value_max"] is None else f"{v['value']}..{v['value_max']}"
                    for v in competing
                )
                or None
            )
        elif kind == "series" and name == "equivalents":
            value = " ".join(f"{a['value']} {a['unit']}" for a in row["equivalents"]) or None
        else:
            value = _text(row[name])
        out[name] = value
    return out


def text_rows(kind: str, rows: Iterable[Mapping[str, Any]]) -> list[dict[str, str | int | bool | None]]:  # fmt: skip  # noqa: E501
    """Rows in their text form, for CSV and the CLI's table: the columns of [`text_columns`][vnsg_corpus.tables.text_columns].

    Lists of codes and ids are joined with spaces (a timeline's countries with
    ``-``), people as ``"role name; role name"``, dates as ISO strings,
    decimals as exact strings; ``evidence`` is the first passage's text.
    Rows kept as they are (JSON) keep their lists and every passage.

    Args:
        kind: The kind of the rows.
        rows: Rows made by [`rows`][vnsg_corpus.tables.rows] for that kind.

    Examples:
        >>> import vnsg_corpus
        >>> corpus = vnsg_corpus.load()
        >>> found = rows("timeline", corpus.partnership_timeline("VNM", "SGP"), pair=("VNM", "SGP"))
        >>> text_rows("timeline", found)[0]["countries"]
        'VNM-SGP'
    """  # noqa: E501
    kind = _kind(kind)
    return [_text_row(kind, row) for row in rows]


# -- Arrow --------------------------------------------------------------------------------

_STRUCTS: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "evidence": (
        ("article_id", "string", False), ("start", "int64", False), ("end", "int64", False),
        ("text", "string", False),
    ),
    "person": (("name", "string", False), ("role", "string", True), ("country", "string", True)),
    "reported_value": (
        ("value", _DECIMAL, False), ("value_max", _DECIMAL, True), ("qualifier", "string", False),
        ("articles", "list<string>", False), ("first_reported", "date32", True),
        ("last_reported", "date32", True),
    ),
    "amount": (("value", _DECIMAL, False), ("unit", "string", False)),
    "span": (("start", "int64", False), ("end", "int64", False)),
    "qa_pair": (("question", "span", False), ("answer", "list<span>", False)),
    "diagnostic": (
        ("code", "string", False), ("message", "string", False), ("start", "int64", False),
        ("end", "int64", False),
    ),
}  # fmt: skip
"""The fields of the structs in list columns (and of the Parquet ``texts`` table):
name, type, nullable.  List items are never null."""


def _arrow_type(pa: Any, name: str, decimals: Decimals) -> Any:
    if name == "string":
        return pa.string()
    if name == "int64":
        return pa.int64()
    if name == "bool":
        return pa.bool_()
    if name == "date32":
        return pa.date32()
    if name == _DECIMAL:
        if decimals == "decimal":
            return pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE)
        return pa.float64()
    if name.startswith("list<") and name.endswith(">"):
        return pa.list_(pa.field("item", _arrow_type(pa, name[5:-1], decimals), nullable=False))
    if name in _STRUCTS:
        return pa.struct(
            [pa.field(f, _arrow_type(pa, t, decimals), nullable=n) for f, t, n in _STRUCTS[name]]
        )
    raise AssertionError(name)  # pragma: no cover


def _schema(pa: Any, cols: Sequence[Column], decimals: Decimals, metadata: Any = None) -> Any:
    return pa.schema(
        [pa.field(c.name, _arrow_type(pa, c.type, decimals), nullable=c.nullable) for c in cols],
        metadata=metadata,
    )


def _check_decimals(decimals: object) -> Decimals:
    if decimals not in ("decimal", "float"):
        raise QueryError(
            f"decimals must be 'decimal' or 'float', got {decimals!r}",
            argument="decimals",
            accepted="'decimal' (exact decimal128(38, 10)) or 'float' (float64)",
        )
    return "decimal" if decimals == "decimal" else "float"


def _arrow_table(
    pa: Any, kind: str, table_rows: list[dict[str, Any]], decimals: Decimals, metadata: Any = None
) -> Any:
    exact = _schema(pa, _COLUMNS[kind], "decimal", metadata)
    if decimals == "decimal":
        return _from_rows(pa, exact, table_rows, what=kind)
    floats = _schema(pa, _COLUMNS[kind], "float", metadata)
    try:  # exact, then cast by Arrow (nested values too): faster than floats in Python
        return _from_rows(pa, exact, table_rows, what=kind).cast(floats)
    except ValueError:  # a value too long for decimal128(38, 10) is still a float
        return _from_rows(pa, floats, [_floats(row) for row in table_rows], what=kind)


def _floats(value: Any) -> Any:
    """Decimals in a row (nested too) as floats."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list):
        return [_floats(v) for v in value]
    if isinstance(value, dict):
        return {k: _floats(v) for k, v in value.items()}
    return value


def _from_rows(pa: Any, schema: Any, table_rows: list[dict[str, Any]], *, what: str) -> Any:
    columns_ = {name: [row[name] for row in table_rows] for name in schema.names}
    try:
        return pa.Table.from_pydict(columns_, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise _unrepresentable(pa, schema, columns_, what) from exc


def _unrepresentable(pa: Any, schema: Any, columns_: dict[str, list[Any]], what: str) -> Exception:
    """The error for a value Arrow refused: a decimal with too many digits, named with its row."""
    for field in schema:
        try:
            pa.array(columns_[field.name], type=field.type)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            pass
        else:
            continue
        for number, value in enumerate(columns_[field.name]):
            try:
                pa.array([value], type=field.type)
            except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
                return ValueError(
                    f"{what} row {number}, column {field.name}: {value!r} does not fit"
                    f" {field.type} ({exc})"
                )
    return ValueError(f"{what}: a value does not fit its column")  # pragma: no cover


def to_arrow(
    kind: str,
    source: Corpus | Iterable[Any],
    *,
    decimals: Decimals = "decimal",
    pair: Sequence[str] | None = None,
) -> Any:
    """A table as a ``pyarrow.Table`` with the documented schema (extra ``arrow``).

    Args:
        kind: One of [`KINDS`][vnsg_corpus.tables.KINDS].
        source: As for [`rows`][vnsg_corpus.tables.rows].
        decimals: ``"decimal"`` (default) for exact ``decimal128(38, 10)``
            values, ``"float"`` for ``float64``.
        pair: As for [`rows`][vnsg_corpus.tables.rows].

    Returns:
        The table; an empty source gives an empty table with every column.

    Raises:
        MissingExtraError: If pyarrow is not installed.
        QueryError: If ``kind`` or ``decimals`` is not understood.
        ValueError: If a value does not fit its column: a decimal with more
            than 28 digits before the point or 10 after it.
    """
    pa = require("pyarrow", "arrow", feature="to_arrow")
    decimals = _check_decimals(decimals)
    kind = _kind(kind)
    with cyclic_gc_paused():
        return _arrow_table(pa, kind, rows(kind, source, pair=pair), decimals)


def to_pandas(
    kind: str,
    source: Corpus | Iterable[Any],
    *,
    decimals: Decimals = "float",
    pair: Sequence[str] | None = None,
) -> Any:
    """A table as a ``pandas.DataFrame`` (extra ``pandas``).

    Every column has the dtype ``pandas.ArrowDtype`` of its Arrow type
    (``string[pyarrow]``, ``int64[pyarrow]``, ``date32[day][pyarrow]``...),
    so missing values stay missing in integer, boolean and date columns.

    Args:
        kind: One of [`KINDS`][vnsg_corpus.tables.KINDS].
        source: As for [`rows`][vnsg_corpus.tables.rows].
        decimals: ``"float"`` (default) for ``double[pyarrow]`` values, which
            pandas computes and plots with; ``"decimal"`` for exact
            ``decimal128(38, 10)[pyarrow]`` values.
        pair: As for [`rows`][vnsg_corpus.tables.rows].

    Raises:
        MissingExtraError: If pandas or pyarrow is not installed.
        QueryError: If ``kind`` or ``decimals`` is not understood.
    """
    pd = require("pandas", "pandas", feature="to_pandas")
    require("pyarrow", "pandas", feature="to_pandas")
    decimals = _check_decimals(decimals)
    table = to_arrow(kind, source, decimals=decimals, pair=pair)
    with cyclic_gc_paused():
        return table.to_pandas(types_mapper=pd.ArrowDtype)


def to_polars(
    kind: str,
    source: Corpus | Iterable[Any],
    *,
    decimals: Decimals = "float",
    pair: Sequence[str] | None = None,
) -> Any:
    """A table as a ``polars.DataFrame`` (extra ``polars``).

    Columns have the polars types of their Arrow types: ``String``,
    ``Int64``, ``Boolean``, ``Date``, ``List(String)``, ``List(Struct)``, and
    ``Float64`` or ``Decimal(38, 10)`` values.

    Args:
        kind: One of [`KINDS`][vnsg_corpus.tables.KINDS].
        source: As for [`rows`][vnsg_corpus.tables.rows].
        decimals: ``"float"`` (default) for ``Float64`` values, ``"decimal"``
            for exact ``Decimal(38, 10)`` values.
        pair: As for [`rows`][vnsg_corpus.tables.rows].

    Raises:
        MissingExtraError: If polars or pyarrow is not installed.
        QueryError: If ``kind`` or ``decimals`` is not understood.
    """
    pl = require("polars", "polars", feature="to_polars")
    require("pyarrow", "polars", feature="to_polars")
    decimals = _check_decimals(decimals)
    return pl.from_arrow(to_arrow(kind, source, decimals=decimals, pair=pair))


# -- Parquet ------------------------------------------------------------------------------

PARQUET_LAYOUT = 1
"""The version of the Parquet layout [`write_parquet`][vnsg_corpus.tables.write_parquet] writes.

Each file's metadata holds it as ``vnsg_corpus.layout``, beside
``vnsg_corpus.schema_version`` (the record layout,
[`SCHEMA_VERSION`][vnsg_corpus.SCHEMA_VERSION]) and ``vnsg_corpus.table``.
"""

PARQUET_TABLES: tuple[str, ...] = (
    "articles",
    "texts",
    "figures",
    "visits",
    "partnerships",
    "mentions",
    "merged_visits",
    "timeline",
)
"""The files of a Parquet corpus (``<name>.parquet``), in the order they are written.

``articles``, ``figures``, ``visits``, ``partnerships`` and ``mentions`` have
the columns of their kind; ``texts`` has each article's text and structure
(spans of its title, headings, paragraphs and interview pairs, and its
diagnostics); ``merged_visits`` (the columns of ``visits``) and ``timeline``
hold [`Corpus.visits`][vnsg_corpus.Corpus.visits] and every pair's
[`Corpus.partnership_timeline`][vnsg_corpus.Corpus.partnership_timeline], for
tools outside Python (DuckDB); they are not read back.
"""

CHUNK_ARTICLES = 10_000
"""Articles per row group of a Parquet corpus, the unit [`write_parquet`][vnsg_corpus.tables.write_parquet] holds in memory."""  # noqa: E501


def write_parquet(
    source: Corpus | Iterable[Article],
    directory: str | os.PathLike[str],
    *,
    chunk_size: int = CHUNK_ARTICLES,
) -> int:
    """Write a corpus as a folder of Parquet files, atomically (extra ``arrow``).

    One file per table (see [`PARQUET_TABLES`][vnsg_corpus.tables.PARQUET_TABLES]),
    compressed with zstd, each with the metadata ``vnsg_corpus.table``,
    ``vnsg_corpus.layout`` and ``vnsg_corpus.schema_version``; values are
    exact (``decimal128(38, 10)``).  Articles are written ``chunk_size`` at a
    time, one row group per chunk, so a generator of millions of articles is
    written without holding them: only their visits and partnerships are
    kept, for ``merged_visits`` and ``timeline``.

    The files are written into a temporary folder beside ``directory``,
    flushed to disk, and the folder is renamed to ``directory``.  An existing
    ``directory`` is replaced only if it is empty or a Parquet corpus (it has
    ``articles.parquet``, or is a partitioned dataset with a manifest
    ``_vnsg_corpus.json``): it is renamed aside, and removed once the new one
    is in place.  If anything fails, ``directory`` is left as it was and the
    temporary folder is removed.

    Args:
        source: A [`Corpus`][vnsg_corpus.Corpus], or articles with unique
            ids (a generator is fine).
        directory: The folder to write.
        chunk_size: Articles per row group.

    Returns:
        The number of articles written.

    Raises:
        MissingExtraError: If pyarrow is not installed.
        WriteError: If the folder cannot be written (its parent does not
            exist, no permission, a full disk), ``directory`` is a file or a
            folder of other files, or a value does not fit its column (a
            decimal with more than 28 digits before the point or 10 after).
        UnencodableTextError: If a text holds a lone surrogate, which UTF-8
            (Parquet's strings) cannot hold; nothing is written.
        DuplicateArticleError: If two articles share an id; nothing is written.
        ValueError: If ``chunk_size`` is less than 1.
    """
    pa = require("pyarrow", "arrow", feature="write_parquet")
    pq = require("pyarrow.parquet", "arrow", feature="write_parquet")
    from vnsg_corpus import _parquet  # noqa: PLC0415 - it imports this module

    with cyclic_gc_paused():
        return _parquet.write(pa, pq, source, directory, chunk_size)


def read_parquet(directory: str | os.PathLike[str]) -> Corpus:
    """Read a corpus written by [`write_parquet`][vnsg_corpus.tables.write_parquet] (extra ``arrow``).

    The corpus comes back equal to the one written: every article, record
    and passage, in order.  Decimals come back equal and written as the
    parser writes them, without trailing zeros (``Decimal("1.50")`` comes
    back as ``Decimal("1.5")``).  The records are checked as
    [`Corpus.load`][vnsg_corpus.Corpus.load] checks a JSON Lines record (the
    "Loader invariants" of the Robustness page).

    A partitioned dataset written by
    [`vnsg_corpus.dask.write_parquet`][vnsg_corpus.dask.write_parquet] (a
    folder of parts and a manifest, ``_vnsg_corpus.json``) is read too: its
    parts, in order, as one corpus.

    Raises:
        MissingExtraError: If pyarrow is not installed.
        ReadError: If the folder or a file is missing or cannot be read.
        DuplicateArticleError: If two parts of a dataset hold the same id.
        SchemaVersionError: If a file is no Parquet corpus of this layout, or
            of a newer schema than this release reads.
        CorpusFormatError: If a file is not Parquet, lacks a column or has
            one of another type, or holds a record that breaks a promise of
            the model; the error names the file and the column.
    """  # noqa: E501
    pa = require("pyarrow", "arrow", feature="read_parquet")
    pq = require("pyarrow.parquet", "arrow", feature="read_parquet")
    pc = require("pyarrow.compute", "arrow", feature="read_parquet")
    from vnsg_corpus import _parquet, _partitions  # noqa: PLC0415 - they import this module

    with cyclic_gc_paused():
        if _partitions.is_dataset(os.fspath(directory)):
            return _partitions.read(pa, pq, pc, os.fspath(directory))
        return _parquet.read(pa, pq, pc, directory)
