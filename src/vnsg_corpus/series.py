"""Economic series: one point per statistic, with every report of it.

Articles report the same statistic again and again ("trade reached US$9
billion in 2023" in five outlets), round it differently ("over 8.26 billion",
"an estimated 8.25 billion"), and quote different counters of it (Singapore's
Department of Statistics, Việt Nam's customs).  A series turns those mentions
into one [`SeriesPoint`][vnsg_corpus.SeriesPoint] per statistic, each with
every figure that reported it.  The rules (see the Series docs page):

- **One statistic** is one metric, one country pair (ordered, except for
  two-way trade), one unit, one period and one reporter.  Flows (a year, a
  quarter, the first N months) and stocks ("as of", "cumulative": a period
  with no start) differ by their periods, so a year-to-date value never meets
  a full year.  Figures without a period, and targets, are not in a series.
- **Rounding**: a value stands for every value it rounds from at the
  precision it is written with ("8.26 billion": 8.255 to 8.265 billion;
  "9 billion": 8.5 to 9.5 billion), widened by its qualifier ("about": one
  step either way; "over": up to one step more; "under": one step less).
  Reports whose ranges share a value are one value; qualifiers combine.
- **Currencies** are never converted; a figure given in two ("US$18.4 billion
  (S$25 billion)") reports in both series, and each point lists the other as
  an *equivalent*.  A growth rate stated with its amount ("up 16.4 per cent to
  S$31.3 billion") has that amount's currency as its *basis*: growth counted
  in two currencies is two statistics.
- **Reporters** are read from attributions ("according to the General
  Statistics Office") in the sentence or its paragraph, never from the outlet.
  Series of different reporters are kept apart; a report with no reporter
  joins the one reporter whose values it agrees with, else stays unattributed.
- **Disagreement**: competing values are kept, ordered by when they were last
  reported; the latest is ``current``.  A point is *revised* when each earlier
  value was a preliminary one (an estimate, or published before its period
  was a month over) and all its reports came before the next value's;
  *ambiguous* when one article alone gives the competing values; otherwise
  *disputed*.
- **Stories**: copies of one wire story (see [`vnsg_corpus.copies`][]) are
  one source.  Given ``stories``, a point reported by one story's copies
  alone is *single*, not *agreed*, and competing values within one story are
  *ambiguous*, never *disputed*; every copy stays among the reports.  A
  stock as of a copy's own publication day ("$25 billion today" in a copy
  carried a day later) is counted as of the story's first publication.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal

import attrs

from vnsg_corpus._dates import add_days
from vnsg_corpus._reporters import reporter_of
from vnsg_corpus.consolidate import Conflict
from vnsg_corpus.copies import story_of
from vnsg_corpus.model import (
    Amount,
    Article,
    EconomicFigure,
    Evidence,
    Metric,
    Period,
    Precision,
    Qualifier,
)
from vnsg_corpus.text import fold

__all__ = [
    "Report",
    "ReportedValue",
    "Reporter",
    "SeriesPoint",
    "SeriesStatus",
    "as_conflict",
    "build_series",
    "figure_reporter",
]

_Key = tuple[Metric, tuple[str, ...], str, tuple[dt.date | None, dt.date | None], str, str]
"""What makes reports one statistic: metric, countries, unit, period's ends, subject, basis."""

_CURRENCY = re.compile(r"[A-Z]{3}")

_SYMMETRIC = frozenset({Metric.BILATERAL_TRADE, Metric.BILATERAL_TRADE_GROWTH})
"""Metrics whose countries are partners in no order (two-way trade)."""

_PRELIMINARY = re.compile(
    r"\b(?:estimat\w*|preliminar\w*|provisional\w*|initial|flash|advance|expected|projected)\b",
    re.IGNORECASE,
)
_GRACE_DAYS = 31
"""A value published within this long after its period ended counts as preliminary."""


@attrs.frozen
class Reporter:
    """Whose statistics a figure is: the body that counted it.

    Attributes:
        name: The body's canonical name ("General Statistics Office",
            "Department of Statistics"), or a generic one ("customs",
            "statistics office") for a country whose body is not listed.
        country: ISO 3166-1 alpha-3 code of its country, when known.
    """

    name: str
    country: str | None = None

    def __str__(self) -> str:
        return self.name if self.country is None else f"{self.name} ({self.country})"


