"""Compact HTML tables of records and corpora, for notebooks (``_repr_html_``).

Every piece of text that comes from an article or a record goes through
``html.escape``: an article is input, and input may hold markup.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, TypeVar

from vnsg_corpus.model import (
    Article,
    EconomicFigure,
    Evidence,
    Metadata,
    Partnership,
    Period,
    Person,
    Precision,
    Visit,
)

if TYPE_CHECKING:
    from vnsg_corpus.corpus import Corpus

__all__ = ["article_html", "corpus_html", "figure_html", "partnership_html", "visit_html"]

T = TypeVar("T")

ROWS = 10
"""Rows a table of facts or articles shows before "… and N more"."""
EVIDENCE = 3
"""Evidence passages a record's table shows."""
TEXT = 300
"""Characters of an evidence passage or an article's opening shown."""
CELL = 120
"""Characters of an evidence passage shown in a row of a table of facts."""

_STYLE = "border-collapse:collapse;text-align:left;vertical-align:top"
_MUTED = "color:#777;font-size:smaller"


def _e(value: object) -> str:
    """``value`` as escaped HTML text."""
    return html.escape(str(value), quote=True)


def _cut(text: str, limit: int) -> str:
    """``text`` cut after ``limit`` characters with "…", escaped."""
    text = " ".join(text.split())
    return _e(text if len(text) <= limit else f"{text[:limit].rstrip()}…")


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _dash(value: str | None) -> str:
    return "—" if not value else _e(value)


def _day(day: dt.date | None) -> str:
    return "…" if day is None else day.isoformat()


def _period(period: Period | None) -> str:
    if period is None:
        return "—"
    if period.start is not None and period.start == period.end:
        return f"{_day(period.start)} ({_e(period.precision.value)})"
    return f"{_day(period.start)} – {_day(period.end)} ({_e(period.precision.value)})"


def _dates(start: dt.date | None, end: dt.date | None, precision: Precision | None) -> str:
    if precision is None:
        return "—"
    return _period(Period(start, end, precision))


def _person(person: Person) -> str:
    extra = ", ".join(_e(part) for part in (person.role, person.country) if part)
    return f"{_e(person.name)}{f' ({extra})' if extra else ''}"


def _people(people: Iterable[Person]) -> str:
    shown = "; ".join(_person(p) for p in people)
    return shown or "—"


def _number(value: Decimal) -> str:
    return _e(f"{value:,}")


def _value(figure: EconomicFigure) -> str:
    shown = _number(figure.value)
    if figure.value_max is not None:
        shown += f" – {_number(figure.value_max)}"
    return f"{shown} {_e(figure.unit)}"


def _source(item: Evidence) -> str:
    return f'<span style="{_MUTED}">{_e(item.article_id)} [{item.start}:{item.end}]</span>'


def _evidence_list(evidence: Sequence[Evidence]) -> str:
    """The first passages, each with its article and offsets, then how many more."""
    if not evidence:
        return "—"
    items = "".join(
        f"<li>{_cut(item.text, TEXT)} {_source(item)}</li>" for item in evidence[:EVIDENCE]
    )
    more = len(evidence) - EVIDENCE
    tail = f'<div style="{_MUTED}">… and {_plural(more, "more passage")}</div>' if more > 0 else ""
    return f'<ol style="margin:0;padding-left:1.2em">{items}</ol>{tail}'


def _evidence_cell(evidence: Sequence[Evidence]) -> str:
    """The first passage, short, for a row of a table of facts."""
    if not evidence:
        return "—"
    more = len(evidence) - 1
    tail = f' <span style="{_MUTED}">(+{more} more)</span>' if more else ""
    return f"{_cut(evidence[0].text, CELL)} {_source(evidence[0])}{tail}"


def _fields(title: str, rows: Iterable[tuple[str, str]]) -> str:
    """A two-column table of field names and (already escaped) values."""
    body = "".join(f"<tr><th>{_e(name)}</th><td>{value}</td></tr>" for name, value in rows)
    return f'<table style="{_STYLE}"><caption>{title}</caption>{body}</table>'


