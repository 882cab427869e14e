"""Charts of a corpus: visits and the level of relations, and one statistic over time.

Needs matplotlib, the optional extra ``[plot]``
(``pip install 'vnsg-corpus[plot]'``); it is imported when a chart is drawn,
never when this module is imported.  Each function draws on the ``ax`` it is
given (or on a new figure) and returns the ``Axes``, for further styling or
``ax.figure.savefig(...)``.  The Plots page shows both charts.

- [`plot_visits`][vnsg_corpus.plot.plot_visits]: a timeline of the visits
  between two countries, one lane per direction, each visit a bar from its
  first to its last day with an arrowhead marker at its start (hollow while
  planned) and the visitor's name; under them, the level of relations as a
  step line from [`Corpus.partnership_timeline`][vnsg_corpus.Corpus.partnership_timeline].
- [`plot_series`][vnsg_corpus.plot.plot_series]: one metric over time from
  [`Corpus.series`][vnsg_corpus.Corpus.series]: each point at the middle of
  its period, a thin line across the period, its marker telling its qualifier,
  a bar for a range, the number of articles reporting it, and the competing
  values of a disputed or revised point marked beside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from types import ModuleType
from typing import TYPE_CHECKING

from vnsg_corpus._dates import add_days
from vnsg_corpus._extras import require
from vnsg_corpus.corpus import _country_arg
from vnsg_corpus.errors import QueryError
from vnsg_corpus.model import (
    Metric,
    PartnershipStatus,
    Period,
    Precision,
    Qualifier,
    Visit,
    VisitStatus,
)
from vnsg_corpus.series import ReportedValue, SeriesPoint, SeriesStatus

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from vnsg_corpus.corpus import Corpus

__all__ = ["QUALIFIER_MARKERS", "plot_series", "plot_visits"]

QUALIFIER_MARKERS: dict[Qualifier, str] = {
    Qualifier.EXACT: "o",
    Qualifier.APPROX: "D",
    Qualifier.AT_LEAST: "^",
    Qualifier.AT_MOST: "v",
}
"""The matplotlib marker of each qualifier in [`plot_series`][vnsg_corpus.plot.plot_series]:
a circle for exact, a diamond for approximate, a triangle pointing up for a
lower bound ("over") and down for an upper bound ("under")."""

_SIZE = (8.0, 4.0)
"""The size of a new figure, in inches."""
_COMPETING = {
    SeriesStatus.DISPUTED: ("X", "tab:red", "disputed: competing value"),
    SeriesStatus.REVISED: ("o", "0.55", "revised: earlier value"),
    SeriesStatus.AMBIGUOUS: ("P", "0.55", "ambiguous: other value in the same article"),
}
"""Marker, colour and legend label of the non-current values of a point, by status."""
_LABELLED_VISITS = 30
"""Visitors' names are written beside at most this many visits."""


def _pyplot(feature: str) -> ModuleType:
    """``matplotlib.pyplot``, or a MissingExtraError that names the extra to install."""
    return require("matplotlib.pyplot", "plot", feature=feature)


def _axes(plt: ModuleType, ax: Axes | None) -> Axes:
    if ax is not None:
        return ax
    _, new = plt.subplots(figsize=_SIZE, layout="constrained")
    return new  # type: ignore[no-any-return]  # pyplot is typed as a plain module here


def _x(day: dt.date) -> float:
    """A day as a matplotlib date number, for the x axis."""
    from matplotlib import dates  # noqa: PLC0415 - an optional dependency

    return float(dates.date2num(day))  # type: ignore[no-untyped-call]


def _date_axis(ax: Axes) -> None:
    """Ticks and labels of dates on the x axis."""
    from matplotlib import dates  # noqa: PLC0415 - an optional dependency

    locator = dates.AutoDateLocator()  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]


def _note(
    ax: Axes,
    text: str,
    x: float,
    y: float,
    *,
    gid: str,
    flip: bool = False,
    dy: float = 4,
    size: float = 8,
    colour: str = "black",
) -> None:
    """A small label beside a point; to its left when ``flip`` (near the right edge).

    Labels take no part in the layout, so a long one never shrinks the axes.
    """
    note = ax.annotate(
        text,
        (x, y),
        xytext=(-5 if flip else 5, dy),
        textcoords="offset points",
        ha="right" if flip else "left",
        fontsize=size,
        color=colour,
        gid=gid,
    )
    note.set_in_layout(False)