class SeriesStatus(enum.StrEnum):
    """How the reports of one statistic relate."""

    SINGLE = "single"
    """One article reports the statistic (or copies of one wire story do)."""
    AGREED = "agreed"
    """Several articles (of several stories) report it, with values equal after rounding."""
    REVISED = "revised"
    """A preliminary value was followed by a different, later one."""
    DISPUTED = "disputed"
    """Articles give values that cannot be the same statistic rounded."""
    AMBIGUOUS = "ambiguous"
    """One article alone (or one wire story's copies alone) gives several values
    for what reads as one statistic: usually parts of a total that the metric
    does not tell apart.  An article does not dispute itself, nor a story its
    copies, so this is no conflict."""


@attrs.frozen
class Report:
    """One figure's report of a statistic.

    Attributes:
        figure: The figure as extracted.
        article_id: The article it was read from.
        published: That article's date, when known.
        value: The value in this series's unit: the figure's value, or its
            converted amount for a figure given in two currencies.
        value_max: The upper bound of a range, else ``None``.
        unit: The unit of ``value``.
        reporter: Whose statistics the sentence says they are, when it says.
    """

    figure: EconomicFigure
    article_id: str
    published: dt.date | None
    value: Decimal
    value_max: Decimal | None
    unit: str
    reporter: Reporter | None = None

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """The passages the figure was read from."""
        return self.figure.evidence

    @property
    def equivalent(self) -> Amount | None:
        """The same report in the figure's other currency, if it gives one."""
        figure = self.figure
        if figure.converted is None:
            return None
        if self.unit == figure.unit:
            return figure.converted
        return Amount(figure.value, figure.unit)

    @property
    def bounds(self) -> tuple[Decimal, Decimal]:
        """The values this report can stand for, after rounding and its qualifier."""
        return _bounds(self.value, self.value_max, self.figure.qualifier)


@attrs.frozen
class ReportedValue:
    """One value of a statistic and the reports that give it.

    Attributes:
        value: The lowest value reported (the value, when all agree exactly).
        value_max: The highest value reported, when reports differ within
            rounding or give a range; else ``None``.
        qualifier: The reports' qualifiers combined: exact only when every
            report is exact and equal; ``at_least`` when every report is exact
            or a lower bound ("over"); ``at_most`` likewise; else ``approx``.
        reports: The reports, by publication date then article.
        stories: The independent sources of this value: the story of each
            reporting article (see ``SeriesPoint.stories``), sorted.
    """

    value: Decimal
    value_max: Decimal | None
    qualifier: Qualifier
    reports: tuple[Report, ...]
    stories: tuple[str, ...] = ()

    @property
    def articles(self) -> tuple[str, ...]:
        """The ids of the articles reporting this value, sorted."""
        return tuple(sorted({r.article_id for r in self.reports}))

    @property
    def first_reported(self) -> dt.date | None:
        """The earliest publication date of a report, if any is dated."""
        dates = [r.published for r in self.reports if r.published is not None]
        return min(dates) if dates else None

    @property
    def last_reported(self) -> dt.date | None:
        """The latest publication date of a report, if any is dated."""
        dates = [r.published for r in self.reports if r.published is not None]
        return max(dates) if dates else None