def _table(
    title: str,
    header: Sequence[str],
    items: Sequence[T],
    row: Callable[[T], Sequence[str]],
    noun: str,
    *,
    limit: int = ROWS,
) -> str:
    """A table of the first ``limit`` items, one row each (cells already escaped)."""
    head = "".join(f"<th>{_e(name)}</th>" for name in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{cell}</td>" for cell in row(item)) + "</tr>"
        for item in items[:limit]
    )
    more = len(items) - limit
    tail = (
        f'<tr><td colspan="{len(header)}" style="{_MUTED}">… and {more:,} more'
        f" {noun}{'' if more == 1 else 's'}</td></tr>"
        if more > 0
        else ""
    )
    return (
        f'<table style="{_STYLE}"><caption>{title}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}{tail}</tbody></table>"
    )


def visit_html(visit: Visit) -> str:
    """A visit: who, where, when, what kind, who else, and its evidence."""
    return _fields(
        f"<b>Visit</b> by {_e(visit.visitor.name)} to {_dash(visit.host_country)}",
        [
            ("visitor", _person(visit.visitor)),
            ("host", _dash(visit.host_country)),
            ("dates", _dates(visit.start, visit.end, visit.precision)),
            (
                "duration",
                "—" if visit.duration_days is None else _plural(visit.duration_days, "day"),
            ),
            ("kind", _e(visit.kind.value)),
            ("status", _e(visit.status.value)),
            ("invited by", _people(visit.invited_by)),
            ("accompanied by", _people(visit.accompanied_by)),
            ("welcomed by", _people(visit.welcomed_by)),
            ("evidence", _evidence_list(visit.evidence)),
        ],
    )


def figure_html(figure: EconomicFigure) -> str:
    """A figure: what, how much, of what period and countries, and its evidence."""
    converted = figure.converted
    return _fields(
        f"<b>EconomicFigure</b> {_e(figure.metric.value)}",
        [
            ("metric", _e(figure.metric.value)),
            ("subject", _dash(figure.subject)),
            ("value", _value(figure)),
            ("qualifier", _e(figure.qualifier.value)),
            ("period", _period(figure.period)),
            ("countries", _dash(" → ".join(figure.countries))),
            (
                "converted",
                "—" if converted is None else f"{_number(converted.value)} {_e(converted.unit)}",
            ),
            ("target", "yes" if figure.target else "no"),
            ("evidence", _evidence_list(figure.evidence)),
        ],
    )


def partnership_html(partnership: Partnership) -> str:
    """A partnership: the countries, level, tier, status, since when, and its evidence."""
    since = _period(partnership.since)
    if partnership.inferred:
        since += " (inferred)"
    return _fields(
        f"<b>Partnership</b> {_e(partnership.level)}",
        [
            ("countries", _e(" – ".join(sorted(partnership.countries)))),
            ("level", _e(partnership.level)),
            ("tier", "—" if partnership.tier is None else _e(partnership.tier.value)),
            ("status", _e(partnership.status.value)),
            ("since", since),
            ("evidence", _evidence_list(partnership.evidence)),
        ],
    )


def _figure_row(figure: EconomicFigure) -> list[str]:
    return [
        _e(figure.metric.value),
        _value(figure),
        _e(figure.qualifier.value),
        _period(figure.period),
        _dash(" → ".join(figure.countries)),
        _evidence_cell(figure.evidence),
    ]


def _visit_row(visit: Visit) -> list[str]:
    return [
        _person(visit.visitor),
        _dash(visit.host_country),
        _dates(visit.start, visit.end, visit.precision),
        _e(visit.kind.value),
        _e(visit.status.value),
        _evidence_cell(visit.evidence),
    ]


def _partnership_row(partnership: Partnership) -> list[str]:
    return [
        _e(" – ".join(sorted(partnership.countries))),
        _e(partnership.level),
        _e(partnership.status.value),
        _period(partnership.since) + (" (inferred)" if partnership.inferred else ""),
        _evidence_cell(partnership.evidence),
    ]


def _outlet(article: Article) -> str:
    """The outlet's name, and its country when known."""
    if article.outlet is None:
        return "—"
    country = article.outlet_country
    return _e(article.outlet if country is None else f"{article.outlet} ({country})")