def _since(period: Period, *, inferred: bool) -> str:
    """When a level took effect, as precisely as stated: "2013", "2025-03-10–2025-03-23"."""
    form = {Precision.DAY: "%Y-%m-%d", Precision.YEAR: "%Y"}.get(period.precision, "%Y-%m")
    days = sorted({d.strftime(form) for d in (period.start, period.end) if d is not None})
    shown = "–".join(days)
    return f"{shown} (inferred)" if inferred else shown


def _level_name(level: str) -> str:
    return level.replace("_", " ").title()


def _ends(visit: Visit) -> tuple[dt.date, dt.date] | None:
    first = visit.start or visit.end
    last = visit.end or visit.start
    if first is None or last is None:
        return None
    return first, last


# -- visits ---------------------------------------------------------------------


def plot_visits(
    corpus: Corpus,
    a: str = "VNM",
    b: str = "SGP",
    *,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Draw the visits between two countries and the level of their relations over time.

    Two lanes hold the visits, one per direction (``a → b``: visitors of
    ``a`` in ``b``).  A visit is a bar from its first to its last day, with a
    marker at its start (``>`` for ``a → b``, ``<`` for ``b → a``; hollow
    while planned) and the visitor's name and the number of days beside it
    (for the first 30 visits; more would cover each other).
    Below the lanes, one row per tier of relations the corpus reports, and a
    step line climbing them at the date each took effect (hollow markers for
    inferred dates).  Undated visits cannot be placed and are counted in the
    corner; visits whose visitor's country is unknown are not drawn.

    Args:
        corpus: The corpus.
        a: A country (code or name).
        b: The other country.
        since: The first day shown (a date or ISO string); by default the
            first visit's, less a margin (or the first level's when there are
            no dated visits).
        until: The last day shown; by default the last visit's, plus a margin.
        ax: The matplotlib ``Axes`` to draw on; a new figure when ``None``.

    Returns:
        The ``Axes`` drawn on.

    Raises:
        QueryError: If a country or date is not understood, or ``a`` and
            ``b`` are the same country.
        ImportError: If matplotlib is not installed.
    """
    plt = _pyplot("plot_visits")
    from matplotlib.lines import Line2D  # noqa: PLC0415 - an optional dependency

    from vnsg_corpus._query import as_date  # noqa: PLC0415

    first, second = _country_arg("a", a), _country_arg("b", b)
    if first == second:
        raise QueryError(
            f"a and b are the same country ({first})",
            argument="b",
            accepted="a country other than a",
        )
    start_day, end_day = as_date("since", since), as_date("until", until, end=True)
    lanes = [
        (f"{first} → {second}", ">", "tab:blue", corpus.visits(guest_country=first, host=second)),
        (f"{second} → {first}", "<", "tab:orange", corpus.visits(guest_country=second, host=first)),
    ]
    timeline = corpus.partnership_timeline(first, second)
    tiers = sorted({e.tier for e in timeline if e.tier is not None}, key=lambda t: t.rank)
    row = {tier: number for number, tier in enumerate(tiers)}
    steps = sorted(
        (
            (day, entry.tier, _since(entry.since, inferred=entry.inferred), entry.inferred)
            for entry in timeline
            if entry.tier is not None
            and entry.status is PartnershipStatus.ESTABLISHED
            and entry.since is not None
            and (day := entry.since.start or entry.since.end) is not None
        ),
        key=lambda step: (step[0], step[1].rank),
    )
    ax = _axes(plt, ax)

    dated = [ends for *_, visits in lanes for v in visits if (ends := _ends(v)) is not None]
    if dated:
        lo, hi = min(s for s, _ in dated), max(e for _, e in dated)
        margin = max(30, (hi - lo).days // 20)
    elif steps:
        lo, hi = steps[0][0], max(steps[-1][0], dt.date.today())
        margin = max(365, (hi - lo).days // 20)
    else:
        lo = hi = dt.date.today()
        margin = 30
    left = start_day or add_days(lo, -margin) or dt.date.min
    right = end_day or add_days(hi, margin) or dt.date.max

    def far(day: dt.date) -> bool:
        """Whether a label at ``day`` had better stand to its left (near the right edge)."""
        return day > left + (right - left) * 0.7

    legend: list[Line2D] = []
    undated = 0
    labelled = 0
    for lane, (label, marker, colour, visits) in enumerate(lanes):
        y = len(tiers) + 1 + lane
        for visit in visits:
            ends = _ends(visit)
            if ends is None:
                undated += 1
                continue
            begin, finish = ends
            days = (finish - begin).days + 1
            ax.broken_barh(
                [(_x(begin), float(days))],
                (y - 0.18, 0.36),
                facecolors=colour,
                alpha=0.45,
                gid="vnsg-visit-bar",
            )
            planned = visit.status is VisitStatus.PLANNED
            ax.plot(
                [_x(begin)],
                [y],
                marker=marker,
                markersize=9,
                linestyle="none",
                color=colour,
                markerfacecolor="white" if planned else colour,
                gid="vnsg-visit",
            )
            if labelled < _LABELLED_VISITS:
                labelled += 1
                _note(
                    ax,
                    f"{visit.visitor.name}, {days} day{'s' if days != 1 else ''}",
                    _x(begin),
                    y,
                    gid="vnsg-visitor",
                    flip=far(begin),
                    dy=8 if labelled % 2 else -14,
                )
        legend.append(
            Line2D([], [], marker=marker, color=colour, linestyle="none", label=f"visit {label}")
        )
    if any(v.status is VisitStatus.PLANNED for *_, visits in lanes for v in visits):
        legend.append(
            Line2D([], [], marker="o", color="0.3", markerfacecolor="white", linestyle="none")
        )
        legend[-1].set_label("planned (hollow)")

    if steps:
        xs = [_x(day) for day, *_ in steps] + [_x(max(right, steps[-1][0]))]
        ys = [row[tier] for _, tier, *_ in steps]
        ax.step(xs, [*ys, ys[-1]], where="post", color="0.25", linewidth=2, gid="vnsg-levels")
        in_force = [step for step in steps if step[0] < left]
        for day, tier, took_effect, inferred in steps:
            if day < left:
                if (day, tier, took_effect, inferred) == in_force[-1]:
                    # Its change is out of view: say since when, at the left edge.
                    _note(ax, f"since {took_effect}", _x(left), row[tier], gid="vnsg-level-date")
                continue
            ax.plot(
                [_x(day)],
                [row[tier]],
                marker="o",
                color="0.25",
                markerfacecolor="white" if inferred else "0.25",
                gid="vnsg-level-change",
            )
            _note(ax, took_effect, _x(day), row[tier], gid="vnsg-level-date", flip=far(day))
        legend.append(Line2D([], [], color="0.25", linewidth=2, label="level of relations"))
    if len(tiers) > 0:
        ax.axhline(len(tiers) + 0.4, color="0.8", linewidth=0.8)
    if undated:
        ax.text(
            0.99,
            0.02,
            f"{undated} undated visit{'s' if undated != 1 else ''} not shown",
            transform=ax.transAxes,
            ha="right",
            va="bottom",
            fontsize=8,
            gid="vnsg-undated",
        )

    ticks = [*range(len(tiers)), len(tiers) + 1, len(tiers) + 2]
    ax.set_yticks(ticks, [*(_level_name(t.value) for t in tiers), *(lab for lab, *_ in lanes)])
    ax.set_ylim(-0.6, len(tiers) + 2.8)
    ax.set_xlim(_x(left), _x(right))
    _date_axis(ax)
    ax.set_title(f"Visits between {first} and {second}, and the level of relations")
    ax.legend(handles=legend, loc="best", fontsize=8)
    return ax


# -- series -----------------------------------------------------------------------


def _scale(unit: str, largest: float) -> tuple[float, str]:
    if unit in {"percent", "percentage_points", "rank"}:
        return 1.0, ""
    for factor, word in ((1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if largest >= factor:
            return factor, word
    return 1.0, ""


def _middle(period: Period) -> dt.date:
    if period.start is not None and period.end is not None:
        return period.start + (period.end - period.start) / 2
    day = period.end or period.start
    assert day is not None  # noqa: S101 - a series point's period has an end or a start
    return day


def _months(period: Period) -> int | None:
    """The number of months a flow covers; ``None`` for a stock (no start)."""
    if period.start is None or period.end is None:
        return None
    return (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1


def _independent(value: ReportedValue) -> int:
    """How many independent sources give a value: copies of one wire story count once."""
    return len(value.stories) or len(value.articles)


def _sources(count: int) -> str:
    return f"{count} source{'s' if count != 1 else ''}"


def _shown(value: float) -> str:
    return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"


def plot_series(
    corpus: Corpus,
    metric: Metric | str,
    *,
    between: tuple[str, str] | None = None,
    unit: str | None = None,
    reporter: str | None = None,
    during: Period | dt.date | str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Draw one metric over time, one marker per statistic, with its qualifier and sources.

    The points are those of [`Corpus.series`][vnsg_corpus.Corpus.series]
    with the same arguments.  Each is drawn at the middle of its period (a
    stock at its date), with a thin line across the period, so a
    year-to-date value is seen not to be a full year.  Its marker tells its
    qualifier ([`QUALIFIER_MARKERS`][vnsg_corpus.plot.QUALIFIER_MARKERS]); a
    range ("between US$9 billion and US$10 billion", or reports that differ
    within rounding) is a vertical bar; "3 sources" beside it counts the
    articles reporting it, copies of one wire story (see
    [`Corpus.copies`][vnsg_corpus.Corpus.copies]) once.  The other values
    of a disputed point (a red ``X`` and a red ring around the current
    value), a revised point (grey, the
    earlier value) or an ambiguous one are drawn at the same date, joined to
    the current value by a dotted line.  Points of one country pair and
    reporter share a colour; those among them that cover periods of the
    same length are joined by a line.

    Args:
        corpus: The corpus.
        metric: A [`Metric`][vnsg_corpus.Metric] or its value ("bilateral_trade").
        between: Only points about these two countries.
        unit: Only points in this unit; needed when the points come in
            several (a chart has one value axis).
        reporter: Only points counted by this reporter.
        during: Only points whose period overlaps this one.
        ax: The matplotlib ``Axes`` to draw on; a new figure when ``None``.

    Returns:
        The ``Axes`` drawn on.

    Raises:
        QueryError: If an argument is not understood, or the points come in
            several units and ``unit`` does not choose one.
        ImportError: If matplotlib is not installed.
    """
    plt = _pyplot("plot_series")
    from matplotlib.lines import Line2D  # noqa: PLC0415 - an optional dependency

    points = corpus.series(metric, between=between, unit=unit, reporter=reporter, during=during)
    units = sorted({p.unit for p in points})
    if len(units) > 1:
        raise QueryError(
            f"the points come in {len(units)} units ({', '.join(units)}) and a chart has one"
            " value axis",
            argument="unit",
            accepted=f"one of {', '.join(units)}",
        )
    ax = _axes(plt, ax)
    name = Metric(metric).value.replace("_", " ")
    pair = "" if between is None else f", {'–'.join(_country_arg('between', c) for c in between)}"
    ax.set_title(f"{name[0].upper()}{name[1:]}{pair}")
    if not points:
        ax.text(0.5, 0.5, "no points", transform=ax.transAxes, ha="center", gid="vnsg-empty")
        return ax

    largest = max(
        abs(float(v)) for p in points for rv in p.values for v in (rv.value, rv.value_max) if v
    )
    factor, word = _scale(units[0], largest)

    def y(value: Decimal, value_max: Decimal | None) -> float:
        low = float(value) / factor
        return low if value_max is None else (low + float(value_max) / factor) / 2

    middles = [_middle(p.period) for p in points]
    far = min(middles) + (max(middles) - min(middles)) * 0.8  # labels beyond: to the left
    groups: dict[tuple[str, str], list[SeriesPoint]] = {}
    for point in points:
        who = "no reporter named" if point.reporter is None else str(point.reporter)
        groups.setdefault(("–".join(point.countries) or "no country", who), []).append(point)
    legend: list[Line2D] = []
    qualifiers: set[Qualifier] = set()
    statuses: set[SeriesStatus] = set()
    for number, ((countries, who), members) in enumerate(groups.items()):
        colour = f"C{number % 10}"
        legend.append(Line2D([], [], color=colour, linewidth=4, label=f"{countries}, {who}"))
        for point in members:
            _draw_point(ax, point, colour, y, factor, flip=_middle(point.period) > far)
            qualifiers.add(point.qualifier)
            if point.status in _COMPETING:
                statuses.add(point.status)
        shapes: dict[int | None, list[SeriesPoint]] = {}
        for point in members:
            shapes.setdefault(_months(point.period), []).append(point)
        for same in shapes.values():
            if len(same) > 1:
                ordered = sorted(same, key=lambda p: _middle(p.period))
                ax.plot(
                    [_x(_middle(p.period)) for p in ordered],
                    [y(p.value, p.value_max) for p in ordered],
                    color=colour,
                    linewidth=0.8,
                    alpha=0.5,
                    gid="vnsg-line",
                )
    legend.extend(
        Line2D([], [], marker=QUALIFIER_MARKERS[q], color="0.2", linestyle="none", label=q.value)
        for q in Qualifier
        if q in qualifiers
    )
    for status, (marker, colour, label) in _COMPETING.items():
        if status in statuses:
            hollow = status is SeriesStatus.REVISED
            legend.append(
                Line2D(
                    [],
                    [],
                    marker=marker,
                    color=colour,
                    markerfacecolor="none" if hollow else colour,
                    linestyle="none",
                    label=label,
                )
            )
    ax.set_ylabel(" ".join(part for part in (word, units[0]) if part))
    ax.margins(x=0.05, y=0.15)
    _date_axis(ax)
    ax.legend(handles=legend, loc="best", fontsize=8)
    return ax