@attrs.frozen
class SeriesPoint:
    """One statistic, with every report of it.

    Attributes:
        metric: What is measured.
        countries: The country pair (or one country), as the figures order
            them; sorted for two-way trade, whose partners have no order.
        unit: The unit of the values.
        period: The period the statistic covers.
        reporter: Whose statistics these are, when an attribution says.
        values: The values reported: one unless the reports disagree, then
            ordered by when each was last reported (the latest last; undated
            reports count as earliest; on a tie the lower value first).
        status: How the reports relate.
        subject: The figures' subject, for ``Metric.OTHER`` (whose series are
            kept apart by subject); else empty.
        equivalents: The same statistic in other currencies, as reports gave it.
        basis: For a growth rate, the currency of the amount that grew when
            the same sentence gives it ("up 16.4 per cent to S$31.3 billion":
            ``"SGD"``); growth of trade counted in Singapore dollars and in US
            dollars are two statistics.  ``None`` when not given.
        stories: The independent sources: the story of each reporting article
            (its wire story's id for a copy, see
            [`Corpus.copies`][vnsg_corpus.Corpus.copies], else its own id),
            sorted; copies of one story count once.
    """

    metric: Metric
    countries: tuple[str, ...]
    unit: str
    period: Period
    reporter: Reporter | None
    values: tuple[ReportedValue, ...]
    status: SeriesStatus
    subject: str = ""
    equivalents: tuple[Amount, ...] = ()
    basis: str | None = None
    stories: tuple[str, ...] = ()

    @property
    def current(self) -> ReportedValue:
        """The value reported most recently (for a disputed point: not necessarily right)."""
        return self.values[-1]

    @property
    def value(self) -> Decimal:
        """The current value (its lower end when reports differ within rounding)."""
        return self.current.value

    @property
    def value_max(self) -> Decimal | None:
        """The current value's upper end, when reports differ within rounding."""
        return self.current.value_max

    @property
    def qualifier(self) -> Qualifier:
        """The current value's combined qualifier."""
        return self.current.qualifier

    @property
    def reports(self) -> tuple[Report, ...]:
        """Every report of the statistic, whatever value it gives."""
        return tuple(r for v in self.values for r in v.reports)

    @property
    def articles(self) -> tuple[str, ...]:
        """The ids of every article reporting the statistic, sorted."""
        return tuple(sorted({r.article_id for r in self.reports}))

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """Every passage the statistic was read from, by article and offset."""
        found = {e for r in self.reports for e in r.evidence}
        return tuple(sorted(found, key=lambda e: (e.article_id, e.start, e.end)))


# -- rounding ---------------------------------------------------------------------


def _step(value: Decimal) -> Decimal:
    """One unit of the last digit written: 8,260,000,000 -> 10,000,000; 5.5 -> 0.1."""
    if not value.is_finite() or value == 0:
        return Decimal(1)
    exponent = value.normalize().as_tuple().exponent
    return Decimal(1).scaleb(int(exponent))  # finite values have an integer exponent


def _bounds(
    value: Decimal, value_max: Decimal | None, qualifier: Qualifier
) -> tuple[Decimal, Decimal]:
    low_step = _step(value)
    high, high_step = (value, low_step) if value_max is None else (value_max, _step(value_max))
    below, above = {
        Qualifier.EXACT: (Decimal("0.5"), Decimal("0.5")),
        Qualifier.APPROX: (Decimal(1), Decimal(1)),
        Qualifier.AT_LEAST: (Decimal("0.5"), Decimal(1)),
        Qualifier.AT_MOST: (Decimal(1), Decimal("0.5")),
    }[qualifier]
    return value - below * low_step, high + above * high_step


def _combined(reports: Sequence[Report]) -> Qualifier:
    qualifiers = {r.figure.qualifier for r in reports}
    if qualifiers == {Qualifier.EXACT}:
        same = len({(r.value, r.value_max) for r in reports}) == 1
        return Qualifier.EXACT if same else Qualifier.APPROX
    if qualifiers <= {Qualifier.EXACT, Qualifier.AT_LEAST}:
        return Qualifier.AT_LEAST
    if qualifiers <= {Qualifier.EXACT, Qualifier.AT_MOST}:
        return Qualifier.AT_MOST
    return Qualifier.APPROX


def _report_order(report: Report) -> tuple[object, ...]:
    first = report.figure.evidence[0] if report.figure.evidence else None
    return (
        report.published or dt.date.min,
        report.article_id,
        first.start if first else 0,
        report.value,
        report.value_max or report.value,
    )


def _agreeing(reports: Iterable[Report]) -> list[list[Report]]:
    """Reports grouped so that every group's ranges share a value (a sweep by range)."""
    ordered = sorted(reports, key=lambda r: (*r.bounds, *_report_order(r)))
    groups: list[list[Report]] = []
    ceiling = Decimal(0)
    for report in ordered:
        low, high = report.bounds
        if groups and low <= ceiling:
            groups[-1].append(report)
            ceiling = min(ceiling, high)
        else:
            groups.append([report])
            ceiling = high
    return groups


def _value(group: list[Report], stories: Mapping[str, str] | None) -> ReportedValue:
    low = min(r.value for r in group)
    high = max(r.value_max or r.value for r in group)
    return ReportedValue(
        value=low,
        value_max=None if high == low else high,
        qualifier=_combined(group),
        reports=tuple(sorted(group, key=_report_order)),
        stories=tuple(sorted({story_of(r.article_id, stories) for r in group})),
    )