def _given(given: Metadata) -> str:
    """What the caller gave (``article.given``), each value as given; "—" for nothing."""
    parts = [
        f"{name} {value}"
        for name, value in (("date", given.date), ("outlet", given.outlet), ("url", given.url))
        if value is not None
    ]
    return _e("; ".join(parts)) if parts else "—"


def article_html(article: Article) -> str:
    """An article: its metadata and opening, then tables of its facts with evidence."""
    opening = article.paragraph_texts[0] if article.paragraphs else article.text
    counts = ", ".join(
        [
            _plural(len(article.figures), "figure"),
            _plural(len(article.visits), "visit"),
            _plural(len(article.partnerships), "partnership"),
            _plural(len(article.mentions), "mention"),
            _plural(len(article.diagnostics), "diagnostic"),
        ]
    )
    title = article.title_text
    parts = [
        _fields(
            f"<b>Article</b> {_e(article.id)}",
            [
                ("id", _e(article.id)),
                ("date", "—" if article.date is None else article.date.isoformat()),
                ("source", _dash(article.source)),
                ("outlet", _outlet(article)),
                ("url", _dash(article.url)),
                ("given", _given(article.given)),
                ("dateline", _dash(article.dateline)),
                ("title", "—" if title is None else _cut(title, TEXT)),
                ("opening", _cut(opening, TEXT) if opening.strip() else "—"),
                (
                    "length",
                    f"{_plural(len(article.text), 'character')},"
                    f" {_plural(len(article.paragraphs), 'paragraph')}",
                ),
                ("facts", _e(counts)),
            ],
        )
    ]
    if article.figures:
        parts.append(
            _table(
                "Figures",
                ["metric", "value", "qualifier", "period", "countries", "evidence"],
                article.figures,
                _figure_row,
                "figure",
            )
        )
    if article.visits:
        parts.append(
            _table(
                "Visits",
                ["visitor", "host", "dates", "kind", "status", "evidence"],
                article.visits,
                _visit_row,
                "visit",
            )
        )
    if article.partnerships:
        parts.append(
            _table(
                "Partnerships",
                ["countries", "level", "status", "since", "evidence"],
                article.partnerships,
                _partnership_row,
                "partnership",
            )
        )
    return f'<div class="vnsg-article">{"".join(parts)}</div>'


def _article_row(article: Article) -> list[str]:
    title = article.title_text
    return [
        _e(article.id),
        "—" if article.date is None else article.date.isoformat(),
        _dash(article.source),
        "—" if title is None else _cut(title, CELL),
        f"{len(article.figures):,}",
        f"{len(article.visits):,}",
        f"{len(article.partnerships):,}",
        f"{len(article.mentions):,}",
    ]


def corpus_html(corpus: Corpus, limit: int = ROWS) -> str:
    """A corpus: how many articles and facts, its date range, then its first articles."""
    articles = tuple(corpus)
    dates = [a.date for a in articles if a.date is not None]
    summary = [
        ("articles", f"{len(articles):,}"),
        (
            "dates",
            f"{min(dates).isoformat()} – {max(dates).isoformat()}"
            f" ({_plural(len(articles) - len(dates), 'undated article')})"
            if dates
            else "—",
        ),
        ("figures", f"{sum(len(a.figures) for a in articles):,}"),
        ("visits (mentions)", f"{sum(len(a.visits) for a in articles):,}"),
        ("partnerships", f"{sum(len(a.partnerships) for a in articles):,}"),
        ("entity mentions", f"{sum(len(a.mentions) for a in articles):,}"),
    ]
    if corpus.skipped:
        summary.append(("skipped records", f"{len(corpus.skipped):,}"))
    if corpus.skipped_files:
        summary.append(("skipped files", f"{len(corpus.skipped_files):,}"))
    if corpus.skipped_rows:
        summary.append(("skipped rows", f"{len(corpus.skipped_rows):,}"))
    table = _table(
        "Articles",
        ["id", "date", "source", "title", "figures", "visits", "partnerships", "mentions"],
        articles,
        _article_row,
        "article",
        limit=limit,
    )
    title = f"<b>Corpus</b> of {_plural(len(articles), 'article')}"
    return f'<div class="vnsg-corpus">{_fields(title, summary)}{table}</div>'