def _draw_point(
    ax: Axes,
    point: SeriesPoint,
    colour: str,
    at: Callable[[Decimal, Decimal | None], float],
    factor: float,
    *,
    flip: bool,
) -> None:
    """One statistic: its period, range, marker, sources and competing values."""
    middle = _x(_middle(point.period))
    current = at(point.value, point.value_max)
    period = point.period
    if period.start is not None and period.end is not None and period.start != period.end:
        ax.plot(
            [_x(period.start), _x(period.end)],
            [current, current],
            color=colour,
            linewidth=1.5,
            alpha=0.6,
            solid_capstyle="butt",
            gid="vnsg-period",
        )
    if point.value_max is not None:
        ax.plot(
            [middle, middle],
            [float(point.value) / factor, float(point.value_max) / factor],
            color=colour,
            linewidth=4,
            alpha=0.4,
            gid="vnsg-range",
        )
    ax.plot(
        [middle],
        [current],
        marker=QUALIFIER_MARKERS[point.qualifier],
        markersize=8,
        linestyle="none",
        color=colour,
        gid="vnsg-point",
    )
    sources = _independent(point.current)
    _note(
        ax,
        _sources(sources),
        middle,
        current,
        gid="vnsg-sources",
        flip=flip,
        dy=5,
        size=7,
    )
    if point.status not in _COMPETING:
        return
    marker, mark, _ = _COMPETING[point.status]
    if point.status is SeriesStatus.DISPUTED:
        ax.plot(
            [middle],
            [current],
            marker="o",
            markersize=15,
            markerfacecolor="none",
            markeredgecolor=mark,
            linestyle="none",
            gid="vnsg-disputed-ring",
        )
    for other in point.values[:-1]:
        value = at(other.value, other.value_max)
        ax.plot([middle, middle], [value, current], linestyle=":", color=mark, gid="vnsg-link")
        ax.plot(
            [middle],
            [value],
            marker=marker,
            markersize=8,
            linestyle="none",
            color=mark,
            markerfacecolor="none" if point.status is SeriesStatus.REVISED else mark,
            gid=f"vnsg-{point.status.value}",
        )
        _note(
            ax,
            f"{point.status.value}: {_shown(value)}, {_sources(_independent(other))}",
            middle,
            value,
            gid=f"vnsg-{point.status.value}-label",
            flip=flip,
            dy=-3,
            size=7,
            colour=mark,
        )