# -- reporters and status --------------------------------------------------------------


def _overlaps(report: Report, others: Sequence[Report]) -> bool:
    low, high = report.bounds
    for other in others:
        other_low, other_high = other.bounds
        if low <= other_high and other_low <= high:
            return True
    return False


def _by_reporter(reports: Sequence[Report]) -> dict[Reporter | None, list[Report]]:
    """Reports by reporter; an unattributed report joins the one reporter it agrees with."""
    pools: dict[Reporter | None, list[Report]] = defaultdict(list)
    unattributed = []
    for report in reports:
        if report.reporter is None:
            unattributed.append(report)
        else:
            pools[report.reporter].append(report)
    known = sorted(pools, key=str)
    for report in unattributed:
        agreeing = [r for r in known if _overlaps(report, pools[r])]
        pools[agreeing[0] if len(agreeing) == 1 else None].append(report)
    return pools


def _preliminary(value: ReportedValue, period: Period) -> bool:
    for report in value.reports:
        if report.figure.qualifier is Qualifier.APPROX:
            continue
        if any(_PRELIMINARY.search(e.text) for e in report.evidence):
            continue
        if report.published is not None and period.end is not None:
            deadline = add_days(period.end, _GRACE_DAYS)  # None: past the calendar's end
            if deadline is None or report.published <= deadline:
                continue
        return False
    return True


def _status(
    values: Sequence[ReportedValue], period: Period, stories: Mapping[str, str] | None
) -> SeriesStatus:
    def sources(articles: Iterable[str]) -> int:
        """How many independent sources: stories, copies of one story counting once."""
        return len({story_of(article, stories) for article in articles})

    if len(values) == 1:
        return SeriesStatus.SINGLE if sources(values[0].articles) == 1 else SeriesStatus.AGREED
    if sources(article for value in values for article in value.articles) == 1:
        return SeriesStatus.AMBIGUOUS
    for earlier, later in itertools.pairwise(values):
        last, first = earlier.last_reported, later.first_reported
        if last is None or first is None or last >= first or not _preliminary(earlier, period):
            return SeriesStatus.DISPUTED
    return SeriesStatus.REVISED


def _period(reports: Sequence[Report], as_of: Mapping[Report, Period]) -> Period:
    """The reports' common period, at the precision that sorts first (any one is right)."""
    periods = {
        as_of.get(r, r.figure.period) if as_of else r.figure.period
        for r in reports
        if r.figure.period is not None
    }
    return min(periods, key=lambda p: p.precision.value)


def _point(
    key: _Key,
    reporter: Reporter | None,
    reports: list[Report],
    stories: Mapping[str, str] | None = None,
    as_of: Mapping[Report, Period] | None = None,
) -> SeriesPoint:
    metric, countries, unit, _, subject, basis = key
    period = _period(reports, as_of or {})
    values = sorted(
        (_value(group, stories) for group in _agreeing(reports)),
        key=lambda v: (v.last_reported or dt.date.min, v.value, v.value_max or v.value),
    )
    equivalents = {e for r in reports if (e := r.equivalent) is not None}
    return SeriesPoint(
        metric=metric,
        countries=countries,
        unit=unit,
        period=period,
        reporter=reporter,
        values=tuple(values),
        status=_status(values, period, stories),
        subject=subject,
        equivalents=tuple(sorted(equivalents, key=lambda a: (a.unit, a.value))),
        basis=basis or None,
        stories=tuple(sorted({story_of(r.article_id, stories) for r in reports})),
    )


def _point_order(point: SeriesPoint) -> tuple[object, ...]:
    period = point.period
    return (
        period.start or period.end or dt.date.min,
        period.end or dt.date.max,
        point.metric.value,
        point.countries,
        point.unit,
        point.subject,
        point.basis or "",
        "" if point.reporter is None else str(point.reporter),
    )


def _statistic_of(report: Report, basis: str, period: Period | None = None) -> _Key | None:
    figure = report.figure
    period = period or figure.period
    if period is None or figure.target:
        return None
    countries = figure.countries
    if figure.metric in _SYMMETRIC:
        countries = tuple(sorted(countries))
    subject = fold(figure.subject) if figure.metric is Metric.OTHER else ""
    # Equal periods stated at different precisions ("2023", "January-December 2023") match.
    ends = (period.start, period.end)
    return figure.metric, countries, report.unit, ends, subject, basis


def _first_published(
    stories: Mapping[str, str], dates: Mapping[str, dt.date | None]
) -> dict[str, dt.date]:
    """The first publication date of each story: its earliest dated member's."""
    first: dict[str, dt.date] = {}
    for article, story in stories.items():
        day = dates.get(article)
        if day is not None and (story not in first or day < first[story]):
            first[story] = day
    return first


def _story_period(
    report: Report, stories: Mapping[str, str], first: Mapping[str, dt.date]
) -> Period | None:
    """A copy's stock as of its own publication day, moved to its story's first day.

    "$25 billion today" in a copy carried a day after its original is the
    original's statistic, not a new one.
    """
    period = report.figure.period
    if period is None or period.start is not None or period.precision is not Precision.DAY:
        return None
    story = stories.get(report.article_id)
    day = None if story is None else first.get(story)
    if day is None or report.published is None or period.end != report.published:
        return None
    return Period(None, day, Precision.DAY) if day < report.published else None


_Place = tuple[str, int, str, tuple[dt.date | None, dt.date | None]]
"""Where a figure was read: article, sentence start, metric and period ends."""


def _place(figure: EconomicFigure, article_id: str, metric: str) -> _Place | None:
    if not figure.evidence or figure.period is None:
        return None
    return article_id, figure.evidence[0].start, metric, (figure.period.start, figure.period.end)


def _bases(figures: Sequence[tuple[EconomicFigure, str]]) -> dict[_Place, set[str]]:
    """The currencies of the amounts stated in each sentence, by metric and period."""
    found: dict[_Place, set[str]] = defaultdict(set)
    for figure, article_id in figures:
        place = _place(figure, article_id, figure.metric.value)
        if place is not None and _CURRENCY.fullmatch(figure.unit):
            found[place].add(figure.unit)
    return found


def _basis(figure: EconomicFigure, article_id: str, bases: Mapping[_Place, set[str]]) -> str:
    """The one currency of the amount a growth rate describes in its sentence, or ``""``."""
    base, growth, _ = figure.metric.value.rpartition("_growth")
    if not growth or figure.unit != "percent":
        return ""
    place = _place(figure, article_id, base)
    currencies = bases.get(place, set()) if place is not None else set()
    return next(iter(currencies)) if len(currencies) == 1 else ""


def build_series(
    figures: Iterable[tuple[EconomicFigure, str]],
    *,
    published: Mapping[str, dt.date | None] | None = None,
    reporter: Callable[[EconomicFigure, str], Reporter | None] | None = None,
    context: Iterable[tuple[EconomicFigure, str]] = (),
    stories: Mapping[str, str] | None = None,
) -> list[SeriesPoint]:
    """Consolidate figures into series points by the rules of this module.

    Args:
        figures: Each figure with the id of the article it was read from.
        published: Article dates by id, to order and date reports.
        reporter: Says whose statistics a figure is (given the figure and its
            article id); by default no figure has a known reporter.
        context: Other figures of the same articles, not consolidated but
            read for the basis of growth rates (the amounts their sentences
            state); ``figures`` are always read.
        stories: The story of each article id that is a copy of a wire story
            (see [`stories`][vnsg_corpus.copies.stories]); an article not in
            it is its own story.  Copies of one story count as one source:
            alone they make a ``single`` point, never an ``agreed`` or a
            ``disputed`` one.  By default every article is its own story.

    Returns:
        The points, ordered by period, then metric, countries, unit, subject
        and reporter.  The result does not depend on the order of ``figures``.

    Examples:
        >>> from decimal import Decimal
        >>> from vnsg_corpus import EconomicFigure, Metric, Period, Precision, Qualifier
        >>> year = Period(dt.date(2020, 1, 1), dt.date(2020, 12, 31), Precision.YEAR)
        >>> def trade(value: str, qualifier: Qualifier) -> EconomicFigure:
        ...     return EconomicFigure(Metric.BILATERAL_TRADE, "trade", Decimal(value), "USD",
        ...                           qualifier, year, countries=("VNM", "SGP"))
        >>> [point] = build_series([(trade("8260000000", Qualifier.AT_LEAST), "a"),
        ...                         (trade("8250000000", Qualifier.APPROX), "b")])
        >>> point.status.value, point.qualifier.value, len(point.articles)
        ('agreed', 'approx', 2)
        >>> point.value, point.value_max
        (Decimal('8250000000'), Decimal('8260000000'))
    """
    dates = published or {}
    located = list(figures)
    bases = _bases([*located, *context])
    first = {} if stories is None else _first_published(stories, dates)
    as_of: dict[Report, Period] = {}
    groups: dict[_Key, list[Report]] = defaultdict(list)
    for figure, article_id in located:
        who = None if reporter is None else reporter(figure, article_id)
        basis = _basis(figure, article_id, bases)
        amounts = [(figure.value, figure.value_max, figure.unit)]
        if figure.converted is not None and figure.converted.unit != figure.unit:
            amounts.append((figure.converted.value, None, figure.converted.unit))
        for value, value_max, unit in amounts:
            report = Report(figure, article_id, dates.get(article_id), value, value_max, unit, who)
            moved = None if stories is None else _story_period(report, stories, first)
            if moved is not None:
                as_of[report] = moved
            key = _statistic_of(report, basis, moved)
            if key is not None:
                groups[key].append(report)
    points = [
        _point(key, who, pool, stories, as_of)
        for key, reports in groups.items()
        for who, pool in _by_reporter(reports).items()
    ]
    return sorted(points, key=_point_order)


def figure_reporter(article: Article, figure: EconomicFigure) -> Reporter | None:
    """Whose statistics a figure of ``article`` is, as its attribution says.

    Read from the figure's sentence ("according to the General Statistics
    Office", "Enterprise Singapore data show") or, when that sentence names no
    statistical body, from an attribution earlier in its paragraph; never
    from the outlet.

    Examples:
        >>> from vnsg_corpus import parse_article
        >>> article = parse_article(
        ...     "Data from Japan's customs showed that exports to Viet Nam reached"
        ...     " US$3 billion in 2023.", id="jp")
        >>> print(figure_reporter(article, article.figures[0]))
        customs (JPN)

    Returns:
        The reporter, or ``None`` when no attribution names one.
    """
    if not figure.evidence:
        return None
    evidence = figure.evidence[0]
    paragraph = None
    for span in article.paragraphs:
        if span.start <= evidence.start < span.end:
            paragraph = (span.start, span.end)
            break
    found = reporter_of(article.text, (evidence.start, evidence.end), paragraph)
    return None if found is None else Reporter(*found)


def _shown(value: ReportedValue) -> str:
    text = str(value.value) if value.value_max is None else f"{value.value}..{value.value_max}"
    return f"{text} ({', '.join(value.articles)})"


def as_conflict(point: SeriesPoint) -> Conflict:
    """A disputed point as a [`Conflict`][vnsg_corpus.consolidate.Conflict], with all evidence.

    Examples:
        >>> from decimal import Decimal
        >>> from vnsg_corpus import EconomicFigure, Metric, Period, Precision
        >>> year = Period(dt.date(2019, 1, 1), dt.date(2019, 12, 31), Precision.YEAR)
        >>> def trade(value: str) -> EconomicFigure:
        ...     return EconomicFigure(Metric.BILATERAL_TRADE, "trade", Decimal(value), "USD",
        ...                           period=year, countries=("VNM", "SGP"))
        >>> [point] = build_series([(trade("7400000000"), "a"), (trade("8000000000"), "b")])
        >>> point.status.value
        'disputed'
        >>> print(as_conflict(point).description)
        bilateral_trade SGP-VNM (USD) for 2019-01-01..2019-12-31: 7400000000 (a); 8000000000 (b)
    """
    who = "" if point.reporter is None else f", {point.reporter}"
    who = who if point.basis is None else f" of {point.basis}{who}"
    countries = f" {'-'.join(point.countries)}" if point.countries else ""
    subject = f"{point.subject}, " if point.subject else ""
    values = sorted(point.values, key=lambda v: v.value)
    return Conflict(
        kind="figure",
        description=(
            f"{point.metric}{countries} ({subject}{point.unit}{who})"
            f" for {point.period.start}..{point.period.end}: "
            + "; ".join(_shown(v) for v in values)
        ),
        evidence=point.evidence,
    )
